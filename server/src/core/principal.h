#pragma once

#include <QString>

namespace Nextup {

// Who is calling: decoded from a verified access token on the HTTP thread. userId 0 means an
// anonymous caller.
struct Principal
{
    int userId = 0;
    QString role;
    QString name;

    bool isAnonymous() const { return userId == 0; }
    bool isAdmin() const { return role == u"admin"; }
    bool isStaff() const { return role == u"admin" || role == u"operator"; }
    bool mayIssuePriority() const { return isStaff() || role == u"kiosk"; }
};

namespace Roles {
inline const QString Admin = QStringLiteral("admin");
inline const QString Operator = QStringLiteral("operator");
inline const QString Kiosk = QStringLiteral("kiosk");
inline const QString User = QStringLiteral("user");
inline bool isValid(const QString &role)
{
    return role == Admin || role == Operator || role == Kiosk || role == User;
}
} // namespace Roles

} // namespace Nextup
