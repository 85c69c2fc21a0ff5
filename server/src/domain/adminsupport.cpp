#include "domain/adminsupport.h"

#include "nextup/wire/keys.h"

namespace Nextup {

namespace Admin {

Result<bool> lockRow(Database &db, const QString &table, int id)
{
    // `table` is always one of our literals, never input.
    auto row =
        db.exec(QStringLiteral("SELECT id FROM %1 WHERE id = ? FOR UPDATE").arg(table), {id});
    if (!row.ok())
        return row.error();
    return row->next();
}

ApiError alreadyTaken(const ApiError &error, const QString &field, const QString &message)
{
    if (error.code != u"already_exists")
        return error;
    return ApiError{409, error.code, message, QJsonObject{{field, message}}};
}

ApiError notFound(const QString &what, int id)
{
    return ApiError::notFound(QStringLiteral("%1 %2 does not exist.").arg(what).arg(id));
}

ApiError invalidState(const QString &message)
{
    return ApiError::conflict(QStringLiteral("invalid_state"), message);
}

QJsonObject withoutId(QJsonObject row)
{
    row.remove(Wire::Key::Id);
    return row;
}

} // namespace Admin

} // namespace Nextup
