#include "realtime/roomaccess.h"

#include <QCoreApplication>
#include <QPointer>

#include "core/principal.h"
#include "domain/tokensecrets.h"
#include "http/workerpool.h"

namespace Nextup {

SubscribePlan RoomAccess::plan(const QStringList &requested, const Principal &principal,
                               const QSet<QString> &current, int maxRooms)
{
    SubscribePlan plan;
    if (requested.size() > maxRooms) {
        plan.refusals.append(FrameProtocol::tooManyRooms(maxRooms));
        return plan;
    }
    QSet<QString> members = current; // with the rooms this frame joins, as they are joined
    for (const QString &name : requested) {
        const auto room = Room::parse(name);
        if (!room) {
            plan.refusals.append(FrameProtocol::unknownRoom(name));
            continue;
        }
        if (members.contains(room->name())) {
            plan.subscribed.append(room->name()); // a re-subscribe after reconnect or auth
            continue;
        }
        // A room joined by this frame, or subscribed again, counts twice here (as a member and in
        // the reply): the limit the hub has always applied, kept so that no client sees it move.
        if (members.size() + plan.subscribed.size() + plan.needSecret.size() >= maxRooms) {
            plan.refusals.append(FrameProtocol::tooManyRooms(maxRooms, name));
            break;
        }
        if (!room->allows(principal)) {
            if (room->opensWithSecret())
                plan.needSecret.append(*room);
            else
                plan.refusals.append(FrameProtocol::staffRoomRefused(room->name()));
            continue;
        }
        plan.join.append(room->name());
        if (!room->isPublic())
            plan.joinOnStaffRights.append(room->name());
        members.insert(room->name());
        plan.subscribed.append(room->name());
    }
    return plan;
}

QStringList RoomAccess::revokedOnReauth(const QSet<QString> &onStaffRights,
                                        const Principal &principal)
{
    QStringList revoked;
    for (const QString &name : onStaffRights) {
        const auto room = Room::parse(name);
        if (!room || !room->allows(principal))
            revoked.append(name);
    }
    return revoked;
}

void RoomAccess::checkSecret(const QList<Room> &rooms, const QByteArray &secret, QObject *context,
                             std::function<void(const QList<SecretVerdict> &)> done)
{
    // The answer goes through the application object, which outlives every job: `context` may
    // be gone by the time a job ends (the hub is destroyed before the pool is drained).
    Q_ASSERT(context->thread() == QCoreApplication::instance()->thread());
    QPointer<QObject> guard(context);
    m_pool.post([rooms, secret, guard, done = std::move(done)](WorkerContext &ctx) {
        QList<SecretVerdict> verdicts;
        for (const Room &room : rooms) {
            const auto verdict = TokenSecrets::verify(ctx.db(), room.id, secret);
            QString refusal;
            if (!verdict.ok())
                refusal = verdict.error().code;
            else if (*verdict == TokenSecrets::Verdict::UnknownToken)
                refusal = QStringLiteral("not_found");
            else if (*verdict == TokenSecrets::Verdict::WrongSecret)
                refusal = QStringLiteral("forbidden");
            verdicts.append({room.name(), refusal});
        }
        QMetaObject::invokeMethod(QCoreApplication::instance(), [guard, done, verdicts] {
            if (guard)
                done(verdicts);
        });
    });
}

} // namespace Nextup
