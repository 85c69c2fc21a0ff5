#include "api/servicescontroller.h"

#include <QRegularExpression>

#include "api/catalogfields.h"
#include "nextup/wire/keys.h"

namespace Nextup {

namespace Key = Wire::Key;

namespace {
const int kMaxSeconds = 86400;

// {branch_id, code, name, avg_service_seconds?, target_wait_seconds?, active?, names?,
// description?, descriptions?}
Result<ServiceInput> serviceInput(const QJsonObject &body, bool creating)
{
    static const QRegularExpression codePattern(QStringLiteral("^[A-Z]{1,3}$"));
    JsonValidator check(body);
    ServiceInput input;
    input.branchId =
        CatalogFields::integer(check, Key::BranchId, creating, 1, CatalogFields::kMaxId);
    input.code = check.string(Key::Code, creating, 1, 3);
    if (input.code && !codePattern.match(*input.code).hasMatch())
        check.fail(Key::Code, QStringLiteral("1 to 3 capital letters A-Z (the D of D001)."));
    input.name = CatalogFields::name(check, creating);
    input.avgServiceSeconds =
        CatalogFields::integer(check, Key::AvgServiceSeconds, false, 1, kMaxSeconds);
    input.targetWaitSeconds =
        CatalogFields::integer(check, Key::TargetWaitSeconds, false, 1, kMaxSeconds);
    input.active = check.boolean(Key::Active, false);
    input.names = CatalogFields::texts(check, Key::Names, 100);
    input.description = check.string(Key::Description, false, 0, 500);
    input.descriptions = CatalogFields::texts(check, Key::Descriptions, 500);
    if (!check.ok())
        return check.error();
    return input;
}
} // namespace

BranchScope::Check ServicesController::scope(const Call &call)
{
    return {&BranchScope::service, call.rowId(), call.caller};
}

const QList<Route<ServicesController>> &ServicesController::routes()
{
    using C = ServicesController;
    static const QList<Route<C>> table = {
        {"GET", "/api/services", Access::Anyone, &C::list},
        {"GET", "/api/services/:id", Access::Anyone, &C::get},
        {"POST", "/api/services", Access::Manager, &C::create, Body::Json},
        {"PUT", "/api/services/:id", Access::Manager, &C::update, Body::Json},
        {"DELETE", "/api/services/:id", Access::Manager, &C::remove},
    };
    return table;
}

// [{id, branch_id, code, name, avg_service_seconds, target_wait_seconds, active, waiting, eta}];
// admins also see inactive services with ?all=true; ?branch_id= for one branch's (a caller bound
// to a branch sees its own only).
void ServicesController::list(const Call &call)
{
    const bool all =
        call.caller.isManager() && call.request.queryValue(QStringLiteral("all")) == u"true";
    const Result<int> branchId = CatalogFields::idQueryOr400(call.request, Key::BranchId);
    if (!branchId.ok())
        return call.responder.send(branchId.error());
    Handler::run(m_api, call.responder,
                 [this, all, branch = call.caller.narrowed(*branchId)](
                     WorkerContext &ctx) -> Result<QJsonArray> {
                     auto services = LiveQueues::servicesWithQueues(m_api.deps, ctx, all);
                     if (!services.ok())
                         return services.error();
                     QJsonArray list;
                     for (const ServiceRecord &service : std::as_const(*services))
                         if (branch == 0 || service.branchId == branch)
                             list.append(service.toJson(Wire::Form::Live));
                     return list;
                 });
}

// {service}: {id, branch_id, code, name, avg_service_seconds, target_wait_seconds, active}.
// Anyone may read an active service; an inactive one only an admin.
void ServicesController::get(const Call &call)
{
    Handler::runWithin(m_api, call.responder, scope(call),
                       [this, id = call.rowId(), caller = call.caller](WorkerContext &ctx) {
                           return CatalogFields::visibleTo(caller, m_catalog.service(ctx, id),
                                                           Key::Service, QStringLiteral("Service"),
                                                           id);
                       });
}

// 201 {service}; 409 already_exists when the branch has the code.
void ServicesController::create(const Call &call)
{
    Handler::runParsed(
        m_api, call.responder,
        CatalogFields::inBranchOf(call.caller, serviceInput(call.body, true)),
        [this, caller = call.caller](WorkerContext &ctx, const ServiceInput &input) {
            return m_catalog.createService(ctx, input, caller);
        },
        201);
}

// {service} after a partial update.
void ServicesController::update(const Call &call)
{
    Handler::runParsedWithin(m_api, call.responder, scope(call),
                             CatalogFields::inBranchOf(call.caller, serviceInput(call.body, false)),
                             [this, id = call.rowId(),
                              caller = call.caller](WorkerContext &ctx, const ServiceInput &input) {
                                 return m_catalog.updateService(ctx, id, input, caller);
                             });
}

// {service} now active: false; 409 invalid_state while tokens of it are waiting or called.
void ServicesController::remove(const Call &call)
{
    Handler::runWithin(m_api, call.responder, scope(call),
                       [this, id = call.rowId(), caller = call.caller](WorkerContext &ctx) {
                           return m_catalog.deactivateService(ctx, id, caller);
                       });
}

} // namespace Nextup
