#pragma once

#include <QAbstractTableModel>
#include <QPointer>
#include <QTimer>

#include "nextup/client/types.h"

namespace Nextup {
class QueueClient;
}

namespace Nextup::Console {

class AppointmentSlots;

// The waiting tokens this counter may call, in the server's call order, with their service, the
// slot time of an appointment, priority, time waited and an estimated wait. Rebuilt from the
// QueueClient's state on every change (a counter's line is short); the times tick on their own.
class WaitingTableModel : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WaitingTableModel)

public:
    enum Column
    {
        TokenColumn,
        SlotColumn, // an appointment's booked time; empty for a walk-in
        ServiceColumn,
        PriorityColumn,
        WaitingColumn,
        EtaColumn,
        ColumnCount,
    };
    enum Role
    {
        TokenIdRole = Qt::UserRole + 1,
        PriorityValueRole,
    };

    explicit WaitingTableModel(QueueClient *client, QObject *parent = nullptr);

    // The counter whose line this is: its services, and tokens sent to it by transfer.
    void setCounter(int counterId, const QList<int> &serviceIds);
    // Where the slot times of appointments come from (may be null: no slot column values).
    void setSlots(AppointmentSlots *times);
    QList<int> serviceIds() const { return m_serviceIds; }
    QList<QueueToken> tokens() const { return m_rows; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // "3 min", "1 h 05 min"; "< 1 min" under a minute.
    static QString formatMinutes(qint64 seconds);
    // The Est. call text of a row: "next" for the first row only (the token this counter calls
    // next), an estimate of at least a minute for every other.
    static QString etaText(int row, int etaSeconds);

private:
    void rebuild();
    QString serviceLabel(int serviceId) const;
    int etaSeconds(const QueueToken &token) const;

    QPointer<QueueClient> m_client;
    QPointer<AppointmentSlots> m_slots;
    int m_counterId = 0;
    QList<int> m_serviceIds;
    QList<QueueToken> m_rows;
    QTimer m_tick;
};

} // namespace Nextup::Console
