#include "api/admincontroller.h"

#include "api/adminhandler.h"
#include "api/jsonvalidator.h"
#include "http/router.h"
#include "nextup/businessday.h"

#include <QRegularExpression>

#include <limits>

namespace {
const qint64 kMaxId = std::numeric_limits<int>::max();
const int kMaxNameLength = 100;
const int kMaxSeconds = 86400;

// A display name: 1 to 100 characters, not only spaces.
std::optional<QString> nameField(JsonValidator &check, bool required)
{
    const QString field = QStringLiteral("name");
    auto name = check.string(field, required, 1, kMaxNameLength);
    if (name && name->trimmed().isEmpty()) {
        check.fail(field, QStringLiteral("Must not be blank."));
        return std::nullopt;
    }
    return name;
}

std::optional<int> intField(JsonValidator &check, const QString &field, bool required, qint64 min,
                            qint64 max)
{
    const auto value = check.integer(field, required, min, max);
    return value ? std::optional<int>(int(*value)) : std::nullopt;
}

// {name, timezone?}; a new branch's time zone defaults to UTC.
Result<BranchInput> branchInput(const QJsonObject &body, bool creating)
{
    JsonValidator check(body);
    BranchInput input;
    input.name = nameField(check, creating);
    const QString zone = QStringLiteral("timezone");
    input.timezone = check.string(zone, false, 1, 64);
    if (input.timezone && !Nextup::isValidTimeZone(input.timezone->toUtf8()))
        check.fail(zone, QStringLiteral("Must be an IANA time zone such as Europe/Paris."));
    if (!check.ok())
        return check.error();
    return input;
}

// {branch_id, code, name, avg_service_seconds?, target_wait_seconds?, active?}
Result<ServiceInput> serviceInput(const QJsonObject &body, bool creating)
{
    static const QRegularExpression codePattern(QStringLiteral("^[A-Z]{1,3}$"));
    JsonValidator check(body);
    ServiceInput input;
    input.branchId = intField(check, QStringLiteral("branch_id"), creating, 1, kMaxId);
    input.code = check.string(QStringLiteral("code"), creating, 1, 3);
    if (input.code && !codePattern.match(*input.code).hasMatch())
        check.fail(QStringLiteral("code"),
                   QStringLiteral("1 to 3 capital letters A-Z (the D of D001)."));
    input.name = nameField(check, creating);
    input.avgServiceSeconds =
        intField(check, QStringLiteral("avg_service_seconds"), false, 1, kMaxSeconds);
    input.targetWaitSeconds =
        intField(check, QStringLiteral("target_wait_seconds"), false, 1, kMaxSeconds);
    input.active = check.boolean(QStringLiteral("active"), false);
    if (!check.ok())
        return check.error();
    return input;
}

// {branch_id, name, service_ids, active?}
Result<CounterInput> counterInput(const QJsonObject &body, bool creating)
{
    JsonValidator check(body);
    CounterInput input;
    input.branchId = intField(check, QStringLiteral("branch_id"), creating, 1, kMaxId);
    input.name = nameField(check, creating);
    input.serviceIds = check.idList(QStringLiteral("service_ids"), creating);
    if (input.serviceIds && input.serviceIds->isEmpty())
        check.fail(QStringLiteral("service_ids"),
                   QStringLiteral("A counter serves at least one service."));
    input.active = check.boolean(QStringLiteral("active"), false);
    if (!check.ok())
        return check.error();
    return input;
}
// What a read of one service or counter shows the caller: everything to an admin, an active row
// to anyone else (as the public lists do), an inactive one as if it did not exist.
Result<QJsonObject> visibleTo(const Principal &caller, Result<QJsonObject> row, QStringView key,
                              const QString &what, int id)
{
    if (!row.ok() || caller.isAdmin() || row->value(key).toObject().value(u"active").toBool())
        return row;
    return ApiError::notFound(QStringLiteral("%1 %2 does not exist.").arg(what).arg(id));
}
} // namespace

AdminController::AdminController(const ApiContext &api)
    : m_api(api), m_catalog(api.deps), m_counters(api.deps), m_users(api)
{
}

void AdminController::registerRoutes(Router &router)
{
    const auto add = [&](const char *method, const char *path,
                         void (AdminController::*handler)(const ApiRequest &, const Responder &)) {
        router.add(method, QString::fromLatin1(path), this, handler);
    };
    add("GET", "/api/branches", &AdminController::listBranches);
    add("POST", "/api/branches", &AdminController::createBranch);
    add("GET", "/api/branches/:id", &AdminController::getBranch);
    add("PUT", "/api/branches/:id", &AdminController::updateBranch);
    add("DELETE", "/api/branches/:id", &AdminController::deleteBranch);
    add("GET", "/api/services/:id", &AdminController::getService);
    add("POST", "/api/services", &AdminController::createService);
    add("PUT", "/api/services/:id", &AdminController::updateService);
    add("DELETE", "/api/services/:id", &AdminController::deleteService);
    add("GET", "/api/counters/:id", &AdminController::getCounter);
    add("POST", "/api/counters", &AdminController::createCounter);
    add("PUT", "/api/counters/:id", &AdminController::updateCounter);
    add("DELETE", "/api/counters/:id", &AdminController::deleteCounter);
    m_users.registerRoutes(router);
}

