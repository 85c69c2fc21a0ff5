#include "domain/branchscope.h"

#include <QJsonObject>

#include "domain/adminsupport.h"
#include "nextup/wire/keys.h"
#include "store/database.h"

namespace Nextup {

namespace {
// `sql` selects the object's branch id from its id; none (no such object) is not reached either.
Outcome reached(Database &db, const QString &sql, qint64 id, const Principal &caller,
                const QString &what)
{
    if (caller.branchId == 0)
        return Done{};
    auto row = db.exec(sql, {id});
    if (!row.ok())
        return row.error();
    if (row->next() && !row->value(0).isNull() && caller.reaches(row->value(0).toInt()))
        return Done{};
    return ApiError::notFound(QStringLiteral("%1 %2 does not exist.").arg(what).arg(id));
}
} // namespace

namespace BranchScope {

Outcome branch(Database &, qint64 branchId, const Principal &caller)
{
    if (caller.reaches(int(branchId)))
        return Done{};
    return Admin::notFound(QStringLiteral("Branch"), int(branchId));
}

Outcome service(Database &db, qint64 serviceId, const Principal &caller)
{
    return reached(db, QStringLiteral("SELECT branch_id FROM services WHERE id = ?"), serviceId,
                   caller, QStringLiteral("Service"));
}

Outcome counter(Database &db, qint64 counterId, const Principal &caller)
{
    return reached(db, QStringLiteral("SELECT branch_id FROM counters WHERE id = ?"), counterId,
                   caller, QStringLiteral("Counter"));
}

Outcome token(Database &db, qint64 tokenId, const Principal &caller)
{
    return reached(db,
                   QStringLiteral("SELECT s.branch_id FROM tokens t JOIN services s "
                                  "ON s.id = t.service_id WHERE t.id = ?"),
                   tokenId, caller, QStringLiteral("Token"));
}

Outcome user(Database &db, qint64 userId, const Principal &caller)
{
    return reached(db, QStringLiteral("SELECT branch_id FROM users WHERE id = ?"), userId, caller,
                   QStringLiteral("User"));
}

Outcome assignable(int branchId, const Principal &caller)
{
    if (caller.reaches(branchId))
        return Done{};
    return ApiError{403, QStringLiteral("forbidden"),
                    QStringLiteral("You manage branch %1 only.").arg(caller.branchId),
                    QJsonObject{{Wire::Key::BranchId, QStringLiteral("Not your branch.")}}};
}

} // namespace BranchScope

} // namespace Nextup
