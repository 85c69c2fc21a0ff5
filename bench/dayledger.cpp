#include "dayledger.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "etabank.h"
#include "memoryqueue.h"

namespace Nextup {

using namespace EtaBank;

void DayLedger::walkInIssued(int serviceId, int priority)
{
    m_walkInsAt[serviceId].append(m_now);
    if (priority > 0)
        m_priorityAt[serviceId].append(m_now);
}

int DayLedger::booked(int serviceId, qint64 slot)
{
    m_bookings.append({serviceId, slot, false});
    return int(m_bookings.size() - 1);
}

void DayLedger::checkedIn(int booking)
{
    m_bookings[booking].settled = true;
    ++m_shown[m_bookings.at(booking).serviceId];
}

void DayLedger::expired(int booking)
{
    m_bookings[booking].settled = true;
    ++m_missed[m_bookings.at(booking).serviceId];
}

void DayLedger::called(int counterId, int serviceId, qint64 joinedAt)
{
    m_calls[counterId].append({serviceId, m_now, joinedAt});
}

void DayLedger::serving(int counterId)
{
    m_calls[counterId].last().servingAt = m_now;
}

void DayLedger::finished(int counterId, bool completed)
{
    Call &call = m_calls[counterId].last();
    call.finishedAt = m_now;
    if (completed)
        m_servingSeconds[call.serviceId].append((m_now - call.servingAt) / 1000.0);
}

DayLedger::Earlier DayLedger::asEarlier(int daysAgo) const
{
    Earlier earlier;
    const qint64 shift = daysAgo * 24 * kHour;
    for (auto it = m_calls.cbegin(); it != m_calls.cend(); ++it) {
        for (Call call : *it) {
            if (call.daysAgo > 0)
                continue; // only this day's own calls
            call.daysAgo = daysAgo;
            call.calledAt -= shift;
            call.joinedAt -= shift;
            call.servingAt = call.servingAt < 0 ? -1 : call.servingAt - shift;
            call.finishedAt = call.finishedAt < 0 ? -1 : call.finishedAt - shift;
            earlier.calls[it.key()].append(call);
        }
    }
    earlier.shown = m_shown;
    earlier.missed = m_missed;
    return earlier;
}

void DayLedger::addEarlier(const Earlier &earlier)
{
    for (auto it = earlier.calls.cbegin(); it != earlier.calls.cend(); ++it)
        m_calls[it.key()] += *it;
    for (auto it = earlier.shown.cbegin(); it != earlier.shown.cend(); ++it)
        m_shown[it.key()] += *it;
    for (auto it = earlier.missed.cbegin(); it != earlier.missed.cend(); ++it)
        m_missed[it.key()] += *it;
}

int DayLedger::formerWait(int serviceId, int ahead) const
{
    const QList<double> all = m_servingSeconds.value(serviceId);
    const QList<double> last = all.mid(qMax<qsizetype>(0, all.size() - 20));
    int average = serviceSpec(serviceId).configuredSeconds;
    if (last.size() >= 3) {
        const double sum = std::accumulate(last.cbegin(), last.cend(), 0.0);
        average = qMax(1, int(std::lround(sum / last.size())));
    }
    return WaitModel::evenWait(ahead, average, openServing(serviceId));
}

int DayLedger::openServing(int serviceId) const
{
    int open = 0;
    for (const CounterRecord &counter : m_records.counters)
        open += counter.status == u"open" && counter.serviceIds.contains(serviceId) ? 1 : 0;
    return open;
}

// StoredWaitInputs' kServicesSql and kSamplesSql over this day (one branch).
Result<WaitHistory> DayLedger::history(int serviceId)
{
    Q_UNUSED(serviceId);
    struct Sample
    {
        qint64 calledAt;
        double atCounter;
        double handover; // < 0: none
    };
    QHash<int, QList<Sample>> samples;
    for (const QList<Call> &calls : m_calls) {
        for (qsizetype i = 0; i < calls.size(); ++i) {
            const Call &call = calls.at(i);
            if (call.finishedAt < 0)
                continue;
            Sample sample{call.calledAt, (call.finishedAt - call.calledAt) / 1000.0, -1};
            if (i + 1 < calls.size() && calls.at(i + 1).joinedAt <= call.finishedAt)
                sample.handover = (calls.at(i + 1).calledAt - call.finishedAt) / 1000.0;
            samples[call.serviceId].append(sample);
        }
    }
    WaitHistory history;
    history.branchId = 1;
    addAway(history);
    for (const ServiceSpec &spec : kServices) {
        ServiceHistory service;
        service.serviceId = spec.id;
        service.configuredSeconds = spec.configuredSeconds;
        QList<Sample> &mine = samples[spec.id];
        std::sort(mine.begin(), mine.end(),
                  [](const Sample &a, const Sample &b) { return a.calledAt > b.calledAt; });
        for (const Sample &sample : mine.mid(0, WaitModel::kMaxSamples)) {
            service.atCounterSeconds.append(sample.atCounter);
            if (sample.handover >= 0)
                service.handoverSeconds.append(sample.handover);
        }
        const auto lastHour = [this](const QList<qint64> &times) {
            return double(std::count_if(times.cbegin(), times.cend(),
                                        [this](qint64 at) { return at > m_now - kHour; }));
        };
        service.walkInsPerHour = lastHour(m_walkInsAt.value(spec.id));
        service.priorityPerHour = lastHour(m_priorityAt.value(spec.id));
        service.appointmentsShown = m_shown.value(spec.id);
        service.appointmentsMissed = m_missed.value(spec.id);
        history.services.insert(spec.id, service);
    }
    return history;
}

// StoredWaitInputs' kAwaySql over this day and the earlier ones.
void DayLedger::addAway(WaitHistory &history) const
{
    constexpr int kOthersCalled = 2; // as kAwaySql
    const qint64 least = qint64(WaitModel::kMinAwaySeconds * kSecond);
    const auto servesOf = [this](int counterId) {
        for (const CounterRecord &counter : m_records.counters) {
            if (counter.id == counterId)
                return counter.serviceIds;
        }
        return QList<int>{};
    };
    // Each day's first and last call of each service, at any counter.
    QMap<std::pair<int, int>, std::pair<qint64, qint64>> serviceCalls; // (day, service)
    for (const QList<Call> &calls : m_calls) {
        for (const Call &call : calls) {
            auto found = serviceCalls.find({call.daysAgo, call.serviceId});
            if (found == serviceCalls.end())
                serviceCalls.insert({call.daysAgo, call.serviceId}, {call.calledAt, call.calledAt});
            else
                *found = {std::min(found->first, call.calledAt),
                          std::max(found->second, call.calledAt)};
        }
    }
    // A token of one of these services joined by `at` and was called at or after it.
    const auto waitingAt = [this](const QList<int> &serves, int daysAgo, qint64 at) {
        for (const QList<Call> &calls : m_calls) {
            for (const Call &call : calls) {
                if (call.daysAgo == daysAgo && call.joinedAt <= at && call.calledAt >= at &&
                    serves.contains(call.serviceId))
                    return true;
            }
        }
        return false;
    };
    // Tokens of these services other counters called in [from, until).
    const auto calledByOthers = [this](int counterId, const QList<int> &serves, int daysAgo,
                                       qint64 from, qint64 until) {
        int count = 0;
        for (auto other = m_calls.cbegin(); other != m_calls.cend(); ++other) {
            if (other.key() == counterId)
                continue;
            for (const Call &call : *other)
                count += call.daysAgo == daysAgo && call.calledAt >= from &&
                                 call.calledAt < until && serves.contains(call.serviceId)
                             ? 1
                             : 0;
        }
        return count;
    };
    for (auto it = m_calls.cbegin(); it != m_calls.cend(); ++it) {
        const int counterId = it.key();
        const QList<Call> &calls = *it;
        const QList<int> serves = servesOf(counterId);
        const auto today = [](const Call &call, qint64 at) {
            return at + call.daysAgo * 24 * kHour;
        };
        for (qsizetype first = 0; first < calls.size();) {
            const int daysAgo = calls.at(first).daysAgo;
            qsizetype end = first;
            qint64 lastFinish = 0;
            for (; end < calls.size() && calls.at(end).daysAgo == daysAgo; ++end) {
                const Call &call = calls.at(end);
                lastFinish =
                    std::max(lastFinish, call.finishedAt < 0 ? call.calledAt : call.finishedAt);
                if (end + 1 < calls.size() && calls.at(end + 1).daysAgo == daysAgo) {
                    const Call &next = calls.at(end + 1);
                    if (call.finishedAt >= 0 && next.calledAt - call.finishedAt >= least &&
                        (waitingAt(serves, daysAgo, (call.finishedAt + next.calledAt) / 2) ||
                         calledByOthers(counterId, serves, daysAgo, call.finishedAt,
                                        next.calledAt) >= kOthersCalled))
                        history.away.append({counterId, daysAgo, AwayBefore::Break,
                                             today(call, call.finishedAt),
                                             today(call, next.calledAt)});
                }
            }
            qint64 firstAny = std::numeric_limits<qint64>::max();
            qint64 lastAny = 0;
            for (int serviceId : serves) {
                const auto found = serviceCalls.constFind({daysAgo, serviceId});
                if (found != serviceCalls.cend()) {
                    firstAny = std::min(firstAny, found->first);
                    lastAny = std::max(lastAny, found->second);
                }
            }
            const Call &opening = calls.at(first);
            if (opening.calledAt - firstAny >= least)
                history.away.append({counterId, daysAgo, AwayBefore::LateOpening,
                                     today(opening, firstAny), today(opening, opening.calledAt)});
            if (daysAgo > 0 && lastAny - lastFinish >= least)
                history.away.append({counterId, daysAgo, AwayBefore::EarlyClosing,
                                     today(opening, lastFinish), today(opening, lastAny)});
            if (daysAgo > 0)
                ++history.counterDays[counterId];
            else
                history.workedToday.append(counterId);
            first = end;
        }
    }
}

// StoredWaitInputs' kCountersSql and kLineSql over this day.
Result<WaitFloor> DayLedger::floor(int branchId)
{
    Q_UNUSED(branchId);
    WaitFloor floor;
    floor.atMs = m_now;
    for (const CounterRecord &record : m_records.counters) {
        CounterNow counter;
        counter.counterId = record.id;
        counter.serviceIds = record.serviceIds;
        counter.open = record.status == u"open" && record.active;
        counter.paused = record.status == u"paused" && record.active;
        QList<Call> calls = m_calls.value(record.id);
        calls.removeIf([](const Call &call) { return call.daysAgo > 0; });
        if (!calls.isEmpty() && calls.last().finishedAt < 0) {
            counter.currentServiceId = calls.last().serviceId;
            counter.currentSinceMs = calls.last().calledAt;
        } else if (counter.paused && !calls.isEmpty()) {
            counter.pausedSinceMs = calls.last().finishedAt; // its last customer's finish
        }
        floor.counters.append(counter);
    }
    for (const TokenRecord &token : m_records.tokens) {
        if (token.status == u"waiting")
            floor.waiting.append({token.id, token.serviceId, token.priority, token.arrivalMs,
                                  token.targetCounterId});
    }
    for (const Booking &booking : std::as_const(m_bookings)) {
        if (!booking.settled && booking.slot + kCheckInLate > m_now)
            floor.booked.append({booking.serviceId, 0, booking.slot, booking.slot - kCheckInEarly,
                                 booking.slot + kCheckInLate});
    }
    return floor;
}

} // namespace Nextup
