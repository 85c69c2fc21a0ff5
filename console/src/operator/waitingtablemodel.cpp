#include "operator/waitingtablemodel.h"

#include <QFont>
#include <QLocale>

#include "appointments/appointmentslots.h"
#include "nextup/client/queueclient.h"

namespace Nextup::Console {

WaitingTableModel::WaitingTableModel(QueueClient *client, QObject *parent)
    : QAbstractTableModel(parent), m_client(client)
{
    connect(client, &QueueClient::stateChanged, this, &WaitingTableModel::rebuild);
    m_tick.setInterval(15'000);
    connect(&m_tick, &QTimer::timeout, this, [this] {
        if (!m_rows.isEmpty())
            emit dataChanged(index(0, WaitingColumn), index(rowCount() - 1, EtaColumn));
    });
    m_tick.start();
}

void WaitingTableModel::setCounter(int counterId, const QList<int> &serviceIds)
{
    m_counterId = counterId;
    m_serviceIds = serviceIds;
    rebuild();
}

void WaitingTableModel::setSlots(AppointmentSlots *times)
{
    if (m_slots)
        disconnect(m_slots, nullptr, this, nullptr);
    m_slots = times;
    if (times)
        connect(times, &AppointmentSlots::changed, this, [this] {
            if (!m_rows.isEmpty())
                emit dataChanged(index(0, SlotColumn), index(rowCount() - 1, SlotColumn));
        });
}

void WaitingTableModel::rebuild()
{
    QList<QueueToken> rows;
    if (m_client) {
        for (const QueueToken &token : m_client->state().waiting(m_serviceIds)) {
            // A token transferred to one counter is only that counter's to call.
            if (token.targetCounterId == 0 || token.targetCounterId == m_counterId)
                rows.append(token);
        }
    }
    const auto ids = [](const QList<QueueToken> &list) {
        QList<qint64> out;
        for (const QueueToken &token : list)
            out.append(token.id);
        return out;
    };
    if (ids(rows) == ids(m_rows)) {
        m_rows = rows; // same line: only priorities or times may differ
        if (!m_rows.isEmpty())
            emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

int WaitingTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int WaitingTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString WaitingTableModel::formatMinutes(qint64 seconds)
{
    const qint64 minutes = qMax<qint64>(0, seconds) / 60;
    if (minutes < 1)
        return tr("< 1 min");
    if (minutes < 60)
        return tr("%n min", nullptr, int(minutes));
    return tr("%1 h %2 min").arg(minutes / 60).arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

QString WaitingTableModel::serviceLabel(int serviceId) const
{
    const ServiceQueue *service = m_client ? m_client->state().service(serviceId) : nullptr;
    return service ? QStringLiteral("%1 · %2").arg(service->code, service->name)
                   : QString::number(serviceId);
}

QString WaitingTableModel::etaText(int row, int etaSeconds)
{
    // Only the head of this counter's line is next: the head of another service's line is not,
    // even when that service's estimate is under a minute (a collapsed average does that).
    if (row == 0)
        return tr("next");
    return QStringLiteral("~") + formatMinutes(qMax(60, etaSeconds));
}

int WaitingTableModel::etaSeconds(const QueueToken &token) const
{
    // The server gives each service's ETA for a token taken now, i.e. behind all `waiting`
    // tokens; a token k places from the front waits about k/waiting of that.
    const ServiceQueue *service = m_client ? m_client->state().service(token.serviceId) : nullptr;
    if (!service || service->waiting <= 0)
        return 0;
    int ahead = 0;
    for (const QueueToken &other : service->tokens) {
        if (other.id == token.id)
            break;
        ++ahead;
    }
    return int(qint64(service->eta) * ahead / service->waiting);
}

QVariant WaitingTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const QueueToken &token = m_rows.at(index.row());
    const qint64 waited =
        token.arrivalAt.isValid() ? token.arrivalAt.secsTo(QDateTime::currentDateTimeUtc()) : 0;
    if (role == TokenIdRole)
        return token.id;
    if (role == PriorityValueRole)
        return token.priority;
    if (role == Qt::FontRole && token.priority > 0) {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    if (role == Qt::TextAlignmentRole && index.column() != ServiceColumn)
        return int(Qt::AlignCenter);
    if (role == Qt::ToolTipRole || role == Qt::AccessibleTextRole) {
        if (index.column() == PriorityColumn)
            return token.priority > 0 ? tr("Priority %1: called before others").arg(token.priority)
                                      : tr("Normal priority");
    }
    if (role == Qt::ToolTipRole && index.column() == SlotColumn && m_slots &&
        m_slots->slotOf(token.id).isValid())
        return tr("An appointment: it joined the line at its booked time");
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole)
        return {};
    switch (index.column()) {
    case TokenColumn: return token.tokenNumber;
    case SlotColumn: {
        const QDateTime slot = m_slots ? m_slots->slotOf(token.id) : QDateTime();
        return slot.isValid()
                   ? QLocale().toString(slot.toLocalTime().time(), QStringLiteral("HH:mm"))
                   : QString();
    }
    case ServiceColumn: return serviceLabel(token.serviceId);
    case PriorityColumn:
        return token.priority > 0 ? QStringLiteral("★ %1").arg(token.priority) : QString();
    case WaitingColumn: return formatMinutes(waited);
    case EtaColumn: return etaText(index.row(), etaSeconds(token));
    default: return {};
    }
}

QVariant WaitingTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TokenColumn: return tr("Token");
    case SlotColumn: return tr("Booked for");
    case ServiceColumn: return tr("Service");
    case PriorityColumn: return tr("Priority");
    case WaitingColumn: return tr("Waiting");
    case EtaColumn: return tr("Est. call");
    default: return {};
    }
}

} // namespace Nextup::Console
