#pragma once

#include "api/routetable.h"

namespace Nextup {

// /api/users: the administration of accounts, and /api/audit: the trail of every admin change
// (admin only).
class UsersController
{
public:
    explicit UsersController(const ApiContext &api) : m_api(api) {}
    static const QList<Route<UsersController>> &routes();

private:
    static BranchScope::Check scope(const Call &call); // the user of call's :id
    void list(const Call &call);
    void get(const Call &call);
    void create(const Call &call);
    void update(const Call &call);
    void remove(const Call &call);
    void audit(const Call &call);

    const ApiContext &m_api;
};

} // namespace Nextup
