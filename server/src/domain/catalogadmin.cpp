#include "domain/catalogadmin.h"

#include "core/workercontext.h"
#include "domain/adminsupport.h"
#include "domain/etaestimator.h"
#include "nextup/wire/keys.h"
#include "store/database.h"

namespace Nextup {

namespace Key = Wire::Key;

namespace {
const QString kBranch = QStringLiteral("branch");   // the audit log's entity
const QString kService = QStringLiteral("service"); // the audit log's entity

Outcome branchExists(Database &db, int branchId)
{
    auto branch = Catalog::branch(db, branchId);
    if (!branch.ok())
        return branch.error();
    if (!branch->has_value())
        return ApiError::validation(QJsonObject{
            {Key::BranchId, QStringLiteral("Branch %1 does not exist.").arg(branchId)}});
    return Done{};
}

Result<BranchRecord> lockedBranch(Database &db, int id)
{
    return Admin::lockedExisting(db, QStringLiteral("branches"), QStringLiteral("Branch"), id, [&] {
        return Admin::existing(Catalog::branch(db, id), QStringLiteral("Branch"), id);
    });
}

// A branch code is unique whatever its case (links are typed by people).
Outcome codeFree(Database &db, const std::optional<QString> &code, int exceptBranch)
{
    if (!code)
        return Done{};
    auto taken =
        db.exec(QStringLiteral("SELECT 1 FROM branches WHERE lower(code) = lower(?) AND id <> ?"),
                {*code, exceptBranch});
    if (!taken.ok())
        return taken.error();
    if (!taken->next())
        return Done{};
    const QString message = QStringLiteral("Another branch has that code.");
    return ApiError{409, QStringLiteral("already_exists"), message,
                    QJsonObject{{Key::Code, message}}};
}

Result<ServiceRecord> loadService(Database &db, int id)
{
    return Admin::existing(Catalog::service(db, id), QStringLiteral("Service"), id);
}

Result<ServiceRecord> lockedService(Database &db, int id)
{
    return Admin::lockedExisting(db, QStringLiteral("services"), QStringLiteral("Service"), id,
                                 [&] { return loadService(db, id); });
}

Result<qint64> countOf(Database &db, const QString &sql, const QVariantList &params)
{
    auto rows = db.exec(sql, params);
    if (!rows.ok())
        return rows.error();
    return rows->next() ? rows->value(0).toLongLong() : 0;
}

// What a service update must not break: counters of another branch serving it, and customers
// still in its line (deactivating would hide them from every screen).
Outcome checkServiceChange(Database &db, const ServiceRecord &before, const ServiceRecord &after)
{
    if (after.branchId != before.branchId) {
        if (auto exists = branchExists(db, after.branchId); !exists.ok())
            return exists;
        auto serving = countOf(
            db,
            QStringLiteral("SELECT count(*) FROM counter_services cs JOIN counters c "
                           "ON c.id = cs.counter_id WHERE cs.service_id = ? AND c.branch_id <> ?"),
            {after.id, after.branchId});
        if (!serving.ok())
            return serving.error();
        if (*serving > 0)
            return Admin::invalidState(
                QStringLiteral("%1 counter(s) of branch %2 serve this service; "
                               "change their services first.")
                    .arg(*serving)
                    .arg(before.branchId));
    }
    if (before.active && !after.active) {
        auto live =
            countOf(db,
                    QStringLiteral(
                        "SELECT count(*) FROM tokens WHERE service_id = ? AND status IN "
                        "('waiting', 'called', 'serving') AND business_date >= current_date - 1"),
                    {after.id});
        if (!live.ok())
            return live.error();
        if (*live > 0)
            return Admin::invalidState(
                QStringLiteral("%1 token(s) of %2 are still waiting or at a counter.")
                    .arg(*live)
                    .arg(after.name));
    }
    return Done{};
}

// The service as the update leaves it; the fields that differ are noted in `changes`.
ServiceRecord merged(const ServiceRecord &before, const ServiceInput &input, QJsonObject &changes)
{
    ServiceRecord after = before;
    Admin::applyChange(input.branchId, after.branchId, Key::BranchId, changes);
    Admin::applyChange(input.code, after.code, Key::Code, changes);
    Admin::applyChange(input.name, after.name, Key::Name, changes);
    Admin::applyChange(input.avgServiceSeconds, after.avgServiceSeconds, Key::AvgServiceSeconds,
                       changes);
    Admin::applyChange(input.targetWaitSeconds, after.targetWaitSeconds, Key::TargetWaitSeconds,
                       changes);
    Admin::applyChange(input.active, after.active, Key::Active, changes);
    Admin::applyChange(input.names, after.names, Key::Names, changes);
    Admin::applyChange(input.description, after.description, Key::Description, changes);
    Admin::applyChange(input.descriptions, after.descriptions, Key::Descriptions, changes);
    return after;
}

// Checks and writes one service update, inside its transaction.
Result<ServiceRecord> store(Database &db, const ServiceRecord &before, const ServiceRecord &after)
{
    if (auto allowed = checkServiceChange(db, before, after); !allowed.ok())
        return allowed.error();
    auto row =
        db.exec(QStringLiteral("UPDATE services SET branch_id = ?, code = ?, name = ?, "
                               "avg_service_seconds = ?, target_wait_seconds = ?, active = ?, "
                               "names = ?::jsonb, description = COALESCE(?, ''), descriptions = "
                               "?::jsonb WHERE id = ?"),
                {after.branchId, after.code, after.name, after.avgServiceSeconds,
                 after.targetWaitSeconds, after.active, Catalog::textsColumn(after.names),
                 after.description, Catalog::textsColumn(after.descriptions), after.id});
    if (!row.ok())
        return Admin::alreadyTaken(row.error(), Key::Code,
                                   QStringLiteral("Another service of the branch has that code."));
    return loadService(db, after.id); // the branch's time zone may have changed with it
}
} // namespace

Result<QJsonArray> CatalogAdmin::branches(WorkerContext &ctx) const
{
    auto rows = Catalog::branches(ctx.db());
    if (!rows.ok())
        return rows.error();
    QJsonArray out;
    for (const BranchRecord &branch : *rows)
        out.append(branch.toJson());
    return out;
}

Result<QJsonObject> CatalogAdmin::branch(WorkerContext &ctx, int id) const
{
    auto branch = Admin::existing(Catalog::branch(ctx.db(), id), QStringLiteral("Branch"), id);
    if (!branch.ok())
        return branch.error();
    return QJsonObject{{Key::Branch, branch->toJson()}};
}

Result<QJsonObject> CatalogAdmin::createBranch(WorkerContext &ctx, const BranchInput &input,
                                               const Principal &caller) const
{
    Database &db = ctx.db();
    const AuditEntry audit{caller.userId, QStringLiteral("branch.create"), kBranch, 0, {}};
    auto created = Admin::auditedTransaction<BranchRecord>(
        db, audit, [&](AuditEntry &entry) -> Result<BranchRecord> {
            if (auto free = codeFree(db, input.code, 0); !free.ok())
                return free.error();
            // A null code is given one by the database (B<id>, sql/0011).
            auto row = db.exec(
                QStringLiteral("INSERT INTO branches (name, timezone, code, address, names) "
                               "VALUES (?, ?, ?, COALESCE(?, ''), ?::jsonb) RETURNING id"),
                {input.name.value_or(QString()), input.timezone.value_or(QStringLiteral("UTC")),
                 input.code.value_or(QString()), input.address.value_or(QString()),
                 Catalog::textsColumn(input.names.value_or(Wire::Texts()))});
            if (!row.ok())
                return Admin::alreadyTaken(row.error(), Key::Name,
                                           QStringLiteral("A branch has that name."));
            const int id = row->next() ? row->value(0).toInt() : 0;
            auto branch = Admin::existing(Catalog::branch(db, id), QStringLiteral("Branch"), id);
            if (!branch.ok())
                return branch;
            entry.entityId = branch->id;
            entry.details = Admin::withoutId(branch->toJson());
            return branch;
        });
    if (!created.ok())
        return created.error();
    return QJsonObject{{Key::Branch, created->toJson()}};
}

Result<QJsonObject> CatalogAdmin::updateBranch(WorkerContext &ctx, int id, const BranchInput &input,
                                               const Principal &caller) const
{
    Database &db = ctx.db();
    const AuditEntry audit{caller.userId, QStringLiteral("branch.update"), kBranch, id, {}};
    auto updated = Admin::auditedTransaction<BranchRecord>(
        db, audit, [&](AuditEntry &entry) -> Result<BranchRecord> {
            auto branch = lockedBranch(db, id);
            if (!branch.ok())
                return branch;
            Admin::applyChange(input.name, branch->name, Key::Name, entry.details);
            Admin::applyChange(input.timezone, branch->timezone, Key::Timezone, entry.details);
            Admin::applyChange(input.address, branch->address, Key::Address, entry.details);
            Admin::applyChange(input.names, branch->names, Key::Names, entry.details);
            if (input.code && input.code->compare(branch->code, Qt::CaseInsensitive) != 0) {
                if (auto free = codeFree(db, input.code, id); !free.ok())
                    return free.error();
            }
            Admin::applyChange(input.code, branch->code, Key::Code, entry.details);
            if (entry.details.isEmpty())
                return branch;
            auto row =
                db.exec(QStringLiteral("UPDATE branches SET name = ?, timezone = ?, code = ?, "
                                       "address = COALESCE(?, ''), names = ?::jsonb WHERE id = ?"),
                        {branch->name, branch->timezone, branch->code, branch->address,
                         Catalog::textsColumn(branch->names), id});
            if (!row.ok())
                return Admin::alreadyTaken(row.error(), Key::Name,
                                           QStringLiteral("A branch has that name."));
            return branch;
        });
    if (!updated.ok())
        return updated.error();
    return QJsonObject{{Key::Branch, updated->toJson()}};
}

Result<QJsonObject> CatalogAdmin::deleteBranch(WorkerContext &ctx, int id,
                                               const Principal &caller) const
{
    Database &db = ctx.db();
    const AuditEntry audit{caller.userId, QStringLiteral("branch.delete"), kBranch, id, {}};
    auto deleted = Admin::auditedTransaction<BranchRecord>(
        db, audit, [&](AuditEntry &entry) -> Result<BranchRecord> {
            auto branch = lockedBranch(db, id);
            if (!branch.ok())
                return branch;
            auto users = countOf(
                db,
                QStringLiteral("SELECT (SELECT count(*) FROM services WHERE branch_id = ?) + "
                               "(SELECT count(*) FROM counters WHERE branch_id = ?)"),
                {id, id});
            if (!users.ok())
                return users.error();
            if (*users > 0)
                return Admin::invalidState(
                    QStringLiteral("%1 still has services or counters; it cannot be deleted.")
                        .arg(branch->name));
            auto row = db.exec(QStringLiteral("DELETE FROM branches WHERE id = ?"), {id});
            if (!row.ok())
                return row.error();
            entry.details = Admin::withoutId(branch->toJson());
            return branch;
        });
    if (!deleted.ok())
        return deleted.error();
    return QJsonObject{{Key::Branch, deleted->toJson()}};
}

Result<QJsonObject> CatalogAdmin::service(WorkerContext &ctx, int id) const
{
    auto service = loadService(ctx.db(), id);
    if (!service.ok())
        return service.error();
    return QJsonObject{{Key::Service, service->toJson()}};
}

Result<QJsonObject> CatalogAdmin::createService(WorkerContext &ctx, const ServiceInput &input,
                                                const Principal &caller) const
{
    Database &db = ctx.db();
    const ServiceRecord defaults;
    const AuditEntry audit{caller.userId, QStringLiteral("service.create"), kService, 0, {}};
    auto created = Admin::auditedTransaction<ServiceRecord>(
        db, audit, [&](AuditEntry &entry) -> Result<ServiceRecord> {
            const int branchId = input.branchId.value_or(0);
            if (auto exists = branchExists(db, branchId); !exists.ok())
                return exists.error();
            auto row = db.exec(
                QStringLiteral(
                    "INSERT INTO services (branch_id, code, name, avg_service_seconds, "
                    "target_wait_seconds, active, names, description, descriptions) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, COALESCE(?, ''), ?::jsonb) RETURNING id"),
                {branchId, input.code.value_or(QString()), input.name.value_or(QString()),
                 input.avgServiceSeconds.value_or(defaults.avgServiceSeconds),
                 input.targetWaitSeconds.value_or(defaults.targetWaitSeconds),
                 input.active.value_or(defaults.active),
                 Catalog::textsColumn(input.names.value_or(Wire::Texts())),
                 input.description.value_or(QString()),
                 Catalog::textsColumn(input.descriptions.value_or(Wire::Texts()))});
            if (!row.ok())
                return Admin::alreadyTaken(
                    row.error(), Key::Code,
                    QStringLiteral("Another service of the branch has that code."));
            const int id = row->next() ? row->value(0).toInt() : 0;
            auto service = loadService(db, id);
            if (service.ok()) {
                entry.entityId = id;
                entry.details = Admin::withoutId(service->toJson());
            }
            return service;
        });
    if (!created.ok())
        return created.error();
    return QJsonObject{{Key::Service, created->toJson()}};
}

Result<QJsonObject> CatalogAdmin::updateService(WorkerContext &ctx, int id,
                                                const ServiceInput &input,
                                                const Principal &caller) const
{
    return changeService(ctx, id, input, caller, QStringLiteral("service.update"));
}

Result<QJsonObject> CatalogAdmin::deactivateService(WorkerContext &ctx, int id,
                                                    const Principal &caller) const
{
    ServiceInput input;
    input.active = false;
    return changeService(ctx, id, input, caller, QStringLiteral("service.deactivate"));
}

Result<QJsonObject> CatalogAdmin::changeService(WorkerContext &ctx, int id,
                                                const ServiceInput &input, const Principal &caller,
                                                const QString &action) const
{
    Database &db = ctx.db();
    const AuditEntry audit{caller.userId, action, kService, id, {}};
    auto changed = Admin::auditedTransaction<ServiceRecord>(
        db, audit, [&](AuditEntry &entry) -> Result<ServiceRecord> {
            auto before = lockedService(db, id);
            if (!before.ok())
                return before;
            const ServiceRecord after = merged(*before, input, entry.details);
            if (entry.details.isEmpty())
                return after;
            return store(db, *before, after);
        });
    if (!changed.ok())
        return changed.error();
    // Its configured average, active flag and branch feed every forecast of its branch (and of
    // the one it left).
    m_deps.eta.invalidateAll();
    return QJsonObject{{Key::Service, changed->toJson()}};
}

} // namespace Nextup
