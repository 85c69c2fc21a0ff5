#pragma once

#include "nextup/client/apijob.h"
#include "nextup/client/types.h"

namespace Nextup {

// The answer of login and refresh: {access_token, token_type, expires_in, refresh_token, user}.
class SessionJob : public ApiJob
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionJob)

public:
    QString accessToken() const { return m_accessToken; }
    QString refreshToken() const { return m_refreshToken; }
    int expiresIn() const { return m_expiresIn; }
    UserInfo user() const { return m_user; }

protected:
    SessionJob(const QString &path, const QJsonObject &body);
    Status parseResponse(const QJsonDocument &json) override;

private:
    QString m_accessToken;
    QString m_refreshToken;
    int m_expiresIn = 0;
    UserInfo m_user;
};

// POST /api/auth/login. Prefer ApiClient::login(), which also stores the session.
class LoginJob : public SessionJob
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LoginJob)

public:
    LoginJob(const QString &username, const QString &password);
};

// POST /api/auth/refresh: the old refresh token is spent. Prefer ApiClient::refresh().
class RefreshJob : public SessionJob
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RefreshJob)

public:
    explicit RefreshJob(const QString &refreshToken);
};

// POST /api/auth/logout: 204, the refresh token's whole family is revoked.
class LogoutJob : public ApiJob
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogoutJob)

public:
    explicit LogoutJob(const QString &refreshToken);
};

} // namespace Nextup
