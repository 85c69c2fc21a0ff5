#pragma once

#include <atomic>
#include <functional>

#include <QObject>
#include <QTimer>

namespace Nextup {

class WorkerPool;
class WorkerContext;

// Runs a job on a worker thread every interval: the no-show sweep (booked tokens whose check-in
// window closed expire) and the silent devices' sweep. Every instance runs them; their
// statements act on each row once however many sweep at the same moment.
class PeriodicSweep : public QObject
{
    Q_OBJECT

public:
    using Job = std::function<void(WorkerContext &)>;
    PeriodicSweep(WorkerPool &pool, int intervalMs, Job job, QObject *parent = nullptr);

private:
    void sweep();

    WorkerPool &m_pool;
    Job m_job;
    QTimer m_timer;
    std::atomic<bool> m_running = false; // one sweep at a time: a slow database piles none up
};

} // namespace Nextup
