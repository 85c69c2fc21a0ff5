#pragma once

#include <optional>

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include "core/apierror.h"
#include "domain/auditlog.h"
#include "nextup/wire/records.h"
#include "store/database.h"

namespace Nextup {

// What the admin services (CatalogAdmin, CounterAdmin, UserAdmin) share: one audited
// transaction per change, row locks for read-modify-write, and the conflict answers.
namespace Admin {

// Runs `change` in one transaction. `change` fills the audit entry's details (and the id of a
// new row); the audit row is written in the same transaction when there are details, so a
// request that changed nothing leaves no row and a refused one leaves neither.
template <typename T, typename Change>
Result<T> auditedTransaction(Database &db, AuditEntry entry, Change &&change)
{
    return db.transaction<T>([&]() -> Result<T> {
        Result<T> result = change(entry);
        if (!result.ok() || entry.details.isEmpty())
            return result;
        if (auto recorded = AuditLog::record(db, entry); !recorded.ok())
            return recorded.error();
        return result;
    });
}

// Applies a partial update's `given` value to `stored` when it differs, and notes the new value
// under `field` in `changes` (the audit row's details).
template <typename T>
void applyChange(const std::optional<T> &given, T &stored, const QString &field,
                 QJsonObject &changes)
{
    if (!given || *given == stored)
        return;
    stored = *given;
    if constexpr (std::is_same_v<T, Wire::Texts>)
        changes.insert(field, Wire::textsJson(stored));
    else
        changes.insert(field, QJsonValue(stored));
}

// Locks the row until the transaction ends, so concurrent updates of it cannot interleave their
// reads and writes. False when there is no such row.
Result<bool> lockRow(Database &db, const QString &table, int id);

// A unique violation (already_exists) told as a field-level 409; other errors pass unchanged.
ApiError alreadyTaken(const ApiError &error, const QString &field, const QString &message);

ApiError notFound(const QString &what, int id);

// The record a Catalog lookup found, or the 404 of `what` (e.g. "Service") when there is none.
template <typename Record>
Result<Record> existing(Result<std::optional<Record>> found, const QString &what, int id)
{
    if (!found.ok())
        return found.error();
    if (!found->has_value())
        return notFound(what, id);
    return **found;
}

// Locks the row (see lockRow), then reads it with `read`; the 404 of `what` when there is none.
template <typename Read>
auto lockedExisting(Database &db, const QString &table, const QString &what, int id, Read &&read)
    -> decltype(read())
{
    auto locked = lockRow(db, table, id);
    if (!locked.ok())
        return locked.error();
    if (!*locked)
        return notFound(what, id);
    return read();
}

// The invalid_state 409 of an action the row's current state forbids.
ApiError invalidState(const QString &message);

// A row's JSON without its id: the details of a create or delete audit row.
QJsonObject withoutId(QJsonObject row);

} // namespace Admin

} // namespace Nextup
