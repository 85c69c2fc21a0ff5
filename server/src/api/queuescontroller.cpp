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
    Handler::run(m_api, call.responder, [this](WorkerContext &ctx) -> Result<QJsonObject> {
        auto view = LiveQueues::view(m_api.deps, ctx);
        if (!view.ok())
            return view.error();
        return view->toJson();
    });
}

} // namespace Nextup
