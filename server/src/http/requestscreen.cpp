#include "http/requestscreen.h"

#include <algorithm>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Nextup {

namespace {
const QString kNulMessage = QStringLiteral("Must not contain a NUL character (\\u0000).");
const QString kBodyField = QStringLiteral("body");
const QString kQueryField = QStringLiteral("query");

struct BodyScan
{
    qsizetype rawControlAt = -1; // offset of the first raw control character that is refused
    bool escapedNul = false;     // a "\u0000" inside a string
};

// One pass over the bytes, following JSON's strings and escapes. Only bodies with an escaped NUL
// (rare) are parsed here, to name the member; every other body is left to the JSON reader.
BodyScan scan(const QByteArray &body)
{
    BodyScan result;
    bool inString = false;
    for (qsizetype i = 0; i < body.size(); ++i) {
        const auto c = static_cast<unsigned char>(body.at(i));
        if (c == 0 || (inString && c < 0x20)) {
            result.rawControlAt = i;
            return result;
        }
        if (!inString) {
            inString = c == '"';
        } else if (c == '"') {
            inString = false;
        } else if (c == '\\') {
            result.escapedNul = result.escapedNul || QByteArrayView(body).sliced(i + 1).startsWith(
                                                         QByteArrayView("u0000"));
            // The escaped character, which may be a quote, is skipped, but checked first: Qt's
            // reader takes an unknown escape as the character itself (a backslash and a raw
            // NUL is a NUL).
            ++i;
            if (i < body.size() && static_cast<unsigned char>(body.at(i)) < 0x20) {
                result.rawControlAt = i;
                return result;
            }
        }
    }
    return result;
}

// The top-level members whose name or value holds a NUL, each with the message.
QJsonObject nulMembers(const QByteArray &body)
{
    QJsonObject problems;
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (!document.isObject()) {
        // An array, or JSON the reader refuses anyway (its own 400 names the offset).
        if (document.isArray() && RequestScreen::containsNul(document.array()))
            problems.insert(kBodyField, kNulMessage);
        return problems;
    }
    const QJsonObject object = document.object();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.key().contains(QChar(u'\0')))
            problems.insert(kBodyField, kNulMessage);
        else if (RequestScreen::containsNul(it.value()))
            problems.insert(it.key(), kNulMessage);
    }
    return problems;
}

QJsonObject nulParameters(const QUrlQuery &query)
{
    QJsonObject problems;
    const auto items = query.queryItems(QUrl::FullyDecoded);
    for (const auto &[name, value] : items) {
        if (name.contains(QChar(u'\0')))
            problems.insert(kQueryField, kNulMessage);
        else if (value.contains(QChar(u'\0')))
            problems.insert(name, kNulMessage);
    }
    return problems;
}
} // namespace

namespace RequestScreen {

bool containsNul(const QJsonValue &value)
{
    if (value.isString())
        return value.toString().contains(QChar(u'\0'));
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        return std::any_of(array.begin(), array.end(),
                           [](const QJsonValue &item) { return containsNul(item); });
    }
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.key().contains(QChar(u'\0')) || containsNul(it.value()))
            return true;
    }
    return false;
}

std::optional<ApiError> check(const ApiRequest &request)
{
    const BodyScan body = scan(request.body);
    if (body.rawControlAt >= 0)
        return ApiError::badRequest(
            QStringLiteral("Malformed JSON at offset %1: a control character must be escaped "
                           "inside a string, and a NUL may not appear at all.")
                .arg(body.rawControlAt));
    QJsonObject problems = nulParameters(request.query);
    if (body.escapedNul) {
        const QJsonObject members = nulMembers(request.body);
        for (auto it = members.begin(); it != members.end(); ++it)
            problems.insert(it.key(), it.value());
    }
    if (problems.isEmpty())
        return std::nullopt;
    return ApiError::validation(problems);
}

} // namespace RequestScreen

} // namespace Nextup
