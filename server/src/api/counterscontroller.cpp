#include "api/counterscontroller.h"

#include "api/jsonvalidator.h"
#include "http/router.h"

#include <QJsonArray>

CountersController::CountersController(const ApiContext &api) : m_api(api), m_desk(api.deps) {}

void CountersController::registerRoutes(Router &router)
{
    router.add("GET", QStringLiteral("/api/counters"), this, &CountersController::list);
    const std::pair<const char *, Action> actions[] = {
        {"open", &CounterDesk::open},     {"close", &CounterDesk::close},
        {"call", &CounterDesk::callNext}, {"recall", &CounterDesk::recall},
        {"serve", &CounterDesk::serve},   {"complete", &CounterDesk::complete},
        {"skip", &CounterDesk::skip},
    };
    for (const auto &[name, action] : actions) {
        router.add("POST", QStringLiteral("/api/counters/:id/%1").arg(QLatin1String(name)),
                   [this, action = action](const ApiRequest &request, const Responder &responder) {
                       act(request, responder, action);
                   });
    }
    router.add("POST", QStringLiteral("/api/counters/:id/pause"), this, &CountersController::pause);
    router.add("POST", QStringLiteral("/api/counters/:id/transfer"), this,
               &CountersController::transfer);
}

// [{id, name, branch_id, status, service_ids, operator_id, pause_reason, current_token,
// queue_size}]; admins also see inactive counters with ?all=true.
void CountersController::list(const ApiRequest &request, const Responder &responder)
{
    const auto caller = Handler::authorize(m_api, request, responder, {});
    if (!caller)
        return;
    const bool all = caller->isAdmin() && request.queryValue(QStringLiteral("all")) == u"true";
    Handler::run(m_api, responder, [this, all](WorkerContext &ctx) -> Result<QJsonArray> {
        auto view = QueueState::view(m_api.deps, ctx, all);
        if (!view.ok())
            return view.error();
        return view->value(u"counters").toArray();
    });
}

// {token} (call/recall/serve/complete/skip) or {counter} (open/close).
void CountersController::act(const ApiRequest &request, const Responder &responder, Action action)
{
    const auto caller =
        Handler::authorize(m_api, request, responder, {Roles::Admin, Roles::Operator});
    const auto id = caller ? Handler::idParam(request, responder) : std::nullopt;
    if (!id)
        return;
    Handler::run(m_api, responder,
                 [this, action, id = int(*id), caller = *caller](WorkerContext &ctx) {
                     return (m_desk.*action)(ctx, id, caller);
                 });
}

// {counter} paused with a reason.
void CountersController::pause(const ApiRequest &request, const Responder &responder)
{
    const auto action = Handler::staffAction(m_api, request, responder);
    if (!action)
        return;
    const Principal &caller = action->caller;
    const qint64 id = action->id;
    JsonValidator check(action->body);
    const QString reason =
        check.string(QStringLiteral("reason"), false, 0, 200).value_or(QString());
    if (!check.ok())
        return responder.send(check.error());
    Handler::run(m_api, responder, [this, id = int(id), reason, caller](WorkerContext &ctx) {
        return m_desk.pause(ctx, id, reason, caller);
    });
}

// {token} back in line for another service or counter, keeping its arrival time.
void CountersController::transfer(const ApiRequest &request, const Responder &responder)
{
    const auto action = Handler::staffAction(m_api, request, responder);
    if (!action)
        return;
    const Principal &caller = action->caller;
    const qint64 id = action->id;
    JsonValidator check(action->body);
    CounterDesk::TransferTarget target;
    target.serviceId =
        int(check.integer(QStringLiteral("service_id"), false, 1, 2147483647).value_or(0));
    target.counterId =
        int(check.integer(QStringLiteral("counter_id"), false, 1, 2147483647).value_or(0));
    target.reason = check.string(QStringLiteral("reason"), false, 0, 500).value_or(QString());
    if (check.ok() && (target.serviceId > 0) == (target.counterId > 0))
        check.fail(QStringLiteral("service_id"),
                   QStringLiteral("Give exactly one of service_id or counter_id."));
    if (!check.ok())
        return responder.send(check.error());
    Handler::run(m_api, responder, [this, id = int(id), target, caller](WorkerContext &ctx) {
        return m_desk.transfer(ctx, id, target, caller);
    });
}
