#pragma once

#include <optional>

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include "core/apierror.h"

namespace Nextup {

// Field-by-field checks of a JSON body. Every failed field is collected, so one 400 answer
// (validation_failed, details {"field": "what is wrong"}) lists them all. Unknown fields are
// ignored, for forward compatibility.
class JsonValidator
{
public:
    explicit JsonValidator(QJsonObject body) : m_body(std::move(body)) {}

    std::optional<qint64> integer(const QString &field, bool required, qint64 min, qint64 max);
    std::optional<QString> string(const QString &field, bool required, int minLength,
                                  int maxLength);
    std::optional<bool> boolean(const QString &field, bool required);
    std::optional<QDateTime> timestamp(const QString &field, bool required);
    std::optional<QList<int>> idList(const QString &field, bool required);
    bool has(const QString &field) const
    {
        return m_body.contains(field) && !m_body.value(field).isNull();
    }
    const QJsonObject &body() const { return m_body; }

    void fail(const QString &field, const QString &message);
    bool ok() const { return m_problems.isEmpty(); }
    ApiError error() const { return ApiError::validation(m_problems); }

private:
    bool present(const QString &field, bool required);

    QJsonObject m_body;
    QJsonObject m_problems;
};

} // namespace Nextup
