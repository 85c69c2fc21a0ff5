#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QMutex>

#include "core/apierror.h"
#include "core/principal.h"

namespace Nextup {

// Short-lived HS256 access tokens: issued after login/refresh, verified on the HTTP thread for
// every request (an HMAC, microseconds; no database round trip). `alg` is pinned to HS256 and
// `exp`, `iss` and `aud` are checked.
class AccessTokens
{
    Q_DISABLE_COPY_MOVE(AccessTokens)

public:
    AccessTokens(QByteArray secret, int lifetimeSeconds);

    static constexpr auto issuer = "nextup";
    static constexpr auto audience = "nextup-api";
    // Seconds a token stays good after its exp, for clocks a little apart (Jwt's leeway).
    static constexpr int leewaySeconds = 30;
    // Verified tokens remembered at most; a full cache forgets the expired ones, then all.
    static constexpr qsizetype maxRemembered = 4096;

    QByteArray issue(const Principal &principal) const;
    int lifetimeSeconds() const { return m_lifetimeSeconds; }

    // The value of an Authorization header. Empty (no header): an anonymous Principal. Not
    // "Bearer <token>", or a bad or expired token: 401.
    Result<Principal> authenticate(const QByteArray &authorizationHeader) const;
    Result<Principal> verify(const QByteArray &token,
                             const QDateTime &now = QDateTime::currentDateTimeUtc()) const;

private:
    struct Remembered
    {
        Principal principal;
        qint64 goodUntil = 0; // exp + leeway, in seconds since the epoch
    };
    Result<Principal> verifyFully(const QByteArray &token, const QDateTime &now) const;
    void remember(const QByteArray &token, const Remembered &entry, qint64 now) const;

    QByteArray m_secret;
    int m_lifetimeSeconds;
    // A console sends the same token with every request for its whole lifetime, and the HMAC
    // and two JSON parses of a full check were ~7% of a counter action's server CPU. So a token
    // that verified is remembered by its exact bytes (the signature included: any other bytes
    // are checked in full) and only its time is checked again. Nothing that failed is kept.
    mutable QMutex m_mutex;
    mutable QHash<QByteArray, Remembered> m_verified;
};

} // namespace Nextup
