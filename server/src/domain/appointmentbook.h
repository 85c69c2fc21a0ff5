#pragma once

#include <optional>

#include <QDateTime>
#include <QJsonObject>

#include "core/apierror.h"
#include "domain/bookingcalendar.h"

namespace Nextup {

class Database;

// One service's appointment calendar as Postgres holds it: the branch's hours, closed dates,
// horizon and check-in window, the service's slot length and the places of a slot.
struct ServiceCalendar
{
    int serviceId = 0;
    int branchId = 0;
    QString code; // the D of D501
    bool active = false;
    int capacity = 0; // places in each slot
    BookingCalendar calendar{BookingRules{}, 15};
};

// What an admin sets (GET/PUT /api/branches/:id/booking and /api/services/:id/booking); an
// empty optional keeps the stored value.
struct BranchBooking
{
    std::optional<OpeningHours> hours;
    std::optional<QList<std::pair<QDate, QString>>> closedDates; // replaces the whole set
    std::optional<int> horizonDays;
    std::optional<int> checkInEarlyMinutes;
    std::optional<int> checkInLateMinutes;
};
struct ServiceBooking
{
    std::optional<int> slotMinutes;
    std::optional<std::optional<int>> slotCapacity; // a null capacity: from the counters
};

// Where appointments are kept and counted. The places taken in a slot are counted from the
// tokens themselves (every status but cancelled), so a cancellation or a reschedule frees its
// place exactly once and nothing else has to be kept in step.
namespace AppointmentBook {

// Appointments are numbered from 501 for each service and day (D501, D502, ...), apart from the
// walk-ins' 1, 2, ...: a board shows at a glance who booked.
inline constexpr int kFirstNumber = 501;

Result<ServiceCalendar> calendarOf(Database &db, int serviceId);

// GET /api/services/:id/slots: the slots of a local date with their places, the past ones left
// out; a closed date has none. `date` invalid = today in the branch's zone.
Result<QJsonObject> slotsOf(Database &db, int serviceId, QDate date, const QDateTime &now);

// Inside the booking's transaction: waits for the service's other bookings to finish (an
// advisory lock, so two customers taking the last place at the same instant are served one
// after the other), then refuses a slot that cannot be booked or has no place left
// (409 slot_full). `exceptToken` is not counted (a reschedule moving within the same slot).
Outcome reservePlace(Database &db, const ServiceCalendar &service, const QDateTime &start,
                     const QDateTime &now, qint64 exceptToken = 0);

// The next appointment number of a service's day; call after reservePlace() in the same
// transaction (its lock keeps two bookings from taking the same one).
Result<qint64> nextNumber(Database &db, int serviceId, const QDate &businessDate);

// {branch_id, timezone, opening_hours, closed_dates: [{date, reason}], booking_horizon_days,
// checkin_early_minutes, checkin_late_minutes}
Result<QJsonObject> branchBooking(Database &db, int branchId);
// Changes and its audit row in one transaction; answers branchBooking().
Result<QJsonObject> setBranchBooking(Database &db, int branchId, const BranchBooking &input,
                                     int actorId);
// {service_id, slot_minutes, slot_capacity (null = from the counters), capacity (what a slot
// holds now)}
Result<QJsonObject> serviceBooking(Database &db, int serviceId);
Result<QJsonObject> setServiceBooking(Database &db, int serviceId, const ServiceBooking &input,
                                      int actorId);

} // namespace AppointmentBook

} // namespace Nextup
