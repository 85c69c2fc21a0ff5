#include "realtime/roommembership.h"

namespace Nextup {

void RoomMembership::join(QWebSocket *socket, const QString &room, Grant grant)
{
    Joined &joined = m_bySocket[socket];
    if (joined.rooms.contains(room))
        return;
    joined.rooms.insert(room);
    if (grant == Grant::StaffRights)
        joined.onStaffRights.insert(room);
    m_byRoom[room].insert(socket);
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
        members->remove(socket);
        if (members->isEmpty())
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

QHash<QWebSocket *, Room> RoomMembership::audience(const QStringList &rooms) const
{
    QHash<QWebSocket *, Room> target;
    for (const QString &name : rooms) {
        const auto room = Room::parse(name);
        if (!room)
            continue;
        const auto members = m_byRoom.constFind(room->name());
        if (members == m_byRoom.cend())
            continue;
        for (QWebSocket *socket : *members) {
            const auto it = target.find(socket);
            if (it == target.end() || it->specificity() < room->specificity())
                target.insert(socket, *room);
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
