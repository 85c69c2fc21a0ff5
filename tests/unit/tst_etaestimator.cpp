// The wait estimate's maths (WaitModel, FloorPlay) and its cache (EtaEstimator) without a
// database: the robust counter time and what it refuses to learn from, breaks, appointments and
// priority walk-ins, the floor played with the line's own rules, the answers without history
// (what the estimator always said), and how often the cache reads its inputs. bench/etasim
// measures the whole over simulated days; tst_tokenflow runs the SQL behind it.
#include <algorithm>
#include <cmath>

#include <QTest>

#include "domain/etaestimator.h"
#include "domain/waitmodel.h"

using namespace Nextup;

Q_DECLARE_METATYPE(Nextup::CounterNow)
Q_DECLARE_METATYPE(Nextup::WaitingNow)
Q_DECLARE_METATYPE(Nextup::BookedNow)
Q_DECLARE_METATYPE(Nextup::AwayBefore)

namespace {
constexpr qint64 kNow = 1'900'000'000'000LL;
constexpr qint64 kMinute = 60'000;

ServiceHistory service(int id, int configured, const QList<double> &atCounter = {},
                       const QList<double> &handover = {})
{
    ServiceHistory s;
    s.serviceId = id;
    s.configuredSeconds = configured;
    s.atCounterSeconds = atCounter;
    s.handoverSeconds = handover;
    return s;
}

WaitHistory historyOf(const QList<ServiceHistory> &services)
{
    WaitHistory history;
    history.branchId = 1;
    for (const ServiceHistory &s : services)
        history.services.insert(s.serviceId, s);
    return history;
}

enum class Status
{
    Open,
    Paused,
    Closed,
};

// A counter; sinceMs: when its current customer was called, or when its break began.
CounterNow counter(int id, const QList<int> &services, Status status = Status::Open,
                   int currentService = 0, qint64 sinceMs = 0)
{
    CounterNow c;
    c.counterId = id;
    c.serviceIds = services;
    c.open = status == Status::Open;
    c.paused = status == Status::Paused;
    c.pausedSinceMs = c.paused ? sinceMs : 0;
    c.currentServiceId = currentService;
    c.currentSinceMs = currentService > 0 ? sinceMs : 0;
    return c;
}

// A waiting token placed `secondsAgo` before now (negative: a slot still to come).
WaitingNow waiting(qint64 id, int serviceId, int secondsAgo, int priority = 0)
{
    return WaitingNow{id, serviceId, priority, kNow - secondsAgo * 1000LL, 0};
}

BookedNow booked(int serviceId, int slotMinutesFromNow)
{
    const qint64 slot = kNow + slotMinutesFromNow * kMinute;
    return BookedNow{serviceId, 0, slot, slot - 30 * kMinute, slot + 15 * kMinute};
}

CounterNow counterOf(int id, const QList<int> &services)
{
    return counter(id, services);
}

// Counter 1 away on each of `days` (days ago) from `fromMinutes` after now for `minutes`.
QList<AwayBefore> awayOn(const QList<int> &days, int fromMinutes, int minutes,
                         AwayBefore::Kind kind = AwayBefore::Break, int counterId = 1)
{
    QList<AwayBefore> away;
    for (int day : days) {
        const qint64 from = kNow + fromMinutes * kMinute;
        away.append({counterId, day, kind, from, from + minutes * kMinute});
    }
    return away;
}

// The standard normal's p-quantile (bisection: plenty for a test).
double normalQuantile(double p)
{
    double low = -8, high = 8;
    for (int i = 0; i < 100; ++i) {
        const double mid = (low + high) / 2;
        (0.5 * std::erfc(-mid / std::sqrt(2.0)) < p ? low : high) = mid;
    }
    return low;
}

// n times whose logarithms are spread as a normal's with sigma `spread` around ln(median).
QList<double> lognormalTimes(double median, double spread, int n)
{
    QList<double> times;
    for (int i = 0; i < n; ++i)
        times.append(median * std::exp(spread * normalQuantile((i + 0.5) / n)));
    return times;
}

QList<double> repeated(double value, int times)
{
    return QList<double>(times, value);
}

// Inputs with a clock the test moves, counting what the estimator reads.
class CountedInputs final : public WaitInputs
{
public:
    qint64 clock = kNow;
    int histories = 0;
    int floors = 0;
    WaitHistory kept = historyOf({service(1, 200), service(2, 300)});
    WaitFloor floorNow{0, {counter(1, {1, 2})}, {waiting(1, 1, 60), waiting(2, 1, 30)}, {}};

