#include "appointments/appointmentslots.h"

#include "nextup/client/apiclient.h"
#include "nextup/client/queueclient.h"
#include "nextup/client/tokenjobs.h"

namespace Nextup::Console {

namespace {
constexpr int kReloadDelayMs = 500; // a resync may come in a burst with its events
}

AppointmentSlots::AppointmentSlots(ApiClient *api, QueueClient *queue, QObject *parent)
    : QObject(parent), m_api(api)
{
    m_reloadTimer.setSingleShot(true);
    m_reloadTimer.setInterval(kReloadDelayMs);
    connect(&m_reloadTimer, &QTimer::timeout, this, &AppointmentSlots::reload);
    if (queue) {
        connect(queue, &QueueClient::resynced, &m_reloadTimer, qOverload<>(&QTimer::start));
        connect(queue, &QueueClient::eventReceived, this,
                [this](const QString &, const QJsonObject &data) { onEvent(data); });
    }
    reload();
}

AppointmentSlots::~AppointmentSlots()
{
    if (m_job)
        m_job->abandon();
}

void AppointmentSlots::reload()
{
    if (!m_api || m_job)
        return;
    m_job = m_api->appointments(AppointmentFilter{});
    AppointmentsJob *job = m_job;
    job->then(this, [this, job] {
        QHash<qint64, QDateTime> known;
        for (const Appointment &a : job->appointments())
            known.insert(a.token.id, a.token.preferredSlot);
        // Keep what events told of other days (a check-in just after midnight).
        for (auto it = m_slots.cbegin(); it != m_slots.cend(); ++it)
            if (!known.contains(it.key()))
                known.insert(it.key(), it.value());
        if (known != m_slots) {
            m_slots = known;
            emit changed();
        }
    });
}

void AppointmentSlots::onEvent(const QJsonObject &token)
{
    const QDateTime slot = parseTime(token.value(Wire::Key::PreferredSlot));
    const qint64 id = token.value(Wire::Key::Id).toInteger();
    if (id <= 0 || !slot.isValid() || m_slots.value(id) == slot)
        return;
    m_slots.insert(id, slot);
    emit changed();
}

} // namespace Nextup::Console
