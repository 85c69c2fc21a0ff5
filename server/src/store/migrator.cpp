#include "store/migrator.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>

#include "store/database.h"

namespace Nextup {

namespace {
const QRegularExpression kMigrationName(QStringLiteral("^(\\d{4})_[a-z0-9_]+\\.sql$"));
constexpr auto kLockKey = "4815162342";

} // namespace

Result<QString> readSqlFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return ApiError::internal(QStringLiteral("Cannot read %1.").arg(path));
    return QString::fromUtf8(file.readAll());
}

Migrator::Migrator(Database &db, QString sqlDir) : m_db(db), m_sqlDir(std::move(sqlDir)) {}

QStringList Migrator::availableMigrations() const
{
    QStringList names =
        QDir(m_sqlDir).entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
    names.removeIf([](const QString &name) { return !kMigrationName.match(name).hasMatch(); });
    return names;
}

Result<QStringList> Migrator::appliedVersions()
{
    auto created = m_db.execScript(
        QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations (version text PRIMARY KEY, "
                       "name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())"));
    if (!created.ok())
        return created.error();
    auto query =
        m_db.exec(QStringLiteral("SELECT version FROM schema_migrations ORDER BY version"));
    if (!query.ok())
        return query.error();
    QStringList versions;
    while (query->next())
        versions.append(query->value(0).toString());
    return versions;
}

Result<QStringList> Migrator::migrate()
{
    if (availableMigrations().isEmpty())
        return ApiError::internal(QStringLiteral("No migrations found in %1.").arg(m_sqlDir));
    if (auto locked = m_db.exec(QStringLiteral("SELECT pg_advisory_lock(%1)").arg(kLockKey));
        !locked.ok())
        return locked.error();
    auto unlock = qScopeGuard(
        [this] { m_db.exec(QStringLiteral("SELECT pg_advisory_unlock(%1)").arg(kLockKey)); });
    auto applied = appliedVersions();
    if (!applied.ok())
        return applied.error();

    QStringList done;
    for (const QString &name : availableMigrations()) {
        const QString version = kMigrationName.match(name).captured(1);
        if (applied->contains(version))
            continue;
        auto sql = readSqlFile(QDir(m_sqlDir).filePath(name));
        if (!sql.ok())
            return sql.error();
        auto result = m_db.transaction<Done>([&]() -> Result<Done> {
            // A whole file at once: unprepared, so that it may hold many statements.
            if (auto ran = m_db.execScript(*sql); !ran.ok())
                return ran.error();
            auto recorded = m_db.exec(
                QStringLiteral("INSERT INTO schema_migrations (version, name) VALUES (?, ?)"),
                {version, name});
            if (!recorded.ok())
                return recorded.error();
            return Done{};
        });
        if (!result.ok())
            return ApiError::internal(
                QStringLiteral("Migration %1 failed: %2").arg(name, result.error().message));
        done.append(name);
    }
    return done;
}

} // namespace Nextup
