#pragma once

#include "nextup/client/apijob.h"
#include "nextup/client/tokentypes.h"

namespace Nextup {

// POST /api/tokens. Anonymous unless signed in (a kiosk or staff session may set a priority).
class CreateTokenJob : public ApiJob
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CreateTokenJob)

public:
    explicit CreateTokenJob(const NewToken &token);
    CreatedToken token() const { return m_token; }

protected:
    Status parseResponse(const QJsonDocument &json) override;

private:
    CreatedToken m_token;
};

// GET /api/tokens/:id/status: the customer with the token's secret, or staff.
class TokenStatusJob : public ApiJob
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TokenStatusJob)

public:
    TokenStatusJob(qint64 tokenId, const QString &secret = {});
    TokenStatus tokenStatus() const { return m_status; }

protected:
    Status parseResponse(const QJsonDocument &json) override;

private:
    TokenStatus m_status;
};

// A call answering {token}: the shared half of the jobs below.
class TokenAnswerJob : public ApiJob
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TokenAnswerJob)

public:
    TokenInfo token() const { return m_token; }

protected:
    using ApiJob::ApiJob;
    Status parseResponse(const QJsonDocument &json) override;

private:
    TokenInfo m_token;
};

// GET /api/tokens/:id: the token with its timeline (staff).
class GetTokenJob : public TokenAnswerJob
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GetTokenJob)

public:
    explicit GetTokenJob(qint64 tokenId);
    QList<TokenEvent> events() const { return m_events; }

protected:
    Status parseResponse(const QJsonDocument &json) override;

private:
    QList<TokenEvent> m_events;
};

// POST /api/tokens/:id/cancel: the customer with the secret, or staff.
class CancelTokenJob : public TokenAnswerJob
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CancelTokenJob)

public:
    CancelTokenJob(qint64 tokenId, const QString &secret = {});
};

// POST /api/tokens/:id/assign: call this waiting token out of turn at a counter (staff).
class AssignTokenJob : public TokenAnswerJob
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AssignTokenJob)

public:
    AssignTokenJob(qint64 tokenId, int counterId, const QString &reason);
};

// GET /api/tokens: history, filtered and paged (staff).
class HistoryJob : public ApiJob
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryJob)

public:
    explicit HistoryJob(const HistoryFilter &filter);
    HistoryFilter filter() const { return m_filter; }
    HistoryPage page() const { return m_page; }

protected:
    Status parseResponse(const QJsonDocument &json) override;

private:
    HistoryFilter m_filter;
    HistoryPage m_page;
};

// GET /api/stats for whole days; invalid dates leave the server's default (today).
class StatsJob : public ApiJob
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatsJob)

public:
    StatsJob(const QDate &from = {}, const QDate &to = {});
    StatsReport report() const { return m_report; }

protected:
    Status parseResponse(const QJsonDocument &json) override;

private:
    StatsReport m_report;
};

// GET /api/appointments (staff): the appointments of a day or a range, in slot order.
class AppointmentsJob : public ApiJob
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AppointmentsJob)

public:
    explicit AppointmentsJob(const AppointmentFilter &filter);
    AppointmentFilter filter() const { return m_filter; }
    // The dates the server answered for (its today when the filter had none).
    QDate from() const { return m_from; }
    QDate to() const { return m_to; }
    QList<Appointment> appointments() const { return m_items; }

protected:
    Status parseResponse(const QJsonDocument &json) override;

private:
    AppointmentFilter m_filter;
    QDate m_from;
    QDate m_to;
    QList<Appointment> m_items;
};

// POST /api/tokens/:id/check-in: a booked appointment joins the line. Staff and kiosks need no
// secret; a customer's client sends it. A 409 outside_check_in_window carries the window in its
// details (CheckInWindow::fromJson(status.details.toObject())).
class CheckInJob : public TokenAnswerJob
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CheckInJob)

public:
    explicit CheckInJob(qint64 tokenId, const QString &secret = {});
    qint64 tokenId() const { return m_tokenId; }
    // The place in line, 1 = next; 0 when the server did not say.
    int position() const { return m_position; }
    CheckInWindow window() const { return m_window; }

protected:
    Status parseResponse(const QJsonDocument &json) override;

private:
    qint64 m_tokenId;
    int m_position = 0;
    CheckInWindow m_window;
};

// GET /api/branches/:id/booking, or PUT it with `change` (admin). Answers the settings as they are
// now either way.
class BranchBookingJob : public ApiJob
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BranchBookingJob)

public:
    explicit BranchBookingJob(int branchId, const std::optional<BranchBooking> &change = {});
    BranchBooking booking() const { return m_booking; }

protected:
    Status parseResponse(const QJsonDocument &json) override;

private:
    BranchBooking m_booking;
};

// GET /api/services/:id/booking, or PUT it with `change` (admin).
class ServiceBookingJob : public ApiJob
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServiceBookingJob)

public:
    explicit ServiceBookingJob(int serviceId, const std::optional<ServiceBooking> &change = {});
    ServiceBooking booking() const { return m_booking; }

protected:
    Status parseResponse(const QJsonDocument &json) override;

private:
    ServiceBooking m_booking;
};

} // namespace Nextup
