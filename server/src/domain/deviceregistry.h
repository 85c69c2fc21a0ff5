#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include "core/apierror.h"

namespace Nextup {

class Database;
class EventPublisher;
class WorkerContext;

// What a lobby device (a "Now Serving" board or a ticket dispenser) says of itself in each
// report (POST /api/devices/heartbeat).
struct DeviceReport
{
    QString id; // the device's own, kept across its restarts: [A-Za-z0-9._-]{1,64}
    QString name;
    int branchId = 0; // 0: none given
    QString mode;     // board, dispenser
    QString version;
    QString printerState = QStringLiteral("none"); // none, ok, offline, paper_out, error
    QString printerDetail;
    int userId = 0; // the account it signed in with
};

// The lobby devices (sql/0009): who reported when, and the state of their printers. Staff hear
// of a change at once (event device_status, room `staff`): a new device, one back after a
// silence, a printer whose state changed, and (sweepSilent()) a device that went silent.
class DeviceRegistry
{
public:
    DeviceRegistry(const EventPublisher &events, int offlineSeconds)
        : m_events(events), m_offlineSeconds(offlineSeconds)
    {
    }

    // {id, name, branch_id, mode, version, printer_state, printer_detail, online, first_seen_at,
    // last_seen_at}: the device after its report. 400 for a branch that does not exist.
    Result<QJsonObject> report(WorkerContext &ctx, const DeviceReport &report) const;
    // Every device (of one branch when branchId > 0), by name.
    Result<QJsonArray> list(Database &db, int branchId) const;
    // Announces each device silent for the offline time, once: the number announced.
    Result<int> sweepSilent(WorkerContext &ctx) const;

private:
    void announce(WorkerContext &ctx, const QJsonObject &device) const;

    const EventPublisher &m_events;
    int m_offlineSeconds;
};

} // namespace Nextup
