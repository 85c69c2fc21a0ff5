#pragma once

#include "api/routetable.h"
#include "domain/counteradmin.h"
#include "domain/counterdesk.h"

namespace Nextup {

// /api/counters: the list with live state and one active counter for anyone; the desk's actions
// (open, pause, close, call, recall, serve, complete, skip, transfer) for staff; create, update
// and deactivate for admins.
class CountersController
{
public:
    explicit CountersController(const ApiContext &api);
    static const QList<Route<CountersController>> &routes();

private:
    static BranchScope::Check scope(const Call &call); // the counter of call's :id
    using Action = Result<QJsonObject> (CounterDesk::*)(WorkerContext &, int,
                                                        const Principal &) const;
    // The route handler of a desk action that takes no body: call, recall, serve, complete,
    // skip, open, close.
    static std::function<void(CountersController &, const Call &)> action(Action action);

    void list(const Call &call);
    void act(const Call &call, Action action);
    void pause(const Call &call);
    void transfer(const Call &call);
    void get(const Call &call);
    void create(const Call &call);
    void update(const Call &call);
    void remove(const Call &call);

    const ApiContext &m_api;
    CounterDesk m_desk;
    CounterAdmin m_admin;
};

} // namespace Nextup
