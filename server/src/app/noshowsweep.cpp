#include "app/noshowsweep.h"

#include <QLoggingCategory>

#include "http/workerpool.h"

namespace Nextup {

NoShowSweep::NoShowSweep(QueueDeps deps, WorkerPool &pool, int intervalMs, QObject *parent)
    : QObject(parent), m_desk(deps), m_pool(pool)
{
    m_timer.setInterval(intervalMs);
    connect(&m_timer, &QTimer::timeout, this, &NoShowSweep::sweep);
    m_timer.start();
}

void NoShowSweep::sweep()
{
    if (m_running.exchange(true))
        return;
    // The pool finishes its jobs before the application deletes this sweep.
    m_pool.post([this](WorkerContext &ctx) {
        const Result<int> expired = m_desk.expireNoShows(ctx);
        if (!expired.ok())
            qWarning("No-show sweep failed: %s", qPrintable(expired.error().code));
        else if (*expired > 0)
            qInfo("%d appointment(s) expired without check-in", *expired);
        m_running = false;
    });
}

} // namespace Nextup
