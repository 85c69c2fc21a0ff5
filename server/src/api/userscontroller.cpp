#include "api/userscontroller.h"

#include <limits>

#include "api/catalogfields.h"
#include "api/jsonvalidator.h"
#include "domain/auditlog.h"
#include "domain/authservice.h"
#include "domain/useradmin.h"
#include "nextup/wire/keys.h"

namespace Nextup {

namespace Key = Wire::Key;

namespace {
const int kMaxFullName = 200;
const int kDefaultPageSize = 50;
const int kMaxPageSize = 200;

// {username, password, role, full_name?, active?, branch_id?}; the password is required on create
// only (on update it resets the password).
Result<UserInput> userInput(const QJsonObject &body, bool creating)
{
    const QString username = Key::Username;
    const QString password = Key::Password;
    const QString role = Key::Role;
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
        check.fail(role, QStringLiteral("One of admin, branch_admin, operator, kiosk, user."));
    // null: head office (every branch)
    if (body.contains(Key::BranchId) && body.value(Key::BranchId).isNull())
        input.branchId = 0;
    else if (auto branch = check.integer(Key::BranchId, false, 1, std::numeric_limits<int>::max()))
        input.branchId = int(*branch);
    input.fullName = check.string(Key::FullName, false, 0, kMaxFullName);
    input.active = check.boolean(Key::Active, false);
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

BranchScope::Check UsersController::scope(const Call &call)
{
    return {&BranchScope::user, call.rowId(), call.caller};
}

const QList<Route<UsersController>> &UsersController::routes()
{
    using C = UsersController;
    static const QList<Route<C>> table = {
        {"GET", "/api/users", Access::Manager, &C::list},
        {"POST", "/api/users", Access::Manager, &C::create, Body::Json},
        {"GET", "/api/users/:id", Access::Manager, &C::get},
        {"PUT", "/api/users/:id", Access::Manager, &C::update, Body::Json},
        {"DELETE", "/api/users/:id", Access::Manager, &C::remove},
        {"GET", "/api/audit", Access::Admin, &C::audit},
    };
    return table;
}

// [{id, username, role, full_name, active, branch_id}]: every account, inactive ones included;
// ?branch_id= for one branch's (a branch admin sees its own only).
void UsersController::list(const Call &call)
{
    const Result<int> branchId = CatalogFields::idQueryOr400(call.request, Key::BranchId);
    if (!branchId.ok())
        return call.responder.send(branchId.error());
    Handler::run(m_api, call.responder,
                 [branch = call.caller.narrowed(*branchId)](WorkerContext &ctx) {
                     return UserAdmin::list(ctx, branch);
                 });
}

// {user}: {id, username, role, full_name, active, branch_id}.
void UsersController::get(const Call &call)
{
    Handler::runWithin(m_api, call.responder, scope(call), [id = call.rowId()](WorkerContext &ctx) {
        return UserAdmin::user(ctx, id);
    });
}

// 201 {user}; 409 already_exists when the username is taken (case-insensitively).
void UsersController::create(const Call &call)
{
    Handler::runParsed(
        m_api, call.responder, userInput(call.body, true),
        [caller = call.caller](WorkerContext &ctx, const UserInput &input) {
            return UserAdmin::create(ctx, input, caller);
        },
        201);
}

// {user} after a partial update; a password field resets the password. 409 invalid_state when
// an admin would demote or deactivate themself.
void UsersController::update(const Call &call)
{
    Handler::runParsedWithin(
        m_api, call.responder, scope(call), userInput(call.body, false),
        [id = call.rowId(), caller = call.caller](WorkerContext &ctx, const UserInput &input) {
            return UserAdmin::update(ctx, id, input, caller);
        });
}

// {user} now active: false (cannot log in); 409 invalid_state for the caller's own account.
void UsersController::remove(const Call &call)
{
    Handler::runWithin(m_api, call.responder, scope(call),
                       [id = call.rowId(), caller = call.caller](WorkerContext &ctx) {
                           return UserAdmin::deactivate(ctx, id, caller);
                       });
}

// {items:[{id, actor_id, actor, action, entity, entity_id, details, at}], page, page_size, total},
// newest first; ?page= (from 1) &page_size= (1..200, default 50).
void UsersController::audit(const Call &call)
{
    QJsonObject problems;
    const int page = pageParam(call.request, QStringLiteral("page"), 1, 1000000, problems);
    const int pageSize = pageParam(call.request, QStringLiteral("page_size"), kDefaultPageSize,
                                   kMaxPageSize, problems);
    if (!problems.isEmpty())
        return call.responder.send(ApiError::validation(problems));
    Handler::run(m_api, call.responder, [page, pageSize](WorkerContext &ctx) {
        return AuditLog::page(ctx.db(), page, pageSize);
    });
}

} // namespace Nextup
