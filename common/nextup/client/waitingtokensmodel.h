#pragma once

#include <QAbstractListModel>
#include <QPointer>
#include <QTimer>

#include "nextup/client/types.h"

namespace Nextup {

class QueueClient;

// The waiting tokens of a set of services, merged in call order, kept in step with a
// QueueClient: what a lobby screen's "next up" list or a counter's queue panel shows. Changes
// arrive as row inserts and removals (so views can animate them); waitingSeconds is refreshed
// every `tickMs`.
class WaitingTokensModel : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WaitingTokensModel)
    Q_MOC_INCLUDE("nextup/client/queueclient.h")
    Q_PROPERTY(Nextup::QueueClient *client READ client WRITE setClient NOTIFY clientChanged)
    // Empty: every service.
    Q_PROPERTY(QList<int> serviceIds READ serviceIds WRITE setServiceIds NOTIFY serviceIdsChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Role
    {
        TokenIdRole = Qt::UserRole + 1,
        TokenNumberRole,
        ServiceIdRole,
        PriorityRole,
        ArrivalAtRole,
        WaitingSecondsRole,
    };
    Q_ENUM(Role)

    explicit WaitingTokensModel(QObject *parent = nullptr);

    QueueClient *client() const { return m_client; }
    void setClient(QueueClient *client);
    QList<int> serviceIds() const { return m_serviceIds; }
    void setServiceIds(const QList<int> &ids);
    void setTickInterval(int milliseconds) { m_tick.setInterval(milliseconds); }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    QueueToken tokenAt(int row) const { return m_rows.value(row); }

signals:
    void clientChanged();
    void serviceIdsChanged();
    void countChanged();

private:
    void refresh();
    void onTick();
    bool sync(const QList<QueueToken> &wanted);

    QPointer<QueueClient> m_client;
    QList<int> m_serviceIds;
    QList<QueueToken> m_rows;
    QTimer m_tick;
};

} // namespace Nextup
