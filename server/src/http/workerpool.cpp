#include "http/workerpool.h"

#include <atomic>

#include <QThreadStorage>

namespace Nextup {

namespace {
// One worker thread's connections and the view of them its jobs get.
struct Connections
{
    Q_DISABLE_COPY_MOVE(Connections)

    Connections(const DatabaseEndpoint &database, const RedisEndpoint &redis, int id)
        : db(database, QStringLiteral("nextup-worker-%1").arg(id)), redis(redis)
    {
    }

    Database db;
    RedisConnection redis;
    WorkerContext context{db, redis};
};

// Deleted by Qt when the worker thread ends, which closes its connections on that thread.
QThreadStorage<Connections *> g_connections;
std::atomic_int g_nextContextId{0};
} // namespace

WorkerPool::WorkerPool(DatabaseEndpoint database, RedisEndpoint redis, int threads, QObject *parent)
    : QObject(parent), m_database(std::move(database)), m_redis(std::move(redis))
{
    m_pool.setMaxThreadCount(qMax(1, threads));
    m_pool.setExpiryTimeout(-1); // threads, and so their connections, live as long as the pool
}

WorkerPool::~WorkerPool()
{
    m_pool.waitForDone();
}

WorkerContext &WorkerPool::contextForThisThread()
{
    if (!g_connections.hasLocalData())
        g_connections.setLocalData(new Connections(m_database, m_redis, g_nextContextId++));
    return g_connections.localData()->context;
}

void WorkerPool::submit(const Responder &responder, Job job)
{
    m_pool.start([this, responder, job = std::move(job)] {
        WorkerContext &ctx = contextForThisThread();
        responder.send(job(ctx));
        // Events published without waiting: their replies are read once the client has its
        // answer, so no reply (or a script to reload) waits for this thread's next job.
        ctx.redis().readDeferred();
    });
}

void WorkerPool::post(std::function<void(WorkerContext &)> job)
{
    m_pool.start([this, job = std::move(job)] {
        WorkerContext &ctx = contextForThisThread();
        job(ctx);
        ctx.redis().readDeferred();
    });
}

void WorkerPool::waitForDone()
{
    m_pool.waitForDone();
}

} // namespace Nextup
