#include "api/jsonvalidator.h"

#include <cmath>

#include <QJsonArray>

namespace Nextup {

void JsonValidator::fail(const QString &field, const QString &message)
{
    if (!m_problems.contains(field))
        m_problems.insert(field, message);
}

bool JsonValidator::present(const QString &field, bool required)
{
    if (has(field))
        return true;
    if (required)
        fail(field, QStringLiteral("Required."));
    return false;
}

std::optional<qint64> JsonValidator::integer(const QString &field, bool required, qint64 min,
                                             qint64 max)
{
    if (!present(field, required))
        return std::nullopt;
    const QJsonValue value = m_body.value(field);
    const double number = value.toDouble();
    if (!value.isDouble() || std::floor(number) != number) {
        fail(field, QStringLiteral("Must be an integer."));
        return std::nullopt;
    }
    if (number < double(min) || number > double(max)) {
        fail(field, QStringLiteral("Must be between %1 and %2.").arg(min).arg(max));
        return std::nullopt;
    }
    return qint64(number);
}

std::optional<QString> JsonValidator::string(const QString &field, bool required, int minLength,
                                             int maxLength)
{
    if (!present(field, required))
        return std::nullopt;
    const QJsonValue value = m_body.value(field);
    if (!value.isString()) {
        fail(field, QStringLiteral("Must be a string."));
        return std::nullopt;
    }
    const QString text = value.toString();
    if (text.size() < minLength || text.size() > maxLength) {
        fail(field, QStringLiteral("Must be %1 to %2 characters.").arg(minLength).arg(maxLength));
        return std::nullopt;
    }
    return text;
}

std::optional<bool> JsonValidator::boolean(const QString &field, bool required)
{
    if (!present(field, required))
        return std::nullopt;
    const QJsonValue value = m_body.value(field);
    if (!value.isBool()) {
        fail(field, QStringLiteral("Must be true or false."));
        return std::nullopt;
    }
    return value.toBool();
}

std::optional<QDateTime> JsonValidator::timestamp(const QString &field, bool required)
{
    if (!present(field, required))
        return std::nullopt;
    const QDateTime time = QDateTime::fromString(m_body.value(field).toString(), Qt::ISODateWithMs);
    if (!time.isValid()) {
        fail(field, QStringLiteral("Must be an ISO 8601 time such as 2026-11-25T14:30:00Z."));
        return std::nullopt;
    }
    return time.toUTC();
}

std::optional<QList<int>> JsonValidator::idList(const QString &field, bool required)
{
    if (!present(field, required))
        return std::nullopt;
    const QJsonValue value = m_body.value(field);
    if (!value.isArray()) {
        fail(field, QStringLiteral("Must be an array of ids."));
        return std::nullopt;
    }
    QList<int> ids;
    for (const QJsonValue item : value.toArray()) {
        const double number = item.toDouble();
        if (!item.isDouble() || std::floor(number) != number || number < 1 || number > 2147483647) {
            fail(field, QStringLiteral("Must be an array of positive integer ids."));
            return std::nullopt;
        }
        if (!ids.contains(int(number)))
            ids.append(int(number));
    }
    return ids;
}

} // namespace Nextup
