#pragma once

#include <QJsonObject>
#include <QString>

#include "core/apierror.h"

namespace Nextup {

class Database;

// One admin change: who did what to which row, and the fields it set (never a password).
struct AuditEntry
{
    int actorId = 0;
    QString action; // "<entity>.<verb>": service.create, user.update, counter.deactivate
    QString entity;
    qint64 entityId = 0;
    QJsonObject details;
};

// The admin audit trail in Postgres. record() runs inside the transaction of the change it
// describes, so a change is never kept without its row, nor a row without its change.
namespace AuditLog {

Outcome record(Database &db, const AuditEntry &entry);
// {items:[{id, actor_id, actor, action, entity, entity_id, details, at}], page, page_size, total},
// newest first; page counts from 1.
Result<QJsonObject> page(Database &db, int page, int pageSize);

} // namespace AuditLog

} // namespace Nextup
