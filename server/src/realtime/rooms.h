#pragma once

#include "domain/principal.h"

#include <QString>

#include <optional>

// A room name of the WebSocket protocol: global, branch:<id>, service:<id>, counter:<id>,
// token:<id>. Public rooms (global, branch, service) need no login and carry token numbers and
// counts only; counter rooms need a staff access token; a token room needs that token's status
// secret (or staff).
struct Room
{
    enum class Kind { Global, Branch, Service, Counter, Token };
    Kind kind = Kind::Global;
    qint64 id = 0;

    static std::optional<Room> parse(const QString &name);
    QString name() const;
    QString kindName() const;
    bool isPublic() const { return kind == Kind::Global || kind == Kind::Branch || kind == Kind::Service; }
    // Public rooms and staff-only rooms; token rooms need a secret check on top.
    bool allows(const Principal &principal) const;
    // More specific rooms win when one event reaches a client through several rooms.
    int specificity() const { return int(kind); }
};
