#include "domain/jsontext.h"

#include <type_traits>

#include <QJsonDocument>

#include "nextup/wire/isotime.h"

namespace Nextup {

void JsonText::key(QAnyStringView name)
{
    if (m_out.size() > 1)
        m_out += ',';
    m_out += '"';
    name.visit([this](auto view) {
        if constexpr (std::is_same_v<decltype(view), QStringView>) {
            for (const QChar c : view)
                m_out += char(c.unicode());
        } else {
            m_out.append(view.data(), view.size()); // Latin-1 or UTF-8: plain ASCII names
        }
    });
    m_out += "\":";
}

void JsonText::number(QAnyStringView name, qint64 value)
{
    key(name);
    m_out += QByteArray::number(value);
}

void JsonText::text(QAnyStringView name, const QString &value)
{
    key(name);
    appendString(m_out, value);
}

void JsonText::textOrNull(QAnyStringView name, const QString &value)
{
    if (value.isEmpty()) {
        key(name);
        m_out += "null";
    } else {
        text(name, value);
    }
}

void JsonText::idOrNull(QAnyStringView name, qint64 value)
{
    if (value == 0) {
        key(name);
        m_out += "null";
    } else {
        number(name, value);
    }
}

void JsonText::object(QAnyStringView name, const QJsonObject &value)
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

void JsonTextIo::number(QLatin1StringView key, qint64 value, Wire::Empty empty)
{
    if (empty == Wire::Empty::Null)
        out.idOrNull(key, value);
    else
        out.number(key, value);
}

void JsonTextIo::operator()(QLatin1StringView key, const QString &value, Wire::Empty empty)
{
    if (empty == Wire::Empty::Null)
        out.textOrNull(key, value);
    else
        out.text(key, value);
}

void JsonTextIo::operator()(QLatin1StringView key, const QDateTime &value, Wire::Empty empty)
{
    (*this)(key, Wire::isoTime(value), empty);
}

void JsonTextIo::operator()(QLatin1StringView key, const QJsonValue &value, Wire::Empty)
{
    out.object(key, value.toObject());
}

} // namespace Nextup
