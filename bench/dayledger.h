#pragma once

#include <QHash>
#include <QList>
#include <QMap>

#include "domain/etaestimator.h"

namespace Nextup {

class MemoryRecords;

// What Postgres would hold about one simulated day, as far as the ETA estimators read it: each
// counter's calls (called_at, finished_at, when the token joined), serving times, walk-ins,
// appointments. It answers the server's EtaEstimator as StoredWaitInputs' statements would
// (history, floor) and computes the former estimator's figure from the same records.
class DayLedger final : public WaitInputs
{
public:
    // `now`: the day's virtual clock; `records`: the in-memory tokens and counters.
    DayLedger(const MemoryRecords &records, const qint64 &now) : m_records(records), m_now(now) {}

    void walkInIssued(int serviceId, int priority);
    int booked(int serviceId, qint64 slot); // the booking's index
    void checkedIn(int booking);
    void expired(int booking);
    void called(int counterId, int serviceId, qint64 joinedAt);
    void serving(int counterId);
    // The counter's current token was completed (its serving time counts) or skipped.
    void finished(int counterId, bool completed);

    // The estimator before issue 15, its SQL on these records: ahead × the mean of the last
    // 20 serving→complete times (the configured average below 3) ÷ open counters serving it.
    int formerWait(int serviceId, int ahead) const;
    int openServing(int serviceId) const;

    qint64 nowMs() override { return m_now; }
    Result<WaitHistory> history(int serviceId) override;
    Result<WaitFloor> floor(int branchId) override;

    struct Call
    {
        int serviceId = 0;
        qint64 calledAt = 0;
        qint64 joinedAt = 0; // greatest(arrival_at, created_at, checked_in_at)
        qint64 servingAt = -1;
        qint64 finishedAt = -1;
        int daysAgo = 0; // a call of an earlier day (its times moved back that many days)
    };
    // What an earlier day left in Postgres that the estimator reads: its calls and how many
    // appointments came.
    struct Earlier
    {
        QMap<int, QList<Call>> calls;
        QHash<int, int> shown;
        QHash<int, int> missed;
    };
    // This day's records as a day `daysAgo` days before another sees them.
    Earlier asEarlier(int daysAgo) const;
    // Adds an earlier day's records (before any of this day's).
    void addEarlier(const Earlier &earlier);

private:
    struct Booking
    {
        int serviceId = 0;
        qint64 slot = 0;
        bool settled = false; // checked in or expired
    };

    // The counters' times away (StoredWaitInputs' kAwaySql).
    void addAway(WaitHistory &history) const;

    const MemoryRecords &m_records;
    const qint64 &m_now;
    QMap<int, QList<Call>> m_calls; // per counter, in order; ordered: the same sums every run
    QHash<int, QList<double>> m_servingSeconds; // completed tokens, oldest first
    QHash<int, QList<qint64>> m_walkInsAt;
    QHash<int, QList<qint64>> m_priorityAt;
    QHash<int, int> m_shown;
    QHash<int, int> m_missed;
    QList<Booking> m_bookings;
};

} // namespace Nextup
