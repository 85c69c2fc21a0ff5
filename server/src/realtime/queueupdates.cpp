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
        for (const ServiceRecord &service : std::as_const(*services)) {
            const QPair<int, int> now{service.waiting, service.eta};
            {
                QMutexLocker lock(&m_mutex);
                if (!touched.contains(service.id) && m_lastSent.value(service.id, {-1, -1}) == now)
                    continue;
                m_lastSent.insert(service.id, now);
            }
            using Wire::RoomKind;
            m_deps.events.publish(ctx.redis(), Wire::toString(Wire::EventType::QueueUpdate),
                                  {Wire::roomName(RoomKind::Global),
                                   Wire::roomName(RoomKind::Branch, service.branchId),
                                   Wire::roomName(RoomKind::Service, service.id)},
                                  Wire::QueueUpdate{service.id, service.code, service.name,
                                                    service.waiting, service.eta}
                                      .toJson());
        }
        m_running = false;
    });
}

} // namespace Nextup
