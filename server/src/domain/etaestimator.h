#pragma once

#include <QDateTime>
#include <QHash>
#include <QMutex>

#include "core/apierror.h"

namespace Nextup {

class Database;

// The "intelligent" part: a waiting token's estimated wait is
//   tokens ahead × (moving average service time) ÷ (open counters serving the service).
// The average comes from the last 20 tokens of the service completed in the past week, falling
// back to the service's configured average until there are 3 of them. Both inputs are cached for
// a few seconds per service: issuing a token must not cost two extra queries.
class EtaEstimator
{
    Q_DISABLE_COPY_MOVE(EtaEstimator)

public:
    explicit EtaEstimator(int cacheMs = 5000);

    Result<int> estimate(Database &db, int serviceId, int configuredAverageSeconds,
                         int tokensAhead);
    Result<int> averageServiceSeconds(Database &db, int serviceId, int configuredAverageSeconds);
    void invalidate(int serviceId);

    // The pure formula, exposed for tests.
    static int formula(int tokensAhead, int averageSeconds, int openCounters);

private:
    struct Inputs
    {
        int averageSeconds = 0;
        int openCounters = 0;
        QDateTime fetchedAt;
    };
    Result<Inputs> inputs(Database &db, int serviceId, int configuredAverageSeconds);

    int m_cacheMs;
    QMutex m_mutex;
    QHash<int, Inputs> m_cache;
};

} // namespace Nextup
