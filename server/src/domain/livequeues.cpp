#include "domain/livequeues.h"

#include <QDateTime>
#include <QJsonArray>

#include "domain/catalogrecords.h"
#include "domain/etaestimator.h"
#include "domain/tokenrecord.h"
#include "domain/tokenrepository.h"
#include "store/database.h"

namespace Nextup {

namespace LiveQueues {

QueueEntry entryOf(const TokenRecord &token)
{
    return QueueEntry{token.id, token.serviceId, token.priority, token.arrivalMs,
                      token.targetCounterId};
}

Result<StoredQueue> snapshot(Database &db)
{
    auto tokens = TokenRepository::live(db);
    if (!tokens.ok())
        return tokens.error();
    StoredQueue snap;
    for (const TokenRecord &token : *tokens) {
        if (token.status == u"waiting")
            snap.waiting.append(entryOf(token));
        else if (token.counterId > 0)
            snap.currentByCounter.insert(token.counterId, token.id);
    }
    // By issuing service: a token transferred to another service keeps its number.
    auto numbers = db.exec(QStringLiteral(
        "SELECT number_service_id, business_date::text, max(number) FROM tokens "
        "WHERE business_date >= current_date - 1 GROUP BY number_service_id, business_date"));
    if (!numbers.ok())
        return numbers.error();
    while (numbers->next())
        snap.numbers.append({numbers->value(0).toInt(),
                             QDate::fromString(numbers->value(1).toString(), Qt::ISODate),
                             numbers->value(2).toLongLong()});
    // seq is not stored in Postgres. Restarting it from the clock keeps it increasing across a
    // Redis loss as long as fewer than 1000 events a second were sent since the last rebuild.
    snap.eventSeqFloor = QDateTime::currentMSecsSinceEpoch();
    return snap;
}

Outcome ensureReady(const QueueDeps &deps, WorkerContext &ctx)
{
    Database &db = ctx.db();
    return deps.engine.ensureReady(ctx.redis(), [&db] { return snapshot(db); });
}

void invalidate(const QueueDeps &deps, WorkerContext &ctx)
{
    ctx.redis().run({"DEL", deps.engine.keys().ready()});
}

Result<QJsonArray> servicesWithQueues(const QueueDeps &deps, WorkerContext &ctx,
                                      bool includeInactive)
{
    auto services = Catalog::services(ctx.db(), includeInactive);
    if (!services.ok())
        return services.error();
    QList<int> ids;
    for (const ServiceRecord &service : *services)
        ids.append(service.id);
    auto counts = live(deps, ctx, [&] { return deps.engine.waitingCounts(ctx.redis(), ids); });
    if (!counts.ok())
        return counts.error();
    QJsonArray out;
    for (const ServiceRecord &service : *services) {
        const int waiting = counts->value(service.id);
        auto eta = deps.eta.estimate(ctx.db(), service.id, service.avgServiceSeconds, waiting);
        if (!eta.ok())
            return eta.error();
        QJsonObject json = service.toJson();
        json.insert(QStringLiteral("waiting"), waiting);
        json.insert(QStringLiteral("eta"), *eta);
        out.append(json);
    }
    return out;
}

Result<QJsonObject> view(const QueueDeps &deps, WorkerContext &ctx, bool inactiveCounters)
{
    // Read seq first: the state below is at least as new as it, so a client that applies events
    // with a higher seq on top of this view misses nothing.
    auto seq = live(deps, ctx, [&] { return deps.engine.lastEventSeq(ctx.redis()); });
    if (!seq.ok())
        return seq.error();
    auto services = servicesWithQueues(deps, ctx, false);
    if (!services.ok())
        return services.error();
    auto tokens = TokenRepository::live(ctx.db());
    if (!tokens.ok())
        return tokens.error();
    QHash<int, QJsonArray> waitingByService;
    QHash<int, TokenRecord> currentByCounter;
    QList<TokenRecord> waiting;
    for (const TokenRecord &token : *tokens) {
        if (token.status == u"waiting")
            waiting.append(token);
        else if (token.counterId > 0)
            currentByCounter.insert(token.counterId, token);
    }
    std::sort(waiting.begin(), waiting.end(), [](const TokenRecord &a, const TokenRecord &b) {
        const auto ka = LiveQueues::entryOf(a).score(), kb = LiveQueues::entryOf(b).score();
        return ka != kb ? ka < kb : a.id < b.id;
    });
    for (const TokenRecord &token : std::as_const(waiting))
        waitingByService[token.serviceId].append(QJsonObject{
            {QStringLiteral("id"), token.id},
            {QStringLiteral("token_number"), token.tokenNumber},
            {QStringLiteral("priority"), token.priority},
            {QStringLiteral("arrival_at"), token.arrivalAt},
            {QStringLiteral("target_counter_id"),
             token.targetCounterId ? QJsonValue(token.targetCounterId) : QJsonValue()}});
    QJsonArray serviceViews;
    QHash<int, int> waitingCount;
    for (const QJsonValue &value : std::as_const(*services)) {
        QJsonObject service = value.toObject();
        waitingCount.insert(service.value(u"id").toInt(), service.value(u"waiting").toInt());
        service.insert(QStringLiteral("tokens"),
                       waitingByService.value(service.value(u"id").toInt()));
        serviceViews.append(service);
    }
    auto counters = Catalog::counters(ctx.db(), inactiveCounters);
    if (!counters.ok())
        return counters.error();
    QJsonArray counterViews;
    for (const CounterRecord &counter : *counters) {
        QJsonObject json = counter.toJson();
        int queueSize = 0;
        for (int serviceId : counter.serviceIds)
            queueSize += waitingCount.value(serviceId);
        json.insert(QStringLiteral("queue_size"), queueSize);
        const auto current = currentByCounter.constFind(counter.id);
        json.insert(QStringLiteral("current_token"),
                    current == currentByCounter.cend()
                        ? QJsonValue()
                        : QJsonObject{{QStringLiteral("id"), current->id},
                                      {QStringLiteral("token_number"), current->tokenNumber},
                                      {QStringLiteral("status"), current->status},
                                      {QStringLiteral("service_id"), current->serviceId}});
        counterViews.append(json);
    }
    return QJsonObject{
        {QStringLiteral("seq"), *seq},
        {QStringLiteral("at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
        {QStringLiteral("services"), serviceViews},
        {QStringLiteral("counters"), counterViews}};
}

} // namespace LiveQueues

} // namespace Nextup
