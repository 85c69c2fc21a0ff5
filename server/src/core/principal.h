#pragma once

#include <QString>

#include "nextup/wire/enums.h"

namespace Nextup {

// Who is calling: decoded from a verified access token on the HTTP thread. userId 0 means an
// anonymous caller.
//
// Branch scope: a caller with a branchId (a branch_admin, and the operators and kiosks of a branch)
// sees and acts on that branch's objects only; another branch's object is "not found" to them and
// lists are narrowed to their branch. Head office (branchId 0: admins, unbound staff) and
// anonymous callers reach every branch.
struct Principal
{
    int userId = 0;
    QString role;
    QString name;
    int branchId = 0;

    bool isAnonymous() const { return userId == 0; }
    bool is(Wire::Role value) const { return role == Wire::toString(value); }
    bool isAdmin() const { return is(Wire::Role::Admin); }
    bool isBranchAdmin() const { return is(Wire::Role::BranchAdmin); }
    // An admin or a branch admin: manages the catalogue, users and devices of what it reaches.
    bool isManager() const { return isAdmin() || isBranchAdmin(); }
    bool isStaff() const { return isManager() || is(Wire::Role::Operator); }
    bool mayIssuePriority() const { return isStaff() || is(Wire::Role::Kiosk); }

    bool reaches(int objectBranchId) const { return branchId == 0 || objectBranchId == branchId; }
    // The branch a list is narrowed to, given the one asked for (0: every branch): the caller's
    // own when bound to one; kNoBranch when it asked for another branch (an empty list).
    static constexpr int kNoBranch = -1;
    int narrowed(int requested) const
    {
        if (branchId == 0)
            return requested;
        return requested == 0 || requested == branchId ? branchId : kNoBranch;
    }
};

// The role texts (Wire::Role) as the QStrings that principals, users and claims hold.
namespace Roles {
inline const QString Admin = Wire::toString(Wire::Role::Admin);
inline const QString Operator = Wire::toString(Wire::Role::Operator);
inline const QString Kiosk = Wire::toString(Wire::Role::Kiosk);
inline const QString User = Wire::toString(Wire::Role::User);
inline const QString BranchAdmin = Wire::toString(Wire::Role::BranchAdmin);
inline bool isValid(const QString &role)
{
    return Wire::fromString<Wire::Role>(role).has_value();
}
} // namespace Roles

} // namespace Nextup
