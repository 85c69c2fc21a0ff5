#include "etaday.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <random>

#include <QJsonDocument>
#include <QJsonObject>

#include "core/principal.h"
#include "dayledger.h"
#include "domain/counterdesk.h"
#include "domain/etaestimator.h"
#include "domain/tokenissuer.h"
#include "domain/waitmodel.h"
#include "etabank.h"
#include "memoryqueue.h"

namespace Nextup {

using namespace EtaBank;

QString nameOf(Estimator estimator)
{
    switch (estimator) {
    case Estimator::Naive: return QStringLiteral("naive");
    case Estimator::EvenRobust: return QStringLiteral("robust-even");
    case Estimator::Forecast: return QStringLiteral("forecast");
    case Estimator::Oracle: return QStringLiteral("oracle");
    case Estimator::OracleRecurring: return QStringLiteral("oracle-recur");
    }
    return {};
}

namespace {

// The day: its clock and events, the customers and the operators. Every decision about the
// line is the server's (TokenIssuer, CounterDesk over MemoryQueue); every promise is the
// server's EtaEstimator reading the DayLedger.
class Day
{
public:
    // measured: promises are compared (the oracles are asked); earlier: the days before it.
    Day(const EtaDayOptions &options, bool measured, const QList<DayLedger::Earlier> &earlier);
    EtaDayResult run();
    const DayLedger &ledger() const { return m_ledger; }

private:
    enum class State
    {
        Closed,
        Free,
        Busy,
        Paused,
    };
    // A break or closing the day drew for a counter, as the oracle knows it.
    struct Planned
    {
        AwayNow away;
        bool recurring = true; // a lunch or a closing, not a short pause
        bool done = false;     // its moment came
    };
    struct Operator
    {
        CounterSpec spec;
        Principal who;
        State state = State::Closed;
        bool callPending = false;
        qint64 pendingPause = 0; // ms, once the current customer is done
        bool pendingClose = false;
        // The schedule the oracle is told: the first opening, the breaks and closing to come,
        // the end of the current break.
        qint64 opensAt = 0;
        bool opened = false;
        QList<Planned> plan;
        qint64 backAt = 0;
        bool pendingRecurs = false; // the pending break is a lunch
        bool pauseRecurs = false;   // the current one is
    };
    struct Tracked
    {
        bool appointment = false;
        int serviceId = 0;
        int priority = 0;
        qint64 joinedAt = 0; // issued or checked in
        qint64 calledAt = -1;
        EtaSample sample;
    };

    void at(qint64 when, std::function<void()> job);
    double uniform(double low, double high);
    bool chance(double p) { return uniform(0, 1) < p; }
    double lognormal(double mean, double sigma);
    qint64 reaction() { return qint64(uniform(3, 20) * kSecond); }

    void planArrivals();
    void planAppointments();
    void planCounters();

    void issueWalkIn(int serviceId, int priority);
    void checkIn(int booking, int serviceId, qint64 slot);
    // The token joined now (issued or checked in) with these promises.
    void promise(qint64 tokenId, bool appointment, int serviceId, int priority, qint64 placeMs,
                 int eta, int position);
    // Plans a break (or the closing) of the counter at `when`.
    void plan(Operator &op, qint64 when, qint64 length, bool closes, bool recurring = true);
    // The oracle's promise: the floor now with every counter's schedule to come (recurring:
    // only what recurs every day).
    int oracleWait(int serviceId, int ahead, qint64 placeMs, bool recurringOnly);
    void wake(int serviceId);

    void openCounter(Operator &op);
    void callSoon(Operator &op);
    void tryCall(Operator &op);
    void customerArrives(Operator &op, qint64 tokenId);
    void finishCustomer(Operator &op, bool completed);
    void requestPause(Operator &op, qint64 duration, bool recurs = false);
    void requestClose(Operator &op);

    // Counts the answers the operators did not expect (allowedCode: one they do).
    bool expected(const Result<QJsonObject> &answer, const QString &allowedCode = {});

    EtaDayOptions m_options;
    bool m_measured;
    qint64 m_doorsClose;
    qint64 m_now = kDayStart;
    quint64 m_seq = 0;
    std::map<std::pair<qint64, quint64>, std::function<void()>> m_events;
    std::mt19937_64 m_rng;