    qint64 nowMs() override { return clock; }
    Result<WaitHistory> history(int serviceId) override
    {
        ++histories;
        return kept.services.contains(serviceId) ? kept : WaitHistory{};
    }
    Result<WaitFloor> floor(int branchId) override
    {
        Q_UNUSED(branchId);
        ++floors;
        WaitFloor f = floorNow;
        f.atMs = clock;
        return f;
    }
};
} // namespace

class TestEtaEstimator : public QObject
{
    Q_OBJECT

private slots:
    void counterTime_data();
    void counterTime();
    void spreadFromTheLongServices();
    void breaksFromHandovers();
    void showRateAndJoinChance_data();
    void showRateAndJoinChance();
    void evenWaitIsTheFormerFormula_data();
    void evenWaitIsTheFormerFormula();
    void withoutHistory_data();
    void withoutHistory();
    void appointmentsJoinAtTheirSlot_data();
    void appointmentsJoinAtTheirSlot();
    void priorityWalkInsGoFirst();
    void anEarlyAppointmentWaitsForWalkInsBeforeItsSlot();
    void aLongCustomerIsLikelyLonger();
    void theSameFloorForecastsTheSame();
    void tokensBeyondTheFloorAddTheirShare();
    void usualAwayLearnt_data();
    void usualAwayLearnt();
    void usualAwayPlayed_data();
    void usualAwayPlayed();
    void aUsualBreakBeginsWhenItWasDecided();
    void cacheReadsLittle();
};

void TestEtaEstimator::counterTime_data()
{
    QTest::addColumn<int>("configured");
    QTest::addColumn<QList<double>>("atCounter");
    QTest::addColumn<QList<double>>("handover");
    QTest::addColumn<double>("expected");
    QTest::addColumn<bool>("measured");

    QTest::newRow("no history: the configured average")
        << 300 << QList<double>{} << QList<double>{} << 300.0 << false;
    QTest::newRow("two samples are not enough")
        << 300 << QList<double>{100, 100} << QList<double>{} << 300.0 << false;
    // (3 × 100 + 3 × 300) / 6
    QTest::newRow("three samples against the prior")
        << 300 << QList<double>{100, 100, 100} << QList<double>{} << 200.0 << true;
    // (1000 + 3 × 200) / 8 + 50 / 8
    QTest::newRow("the hand-over adds the operator's pace")
        << 200 << repeated(200, 5) << repeated(10, 5) << 206.25 << true;
    // 10000 s counts as 5 × the median: (5 × 100 + 500 + 3 × 100) / 9
    QTest::newRow("a counter left unfinished counts as five medians")
        << 100 << QList<double>{100, 100, 10000, 100, 100, 100} << QList<double>{} << 1300.0 / 9
        << true;
    // The break (900 s) is left out: (10 + 12 + 11) / 6
    QTest::newRow("a break is no pace")
        << 300 << repeated(300, 3) << QList<double>{10, 12, 11, 900} << 305.5 << true;
    // Production's collapse: a run of instant completions floors at a quarter of 400.
    QTest::newRow("instant completions cannot free the line")
        << 400 << repeated(1, 40) << QList<double>{} << 100.0 << true;
    // Only the newest 40 samples: 40 × 60 s, the older 300 s ones unseen. (2400 + 300) / 43
    QTest::newRow("the newest 40 only")
        << 100 << repeated(60, 40) + repeated(300, 20) << QList<double>{} << 2700.0 / 43 << true;
}

void TestEtaEstimator::counterTime()
{
    QFETCH(int, configured);
    QFETCH(QList<double>, atCounter);
    QFETCH(QList<double>, handover);
    QFETCH(double, expected);
    QFETCH(bool, measured);

    const WaitModel::CounterTime time =
        WaitModel::counterTime(service(1, configured, atCounter, handover));
    QVERIFY2(qAbs(time.mean - expected) < 1e-9,
             qPrintable(QStringLiteral("%1 != %2").arg(time.mean).arg(expected)));
    QCOMPARE(time.measured, measured);
}

