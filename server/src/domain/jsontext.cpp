#include "domain/jsontext.h"

#include <QJsonDocument>

namespace Nextup {

void JsonText::key(QStringView name)
{
    if (m_out.size() > 1)
        m_out += ',';
    m_out += '"';
    for (const QChar c : name)
        m_out += char(c.unicode());
    m_out += "\":";
}

void JsonText::number(QStringView name, qint64 value)
{
    key(name);
    m_out += QByteArray::number(value);
}

void JsonText::text(QStringView name, const QString &value)
{
    key(name);
    appendString(m_out, value);
}

void JsonText::textOrNull(QStringView name, const QString &value)
{
    if (value.isEmpty()) {
        key(name);
        m_out += "null";
    } else {
        text(name, value);
    }
}

void JsonText::idOrNull(QStringView name, qint64 value)
{
    if (value == 0) {
        key(name);
        m_out += "null";
    } else {
        number(name, value);
    }
}

void JsonText::object(QStringView name, const QJsonObject &value)
{
    key(name);
    if (value.isEmpty())
        m_out += "{}";
    else
        m_out += QJsonDocument(value).toJson(QJsonDocument::Compact);
}

QByteArray JsonText::finish()
{
    m_out += '}';
    return std::move(m_out);
}

QByteArray JsonText::stringArray(const QStringList &values)
{
    QByteArray out = QByteArrayLiteral("[");
    for (const QString &value : values) {
        if (out.size() > 1)
            out += ',';
        appendString(out, value);
    }
    out += ']';
    return out;
}

void JsonText::appendString(QByteArray &out, const QString &value)
{
    out += '"';
    const QByteArray utf8 = value.toUtf8();
    qsizetype plainFrom = 0; // runs needing no escape are appended whole
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const auto byte = static_cast<unsigned char>(utf8.at(i));
        if (byte != '"' && byte != '\\' && byte >= 0x20)
            continue;
        out.append(utf8.constData() + plainFrom, i - plainFrom);
        plainFrom = i + 1;
        if (byte == '"' || byte == '\\') {
            out += '\\';
            out += char(byte);
            continue;
        }
        // Control characters: the short forms QJsonDocument writes, \u00XX for the rest.
        switch (byte) {
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default: {
            static const char hex[] = "0123456789abcdef";
            out += "\\u00";
            out += hex[byte >> 4];
            out += hex[byte & 0xf];
        }
        }
    }
    out.append(utf8.constData() + plainFrom, utf8.size() - plainFrom);
    out += '"';
}

} // namespace Nextup
