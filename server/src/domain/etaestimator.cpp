#include "domain/etaestimator.h"

#include <algorithm>

#include <QScopeGuard>

#include "domain/storedwaitinputs.h"

namespace Nextup {

EtaEstimator::EtaEstimator(int floorCacheMs, int historyCacheMs)
    : m_floorCacheMs(floorCacheMs), m_historyCacheMs(historyCacheMs)
{
}

EtaEstimator::~EtaEstimator() = default;

Result<int> EtaEstimator::estimate(Database &db, int serviceId, int configuredAverageSeconds,
                                   int tokensAhead, qint64 placeMs)
{
    StoredWaitInputs inputs(db);
    return estimate(inputs, serviceId, configuredAverageSeconds, tokensAhead, placeMs);
}

Result<int> EtaEstimator::estimate(WaitInputs &inputs, int serviceId, int configuredAverageSeconds,
                                   int tokensAhead, qint64 placeMs)
{
    const qint64 now = inputs.nowMs();
    std::shared_ptr<const WaitHistory> history;
    std::shared_ptr<const WaitForecast> forecast;
    qint64 floorAt = 0;
    int refreshingBranch = 0; // this thread plays the new floor of that branch
    {
        QMutexLocker lock(&m_mutex);
        const auto known = m_branchOf.constFind(serviceId);
        if (known != m_branchOf.cend()) {
            Branch &branch = m_branches[*known];
            // A configured average other than the one kept: an admin changed it (perhaps on
            // another server instance).
            if (branch.history && now - branch.historyAtMs < m_historyCacheMs &&
                branch.history->services.value(serviceId).configuredSeconds ==
                    configuredAverageSeconds)
                history = branch.history;
            if (history && usable(branch, now)) {
                forecast = branch.forecast;
                floorAt = branch.floorAtMs;
            } else if (history) {
                branch.refreshing = true;
                refreshingBranch = *known;
            }
        }
    }
    // Whatever happens below, the branch is not left marked as being refreshed.
    const auto refreshed = qScopeGuard([this, &refreshingBranch] {
        if (refreshingBranch == 0)
            return;
        QMutexLocker lock(&m_mutex);
        m_branches[refreshingBranch].refreshing = false;
    });
    if (!forecast) {
        const bool historyRead = !history;
        if (!history) {
            auto read = inputs.history(serviceId);
            if (!read.ok())
                return read.error();
            history = std::make_shared<const WaitHistory>(std::move(*read));
        }
        if (!history->services.contains(serviceId)) // no such service (any more)
            return WaitModel::evenWait(tokensAhead, configuredAverageSeconds, 1);
        auto floor = inputs.floor(history->branchId);
        if (!floor.ok())
            return floor.error();
        forecast = std::make_shared<const WaitForecast>(WaitModel::forecast(*history, *floor));
        floorAt = floor->atMs;
        QMutexLocker lock(&m_mutex);
        for (auto it = history->services.keyBegin(); it != history->services.keyEnd(); ++it)
            m_branchOf.insert(*it, history->branchId);
        Branch &branch = m_branches[history->branchId];
        if (historyRead) {
            branch.history = history;
            branch.historyAtMs = now;
        }
        branch.forecast = forecast;
        branch.floorAtMs = floorAt;
        branch.changed = false;
    }
    return forecast->waitSeconds(serviceId, tokensAhead, now - floorAt, configuredAverageSeconds,
                                 placeMs > now);
}

bool EtaEstimator::usable(const Branch &branch, qint64 now) const
{
    if (!branch.forecast)
        return false;
    const qint64 age = now - branch.floorAtMs;
    const bool fresh =
        age < (branch.changed ? std::min(m_floorCacheMs, kRefreshAfterChangeMs) : m_floorCacheMs);
    return fresh || branch.refreshing;
}

void EtaEstimator::invalidate(int serviceId)
{
    QMutexLocker lock(&m_mutex);
    const auto known = m_branchOf.constFind(serviceId);
    if (known != m_branchOf.cend())
        m_branches[*known].changed = true;
}

void EtaEstimator::invalidateNow(int serviceId)
{
    QMutexLocker lock(&m_mutex);
    const auto known = m_branchOf.constFind(serviceId);
    if (known != m_branchOf.cend())
        m_branches[*known].forecast.reset();
}

void EtaEstimator::invalidateAll()
{
    QMutexLocker lock(&m_mutex);
    m_branches.clear();
    m_branchOf.clear();
}

} // namespace Nextup