void TestEtaEstimator::spreadFromTheLongServices()
{
    // Lognormal-like times (sigma 0.5) with a tenth of no-shows at 60 s: the spread follows the
    // long services, not the no-shows (the prior of 0.6 pulls a little).
    const QList<double> times = lognormalTimes(300, 0.5, 36) + repeated(60, 4);
    const WaitModel::CounterTime time = WaitModel::counterTime(service(1, 300, times));
    QVERIFY2(time.spread > 0.4 && time.spread < 0.65, qPrintable(QString::number(time.spread)));
    QCOMPARE(WaitModel::counterTime(service(1, 300)).spread, WaitModel::kDefaultSpread);
}

void TestEtaEstimator::breaksFromHandovers()
{
    // Eight hand-overs of 10 s and two breaks (20 and 30 min) while customers waited.
    const WaitHistory history = historyOf(
        {service(1, 300, repeated(300, 10), repeated(10, 8) + QList<double>{1200, 1800})});
    const WaitModel::Pace pace = WaitModel::pace(history);
    QVERIFY(qAbs(pace.handover - 80.0 / 11) < 1e-9);
    QVERIFY(qAbs(pace.breakSeconds - (3000.0 + 3 * 900) / 5) < 1e-9);
    QVERIFY(qAbs(pace.available - 3080.0 / 6080) < 1e-9);

    const WaitModel::Pace none = WaitModel::pace(historyOf({service(1, 300)}));
    QCOMPARE(none.handover, 0.0);
    QCOMPARE(none.breakSeconds, WaitModel::kBreakSeconds);
    QCOMPARE(none.available, 1.0);
}

void TestEtaEstimator::showRateAndJoinChance_data()
{
    QTest::addColumn<int>("shown");
    QTest::addColumn<int>("missed");
    QTest::addColumn<int>("minutesToSlot"); // from now; the window is -30 .. +15 min
    QTest::addColumn<double>("expected");

    QTest::newRow("no history, window not open") << 0 << 0 << 40 << 0.9;
    QTest::newRow("half came, window not open") << 20 << 20 << 40 << 29.0 / 50;
    QTest::newRow("window just opened") << 0 << 0 << 30 << 0.9;
    // 15 of the window's 45 minutes left: 0.9 × 1/3 = 0.3 of them still to come, 0.1 never.
    QTest::newRow("at the slot") << 0 << 0 << 0 << 0.75;
    QTest::newRow("window closed") << 0 << 0 << -15 << 0.0;
}

void TestEtaEstimator::showRateAndJoinChance()
{
    QFETCH(int, shown);
    QFETCH(int, missed);
    QFETCH(int, minutesToSlot);
    QFETCH(double, expected);

    ServiceHistory s = service(1, 300);
    s.appointmentsShown = shown;
    s.appointmentsMissed = missed;
    const double chance =
        WaitModel::joinChance(booked(1, minutesToSlot), WaitModel::showRate(s), kNow);
    QVERIFY2(qAbs(chance - expected) < 1e-9,
             qPrintable(QStringLiteral("%1 != %2").arg(chance).arg(expected)));
}

void TestEtaEstimator::evenWaitIsTheFormerFormula_data()
{
    QTest::addColumn<int>("ahead");
    QTest::addColumn<int>("seconds");
    QTest::addColumn<int>("counters");
    QTest::addColumn<int>("expected");

    QTest::newRow("nobody ahead") << 0 << 300 << 1 << 0;
    QTest::newRow("no counter counts as one") << 1 << 240 << 0 << 240;
    QTest::newRow("two ahead, one counter") << 2 << 200 << 1 << 400;
    QTest::newRow("rounded up") << 3 << 100 << 2 << 150;
    QTest::newRow("rounded up again") << 1 << 301 << 2 << 151;
}

void TestEtaEstimator::evenWaitIsTheFormerFormula()
{
    QFETCH(int, ahead);
    QFETCH(int, seconds);
    QFETCH(int, counters);
    QFETCH(int, expected);
    QCOMPARE(WaitModel::evenWait(ahead, seconds, counters), expected);
}

