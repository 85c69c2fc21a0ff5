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

WaitModel::Pace WaitModel::pace(const WaitHistory &history, bool longBreaksKnown)
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
        if (longBreaksKnown && s >= kMinAwaySeconds)
            continue; // played as a usual time away
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

namespace {
template <typename T> T medianOf(QList<T> values)
{
    const auto middle = values.begin() + values.size() / 2;
    std::nth_element(values.begin(), middle, values.end());
    return *middle;
}
} // namespace

QList<WaitModel::UsualAway> WaitModel::usualAway(const WaitHistory &history)
{
    // The earlier days' times away of each counter and kind, by start (ordered: the same
    // groups on every run).
    QMap<std::pair<int, int>, QList<AwayBefore>> kinds;
    for (const AwayBefore &away : history.away) {
        if (away.daysAgo > 0 && away.untilMs > away.fromMs)
            kinds[{away.counterId, int(away.kind)}].append(away);
    }
    QList<UsualAway> usual;
    for (auto it = kinds.begin(); it != kinds.end(); ++it) {
        QList<AwayBefore> &list = *it;
        std::stable_sort(list.begin(), list.end(), [](const AwayBefore &a, const AwayBefore &b) {
            return a.fromMs < b.fromMs;
        });
        const int counterId = it.key().first;
        const auto kind = AwayBefore::Kind(it.key().second);
        const int needed =
            std::max(2, int(std::ceil(kUsualShare * history.counterDays.value(counterId) - 1e-9)));
        for (qsizetype first = 0; first < list.size();) {
            // A group: the times away that overlap one another, one after the other.
            qsizetype end = first + 1;
            qint64 reach = list.at(first).untilMs;
            while (end < list.size() && list.at(end).fromMs < reach)
                reach = std::max(reach, list.at(end++).untilMs);
            std::set<int> days;
            QList<qint64> froms, untils;
            QList<double> lengths;
            for (qsizetype i = first; i < end; ++i) {
                const AwayBefore &away = list.at(i);
                days.insert(away.daysAgo);
                froms.append(away.fromMs);
                untils.append(away.untilMs);
                lengths.append((away.untilMs - away.fromMs) / 1000.0);
            }
            if (int(days.size()) >= needed) {
                UsualAway found{counterId, kind, medianOf(froms), medianOf(untils),
                                medianOf(lengths)};
                const qint64 from = list.at(first).fromMs;
                found.takenToday = kind == AwayBefore::LateOpening
                                       ? history.workedToday.contains(counterId)
                                       : std::any_of(history.away.cbegin(), history.away.cend(),
                                                     [&](const AwayBefore &today) {
                                                         return today.daysAgo == 0 &&
                                                                today.counterId == counterId &&
                                                                today.kind == kind &&
                                                                today.fromMs < reach &&
                                                                today.untilMs > from;
                                                     });
                usual.append(found);
            }
            first = end;
        }
    }
    return usual;
}

