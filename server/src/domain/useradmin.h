#pragma once

#include <optional>

#include <QJsonArray>
#include <QJsonObject>

#include "core/apierror.h"
#include "core/principal.h"

namespace Nextup {

class WorkerContext;

// What a create or a partial update (PUT) of a user sets; an empty optional keeps the stored
// value. `password` is the new plain password (it is hashed here, never stored or logged).
struct UserInput
{
    std::optional<QString> username;
    std::optional<QString> password;
    std::optional<QString> role;
    std::optional<QString> fullName;
    std::optional<bool> active;
    std::optional<int> branchId; // 0: head office (null)
};

// Staff and customer accounts, managed by admins. Answers use the public user shape
// {id, username, role, full_name, active}: the password hash never leaves the database. A new
// password or a deactivation also ends the user's sessions (refresh tokens revoked). An admin
// cannot demote or deactivate themself, so an installation is never locked out by accident.
//
// Branches: a user belongs to one (branch_id) or to head office (null). A branch admin manages the
// accounts of its own branch only: it cannot make an admin, move a user to another branch or head
// office, and its new users join its branch. A branch admin always has a branch. A new role or
// branch also ends the user's sessions, so a narrowed scope holds from the next refresh.
namespace UserAdmin {

// Every user, or those of `branchId` (0: all).
Result<QJsonArray> list(WorkerContext &ctx, int branchId = 0);
Result<QJsonObject> user(WorkerContext &ctx, int id);
Result<QJsonObject> create(WorkerContext &ctx, const UserInput &input, const Principal &caller);
Result<QJsonObject> update(WorkerContext &ctx, int id, const UserInput &input,
                           const Principal &caller);
Result<QJsonObject> deactivate(WorkerContext &ctx, int id, const Principal &caller);

} // namespace UserAdmin

} // namespace Nextup
