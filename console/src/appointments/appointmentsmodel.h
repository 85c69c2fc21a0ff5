#pragma once

#include <QAbstractTableModel>
#include <QTimer>

#include "nextup/client/tokentypes.h"

namespace Nextup::Console {

// Where an appointment stands, as the desk speaks of it. `Late` is a booked one whose slot has
// begun while its check-in window is still open (the server expires it when the window closes).
enum class AppointmentState
{
    Booked,
    Late,
    CheckedIn, // waiting in the line
    AtCounter, // called or being served
    Served,
    Skipped,
    NoShow, // expired: never checked in
    Cancelled,
};

// GET /api/appointments as a table: time, number, service, customer, state, and a last column
// for the row's Check in button (AppointmentsPage puts one on every booked or late row). Filters
// by service and state; the states follow the clock by themselves (booked becomes late).
class AppointmentsModel : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AppointmentsModel)

public:
    enum Column
    {
        TimeColumn,
        NumberColumn,
        ServiceColumn,
        CustomerColumn,
        StateColumn,
        ActionColumn,
        ColumnCount,
    };
    enum Role
    {
        TokenIdRole = Qt::UserRole + 1,
        StateRole, // int(AppointmentState)
    };

    explicit AppointmentsModel(QObject *parent = nullptr);
    ~AppointmentsModel() override;

    // Rows of one day show the time only, of a range the date too.
    void setAppointments(const QList<Appointment> &appointments, bool severalDays);
    // 0: every service. nullopt: every state.
    void setServiceFilter(int serviceId);
    void setStateFilter(std::optional<AppointmentState> state);
    const QList<Appointment> &all() const { return m_all; }
    const Appointment &appointment(int row) const { return m_rows.at(row); }
    int rowOf(qint64 tokenId) const;
    // The state of an appointment at `now`.
    static AppointmentState stateOf(const TokenInfo &token,
                                    const QDateTime &now = QDateTime::currentDateTimeUtc());
    static QString stateText(AppointmentState state);
    static QList<AppointmentState> states();
    static bool canCheckIn(AppointmentState state)
    {
        return state == AppointmentState::Booked || state == AppointmentState::Late;
    }
    // How many of the listed rows are in each state (for the summary line).
    QMap<AppointmentState, int> countByState() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

signals:
    // The rows were replaced (filters, new data, or a state that changed with the clock).
    void rowsReplaced();

private:
    void refilter();
    static QString customerName(const TokenInfo &token);

    QList<Appointment> m_all;
    QList<Appointment> m_rows;
    QList<AppointmentState> m_shownStates; // the state each row had when listed
    bool m_severalDays = false;
    int m_serviceId = 0;
    std::optional<AppointmentState> m_state;
    QTimer m_clock;
};

} // namespace Nextup::Console
