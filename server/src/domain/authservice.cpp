#include "domain/authservice.h"

#include <QRegularExpression>

#include "auth/accesstokens.h"
#include "auth/passwordhasher.h"
#include "auth/securerandom.h"
#include "store/database.h"

namespace Nextup {

namespace {
namespace Key = Wire::Key;

const QString kUserColumns = QStringLiteral("id, username, role, full_name, active, branch_id");

ApiError badCredentials()
{
    return {401,
            QStringLiteral("invalid_credentials"),
            QStringLiteral("Wrong username or password."),
            {}};
}
} // namespace

Wire::User userFromRow(const Rows &q, int offset)
{
    return {q.value(offset).toInt(),        q.value(offset + 1).toString(),
            q.value(offset + 2).toString(), q.value(offset + 3).toString(),
            q.value(offset + 4).toBool(),   q.value(offset + 5).toInt()};
}

AuthService::AuthService(const AccessTokens &tokens, int refreshDays)
    : m_tokens(tokens), m_refreshDays(refreshDays)
{
}

QJsonObject AuthService::validateCredentials(const QString &username, const QString &password)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9._-]{3,32}$"));
    QJsonObject problems;
    if (!pattern.match(username).hasMatch())
        problems.insert(Key::Username,
                        QStringLiteral("3 to 32 letters, digits, dots, dashes or underscores."));
    if (password.size() < 8 || password.size() > 128)
        problems.insert(Key::Password, QStringLiteral("8 to 128 characters."));
    return problems;
}

Result<QJsonObject> AuthService::registerUser(Database &db, const QString &username,
                                              const QString &password,
                                              const QString &fullName) const
{
    const QString hash = PasswordHasher::hash(password.toUtf8());
    auto query =
        db.exec(QStringLiteral("INSERT INTO users (username, password_hash, role, full_name) "
                               "VALUES (?, ?, 'user', COALESCE(?, '')) RETURNING ") +
                    kUserColumns,
                {username, hash, fullName});
    if (!query.ok()) {
        if (query.error().code == u"already_exists")
            return ApiError{409, QStringLiteral("already_exists"),
                            QStringLiteral("That username is taken."),
                            QJsonObject{{Key::Username, QStringLiteral("Already taken.")}}};
        return query.error();
    }
    query->next();
    return QJsonObject{{Key::User, userFromRow(*query).toJson()}};
}

Result<AuthService::Session> AuthService::login(Database &db, const QString &username,
                                                const QByteArray &password) const
{
    auto query = db.exec(QStringLiteral("SELECT password_hash, ") + kUserColumns +
                             QStringLiteral(" FROM users WHERE lower(username) = lower(?)"),
                         {username});
    if (!query.ok())
        return query.error();
    if (!query->next()) {
        PasswordHasher::burnVerify(); // the same time as a real check: no username probing
        return badCredentials();
    }
    const QString hash = query->value(0).toString();
    const Wire::User user = userFromRow(*query, 1);
    if (!PasswordHasher::verify(hash, password) || !user.active)
        return badCredentials();
    if (PasswordHasher::needsRehash(hash))
        upgradeHash(db, user.id, password);
    return startSession(db, user, QString::fromLatin1(SecureRandom::token(16)));
}

// A hash made with older costs (libsodium's 64 MiB interactive setting, before) is replaced by a
// fresh one while the password is at hand: the next login costs what every other one does, and its
// time no longer tells an observer that the account is an old one. A failed update only leaves the
// old hash, which still verifies.
void AuthService::upgradeHash(Database &db, qint64 userId, const QByteArray &password)
{
    const QString fresh = PasswordHasher::hash(password);
    if (fresh.isEmpty())
        return;
    auto updated =
        db.exec(QStringLiteral("UPDATE users SET password_hash = ? WHERE id = ?"), {fresh, userId});
    if (!updated.ok())
        qWarning("Could not store a rehashed password for user %lld", userId);
}

