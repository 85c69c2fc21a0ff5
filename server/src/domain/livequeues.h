#pragma once

#include <QJsonArray>
#include <QJsonObject>

#include "core/apierror.h"
#include "core/workercontext.h"
#include "domain/catalogrecords.h"
#include "nextup/wire/records.h"
#include "queue/queueengine.h"

namespace Nextup {

class Database;
class EtaEstimator;
class EventPublisher;
class WorkerContext;
struct TokenRecord;

// What the queue services share: the engine, the ETA estimator and the event publisher.
struct QueueDeps
{
    const QueueEngine &engine;
    EtaEstimator &eta;
    const EventPublisher &events;
};

// Reading the live queue as a whole: the snapshot Redis is rebuilt from, the GET /api/queues
// view, and the "run this Redis operation, rebuilding first if Redis was emptied" helper.
namespace LiveQueues {

// Postgres' view of the live queue (system of record), for QueueEngine::ensureReady().
Result<StoredQueue> snapshot(Database &db);

QueueEntry entryOf(const TokenRecord &token);

// Runs a QueueEngine operation; if Redis lost its data, rebuilds it from Postgres and retries.
template <typename Op> auto live(const QueueDeps &deps, WorkerContext &ctx, Op &&op);

// {seq, at, services:[...], counters:[...]}: everything a client needs to resync.
// inactiveCounters: also list deactivated counters (an admin's ?all=true).
Result<Wire::QueueSnapshot> view(const QueueDeps &deps, WorkerContext &ctx,
                                 bool inactiveCounters = false);
// The services with their waiting count and the ETA of a token joining now (Form::Live); for
// GET /api/services.
Result<QList<ServiceRecord>> servicesWithQueues(const QueueDeps &deps, WorkerContext &ctx,
                                                bool includeInactive);
// Makes Redis complete now (startup, and after a failure that may have left it inconsistent).
Outcome ensureReady(const QueueDeps &deps, WorkerContext &ctx);
// Throws away Redis' live state so that the next operation rebuilds it from Postgres; used when
// Redis and Postgres may disagree (Redis changed, then the Postgres write failed).
void invalidate(const QueueDeps &deps, WorkerContext &ctx);

} // namespace LiveQueues

template <typename Op> auto LiveQueues::live(const QueueDeps &deps, WorkerContext &ctx, Op &&op)
{
    Database &db = ctx.db();
    return deps.engine.withReady(
        ctx.redis(), [&db] { return snapshot(db); }, std::forward<Op>(op));
}

} // namespace Nextup
