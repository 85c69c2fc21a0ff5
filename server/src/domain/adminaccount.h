#pragma once

#include "core/apierror.h"

namespace Nextup {

class Database;

// The first admin of a new installation, made from the command line (`nextup-server
// create-admin`): the way in without the demo seed and its published passwords. Runs on the
// CLI's own connection, never on a worker of the running server.
class AdminAccount
{
public:
    enum class Outcome
    {
        Created,
        AlreadyExists, // a user of that name (any role) exists: nothing was changed
    };

    // Validates like registration (username pattern, 8 to 128 characters of password), then
    // inserts an active admin with an argon2id hash of `password`.
    static Result<Outcome> create(Database &db, const QString &username, const QString &password);
};

} // namespace Nextup
