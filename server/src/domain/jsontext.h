#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QStringList>

namespace Nextup {

// Compact JSON text written member by member, for the hot paths (a batch's rows for Postgres, the
// events of every token change): building a QJsonObject and serialising it cost several times
// more than the text itself. Strings are escaped as RFC 8259 requires; keys must be plain ASCII
// names. The output matches QJsonDocument's compact form for the same members in the same order.
class JsonText
{
public:
    JsonText() { m_out.reserve(256); }

    void number(QStringView name, qint64 value);
    void text(QStringView name, const QString &value);
    void textOrNull(QStringView name, const QString &value); // empty -> null
    void idOrNull(QStringView name, qint64 value);           // 0 -> null
    void object(QStringView name, const QJsonObject &value);

    // The object so far, closed.
    QByteArray finish();

    // ["a","b"]
    static QByteArray stringArray(const QStringList &values);
    // "text", escaped and quoted
    static void appendString(QByteArray &out, const QString &value);

private:
    void key(QStringView name);

    QByteArray m_out = QByteArrayLiteral("{");
};

} // namespace Nextup
