#include "domain/waitmodel.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

#include "domain/floorplay.h"
#include "queue/queuetypes.h"

namespace Nextup {

namespace {
// Walk-ins expected ahead of a token, at most (a safety bound).
constexpr int kMaxExpectedWalkIns = 1000;
// How far ahead walk-ins with a priority are expected (longer waits are rare).
constexpr double kPriorityHorizon = 4 * 3600;
constexpr double kNever = std::numeric_limits<double>::quiet_NaN();
constexpr qint64 kLastTie = std::numeric_limits<qint64>::max();

qint64 scoreOf(int serviceId, int priority, qint64 placeMs)
{
    return QueueEntry{0, serviceId, qBound(0, priority, 9), qMax<qint64>(0, placeMs), 0}.score();
}

// The mean of the newest samples, those over `limit` × their median capped there (`cap`) or
// left out, with `prior` counting as WaitModel::kPriorSamples samples; the logarithms of the
// samples (sorted) in `logs`.
double robustMean(const QList<double> &newestFirst, double prior, double limit, bool cap,
                  QList<double> *logs = nullptr)
{
    QList<double> sorted;
    for (double s : newestFirst.mid(0, WaitModel::kMaxSamples)) {
        if (std::isfinite(s) && s >= 0)
            sorted.append(s);
    }
    if (sorted.size() < WaitModel::kMinSamples)
        return prior;
    std::sort(sorted.begin(), sorted.end());
    const double most =
        std::max(limit * sorted.at(sorted.size() / 2), cap ? 0.0 : WaitModel::kMinBreakSeconds);
    double sum = 0;
    int kept = 0;
    for (double s : std::as_const(sorted)) {
        if (s > most && !cap)
            break;
        sum += std::min(s, most);
        ++kept;
        if (logs && s > 0)
            logs->append(std::log(std::min(s, most)));
    }
    return (sum + WaitModel::kPriorSamples * prior) / (kept + WaitModel::kPriorSamples);
}
} // namespace

WaitModel::CounterTime WaitModel::counterTime(const ServiceHistory &service)
{
    const double configured = qMax(1, service.configuredSeconds);
    QList<double> logs;
    const double atCounter =
        robustMean(service.atCounterSeconds, configured, kCapFactor, true, &logs);
    const double handover = robustMean(service.handoverSeconds, 0, kOutlierFactor, false);
    CounterTime time{std::max(atCounter + handover, kFloorShare * configured)};
    if (logs.size() >= kMinSamples) {
        time.measured = true;
        // From the upper quartile of the logarithms (a normal's is 0.674 sigma above its
        // median): the long services decide how long a customer still takes, and the short
        // ones (no-shows, quick questions) would widen a full interquartile range.
        const double upper = logs.at(logs.size() * 3 / 4) - logs.at(logs.size() / 2);
        const double measured = std::clamp(upper / 0.6745, 0.2, 1.5);
        time.spread =
            (logs.size() * measured + kSpreadPrior * kDefaultSpread) / (logs.size() + kSpreadPrior);
    }
    return time;
}

WaitModel::Pace WaitModel::pace(const WaitHistory &history)
{
    QList<double> handovers;
    double busy = 0;
    QList<int> ids = history.services.keys();
    std::sort(ids.begin(), ids.end()); // the same sums on every run
    for (int id : std::as_const(ids)) {
        const ServiceHistory &service = history.services[id];
        handovers += service.handoverSeconds.mid(0, kMaxSamples);
        for (double s : service.atCounterSeconds.mid(0, kMaxSamples))
            busy += std::isfinite(s) && s > 0 ? s : 0;
    }
    Pace pace;
    pace.handover = robustMean(handovers, 0, kOutlierFactor, false);
    if (handovers.size() < kMinSamples)
        return pace;
    std::sort(handovers.begin(), handovers.end());
    const double limit =
        std::max(kOutlierFactor * handovers.at(handovers.size() / 2), kMinBreakSeconds);
    double away = 0;
    int breaks = 0;
    for (double s : std::as_const(handovers)) {
        if (s > limit) {
            away += s;
            ++breaks;
        } else if (s >= 0) {
            busy += s;
        }
    }
    pace.breakSeconds = (away + kPriorSamples * kBreakSeconds) / (breaks + kPriorSamples);
    // At least half: a day of long breaks says little about the next hour's.
    pace.available = busy + away > 0 ? std::max(busy / (busy + away), 0.5) : 1;
    return pace;
}

double WaitModel::CounterTime::left(double elapsed) const
{
    if (elapsed <= 0)
        return mean;
    // X lognormal with E[X] = mean: E[X - e | X > e] = mean Φ(σ - z) / Φ(-z) - e, where
    // z = (ln e - μ) / σ and μ = ln mean - σ²/2.
    const auto phi = [](double x) { return 0.5 * std::erfc(-x / std::sqrt(2.0)); };
    const double mu = std::log(mean) - spread * spread / 2;
    const double z = (std::log(elapsed) - mu) / spread;
    const double still = phi(-z);
    if (still < 1e-9)
        return elapsed * spread * spread; // far in the tail: grows with the time elapsed
    return std::max(0.0, mean * phi(spread - z) / still - elapsed);
}

double WaitModel::showRate(const ServiceHistory &service)
{
    const double seen = qMax(0, service.appointmentsShown) + qMax(0, service.appointmentsMissed);
    return (qMax(0, service.appointmentsShown) + kShowPrior * kDefaultShowRate) /
           (seen + kShowPrior);
}

double WaitModel::joinChance(const BookedNow &booked, double showRate, qint64 atMs)
{
    if (atMs >= booked.windowClosesMs)
        return 0;
    if (atMs <= booked.windowOpensMs || booked.windowClosesMs <= booked.windowOpensMs)
        return showRate;
    // Of those who come, the share still to check in; of those not checked in yet, the share
    // who will.
    const double left =
        double(booked.windowClosesMs - atMs) / double(booked.windowClosesMs - booked.windowOpensMs);
    const double coming = showRate * left;
    return coming / (coming + 1 - showRate);
}

int WaitModel::evenWait(int tokensAhead, double perTokenSeconds, int counters)
{
    if (tokensAhead <= 0)
        return 0;
    return int(std::ceil(double(tokensAhead) * perTokenSeconds / qMax(1, counters)));
}

WaitForecast WaitModel::forecast(const WaitHistory &history, const WaitFloor &floor)
{
    const Pace branch = pace(history);
    QHash<int, CounterTime> times;
    for (const ServiceHistory &service : history.services) {
        CounterTime time = counterTime(service);
        time.mean /= branch.available; // breaks to come, as many as lately
        times.insert(service.serviceId, time);
    }
    FloorPlay play(times);
    const auto after = [&floor](qint64 ms) { return std::max(0.0, (ms - floor.atMs) / 1000.0); };

    double horizon = 0; // the latest place among the waiting tokens, in seconds from now
    std::set<int> serviceIds(history.services.keyBegin(), history.services.keyEnd());
    for (const WaitingNow &token : floor.waiting) {
        FloorPlay::Entry entry;
        entry.score = scoreOf(token.serviceId, token.priority, token.placeMs);
        entry.tie = token.tokenId;
        entry.serviceId = token.serviceId;
        entry.queue = token.targetCounterId > 0 ? -token.targetCounterId : token.serviceId;
        entry.asked = token.targetCounterId == 0;
        play.add(entry);
        horizon = std::max(horizon, after(token.placeMs));
        serviceIds.insert(token.serviceId);
    }
    // Walk-ins expected from now on, one every 3600 / perHour seconds until `until`.
    const auto expect = [&](int serviceId, int priority, double perHour, double until) {
        const double gap = perHour > 0 ? 3600 / perHour : until;
        for (int k = 1; k * gap < until && k <= kMaxExpectedWalkIns; ++k) {
            FloorPlay::Entry walkIn;
            walkIn.score = scoreOf(serviceId, priority, floor.atMs + qint64(k * gap * 1000));
            walkIn.tie = kLastTie - 1;
            walkIn.enterAt = k * gap;
            walkIn.serviceId = serviceId;
            walkIn.queue = serviceId;
            play.add(walkIn);
        }
    };
    for (int serviceId : serviceIds) {
        FloorPlay::Entry joiner;
        joiner.score = scoreOf(serviceId, 0, floor.atMs);
        joiner.tie = kLastTie;
        joiner.serviceId = serviceId;
        joiner.queue = serviceId;
        joiner.asked = true;
        joiner.joiner = true;
        play.add(joiner);
        const ServiceHistory service = history.services.value(serviceId);
        expect(serviceId, 1, service.priorityPerHour, kPriorityHorizon);
        expect(serviceId, 0, service.walkInsPerHour - service.priorityPerHour, horizon);
    }
    for (const BookedNow &booked : floor.booked) {
        FloorPlay::Entry appointment;
        appointment.chance =
            joinChance(booked, showRate(history.services.value(booked.serviceId)), floor.atMs);
        appointment.score = scoreOf(booked.serviceId, booked.priority, booked.slotMs);
        appointment.tie = kLastTie - 2;
        appointment.enterAt = after(booked.slotMs);
        appointment.serviceId = booked.serviceId;
        appointment.queue = booked.serviceId;
        if (appointment.chance > 0)
            play.add(appointment);
    }

    QHash<int, int> serving; // open or paused counters of each service
    for (const CounterNow &counter : floor.counters) {
        if (!counter.open && !counter.paused)
            continue;
        FloorPlay::Desk desk;
        desk.queues.append(-counter.counterId);
        desk.queues.append(counter.serviceIds);
        if (counter.paused) {
            const qint64 since = counter.pausedSinceMs > 0 ? counter.pausedSinceMs : floor.atMs;
            desk.freeAt = std::max(branch.breakSeconds - (floor.atMs - since) / 1000.0,
                                   branch.breakSeconds / 3);
        } else if (counter.currentServiceId > 0) {
            desk.currentService = counter.currentServiceId;
            desk.currentElapsed = std::max(0.0, (floor.atMs - counter.currentSinceMs) / 1000.0);
        } else {
            desk.freeAt = branch.handover; // a free counter calls at its operator's pace
        }
        play.add(desk);
        for (int serviceId : counter.serviceIds)
            ++serving[serviceId];
    }

    // Each service's line: its waiting tokens in call order, and where a walk-in joins it.
    WaitForecast result;
    QHash<int, int> rankOf; // entry index -> rank in its service's queue
    const QMap<int, QList<int>> &queues = play.arrange();
    for (auto it = queues.cbegin(); it != queues.cend(); ++it) {
        if (it.key() <= 0)
            continue; // a transfer queue
        WaitForecast::Line &line = result.m_lines[it.key()];
        int rank = 0;
        for (int index : *it) {
            const FloorPlay::Entry &entry = play.entries().at(index);
            if (entry.joiner)
                line.joinerRank = rank;
            else if (entry.asked)
                rankOf.insert(index, rank++);
        }
        line.callAt = QList<double>(rank, kNever);
        line.joinerAt = kNever;
        const int servers = serving.value(it.key());
        if (servers == 0)
            play.add(FloorPlay::Desk{{it.key()}}); // as if one counter served it alone
        line.counterSeconds = times.value(it.key(), CounterTime{kUnknownServiceSeconds}).mean;
        line.perToken = line.counterSeconds / qMax(1, servers);
    }
    const QList<double> calls = play.callTimes(kPlays);
    for (qsizetype i = 0; i < calls.size(); ++i) {
        const FloorPlay::Entry &entry = play.entries().at(i);
        if (!entry.asked || entry.queue <= 0)
            continue;
        WaitForecast::Line &line = result.m_lines[entry.queue];
        if (entry.joiner)
            line.joinerAt = calls.at(i);
        else
            line.callAt[rankOf.value(int(i))] = calls.at(i);
    }
    return result;
}

int WaitForecast::waitSeconds(int serviceId, int tokensAhead, qint64 elapsedMs, int fallbackSeconds,
                              bool placedLater) const
{
    const int ahead = qMax(0, tokensAhead);
    const auto found = m_lines.constFind(serviceId);
    if (found == m_lines.cend())
        return WaitModel::evenWait(ahead, fallbackSeconds, 1);
    const Line &line = *found;
    const double elapsed = qMax<qint64>(0, elapsedMs) / 1000.0;
    double at = 0;
    const bool seen = ahead < line.callAt.size() && std::isfinite(line.callAt.at(ahead));
    if (seen && (ahead < line.joinerRank || placedLater)) {
        // A token the floor saw waiting at that place (or one ahead of where a walk-in joins).
        at = line.callAt.at(ahead) - elapsed;
    } else {
        // A walk-in joining now; each token ahead beyond the floor's (joined since, or in the
        // same batch) adds its share.
        const double joiner = std::isfinite(line.joinerAt) ? line.joinerAt - elapsed : 0;
        at = std::max(0.0, joiner) + (ahead - line.joinerRank) * line.perToken;
    }
    return at <= 0 ? 0 : int(std::ceil(at));
}

double WaitForecast::counterSeconds(int serviceId) const
{
    return m_lines.value(serviceId).counterSeconds;
}

} // namespace Nextup
