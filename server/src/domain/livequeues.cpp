#include "domain/livequeues.h"

#include <QDateTime>

#include "domain/appointmentbook.h"
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
        if (token.hasStatus(Wire::TokenStatus::Waiting))
            snap.waiting.append(entryOf(token));
        else if (token.counterId > 0)
            snap.currentByCounter.insert(token.counterId, token.id);
    }
    // By issuing service: a token transferred to another service keeps its number. Walk-ins
    // count below the appointments' numbers (AppointmentBook::kFirstNumber) until they reach
    // them; from then on after the highest number of the day.
    auto numbers = db.exec(
        QStringLiteral(
            "SELECT number_service_id, business_date::text, CASE WHEN coalesce(max(number) "
            "FILTER (WHERE number < ?), 0) < ? - 1 THEN coalesce(max(number) FILTER (WHERE number "
            "< ?), "
            "0) ELSE max(number) END FROM tokens "
            "WHERE business_date >= current_date - 1 GROUP BY number_service_id, business_date"),
        {AppointmentBook::kFirstNumber, AppointmentBook::kFirstNumber,
         AppointmentBook::kFirstNumber});
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

Result<QList<ServiceRecord>> servicesWithQueues(const QueueDeps &deps, WorkerContext &ctx,
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
    for (ServiceRecord &service : *services) {
        service.waiting = counts->value(service.id);
        auto eta =
            deps.eta.estimate(ctx.db(), service.id, service.avgServiceSeconds, service.waiting);
        if (!eta.ok())
            return eta.error();
        service.eta = *eta;
    }
    return *services;
}

Result<Wire::QueueSnapshot> view(const QueueDeps &deps, WorkerContext &ctx, bool inactiveCounters)
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
    QHash<int, QList<Wire::QueueToken>> waitingByService;
    QHash<int, Wire::CurrentToken> currentByCounter;
    QList<TokenRecord> waiting;
    for (const TokenRecord &token : *tokens) {
        if (token.hasStatus(Wire::TokenStatus::Waiting))
            waiting.append(token);
        else if (token.counterId > 0)
            currentByCounter.insert(token.counterId,
                                    {token.id, token.tokenNumber, token.status, token.serviceId});
    }
    std::sort(waiting.begin(), waiting.end(), [](const TokenRecord &a, const TokenRecord &b) {
        const auto ka = LiveQueues::entryOf(a).score(), kb = LiveQueues::entryOf(b).score();
        return ka != kb ? ka < kb : a.id < b.id;
    });
    for (const TokenRecord &token : std::as_const(waiting))
        waitingByService[token.serviceId].append({token.id, token.tokenNumber, token.serviceId,
                                                  token.priority, token.arrivalAt,
                                                  token.targetCounterId, token.preferredSlot});
    Wire::QueueSnapshot snapshot;
    snapshot.seq = *seq;
    snapshot.at = QDateTime::currentDateTimeUtc();
    QHash<int, int> waitingCount;
    for (const ServiceRecord &service : std::as_const(*services)) {
        waitingCount.insert(service.id, service.waiting);
        Wire::ServiceQueue queue;
        static_cast<Wire::Service &>(queue) = service;
        queue.tokens = waitingByService.value(service.id);
        snapshot.services.append(queue);
    }
    auto counters = Catalog::counters(ctx.db(), inactiveCounters);
    if (!counters.ok())
        return counters.error();
    for (CounterRecord &counter : *counters) {
        counter.queueSize = 0;
        for (int serviceId : std::as_const(counter.serviceIds))
            counter.queueSize += waitingCount.value(serviceId);
        // The live tokens' view, read with the lines above, rather than the counter row's.
        const auto current = currentByCounter.constFind(counter.id);
        counter.currentToken = current == currentByCounter.cend()
                                   ? std::nullopt
                                   : std::optional<Wire::CurrentToken>(*current);
    }
    snapshot.counters = *counters;
    return snapshot;
}

} // namespace LiveQueues

} // namespace Nextup
