#include "auth/accesstokens.h"

#include "http/apirequest.h"
#include "nextup/jwt.h"

#include <QDateTime>
#include <QJsonObject>

AccessTokens::AccessTokens(QByteArray secret, int lifetimeSeconds)
    : m_secret(std::move(secret)), m_lifetimeSeconds(lifetimeSeconds)
{
}

QByteArray AccessTokens::issue(const Principal &principal) const
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    return Nextup::Jwt::sign(QJsonObject{{QStringLiteral("sub"), QString::number(principal.userId)},
                                         {QStringLiteral("role"), principal.role},
                                         {QStringLiteral("name"), principal.name},
                                         {QStringLiteral("iss"), QLatin1String(issuer)},
                                         {QStringLiteral("aud"), QLatin1String(audience)},
                                         {QStringLiteral("iat"), now},
                                         {QStringLiteral("exp"), now + m_lifetimeSeconds}},
                             m_secret);
}

Result<Principal> AccessTokens::authenticate(const ApiRequest &request) const
{
    const QByteArray header = request.header("authorization");
    if (header.isEmpty())
        return Principal{};
    if (!header.startsWith("Bearer ") && !header.startsWith("bearer "))
        return ApiError::unauthorized(QStringLiteral("Use Authorization: Bearer <access token>."));
    return verify(header.mid(7).trimmed());
}

Result<Principal> AccessTokens::verify(const QByteArray &token) const
{
    const auto verified = Nextup::Jwt::verify(token, m_secret, QLatin1String(issuer), QLatin1String(audience));
    if (!verified.ok())
        return ApiError::unauthorized(QStringLiteral("Access token rejected: %1.")
                                          .arg(Nextup::Jwt::describe(verified.error)));
    Principal principal;
    principal.userId = verified.payload.value(u"sub").toString().toInt();
    principal.role = verified.payload.value(u"role").toString();
    principal.name = verified.payload.value(u"name").toString();
    if (principal.userId <= 0 || !Roles::isValid(principal.role))
        return ApiError::unauthorized(QStringLiteral("Access token rejected: bad claims."));
    return principal;
}
