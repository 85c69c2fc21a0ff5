#include "dayledger.h"

#include <algorithm>
#include <cmath>
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
        const QList<Call> calls = m_calls.value(record.id);
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
