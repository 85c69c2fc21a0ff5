#pragma once

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

namespace Nextup {
class ApiClient;
class AppointmentsJob;
class QueueClient;
} // namespace Nextup

namespace Nextup::Console {

// The slot times of today's appointments, so that the operator's waiting list can mark a
// checked-in appointment with its time: GET /api/queues lists waiting tokens without their slot.
// Read from GET /api/appointments (today) when the live queue is resynced, and taken from every
// token event as it arrives (the event carries the token, slot included).
class AppointmentSlots : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AppointmentSlots)

public:
    AppointmentSlots(ApiClient *api, QueueClient *queue, QObject *parent = nullptr);
    ~AppointmentSlots() override;

    // The slot of an appointment's token; invalid for a walk-in (or one not known yet).
    QDateTime slotOf(qint64 tokenId) const { return m_slots.value(tokenId); }

public slots:
    void reload();

signals:
    void changed();

private:
    void onEvent(const QJsonObject &token);

    QPointer<ApiClient> m_api;
    QPointer<AppointmentsJob> m_job;
    QHash<qint64, QDateTime> m_slots;
    QTimer m_reloadTimer;
};

} // namespace Nextup::Console
