#include "domain/deviceregistry.h"

#include "core/workercontext.h"
#include "domain/eventpublisher.h"
#include "nextup/wire/enums.h"
#include "nextup/wire/keys.h"
#include "store/database.h"

namespace Nextup {

namespace Key = Wire::Key;

namespace {
// The columns deviceOf() reads, then `online` as the statement computes it.
const QString kColumns = QStringLiteral(
    "id, name, branch_id, mode, version, printer_state, printer_detail, first_seen_at, "
    "last_seen_at, last_seen_at > now() - make_interval(secs => %1) AND NOT offline_announced");

QJsonObject deviceOf(const Rows &row)
{
    const QVariant branch = row.value(2);
    return QJsonObject{
        {Key::Id, row.value(0).toString()},
        {Key::Name, row.value(1).toString()},
        {Key::BranchId, branch.isNull() ? QJsonValue() : QJsonValue(branch.toInt())},
        {Key::Mode, row.value(3).toString()},
        {Key::Version, row.value(4).toString()},
        {Key::PrinterState, row.value(5).toString()},
        {Key::PrinterDetail, row.value(6).toString()},
        {Key::FirstSeenAt, isoTime(row.value(7))},
        {Key::LastSeenAt, isoTime(row.value(8))},
        {Key::Online, row.value(9).toBool()},
    };
}
} // namespace

Result<QJsonObject> DeviceRegistry::report(WorkerContext &ctx, const DeviceReport &report) const
{
    if (report.branchId > 0) {
        auto branch =
            ctx.db().exec(QStringLiteral("SELECT 1 FROM branches WHERE id = ?"), {report.branchId});
        if (!branch.ok())
            return branch.error();
        if (!branch->next())
            return ApiError::validation(
                QJsonObject{{Key::BranchId, QStringLiteral("No such branch.")}});
    }
    // `before` reads the row as it was: whether staff should hear of this report.
    static const QString sql =
        QStringLiteral(
            "WITH before AS (SELECT printer_state, offline_announced OR last_seen_at < now() - "
            "make_interval(secs => %1) AS silent FROM devices WHERE id = ?) "
            "INSERT INTO devices AS d (id, name, branch_id, mode, version, printer_state, "
            "printer_detail, user_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (id) DO UPDATE SET name = excluded.name, branch_id = excluded.branch_id, "
            "mode = excluded.mode, version = excluded.version, "
            "printer_state = excluded.printer_state, printer_detail = excluded.printer_detail, "
            "user_id = excluded.user_id, last_seen_at = now(), offline_announced = false "
            "RETURNING %2, NOT EXISTS (SELECT 1 FROM before) OR (SELECT silent FROM before) OR "
            "(SELECT printer_state FROM before) <> d.printer_state")
            .arg(m_offlineSeconds)
            .arg(kColumns.arg(m_offlineSeconds));
    // A null QString binds as NULL; these columns hold '' for "none".
    const auto text = [](const QString &value) {
        return value.isNull() ? QStringLiteral("") : value;
    };
    auto rows = ctx.db().exec(sql, {report.id, report.id, report.name, nullableId(report.branchId),
                                    report.mode, text(report.version), report.printerState,
                                    text(report.printerDetail), nullableId(report.userId)});
    if (!rows.ok())
        return rows.error();
    if (!rows->next())
        return ApiError::internal(QStringLiteral("The device report was not stored."));
    const QJsonObject device = deviceOf(*rows);
    if (rows->value(10).toBool())
        announce(ctx, device);
    return device;
}

Result<QJsonArray> DeviceRegistry::list(Database &db, int branchId) const
{
    auto rows = db.exec(QStringLiteral("SELECT %1 FROM devices WHERE ? = 0 OR branch_id = ? "
                                       "ORDER BY name, id")
                            .arg(kColumns.arg(m_offlineSeconds)),
                        {branchId, branchId});
    if (!rows.ok())
        return rows.error();
    QJsonArray devices;
    while (rows->next())
        devices.append(deviceOf(*rows));
    return devices;
}

Result<int> DeviceRegistry::sweepSilent(WorkerContext &ctx) const
{
    // One statement marks and returns each silent device: whichever instance sweeps first
    // announces it, and only once.
    auto rows = ctx.db().exec(
        QStringLiteral("UPDATE devices SET offline_announced = true WHERE NOT offline_announced "
                       "AND last_seen_at < now() - make_interval(secs => %1) RETURNING %2")
            .arg(m_offlineSeconds)
            .arg(kColumns.arg(m_offlineSeconds)));
    if (!rows.ok())
        return rows.error();
    int announced = 0;
    while (rows->next()) {
        announce(ctx, deviceOf(*rows));
        ++announced;
    }
    return announced;
}

void DeviceRegistry::announce(WorkerContext &ctx, const QJsonObject &device) const
{
    m_events.publishUnsequenced(ctx.redis(), Wire::toString(Wire::EventType::DeviceStatus),
                                {Wire::roomName(Wire::RoomKind::Staff)}, device);
}

} // namespace Nextup
