#include "domain/demoseed.h"

#include <QDir>

#include "auth/passwordhasher.h"
#include "store/database.h"
#include "store/migrator.h"

namespace Nextup {

Seeder::Seeder(Database &db, QString sqlDir) : m_db(db), m_sqlDir(std::move(sqlDir)) {}

Result<bool> Seeder::seed()
{
    auto count = m_db.exec(QStringLiteral("SELECT count(*) FROM users"));
    if (!count.ok())
        return count.error();
    if (count->next() && count->value(0).toLongLong() > 0)
        return false;
    auto script = readSqlFile(QDir(m_sqlDir).filePath(QStringLiteral("seed.sql")));
    if (!script.ok())
        return script.error();

    struct DemoUser
    {
        const char *username, *password, *role, *fullName;
    };
    const DemoUser users[] = {
        {"admin", "admin123", "admin", "Administrator"},
        {"operator1", "operator123", "operator", "Operator One"},
        {"operator2", "operator123", "operator", "Operator Two"},
        {"kiosk", "kiosk123", "kiosk", "Lobby Kiosk"},
    };
    auto result = m_db.transaction<bool>([&]() -> Result<bool> {
        for (const DemoUser &user : users) {
            const QString hash = PasswordHasher::hash(user.password);
            auto inserted =
                m_db.exec(QStringLiteral("INSERT INTO users (username, password_hash, "
                                         "role, full_name) VALUES (?, ?, ?, ?)"),
                          {QString::fromLatin1(user.username), hash, QString::fromLatin1(user.role),
                           QString::fromLatin1(user.fullName)});
            if (!inserted.ok())
                return inserted.error();
        }
        if (auto ran = m_db.execScript(*script); !ran.ok())
            return ran.error();
        return true;
    });
    return result;
}

} // namespace Nextup
