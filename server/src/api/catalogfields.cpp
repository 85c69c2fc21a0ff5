#include "api/catalogfields.h"

#include "nextup/wire/keys.h"

namespace Nextup {

namespace Key = Wire::Key;

namespace {
const int kMaxNameLength = 100;
} // namespace

namespace CatalogFields {

std::optional<QString> name(JsonValidator &check, bool required)
{
    const QString field = Key::Name;
    auto name = check.string(field, required, 1, kMaxNameLength);
    if (name && name->trimmed().isEmpty()) {
        check.fail(field, QStringLiteral("Must not be blank."));
        return std::nullopt;
    }
    return name;
}

std::optional<int> integer(JsonValidator &check, const QString &field, bool required, qint64 min,
                           qint64 max)
{
    const auto value = check.integer(field, required, min, max);
    return value ? std::optional<int>(int(*value)) : std::nullopt;
}

Result<QJsonObject> visibleTo(const Principal &caller, Result<QJsonObject> row,
                              QLatin1StringView key, const QString &what, int id)
{
    if (!row.ok() || caller.isAdmin() || row->value(key).toObject().value(Key::Active).toBool())
        return row;
    return ApiError::notFound(QStringLiteral("%1 %2 does not exist.").arg(what).arg(id));
}

} // namespace CatalogFields

} // namespace Nextup
