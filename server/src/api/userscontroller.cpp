#include "api/userscontroller.h"

#include "api/adminhandler.h"
#include "api/jsonvalidator.h"
#include "domain/auditlog.h"
#include "domain/authservice.h"
#include "domain/useradmin.h"
#include "http/router.h"

#include <limits>

namespace {
const int kMaxFullName = 200;
const int kDefaultPageSize = 50;
const int kMaxPageSize = 200;

// {username, password, role, full_name?, active?}; the password is required on create only
// (on update it resets the password).
Result<UserInput> userInput(const QJsonObject &body, bool creating)
{
    const QString username = QStringLiteral("username");
    const QString password = QStringLiteral("password");
    const QString role = QStringLiteral("role");
    const int anyLength = std::numeric_limits<int>::max();
    JsonValidator check(body);
    UserInput input;
    input.username = check.string(username, creating, 0, anyLength);
    input.password = check.string(password, creating, 0, anyLength);
    // The same rules as self-registration.
    const QJsonObject problems = AuthService::validateCredentials(
        input.username.value_or(QString()), input.password.value_or(QString()));
    if (input.username && problems.contains(username))
        check.fail(username, problems.value(username).toString());
    if (input.password && problems.contains(password))
        check.fail(password, problems.value(password).toString());
    input.role = check.string(role, creating, 1, 16);
    if (input.role && !Roles::isValid(*input.role))
        check.fail(role, QStringLiteral("One of admin, operator, kiosk, user."));
    input.fullName = check.string(QStringLiteral("full_name"), false, 0, kMaxFullName);
    input.active = check.boolean(QStringLiteral("active"), false);
    if (!check.ok())
        return check.error();
    return input;
}

int pageParam(const ApiRequest &request, const QString &name, int fallback, int max,
              QJsonObject &problems)
{
    const QString text = request.queryValue(name);
    if (text.isEmpty())
        return fallback;
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok || value < 1 || value > max) {
        problems.insert(name, QStringLiteral("From 1 to %1.").arg(max));
        return fallback;
    }
    return value;
}
} // namespace

void UsersController::registerRoutes(Router &router)
{
    router.add("GET", QStringLiteral("/api/users"), this, &UsersController::list);
    router.add("POST", QStringLiteral("/api/users"), this, &UsersController::create);
    router.add("GET", QStringLiteral("/api/users/:id"), this, &UsersController::get);
    router.add("PUT", QStringLiteral("/api/users/:id"), this, &UsersController::update);
    router.add("DELETE", QStringLiteral("/api/users/:id"), this, &UsersController::remove);
    router.add("GET", QStringLiteral("/api/audit"), this, &UsersController::audit);
}

// [{id, username, role, full_name, active}]: every account, inactive ones included.
void UsersController::list(const ApiRequest &request, const Responder &responder)
{
    AdminHandler::run(m_api, request, responder,
                      [](WorkerContext &ctx, const Principal &) { return UserAdmin::list(ctx); });
}

// {user}: {id, username, role, full_name, active}.
void UsersController::get(const ApiRequest &request, const Responder &responder)
{
    AdminHandler::runOnRow(
        m_api, request, responder,
        [](WorkerContext &ctx, int id, const Principal &) { return UserAdmin::user(ctx, id); });
}

// 201 {user}; 409 already_exists when the username is taken (case-insensitively).
void UsersController::create(const ApiRequest &request, const Responder &responder)
{
    AdminHandler::runCreate(
        m_api, request, responder, userInput,
        [](WorkerContext &ctx, const UserInput &input, const Principal &caller) {
            return UserAdmin::create(ctx, input, caller);
        });
}

// {user} after a partial update; a password field resets the password. 409 invalid_state when
// an admin would demote or deactivate themself.
void UsersController::update(const ApiRequest &request, const Responder &responder)
{
    AdminHandler::runUpdate(
        m_api, request, responder, userInput,
        [](WorkerContext &ctx, int id, const UserInput &input, const Principal &caller) {
            return UserAdmin::update(ctx, id, input, caller);
        });
}

// {user} now active: false (cannot log in); 409 invalid_state for the caller's own account.
void UsersController::remove(const ApiRequest &request, const Responder &responder)
{
    AdminHandler::runOnRow(m_api, request, responder,
                           [](WorkerContext &ctx, int id, const Principal &caller) {
                               return UserAdmin::deactivate(ctx, id, caller);
                           });
}

// {items:[{id, actor_id, actor, action, entity, entity_id, details, at}], page, page_size, total},
// newest first; ?page= (from 1) &page_size= (1..200, default 50).
void UsersController::audit(const ApiRequest &request, const Responder &responder)
{
    if (!AdminHandler::admin(m_api, request, responder))
        return;
    QJsonObject problems;
    const int page = pageParam(request, QStringLiteral("page"), 1, 1000000, problems);
    const int pageSize =
        pageParam(request, QStringLiteral("page_size"), kDefaultPageSize, kMaxPageSize, problems);
    if (!problems.isEmpty())
        return responder.send(ApiError::validation(problems));
    Handler::run(m_api, responder, [page, pageSize](WorkerContext &ctx) {
        return AuditLog::page(ctx.db(), page, pageSize);
    });
}
