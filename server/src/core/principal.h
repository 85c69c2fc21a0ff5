#pragma once

#include <QString>

#include "nextup/wire/enums.h"

namespace Nextup {

// Who is calling: decoded from a verified access token on the HTTP thread. userId 0 means an
// anonymous caller.
struct Principal
{
    int userId = 0;
    QString role;
    QString name;

    bool isAnonymous() const { return userId == 0; }
    bool is(Wire::Role value) const { return role == Wire::toString(value); }
    bool isAdmin() const { return is(Wire::Role::Admin); }
    bool isStaff() const { return isAdmin() || is(Wire::Role::Operator); }
    bool mayIssuePriority() const { return isStaff() || is(Wire::Role::Kiosk); }
};

// The role texts (Wire::Role) as the QStrings that principals, users and claims hold.
namespace Roles {
inline const QString Admin = Wire::toString(Wire::Role::Admin);
inline const QString Operator = Wire::toString(Wire::Role::Operator);
inline const QString Kiosk = Wire::toString(Wire::Role::Kiosk);
inline const QString User = Wire::toString(Wire::Role::User);
inline bool isValid(const QString &role)
{
    return Wire::fromString<Wire::Role>(role).has_value();
}
} // namespace Roles

} // namespace Nextup