    MemoryQueue m_queue;
    TokenIssuer m_issuer;
    CounterDesk m_desk;
    EtaEstimator m_eta;
    DayLedger m_ledger{m_queue.records, m_now};
    QHash<int, ServiceRecord> m_servicesById;
    QMap<int, Operator> m_operators; // ordered: a seed replays the same day
    QHash<qint64, Tracked> m_tokens;
    EtaDayResult m_result;
};

Day::Day(const EtaDayOptions &options, bool measured, const QList<DayLedger::Earlier> &earlier)
    : m_options(options), m_measured(measured),
      m_doorsClose(kDayStart + qint64(options.hours * kHour)), m_rng(options.seed)
{
    for (const DayLedger::Earlier &day : earlier)
        m_ledger.addEarlier(day);
    for (const ServiceSpec &s : kServices) {
        m_queue.records.addService(s.id, QString::fromLatin1(s.code));
        ServiceRecord &record = m_queue.records.services[s.id];
        record.avgServiceSeconds = s.configuredSeconds;
        m_servicesById.insert(s.id, record);
    }
    for (const CounterSpec &c : kCounters) {
        m_queue.records.addCounter(c.id, c.services);
        Operator op;
        op.spec = c;
        op.who = Principal{100 + c.id, Roles::Operator, QStringLiteral("op%1").arg(c.id)};
        m_operators.insert(c.id, op);
    }
    m_queue.records.estimate = [this](int serviceId, int configured, int ahead, qint64 placeMs) {
        return m_eta.estimate(m_ledger, serviceId, configured, ahead, placeMs);
    };
}

void Day::at(qint64 when, std::function<void()> job)
{
    m_events.emplace(std::pair{std::max(when, m_now), m_seq++}, std::move(job));
}

double Day::uniform(double low, double high)
{
    return std::uniform_real_distribution<double>(low, high)(m_rng);
}

double Day::lognormal(double mean, double sigma)
{
    return std::lognormal_distribution<double>(std::log(mean) - sigma * sigma / 2, sigma)(m_rng);
}

EtaDayResult Day::run()
{
    planArrivals();
    planAppointments();
    planCounters();
    while (!m_events.empty()) {
        auto next = m_events.begin();
        m_now = next->first.first;
        const std::function<void()> job = std::move(next->second);
        m_events.erase(next);
        job();
        // What PublishedNotices does in the server: stale wait inputs reach the estimator.
        for (int serviceId : std::as_const(m_queue.notices.staleWaits))
            m_eta.invalidate(serviceId);
        m_queue.notices.staleWaits.clear();
        m_queue.notices.heard.clear();
    }
    for (const Tracked &token : std::as_const(m_tokens)) {
        if (token.calledAt < 0) {
            ++m_result.neverCalled;
        } else if (token.priority == 0) {
            EtaSample sample = token.sample;
            sample.actual = int(std::lround((token.calledAt - token.joinedAt) / 1000.0));
            m_result.samples.append(sample);
        }
    }
    return m_result;
}

// Walk-ins: a Poisson process by the hour, thinned from the peak rate.
void Day::planArrivals()
{
    const double peak = m_options.load *
                        *std::max_element(std::begin(kArrivalsPerHour), std::end(kArrivalsPerHour));
    const int hours = int(std::size(kArrivalsPerHour));
    double t = 0; // hours after opening
    while (true) {
        t += std::exponential_distribution<double>(peak)(m_rng);
        if (t >= m_options.hours)
            break;
        if (!chance(m_options.load * kArrivalsPerHour[std::min(int(t), hours - 1)] / peak))
            continue;
        double pick = uniform(0, 1);
        int serviceId = kServices[0].id;
        for (const ServiceSpec &s : kServices) {
            serviceId = s.id;
            if ((pick -= s.walkInShare) < 0)
                break;
        }
        const int priority = chance(kPriorityShare) ? 1 : 0;
        at(kDayStart + qint64(t * kHour),
           [this, serviceId, priority] { issueWalkIn(serviceId, priority); });
    }
}

// Appointments over the day's slots; most check in around their slot, a tenth never come.
void Day::planAppointments()
{
    const qint64 first = kDayStart + 30 * kMinute;
    const int slotCount = int(std::max<qint64>(1, (m_doorsClose - 30 * kMinute - first) / kSlot));
    for (const ServiceSpec &s : kServices) {
        const int count =
            int(std::lround(s.appointments * std::min(1.0, m_options.hours / kDayHours)));
        for (int i = 0; i < count; ++i) {
            const qint64 slot =
                first + kSlot * std::uniform_int_distribution<int>(0, slotCount - 1)(m_rng);
            const int booking = m_ledger.booked(s.id, slot);
            ++m_result.appointmentsBooked;
            if (chance(kAppointmentNoShow)) {
                at(slot + kCheckInLate, [this, booking] {
                    m_ledger.expired(booking);
                    ++m_result.appointmentsMissed;
                });
            } else {
                const qint64 arrives = slot + qint64(uniform(-20, 10) * kMinute);
                at(std::max(kDayStart, arrives),
                   [this, booking, serviceId = s.id, slot] { checkIn(booking, serviceId, slot); });
            }
        }
    }
}

void Day::planCounters()
{
    const double dayHours = m_options.hours;
    for (Operator &op : m_operators) {
        Operator *o = &op;
        const CounterSpec &c = op.spec;
        const double opens = c.opensAt + (c.opensAt == 0 ? uniform(0, 8) / 60 : 0);
        op.opensAt = kDayStart + qint64(opens * kHour);
        at(op.opensAt, [this, o] {
            o->opened = true;
            openCounter(*o);
        });
        if (!m_options.breaks)
            continue;
        if (c.closesAt > 0 && c.closesAt < dayHours)
            plan(op, kDayStart + qint64(c.closesAt * kHour), 0, true);
        if (c.lunchAt >= 0 && c.lunchAt < dayHours) {
            const qint64 start = kDayStart + qint64((c.lunchAt + uniform(-10, 10) / 60) * kHour);
            const qint64 length = qint64((c.lunchMinutes + uniform(-5, 5)) * kMinute);
            plan(op, start, length, false);
        }
        const double lastHour = c.closesAt > 0 ? std::min(c.closesAt, dayHours) : dayHours;
        const int pauses =
            std::poisson_distribution<int>(kRandomPausesPerDay * dayHours / kDayHours)(m_rng);
        for (int i = 0; i < pauses; ++i) {
            const double when = uniform(opens + 0.5, std::max(opens + 0.5, lastHour - 0.5));
            const qint64 length = qint64(uniform(5, 15) * kMinute);
            plan(op, kDayStart + qint64(when * kHour), length, false, false);
        }
    }
}

void Day::plan(Operator &op, qint64 when, qint64 length, bool closes, bool recurring)
{
    op.plan.append({AwayNow{when, length / 1000.0, closes}, recurring});
    Operator *o = &op;
    at(when, [this, o, index = op.plan.size() - 1, length, closes] {
        o->plan[index].done = true;
        if (closes)
            requestClose(*o);
        else
            requestPause(*o, length, o->plan.at(index).recurring);
    });
}

int Day::oracleWait(int serviceId, int ahead, qint64 placeMs, bool recurringOnly)
{
    WaitFloor floor = *m_ledger.floor(1);
    floor.awayComplete = !recurringOnly;
    for (CounterNow &counter : floor.counters) {
        const Operator &op = m_operators[counter.counterId];
        if (!op.opened)
            counter.opensAtMs = op.opensAt;
        if (op.state == State::Paused && (op.pauseRecurs || !recurringOnly))
            counter.backAtMs = op.backAt;
        if (op.pendingClose)
            counter.away.append({op.state == State::Paused ? op.backAt : m_now, 0, true});
        if (op.pendingPause > 0 && (op.pendingRecurs || !recurringOnly))
            counter.away.append({m_now, op.pendingPause / 1000.0, false});
        for (const Planned &planned : op.plan) {
            if (!planned.done && (planned.recurring || !recurringOnly))
                counter.away.append(planned.away);
        }
    }
    WaitHistory history = *m_ledger.history(serviceId);
    history.away.clear(); // told, not learnt
    const WaitForecast forecast = WaitModel::forecast(history, floor);
    return forecast.waitSeconds(serviceId, ahead, 0, serviceSpec(serviceId).configuredSeconds,
                                placeMs > m_now);
}

bool Day::expected(const Result<QJsonObject> &answer, const QString &allowedCode)
{
    if (answer.ok() || (!allowedCode.isEmpty() && answer.error().code == allowedCode))
        return answer.ok();
    ++m_result.deskRefusals;
    qWarning("etasim: unexpected refusal: %s", qPrintable(describe(answer.error())));
    return false;
}

void Day::issueWalkIn(int serviceId, int priority)
{
    m_queue.records.clockMs = m_now; // the walk-in's place in line: now
    TokenIssuer::Request request;
    request.serviceId = serviceId;
    request.priority = priority;
    if (priority > 0)
        request.caller = Principal{99, Roles::Kiosk, QStringLiteral("kiosk")};
    const auto answers = m_issuer.issueMany(m_queue.issue(), {request}, m_servicesById);
    if (!answers.constFirst().ok()) {
        expected(answers.constFirst().error());
        return;
    }
    const QJsonObject answer = QJsonDocument::fromJson(*answers.constFirst()).object();
    m_ledger.walkInIssued(serviceId, priority);
    ++m_result.walkIns;
    promise(answer.value(u"token_id").toInteger(), false, serviceId, priority, m_now,
            answer.value(u"eta").toInt(), answer.value(u"position").toInt());
    wake(serviceId);
}

// The appointment joins the line at its slot's place (AppointmentDesk::checkIn does the same
// with Redis); its promise is what the status route answers then.
void Day::checkIn(int booking, int serviceId, qint64 slot)
{
    m_ledger.checkedIn(booking);
    const qint64 id = m_queue.addWaiting(serviceId, 0, slot);
    const Principal staff{1, Roles::Operator, QStringLiteral("desk")};
    const auto status = m_issuer.status(m_queue.issue(), id, MemoryRecords::secretOf(id), staff);
    if (!expected(status))
        return;
    promise(id, true, serviceId, 0, slot, status->value(u"eta").toInt(),
            status->value(u"position").toInt());
    wake(serviceId);
}

// The forecast came from the server's own path; the other two are computed for the same
// tokens ahead at the same moment.
void Day::promise(qint64 tokenId, bool appointment, int serviceId, int priority, qint64 placeMs,
                  int eta, int position)
{
    Tracked token;
    token.appointment = appointment;
    token.serviceId = serviceId;
    token.priority = priority;
    token.joinedAt = m_now;
    const int ahead = qMax(0, position - 1);
    EtaSample &sample = token.sample;
    sample.appointment = token.appointment;
    sample.serviceId = token.serviceId;
    sample.tokensAhead = ahead;
    sample.hour = 9 + double(m_now - kDayStart) / kHour;
    sample.predicted[int(Estimator::Forecast)] = eta;
    sample.predicted[int(Estimator::Naive)] = m_ledger.formerWait(token.serviceId, ahead);
    const double robust =
        WaitModel::counterSeconds(m_ledger.history(token.serviceId)->services[token.serviceId]);
    sample.predicted[int(Estimator::EvenRobust)] =
        WaitModel::evenWait(ahead, robust, m_ledger.openServing(token.serviceId));
    if (m_measured) {
        sample.predicted[int(Estimator::Oracle)] = oracleWait(serviceId, ahead, placeMs, false);
        sample.predicted[int(Estimator::OracleRecurring)] =
            oracleWait(serviceId, ahead, placeMs, true);
    }
    m_tokens.insert(tokenId, token);
}

void Day::wake(int serviceId)
{
    for (Operator &op : m_operators) {
        if (op.state == State::Free && !op.callPending && op.spec.services.contains(serviceId))
            callSoon(op);
    }
}

void Day::openCounter(Operator &op)
{
    if (!expected(m_desk.open(m_queue.desk(), op.spec.id, op.who)))
        return;
    op.state = State::Free;
    callSoon(op);
}

void Day::callSoon(Operator &op)
{
    op.callPending = true;
    Operator *o = &op;
    at(m_now + reaction(), [this, o] { tryCall(*o); });
}

void Day::tryCall(Operator &op)
{
    op.callPending = false;
    if (op.state != State::Free)
        return;
    const auto called = m_desk.callNext(m_queue.desk(), op.spec.id, op.who);
    if (!expected(called, QStringLiteral("queue_empty")))
        return; // nobody waits: the next token that joins wakes the counter
    const qint64 id = called->value(u"token").toObject().value(u"id").toInteger();
    Tracked &token = m_tokens[id];
    if (token.calledAt < 0)
        token.calledAt = m_now;
    m_ledger.called(op.spec.id, token.serviceId, token.joinedAt);
    op.state = State::Busy;
    Operator *o = &op;
    if (!token.appointment && chance(kWalkInNoShow)) {
        at(m_now + 60 * kSecond,
           [this, o] { expected(m_desk.recall(m_queue.desk(), o->spec.id, o->who)); });
        at(m_now + qint64(uniform(90, 120) * kSecond), [this, o] {
            expected(m_desk.skip(m_queue.desk(), o->spec.id, o->who));
            finishCustomer(*o, false);
        });
        return;
    }
    at(m_now + qint64(lognormal(kWalkSeconds, 0.5) * kSecond),
       [this, o, id] { customerArrives(*o, id); });
}

void Day::customerArrives(Operator &op, qint64 tokenId)
{
    const ServiceSpec &s = serviceSpec(m_tokens.value(tokenId).serviceId);
    const double seconds =
        chance(kQuickShare) ? uniform(15, 45) : lognormal(s.meanSeconds, s.sigma);
    const qint64 done = m_now + qint64(seconds * kSecond);
    Operator *o = &op;
    const auto serve = [this, o] {
        if (expected(m_desk.serve(m_queue.desk(), o->spec.id, o->who)))
            m_ledger.serving(o->spec.id);
    };
    if (op.spec.lateServe)
        at(std::max(m_now, done - 2 * kSecond), serve);
    else
        serve();
    at(done, [this, o] {
        finishCustomer(*o, expected(m_desk.complete(m_queue.desk(), o->spec.id, o->who)));
    });
}

void Day::finishCustomer(Operator &op, bool completed)
{
    m_ledger.finished(op.spec.id, completed);
    op.state = State::Free;
    if (op.pendingClose) {
        requestClose(op);
    } else if (op.pendingPause > 0) {
        const qint64 length = op.pendingPause;
        op.pendingPause = 0;
        requestPause(op, length, op.pendingRecurs);
    } else {
        callSoon(op);
    }
}

// A break begins once the current customer is done.
void Day::requestPause(Operator &op, qint64 duration, bool recurs)
{
    if (op.state == State::Busy) {
        if (duration > op.pendingPause)
            op.pendingRecurs = recurs;
        op.pendingPause = std::max(op.pendingPause, duration);
        return;
    }
    if (op.state != State::Free)
        return;
    if (!expected(m_desk.pause(m_queue.desk(), op.spec.id, QStringLiteral("break"), op.who)))
        return;
    op.state = State::Paused;
    op.backAt = m_now + duration;
    op.pauseRecurs = recurs;
    Operator *o = &op;
    at(m_now + duration, [this, o] {
        if (o->pendingClose) {
            o->state = State::Free;
            requestClose(*o);
        } else {
            openCounter(*o);
        }
    });
}

void Day::requestClose(Operator &op)
{
    if (op.state == State::Busy || op.state == State::Paused) {
        op.pendingClose = true;
        return;
    }
    if (op.state != State::Free)
        return;
    op.pendingClose = false;
    if (expected(m_desk.close(m_queue.desk(), op.spec.id, op.who)))
        op.state = State::Closed;
}

} // namespace

EtaDayResult runEtaDay(const EtaDayOptions &options)
{
    // The earlier days, oldest first, each from a seed of its own (never a measured one).
    QList<DayLedger::Earlier> earlier;
    for (int daysAgo = options.earlierDays; daysAgo >= 1; --daysAgo) {
        EtaDayOptions before = options;
        before.seed = (options.seed << 16) + 0x9e37 + quint64(daysAgo);
        Day day(before, false, {});
        day.run();
        earlier.append(day.ledger().asEarlier(daysAgo));
    }
    Day day(options, true, earlier);
    return day.run();
}

} // namespace Nextup
