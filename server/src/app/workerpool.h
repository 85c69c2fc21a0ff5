#pragma once

#include "http/responder.h"
#include "queue/redisconnection.h"
#include "store/database.h"

#include <QList>
#include <QMutex>
#include <QObject>
#include <QWaitCondition>

#include <deque>
#include <functional>
#include <memory>

class QThread;

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
//
// A job goes to the thread that became idle last. QThreadPool wakes the one idle longest, so
// light traffic rotated through every thread, and every thread's Postgres backend and Redis
// connection, each cold again when its turn came; at the pace of real counters that showed as
// a slower call-next with more threads. Threads start on demand, up to the given count.
class WorkerPool : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WorkerPool)

public:
    using Job = std::function<ApiResponse(WorkerContext &)>;

    WorkerPool(DatabaseEndpoint database, RedisEndpoint redis, int threads,
               QObject *parent = nullptr);
    // Finishes every queued job, then ends the threads (which closes their connections).
    ~WorkerPool() override;

    void submit(const Responder &responder, Job job);
    // Runs a job with no HTTP request behind it (timers, startup work).
    void post(std::function<void(WorkerContext &)> job);
    // Blocks until every queued job finished (shutdown, tests).
    void waitForDone();

private:
    struct Worker;
    using Task = std::function<void(WorkerContext &)>;

    void enqueue(Task task);
    void run(Worker &worker);
    WorkerContext &contextForThisThread();

    DatabaseEndpoint m_database;
    RedisEndpoint m_redis;
    const int m_maxThreads;
    QMutex m_mutex;
    QWaitCondition m_idleAll; // every job done
    std::deque<Task> m_queue; // jobs no thread has taken yet
    QList<Worker *> m_idle;   // waiting threads; the last one became idle last
    std::vector<std::unique_ptr<Worker>> m_workers;
    int m_busy = 0; // threads running a job
    bool m_stopping = false;
};
