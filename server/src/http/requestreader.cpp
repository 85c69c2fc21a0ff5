#include "http/requestreader.h"

#include <algorithm>
#include <limits>

#include <QByteArrayList>

namespace Nextup {

namespace {
const char *const kBadRequest = "bad_request";
constexpr QByteArrayView kCrlf("\r\n");
constexpr QByteArrayView kEndOfHead("\r\n\r\n");
// Digits beyond this are a length no limit admits (and no qint64 holds).
constexpr qsizetype kMaxLengthDigits = 15;

// tchar of RFC 9110 §5.6.2: the characters of a method or a field name.
bool isTokenChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

bool isToken(QByteArrayView text)
{
    return !text.isEmpty() && std::all_of(text.begin(), text.end(), isTokenChar);
}

// field-value characters: visible ASCII, space, tab, and obs-text (0x80-0xFF).
bool isValueChar(char c)
{
    const auto u = static_cast<unsigned char>(c);
    return u == '\t' || (u >= 0x20 && u != 0x7f);
}

bool isDigits(QByteArrayView text)
{
    return !text.isEmpty() &&
           std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

QByteArrayView trimmedOws(QByteArrayView text)
{
    while (!text.isEmpty() && (text.front() == ' ' || text.front() == '\t'))
        text = text.sliced(1);
    while (!text.isEmpty() && (text.back() == ' ' || text.back() == '\t'))
        text.chop(1);
    return text;
}

// A comma-separated list (RFC 9110 §5.6.1) holds `token`, ignoring case.
bool listHas(QByteArrayView list, QByteArrayView token)
{
    for (const QByteArray &item : list.toByteArray().split(','))
        if (trimmedOws(item).compare(token, Qt::CaseInsensitive) == 0)
            return true;
    return false;
}
} // namespace

QByteArray RequestReader::read(QByteArrayView bytes)
{
    QByteArray passed;
    if (stopped())
        return passed;
    m_pending.append(bytes);
    qsizetype pos = 0;
    while (pos < m_pending.size() && !stopped()) {
        if (m_bodyLeft > 0) {
            const qsizetype take = qsizetype(qMin<qint64>(m_bodyLeft, m_pending.size() - pos));
            passed.append(m_pending.constData() + pos, take);
            pos += take;
            m_bodyLeft -= take;
            continue;
        }
        const qsizetype used = readHead(QByteArrayView(m_pending).sliced(pos), passed);
        if (used == 0)
            break;
        pos += used;
    }
    m_pending.remove(0, pos);
    if (m_refusal || closing())
        m_pending.clear(); // never read
    return passed;
}

qsizetype RequestReader::readHead(QByteArrayView input, QByteArray &passed)
{
    if (m_headChecked == 0 && input.startsWith(kCrlf))
        return kCrlf.size(); // an empty line before a request line
    // Line ends are checked as bytes arrive, so a bare LF is refused at once rather than being
    // waited on as a head that never ends.
    qsizetype end = -1;
    qsizetype i = m_headChecked;
    for (; i < input.size(); ++i) {
        const char c = input.at(i);
        if (c == '\r') {
            if (i + 1 == input.size())
                break; // its LF may come next
            if (input.at(i + 1) != '\n') {
                refuse(400, kBadRequest, QStringLiteral("A CR must be followed by LF."));
                return 0;
            }
        } else if (c == '\n') {
            if (i == 0 || input.at(i - 1) != '\r') {
                refuse(400, kBadRequest, QStringLiteral("Lines must end with CRLF."));
                return 0;
            }
            if (i >= 3 && input.sliced(i - 3, 4) == kEndOfHead) {
                end = i + 1;
                break;
            }
        }
    }
    m_headChecked = i;
    if (end < 0 ? input.size() > m_limits.maxHeaderBytes : end > m_limits.maxHeaderBytes) {
        refuse(431, "headers_too_large", QStringLiteral("The request headers are too large."));
        return 0;
    }
    if (end < 0)
        return 0;
    m_headChecked = 0;
    if (!checkHead(input.first(end - kEndOfHead.size())))
        return 0;
    passed.append(input.first(end));
    return end;
}

bool RequestReader::checkRequestLine(QByteArrayView line)
{
    const qsizetype first = line.indexOf(' ');
    const qsizetype second = first < 0 ? -1 : line.indexOf(' ', first + 1);
    const QString malformed = QStringLiteral("The request line must be a method, a target and "
                                             "HTTP/1.1, each separated by one space.");
    if (first <= 0 || second < 0 || line.indexOf(' ', second + 1) >= 0)
        return refuse(400, kBadRequest, malformed);
    const QByteArrayView target = line.sliced(first + 1, second - first - 1);
    const bool visible = std::all_of(target.begin(), target.end(), [](char c) {
        return static_cast<unsigned char>(c) > 0x20 && static_cast<unsigned char>(c) < 0x7f;
    });
    if (!isToken(line.first(first)) || target.isEmpty() || !visible)
        return refuse(400, kBadRequest, malformed);
    const QByteArrayView version = line.sliced(second + 1);
    if (version == "HTTP/1.1" || version == "HTTP/1.0")
        return true;
    // HTTP-version = "HTTP/" DIGIT "." DIGIT: well-formed but not ours is 505, anything else 400.
    const bool wellFormed = version.size() == 8 && version.startsWith("HTTP/") &&
                            isDigits(version.sliced(5, 1)) && version.at(6) == '.' &&
                            isDigits(version.sliced(7, 1));
    if (wellFormed)
        return refuse(505, "http_version_not_supported",
                      QStringLiteral("Only HTTP/1.0 and HTTP/1.1 are supported."));
    return refuse(400, kBadRequest, malformed);
}

bool RequestReader::checkHead(QByteArrayView head)
{
    const QByteArrayList lines = head.toByteArray().split('\n');
    const auto line = [&](qsizetype i) { return QByteArrayView(lines.at(i)).chopped(1); };
    QByteArrayView requestLine = lines.size() == 1 ? QByteArrayView(lines.at(0)) : line(0);
    if (!checkRequestLine(requestLine))
        return false;
    const bool http11 = requestLine.endsWith("HTTP/1.1");

    int hosts = 0;
    int lengths = 0;
    QByteArrayView length;
    std::optional<QByteArrayView> transferEncoding;
    std::optional<QByteArrayView> connection; // the first, as Qt reads it
    std::optional<QByteArrayView> upgrade;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        // The last line had its CR cut with the head's final CRLF.
        const QByteArrayView field = i + 1 == lines.size() ? QByteArrayView(lines.at(i)) : line(i);
        if (field.startsWith(' ') || field.startsWith('\t'))
            return refuse(400, kBadRequest,
                          QStringLiteral("Obsolete line folding is not accepted."));
        const qsizetype colon = field.indexOf(':');
        if (colon <= 0 || !isToken(field.first(colon)))
            return refuse(400, kBadRequest,
                          QStringLiteral("Header field %1 is malformed: a name (a token) must be "
                                         "followed by a colon.")
                              .arg(i));
        const QByteArrayView rawValue = field.sliced(colon + 1);
        if (!std::all_of(rawValue.begin(), rawValue.end(), isValueChar))
            return refuse(400, kBadRequest,
                          QStringLiteral("Header field %1 holds a control character.").arg(i));
        const QByteArray name = field.first(colon).toByteArray().toLower();
        const QByteArrayView value = trimmedOws(rawValue);
        if (name == "host") {
            ++hosts;
        } else if (name == "content-length") {
            ++lengths;
            length = value;
        } else if (name == "transfer-encoding") {
            transferEncoding = value;
        } else if (name == "connection" && !connection) {
            connection = value;
        } else if (name == "upgrade" && !upgrade) {
            upgrade = value;
        }
    }

