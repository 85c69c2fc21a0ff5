#pragma once

#include <memory>

#include <QHash>
#include <QMutex>

#include "core/apierror.h"
#include "domain/waitmodel.h"

namespace Nextup {

class Database;

// Where the estimator's inputs come from: Postgres for the server (StoredWaitInputs), the
// virtual day for bench/etasim.
class WaitInputs
{
public:
    virtual ~WaitInputs() = default;
    // Now, in epoch ms: the age of what is kept, and the moment a floor is played from.
    virtual qint64 nowMs() = 0;
    // The history of every service of the branch that serviceId belongs to; an empty one (no
    // services) when there is no such service.
    virtual Result<WaitHistory> history(int serviceId) = 0;
    virtual Result<WaitFloor> floor(int branchId) = 0;
};

// The "intelligent" part: a waiting token's estimated wait. The maths is WaitModel's (see
// waitmodel.h): the branch's floor played forward with the line's own rules, each service's
// robust counter time per token from its recent calls, open counters serving now and paused ones
// after their break, counters serving several services shared the way call-next shares them,
// appointments still due joining at their slot's place; the promise is the median of 64 plays.
// Without history every customer takes the configured average: N ahead of one free counter (or
// of none open) wait N × the average, as the estimator always answered.
//
// What it plays is kept per branch so that issuing a token costs no query most of the time: the
// floor (counters, the line, appointments due) for 5 s, the history (counter times, walk-in and
// show rates, configured averages, the counters' times away on the last two weeks, from which
// their usual breaks, openings and closings are learnt) for a minute; reading them is three
// statements and two. invalidate()
// marks a branch's floor as changed when a counter opened, paused or closed or a token finished
// (the notices of queueports.h): it is read and played again once it is kRefreshAfterChangeMs
// old, not at every change (eight counters completing as fast as they can would otherwise replay
// the whole floor at every call); invalidateAll() drops everything when an admin changed a
// service. Every method may be called from any worker thread. The plays run outside the lock and
// one thread at a time per branch: the others answer from the forecast before, when there is
// one, instead of all replaying the same floor at once. invalidateNow() drops the floor at once
// (an admin changed a counter's services).
class EtaEstimator
{
    Q_DISABLE_COPY_MOVE(EtaEstimator)

public:
    static constexpr int kRefreshAfterChangeMs = 1000;

    explicit EtaEstimator(int floorCacheMs = 5000, int historyCacheMs = 60000);
    ~EtaEstimator();

    // Seconds until a token of the service with tokensAhead before it in the service's queue is
    // called: a walk-in joining now when tokensAhead is the whole line. configuredAverageSeconds
    // is the service's avg_service_seconds as the caller read it (the history is read again
    // when it differs). placeMs: the token's place in line (QueueEntry::arrivalMs); one later
    // than now (an appointment checked in early) also waits for the walk-ins who come before it.
    Result<int> estimate(Database &db, int serviceId, int configuredAverageSeconds, int tokensAhead,
                         qint64 placeMs = 0);
    Result<int> estimate(WaitInputs &inputs, int serviceId, int configuredAverageSeconds,
                         int tokensAhead, qint64 placeMs = 0);
    void invalidate(int serviceId);
    // The branch's floor is read and played again at the next estimate: an admin changed which
    // counters serve the service.
    void invalidateNow(int serviceId);
    void invalidateAll();

private:
    struct Branch
    {
        std::shared_ptr<const WaitHistory> history;
        qint64 historyAtMs = 0;
        std::shared_ptr<const WaitForecast> forecast; // of the floor read at floorAtMs
        qint64 floorAtMs = 0;
        bool changed = false;    // since the floor was read (invalidate())
        bool refreshing = false; // a thread is reading and playing a new floor
    };
    // The kept forecast while it is fresh enough, or while another thread replaces it.
    bool usable(const Branch &branch, qint64 now) const;

    int m_floorCacheMs;
    int m_historyCacheMs;
    QMutex m_mutex;
    QHash<int, int> m_branchOf; // service -> branch, learnt from the histories read
    QHash<int, Branch> m_branches;
};

} // namespace Nextup
