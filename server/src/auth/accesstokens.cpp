#include "auth/accesstokens.h"

#include <algorithm>
#include <cmath>

#include <QDateTime>
#include <QJsonObject>

#include "nextup/jwt.h"
#include "nextup/wire/keys.h"

namespace Nextup {

namespace Key = Wire::Key;

AccessTokens::AccessTokens(QByteArray secret, int lifetimeSeconds)
    : m_secret(std::move(secret)), m_lifetimeSeconds(lifetimeSeconds)
{
}

QByteArray AccessTokens::issue(const Principal &principal) const
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    QJsonObject claims{{Key::Subject, QString::number(principal.userId)},
                       {Key::Role, principal.role},
                       {Key::Name, principal.name},
                       {Key::Issuer, QLatin1String(issuer)},
                       {Key::Audience, QLatin1String(audience)},
                       {Key::IssuedAt, now},
                       {Key::Expires, now + m_lifetimeSeconds}};
    if (principal.branchId > 0)
        claims.insert(Key::BranchId, principal.branchId);
    return Nextup::Jwt::sign(claims, m_secret);
}

Result<Principal> AccessTokens::authenticate(const QByteArray &header) const
{
    if (header.isEmpty())
        return Principal{};
    if (!header.startsWith("Bearer ") && !header.startsWith("bearer "))
        return ApiError::unauthorized(QStringLiteral("Use Authorization: Bearer <access token>."));
    return verify(header.mid(7).trimmed());
}

Result<Principal> AccessTokens::verify(const QByteArray &token, const QDateTime &now) const
{
    const qint64 seconds = now.toSecsSinceEpoch();
    {
        QMutexLocker lock(&m_mutex);
        const auto it = m_verified.constFind(token);
        if (it != m_verified.cend()) {
            // The rule of Jwt::verify: good only while now is before exp (plus the leeway).
            if (seconds < it->goodUntil)
                return it->principal;
            m_verified.erase(it);
            return ApiError::unauthorized(
                QStringLiteral("Access token rejected: %1")
                    .arg(Nextup::Jwt::describe(Nextup::Jwt::VerifyError::Expired)));
        }
    }
    return verifyFully(token, now);
}

Result<Principal> AccessTokens::verifyFully(const QByteArray &token, const QDateTime &now) const
{
    const auto verified = Nextup::Jwt::verify(token, m_secret, QLatin1String(issuer),
                                              QLatin1String(audience), now, leewaySeconds);
    if (!verified.ok())
        return ApiError::unauthorized(
            QStringLiteral("Access token rejected: %1").arg(Nextup::Jwt::describe(verified.error)));
    Principal principal;
    principal.userId = verified.payload.value(Key::Subject).toString().toInt();
    principal.role = verified.payload.value(Key::Role).toString();
    principal.name = verified.payload.value(Key::Name).toString();
    principal.branchId = verified.payload.value(Key::BranchId).toInt();
    if (principal.userId <= 0 || !Roles::isValid(principal.role) || principal.branchId < 0 ||
        (principal.isBranchAdmin() && principal.branchId == 0))
        return ApiError::unauthorized(QStringLiteral("Access token rejected: bad claims."));
    // A token with "nbf" (ours have none) is checked in full every time.
    if (!verified.payload.contains(Key::NotBefore)) {
        // Any JSON number a signed token carries, bounded before it becomes seconds (qint64).
        constexpr double kLatestExp = 253402300799; // 9999-12-31T23:59:59Z
        const double exp = std::min(verified.payload.value(Key::Expires).toDouble(), kLatestExp);
        remember(token, {principal, qint64(std::ceil(exp)) + leewaySeconds},
                 now.toSecsSinceEpoch());
    }
    return principal;
}

void AccessTokens::remember(const QByteArray &token, const Remembered &entry, qint64 now) const
{
    QMutexLocker lock(&m_mutex);
    if (m_verified.size() >= maxRemembered) {
        m_verified.removeIf([now](const auto &it) { return now >= it.value().goodUntil; });
        if (m_verified.size() >= maxRemembered)
            m_verified.clear();
    }
    m_verified.insert(token, entry);
}

} // namespace Nextup