void TestEtaEstimator::withoutHistory_data()
{
    // Services 1 (240 s) and 2 (600 s), no samples: every customer takes the configured time.
    QTest::addColumn<QList<CounterNow>>("counters");
    QTest::addColumn<QList<WaitingNow>>("line");
    QTest::addColumn<int>("serviceId");
    QTest::addColumn<int>("expected"); // a walk-in of the service joining now

    const QList<WaitingNow> two{waiting(1, 1, 60), waiting(2, 1, 30)};
    QTest::newRow("nobody ahead") << QList<CounterNow>{counter(1, {1})} << QList<WaitingNow>{} << 1
                                  << 0;
    QTest::newRow("no counter open counts as one")
        << QList<CounterNow>{counter(1, {1}, Status::Closed)} << QList<WaitingNow>{waiting(1, 1, 5)}
        << 1 << 240;
    QTest::newRow("two ahead of one free counter")
        << QList<CounterNow>{counter(1, {1})} << two << 1 << 480;
    QTest::newRow("two ahead of two free counters")
        << QList<CounterNow>{counter(1, {1}), counter(2, {1, 2})} << two << 1 << 240;
    // Counter 2 serves service 2 too, whose token came first: it goes first.
    QTest::newRow("an older token of another service first")
        << QList<CounterNow>{counter(2, {1, 2})}
        << QList<WaitingNow>{waiting(1, 2, 90), waiting(2, 1, 30)} << 1 << 840;
    QTest::newRow("a counter of another service does not help")
        << QList<CounterNow>{counter(1, {1}), counter(2, {2})} << two << 1 << 480;
    // Paused: back after a break of 15 minutes, then serves the two ahead.
    QTest::newRow("a paused counter calls after its break")
        << QList<CounterNow>{counter(1, {1}, Status::Paused, 0, kNow)} << two << 1 << 900 + 480;
    // On a break for 14 of its 15 minutes already: a third of a break still to go.
    QTest::newRow("a long break ends no sooner than a third of one")
        << QList<CounterNow>{counter(1, {1}, Status::Paused, 0, kNow - 14 * kMinute)}
        << QList<WaitingNow>{} << 1 << 300;
    QTest::newRow("a priority token goes first")
        << QList<CounterNow>{counter(1, {1})}
        << QList<WaitingNow>{waiting(1, 1, 60), waiting(2, 1, 1, 5)} << 1 << 480;
}

void TestEtaEstimator::withoutHistory()
{
    QFETCH(QList<CounterNow>, counters);
    QFETCH(QList<WaitingNow>, line);
    QFETCH(int, serviceId);
    QFETCH(int, expected);

    const WaitFloor floor{kNow, counters, line, {}};
    const WaitForecast forecast =
        WaitModel::forecast(historyOf({service(1, 240), service(2, 600)}), floor);
    int ahead = 0;
    for (const WaitingNow &token : line)
        ahead += token.serviceId == serviceId ? 1 : 0;
    QCOMPARE(forecast.waitSeconds(serviceId, ahead, 0, 999), expected);
}

void TestEtaEstimator::appointmentsJoinAtTheirSlot_data()
{
    QTest::addColumn<QList<BookedNow>>("appointments");
    QTest::addColumn<int>("expected"); // a walk-in joining now, one free counter, 300 s each

    QTest::newRow("none") << QList<BookedNow>{} << 0;
    // Its slot was 5 minutes ago: it keeps that place if it comes (2 chances in 3).
    QTest::newRow("a late one still due goes first") << QList<BookedNow>{booked(1, -5)} << 300;
    // Its window closes in a minute: few who have not come by now still come.
    QTest::newRow("one about to expire does not") << QList<BookedNow>{booked(1, -14)} << 0;
    QTest::newRow("a later slot waits behind") << QList<BookedNow>{booked(1, 10)} << 0;
    QTest::newRow("another service's is no matter") << QList<BookedNow>{booked(2, -5)} << 0;
}

void TestEtaEstimator::appointmentsJoinAtTheirSlot()
{
    QFETCH(QList<BookedNow>, appointments);
    QFETCH(int, expected);

    const WaitFloor floor{kNow, {counter(1, {1})}, {}, appointments};
    const WaitForecast forecast =
        WaitModel::forecast(historyOf({service(1, 300), service(2, 300)}), floor);
    QCOMPARE(forecast.waitSeconds(1, 0, 0, 999), expected);
}

