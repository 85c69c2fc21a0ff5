#pragma once

#include <functional>
#include <memory>

#include <QObject>
#include <QThreadPool>

#include "core/workercontext.h"
#include "http/responder.h"
#include "queue/redisconnection.h"
#include "store/database.h"

namespace Nextup {

// A fixed pool of worker threads, each with its own Postgres and Redis connections made on first
// use (and closed on that thread when it ends); jobs see them as a WorkerContext. The HTTP thread
// submits jobs and never waits: the job's answer goes back through the Responder.
class WorkerPool : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WorkerPool)

public:
    using Job = std::function<ApiResponse(WorkerContext &)>;

    WorkerPool(DatabaseEndpoint database, RedisEndpoint redis, int threads,
               QObject *parent = nullptr);
    ~WorkerPool() override;

    void submit(const Responder &responder, Job job);
    // Runs a job with no HTTP request behind it (timers, startup work).
    void post(std::function<void(WorkerContext &)> job);
    // Blocks until every queued job finished (shutdown, tests).
    void waitForDone();

private:
    WorkerContext &contextForThisThread();

    DatabaseEndpoint m_database;
    RedisEndpoint m_redis;
    QThreadPool m_pool;
};

} // namespace Nextup
