#include "app/workerpool.h"

#include <QThread>
#include <QThreadStorage>

#include <atomic>

namespace {
// Deleted by Qt when the worker thread ends, which closes its connections on that thread.
QThreadStorage<WorkerContext *> g_contexts;
std::atomic_int g_nextContextId{0};
} // namespace

struct WorkerPool::Worker
{
    std::unique_ptr<QThread> thread;
    QWaitCondition wake;
    Task task; // handed over by enqueue() while the worker waits
};

WorkerContext::WorkerContext(const DatabaseEndpoint &database, const RedisEndpoint &redis, int id)
    : m_db(database, QStringLiteral("nextup-worker-%1").arg(id)), m_redis(redis)
{
}

WorkerPool::WorkerPool(DatabaseEndpoint database, RedisEndpoint redis, int threads, QObject *parent)
    : QObject(parent), m_database(std::move(database)), m_redis(std::move(redis)),
      m_maxThreads(qMax(1, threads))
{
}

WorkerPool::~WorkerPool()
{
    waitForDone();
    {
        QMutexLocker lock(&m_mutex);
        m_stopping = true;
        for (Worker *worker : std::as_const(m_idle))
            worker->wake.wakeOne();
    }
    for (const auto &worker : m_workers)
        worker->thread->wait();
}

WorkerContext &WorkerPool::contextForThisThread()
{
    if (!g_contexts.hasLocalData())
        g_contexts.setLocalData(new WorkerContext(m_database, m_redis, g_nextContextId++));
    return *g_contexts.localData();
}

void WorkerPool::submit(const Responder &responder, Job job)
{
    enqueue([responder, job = std::move(job)](WorkerContext &ctx) {
        responder.send(job(ctx));
        // Events published without waiting: their replies are read once the client has its
        // answer, so no reply (or a script to reload) waits for this thread's next job.
        ctx.redis().readDeferred();
    });
}

void WorkerPool::post(std::function<void(WorkerContext &)> job)
{
    enqueue([job = std::move(job)](WorkerContext &ctx) {
        job(ctx);
        ctx.redis().readDeferred();
    });
}

void WorkerPool::enqueue(Task task)
{
    QMutexLocker lock(&m_mutex);
    ++m_busy; // counted from now, so waitForDone() never sees a handed-over job as done
    if (!m_idle.isEmpty()) {
        Worker *worker = m_idle.takeLast();
        worker->task = std::move(task);
        worker->wake.wakeOne();
        return;
    }
    if (int(m_workers.size()) < m_maxThreads) {
        auto worker = std::make_unique<Worker>();
        worker->task = std::move(task);
        Worker *raw = worker.get();
        worker->thread.reset(QThread::create([this, raw] { run(*raw); }));
        worker->thread->setObjectName(QStringLiteral("nextup-worker"));
        worker->thread->start();
        m_workers.push_back(std::move(worker));
        return;
    }
    m_queue.push_back(std::move(task));
}

void WorkerPool::run(Worker &worker)
{
    WorkerContext &ctx = contextForThisThread();
    QMutexLocker lock(&m_mutex);
    for (;;) {
        if (!worker.task && !m_queue.empty()) {
            worker.task = std::move(m_queue.front());
            m_queue.pop_front();
        }
        if (!worker.task) {
            if (m_stopping)
                return;
            m_idle.append(&worker);
            // enqueue() takes this worker off m_idle when it hands it a task.
            while (!worker.task && !m_stopping)
                worker.wake.wait(&m_mutex);
            if (!worker.task) {
                m_idle.removeOne(&worker);
                return;
            }
        }
        Task task = std::move(worker.task);
        worker.task = nullptr;
        lock.unlock();
        task(ctx);
        task = nullptr; // what the job captured goes now, not when the next one comes
        lock.relock();
        if (--m_busy == 0)
            m_idleAll.wakeAll();
    }
}

void WorkerPool::waitForDone()
{
    QMutexLocker lock(&m_mutex);
    while (m_busy > 0)
        m_idleAll.wait(&m_mutex);
}
