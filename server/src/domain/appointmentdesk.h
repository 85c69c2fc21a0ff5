#pragma once

#include <optional>

#include <QDateTime>
#include <QJsonObject>

#include "core/apierror.h"
#include "core/principal.h"
#include "domain/livequeues.h"

namespace Nextup {

class WorkerContext;
struct TokenRecord;

// Appointments, from booking to the line: a token with a time is `booked` (never in the live
// line, never callable) until its customer checks in inside the window around the slot; then it
// joins the line at its slot's time (an early arrival waits behind the walk-ins who came before
// the slot, a punctual or late one keeps the slot's place). Past the window it expires (a no-show).
class AppointmentDesk
{
public:
    explicit AppointmentDesk(QueueDeps deps) : m_deps(deps) {}

    struct Booking
    {
        int serviceId = 0;
        QDateTime slot;
        QJsonObject customerInfo;
        int priority = 0;
        Principal caller;
    };
    // POST /api/tokens with preferred_slot: 201's body, as a walk-in's plus the check-in window.
    Result<QJsonObject> book(WorkerContext &ctx, const Booking &booking,
                             const QDateTime &now) const;
    // POST /api/tokens/:id/check-in: the customer (secret), a kiosk or staff.
    Result<QJsonObject> checkIn(WorkerContext &ctx, qint64 tokenId, const QByteArray &secret,
                                const Principal &caller, const QDateTime &now) const;
    // POST /api/tokens/:id/reschedule: another free slot of the same service.
    Result<QJsonObject> reschedule(WorkerContext &ctx, qint64 tokenId, const QByteArray &secret,
                                   const QDateTime &slot, const Principal &caller,
                                   const QDateTime &now) const;
    // An appointment's slot and check-in window, {preferred_slot, check_in_opens_at,
    // check_in_closes_at}; {} for a walk-in. GET /api/tokens/:id/status adds them once the
    // caller is admitted.
    Result<QJsonObject> timeOf(WorkerContext &ctx, qint64 tokenId) const;
    // Booked tokens whose check-in window has closed become `expired`; how many did.
    Result<int> expireNoShows(WorkerContext &ctx) const;
    // GET /api/appointments: the appointments of a branch or service from `from` to `to` (at
    // most kMaxListDays apart), in slot order. Without `from`, today in the branch's time zone (the
    // first branch's when branchId is 0); without `to`, the day of `from`.
    static constexpr int kMaxListDays = 31;
    Result<QJsonObject> list(WorkerContext &ctx, std::optional<QDate> from, std::optional<QDate> to,
                             int branchId, int serviceId) const;

private:
    Outcome admit(WorkerContext &ctx, qint64 tokenId, const QByteArray &secret,
                  const Principal &caller) const;
    QJsonObject answer(const TokenRecord &token, const QJsonObject &window, bool staff) const;

    QueueDeps m_deps;
};

} // namespace Nextup
