#include "domain/adminaccount.h"

#include <QJsonObject>

#include "auth/passwordhasher.h"
#include "domain/authservice.h"
#include "store/database.h"

namespace Nextup {

Result<AdminAccount::Outcome> AdminAccount::create(Database &db, const QString &username,
                                                   const QString &password)
{
    const QJsonObject problems = AuthService::validateCredentials(username, password);
    if (!problems.isEmpty())
        return ApiError::validation(problems);
    auto existing =
        db.exec(QStringLiteral("SELECT 1 FROM users WHERE lower(username) = lower(?)"), {username});
    if (!existing.ok())
        return existing.error();
    if (existing->next())
        return Outcome::AlreadyExists;

    const QString hash = PasswordHasher::hash(password.toUtf8());
    if (hash.isEmpty())
        return ApiError::internal(QStringLiteral("Could not hash the password."));
    auto inserted =
        db.exec(QStringLiteral("INSERT INTO users (username, password_hash, role, full_name) "
                               "VALUES (?, ?, 'admin', 'Administrator')"),
                {username, hash});
    if (!inserted.ok()) {
        // Another create-admin of the same name won the race between the check and the insert.
        if (inserted.error().code == u"already_exists")
            return Outcome::AlreadyExists;
        return inserted.error();
    }
    return Outcome::Created;
}

} // namespace Nextup
