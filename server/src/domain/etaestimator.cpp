#include "domain/etaestimator.h"

#include <cmath>

#include "domain/catalogrecords.h"
#include "store/database.h"

namespace Nextup {

EtaEstimator::EtaEstimator(int cacheMs) : m_cacheMs(cacheMs) {}

int EtaEstimator::formula(int tokensAhead, int averageSeconds, int openCounters)
{
    if (tokensAhead <= 0)
        return 0;
    return int(std::ceil(double(tokensAhead) * averageSeconds / qMax(1, openCounters)));
}

Result<int> EtaEstimator::estimate(Database &db, int serviceId, int configuredAverageSeconds,
                                   int tokensAhead)
{
    auto in = inputs(db, serviceId, configuredAverageSeconds);
    if (!in.ok())
        return in.error();
    return formula(tokensAhead, in->averageSeconds, in->openCounters);
}

Result<int> EtaEstimator::averageServiceSeconds(Database &db, int serviceId,
                                                int configuredAverageSeconds)
{
    auto in = inputs(db, serviceId, configuredAverageSeconds);
    if (!in.ok())
        return in.error();
    return in->averageSeconds;
}

void EtaEstimator::invalidate(int serviceId)
{
    QMutexLocker lock(&m_mutex);
    m_cache.remove(serviceId);
}

Result<EtaEstimator::Inputs> EtaEstimator::inputs(Database &db, int serviceId,
                                                  int configuredAverageSeconds)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    {
        QMutexLocker lock(&m_mutex);
        const auto it = m_cache.constFind(serviceId);
        if (it != m_cache.cend() && it->fetchedAt.msecsTo(now) < m_cacheMs)
            return *it;
    }
    auto query = db.exec(
        QStringLiteral("SELECT count(*), COALESCE(avg(secs), 0) FROM (SELECT extract(epoch FROM "
                       "finished_at - serving_at) AS secs FROM tokens WHERE service_id = ? AND "
                       "status = 'completed' AND serving_at IS NOT NULL AND finished_at > now() - "
                       "interval '7 days' ORDER BY finished_at DESC LIMIT 20) recent"),
        {serviceId});
    if (!query.ok())
        return query.error();
    Inputs in;
    in.averageSeconds = configuredAverageSeconds;
    if (query->next() && query->value(0).toInt() >= 3)
        in.averageSeconds = qMax(1, int(std::lround(query->value(1).toDouble())));
    auto open = Catalog::openCountersServing(db, serviceId);
    if (!open.ok())
        return open.error();
    in.openCounters = *open;
    in.fetchedAt = now;
    QMutexLocker lock(&m_mutex);
    m_cache.insert(serviceId, in);
    return in;
}

} // namespace Nextup