// [{id, name, timezone}]: every branch.
void AdminController::listBranches(const ApiRequest &request, const Responder &responder)
{
    AdminHandler::run(m_api, request, responder, [this](WorkerContext &ctx, const Principal &) {
        return m_catalog.branches(ctx);
    });
}

// {branch}: {id, name, timezone}.
void AdminController::getBranch(const ApiRequest &request, const Responder &responder)
{
    AdminHandler::runOnRow(m_api, request, responder,
                           [this](WorkerContext &ctx, int id, const Principal &) {
                               return m_catalog.branch(ctx, id);
                           });
}

// 201 {branch}: {id, name, timezone}.
void AdminController::createBranch(const ApiRequest &request, const Responder &responder)
{
    AdminHandler::runCreate(
        m_api, request, responder, branchInput,
        [this](WorkerContext &ctx, const BranchInput &input, const Principal &caller) {
            return m_catalog.createBranch(ctx, input, caller);
        });
}

// {branch} after a partial update.
void AdminController::updateBranch(const ApiRequest &request, const Responder &responder)
{
    AdminHandler::runUpdate(
        m_api, request, responder, branchInput,
        [this](WorkerContext &ctx, int id, const BranchInput &input, const Principal &caller) {
            return m_catalog.updateBranch(ctx, id, input, caller);
        });
}

// {branch} as it was, now deleted; 409 invalid_state while services or counters use it.
void AdminController::deleteBranch(const ApiRequest &request, const Responder &responder)
{
    AdminHandler::runOnRow(m_api, request, responder,
                           [this](WorkerContext &ctx, int id, const Principal &caller) {
                               return m_catalog.deleteBranch(ctx, id, caller);
                           });
}

// {service}: {id, branch_id, code, name, avg_service_seconds, target_wait_seconds, active}.
// Anyone may read an active service; an inactive one only an admin.
void AdminController::getService(const ApiRequest &request, const Responder &responder)
{
    AdminHandler::runOnPublicRow(m_api, request, responder,
                                 [this](WorkerContext &ctx, int id, const Principal &caller) {
                                     return visibleTo(caller, m_catalog.service(ctx, id),
                                                      u"service", QStringLiteral("Service"), id);
                                 });
}

// 201 {service}; 409 already_exists when the branch has the code.
void AdminController::createService(const ApiRequest &request, const Responder &responder)
{
    AdminHandler::runCreate(
        m_api, request, responder, serviceInput,
        [this](WorkerContext &ctx, const ServiceInput &input, const Principal &caller) {
            return m_catalog.createService(ctx, input, caller);
        });
}

// {service} after a partial update.
void AdminController::updateService(const ApiRequest &request, const Responder &responder)
{
    AdminHandler::runUpdate(
        m_api, request, responder, serviceInput,
        [this](WorkerContext &ctx, int id, const ServiceInput &input, const Principal &caller) {
            return m_catalog.updateService(ctx, id, input, caller);
        });
}

// {service} now active: false; 409 invalid_state while tokens of it are waiting or called.
void AdminController::deleteService(const ApiRequest &request, const Responder &responder)
{
    AdminHandler::runOnRow(m_api, request, responder,
                           [this](WorkerContext &ctx, int id, const Principal &caller) {
                               return m_catalog.deactivateService(ctx, id, caller);
                           });
}

// {counter}: {id, branch_id, name, status, operator_id, pause_reason, active, service_ids}.
// Anyone may read an active counter; an inactive one only an admin.
void AdminController::getCounter(const ApiRequest &request, const Responder &responder)
{
    AdminHandler::runOnPublicRow(m_api, request, responder,
                                 [this](WorkerContext &ctx, int id, const Principal &caller) {
                                     return visibleTo(caller, m_counters.counter(ctx, id),
                                                      u"counter", QStringLiteral("Counter"), id);
                                 });
}

// 201 {counter}; 409 already_exists when the branch has a counter of that name.
void AdminController::createCounter(const ApiRequest &request, const Responder &responder)
{
    AdminHandler::runCreate(
        m_api, request, responder, counterInput,
        [this](WorkerContext &ctx, const CounterInput &input, const Principal &caller) {
            return m_counters.create(ctx, input, caller);
        });
}

// {counter} after a partial update.
void AdminController::updateCounter(const ApiRequest &request, const Responder &responder)
{
    AdminHandler::runUpdate(
        m_api, request, responder, counterInput,
        [this](WorkerContext &ctx, int id, const CounterInput &input, const Principal &caller) {
            return m_counters.update(ctx, id, input, caller);
        });
}

// {counter} now active: false; 409 invalid_state while it is open or has a token at it.
void AdminController::deleteCounter(const ApiRequest &request, const Responder &responder)
{
    AdminHandler::runOnRow(m_api, request, responder,
                           [this](WorkerContext &ctx, int id, const Principal &caller) {
                               return m_counters.deactivate(ctx, id, caller);
                           });
}
