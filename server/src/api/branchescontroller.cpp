#include "api/branchescontroller.h"

#include <QRegularExpression>

#include "api/catalogfields.h"
#include "nextup/businessday.h"
#include "nextup/wire/keys.h"

namespace Nextup {

namespace Key = Wire::Key;

namespace {
// {name, timezone?, code?, address?, names?}; a new branch's time zone defaults to UTC, its code
// to B<id>.
Result<BranchInput> branchInput(const QJsonObject &body, bool creating)
{
    static const QRegularExpression codePattern(QStringLiteral("^[A-Za-z0-9_-]{1,32}$"));
    JsonValidator check(body);
    BranchInput input;
    input.name = CatalogFields::name(check, creating);
    const QString zone = Key::Timezone;
    input.timezone = check.string(zone, false, 1, 64);
    if (input.timezone && !Nextup::isValidTimeZone(input.timezone->toUtf8()))
        check.fail(zone, QStringLiteral("Must be an IANA time zone such as Europe/Paris."));
    input.code = check.string(Key::Code, false, 1, 32);
    if (input.code && !codePattern.match(*input.code).hasMatch())
        check.fail(Key::Code, QStringLiteral("1 to 32 letters, digits, '-' or '_'."));
    input.address = check.string(Key::Address, false, 0, 300);
    input.names = CatalogFields::texts(check, Key::Names, 100);
    if (!check.ok())
        return check.error();
    return input;
}
} // namespace

const QList<Route<BranchesController>> &BranchesController::routes()
{
    using C = BranchesController;
    static const QList<Route<C>> table = {
        {"GET", "/api/directory", Access::Anyone, &C::directory},
        {"GET", "/api/branches", Access::Manager, &C::list},
        {"POST", "/api/branches", Access::Admin, &C::create, Body::Json},
        {"GET", "/api/branches/:id", Access::Manager, &C::get},
        {"PUT", "/api/branches/:id", Access::Admin, &C::update, Body::Json},
        {"DELETE", "/api/branches/:id", Access::Admin, &C::remove},
    };
    return table;
}

// [{id, name, timezone}]: every branch; a branch admin's own only.
void BranchesController::list(const Call &call)
{
    Handler::run(m_api, call.responder,
                 [this, caller = call.caller](WorkerContext &ctx) -> Result<QJsonArray> {
                     auto all = m_catalog.branches(ctx);
                     if (!all.ok() || caller.branchId == 0)
                         return all;
                     QJsonArray own;
                     for (const QJsonValue branch : std::as_const(*all))
                         if (branch.toObject().value(Key::Id).toInt() == caller.branchId)
                             own.append(branch);
                     return own;
                 });
}

// {branches: [{id, code, name, names, address, timezone}]}: what a customer needs to choose a
// branch (the booking page's chooser, a lobby board's header and clock), for anyone.
void BranchesController::directory(const Call &call)
{
    Handler::run(m_api, call.responder, [this](WorkerContext &ctx) -> Result<QJsonObject> {
        auto all = m_catalog.branches(ctx);
        if (!all.ok())
            return all.error();
        return QJsonObject{{Key::Branches, *all}};
    });
}

// {branch}: {id, name, timezone, code, address, names}.
void BranchesController::get(const Call &call)
{
    Handler::runWithin(
        m_api, call.responder, {&BranchScope::branch, call.rowId(), call.caller},
        [this, id = call.rowId()](WorkerContext &ctx) { return m_catalog.branch(ctx, id); });
}

// 201 {branch}: {id, name, timezone}.
void BranchesController::create(const Call &call)
{
    Handler::runParsed(
        m_api, call.responder, branchInput(call.body, true),
        [this, caller = call.caller](WorkerContext &ctx, const BranchInput &input) {
            return m_catalog.createBranch(ctx, input, caller);
        },
        201);
}

// {branch} after a partial update.
void BranchesController::update(const Call &call)
{
    Handler::runParsed(m_api, call.responder, branchInput(call.body, false),
                       [this, id = call.rowId(), caller = call.caller](WorkerContext &ctx,
                                                                       const BranchInput &input) {
                           return m_catalog.updateBranch(ctx, id, input, caller);
                       });
}

// {branch} as it was, now deleted; 409 invalid_state while services or counters use it.
void BranchesController::remove(const Call &call)
{
    Handler::run(m_api, call.responder,
                 [this, id = call.rowId(), caller = call.caller](WorkerContext &ctx) {
                     return m_catalog.deleteBranch(ctx, id, caller);
                 });
}

} // namespace Nextup
