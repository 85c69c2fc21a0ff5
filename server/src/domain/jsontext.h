#pragma once

#include <concepts>

#include <QAnyStringView>
#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QStringList>

#include "nextup/wire/records.h"

namespace Nextup {

// Compact JSON text written member by member, for the hot paths (a batch's rows for Postgres, the
// events of every token change): building a QJsonObject and serialising it cost several times
// more than the text itself. Strings are escaped as RFC 8259 requires; keys must be plain ASCII
// names. The output matches QJsonDocument's compact form for the same members in the same order.
class JsonText
{
public:
    JsonText() { m_out.reserve(256); }

    void number(QAnyStringView name, qint64 value);
    void text(QAnyStringView name, const QString &value);
    void textOrNull(QAnyStringView name, const QString &value); // empty -> null
    void idOrNull(QAnyStringView name, qint64 value);           // 0 -> null
    void object(QAnyStringView name, const QJsonObject &value);

    // The object so far, closed.
    QByteArray finish();

    // ["a","b"]
    static QByteArray stringArray(const QStringList &values);
    // "text", escaped and quoted
    static void appendString(QByteArray &out, const QString &value);

private:
    void key(QAnyStringView name);

    QByteArray m_out = QByteArrayLiteral("{");
};

// Writes a wire record as JsonText: the `io` of its members() (nextup/wire/records.h), for the
// records the server sends often (every token change's event, every new token's answer).
struct JsonTextIo
{
    JsonText &out;

    template <std::integral Number>
    void operator()(QLatin1StringView key, Number value, Wire::Empty empty = Wire::Empty::AsIs)
    {
        number(key, qint64(value), empty);
    }
    void operator()(QLatin1StringView key, const QString &value,
                    Wire::Empty empty = Wire::Empty::AsIs);
    void operator()(QLatin1StringView key, const QDateTime &value,
                    Wire::Empty empty = Wire::Empty::AsIs);
    // An object member; anything else is written as {}.
    void operator()(QLatin1StringView key, const QJsonValue &value,
                    Wire::Empty empty = Wire::Empty::AsIs);
    // Would otherwise be written as 0 or 1; no record written this way has a bool member yet.
    void operator()(QLatin1StringView key, bool value,
                    Wire::Empty empty = Wire::Empty::AsIs) = delete;

private:
    void number(QLatin1StringView key, qint64 value, Wire::Empty empty);
};

} // namespace Nextup
