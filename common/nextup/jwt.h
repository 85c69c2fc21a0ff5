#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

// HS256 JSON Web Tokens (RFC 7515 JWS compact serialisation, RFC 7519 claims), Qt only.
//
// The algorithm is pinned: verify() accepts HS256 and nothing else, whatever the token's header
// claims, so neither "alg":"none" nor an algorithm-confusion token (RS256 signed with a public key
// used as an HMAC secret) can pass. Every segment must be canonical unpadded base64url, which also
// rules out several spellings of the same signature.
namespace Nextup::Jwt {

enum class VerifyError
{
    None,
    Malformed,            // not three canonical base64url segments, not JSON objects, bad claims
    UnsupportedAlgorithm, // header "alg" is anything but "HS256" (checked before the signature)
    BadSignature,         // HMAC does not match (wrong secret or tampered token)
    Expired,              // "exp" is in the past by more than the leeway
    NotYetValid,          // "nbf" is in the future by more than the leeway
    WrongIssuer,
    WrongAudience,
};

struct Verified
{
    VerifyError error = VerifyError::None;
    QJsonObject payload; // only filled when error == None
    bool ok() const { return error == VerifyError::None; }
};

// Longer tokens are refused unread: ours are a few hundred bytes.
inline constexpr qsizetype MaxTokenBytes = 8192;

// Signs payload as-is (the caller sets exp, iat, iss, aud, sub, ...). The header is exactly
// {"alg":"HS256","typ":"JWT"}.
QByteArray sign(const QJsonObject &payload, const QByteArray &secret);

// Checks, in this order: shape and header, algorithm, signature, then the claims: "exp" (required,
// NumericDate), "nbf" (optional), "iss" equals issuer and "aud" equals or (as an array) contains
// audience -- each of those two only when the argument is non-empty. An empty secret never
// verifies. Negative leeway counts as zero; an invalid `now` means the current time.
Verified verify(const QByteArray &token, const QByteArray &secret, const QString &issuer,
                const QString &audience, const QDateTime &now = QDateTime::currentDateTimeUtc(),
                int leewaySeconds = 30);

// A short English sentence for logs and error answers.
QString describe(VerifyError error);

// The payload WITHOUT checking anything: for a client reading its own access token (the console
// shows the role and refreshes before "exp"). Never use the result to authorise anything. Returns
// an empty object when the token cannot be decoded.
QJsonObject unverifiedPayload(const QByteArray &token);

} // namespace Nextup::Jwt