void TestEtaEstimator::priorityWalkInsGoFirst()
{
    // Three ahead of one free counter (300 s each); a priority walk-in every 12 minutes takes
    // the counter once it is there (at 900 s), so the newcomer waits one more customer.
    ServiceHistory s = service(1, 300);
    const WaitFloor floor{
        kNow, {counter(1, {1})}, {waiting(1, 1, 90), waiting(2, 1, 60), waiting(3, 1, 30)}, {}};
    QCOMPARE(WaitModel::forecast(historyOf({s}), floor).waitSeconds(1, 3, 0, 999), 900);
    s.walkInsPerHour = 5;
    s.priorityPerHour = 5;
    QCOMPARE(WaitModel::forecast(historyOf({s}), floor).waitSeconds(1, 3, 0, 999), 1200);
}

void TestEtaEstimator::anEarlyAppointmentWaitsForWalkInsBeforeItsSlot()
{
    // Three walk-ins ahead of one free counter (300 s each), and an appointment checked in for
    // a slot in 20 minutes; walk-ins come every 10 minutes. One joining now is called after the
    // three (900 s); the appointment also lets the walk-in of minute 10 go first (1200 s).
    ServiceHistory s = service(1, 300);
    s.walkInsPerHour = 6;
    const WaitFloor floor{
        kNow,
        {counter(1, {1})},
        {waiting(1, 1, 90), waiting(2, 1, 60), waiting(3, 1, 30), waiting(4, 1, -20 * 60)},
        {}};
    const WaitForecast forecast = WaitModel::forecast(historyOf({s}), floor);
    QCOMPARE(forecast.waitSeconds(1, 3, 0, 999), 900);
    QCOMPARE(forecast.waitSeconds(1, 3, 0, 999, true), 1200);
}

void TestEtaEstimator::aLongCustomerIsLikelyLonger()
{
    // With measured times (mean about 300 s), a customer at the counter for 600 s has more
    // still to go than one just called has left of an average: the wait is drawn above it.
    const WaitHistory history = historyOf({service(1, 300, lognormalTimes(250, 0.6, 40))});
    const auto waitWith = [&](int elapsedSeconds) {
        const WaitFloor floor{
            kNow, {counter(1, {1}, Status::Open, 1, kNow - elapsedSeconds * 1000LL)}, {}, {}};
        return WaitModel::forecast(history, floor).waitSeconds(1, 0, 0, 999);
    };
    QVERIFY2(waitWith(0) > 150 && waitWith(0) < 350, qPrintable(QString::number(waitWith(0))));
    QVERIFY2(waitWith(600) > 120, qPrintable(QString::number(waitWith(600))));
    QVERIFY(waitWith(200) < waitWith(0));
}

