#include "realtime/queueupdates.h"

#include <QJsonArray>

#include "domain/eventpublisher.h"
#include "http/workerpool.h"

namespace Nextup {

QueueUpdates::QueueUpdates(QueueDeps deps, WorkerPool &pool, int intervalMs, QObject *parent)
    : QObject(parent), m_deps(deps), m_pool(pool)
{
    m_timer.setInterval(intervalMs);
    connect(&m_timer, &QTimer::timeout, this, &QueueUpdates::flush);
    m_timer.start();
}

void QueueUpdates::markDirty(const QList<int> &touchedServices)
{
    if (!touchedServices.isEmpty()) {
        QMutexLocker lock(&m_mutex);
        for (int id : touchedServices)
            m_touched.insert(id);
    }
    m_dirty = true;
}

void QueueUpdates::flush()
{
    if (!m_dirty || m_running.exchange(true))
        return;
    m_dirty = false;
    QSet<int> touched;
    {
        QMutexLocker lock(&m_mutex);
        touched = m_touched | m_touchedBefore;
        m_touchedBefore.swap(m_touched);
        m_touched.clear();
        if (!m_touchedBefore.isEmpty())
            m_dirty = true; // they are sent once more on the next flush
    }
    m_pool.post([this, touched](WorkerContext &ctx) {
        const auto services = LiveQueues::servicesWithQueues(m_deps, ctx, false);
        if (!services.ok()) {
            QMutexLocker lock(&m_mutex);
            m_touched.unite(touched);
            m_dirty = true; // try again next interval
            m_running = false;
            return;
        }
        for (const QJsonValue &value : *services) {
            const QJsonObject service = value.toObject();
            const int id = service.value(u"id").toInt();
            const QPair<int, int> now{service.value(u"waiting").toInt(),
                                      service.value(u"eta").toInt()};
            {
                QMutexLocker lock(&m_mutex);
                if (!touched.contains(id) && m_lastSent.value(id, {-1, -1}) == now)
                    continue;
                m_lastSent.insert(id, now);
            }
            m_deps.events.publish(
                ctx.redis(), QStringLiteral("queue_update"),
                {QStringLiteral("global"),
                 QStringLiteral("branch:%1").arg(service.value(u"branch_id").toInt()),
                 QStringLiteral("service:%1").arg(id)},
                QJsonObject{{QStringLiteral("service_id"), id},
                            {QStringLiteral("code"), service.value(u"code")},
                            {QStringLiteral("name"), service.value(u"name")},
                            {QStringLiteral("waiting"), now.first},
                            {QStringLiteral("eta"), now.second}});
        }
        m_running = false;
    });
}

} // namespace Nextup
