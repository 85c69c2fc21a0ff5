#include "api/catalogfields.h"

#include <QRegularExpression>

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

std::optional<Wire::Texts> texts(JsonValidator &check, const QString &field, int maxLength)
{
    static const QRegularExpression language(QStringLiteral("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$"));
    const QJsonValue value = check.body().value(field);
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    const QJsonObject object = value.toObject();
    bool good = value.isObject() && object.size() <= 20;
    Wire::Texts given;
    for (auto it = object.constBegin(); good && it != object.constEnd(); ++it) {
        const QString text = it.value().toString().trimmed();
        good = language.match(it.key()).hasMatch() && it.value().isString() && !text.isEmpty() &&
               text.size() <= maxLength;
        given.insert(it.key(), text);
    }
    if (good)
        return given;
    check.fail(field, QStringLiteral("An object of at most 20 languages, e.g. {\"es\": \"...\", "
                                     "\"ar\": \"...\"}, each text 1 to %1 characters.")
                          .arg(maxLength));
    return std::nullopt;
}

Result<QJsonObject> visibleTo(const Principal &caller, Result<QJsonObject> row,
                              QLatin1StringView key, const QString &what, int id)
{
    if (!row.ok() || caller.isManager() || row->value(key).toObject().value(Key::Active).toBool())
        return row;
    return ApiError::notFound(QStringLiteral("%1 %2 does not exist.").arg(what).arg(id));
}

std::optional<int> idQuery(const ApiRequest &request, const QString &name)
{
    const QString text = request.queryValue(name);
    if (text.isEmpty())
        return 0;
    bool ok = false;
    const qint64 id = text.toLongLong(&ok);
    return ok && id > 0 && id <= kMaxId ? std::optional<int>(int(id)) : std::nullopt;
}

Result<int> idQueryOr400(const ApiRequest &request, const QString &name)
{
    if (const auto id = idQuery(request, name))
        return *id;
    return ApiError::validation(QJsonObject{{name, QStringLiteral("Must be a positive id.")}});
}

} // namespace CatalogFields

} // namespace Nextup
