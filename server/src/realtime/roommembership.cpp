#include "realtime/roommembership.h"

#include <algorithm>

namespace Nextup {

void RoomMembership::join(QWebSocket *socket, const QString &room, Grant grant)
{
    Joined &joined = m_bySocket[socket];
    if (joined.rooms.contains(room))
        return;
    joined.rooms.insert(room);
    if (grant == Grant::StaffRights)
        joined.onStaffRights.insert(room);
    m_byRoom[room].push_back(socket);
}

bool RoomMembership::leave(QWebSocket *socket, const QString &room)
{
    const auto joined = m_bySocket.find(socket);
    if (joined == m_bySocket.end() || !joined->rooms.remove(room))
        return false;
    joined->onStaffRights.remove(room);
    if (joined->rooms.isEmpty())
        m_bySocket.erase(joined);
    const auto members = m_byRoom.find(room);
    if (members != m_byRoom.end()) {
        const auto at = std::find(members->begin(), members->end(), socket);
        if (at != members->end()) {
            *at = members->back();
            members->pop_back();
        }
        if (members->empty())
            m_byRoom.erase(members);
    }
    return true;
}

void RoomMembership::leaveAll(QWebSocket *socket)
{
    for (const QString &room : rooms(socket))
        leave(socket, room);
}

bool RoomMembership::contains(QWebSocket *socket, const QString &room) const
{
    const auto joined = m_bySocket.constFind(socket);
    return joined != m_bySocket.cend() && joined->rooms.contains(room);
}

QSet<QString> RoomMembership::rooms(QWebSocket *socket) const
{
    return m_bySocket.value(socket).rooms;
}

QSet<QString> RoomMembership::roomsOnStaffRights(QWebSocket *socket) const
{
    return m_bySocket.value(socket).onStaffRights;
}

std::vector<RoomMembership::Members> RoomMembership::withMembers(const QStringList &rooms) const
{
    std::vector<Members> out;
    for (const QString &name : rooms) {
        const auto room = Room::parse(name);
        if (!room)
            continue;
        const auto members = m_byRoom.constFind(room->name());
        if (members == m_byRoom.cend())
            continue;
        const bool repeated = std::any_of(out.cbegin(), out.cend(), [&](const Members &seen) {
            return seen.room.name() == room->name();
        });
        if (!repeated)
            out.push_back({*room, &*members});
    }
    std::stable_sort(out.begin(), out.end(), [](const Members &a, const Members &b) {
        return a.room.specificity() > b.room.specificity();
    });
    return out;
}

QHash<QWebSocket *, Room> RoomMembership::audience(const QStringList &rooms) const
{
    QHash<QWebSocket *, Room> target;
    for (const Members &members : withMembers(rooms)) {
        for (QWebSocket *socket : *members.sockets) {
            if (!target.contains(socket))
                target.insert(socket, members.room);
        }
    }
    return target;
}

QHash<QString, int> RoomMembership::countByKind() const
{
    QHash<QString, int> byKind;
    for (auto it = m_byRoom.cbegin(); it != m_byRoom.cend(); ++it) {
        if (const auto room = Room::parse(it.key()))
            byKind[room->kindName()] += int(it->size());
    }
    return byKind;
}

} // namespace Nextup
