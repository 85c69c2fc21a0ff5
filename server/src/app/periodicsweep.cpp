#include "app/periodicsweep.h"

#include "http/workerpool.h"

namespace Nextup {

PeriodicSweep::PeriodicSweep(WorkerPool &pool, int intervalMs, Job job, QObject *parent)
    : QObject(parent), m_pool(pool), m_job(std::move(job))
{
    m_timer.setInterval(intervalMs);
    connect(&m_timer, &QTimer::timeout, this, &PeriodicSweep::sweep);
    m_timer.start();
}

void PeriodicSweep::sweep()
{
    if (m_running.exchange(true))
        return;
    // The pool finishes its jobs before the application deletes this sweep.
    m_pool.post([this](WorkerContext &ctx) {
        m_job(ctx);
        m_running = false;
    });
}

} // namespace Nextup
