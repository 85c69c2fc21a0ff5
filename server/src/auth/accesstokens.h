#pragma once

#include "app/apierror.h"
#include "domain/principal.h"

#include <QByteArray>

struct ApiRequest;

// Short-lived HS256 access tokens: issued after login/refresh, verified on the HTTP thread for
// every request (an HMAC, microseconds; no database round trip). `alg` is pinned to HS256 and
// `exp`, `iss` and `aud` are checked.
class AccessTokens
{
public:
    AccessTokens(QByteArray secret, int lifetimeSeconds);

    static constexpr auto issuer = "nextup";
    static constexpr auto audience = "nextup-api";

    QByteArray issue(const Principal &principal) const;
    int lifetimeSeconds() const { return m_lifetimeSeconds; }

    // No Authorization header: an anonymous Principal. A bad or expired token: 401.
    Result<Principal> authenticate(const ApiRequest &request) const;
    Result<Principal> verify(const QByteArray &token) const;

private:
    QByteArray m_secret;
    int m_lifetimeSeconds;
};