void TestEtaEstimator::theSameFloorForecastsTheSame()
{
    QList<double> times;
    for (int i = 0; i < 40; ++i)
        times.append(150 + 10 * (i % 7) * (i % 5));
    const WaitHistory history = historyOf({service(1, 300, times), service(2, 200, times)});
    const WaitFloor floor{kNow,
                          {counter(1, {1, 2}, Status::Open, 1, kNow - 100'000), counter(2, {1})},
                          {waiting(1, 1, 300), waiting(2, 2, 200), waiting(3, 1, 100)},
                          {booked(1, -3)}};
    const WaitForecast a = WaitModel::forecast(history, floor);
    const WaitForecast b = WaitModel::forecast(history, floor);
    for (int ahead = 0; ahead < 5; ++ahead)
        QCOMPARE(a.waitSeconds(1, ahead, 0, 999), b.waitSeconds(1, ahead, 0, 999));
}

void TestEtaEstimator::tokensBeyondTheFloorAddTheirShare()
{
    // Two free counters, nobody waiting: a batch of three joining now goes 0, 0 and 300 s.
    const WaitFloor floor{kNow, {counter(1, {1}), counter(2, {1})}, {}, {}};
    const WaitForecast forecast = WaitModel::forecast(historyOf({service(1, 300)}), floor);
    QCOMPARE(forecast.waitSeconds(1, 0, 0, 999), 0);
    QCOMPARE(forecast.waitSeconds(1, 1, 0, 999), 150); // the share of each further one
    QCOMPARE(forecast.waitSeconds(1, 2, 0, 999), 300);
    // A service the forecast does not know: the fallback per token.
    QCOMPARE(forecast.waitSeconds(9, 2, 0, 100), 200);
    // Time passes after the floor was read.
    const WaitFloor busy{kNow, {counter(1, {1})}, {waiting(1, 1, 10)}, {}};
    QCOMPARE(WaitModel::forecast(historyOf({service(1, 300)}), busy).waitSeconds(1, 1, 2500, 0),
             298);
}

void TestEtaEstimator::usualAwayLearnt_data()
{
    QTest::addColumn<QList<AwayBefore>>("away");
    QTest::addColumn<int>("days");         // counter 1 worked on the earlier days
    QTest::addColumn<bool>("workedToday"); // and today
    QTest::addColumn<int>("usual");        // usual times away found
    QTest::addColumn<int>("fromMinutes");  // the first one's: from now
    QTest::addColumn<int>("minutes");      // its length
    QTest::addColumn<bool>("takenToday");

    // Lunch around now + 60 min on five days: starts 50..70, lengths 36..44 minutes.
    QList<AwayBefore> lunch;
    for (int day = 1; day <= 5; ++day)
        lunch += awayOn({day}, 50 + 5 * (day - 1), 36 + 2 * (day - 1));
    QTest::newRow("a lunch every day: the medians") << lunch << 5 << true << 1 << 60 << 40 << false;
    QTest::newRow("taken today already")
        << lunch + awayOn({0}, 55, 40) << 5 << true << 1 << 60 << 40 << true;
    QTest::newRow("today's break at another time is not it")
        << lunch + awayOn({0}, -120, 25) << 5 << true << 1 << 60 << 40 << false;
    QTest::newRow("on one day of five: not usual")
        << awayOn({3}, 60, 40) << 5 << true << 0 << 0 << 0 << false;
    QTest::newRow("on two days of four: usual")
        << awayOn({1, 3}, 60, 40) << 4 << true << 1 << 60 << 40 << false;
    QTest::newRow("on two days of five: not usual")
        << awayOn({1, 3}, 60, 40) << 5 << true << 0 << 0 << 0 << false;
    QTest::newRow("on one day of one: not usual (two at least)")
        << awayOn({1}, 60, 40) << 1 << true << 0 << 0 << 0 << false;
    QTest::newRow("at different times: not one usual break")
        << awayOn({1}, 60, 30) + awayOn({2}, 120, 30) + awayOn({3}, 180, 30) << 3 << true << 0 << 0
        << 0 << false;
    QTest::newRow("a late opening, not open yet today")
        << awayOn({1, 2, 3}, -30, 90, AwayBefore::LateOpening) << 3 << false << 1 << -30 << 90
        << false;
    QTest::newRow("a late opening, opened today")
        << awayOn({1, 2, 3}, -30, 90, AwayBefore::LateOpening) << 3 << true << 1 << -30 << 90
        << true;
    // Another counter's breaks say nothing of counter 1's.
    QTest::newRow("another counter's")
        << awayOn({1, 2, 3}, 60, 40, AwayBefore::Break, 2) << 3 << true << 0 << 0 << 0 << false;
}

void TestEtaEstimator::usualAwayLearnt()
{
    QFETCH(QList<AwayBefore>, away);
    QFETCH(int, days);
    QFETCH(bool, workedToday);
    QFETCH(int, usual);
    QFETCH(int, fromMinutes);
    QFETCH(int, minutes);
    QFETCH(bool, takenToday);

    WaitHistory history = historyOf({service(1, 300)});
    history.away = away;
    history.counterDays.insert(1, days);
    history.counterDays.insert(2, days);
    if (workedToday)
        history.workedToday.append(1);
    QList<WaitModel::UsualAway> found = WaitModel::usualAway(history);
    found.removeIf([](const WaitModel::UsualAway &a) { return a.counterId != 1; });
    QCOMPARE(found.size(), usual);
    if (usual == 0)
        return;
    QCOMPARE(found.first().counterId, 1);
    QCOMPARE(found.first().fromMs, kNow + fromMinutes * kMinute);
    QCOMPARE(found.first().seconds, minutes * 60.0);
    QCOMPARE(found.first().takenToday, takenToday);
}

void TestEtaEstimator::usualAwayPlayed_data()
{
    // One counter of service 1 (300 s a customer, no samples: exact), three tokens waiting;
    // the wait of a walk-in joining now (fourth in line). Counter 1 worked on 3 earlier days.
    QTest::addColumn<CounterNow>("counter");
    QTest::addColumn<QList<AwayBefore>>("away");
    QTest::addColumn<int>("expected");
    QTest::addColumn<bool>("second"); // a second free counter of service 1

    const CounterNow open = counter(1, {1});
    QTest::newRow("nothing usual") << open << QList<AwayBefore>{} << 900 << false;
    // Free at 300 s, when its usual 40-minute break is due: back at 2700 s, then 300 s each.
    QTest::newRow("its usual break ahead")
        << open << awayOn({1, 2, 3}, 5, 40) << 2700 + 600 << false;
    QTest::newRow("its usual break taken today")
        << open << awayOn({1, 2, 3}, 5, 40) + awayOn({0}, 4, 40) << 900 << false;
    QTest::newRow("its usual break over") << open << awayOn({1, 2, 3}, -60, 40) << 900 << false;
    // On a break for 10 minutes now, its usual one of 40: back in 30 (15-minute breaks
    // without it: back in 5).
    const CounterNow paused = counter(1, {1}, Status::Paused, 0, kNow - 10 * kMinute);
    QTest::newRow("paused, no usual break") << paused << QList<AwayBefore>{} << 300 + 900 << false;
    QTest::newRow("paused in its usual break")
        << paused << awayOn({1, 2, 3}, -10, 40) << 1800 + 900 << false;
    // Closed: as if one counter served the line (900 s).
    const CounterNow closed = counter(1, {1}, Status::Closed);
    QTest::newRow("closed, no usual opening") << closed << QList<AwayBefore>{} << 900 << false;
    // Opening in 5 minutes as usual while none is open: until then as if one counter served
    // the line (as without history), then counter 1 too: the joiner at 600 s.
    QTest::newRow("closed, opens later as usual, none open")
        << closed << awayOn({1, 2, 3}, -90, 95, AwayBefore::LateOpening) << 600 << false;
    // With counter 2 open, counter 1 opening in 5 minutes as usual takes the second token then.
    QTest::newRow("closed, opens later as usual")
        << closed << awayOn({1, 2, 3}, -90, 95, AwayBefore::LateOpening) << 600 << true;
    QTest::newRow("closed, no usual opening, one other open")
        << closed << QList<AwayBefore>{} << 900 << true;
    // Closes in 5 minutes as usual, once its customer is done; a second free counter of the
    // service: tokens 1 and 2 at once, 3 at 300 s at counter 2, the joiner at 600 s (else 300).
    QTest::newRow("its usual closing, a second counter")
        << open << awayOn({1, 2, 3}, 5, 60, AwayBefore::EarlyClosing) << 600 << true;
    QTest::newRow("a second counter, nothing usual") << open << QList<AwayBefore>{} << 300 << true;
    // The last counter of its service is not played closing.
    QTest::newRow("the last counter's usual closing")
        << open << awayOn({1, 2, 3}, 5, 60, AwayBefore::EarlyClosing) << 900 << false;
}

void TestEtaEstimator::usualAwayPlayed()
{
    QFETCH(CounterNow, counter);
    QFETCH(QList<AwayBefore>, away);
    QFETCH(int, expected);

    WaitHistory history = historyOf({service(1, 300)});
    history.away = away;
    history.counterDays.insert(1, 3);
    history.workedToday.append(1);
    if (std::any_of(away.cbegin(), away.cend(),
                    [](const AwayBefore &a) { return a.kind == AwayBefore::LateOpening; }))
        history.workedToday.clear(); // it has not opened today
    QFETCH(bool, second);
    QList<CounterNow> counters{counter};
    if (second)
        counters.append(counterOf(2, {1}));
    const WaitFloor floor{
        kNow, counters, {waiting(1, 1, 60), waiting(2, 1, 50), waiting(3, 1, 40)}, {}};
    QCOMPARE(WaitModel::forecast(history, floor).waitSeconds(1, 3, 0, 999), expected);
}

void TestEtaEstimator::aUsualBreakBeginsWhenItWasDecided()
{
    // Counter 1's usual 40-minute break starts 6 minutes from now: that is when its last
    // customer left on earlier days. The operator decided on the break while that customer was
    // served: half a 300 s service earlier (exact times, no samples), at 210 s. So the token
    // called now is the last before the break, and the next one waits for the break's end
    // (300 + 2400 s), not for the first customer (300 s, as a break played from 360 s gave).
    WaitHistory history = historyOf({service(1, 300)});
    history.away = awayOn({1, 2, 3}, 6, 40);
    history.counterDays.insert(1, 3);
    history.workedToday.append(1);
    const CounterNow free = counter(1, {1});
    QCOMPARE(WaitModel::residualSeconds(history, free), 150.0);
    const WaitFloor floor{kNow, {free}, {waiting(1, 1, 60), waiting(2, 1, 50)}, {}};
    QCOMPARE(WaitModel::forecast(history, floor).waitSeconds(1, 1, 0, 999), 2700);
    // Measured times: a lognormal's customer found at the counter still takes mean × e^(σ²) / 2.
    ServiceHistory measured = service(2, 300);
    for (double seconds : {200, 250, 300, 350, 400, 450, 300, 280})
        measured.atCounterSeconds.append(seconds);
    history.services.insert(2, measured);
    const WaitModel::CounterTime time = WaitModel::counterTime(measured);
    QVERIFY(time.measured);
    QCOMPARE(WaitModel::residualSeconds(history, counter(1, {2})),
             time.mean * std::exp(time.spread * time.spread) / 2);
    QCOMPARE(WaitModel::residualSeconds(history, counter(1, {1, 2})),
             (150 + time.mean * std::exp(time.spread * time.spread) / 2) / 2);
}

void TestEtaEstimator::cacheReadsLittle()
{
    CountedInputs inputs;
    EtaEstimator eta(5000, 60000);
    // Two ahead of the one free counter, 200 s each.
    QCOMPARE(*eta.estimate(inputs, 1, 200, 2), 400);
    QCOMPARE(inputs.histories, 1);
    QCOMPARE(inputs.floors, 1);

    inputs.clock += 3000; // the kept floor, three seconds older
    QCOMPARE(*eta.estimate(inputs, 1, 200, 2), 397);
    QCOMPARE(*eta.estimate(inputs, 2, 300, 0), 397); // service 2 waits behind them too
    QCOMPARE(inputs.histories, 1);
    QCOMPARE(inputs.floors, 1);

    inputs.clock += 3000; // the floor is 6 s old: read again, the history is kept
    QCOMPARE(*eta.estimate(inputs, 1, 200, 2), 400);
    QCOMPARE(inputs.histories, 1);
    QCOMPARE(inputs.floors, 2);

    eta.invalidate(2); // a counter of the branch changed: played again once a second old
    QCOMPARE(*eta.estimate(inputs, 1, 200, 2), 400);
    QCOMPARE(inputs.floors, 2);
    inputs.clock += EtaEstimator::kRefreshAfterChangeMs - 1;
    eta.invalidate(1); // more changes within the second read nothing more
    QCOMPARE(*eta.estimate(inputs, 1, 200, 2), 400); // 399.001 s: the kept floor
    QCOMPARE(inputs.floors, 2);
    inputs.clock += 1;
    QCOMPARE(*eta.estimate(inputs, 1, 200, 2), 400);
    QCOMPARE(inputs.floors, 3);
    QCOMPARE(inputs.histories, 1);
    inputs.clock += 1000; // unchanged since: kept for the usual 5 s
    QCOMPARE(*eta.estimate(inputs, 1, 200, 2), 399);
    QCOMPARE(inputs.floors, 3);
    eta.invalidateNow(2); // an admin changed a counter's services: read at once
    QCOMPARE(*eta.estimate(inputs, 1, 200, 2), 400);
    QCOMPARE(inputs.floors, 4);

    inputs.clock += 61000; // the history is a minute old
    QCOMPARE(*eta.estimate(inputs, 1, 200, 2), 400);
    QCOMPARE(inputs.histories, 2);

    // Another server changed the configured average: the caller's figure says so.
    inputs.kept.services[1].configuredSeconds = 100;
    QCOMPARE(*eta.estimate(inputs, 1, 100, 2), 200);
    QCOMPARE(inputs.histories, 3);

    eta.invalidateAll();
    QCOMPARE(*eta.estimate(inputs, 1, 100, 2), 200);
    QCOMPARE(inputs.histories, 4);

    // A service that does not exist (any more): the configured average per token ahead.
    QCOMPARE(*eta.estimate(inputs, 7, 120, 3), 360);
}

QTEST_APPLESS_MAIN(TestEtaEstimator)
#include "tst_etaestimator.moc"
