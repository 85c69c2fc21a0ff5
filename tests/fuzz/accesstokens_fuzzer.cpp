// Fuzzes the JWT reader: AccessTokens (server/src/auth/accesstokens.h), which verifies the Bearer
// token of every request, over Jwt::verify (common/nextup/jwt.h). The secret and the clock are
// fixed, so that a token signed with the secret (the seed corpus has some) verifies on any day.
//
// The input is used three ways:
//  1. as a token: random bytes must never verify; one that does has valid claims, verifies again
//     from the cache with the same principal, and never verifies under another secret;
//  2. as the payload of a token signed here with the secret, which takes the fuzzer past the
//     signature to the claims: the outcome is what the payload says (not JSON or no numeric exp:
//     malformed; else expired, not yet valid, wrong issuer or audience, or valid), never a bad
//     signature; and AccessTokens takes it exactly when its claims make a principal;
//  3. as the name of a principal: issue() then verify() gives the same principal back.

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>

#include "auth/accesstokens.h"
#include "fuzzsupport.h"
#include "nextup/jwt.h"
#include "nextup/wire/keys.h"

namespace Fuzz = Nextup::Fuzz;
namespace Jwt = Nextup::Jwt;
namespace Key = Nextup::Wire::Key;
using Nextup::AccessTokens;
using Nextup::Principal;

namespace {

// The secret the seed tokens are signed with (makeseeds.py signs them).
const QByteArray kSecret("nextup-fuzz-secret-0123456789abcdef-0123456789abcdef");
const QByteArray kOtherSecret("nextup-fuzz-secret-0123456789abcdef-0123456789abcdeF");
// "Now" for every check: the seed tokens are good from 2029-12-31 to 2030-01-01T01:00Z.
const QDateTime kNow(QDate(2030, 1, 1), QTime(0, 0), Qt::UTC);
constexpr int kLifetime = 900;
constexpr auto kBase64Url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

bool samePrincipal(const Principal &a, const Principal &b)
{
    return a.userId == b.userId && a.role == b.role && a.name == b.name;
}

void checkAsToken(const QByteArray &token)
{
    const AccessTokens tokens(kSecret, kLifetime);
    const auto verified = tokens.verify(token, kNow);
    if (!verified.ok()) {
        FUZZ_CHECK(verified.error().status == 401);
        return;
    }
    FUZZ_CHECK(token.size() <= Jwt::MaxTokenBytes);
    FUZZ_CHECK(verified->userId > 0 && Nextup::Roles::isValid(verified->role));
    const auto remembered = tokens.verify(token, kNow);
    FUZZ_CHECK(remembered.ok() && samePrincipal(*remembered, *verified));
    const AccessTokens others(kOtherSecret, kLifetime);
    FUZZ_CHECK(!others.verify(token, kNow).ok());
}

void checkAsHeader(const QByteArray &header)
{
    const AccessTokens tokens(kSecret, kLifetime);
    const auto caller = tokens.authenticate(header);
    if (!caller.ok()) {
        FUZZ_CHECK(caller.error().status == 401);
        return;
    }
    FUZZ_CHECK(header.isEmpty() ? caller->isAnonymous() : !caller->isAnonymous());
}

// The payload signed with the secret, as Jwt::sign would sign it if it were a JSON object.
QByteArray signedToken(const QByteArray &payload)
{
    const QByteArray header = QByteArray(R"({"alg":"HS256","typ":"JWT"})").toBase64(kBase64Url);
    const QByteArray signingInput = header + '.' + payload.toBase64(kBase64Url);
    const QByteArray mac =
        QMessageAuthenticationCode::hash(signingInput, kSecret, QCryptographicHash::Sha256);
    return signingInput + '.' + mac.toBase64(kBase64Url);
}

void checkAsPayload(const QByteArray &payload)
{
    const QByteArray token = signedToken(payload);
    const auto verified =
        Jwt::verify(token, kSecret, QLatin1String(AccessTokens::issuer),
                    QLatin1String(AccessTokens::audience), kNow, AccessTokens::leewaySeconds);
    if (token.size() > Jwt::MaxTokenBytes) {
        FUZZ_CHECK(verified.error == Jwt::VerifyError::Malformed);
        return;
    }
    FUZZ_CHECK(verified.error != Jwt::VerifyError::BadSignature);
    FUZZ_CHECK(verified.error != Jwt::VerifyError::UnsupportedAlgorithm);
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(payload, &error);
    const QJsonObject claims = document.object();
    const bool wellFormed =
        error.error == QJsonParseError::NoError && document.isObject() &&
        claims.value(Key::Expires).isDouble() &&
        (!claims.contains(Key::NotBefore) || claims.value(Key::NotBefore).isDouble());
    FUZZ_CHECK(wellFormed == (verified.error != Jwt::VerifyError::Malformed));
    FUZZ_CHECK(verified.ok() == (verified.payload == claims && !claims.isEmpty()));

    const AccessTokens tokens(kSecret, kLifetime);
    const auto caller = tokens.verify(token, kNow);
    const int userId = claims.value(Key::Subject).toString().toInt();
    const QString role = claims.value(Key::Role).toString();
    FUZZ_CHECK(caller.ok() == (verified.ok() && userId > 0 && Nextup::Roles::isValid(role)));
    if (caller.ok()) {
        FUZZ_CHECK(caller->userId == userId && caller->role == role &&
                   caller->name == claims.value(Key::Name).toString());
        const auto remembered = tokens.verify(token, kNow);
        FUZZ_CHECK(remembered.ok() && samePrincipal(*remembered, *caller));
    }
}

void checkIssued(const QByteArray &name)
{
    const QStringList roles{Nextup::Roles::Admin, Nextup::Roles::Operator, Nextup::Roles::Kiosk,
                            Nextup::Roles::User};
    const size_t hash = qHash(name);
    Principal principal;
    principal.userId = 1 + int(hash % 2147483646U);
    principal.role = roles.at(qsizetype(hash % quint64(roles.size())));
    principal.name = QString::fromUtf8(name);
    const AccessTokens tokens(kSecret, kLifetime);
    const QByteArray token = tokens.issue(principal);
    if (token.size() > Jwt::MaxTokenBytes)
        return; // a name of kilobytes: refused unread, and no login makes one
    const auto verified = tokens.verify(token); // issue() stamps the real time
    FUZZ_CHECK(verified.ok() && samePrincipal(*verified, principal));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = Fuzz::bytesOf(data, size).toByteArray();
    checkAsToken(input);
    checkAsHeader(input);
    checkAsPayload(input);
    checkIssued(input);
    return 0;
}
