#pragma once

#include <QString>
#include <QStringList>

#include "core/apierror.h"

namespace Nextup {

class Database;

// Applies the numbered, forward-only migrations NNNN_name.sql from a folder, each in its own
// transaction, recording them in schema_migrations. Several servers starting at once are
// serialised by an advisory lock, so each migration runs exactly once.
class Migrator
{
public:
    Migrator(Database &db, QString sqlDir);

    // The versions applied by this call, in order.
    Result<QStringList> migrate();
    Result<QStringList> appliedVersions();
    QStringList availableMigrations() const;

private:
    Database &m_db;
    QString m_sqlDir;
};

// The text of an SQL file of the migrations folder (migrations, the demo seed).
Result<QString> readSqlFile(const QString &path);

} // namespace Nextup
