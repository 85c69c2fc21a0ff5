#include "nextup/jwt.h"

#include <optional>

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>
#include <QMessageAuthenticationCode>

namespace Nextup::Jwt {

namespace {

constexpr auto Base64Url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

// base64url({"alg":"HS256","typ":"JWT"}): the only header we ever write.
constexpr char HeaderSegment[] = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9";

const QLatin1StringView KeyAlg("alg");
const QLatin1StringView KeyCrit("crit");
const QLatin1StringView KeyExp("exp");
const QLatin1StringView KeyNbf("nbf");
const QLatin1StringView KeyIss("iss");
const QLatin1StringView KeyAud("aud");
const QLatin1StringView AlgHs256("HS256");

QByteArray encode(const QByteArray &bytes)
{
    return bytes.toBase64(Base64Url);
}

// Strict base64url: the segment must be exactly what we would write for the decoded bytes. That
// refuses padding, foreign characters, impossible lengths and non-zero unused trailing bits (so a
// signature has exactly one spelling).
std::optional<QByteArray> decode(QByteArrayView segment)
{
    auto result = QByteArray::fromBase64Encoding(
        segment.toByteArray(), Base64Url | QByteArray::AbortOnBase64DecodingErrors);
    if (!result || encode(*result) != segment)
        return std::nullopt;
    return *result;
}

std::optional<QJsonObject> decodeObject(QByteArrayView segment)
{
    const auto bytes = decode(segment);
    if (!bytes)
        return std::nullopt;
    QJsonParseError error;
    const auto doc = QJsonDocument::fromJson(*bytes, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    return doc.object();
}

QByteArray hmacSha256(QByteArrayView signingInput, const QByteArray &secret)
{
    return QMessageAuthenticationCode::hash(signingInput.toByteArray(), secret,
                                            QCryptographicHash::Sha256);
}

// Timing depends on the length only (public: always 32 bytes here), never on where the bytes
// differ, so an attacker cannot find a valid MAC byte by byte. volatile keeps the compiler from
// turning the loop into an early-exit memcmp.
bool constantTimeEquals(QByteArrayView a, QByteArrayView b)
{
    if (a.size() != b.size())
        return false;
    volatile unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff = diff | (static_cast<unsigned char>(a[i]) ^ static_cast<unsigned char>(b[i]));
    return diff == 0;
}

struct Segments
{
    QByteArrayView header;
    QByteArrayView payload;
    QByteArrayView signature;
    QByteArrayView signingInput; // "header.payload", what the MAC covers
};

std::optional<Segments> split(QByteArrayView token)
{
    if (token.size() > MaxTokenBytes)
        return std::nullopt;
    const qsizetype first = token.indexOf('.');
    const qsizetype second = first < 0 ? -1 : token.indexOf('.', first + 1);
    if (second < 0 || token.indexOf('.', second + 1) >= 0)
        return std::nullopt;
    return Segments{token.first(first), token.sliced(first + 1, second - first - 1),
                    token.sliced(second + 1), token.first(second)};
}

// An invalid QDateTime would read as 1970 and make every token look fresh: use the clock instead.
double nowSeconds(const QDateTime &now)
{
    const QDateTime when = now.isValid() ? now : QDateTime::currentDateTimeUtc();
    return static_cast<double>(when.toMSecsSinceEpoch()) / 1000.0;
}

bool audienceMatches(const QJsonValue &aud, const QString &audience)
{
    if (aud.isString())
        return aud.toString() == audience;
    if (!aud.isArray())
        return false;
    const QJsonArray list = aud.toArray();
    for (const QJsonValue entry : list) {
        if (entry.isString() && entry.toString() == audience)
            return true;
    }
    return false;
}

VerifyError checkClaims(const QJsonObject &claims, const QString &issuer, const QString &audience,
                        const QDateTime &now, int leewaySeconds)
{
    const QJsonValue exp = claims.value(KeyExp);
    const QJsonValue nbf = claims.value(KeyNbf);
    if (!exp.isDouble() || (!nbf.isUndefined() && !nbf.isDouble()))
        return VerifyError::Malformed;

    const double t = nowSeconds(now);
    const double leeway = qMax(0, leewaySeconds);
    // RFC 7519 4.1.4: valid only while now is *before* exp.
    if (t >= exp.toDouble() + leeway)
        return VerifyError::Expired;
    if (nbf.isDouble() && t + leeway < nbf.toDouble())
        return VerifyError::NotYetValid;
    if (!issuer.isEmpty() && claims.value(KeyIss) != QJsonValue(issuer))
        return VerifyError::WrongIssuer;
    if (!audience.isEmpty() && !audienceMatches(claims.value(KeyAud), audience))
        return VerifyError::WrongAudience;
    return VerifyError::None;
}

} // namespace

QByteArray sign(const QJsonObject &payload, const QByteArray &secret)
{
    QByteArray signingInput = HeaderSegment;
    signingInput += '.';
    signingInput += encode(QJsonDocument(payload).toJson(QJsonDocument::Compact));
    return signingInput + '.' + encode(hmacSha256(signingInput, secret));
}

Verified verify(const QByteArray &token, const QByteArray &secret, const QString &issuer,
                const QString &audience, const QDateTime &now, int leewaySeconds)
{
    const auto segments = split(token);
    if (!segments)
        return {VerifyError::Malformed, {}};
    const auto header = decodeObject(segments->header);
    if (!header)
        return {VerifyError::Malformed, {}};
    // Pinned before anything else looks at the signature.
    if (header->value(KeyAlg) != QJsonValue(AlgHs256))
        return {VerifyError::UnsupportedAlgorithm, {}};
    // RFC 7515 4.1.11: we understand no extension, so any "crit" must be refused.
    if (header->contains(KeyCrit))
        return {VerifyError::Malformed, {}};

    const auto signature = decode(segments->signature);
    if (!signature)
        return {VerifyError::Malformed, {}};
    if (secret.isEmpty() ||
        !constantTimeEquals(*signature, hmacSha256(segments->signingInput, secret)))
        return {VerifyError::BadSignature, {}};

    // Only authenticated bytes get parsed as the payload.
    const auto payload = decodeObject(segments->payload);
    if (!payload)
        return {VerifyError::Malformed, {}};
    const VerifyError claimsError = checkClaims(*payload, issuer, audience, now, leewaySeconds);
    if (claimsError != VerifyError::None)
        return {claimsError, {}};
    return {VerifyError::None, *payload};
}

QString describe(VerifyError error)
{
    switch (error) {
    case VerifyError::None: return QCoreApplication::translate("Jwt", "The token is valid.");
    case VerifyError::Malformed:
        return QCoreApplication::translate("Jwt", "The token is malformed.");
    case VerifyError::UnsupportedAlgorithm:
        return QCoreApplication::translate("Jwt", "The token uses an unsupported algorithm.");
    case VerifyError::BadSignature:
        return QCoreApplication::translate("Jwt", "The token signature is invalid.");
    case VerifyError::Expired: return QCoreApplication::translate("Jwt", "The token has expired.");
    case VerifyError::NotYetValid:
        return QCoreApplication::translate("Jwt", "The token is not valid yet.");
    case VerifyError::WrongIssuer:
        return QCoreApplication::translate("Jwt", "The token was issued by someone else.");
    case VerifyError::WrongAudience:
        return QCoreApplication::translate("Jwt", "The token is meant for another audience.");
    }
    return QCoreApplication::translate("Jwt", "The token is invalid.");
}

QJsonObject unverifiedPayload(const QByteArray &token)
{
    const auto segments = split(token);
    if (!segments)
        return {};
    return decodeObject(segments->payload).value_or(QJsonObject());
}

} // namespace Nextup::Jwt
