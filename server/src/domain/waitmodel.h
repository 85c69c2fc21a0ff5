#pragma once

#include <QHash>
#include <QList>
#include <QMap>
#include <QtGlobal>

namespace Nextup {

// The maths of the estimated wait, apart from where its inputs come from: EtaEstimator gathers
// them from Postgres (StoredWaitInputs), bench/etasim from its virtual day. Nothing here reads a
// clock, a database or a setting.
//
// A token's wait is forecast by playing the branch's floor forward with the line's own rules
// (FloorPlay): every open counter finishes its current customer, then takes the best token among
// the queues of the services it serves (priority class, then place in line, as callnext.lua
// does) and spends that service's counter time on it. So a counter that serves several services
// gives each only the time their tokens ahead take, and a service whose counters are busy with
// older tokens of another waits for them. The floor is played 64 times with counter times drawn
// from a lognormal of the service's mean and spread; the promise is the median call time (what
// minimises the mean absolute error; the draws have a fixed seed, so a floor always gives the
// same forecast). bench/etasim measures it against the former estimator (bench/README.md).
//
// - Counter time per token: how long a token of the service holds its counter, from the call to
//   its finish (so the walk to the counter and no-shows are in it, and an operator who presses
//   "serve" late changes nothing), plus the hand-over from a finish to that counter's next call
//   when a token was already waiting (the operator's pace). Each is the mean of the newest 40
//   samples with a prior counting as 3 samples (the configured average for the time at the
//   counter, nothing for the hand-over), the prior alone until there are 3. A time at the
//   counter over 5 × the median counts as 5 × the median (a counter left unfinished); a
//   hand-over over 4 × the median and 2 minutes is a break, not a pace. The mean is never below
//   a quarter of the configured average (a run of instant "completions" cannot make a line look
//   free). The spread (sigma of the logarithm) comes from the upper quartile of the samples, and
//   tells how long a customer already at a counter still takes (drawn above the time elapsed).
// - Breaks, from the hand-overs of the whole branch: a paused counter calls nobody now but is
//   expected back after a break as long as the branch's breaks are (15 minutes until there are a
//   few), or after a third of that when its break is longer already; every counter time is
//   stretched by the share of the time the counters were away on breaks lately (breaks to come);
//   a free counter calls after its operators' usual hand-over. A closed counter is gone.
// - Usual times away, learnt from the last two weeks (AwayBefore, usualAway()): a counter that
//   on at least half of its days stopped calling for 20 minutes or more at about the same time
//   while customers of its services waited (a lunch), opened late or closed early, is expected
//   to do so today: its usual break is played from its usual start, less the time a customer
//   found at the counter still takes (the start seen is the last customer leaving; the operator
//   decided earlier), once its customer is done, for its usual length unless today's history shows
//   it taken, a paused counter in it comes back after that length, a closed counter that usually
//   opens later opens then, and one that usually closes early closes (unless it is the last of a
//   service). Breaks of 20 minutes or more then no longer stretch the counter times: only the
//   shorter, unforeseeable ones do.
// - Walk-ins with a priority go before everyone else: they are expected at the last hour's rate.
//   Other walk-ins are expected at theirs, which matters only to a token whose place is later
//   than now (an appointment checked in early: walk-ins who come before its slot go first).
// - Appointments not checked in join the line at their slot's place (the walk-ins who came after
//   their slot wait behind them) if they come: with the service's show rate (30 days, 0.9 as a
//   prior of 10) while their check-in window has not opened, then less and less as it runs out.
// - A service with no open or paused counter is forecast as if one counter served it alone (as
//   before: a board still shows a wait, not "never").
//
// Without history every customer takes exactly the configured average, and N tokens ahead of
// one free counter wait N × the average, as the former estimator answered (with k free counters
// the first k tokens go at once: N ahead wait ⌊N / k⌋ × the average where it said N / k).

// What a service has done lately (changes slowly; EtaEstimator keeps it a minute).
struct ServiceHistory
{
    int serviceId = 0;
    int configuredSeconds = 300; // services.avg_service_seconds
    // Newest first (see above): the time from call to finish (completed or skipped) of each
    // token, and from a finish to the counter's next call when a token was waiting then.
    QList<double> atCounterSeconds;
    QList<double> handoverSeconds;
    double walkInsPerHour = 0;  // walk-ins issued in the last hour
    double priorityPerHour = 0; // of which with a priority above 0
    int appointmentsShown = 0;  // past appointments that were checked in (last 30 days)
    int appointmentsMissed = 0; // and those that expired
};

// A time a counter was away on one of the last days (StoredWaitInputs: the last
// WaitModel::kAwayDays), moved to today's date at the same local time: it stopped calling for
// at least WaitModel::kMinAwaySeconds while a customer waited for it (a break), it opened that
// long after the branch's first call (a late opening), or it stopped that long before the
// branch's last call (an early closing).
struct AwayBefore
{
    enum Kind
    {
        Break,
        LateOpening,
        EarlyClosing,
    };
    int counterId = 0;
    int daysAgo = 0; // 0: today
    Kind kind = Break;
    qint64 fromMs = 0; // today's date, epoch ms
    qint64 untilMs = 0;
};

// The services of one branch, and its counters' times away on the last days.
struct WaitHistory
{
    int branchId = 0;
    QHash<int, ServiceHistory> services;
    QList<AwayBefore> away;
    QHash<int, int> counterDays; // counter -> the earlier days (not today) it called anyone
    QList<int> workedToday;      // the counters that called someone today
};

// A time a counter is expected away: a break of `seconds` that begins at fromMs or, if a
// customer is at the counter then, once that customer is done (and is not taken at all when it
// falls inside another break); `closes`: the counter closes then for the rest of the day.
struct AwayNow
{
    qint64 fromMs = 0;
    double seconds = 0;
    bool closes = false;
};

// One counter of the branch as it is now.
struct CounterNow
{
    int counterId = 0;
    QList<int> serviceIds;
    bool open = false;         // status open (and active): it calls now
    bool paused = false;       // status paused (and active): it calls again after its break
    qint64 pausedSinceMs = 0;  // about when (its last customer finished); 0: unknown
    int currentServiceId = 0;  // the service of its called or serving token; 0 = free
    qint64 currentSinceMs = 0; // when that token was called
    // What is expected of it later (none: nothing known; see WaitFloor::awayComplete).
    qint64 backAtMs = 0;  // paused: when it calls again (0: after the branch's usual break)
    qint64 opensAtMs = 0; // closed: when it opens (0: not today)
    QList<AwayNow> away;  // its breaks and closing to come, by fromMs
};

// A token waiting in the live line.
struct WaitingNow
{
    qint64 tokenId = 0;
    int serviceId = 0;
    int priority = 0;
    qint64 placeMs = 0;      // its place: the arrival, or the slot (QueueEntry::arrivalMs)
    int targetCounterId = 0; // transferred to one counter
};

// An appointment not checked in yet whose check-in window has not closed.
struct BookedNow
{
    int serviceId = 0;
    int priority = 0;
    qint64 slotMs = 0;
    qint64 windowOpensMs = 0;
    qint64 windowClosesMs = 0;
};

// The branch's floor at one moment (changes with every call; EtaEstimator keeps it 5 s).
struct WaitFloor
{
    qint64 atMs = 0; // when it was read, epoch ms
    QList<CounterNow> counters;
    QList<WaitingNow> waiting;
    QList<BookedNow> booked;
    // The counters' `away` lists hold every break to come (as bench/etasim's oracle knows
    // them): no counter time is stretched for breaks the history saw.
    bool awayComplete = false;
};

// The forecast of one floor: when the token with N ahead in each service's queue is called.
class WaitForecast
{
public:
    // Seconds until a token of the service with tokensAhead before it in the service's queue is
    // called, elapsedMs after the floor was read: a walk-in joining now, or (placedLater) a
    // token the floor saw waiting with its place still to come. A service the forecast does
    // not know waits tokensAhead × fallbackSeconds.
    int waitSeconds(int serviceId, int tokensAhead, qint64 elapsedMs, int fallbackSeconds,
                    bool placedLater = false) const;
    // The counter time per token the forecast used for the service (0 if unknown).
    double counterSeconds(int serviceId) const;

private:
    friend class WaitModel;
    struct Line
    {
        QList<double> callAt; // seconds after the floor: the token at rank k is called (NaN: never)
        int joinerRank = 0;   // tokens ahead of a walk-in joining when the floor was read
        double joinerAt = 0;  // when that walk-in is called
        double perToken = 0;  // each further token ahead adds this much
        double counterSeconds = 0;
    };
    QMap<int, Line> m_lines;
};

class WaitModel
{
public:
    static constexpr int kMaxSamples = 40;             // newest counter times used
    static constexpr int kMinSamples = 3;              // fewer: the configured average alone
    static constexpr double kPriorSamples = 3;         // the configured average's weight
    static constexpr double kCapFactor = 5;            // × median: a time at a counter counts as
                                                       // no more (a counter left unfinished)
    static constexpr double kOutlierFactor = 4;        // × median (and 2 min): a break, not a pace
    static constexpr double kFloorShare = 0.25;        // of the configured average
    static constexpr double kDefaultSpread = 0.6;      // sigma of log counter times, without data
    static constexpr double kSpreadPrior = 8;          // its weight, as samples
    static constexpr double kBreakSeconds = 15 * 60;   // a break, without history
    static constexpr double kMinBreakSeconds = 120;    // a shorter hand-over is no break
    static constexpr double kDefaultShowRate = 0.9;    // appointments that come, without history
    static constexpr double kShowPrior = 10;           // its weight, as appointments
    static constexpr int kPlays = 64;                  // of the floor, with times drawn at random
    static constexpr int kAwayDays = 14;               // of history for the usual times away
    static constexpr double kMinAwaySeconds = 20 * 60; // a shorter time away does not recur
    static constexpr double kUsualShare = 0.5;         // of a counter's days: a usual time away
    static constexpr double kLateBySeconds = 30 * 60;  // a usual closing this late: not today
    static constexpr double kUnknownServiceSeconds = 300; // a service the history lacks

