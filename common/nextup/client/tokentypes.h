#pragma once

#include <array>
#include <optional>

#include <QDate>
#include <QJsonArray>
#include <QJsonValue>
#include <QList>
#include <QUrlQuery>

#include "nextup/client/types.h"

// Typed views of tokens, their history, appointments and the statistics (docs/api.md, "Tokens",
// "Appointments" and "Stats").
namespace Nextup {

using TokenInfo = Wire::Token;
using CreatedToken = Wire::CreatedToken;
// Not Wire::TokenStatus, the enum of its `status`.
using TokenStatus = Wire::TokenProgress;

// One line of a token's timeline.
struct TokenEvent
{
    QString event; // issued, called, recalled, serving, completed, skipped, transferred, ...
    QString fromStatus;
    QString toStatus;
    int serviceId = 0;
    int counterId = 0;
    int actorId = 0;
    QString actor;
    QString reason;
    QDateTime at;

    static TokenEvent fromJson(const QJsonObject &json);
};

// POST /api/tokens.
struct NewToken
{
    int serviceId = 0;
    QJsonValue customerInfo;     // object or string; staff only ever see it
    QDateTime preferredSlot;     // later today, or invalid for "now"
    std::optional<int> priority; // 0..9; needs a staff or kiosk session

    QJsonObject toJson() const;
};

// GET /api/tokens filters; empty or zero fields are not sent.
struct HistoryFilter
{
    QString from; // YYYY-MM-DD or an ISO time, inclusive
    QString to;
    int serviceId = 0;
    int counterId = 0;
    QString status;
    QString number; // "D007" or "7"
    int page = 1;
    int pageSize = 50; // 1..200

    QUrlQuery toQuery() const;
};

struct HistoryPage
{
    QList<TokenInfo> items;
    int page = 0;
    int pageSize = 0;
    int total = 0;

    static HistoryPage fromJson(const QJsonObject &json);
    int pageCount() const { return pageSize > 0 ? (total + pageSize - 1) / pageSize : 0; }
};

// One block of GET /api/stats (totals, or one service, or one counter).
struct StatsBlock
{
    int id = 0; // service_id or counter_id; 0 for totals
    QString name;
    qint64 issued = 0;
    qint64 waiting = 0;
    qint64 served = 0;
    qint64 skipped = 0;
    qint64 cancelled = 0;
    double noShowRate = 0;
    double avgWaitSeconds = 0;
    double p90WaitSeconds = 0;
    double avgServiceSeconds = 0;
    double p90ServiceSeconds = 0;
    double withinTargetShare = 0;
    // Appointments; nullopt when the server does not send them (an older one) or, for the rate
    // and punctuality, has no figure (nobody came or missed).
    std::optional<qint64> appointmentsBooked;
    std::optional<qint64> appointmentsCheckedIn;
    std::optional<qint64> noShows;
    std::optional<double> appointmentNoShowRate; // no-shows / (checked in + no-shows)
    std::optional<double> punctualitySeconds;    // check-in minus slot, mean; negative is early

    static StatsBlock fromJson(const QJsonObject &json, const QString &idKey = {});
};

struct StatsReport
{
    QDate from;
    QDate to;
    StatsBlock totals;
    QList<StatsBlock> perService;
    QList<StatsBlock> perCounter;
    QJsonArray perHour; // [{hour, issued, served}]
    qint64 etaSamples = 0;
    double etaMeanAbsErrorSeconds = 0;
    double etaMeanErrorSeconds = 0;

    static StatsReport fromJson(const QJsonObject &json);
};

// The window around an appointment's slot in which it may check in (UTC instants).
struct CheckInWindow
{
    QDateTime opensAt;
    QDateTime closesAt;

    // {check_in_opens_at, check_in_closes_at}: a check-in answer, or the details of its 409
    // outside_check_in_window.
    static CheckInWindow fromJson(const QJsonObject &json);
    bool isValid() const { return opensAt.isValid() && closesAt.isValid(); }
};

// One item of GET /api/appointments: the token (staff view) and, when the server sends it, when it
// checked in.
struct Appointment
{
    TokenInfo token;
    QDateTime checkedInAt;

    static Appointment fromJson(const QJsonObject &json);
};

// GET /api/appointments: one local date (from == to) or a range of at most 31 days; 0 = all
// branches or services.
struct AppointmentFilter
{
    QDate from; // invalid: the server's today
    QDate to;   // invalid: same as from
    int branchId = 0;
    int serviceId = 0;

    QUrlQuery toQuery() const;
};

// A branch's weekly opening hours, in its own wall time: for each weekday (1 = Monday … 7 =
// Sunday) the ranges it is open, in order and without overlap; none = closed that day. A range
// may close at midnight, "24:00", which QTime cannot hold: an invalid `close` stands for it.
struct OpeningRange
{
    QTime open;
    QTime close; // invalid (QTime()) for 24:00

    bool closesAtMidnight() const { return !close.isValid(); }
    // "09:00-12:30", "13:30-24:00".
    QString toText() const;
    bool operator==(const OpeningRange &) const = default;
};

struct ClosedDate
{
    QDate date;
    QString reason;
    bool operator==(const ClosedDate &) const = default;
};

// GET/PUT /api/branches/:id/booking (admin).
struct BranchBooking
{
    int branchId = 0;
    QString timezone;
    std::array<QList<OpeningRange>, 7> week; // [0] = Monday
    QList<ClosedDate> closedDates;
    int horizonDays = 14;
    int checkInEarlyMinutes = 30;
    int checkInLateMinutes = 15;

    static BranchBooking fromJson(const QJsonObject &json);
    // The PUT body: every field (closed_dates replaces the list).
    QJsonObject toJson() const;
    QList<OpeningRange> &on(int dayOfWeek) { return week[std::size_t(dayOfWeek - 1)]; }
    const QList<OpeningRange> &on(int dayOfWeek) const { return week[std::size_t(dayOfWeek - 1)]; }
    // "mon" … "sun", the keys of opening_hours.
    static QString dayKey(int dayOfWeek);
    // "09:00-12:30, 13:30-17:00" → ranges; nullopt when the text is not such a list (an empty text
    // is a closed day). Each range must close after it opens and after the previous one closed.
    static std::optional<QList<OpeningRange>> parseRanges(const QString &text);
    static QString rangesText(const QList<OpeningRange> &ranges);
};

// GET/PUT /api/services/:id/booking (admin).
struct ServiceBooking
{
    int serviceId = 0;
    int slotMinutes = 15;
    std::optional<int> slotCapacity; // nullopt: from the counters that serve the service
    int capacity = 0;                // the places a slot has now (the admin's or the counters')

    static ServiceBooking fromJson(const QJsonObject &json);
    // The PUT body: slot_minutes, and slot_capacity (null = from the counters).
    QJsonObject toJson() const;
};

} // namespace Nextup
