#include "domain/appointmentbook.h"

#include <QJsonArray>
#include <QJsonDocument>

#include "domain/auditlog.h"
#include "nextup/wire/isotime.h"
#include "nextup/wire/keys.h"
#include "store/database.h"

namespace Nextup {

namespace Key = Wire::Key;

namespace {
// pg_advisory_xact_lock(kBookingLock, service_id): one booking of a service at a time.
const int kBookingLock = 0x4e58424b; // "NXBK"
const QString kPreferredSlot = Key::PreferredSlot;

Result<QHash<QDateTime, int>> bookedBetween(Database &db, int serviceId, const QDateTime &from,
                                            const QDateTime &to, qint64 exceptToken)
{
    auto rows = db.exec(QStringLiteral("SELECT preferred_slot, count(*) FROM tokens "
                                       "WHERE service_id = ? AND preferred_slot >= ? "
                                       "AND preferred_slot < ? AND status <> 'cancelled' "
                                       "AND id <> ? GROUP BY preferred_slot"),
                        {serviceId, Wire::isoTime(from), Wire::isoTime(to), exceptToken});
    if (!rows.ok())
        return rows.error();
    QHash<QDateTime, int> booked;
    while (rows->next())
        booked.insert(rows->value(0).toDateTime().toUTC(), rows->value(1).toInt());
    return booked;
}
} // namespace

Result<ServiceCalendar> AppointmentBook::calendarOf(Database &db, int serviceId)
{
    auto rows = db.exec(
        QStringLiteral(
            "SELECT s.branch_id, s.active, s.avg_service_seconds, s.slot_minutes, s.slot_capacity, "
            "b.timezone, b.opening_hours::text, b.booking_horizon_days, b.checkin_early_minutes, "
            "b.checkin_late_minutes, (SELECT count(*) FROM counter_services cs JOIN counters c "
            "ON c.id = cs.counter_id WHERE cs.service_id = s.id AND c.active), "
            "(SELECT coalesce(string_agg(d.day::text, ','), '') FROM branch_closed_dates d "
            "WHERE d.branch_id = b.id AND d.day >= current_date - 1), s.code "
            "FROM services s JOIN branches b ON b.id = s.branch_id WHERE s.id = ?"),
        {serviceId});
    if (!rows.ok())
        return rows.error();
    if (!rows->next())
        return ApiError::notFound(QStringLiteral("Service %1 does not exist.").arg(serviceId));
    BookingRules rules;
    rules.timezone = rows->value(5).toString().toUtf8();
    const QJsonObject hours = QJsonDocument::fromJson(rows->value(6).toString().toUtf8()).object();
    // Written only through the admin route, which validates it; a broken one means closed.
    const auto parsed = OpeningHours::fromJson(hours, Key::OpeningHours);
    rules.hours = parsed.ok() ? *parsed : OpeningHours();
    rules.horizonDays = rows->value(7).toInt();
    rules.checkInEarlyMinutes = rows->value(8).toInt();
    rules.checkInLateMinutes = rows->value(9).toInt();
    const QStringList closed = rows->value(11).toString().split(u',', Qt::SkipEmptyParts);
    for (const QString &day : closed)
        rules.closedDates.insert(QDate::fromString(day, Qt::ISODate));
    const int slotMinutes = rows->value(3).toInt();
    ServiceCalendar service;
    service.serviceId = serviceId;
    service.branchId = rows->value(0).toInt();
    service.code = rows->value(12).toString();
    service.active = rows->value(1).toBool();
    const QVariant adminSet = rows->value(4);
    service.capacity =
        slotCapacity(adminSet.isNull() ? std::nullopt : std::optional<int>(adminSet.toInt()),
                     rows->value(10).toInt(), slotMinutes, rows->value(2).toInt());
    service.calendar = BookingCalendar(std::move(rules), slotMinutes);
    return service;
}

Result<QJsonObject> AppointmentBook::slotsOf(Database &db, int serviceId, QDate date,
                                             const QDateTime &now)
{
    auto service = calendarOf(db, serviceId);
    if (!service.ok())
        return service.error();
    if (!service->active)
        return ApiError::notFound(QStringLiteral("Service %1 does not exist.").arg(serviceId));
    const BookingCalendar &calendar = service->calendar;
    if (!date.isValid())
        date = calendar.firstDate(now);
    if (date < calendar.firstDate(now) || date > calendar.lastDate(now))
        return ApiError::validation(QJsonObject{
            {Key::Date,
             QStringLiteral("Must be a date from %1 to %2 (the branch books %3 days ahead).")
                 .arg(calendar.firstDate(now).toString(Qt::ISODate),
                      calendar.lastDate(now).toString(Qt::ISODate))
                 .arg(calendar.rules().horizonDays)}});
    const QList<Slot> daySlots = calendar.slotsOn(date);
    QHash<QDateTime, int> booked;
    if (!daySlots.isEmpty()) {
        auto counted = bookedBetween(db, serviceId, daySlots.first().start, daySlots.last().end, 0);
        if (!counted.ok())
            return counted.error();
        booked = *counted;
    }
    QJsonArray list;
    for (const Slot &slot : daySlots) {
        if (slot.start <= now)
            continue;
        const int taken = booked.value(slot.start);
        list.append(QJsonObject{{Key::Start, Wire::isoTime(slot.start)},
                                {Key::End, Wire::isoTime(slot.end)},
                                {Key::Capacity, service->capacity},
                                {Key::Booked, taken},
                                {Key::PlacesLeft, qMax(0, service->capacity - taken)}});
    }
    return QJsonObject{
        {Key::ServiceId, serviceId},
        {Key::Date, date.toString(Qt::ISODate)},
        {Key::Timezone, QString::fromUtf8(calendar.rules().timezone)},
        {Key::SlotMinutes, calendar.slotMinutes()},
        {Key::Closed, daySlots.isEmpty()},
        // The days a picker may offer: the first is today (or tomorrow once today is over).
        {Key::FirstDate, calendar.firstDate(now).toString(Qt::ISODate)},
        {Key::LastDate, calendar.lastDate(now).toString(Qt::ISODate)},
        {Key::Slots, list},
    };
}

Outcome AppointmentBook::reservePlace(Database &db, const ServiceCalendar &service,
                                      const QDateTime &start, const QDateTime &now,
                                      qint64 exceptToken)
{
    if (auto refused = service.calendar.refusal(start, now, kPreferredSlot))
        return *refused;
    auto locked = db.exec(QStringLiteral("SELECT pg_advisory_xact_lock(?, ?)"),
                          {kBookingLock, service.serviceId});
    if (!locked.ok())
        return locked.error();
    auto booked = bookedBetween(db, service.serviceId, start, start.addSecs(1), exceptToken);
    if (!booked.ok())
        return booked.error();
    if (booked->value(start) >= service.capacity) {
        ApiError full =
            ApiError::conflict(QStringLiteral("slot_full"),
                               QStringLiteral("No place is left at %1; choose another time.")
                                   .arg(Wire::isoTime(start)));
        full.details = QJsonObject{{kPreferredSlot, QStringLiteral("This slot is full.")}};
        return full;
    }
    return Done{};
}

Result<qint64> AppointmentBook::nextNumber(Database &db, int serviceId, const QDate &businessDate)
{
    auto rows =
        db.exec(QStringLiteral("SELECT greatest(?, coalesce(max(number), 0) + 1) FROM tokens "
                               "WHERE number_service_id = ? AND business_date = ?"),
                {kFirstNumber, serviceId, businessDate});
    if (!rows.ok())
        return rows.error();
    rows->next();
    return rows->value(0).toLongLong();
}

Result<QJsonObject> AppointmentBook::branchBooking(Database &db, int branchId)
{
    auto rows = db.exec(
        QStringLiteral("SELECT b.timezone, b.opening_hours::text, b.booking_horizon_days, "
                       "b.checkin_early_minutes, b.checkin_late_minutes, "
                       "(SELECT coalesce(json_agg(json_build_object('date', d.day, 'reason', "
                       "d.reason) ORDER BY d.day), '[]')::text FROM branch_closed_dates d "
                       "WHERE d.branch_id = b.id) FROM branches b WHERE b.id = ?"),
        {branchId});
    if (!rows.ok())
        return rows.error();
    if (!rows->next())
        return ApiError::notFound(QStringLiteral("Branch %1 does not exist.").arg(branchId));
    const QJsonObject hours = QJsonDocument::fromJson(rows->value(1).toString().toUtf8()).object();
    const auto parsed = OpeningHours::fromJson(hours, Key::OpeningHours);
    return QJsonObject{
        {Key::BranchId, branchId},
        {Key::Timezone, rows->value(0).toString()},
        {Key::OpeningHours, parsed.ok() ? parsed->toJson() : hours},
        {Key::ClosedDates, QJsonDocument::fromJson(rows->value(5).toString().toUtf8()).array()},
        {Key::BookingHorizonDays, rows->value(2).toInt()},
        {Key::CheckinEarlyMinutes, rows->value(3).toInt()},
        {Key::CheckinLateMinutes, rows->value(4).toInt()},
    };
}

Result<QJsonObject> AppointmentBook::setBranchBooking(Database &db, int branchId,
                                                      const BranchBooking &input, int actorId)
{
    auto done = db.transaction<QJsonObject>([&]() -> Result<QJsonObject> {
        auto before = branchBooking(db, branchId); // 404 before anything changes
        if (!before.ok())
            return before.error();
        const QString hours =
            input.hours ? QString::fromUtf8(
                              QJsonDocument(input.hours->toJson()).toJson(QJsonDocument::Compact))
                        : QString();
        auto updated = db.exec(
            QStringLiteral("UPDATE branches SET opening_hours = coalesce(?::jsonb, opening_hours), "
                           "booking_horizon_days = coalesce(?, booking_horizon_days), "
                           "checkin_early_minutes = coalesce(?, checkin_early_minutes), "
                           "checkin_late_minutes = coalesce(?, checkin_late_minutes) WHERE id = ?"),
            {input.hours ? QVariant(hours) : QVariant(),
             input.horizonDays ? QVariant(*input.horizonDays) : QVariant(),
             input.checkInEarlyMinutes ? QVariant(*input.checkInEarlyMinutes) : QVariant(),
             input.checkInLateMinutes ? QVariant(*input.checkInLateMinutes) : QVariant(),
             branchId});
        if (!updated.ok())
            return updated.error();
        if (input.closedDates) {
            if (auto cleared =
                    db.exec(QStringLiteral("DELETE FROM branch_closed_dates WHERE branch_id = ?"),
                            {branchId});
                !cleared.ok())
                return cleared.error();
            for (const auto &[day, reason] : *input.closedDates) {
                auto added = db.exec(
                    QStringLiteral("INSERT INTO branch_closed_dates (branch_id, day, "
                                   "reason) VALUES (?, ?, coalesce(?, '')) ON CONFLICT DO NOTHING"),
                    {branchId, day, reason});
                if (!added.ok())
                    return added.error();
            }
        }
        auto after = branchBooking(db, branchId);
        if (!after.ok())
            return after.error();
        if (auto audited = AuditLog::record(db, {actorId, QStringLiteral("branch.booking"),
                                                 QStringLiteral("branch"), branchId, *after});
            !audited.ok())
            return audited.error();
        return after;
    });
    return done;
}

Result<QJsonObject> AppointmentBook::serviceBooking(Database &db, int serviceId)
{
    auto service = calendarOf(db, serviceId);
    if (!service.ok())
        return service.error();
    auto rows =
        db.exec(QStringLiteral("SELECT slot_capacity FROM services WHERE id = ?"), {serviceId});
    if (!rows.ok())
        return rows.error();
    rows->next();
    const QVariant adminSet = rows->value(0);
    return QJsonObject{
        {Key::ServiceId, serviceId},
        {Key::SlotMinutes, service->calendar.slotMinutes()},
        {Key::SlotCapacity, adminSet.isNull() ? QJsonValue() : QJsonValue(adminSet.toInt())},
        {Key::Capacity, service->capacity},
    };
}

Result<QJsonObject> AppointmentBook::setServiceBooking(Database &db, int serviceId,
                                                       const ServiceBooking &input, int actorId)
{
    return db.transaction<QJsonObject>([&]() -> Result<QJsonObject> {
        auto before = serviceBooking(db, serviceId);
        if (!before.ok())
            return before.error();
        const bool setCapacity = input.slotCapacity.has_value();
        auto updated = db.exec(
            QStringLiteral(
                "UPDATE services SET slot_minutes = coalesce(?, slot_minutes), "
                "slot_capacity = CASE WHEN ? THEN ? ELSE slot_capacity END WHERE id = ?"),
            {input.slotMinutes ? QVariant(*input.slotMinutes) : QVariant(), setCapacity,
             setCapacity && *input.slotCapacity ? QVariant(**input.slotCapacity) : QVariant(),
             serviceId});
        if (!updated.ok())
            return updated.error();
        auto after = serviceBooking(db, serviceId);
        if (!after.ok())
            return after.error();
        if (auto audited = AuditLog::record(db, {actorId, QStringLiteral("service.booking"),
                                                 QStringLiteral("service"), serviceId, *after});
            !audited.ok())
            return audited.error();
        return after;
    });
}

} // namespace Nextup
