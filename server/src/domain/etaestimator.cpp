#include "domain/etaestimator.h"

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
    {
        QMutexLocker lock(&m_mutex);
        const auto known = m_branchOf.constFind(serviceId);
        if (known != m_branchOf.cend()) {
            const Branch branch = m_branches.value(*known);
            // A configured average other than the one kept: an admin changed it (perhaps on
            // another server instance).
            if (branch.history && now - branch.historyAtMs < m_historyCacheMs &&
                branch.history->services.value(serviceId).configuredSeconds ==
                    configuredAverageSeconds)
                history = branch.history;
            if (history && branch.forecast && now - branch.floorAtMs < m_floorCacheMs) {
                forecast = branch.forecast;
                floorAt = branch.floorAtMs;
            }
        }
    }
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
    }
    return forecast->waitSeconds(serviceId, tokensAhead, now - floorAt, configuredAverageSeconds,
                                 placeMs > now);
}

void EtaEstimator::invalidate(int serviceId)
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
