#include "appointments/appointmentsmodel.h"

#include <QBrush>
#include <QColor>
#include <QLocale>

namespace Nextup::Console {

namespace {
using Wire::TokenStatus;
// How often the states are looked at again: a slot that begins turns "booked" into "late".
constexpr int kClockMs = 20'000;
} // namespace

AppointmentsModel::AppointmentsModel(QObject *parent) : QAbstractTableModel(parent)
{
    m_clock.setInterval(kClockMs);
    connect(&m_clock, &QTimer::timeout, this, [this] {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (int row = 0; row < m_rows.size(); ++row) {
            if (stateOf(m_rows.at(row).token, now) != m_shownStates.at(row)) {
                refilter();
                return;
            }
        }
    });
    m_clock.start();
}

AppointmentsModel::~AppointmentsModel() = default;

void AppointmentsModel::setAppointments(const QList<Appointment> &appointments, bool severalDays)
{
    m_all = appointments;
    m_severalDays = severalDays;
    refilter();
}

void AppointmentsModel::setServiceFilter(int serviceId)
{
    m_serviceId = serviceId;
    refilter();
}

void AppointmentsModel::setStateFilter(std::optional<AppointmentState> state)
{
    m_state = state;
    refilter();
}

void AppointmentsModel::refilter()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    beginResetModel();
    m_rows.clear();
    m_shownStates.clear();
    for (const Appointment &a : std::as_const(m_all)) {
        const AppointmentState state = stateOf(a.token, now);
        if ((m_serviceId > 0 && a.token.serviceId != m_serviceId) || (m_state && state != *m_state))
            continue;
        m_rows.append(a);
        m_shownStates.append(state);
    }
    endResetModel();
    emit rowsReplaced();
}

int AppointmentsModel::rowOf(qint64 tokenId) const
{
    for (int row = 0; row < m_rows.size(); ++row)
        if (m_rows.at(row).token.id == tokenId)
            return row;
    return -1;
}

AppointmentState AppointmentsModel::stateOf(const TokenInfo &token, const QDateTime &now)
{
    const std::optional<TokenStatus> status = Wire::fromString<TokenStatus>(token.status);
    switch (status.value_or(TokenStatus::Booked)) {
    case TokenStatus::Booked:
        return token.preferredSlot.isValid() && token.preferredSlot <= now
                   ? AppointmentState::Late
                   : AppointmentState::Booked;
    case TokenStatus::Waiting: return AppointmentState::CheckedIn;
    case TokenStatus::Called:
    case TokenStatus::Serving: return AppointmentState::AtCounter;
    case TokenStatus::Completed: return AppointmentState::Served;
    case TokenStatus::Skipped: return AppointmentState::Skipped;
    case TokenStatus::Expired: return AppointmentState::NoShow;
    case TokenStatus::Cancelled: return AppointmentState::Cancelled;
    }
    return AppointmentState::Booked;
}

QList<AppointmentState> AppointmentsModel::states()
{
    return {AppointmentState::Booked,    AppointmentState::Late,     AppointmentState::CheckedIn,
            AppointmentState::AtCounter, AppointmentState::Served,   AppointmentState::Skipped,
            AppointmentState::NoShow,    AppointmentState::Cancelled};
}

QString AppointmentsModel::stateText(AppointmentState state)
{
    switch (state) {
    case AppointmentState::Booked: return tr("Booked");
    case AppointmentState::Late: return tr("Late");
    case AppointmentState::CheckedIn: return tr("Checked in");
    case AppointmentState::AtCounter: return tr("At a counter");
    case AppointmentState::Served: return tr("Served");
    case AppointmentState::Skipped: return tr("Skipped");
    case AppointmentState::NoShow: return tr("No-show");
    case AppointmentState::Cancelled: return tr("Cancelled");
    }
    return {};
}

QMap<AppointmentState, int> AppointmentsModel::countByState() const
{
    QMap<AppointmentState, int> counts;
    for (AppointmentState state : m_shownStates)
        ++counts[state];
    return counts;
}

QString AppointmentsModel::customerName(const TokenInfo &token)
{
    // customer_info is {"name": ...} when a plain text was given; other keys are not shown here.
    const QJsonObject info = token.customerInfo.toObject();
    return info.value(QLatin1String("name")).toString();
}

int AppointmentsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AppointmentsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AppointmentsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const TokenInfo &token = m_rows.at(index.row()).token;
    const AppointmentState state = m_shownStates.at(index.row());
    switch (role) {
    case TokenIdRole: return token.id;
    case StateRole: return int(state);
    case Qt::TextAlignmentRole:
        return index.column() == ServiceColumn || index.column() == CustomerColumn
                   ? QVariant()
                   : QVariant(int(Qt::AlignCenter));
    case Qt::ForegroundRole:
        if (index.column() != StateColumn)
            return {};
        switch (state) {
        case AppointmentState::Late: return QBrush(QColor(0xa0, 0x5a, 0x00));
        case AppointmentState::CheckedIn:
        case AppointmentState::AtCounter:
        case AppointmentState::Served: return QBrush(QColor(0x1e, 0x7d, 0x32));
        case AppointmentState::NoShow:
        case AppointmentState::Skipped: return QBrush(QColor(0xb0, 0x00, 0x20));
        case AppointmentState::Cancelled: return QBrush(QColor(0x66, 0x66, 0x66));
        case AppointmentState::Booked: return {};
        }
        return {};
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole: break;
    default: return {};
    }
    const QLocale locale;
    switch (index.column()) {
    case TimeColumn: {
        const QDateTime slot = token.preferredSlot.toLocalTime();
        const QString clock = locale.toString(slot.time(), QStringLiteral("HH:mm"));
        return m_severalDays ? QStringLiteral("%1 %2").arg(
                                   locale.toString(slot.date(), QStringLiteral("ddd d MMM")), clock)
                             : clock;
    }
    case NumberColumn: return token.tokenNumber;
    case ServiceColumn: return token.serviceName;
    case CustomerColumn: return customerName(token);
    case StateColumn: return stateText(state);
    default: return {};
    }
}

QVariant AppointmentsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn: return tr("Time");
    case NumberColumn: return tr("Number");
    case ServiceColumn: return tr("Service");
    case CustomerColumn: return tr("Customer");
    case StateColumn: return tr("State");
    case ActionColumn: return tr("Check-in");
    default: return {};
    }
}

} // namespace Nextup::Console