bool WaitModel::expectUsualAway(const WaitHistory &history, WaitFloor &floor)
{
    if (floor.awayComplete)
        return false;
    const QList<UsualAway> usual = usualAway(history);
    const qint64 now = floor.atMs;
    // Whether another counter than this one serves each of its services today (the last one
    // is not played closing: a line nobody calls would be promised nothing).
    const auto othersServe = [&floor](const CounterNow &counter) {
        for (int serviceId : counter.serviceIds) {
            if (std::none_of(floor.counters.cbegin(), floor.counters.cend(),
                             [&](const CounterNow &other) {
                                 return other.counterId != counter.counterId &&
                                        (other.open || other.paused || other.opensAtMs > 0) &&
                                        other.serviceIds.contains(serviceId);
                             }))
                return false;
        }
        return true;
    };
    for (CounterNow &counter : floor.counters) {
        // Openings first: the breaks and closing of a counter that opens later are played too.
        for (const UsualAway &away : usual) {
            if (away.counterId == counter.counterId && away.kind == AwayBefore::LateOpening &&
                !away.takenToday && !counter.open && !counter.paused && away.untilMs > now &&
                counter.opensAtMs == 0)
                counter.opensAtMs = away.untilMs;
        }
        if (!counter.open && !counter.paused && counter.opensAtMs == 0)
            continue;
        for (const UsualAway &away : usual) {
            if (away.counterId != counter.counterId || away.takenToday)
                continue;
            if (away.kind == AwayBefore::EarlyClosing &&
                now < away.fromMs + kLateBySeconds * 1000 && othersServe(counter)) {
                counter.away.append({away.fromMs, 0, true});
            } else if (away.kind == AwayBefore::Break && away.untilMs > now) {
                const qint64 since = counter.pausedSinceMs > 0 ? counter.pausedSinceMs : now;
                const qint64 length = qint64(away.seconds * 1000);
                if (counter.paused && counter.backAtMs == 0 &&
                    since >= away.fromMs - qint64(kLateBySeconds * 1000)) {
                    // This pause is the usual break: back after its usual length.
                    counter.backAtMs = std::max(since + length, now + length / 3);
                } else {
                    // The start learnt is when the counter's last customer before the break
                    // left; the operator had decided to stop while that customer was served,
                    // and the play stops calling at the start it is given.
                    const qint64 decidedAt =
                        away.fromMs - qint64(residualSeconds(history, counter) * 1000);
                    counter.away.append({decidedAt, away.seconds, false});
                }
            }
        }
    }
    return std::any_of(usual.cbegin(), usual.cend(),
                       [](const UsualAway &away) { return away.kind == AwayBefore::Break; });
}

double WaitModel::residualSeconds(const WaitHistory &history, const CounterNow &counter)
{
    if (counter.serviceIds.isEmpty())
        return 0;
    // A customer found at a counter at a random moment still takes E[X²] / 2E[X] (the longer
    // services are more likely to be the one found): mean × e^(σ²) / 2 for a lognormal X,
    // half the mean when every customer takes exactly the mean (no samples yet).
    double sum = 0;
    for (int serviceId : counter.serviceIds) {
        const CounterTime time = counterTime(history.services.value(serviceId));
        sum += time.mean * (time.measured ? std::exp(time.spread * time.spread) : 1.0) / 2;
    }
    return sum / double(counter.serviceIds.size());
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

WaitForecast WaitModel::forecast(const WaitHistory &history, const WaitFloor &now)
{
    WaitFloor floor = now;
    const Pace branch = pace(history, expectUsualAway(history, floor));
    QHash<int, CounterTime> times;
    for (const ServiceHistory &service : history.services) {
        CounterTime time = counterTime(service);
        if (!floor.awayComplete)
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
        const bool opens = !counter.open && !counter.paused && counter.opensAtMs > 0;
        if (!counter.open && !counter.paused && !opens)
            continue;
        FloorPlay::Desk desk;
        desk.queues.append(-counter.counterId);
        desk.queues.append(counter.serviceIds);
        for (const AwayNow &away : counter.away) {
            desk.away.append({after(away.fromMs), away.closes
                                                      ? std::numeric_limits<double>::infinity()
                                                      : std::max(0.0, away.seconds)});
        }
        std::stable_sort(desk.away.begin(), desk.away.end(),
                         [](const FloorPlay::Desk::Away &a, const FloorPlay::Desk::Away &b) {
                             return a.from < b.from;
                         });
        if (opens) {
            desk.freeAt = after(counter.opensAtMs) + branch.handover;
        } else if (counter.paused && counter.backAtMs > 0) {
            desk.freeAt = after(counter.backAtMs) + branch.handover;
        } else if (counter.paused) {
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
        if (opens)
            continue; // until it opens, the line is as if one counter served it (below)
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
        if (servers == 0) {
            FloorPlay::Desk alone; // as if one counter served it alone
            alone.queues.append(it.key());
            play.add(alone);
        }
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
