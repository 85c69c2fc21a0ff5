#include "api/appointmentscontroller.h"

#include <QJsonArray>

#include "api/catalogfields.h"
#include "api/jsonvalidator.h"
#include "api/tokenscontroller.h"
#include "domain/appointmentbook.h"
#include "nextup/wire/keys.h"

namespace Nextup {

namespace Key = Wire::Key;

namespace {
// ?name=YYYY-MM-DD: nullopt when absent, an invalid QDate when malformed.
std::optional<QDate> dateParameter(const ApiRequest &request, const QString &name)
{
    const QString text = request.queryValue(name);
    if (text.isEmpty())
        return std::nullopt;
    return QDate::fromString(text, Qt::ISODate);
}

ApiError badDate(const QString &name)
{
    return ApiError::validation(QJsonObject{{name, QStringLiteral("Must be a date, YYYY-MM-DD.")}});
}

// ?name=<id>: 0 when absent; nullopt when not a positive id.
// {opening_hours?, closed_dates?: ["YYYY-MM-DD" | {date, reason?}], booking_horizon_days?,
// checkin_early_minutes?, checkin_late_minutes?}
Result<BranchBooking> branchBookingInput(const QJsonObject &body)
{
    JsonValidator check(body);
    BranchBooking input;
    const QString hoursField = Key::OpeningHours;
    if (check.has(hoursField)) {
        auto hours = OpeningHours::fromJson(body.value(hoursField), hoursField);
        if (hours.ok())
            input.hours = *hours;
        else
            check.fail(hoursField, hours.error().details.toObject().value(hoursField).toString());
    }
    const QString closedField = Key::ClosedDates;
    if (check.has(closedField)) {
        QList<std::pair<QDate, QString>> days;
        const QJsonValue value = body.value(closedField);
        for (const QJsonValue item : value.toArray()) {
            const QJsonObject entry =
                item.isObject() ? item.toObject() : QJsonObject{{Key::Date, item}};
            const QDate day = QDate::fromString(entry.value(Key::Date).toString(), Qt::ISODate);
            const QString reason = entry.value(Key::Reason).toString();
            if (!day.isValid() || reason.size() > 200 || reason.contains(QChar(0))) {
                check.fail(closedField,
                           QStringLiteral("A list of dates (YYYY-MM-DD) or of "
                                          "{date, reason} (reason at most 200 characters)."));
                break;
            }
            days.append({day, reason});
        }
        if (!value.isArray())
            check.fail(closedField, QStringLiteral("Must be a list of dates."));
        if (days.size() > 1000)
            check.fail(closedField, QStringLiteral("At most 1000 dates."));
        input.closedDates = days;
    }
    const auto whole = [&](QLatin1StringView field, int max) -> std::optional<int> {
        const auto value = check.integer(field, false, 0, max);
        return value ? std::optional<int>(int(*value)) : std::nullopt;
    };
    input.horizonDays = whole(Key::BookingHorizonDays, 366);
    input.checkInEarlyMinutes = whole(Key::CheckinEarlyMinutes, 1440);
    input.checkInLateMinutes = whole(Key::CheckinLateMinutes, 1440);
    if (!check.ok())
        return check.error();
    return input;
}

// {slot_minutes?: 5..240, slot_capacity?: 0..1000 | null}
Result<ServiceBooking> serviceBookingInput(const QJsonObject &body)
{
    JsonValidator check(body);
    ServiceBooking input;
    if (const auto minutes = check.integer(Key::SlotMinutes, false, 5, 240))
        input.slotMinutes = int(*minutes);
    const QString capacity = Key::SlotCapacity;
    if (body.contains(capacity) && body.value(capacity).isNull())
        input.slotCapacity = std::optional<int>();
    else if (const auto places = check.integer(capacity, false, 0, 1000))
        input.slotCapacity = std::optional<int>(int(*places));
    if (!check.ok())
        return check.error();
    return input;
}
} // namespace

const QList<Route<AppointmentsController>> &AppointmentsController::routes()
{
    using C = AppointmentsController;
    static const QList<Route<C>> table = {
        {"GET", "/api/services/:id/slots", Access::Anyone, &C::availability},
        {"POST", "/api/tokens/:id/check-in", Access::Anyone, &C::checkIn, Body::Json, Ids::Token},
        {"POST", "/api/tokens/:id/reschedule", Access::Anyone, &C::reschedule, Body::Json,
         Ids::Token},
        {"GET", "/api/appointments", Access::Staff, &C::list},
        {"GET", "/api/branches/:id/booking", Access::Staff, &C::branchBooking},
        {"PUT", "/api/branches/:id/booking", Access::Manager, &C::setBranchBooking, Body::Json},
        {"GET", "/api/services/:id/booking", Access::Staff, &C::serviceBooking},
        {"PUT", "/api/services/:id/booking", Access::Manager, &C::setServiceBooking, Body::Json},
    };
    return table;
}

// {service_id, date, timezone, slot_minutes, closed, slots: [{start, end, capacity, booked,
// places_left}]}: the bookable slots of a date (default today in the branch's zone).
void AppointmentsController::availability(const Call &call)
{
    const auto date = dateParameter(call.request, Key::Date);
    if (date && !date->isValid())
        return call.responder.send(badDate(Key::Date));
    Handler::run(m_api, call.responder,
                 [id = call.rowId(), date = date.value_or(QDate())](WorkerContext &ctx) {
                     return AppointmentBook::slotsOf(ctx.db(), id, date,
                                                     QDateTime::currentDateTimeUtc());
                 });
}

// {token, position, check_in_opens_at, check_in_closes_at}: a booked token joins the line.
void AppointmentsController::checkIn(const Call &call)
{
    Handler::run(m_api, call.responder,
                 [this, id = call.id, secret = TokensController::secretOf(call.request, call.body),
                  caller = call.caller](WorkerContext &ctx) {
                     return m_desk.checkIn(ctx, id, secret, caller,
                                           QDateTime::currentDateTimeUtc());
                 });
}

// {token, check_in_opens_at, check_in_closes_at}: a booked token moves to another free slot.
void AppointmentsController::reschedule(const Call &call)
{
    JsonValidator check(call.body);
    const auto slot = check.timestamp(Key::PreferredSlot, true);
    if (!check.ok())
        return call.responder.send(check.error());
    Handler::run(m_api, call.responder,
                 [this, id = call.id, secret = TokensController::secretOf(call.request, call.body),
                  caller = call.caller, slot = *slot](WorkerContext &ctx) {
                     return m_desk.reschedule(ctx, id, secret, slot, caller,
                                              QDateTime::currentDateTimeUtc());
                 });
}

// {from, to, items: [token]}: appointments by slot time; ?date= or ?from=&to= (at most 31 days),
// ?branch_id=, ?service_id=.
void AppointmentsController::list(const Call &call)
{
    const auto date = dateParameter(call.request, Key::Date);
    auto from = dateParameter(call.request, Key::From);
    auto to = dateParameter(call.request, Key::To);
    for (const auto &[name, value] :
         {std::pair{Key::Date, date}, std::pair{Key::From, from}, std::pair{Key::To, to}})
        if (value && !value->isValid())
            return call.responder.send(badDate(name));
    if (date) // a single day: from and to are that day
        from = to = date;
    const auto branchId = CatalogFields::idQuery(call.request, Key::BranchId);
    const auto serviceId = CatalogFields::idQuery(call.request, Key::ServiceId);
    if (!branchId || !serviceId)
        return call.responder.send(
            ApiError::validation(QJsonObject{{branchId ? Key::ServiceId : Key::BranchId,
                                              QStringLiteral("Must be a positive id.")}}));
    Handler::run(m_api, call.responder,
                 [this, from, to, branch = call.caller.narrowed(*branchId), service = *serviceId](
                     WorkerContext &ctx) { return m_desk.list(ctx, from, to, branch, service); });
}

// {branch_id, timezone, opening_hours, closed_dates, booking_horizon_days, checkin_*_minutes}
void AppointmentsController::branchBooking(const Call &call)
{
    Handler::runWithin(m_api, call.responder, {&BranchScope::branch, call.rowId(), call.caller},
                       [id = call.rowId()](WorkerContext &ctx) {
                           return AppointmentBook::branchBooking(ctx.db(), id);
                       });
}

void AppointmentsController::setBranchBooking(const Call &call)
{
    Handler::runParsedWithin(
        m_api, call.responder, {&BranchScope::branch, call.rowId(), call.caller},
        branchBookingInput(call.body),
        [id = call.rowId(), actor = call.caller.userId](WorkerContext &ctx,
                                                        const BranchBooking &input) {
            return AppointmentBook::setBranchBooking(ctx.db(), id, input, actor);
        });
}

// {service_id, slot_minutes, slot_capacity, capacity}
void AppointmentsController::serviceBooking(const Call &call)
{
    Handler::runWithin(m_api, call.responder, {&BranchScope::service, call.rowId(), call.caller},
                       [id = call.rowId()](WorkerContext &ctx) {
                           return AppointmentBook::serviceBooking(ctx.db(), id);
                       });
}

void AppointmentsController::setServiceBooking(const Call &call)
{
    Handler::runParsedWithin(
        m_api, call.responder, {&BranchScope::service, call.rowId(), call.caller},
        serviceBookingInput(call.body),
        [id = call.rowId(), actor = call.caller.userId](WorkerContext &ctx,
                                                        const ServiceBooking &input) {
            return AppointmentBook::setServiceBooking(ctx.db(), id, input, actor);
        });
}

} // namespace Nextup
