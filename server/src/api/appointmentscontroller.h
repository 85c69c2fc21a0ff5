#pragma once

#include "api/routetable.h"
#include "domain/appointmentdesk.h"

namespace Nextup {

// Appointments (docs/api.md, "Appointments"): the slots a service can be booked in, check-in on
// arrival, rescheduling, and the staff's list. Booking itself is POST /api/tokens with
// preferred_slot (TokensController hands it to the same AppointmentDesk).
class AppointmentsController
{
public:
    explicit AppointmentsController(const ApiContext &api) : m_api(api), m_desk(api.deps) {}
    static const QList<Route<AppointmentsController>> &routes();

private:
    void availability(const Call &call);
    void checkIn(const Call &call);
    void reschedule(const Call &call);
    void list(const Call &call);
    void branchBooking(const Call &call);
    void setBranchBooking(const Call &call);
    void serviceBooking(const Call &call);
    void setServiceBooking(const Call &call);

    const ApiContext &m_api;
    AppointmentDesk m_desk;
};

} // namespace Nextup
