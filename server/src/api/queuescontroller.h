#pragma once

#include "api/routetable.h"

namespace Nextup {

// GET /api/queues: the snapshot a client fetches to resync after a gap in the event sequence.
class QueuesController
{
public:
    explicit QueuesController(const ApiContext &api) : m_api(api) {}
    static const QList<Route<QueuesController>> &routes();

private:
    void snapshot(const Call &call);

    const ApiContext &m_api;
};

} // namespace Nextup
