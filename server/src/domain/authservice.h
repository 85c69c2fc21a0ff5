#pragma once

#include <QJsonObject>

#include "core/apierror.h"
#include "core/principal.h"
#include "nextup/wire/records.h"

namespace Nextup {

class AccessTokens;
class Database;

// Accounts and sessions: registration, login with argon2id, refresh tokens rotated on every use
// with reuse detection (a spent refresh token presented again revokes its whole family, since
// either the user or a thief holds a copy), and logout.
class AuthService
{
public:
    AuthService(const AccessTokens &tokens, int refreshDays);

    struct Session
    {
        QJsonObject body;        // {access_token, token_type, expires_in, refresh_token, user}
        QByteArray refreshToken; // also set as the cookie
    };

    Result<QJsonObject> registerUser(Database &db, const QString &username, const QString &password,
                                     const QString &fullName) const;
    Result<Session> login(Database &db, const QString &username, const QByteArray &password) const;
    Result<Session> refresh(Database &db, const QByteArray &refreshToken) const;
    Outcome logout(Database &db, const QByteArray &refreshToken) const;
    Result<QJsonObject> me(Database &db, int userId) const;

    static QJsonObject validateCredentials(const QString &username, const QString &password);

private:
    static void upgradeHash(Database &db, qint64 userId, const QByteArray &password);
    Result<Session> startSession(Database &db, const Wire::User &user, const QString &family) const;

    const AccessTokens &m_tokens;
    int m_refreshDays;
};

class Rows;

// A user from the columns id, username, role, full_name, active of a row, from `offset` on.
Wire::User userFromRow(const Rows &q, int offset = 0);

} // namespace Nextup
