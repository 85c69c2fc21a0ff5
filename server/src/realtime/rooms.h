#pragma once

#include <optional>

#include <QString>

#include "core/principal.h"
#include "nextup/wire/enums.h"

namespace Nextup {

// A room name of the WebSocket protocol: global, branch:<id>, service:<id>, counter:<id>,
// token:<id>, staff. Public rooms (global, branch, service, counter: what lobby boards and the
// display above a counter follow) need no login and carry token numbers and counts only, never
// personal data; a token room needs that token's status secret (or a staff access token); the
// staff room (the lobby devices' state) is staff's alone.
struct Room
{
    using Kind = Wire::RoomKind;
    Kind kind = Kind::Global;
    qint64 id = 0;

    static std::optional<Room> parse(const QString &name);
    QString name() const;
    QString kindName() const;
    bool isPublic() const { return kind != Kind::Token && kind != Kind::Staff; }
    // Whether a secret can open it: a token room's.
    bool opensWithSecret() const { return kind == Kind::Token; }
    // Whether the principal may join without a secret: public rooms, and the others for staff.
    bool allows(const Principal &principal) const { return isPublic() || principal.isStaff(); }
    // More specific rooms win when one event reaches a client through several rooms.
    int specificity() const { return int(kind); }
};

} // namespace Nextup
