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
    setRows(page.items, [&] { m_page = page; });
}

QVariant HistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const TokenInfo &t = rows().at(index.row());
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
    case NumberColumn: return t.tokenNumber;
    case ServiceColumn: return t.serviceName;
    case StatusColumn: return statusText(t.status);
    case CounterColumn: return t.counterName;
    case IssuedColumn: return formatTime(t.createdAt);
    case WaitColumn: return formatDuration(secondsBetween(arrived, t.calledAt));
    case ServiceTimeColumn:
        return t.hasStatus(Wire::TokenStatus::Completed)
                   ? formatDuration(secondsBetween(t.servingAt, t.finishedAt))
                   : formatDuration(-1);
    case RecallsColumn: return t.recallCount;
    default: return {};
    }
}

QVariant HistoryModel::columnTitle(int column) const
{
    switch (column) {
    case NumberColumn: return tr("Token");
    case ServiceColumn: return tr("Service");
    case StatusColumn: return tr("Status");
    case CounterColumn: return tr("Counter");
    case IssuedColumn: return tr("Issued");
    case WaitColumn: return tr("Wait");
    case ServiceTimeColumn: return tr("Service time");
    case RecallsColumn: return tr("Recalls");
    default: return {};
    }
}

void TokenEventsModel::setEvents(const QList<TokenEvent> &events,
                                 const QHash<int, QString> &counterNames)
{
    setRows(events, [&] { m_counterNames = counterNames; });
}

QVariant TokenEventsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) || role != Qt::DisplayRole)
        return {};
    const TokenEvent &e = rows().at(index.row());
    switch (index.column()) {
    case TimeColumn: return formatTime(e.at);
    case EventColumn: return eventText(e.event);
    case ChangeColumn:
        if (e.fromStatus.isEmpty())
            return statusText(e.toStatus);
        // Translators of right-to-left languages turn the arrow around.
        return tr("%1 → %2").arg(statusText(e.fromStatus), statusText(e.toStatus));
    case CounterColumn:
        return e.counterId ? m_counterNames.value(e.counterId, QString::number(e.counterId))
                           : QString();
    case ActorColumn: return e.actor;
    case ReasonColumn: return e.reason;
    default: return {};
    }
}

QVariant TokenEventsModel::columnTitle(int column) const
{
    switch (column) {
    case TimeColumn: return tr("Time");
    case EventColumn: return tr("Event");
    case ChangeColumn: return tr("Status");
    case CounterColumn: return tr("Counter");
    case ActorColumn: return tr("By");
    case ReasonColumn: return tr("Reason");
    default: return {};
    }
}

} // namespace Nextup::Console