    if (transferEncoding) {
        if (lengths > 0)
            return refuse(400, kBadRequest,
                          QStringLiteral("Transfer-Encoding and Content-Length together are not "
                                         "accepted."));
        if (transferEncoding->compare("chunked", Qt::CaseInsensitive) == 0)
            return refuse(411, "length_required",
                          QStringLiteral("Send the body with a Content-Length."));
        return refuse(501, "not_implemented",
                      QStringLiteral("Transfer-Encoding %1 is not implemented; send the body with "
                                     "a Content-Length.")
                          .arg(QString::fromLatin1(*transferEncoding)));
    }
    if (lengths > 1 || (lengths == 1 && !isDigits(length)))
        return refuse(400, kBadRequest, QStringLiteral("Invalid Content-Length."));
    if (hosts > 1 || (http11 && hosts == 0))
        return refuse(400, kBadRequest,
                      QStringLiteral("A request needs exactly one Host header field."));
    while (length.size() > 1 && length.front() == '0')
        length = length.sliced(1);
    const qint64 bodyLength = length.size() > kMaxLengthDigits
                                  ? std::numeric_limits<qint64>::max()
                                  : (lengths ? length.toByteArray().toLongLong() : 0);
    if (bodyLength > m_limits.maxBodyBytes)
        return refuse(
            413, "payload_too_large",
            QStringLiteral("The body is larger than %1 bytes.").arg(m_limits.maxBodyBytes));
    m_bodyLeft = bodyLength;
    m_close = connection && listHas(*connection, "close");
    // QtHttpServer hands a request to its WebSocket server on exactly these conditions.
    m_upgrade = connection && connection->toByteArray().toLower().contains("upgrade") && upgrade &&
                upgrade->compare("websocket", Qt::CaseInsensitive) == 0;
    return true;
}

bool RequestReader::refuse(int status, const char *code, const QString &message)
{
    m_refusal = Refusal{status, QString::fromLatin1(code), message};
    return false;
}

} // namespace Nextup
