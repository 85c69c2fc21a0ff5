#include "api/statscontroller.h"

#include "domain/catalogrecords.h"
#include "domain/stats.h"
#include "nextup/businessday.h"

namespace Nextup {

const QList<Route<StatsController>> &StatsController::routes()
{
    static const QList<Route<StatsController>> table = {
        {"GET", "/api/stats", Access::Staff, &StatsController::stats},
    };
    return table;
}

// {from, to, totals, per_service, per_counter, per_hour, eta_accuracy}; ?from=&to= are dates,
// default today in the (first) branch's time zone.
void StatsController::stats(const Call &call)
{
    const QString fromText = call.request.queryValue(QStringLiteral("from"));
    const QString toText = call.request.queryValue(QStringLiteral("to"));
    const QDate from = QDate::fromString(fromText, Qt::ISODate);
    const QDate to = QDate::fromString(toText, Qt::ISODate);
    QJsonObject problems;
    if (!fromText.isEmpty() && !from.isValid())
        problems.insert(QStringLiteral("from"), QStringLiteral("A date YYYY-MM-DD."));
    if (!toText.isEmpty() && !to.isValid())
        problems.insert(QStringLiteral("to"), QStringLiteral("A date YYYY-MM-DD."));
    if (from.isValid() && to.isValid() && from > to)
        problems.insert(QStringLiteral("to"), QStringLiteral("Must not be before from."));
    if (!problems.isEmpty())
        return call.responder.send(ApiError::validation(problems));
    Handler::run(m_api, call.responder, [from, to](WorkerContext &ctx) -> Result<QJsonObject> {
        auto branches = Catalog::branches(ctx.db());
        if (!branches.ok())
            return branches.error();
        const QByteArray zone =
            branches->isEmpty() ? QByteArray("UTC") : branches->first().timezone.toUtf8();
        const QDate today = Nextup::businessDate(QDateTime::currentDateTimeUtc(), zone);
        const QDate start = from.isValid() ? from : (to.isValid() ? to : today);
        const QDate end = to.isValid() ? to : (from.isValid() ? qMax(from, today) : today);
        return Stats::compute(ctx.db(), start, end);
    });
}

} // namespace Nextup
