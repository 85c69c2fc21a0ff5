#pragma once

#include <QString>

#include "core/apierror.h"

namespace Nextup {

class Database;

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

} // namespace Nextup