    // A service's counter time per token: its robust mean in seconds, and the spread (sigma of
    // its logarithm) that says how long a customer already at a counter will still take.
    struct CounterTime
    {
        double mean = 0;
        double spread = kDefaultSpread;
        bool measured = false; // from samples; else every customer takes exactly `mean`
        // Seconds still to go for a customer `elapsed` seconds at the counter: the mean
        // residual life of a lognormal time with this mean and spread.
        double left(double elapsed) const;
    };
    static CounterTime counterTime(const ServiceHistory &service);
    static double counterSeconds(const ServiceHistory &service)
    {
        return counterTime(service).mean;
    }
    // The branch's counters between customers, from the hand-overs of all its services: the
    // operators' pace (the hand-overs without breaks), how long a break lasts (hand-overs over
    // 4 × their median and 2 minutes: a counter that stopped calling while customers waited),
    // and the share of their time they are not away on one.
    struct Pace
    {
        double handover = 0;
        double breakSeconds = kBreakSeconds;
        double available = 1;
    };
    // longBreaksKnown: breaks of kMinAwaySeconds or more are played as the counters' usual
    // times away (usualAway()), so the share away counts only the shorter ones.
    static Pace pace(const WaitHistory &history, bool longBreaksKnown = false);
    // A counter's usual times away, learnt from the last days (AwayBefore): the times away of
    // one kind that overlap form a group, and a group seen on at least kUsualShare of the
    // days the counter worked (and on two) is usual. Its window is the medians of the days'
    // starts and ends, its length the median length; takenToday when today's history already
    // has one of them (a break taken, the counter opened).
    struct UsualAway
    {
        int counterId = 0;
        AwayBefore::Kind kind = AwayBefore::Break;
        qint64 fromMs = 0;
        qint64 untilMs = 0;
        double seconds = 0;
        bool takenToday = false;
    };
    static QList<UsualAway> usualAway(const WaitHistory &history);
    // The floor with what the counters' usual times away say of them (unless the floor already
    // has a complete schedule): a closed counter that usually opens later today opens then, a
    // paused one in its usual break comes back after that break's usual length, and each
    // usual break not taken yet today and the usual closing are played. False if nothing
    // usual applied.
    static bool expectUsualAway(const WaitHistory &history, WaitFloor &floor);
    // How long a customer found at one of the counter's services is still served, on average
    // over its services: what separates an operator's decision to take a break from the last
    // customer's leaving, which is all the history shows of it.
    static double residualSeconds(const WaitHistory &history, const CounterNow &counter);
    // The share of the service's appointments that come.
    static double showRate(const ServiceHistory &service);
    // The chance that an appointment not checked in at `atMs` still joins the line: its show
    // rate while the window has not opened, then falling as the window runs out (check-ins
    // spread evenly over the window).
    static double joinChance(const BookedNow &booked, double showRate, qint64 atMs);
    // Plays the floor read `now` forward (see the top of this file).
    static WaitForecast forecast(const WaitHistory &history, const WaitFloor &now);
    // The plain line: tokensAhead × perTokenSeconds ÷ counters (at least one), rounded up.
    static int evenWait(int tokensAhead, double perTokenSeconds, int counters);
};

} // namespace Nextup
