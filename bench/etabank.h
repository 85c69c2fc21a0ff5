// The bank whose days bench/etasim replays (etaday.h): its services, counters, customers and
// appointments. Figures a branch manager would recognise, chosen before any estimator was
// measured on them; bench/README.md lists them in words.
#pragma once

#include <QList>
#include <QtGlobal>

namespace Nextup::EtaBank {

inline constexpr qint64 kSecond = 1000;
inline constexpr qint64 kMinute = 60 * kSecond;
inline constexpr qint64 kHour = 60 * kMinute;
inline constexpr qint64 kDayStart = 1'900'000'000'000LL; // 09:00 of the virtual day (any instant)
inline constexpr double kDayHours = 7.5;                 // walk-ins come until 16:30

// Services: true lognormal service times (mean, sigma of the log) against the average an
// admin configured, which is a guess (too high for A, too low for B and C).
struct ServiceSpec
{
    int id;
    const char *code;
    double meanSeconds;
    double sigma;
    int configuredSeconds;
    double walkInShare;
    int appointments; // booked for the day
};
inline const ServiceSpec kServices[] = {
    {1, "A", 180, 0.5, 240, 0.40, 4},  // cash
    {2, "B", 420, 0.6, 360, 0.25, 14}, // accounts
    {3, "C", 900, 0.5, 720, 0.08, 10}, // loans
    {4, "D", 90, 0.7, 120, 0.27, 0},   // information
};

// Counters, in hours after 09:00 (closesAt 0: open until the line is empty after the doors
// close). lateServe: the operator presses "serve" only just before "complete", so the serving
// time Postgres records is ~2 s (the former estimator's collapse seen in production). Lunch
// breaks are staggered from 11:30 to 15:00 so that at most two counters are away at once.
struct CounterSpec
{
    int id;
    QList<int> services;
    double opensAt;
    double closesAt;
    double lunchAt; // < 0: no lunch break
    int lunchMinutes;
    bool lateServe;
};
inline const CounterSpec kCounters[] = {
    {1, {1}, 0, 0, 2.5, 40, false},      {2, {1, 4}, 0, 0, 5.25, 40, false},
    {3, {1, 2}, 0, 0, 4.5, 40, true},    {4, {2}, 0, 6.5, 3.25, 40, false},
    {5, {2, 3}, 0, 0, 5.0, 40, false},   {6, {3, 4}, 0.5, 0, 3.75, 40, true},
    {7, {1, 4}, 2.0, 5.5, -1, 0, false}, // the peak counter, 11:00-14:30
};

// Walk-ins per hour from 09:00: a morning peak and a lunch peak.
inline const double kArrivalsPerHour[] = {35, 60, 55, 65, 55, 40, 40, 35};
inline constexpr double kPriorityShare = 0.03;     // staff-issued priority walk-ins
inline constexpr double kWalkInNoShow = 0.06;      // called, but left the branch
inline constexpr double kQuickShare = 0.05;        // "just a question": 15-45 s
inline constexpr double kWalkSeconds = 28;         // to the counter (lognormal, sigma 0.5)
inline constexpr double kAppointmentNoShow = 0.10; // never checks in
inline constexpr double kRandomPausesPerDay = 1.2; // per counter, 5-15 min each
inline constexpr qint64 kSlot = 15 * kMinute;
inline constexpr qint64 kCheckInEarly = 30 * kMinute;
inline constexpr qint64 kCheckInLate = 15 * kMinute;

inline const ServiceSpec &serviceSpec(int serviceId)
{
    for (const ServiceSpec &s : kServices) {
        if (s.id == serviceId)
            return s;
    }
    return kServices[0];
}

} // namespace Nextup::EtaBank
