#pragma once

#include "app/apierror.h"

#include <QString>
#include <QStringList>

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

// Loads the demo data of the seed document into an empty database: one branch, the services
// Deposit, Withdrawal and Passbook, counters A (Deposit, Withdrawal), B (Passbook) and C (all),
// an admin, two operators, a kiosk device user and a few finished tokens in yesterday's history.
class Seeder
{
public:
    Seeder(Database &db, QString sqlDir);

    // false when the database already holds users (seeding twice changes nothing).
    Result<bool> seed();

private:
    Database &m_db;
    QString m_sqlDir;
};
