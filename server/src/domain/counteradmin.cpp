#include "domain/counteradmin.h"

#include <algorithm>

#include <QJsonArray>

#include "core/workercontext.h"
#include "domain/adminsupport.h"
#include "domain/etaestimator.h"
#include "domain/eventpublisher.h"
#include "domain/tokenrepository.h"
#include "nextup/wire/keys.h"
#include "store/database.h"

namespace Nextup {

namespace Key = Wire::Key;

namespace {
const QString kCounter = QStringLiteral("counter"); // the audit log's entity

QString idText(const QList<int> &ids)
{
    QStringList parts;
    for (int id : ids)
        parts.append(QString::number(id));
    return parts.join(u',');
}

QJsonArray idArray(const QList<int> &ids)
{
    QJsonArray out;
    for (int id : ids)
        out.append(id);
    return out;
}

Result<CounterRecord> loadCounter(Database &db, int id)
{
    return Admin::existing(Catalog::counter(db, id), QStringLiteral("Counter"), id);
}

Result<CounterRecord> lockedCounter(Database &db, int id)
{
    return Admin::lockedExisting(db, QStringLiteral("counters"), QStringLiteral("Counter"), id,
                                 [&] { return loadCounter(db, id); });
}

// The branch exists and every service is one of its own: a counter serves one floor.
Outcome checkPlacement(Database &db, int branchId, const QList<int> &serviceIds)
{
    auto branch = Catalog::branch(db, branchId);
    if (!branch.ok())
        return branch.error();
    if (!branch->has_value())
        return ApiError::validation(QJsonObject{
            {Key::BranchId, QStringLiteral("Branch %1 does not exist.").arg(branchId)}});
    auto found = db.exec(QStringLiteral("SELECT count(*) FROM services WHERE branch_id = ? AND "
                                        "id = ANY(string_to_array(?, ',')::int[])"),
                         {branchId, idText(serviceIds)});
    if (!found.ok())
        return found.error();
    if ((found->next() ? found->value(0).toInt() : 0) != serviceIds.size())
        return ApiError::validation(QJsonObject{
            {Key::ServiceIds,
             QStringLiteral("Each must be an existing service of branch %1.").arg(branchId)}});
    return Done{};
}

// A counter leaves the floor only when nobody works at it and no customer was sent to it.
Outcome checkDeactivation(Database &db, const CounterRecord &counter)
{
    if (!counter.hasStatus(Wire::CounterStatus::Closed))
        return Admin::invalidState(
            QStringLiteral("%1 is %2; close it first.").arg(counter.name, counter.status));
    auto current = TokenRepository::currentAt(db, counter.id);
    if (!current.ok())
        return current.error();
    if (current->has_value())
        return Admin::invalidState(
            QStringLiteral("%1 is still at %2.").arg((*current)->tokenNumber, counter.name));
    auto sent =
        db.exec(QStringLiteral("SELECT count(*) FROM tokens WHERE target_counter_id = ? AND "
                               "status = 'waiting' AND business_date >= current_date - 1"),
                {counter.id});
    if (!sent.ok())
        return sent.error();
    if (const int waiting = sent->next() ? sent->value(0).toInt() : 0; waiting > 0)
        return Admin::invalidState(
            QStringLiteral("%1 token(s) were transferred to %2 and wait there.")
                .arg(waiting)
                .arg(counter.name));
    return Done{};
}

Outcome replaceServices(Database &db, int counterId, const QList<int> &serviceIds)
{
    auto removed =
        db.exec(QStringLiteral("DELETE FROM counter_services WHERE counter_id = ?"), {counterId});
    if (!removed.ok())
        return removed.error();
    auto added = db.exec(QStringLiteral("INSERT INTO counter_services (counter_id, service_id) "
                                        "SELECT ?, unnest(string_to_array(?, ',')::int[])"),
                         {counterId, idText(serviceIds)});
    if (!added.ok())
        return added.error();
    return Done{};
}

// The counter as the update leaves it; the fields that differ are noted in `changes`.
CounterRecord merged(const CounterRecord &before, const CounterInput &input, QJsonObject &changes)
{
    CounterRecord after = before;
    Admin::applyChange(input.branchId, after.branchId, Key::BranchId, changes);
    Admin::applyChange(input.name, after.name, Key::Name, changes);
    Admin::applyChange(input.active, after.active, Key::Active, changes);
    Admin::applyChange(input.names, after.names, Key::Names, changes);
    if (input.serviceIds) {
        QList<int> wanted = *input.serviceIds;
        std::sort(wanted.begin(), wanted.end()); // as Catalog reads them
        if (wanted != after.serviceIds) {
            after.serviceIds = wanted;
            changes.insert(Key::ServiceIds, idArray(wanted));
        }
    }
    return after;
}

// Checks and writes one counter update, inside its transaction.
Result<CounterRecord> store(Database &db, const CounterRecord &before, const CounterRecord &after)
{
    const bool servicesChanged = after.serviceIds != before.serviceIds;
    if (after.branchId != before.branchId || servicesChanged) {
        if (auto placed = checkPlacement(db, after.branchId, after.serviceIds); !placed.ok())
            return placed.error();
    }
    if (before.active && !after.active) {
        if (auto allowed = checkDeactivation(db, before); !allowed.ok())
            return allowed.error();
    }
    auto row = db.exec(
        QStringLiteral("UPDATE counters SET branch_id = ?, name = ?, active = ?, names = ?::jsonb "
                       "WHERE id = ?"),
        {after.branchId, after.name, after.active, Catalog::textsColumn(after.names), after.id});
    if (!row.ok())
        return Admin::alreadyTaken(row.error(), Key::Name,
                                   QStringLiteral("Another counter of the branch has that name."));
    if (servicesChanged) {
        if (auto linked = replaceServices(db, after.id, after.serviceIds); !linked.ok())
            return linked.error();
    }
    return loadCounter(db, after.id);
}
} // namespace

Result<QJsonObject> CounterAdmin::counter(WorkerContext &ctx, int id) const
{
    auto counter = loadCounter(ctx.db(), id);
    if (!counter.ok())
        return counter.error();
    return QJsonObject{{Key::Counter, counter->toJson()}};
}

Result<QJsonObject> CounterAdmin::create(WorkerContext &ctx, const CounterInput &input,
                                         const Principal &caller) const
{
    Database &db = ctx.db();
    const AuditEntry audit{caller.userId, QStringLiteral("counter.create"), kCounter, 0, {}};
    auto created = Admin::auditedTransaction<CounterRecord>(
        db, audit, [&](AuditEntry &entry) -> Result<CounterRecord> {
            const int branchId = input.branchId.value_or(0);
            const QList<int> serviceIds = input.serviceIds.value_or(QList<int>());
            if (auto placed = checkPlacement(db, branchId, serviceIds); !placed.ok())
                return placed.error();
            auto row =
                db.exec(QStringLiteral("INSERT INTO counters (branch_id, name, active, names) "
                                       "VALUES (?, ?, ?, ?::jsonb) RETURNING id"),
                        {branchId, input.name.value_or(QString()), input.active.value_or(true),
                         Catalog::textsColumn(input.names.value_or(Wire::Texts()))});
            if (!row.ok())
                return Admin::alreadyTaken(
                    row.error(), Key::Name,
                    QStringLiteral("Another counter of the branch has that name."));
            const int id = row->next() ? row->value(0).toInt() : 0;
            if (auto linked = replaceServices(db, id, serviceIds); !linked.ok())
                return linked.error();
            auto counter = loadCounter(db, id);
            if (counter.ok()) {
                entry.entityId = id;
                entry.details = Admin::withoutId(counter->toJson());
            }
            return counter;
        });
    if (!created.ok())
        return created.error();
    return announce(ctx, {}, *created);
}

Result<QJsonObject> CounterAdmin::update(WorkerContext &ctx, int id, const CounterInput &input,
                                         const Principal &caller) const
{
    return change(ctx, id, input, caller, QStringLiteral("counter.update"));
}

Result<QJsonObject> CounterAdmin::deactivate(WorkerContext &ctx, int id,
                                             const Principal &caller) const
{
    CounterInput input;
    input.active = false;
    return change(ctx, id, input, caller, QStringLiteral("counter.deactivate"));
}

Result<QJsonObject> CounterAdmin::change(WorkerContext &ctx, int id, const CounterInput &input,
                                         const Principal &caller, const QString &action) const
{
    Database &db = ctx.db();
    QList<int> servicesBefore;
    const AuditEntry audit{caller.userId, action, kCounter, id, {}};
    auto changed = Admin::auditedTransaction<CounterRecord>(
        db, audit, [&](AuditEntry &entry) -> Result<CounterRecord> {
            auto before = lockedCounter(db, id);
            if (!before.ok())
                return before;
            servicesBefore = before->serviceIds;
            const CounterRecord after = merged(*before, input, entry.details);
            if (entry.details.isEmpty())
                return after;
            return store(db, *before, after);
        });
    if (!changed.ok())
        return changed.error();
    return announce(ctx, servicesBefore, *changed);
}

QJsonObject CounterAdmin::announce(WorkerContext &ctx, const QList<int> &servicesBefore,
                                   const CounterRecord &counter) const
{
    // An admin's change shows at once (not after the second the floor's churn waits).
    for (int serviceId : servicesBefore)
        m_deps.eta.invalidateNow(serviceId);
    for (int serviceId : counter.serviceIds)
        m_deps.eta.invalidateNow(serviceId);
    m_deps.events.publishCounter(ctx.redis(), counter);
    return QJsonObject{{Key::Counter, counter.toJson(Wire::Form::Row)}};
}

} // namespace Nextup
