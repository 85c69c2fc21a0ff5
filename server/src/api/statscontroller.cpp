#include "api/statscontroller.h"

#include "api/catalogfields.h"
#include "domain/stats.h"
#include "nextup/wire/keys.h"

namespace Nextup {

const QList<Route<StatsController>> &StatsController::routes()
{
    static const QList<Route<StatsController>> table = {
        {"GET", "/api/stats", Access::Staff, &StatsController::stats},
    };
    return table;
}

// {from, to, totals, per_service, per_counter, per_hour, eta_accuracy}; ?from=&to= are dates,
// default each branch's own today (in its time zone); ?branch_id= for one branch.
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
    const auto branchId = CatalogFields::idQuery(call.request, Wire::Key::BranchId);
    if (!branchId)
        problems.insert(Wire::Key::BranchId, QStringLiteral("Must be a positive id."));
    if (!problems.isEmpty())
        return call.responder.send(ApiError::validation(problems));
    Handler::run(m_api, call.responder,
                 [scope = Stats::Scope{from, to, call.caller.narrowed(*branchId)}](
                     WorkerContext &ctx) { return Stats::compute(ctx.db(), scope); });
}

} // namespace Nextup
