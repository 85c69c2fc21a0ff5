#include "api/queuescontroller.h"

#include "api/catalogfields.h"
#include "nextup/wire/keys.h"

namespace Nextup {

const QList<Route<QueuesController>> &QueuesController::routes()
{
    static const QList<Route<QueuesController>> table = {
        {"GET", "/api/queues", Access::Anyone, &QueuesController::snapshot},
    };
    return table;
}

// {seq, at, services:[... tokens:[...]], counters:[...]}: the resync snapshot; ?branch_id= for
// one branch's services and counters (a board or phone of that branch needs no other); a caller
// bound to a branch gets its own only.
void QueuesController::snapshot(const Call &call)
{
    const Result<int> branchId = CatalogFields::idQueryOr400(call.request, Wire::Key::BranchId);
    if (!branchId.ok())
        return call.responder.send(branchId.error());
    Handler::run(m_api, call.responder,
                 [this, branch = call.caller.narrowed(*branchId)](
                     WorkerContext &ctx) -> Result<QJsonObject> {
                     auto view = LiveQueues::view(m_api.deps, ctx);
                     if (!view.ok())
                         return view.error();
                     if (branch != 0) {
                         view->services.removeIf(
                             [branch](const auto &service) { return service.branchId != branch; });
                         view->counters.removeIf(
                             [branch](const auto &counter) { return counter.branchId != branch; });
                     }
                     return view->toJson();
                 });
}

} // namespace Nextup
