#include "api/queuescontroller.h"

namespace Nextup {

const QList<Route<QueuesController>> &QueuesController::routes()
{
    static const QList<Route<QueuesController>> table = {
        {"GET", "/api/queues", Access::Anyone, &QueuesController::snapshot},
    };
    return table;
}

// {seq, at, services:[... tokens:[...]], counters:[...]}: the resync snapshot.
void QueuesController::snapshot(const Call &call)
{
    Handler::run(m_api, call.responder,
                 [this](WorkerContext &ctx) { return LiveQueues::view(m_api.deps, ctx); });
}

} // namespace Nextup
