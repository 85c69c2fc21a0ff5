#include "api/counterscontroller.h"

#include <QJsonArray>

#include "api/catalogfields.h"
#include "nextup/wire/keys.h"

namespace Nextup {

namespace Key = Wire::Key;

namespace {
// {branch_id, name, service_ids, active?, names?}
Result<CounterInput> counterInput(const QJsonObject &body, bool creating)
{
    JsonValidator check(body);
    CounterInput input;
    input.branchId =
        CatalogFields::integer(check, Key::BranchId, creating, 1, CatalogFields::kMaxId);
    input.name = CatalogFields::name(check, creating);
    input.serviceIds = check.idList(Key::ServiceIds, creating);
    if (input.serviceIds && input.serviceIds->isEmpty())
        check.fail(Key::ServiceIds, QStringLiteral("A counter serves at least one service."));
    input.active = check.boolean(Key::Active, false);
    input.names = CatalogFields::texts(check, Key::Names, 100);
    if (!check.ok())
        return check.error();
    return input;
}
} // namespace

BranchScope::Check CountersController::scope(const Call &call)
{
    return {&BranchScope::counter, call.rowId(), call.caller};
}

CountersController::CountersController(const ApiContext &api)
    : m_api(api), m_desk(api.deps), m_admin(api.deps)
{
}

std::function<void(CountersController &, const Call &)> CountersController::action(Action action)
{
    return [action](CountersController &controller, const Call &call) {
        controller.act(call, action);
    };
}

const QList<Route<CountersController>> &CountersController::routes()
{
    using C = CountersController;
    static const QList<Route<C>> table = {
        {"GET", "/api/counters", Access::Anyone, &C::list},
        {"POST", "/api/counters/:id/open", Access::Staff, action(&CounterDesk::open)},
        {"POST", "/api/counters/:id/close", Access::Staff, action(&CounterDesk::close)},
        {"POST", "/api/counters/:id/call", Access::Staff, action(&CounterDesk::callNext)},
        {"POST", "/api/counters/:id/recall", Access::Staff, action(&CounterDesk::recall)},
        {"POST", "/api/counters/:id/serve", Access::Staff, action(&CounterDesk::serve)},
        {"POST", "/api/counters/:id/complete", Access::Staff, action(&CounterDesk::complete)},
        {"POST", "/api/counters/:id/skip", Access::Staff, action(&CounterDesk::skip)},
        {"POST", "/api/counters/:id/pause", Access::Staff, &C::pause, Body::Json},
        {"POST", "/api/counters/:id/transfer", Access::Staff, &C::transfer, Body::Json},
        {"GET", "/api/counters/:id", Access::Anyone, &C::get},
        {"POST", "/api/counters", Access::Manager, &C::create, Body::Json},
        {"PUT", "/api/counters/:id", Access::Manager, &C::update, Body::Json},
        {"DELETE", "/api/counters/:id", Access::Manager, &C::remove},
    };
    return table;
}

// [{id, name, branch_id, status, service_ids, operator_id, pause_reason, current_token,
// queue_size}]; admins also see inactive counters with ?all=true; ?branch_id= for one branch's
// (a caller bound to a branch sees its own only).
void CountersController::list(const Call &call)
{
    const bool all =
        call.caller.isManager() && call.request.queryValue(QStringLiteral("all")) == u"true";
    const Result<int> branchId = CatalogFields::idQueryOr400(call.request, Key::BranchId);
    if (!branchId.ok())
        return call.responder.send(branchId.error());
    Handler::run(m_api, call.responder,
                 [this, all, branch = call.caller.narrowed(*branchId)](
                     WorkerContext &ctx) -> Result<QJsonArray> {
                     auto view = LiveQueues::view(m_api.deps, ctx, all);
                     if (!view.ok())
                         return view.error();
                     QJsonArray list;
                     for (const CounterRecord &counter : std::as_const(view->counters))
                         if (branch == 0 || counter.branchId == branch)
                             list.append(counter.toJson(Wire::Form::Live));
                     return list;
                 });
}

// {token} (call/recall/serve/complete/skip) or {counter} (open/close).
void CountersController::act(const Call &call, Action action)
{
    Handler::runWithin(m_api, call.responder, scope(call),
                       [this, action, id = call.rowId(), caller = call.caller](WorkerContext &ctx) {
                           return (m_desk.*action)(ctx, id, caller);
                       });
}

// {counter} paused with a reason.
void CountersController::pause(const Call &call)
{
    JsonValidator check(call.body);
    const QString reason = check.string(Key::Reason, false, 0, 200).value_or(QString());
    if (!check.ok())
        return call.responder.send(check.error());
    Handler::runWithin(m_api, call.responder, scope(call),
                       [this, id = call.rowId(), reason, caller = call.caller](WorkerContext &ctx) {
                           return m_desk.pause(ctx, id, reason, caller);
                       });
}

// {token} back in line for another service or counter, keeping its arrival time.
void CountersController::transfer(const Call &call)
{
    JsonValidator check(call.body);
    CounterDesk::TransferTarget target;
    target.serviceId =
        CatalogFields::integer(check, Key::ServiceId, false, 1, CatalogFields::kMaxId).value_or(0);
    target.counterId =
        CatalogFields::integer(check, Key::CounterId, false, 1, CatalogFields::kMaxId).value_or(0);
    target.reason = check.string(Key::Reason, false, 0, 500).value_or(QString());
    if (check.ok() && (target.serviceId > 0) == (target.counterId > 0))
        check.fail(Key::ServiceId, QStringLiteral("Give exactly one of service_id or counter_id."));
    if (!check.ok())
        return call.responder.send(check.error());
    Handler::runWithin(m_api, call.responder, scope(call),
                       [this, id = call.rowId(), target, caller = call.caller](WorkerContext &ctx) {
                           return m_desk.transfer(ctx, id, target, caller);
                       });
}

// {counter}: {id, branch_id, name, status, operator_id, pause_reason, active, service_ids}.
// Anyone may read an active counter; an inactive one only an admin.
void CountersController::get(const Call &call)
{
    Handler::runWithin(m_api, call.responder, scope(call),
                       [this, id = call.rowId(), caller = call.caller](WorkerContext &ctx) {
                           return CatalogFields::visibleTo(caller, m_admin.counter(ctx, id),
                                                           Key::Counter, QStringLiteral("Counter"),
                                                           id);
                       });
}

// 201 {counter}; 409 already_exists when the branch has a counter of that name.
void CountersController::create(const Call &call)
{
    Handler::runParsed(
        m_api, call.responder,
        CatalogFields::inBranchOf(call.caller, counterInput(call.body, true)),
        [this, caller = call.caller](WorkerContext &ctx, const CounterInput &input) {
            return m_admin.create(ctx, input, caller);
        },
        201);
}

// {counter} after a partial update.
void CountersController::update(const Call &call)
{
    Handler::runParsedWithin(m_api, call.responder, scope(call),
                             CatalogFields::inBranchOf(call.caller, counterInput(call.body, false)),
                             [this, id = call.rowId(),
                              caller = call.caller](WorkerContext &ctx, const CounterInput &input) {
                                 return m_admin.update(ctx, id, input, caller);
                             });
}

// {counter} now active: false; 409 invalid_state while it is open or has a token at it.
void CountersController::remove(const Call &call)
{
    Handler::runWithin(m_api, call.responder, scope(call),
                       [this, id = call.rowId(), caller = call.caller](WorkerContext &ctx) {
                           return m_admin.deactivate(ctx, id, caller);
                       });
}

} // namespace Nextup
