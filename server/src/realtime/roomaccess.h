#pragma once

#include <functional>

#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include "realtime/frameprotocol.h"
#include "realtime/rooms.h"

class QObject;

namespace Nextup {

class WorkerPool;
struct Principal;

// What a subscribe frame may do, decided by plan() before anything is joined.
struct SubscribePlan
{
    QStringList join;              // public rooms, and token rooms the caller's rights open
    QStringList joinOnStaffRights; // of those, the token rooms opened by staff rights alone
    QStringList subscribed;        // the reply's list: the joined rooms and those already joined
    QList<Room> needSecret;        // token rooms that the frame's secret must open
    QList<FrameError> refusals;    // error frames to send, in request order
};

// Who may be in which room. Public rooms are anyone's; a token room is staff's, or opened by that
// token's secret (checked against Postgres on a worker thread); Room::allows() is the rule.
// Rights are judged when a room is joined: a token room joined on staff rights is left when the
// socket re-authenticates without them (revokedOnReauth). Also caps the rooms per connection,
// before anything else, so that one frame cannot buy an answer per listed room.
class RoomAccess
{
public:
    explicit RoomAccess(WorkerPool &pool) : m_pool(pool) {}

    // A subscribe frame's rooms, for a socket in `current` rooms allowed at most maxRooms.
    static SubscribePlan plan(const QStringList &requested, const Principal &principal,
                              const QSet<QString> &current, int maxRooms);
    // Of the rooms a socket joined on staff rights, those that `principal` may no longer be in.
    static QStringList revokedOnReauth(const QSet<QString> &onStaffRights,
                                       const Principal &principal);

    // One answer per room, in the order asked: "" when the secret opens it, else the error code.
    struct SecretVerdict
    {
        QString room;
        QString refusal;
    };
    // Checks `secret` against each token room's stored hash on a worker thread, and calls `done`
    // with the verdicts on the main thread, where `context` lives; not at all if `context` is
    // gone by then.
    void checkSecret(const QList<Room> &rooms, const QByteArray &secret, QObject *context,
                     std::function<void(const QList<SecretVerdict> &)> done);

private:
    WorkerPool &m_pool;
};

} // namespace Nextup