Result<AuthService::Session> AuthService::startSession(Database &db, const Wire::User &user,
                                                       const QString &family) const
{
    const QByteArray refreshToken = SecureRandom::token(32);
    auto stored =
        db.exec(QStringLiteral("INSERT INTO refresh_tokens (user_id, family, token_hash, "
                               "expires_at) VALUES (?, ?, ?, now() + make_interval(days => ?))"),
                {user.id, family, QString::fromLatin1(SecureRandom::sha256Hex(refreshToken)),
                 m_refreshDays});
    if (!stored.ok())
        return stored.error();
    Principal principal{user.id, user.role, user.username, user.branchId};
    Session session;
    session.refreshToken = refreshToken;
    session.body = QJsonObject{{Key::AccessToken, QString::fromLatin1(m_tokens.issue(principal))},
                               {Key::TokenType, QStringLiteral("Bearer")},
                               {Key::ExpiresIn, m_tokens.lifetimeSeconds()},
                               {Key::RefreshToken, QString::fromLatin1(refreshToken)},
                               {Key::User, user.toJson()}};
    return session;
}

Result<AuthService::Session> AuthService::refresh(Database &db,
                                                  const QByteArray &refreshToken) const
{
    if (refreshToken.isEmpty())
        return ApiError::unauthorized(QStringLiteral("No refresh token."));
    const QString hash = QString::fromLatin1(SecureRandom::sha256Hex(refreshToken));
    // Spending the token is one conditional update, so two concurrent refreshes cannot both win.
    auto spent = db.exec(
        QStringLiteral(
            "UPDATE refresh_tokens r SET used_at = now() FROM users u WHERE "
            "r.token_hash = ? AND r.used_at IS NULL AND r.revoked_at IS NULL AND "
            "r.expires_at > now() AND u.id = r.user_id AND u.active RETURNING r.family, u.") +
            QString(kUserColumns).replace(QStringLiteral(", "), QStringLiteral(", u.")),
        {hash});
    if (!spent.ok())
        return spent.error();
    if (spent->next())
        return startSession(db, userFromRow(*spent, 1), spent->value(0).toString());

    auto known =
        db.exec(QStringLiteral(
                    "SELECT family, used_at IS NOT NULL FROM refresh_tokens WHERE token_hash = ?"),
                {hash});
    if (!known.ok())
        return known.error();
    if (known->next() && known->value(1).toBool()) {
        const QString family = known->value(0).toString();
        db.exec(QStringLiteral("UPDATE refresh_tokens SET revoked_at = now() WHERE family = ? AND "
                               "revoked_at IS NULL"),
                {family});
        qWarning("Refresh token reuse detected; its session family was revoked.");
        return ApiError{
            401,
            QStringLiteral("refresh_reused"),
            QStringLiteral("This refresh token was already used; the session was ended."),
            {}};
    }
    return ApiError::unauthorized(QStringLiteral("Refresh token is invalid, expired or revoked."));
}

Outcome AuthService::logout(Database &db, const QByteArray &refreshToken) const
{
    if (refreshToken.isEmpty())
        return Done{};
    auto revoked = db.exec(
        QStringLiteral(
            "UPDATE refresh_tokens SET revoked_at = now() WHERE family = "
            "(SELECT family FROM refresh_tokens WHERE token_hash = ?) AND revoked_at IS NULL"),
        {QString::fromLatin1(SecureRandom::sha256Hex(refreshToken))});
    if (!revoked.ok())
        return revoked.error();
    return Done{};
}

Result<QJsonObject> AuthService::me(Database &db, int userId) const
{
    auto query = db.exec(QStringLiteral("SELECT ") + kUserColumns +
                             QStringLiteral(" FROM users WHERE id = ?"),
                         {userId});
    if (!query.ok())
        return query.error();
    if (!query->next())
        return ApiError::notFound(QStringLiteral("User not found."));
    return QJsonObject{{Key::User, userFromRow(*query).toJson()}};
}

} // namespace Nextup
