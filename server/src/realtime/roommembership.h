#pragma once

#include <vector>

#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

#include "realtime/rooms.h"

class QWebSocket;

namespace Nextup {

// Who is in which room, both ways: a socket's rooms (for replies, limits and leaving on close)
// and a room's sockets (for fan-out). Rooms are kept by their canonical name (Room::name()); a
// room with no members is forgotten, since token rooms are many and short-lived. Also remembers
// which rooms a socket joined on staff rights alone, so that they can be left when its identity
// changes. Only bookkeeping: who may join is RoomAccess's decision. Sockets are keys, never
// dereferenced. One thread.
class RoomMembership
{
public:
    enum class Grant
    {
        Ordinary,   // a public room, or a token room whose secret was shown
        StaffRights // a token room joined without its secret
    };

    // Joining a room the socket is already in changes nothing (its grant included).
    void join(QWebSocket *socket, const QString &room, Grant grant = Grant::Ordinary);
    // False when the socket was not in the room.
    bool leave(QWebSocket *socket, const QString &room);
    void leaveAll(QWebSocket *socket);

    bool contains(QWebSocket *socket, const QString &room) const;
    QSet<QString> rooms(QWebSocket *socket) const;
    QSet<QString> roomsOnStaffRights(QWebSocket *socket) const;
    // No room has a member.
    bool isEmpty() const { return m_byRoom.isEmpty(); }

    // A room and its members, in no particular order.
    struct Members
    {
        Room room;
        const std::vector<QWebSocket *> *sockets;
    };
    // Those of `rooms` (names as published; names that are not rooms are skipped, repeats taken
    // once) that have members, the most specific first: a fan-out walks them in this order and
    // gives each socket an event once, through the first of them it is in. Valid until the next
    // join or leave.
    std::vector<Members> withMembers(const QStringList &rooms) const;
    // The members of any of `rooms`, each once, with the most specific of those rooms it is in.
    QHash<QWebSocket *, Room> audience(const QStringList &rooms) const;
    // Memberships per room kind (Room::kindName()).
    QHash<QString, int> countByKind() const;

private:
    struct Joined
    {
        QSet<QString> rooms;
        QSet<QString> onStaffRights; // a subset of rooms
    };
    QHash<QWebSocket *, Joined> m_bySocket;
    // Flat lists: a fan-out reads them straight through. Leaving finds the socket by a linear
    // search and swaps the last member into its place.
    QHash<QString, std::vector<QWebSocket *>> m_byRoom;
};

} // namespace Nextup
