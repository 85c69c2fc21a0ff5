#include "domain/useradmin.h"

#include "auth/passwordhasher.h"
#include "core/workercontext.h"
#include "domain/adminsupport.h"
#include "domain/authservice.h"
#include "domain/branchscope.h"
#include "store/database.h"

namespace Nextup {

namespace {
const QString kUser = QStringLiteral("user"); // the audit log's entity
const QString kUserSql =
    QStringLiteral("SELECT id, username, role, full_name, active, branch_id FROM users ");
const QString kUsernameTaken = QStringLiteral("That username is taken.");

namespace Key = Wire::Key;
using UserRow = Wire::User;

Result<UserRow> loadUser(Database &db, int id, bool lock)
{
    auto row = db.exec(kUserSql + (lock ? QStringLiteral("WHERE id = ? FOR UPDATE")
                                        : QStringLiteral("WHERE id = ?")),
                       {id});
    if (!row.ok())
        return row.error();
    if (!row->next())
        return Admin::notFound(QStringLiteral("User"), id);
    return userFromRow(*row);
}

// Hashing is slow on purpose (argon2id): done before the transaction opens, not inside it.
Result<std::optional<QString>> hashOf(const std::optional<QString> &password)
{
    if (!password)
        return std::optional<QString>();
    const QString hash = PasswordHasher::hash(password->toUtf8());
    if (hash.isEmpty())
        return ApiError::internal(QStringLiteral("Could not hash the password."));
    return std::optional<QString>(hash);
}

Outcome endSessions(Database &db, int userId)
{
    auto revoked = db.exec(QStringLiteral("UPDATE refresh_tokens SET revoked_at = now() "
                                          "WHERE user_id = ? AND revoked_at IS NULL"),
                           {userId});
    if (!revoked.ok())
        return revoked.error();
    return Done{};
}

Outcome checkSelf(const UserRow &before, const UserRow &after, const Principal &caller)
{
    if (before.id != caller.userId)
        return Done{};
    if (!after.active)
        return Admin::invalidState(QStringLiteral("You cannot deactivate your own account."));
    if (before.role == Roles::Admin && after.role != Roles::Admin)
        return Admin::invalidState(QStringLiteral("You cannot remove your own admin role."));
    if (before.role != after.role || before.branchId != after.branchId)
        return Admin::invalidState(QStringLiteral("You cannot change your own role or branch."));
    return Done{};
}

// The role and branch a user may have, and what a branch admin may give.
Outcome checkPlacement(Database &db, const UserRow &user, const Principal &caller)
{
    const QString field = Key::BranchId;
    if (caller.branchId != 0) {
        if (user.role == Roles::Admin)
            return ApiError{403, QStringLiteral("forbidden"),
                            QStringLiteral("A branch admin cannot make an admin."),
                            QJsonObject{{Key::Role, QStringLiteral("Not yours to give.")}}};
        if (auto own = BranchScope::assignable(user.branchId, caller); !own.ok())
            return own;
    }
    if (user.branchId == 0) {
        if (user.role == Roles::BranchAdmin)
            return ApiError::validation(
                QJsonObject{{field, QStringLiteral("A branch admin belongs to a branch.")}});
        return Done{};
    }
    auto branch = db.exec(QStringLiteral("SELECT 1 FROM branches WHERE id = ?"), {user.branchId});
    if (!branch.ok())
        return branch.error();
    if (!branch->next())
        return ApiError::validation(
            QJsonObject{{field, QStringLiteral("Branch %1 does not exist.").arg(user.branchId)}});
    return Done{};
}

// The user as the update leaves it; the fields that differ are noted in `changes` (a new
// password only as the fact that it was reset).
UserRow merged(const UserRow &before, const UserInput &input, bool passwordReset,
               QJsonObject &changes)
{
    UserRow after = before;
    Admin::applyChange(input.username, after.username, Key::Username, changes);
    Admin::applyChange(input.role, after.role, Key::Role, changes);
    Admin::applyChange(input.fullName, after.fullName, Key::FullName, changes);
    Admin::applyChange(input.active, after.active, Key::Active, changes);
    Admin::applyChange(input.branchId, after.branchId, Key::BranchId, changes);
    if (passwordReset)
        changes.insert(QStringLiteral("password_reset"), true);
    return after;
}

// Checks and writes one user update, inside its transaction; a new password or a deactivation
// also ends the user's sessions.
Result<UserRow> store(Database &db, const UserRow &before, const UserRow &after,
                      const std::optional<QString> &hash, const Principal &caller)
{
    if (auto allowed = checkSelf(before, after, caller); !allowed.ok())
        return allowed.error();
    if (auto placed = checkPlacement(db, after, caller); !placed.ok())
        return placed.error();
    auto row = db.exec(
        QStringLiteral("UPDATE users SET username = ?, role = ?, full_name = COALESCE(?, ''), "
                       "active = ?, password_hash = COALESCE(?, password_hash), branch_id = ? "
                       "WHERE id = ?"),
        {after.username, after.role, after.fullName, after.active,
         nullable(hash.value_or(QString())), nullableId(after.branchId), after.id});
    if (!row.ok())
        return Admin::alreadyTaken(row.error(), Key::Username, kUsernameTaken);
    const bool scopeChanged = after.role != before.role || after.branchId != before.branchId;
    if (hash || !after.active || scopeChanged) {
        if (auto ended = endSessions(db, after.id); !ended.ok())
            return ended.error();
    }
    return after;
}

Result<QJsonObject> change(WorkerContext &ctx, int id, const UserInput &input,
                           const Principal &caller, const QString &action)
{
    Database &db = ctx.db();
    auto hash = hashOf(input.password);
    if (!hash.ok())
        return hash.error();
    const AuditEntry audit{caller.userId, action, kUser, id, {}};
    auto changed =
        Admin::auditedTransaction<UserRow>(db, audit, [&](AuditEntry &entry) -> Result<UserRow> {
            auto before = loadUser(db, id, true);
            if (!before.ok())
                return before;
            const UserRow after = merged(*before, input, hash->has_value(), entry.details);
            if (entry.details.isEmpty())
                return after;
            return store(db, *before, after, *hash, caller);
        });
    if (!changed.ok())
        return changed.error();
    return QJsonObject{{Key::User, changed->toJson()}};
}
} // namespace

namespace UserAdmin {

Result<QJsonArray> list(WorkerContext &ctx, int branchId)
{
    auto rows = ctx.db().exec(kUserSql + QStringLiteral("WHERE ? = 0 OR branch_id = ? ORDER BY id"),
                              {branchId, branchId});
    if (!rows.ok())
        return rows.error();
    QJsonArray out;
    while (rows->next())
        out.append(userFromRow(*rows).toJson());
    return out;
}

Result<QJsonObject> user(WorkerContext &ctx, int id)
{
    auto user = loadUser(ctx.db(), id, false);
    if (!user.ok())
        return user.error();
    return QJsonObject{{Key::User, user->toJson()}};
}

Result<QJsonObject> create(WorkerContext &ctx, const UserInput &input, const Principal &caller)
{
    Database &db = ctx.db();
    auto hash = hashOf(input.password);
    if (!hash.ok())
        return hash.error();
    const AuditEntry audit{caller.userId, QStringLiteral("user.create"), kUser, 0, {}};
    auto created =
        Admin::auditedTransaction<UserRow>(db, audit, [&](AuditEntry &entry) -> Result<UserRow> {
            UserRow user{0,
                         input.username.value_or(QString()),
                         input.role.value_or(Roles::User),
                         input.fullName.value_or(QString()),
                         input.active.value_or(true),
                         input.branchId.value_or(caller.branchId)};
            if (auto placed = checkPlacement(db, user, caller); !placed.ok())
                return placed.error();
            // COALESCE: a null QString (no full_name given) binds SQL NULL.
            auto row =
                db.exec(QStringLiteral(
                            "INSERT INTO users (username, password_hash, role, full_name, active, "
                            "branch_id) VALUES (?, ?, ?, COALESCE(?, ''), ?, ?) RETURNING id"),
                        {user.username, hash->value_or(QString()), user.role, user.fullName,
                         user.active, nullableId(user.branchId)});
            if (!row.ok())
                return Admin::alreadyTaken(row.error(), Key::Username, kUsernameTaken);
            user.id = row->next() ? row->value(0).toInt() : 0;
            entry.entityId = user.id;
            entry.details = Admin::withoutId(user.toJson());
            return user;
        });
    if (!created.ok())
        return created.error();
    return QJsonObject{{Key::User, created->toJson()}};
}

Result<QJsonObject> update(WorkerContext &ctx, int id, const UserInput &input,
                           const Principal &caller)
{
    return change(ctx, id, input, caller, QStringLiteral("user.update"));
}

Result<QJsonObject> deactivate(WorkerContext &ctx, int id, const Principal &caller)
{
    UserInput input;
    input.active = false;
    return change(ctx, id, input, caller, QStringLiteral("user.deactivate"));
}

} // namespace UserAdmin

} // namespace Nextup
