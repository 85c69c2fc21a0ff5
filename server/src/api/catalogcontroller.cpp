#include "api/catalogcontroller.h"

#include "domain/catalogrecords.h"
#include "domain/stats.h"
#include "http/router.h"
#include "nextup/businessday.h"

#include <QJsonArray>

void CatalogController::registerRoutes(Router &router)
{
    router.add("GET", QStringLiteral("/api/services"), this, &CatalogController::services);
    router.add("GET", QStringLiteral("/api/queues"), this, &CatalogController::queues);
    router.add("GET", QStringLiteral("/api/stats"), this, &CatalogController::stats);
}

// [{id, branch_id, code, name, avg_service_seconds, target_wait_seconds, active, waiting, eta}];
// admins also see inactive services with ?all=true.
void CatalogController::services(const ApiRequest &request, const Responder &responder)
{
    const auto caller = Handler::authorize(m_api, request, responder, {});
    if (!caller)
        return;
    const bool all = caller->isAdmin() && request.queryValue(QStringLiteral("all")) == u"true";
    Handler::run(m_api, responder, [this, all](WorkerContext &ctx) {
        return QueueState::servicesWithQueues(m_api.deps, ctx, all);
    });
}

// {seq, at, services:[... tokens:[...]], counters:[...]}: the resync snapshot.
void CatalogController::queues(const ApiRequest &request, const Responder &responder)
{
    if (!Handler::authorize(m_api, request, responder, {}))
        return;
    Handler::run(m_api, responder,
                 [this](WorkerContext &ctx) { return QueueState::view(m_api.deps, ctx); });
}

// {from, to, totals, per_service, per_counter, per_hour, eta_accuracy}; ?from=&to= are dates,
// default today in the (first) branch's time zone.
void CatalogController::stats(const ApiRequest &request, const Responder &responder)
{
    if (!Handler::authorize(m_api, request, responder, {Roles::Admin, Roles::Operator}))
        return;
    const QString fromText = request.queryValue(QStringLiteral("from"));
    const QString toText = request.queryValue(QStringLiteral("to"));
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
        return responder.send(ApiError::validation(problems));
    Handler::run(m_api, responder, [from, to](WorkerContext &ctx) -> Result<QJsonObject> {
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
