#pragma once

#include "http/responder.h"
#include "queue/redisconnection.h"
#include "store/database.h"

#include <QObject>
#include <QThreadPool>

#include <functional>
#include <memory>

// What a job on a worker thread works with: that thread's own Postgres and Redis connections.
class WorkerContext
{
    Q_DISABLE_COPY_MOVE(WorkerContext)

public:
    WorkerContext(const DatabaseEndpoint &database, const RedisEndpoint &redis, int id);

    Database &db() { return m_db; }
    RedisConnection &redis() { return m_redis; }

private:
    Database m_db;
    RedisConnection m_redis;
};

// A fixed pool of worker threads, each with a WorkerContext made on first use. The HTTP thread
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
