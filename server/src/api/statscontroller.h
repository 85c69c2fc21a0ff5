#pragma once

#include "api/routetable.h"

namespace Nextup {

// GET /api/stats: totals, per service, counter and hour, and the accuracy of the wait estimate
// (staff).
class StatsController
{
public:
    explicit StatsController(const ApiContext &api) : m_api(api) {}
    static const QList<Route<StatsController>> &routes();

private:
    void stats(const Call &call);

    const ApiContext &m_api;
};

} // namespace Nextup
