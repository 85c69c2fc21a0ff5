#include "admin/historymodels.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include "admin/adminmodels.h"
#include "admin/adminwidgets.h"

namespace Nextup::Console {

namespace {
// Seconds between two times, or -1 when either is unknown (formatDuration shows "—").
double secondsBetween(const QDateTime &from, const QDateTime &to)
{
    return from.isValid() && to.isValid() ? double(from.msecsTo(to)) / 1000.0 : -1.0;
}
} // namespace

QString formatTime(const QDateTime &time)
{
    return time.isValid() ? QLocale().toString(time.toLocalTime(), QLocale::ShortFormat)
                          : QString();
}

void HistoryModel::setPage(const Nextup::HistoryPage &page)
{
    beginResetModel();
    m_page = page;
    endResetModel();
}

int HistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_page.items.size());
}

int HistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const TokenInfo &t = m_page.items.at(index.row());
    if (role == IdRole)
        return t.id;
    if (role == Qt::ToolTipRole && index.column() == NumberColumn && !t.customerInfo.isNull())
        return t.customerInfo.isString()
                   ? t.customerInfo.toString()
                   : QString::fromUtf8(
                         QJsonDocument(t.customerInfo.toObject()).toJson(QJsonDocument::Compact));
    if (role != Qt::DisplayRole)
        return {};
    const QDateTime arrived = t.arrivalAt.isValid() ? t.arrivalAt : t.createdAt;
    switch (index.column()) {
    case NumberColumn:
        return t.tokenNumber;
    case ServiceColumn:
        return t.serviceName;
    case StatusColumn:
        return statusText(t.status);
    case CounterColumn:
        return t.counterName;
    case IssuedColumn:
        return formatTime(t.createdAt);
    case WaitColumn:
        return formatDuration(secondsBetween(arrived, t.calledAt));
    case ServiceTimeColumn:
        return t.status == u"completed" ? formatDuration(secondsBetween(t.servingAt, t.finishedAt))
                                        : formatDuration(-1);
    case RecallsColumn:
        return t.recallCount;
    default:
        return {};
    }
}

QVariant HistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NumberColumn:
        return tr("Token");
    case ServiceColumn:
        return tr("Service");
    case StatusColumn:
        return tr("Status");
    case CounterColumn:
        return tr("Counter");
    case IssuedColumn:
        return tr("Issued");
    case WaitColumn:
        return tr("Wait");
    case ServiceTimeColumn:
        return tr("Service time");
    case RecallsColumn:
        return tr("Recalls");
    default:
        return {};
    }
}

void TokenEventsModel::setEvents(const QList<TokenEvent> &events,
                                 const QHash<int, QString> &counterNames)
{
    beginResetModel();
    m_events = events;
    m_counterNames = counterNames;
    endResetModel();
}

int TokenEventsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_events.size());
}

int TokenEventsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TokenEventsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) || role != Qt::DisplayRole)
        return {};
    const TokenEvent &e = m_events.at(index.row());
    switch (index.column()) {
    case TimeColumn:
        return formatTime(e.at);
    case EventColumn:
        return eventText(e.event);
    case ChangeColumn:
        if (e.fromStatus.isEmpty())
            return statusText(e.toStatus);
        // Translators of right-to-left languages turn the arrow around.
        return tr("%1 → %2").arg(statusText(e.fromStatus), statusText(e.toStatus));
    case CounterColumn:
        return e.counterId ? m_counterNames.value(e.counterId, QString::number(e.counterId))
                           : QString();
    case ActorColumn:
        return e.actor;
    case ReasonColumn:
        return e.reason;
    default:
        return {};
    }
}

QVariant TokenEventsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case EventColumn:
        return tr("Event");
    case ChangeColumn:
        return tr("Status");
    case CounterColumn:
        return tr("Counter");
    case ActorColumn:
        return tr("By");
    case ReasonColumn:
        return tr("Reason");
    default:
        return {};
    }
}

} // namespace Nextup::Console
