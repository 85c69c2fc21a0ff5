#include "queue/queuerebuild.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QThread>

#include "queue/redisconnection.h"

namespace Nextup {

Q_DECLARE_LOGGING_CATEGORY(lcRedis)

namespace {

constexpr qsizetype membersPerZadd = 500;
constexpr qsizetype commandsPerPipeline = 500;

QByteArray randomOwner()
{
    QRandomGenerator *rng = QRandomGenerator::system();
    return QByteArray::number(rng->generate64(), 16) + QByteArray::number(rng->generate64(), 16);
}

bool isOk(const RedisReply &r)
{
    return !r.isError();
}

} // namespace

QueueRebuilder::QueueRebuilder(QueueKeys keys) : m_keys(std::move(keys)) {}

Outcome QueueRebuilder::ensureReady(RedisConnection &conn, const SnapshotLoader &loadSnapshot) const
{
    Result<bool> ready = markerExists(conn);
    if (!ready.ok())
        return ready.error();
    if (*ready)
        return Done{};

    // Waiters also try the lock now and then: if the rebuilder died or its snapshot failed, one of
    // them takes over instead of everyone waiting for a marker that never comes.
    const QByteArray owner = randomOwner();
    QElapsedTimer waited;
    waited.start();
    for (;;) {
        const Result<bool> locked = tryLock(conn, owner);
        if (!locked.ok())
            return locked.error();
        if (*locked) {
            Outcome rebuilt = rebuildLocked(conn, loadSnapshot, owner);
            unlock(conn, owner);
            return rebuilt;
        }
        if (waited.elapsed() >= waitLimit.count())
            return RedisErrors::queueNotReady();
        QThread::msleep(static_cast<unsigned long>(pollInterval.count()));
        ready = markerExists(conn);
        if (!ready.ok())
            return ready.error();
        if (*ready)
            return Done{};
    }
}

Result<bool> QueueRebuilder::markerExists(RedisConnection &conn) const
{
    const RedisReply r = conn.run({"EXISTS", m_keys.ready()});
    if (r.type != RedisReply::Type::Integer)
        return RedisErrors::fromReply(r);
    return r.integer > 0;
}

// Redis with persistence reloads the marker together with a queue that may be minutes old. The
// marker holds the run_id of the Redis process that got the rebuild; a new process has a new one.
Result<bool> QueueRebuilder::checkMarker(RedisConnection &conn) const
{
    const QList<RedisReply> r = conn.pipeline({{"GET", m_keys.ready()}, {"INFO", "server"}});
    if (r.at(0).isError() || r.at(1).isError())
        return RedisErrors::fromReply(r.at(0).isError() ? r.at(0) : r.at(1));
    if (r.at(0).isNil())
        return false;
    const QByteArray runId = parseRunId(r.at(1).string);
    if (runId.isEmpty() || r.at(0).string == runId)
        return true;
    qCWarning(lcRedis) << "Redis restarted with its old data; the live queue will be rebuilt";
    const RedisReply dropped = m_deleteIfEqual.run(conn, {m_keys.ready()}, {r.at(0).string});
    if (dropped.isError())
        return RedisErrors::fromReply(dropped);
    return false;
}

Result<QByteArray> QueueRebuilder::serverRunId(RedisConnection &conn) const
{
    const RedisReply info = conn.run({"INFO", "server"});
    if (info.type != RedisReply::Type::String)
        return RedisErrors::fromReply(info);
    const QByteArray runId = parseRunId(info.string);
    return runId.isEmpty() ? QByteArray("unknown") : runId;
}

QByteArray QueueRebuilder::parseRunId(const QByteArray &info)
{
    for (const QByteArray &line : info.split('\n')) {
        if (line.startsWith("run_id:"))
            return line.mid(7).trimmed();
    }
    return {};
}

Result<bool> QueueRebuilder::tryLock(RedisConnection &conn, const QByteArray &owner) const
{
    const RedisReply r = conn.run({"SET", m_keys.rebuildLock(), owner, "NX", "PX",
                                   QByteArray::number(qint64(lockLifetime.count()))});
    if (r.isNil())
        return false;
    if (r.type != RedisReply::Type::Status)
        return RedisErrors::fromReply(r);
    return true;
}

void QueueRebuilder::unlock(RedisConnection &conn, const QByteArray &owner) const
{
    // If this fails the lock simply expires after lockLifetime.
    const RedisReply r = m_deleteIfEqual.run(conn, {m_keys.rebuildLock()}, {owner});
    if (r.isError())
        qCWarning(lcRedis) << "could not release the rebuild lock:" << r.string;
}

// The marker is written last: until then every queue operation keeps failing with
// queue_not_ready, so nobody sees a half-written queue.
Outcome QueueRebuilder::rebuildLocked(RedisConnection &conn, const SnapshotLoader &loadSnapshot,
                                      const QByteArray &owner) const
{
    const Result<bool> ready = markerExists(conn);
    if (!ready.ok())
        return ready.error();
    if (*ready) // someone finished between our check and our lock
        return Done{};

    QElapsedTimer timer;
    timer.start();
    const Result<StoredQueue> snapshot = loadSnapshot();
    if (!snapshot.ok()) {
        qCWarning(lcRedis) << "queue rebuild: loading the snapshot failed:"
                           << snapshot.error().message;
        return snapshot.error();
    }
    const Result<bool> needed = stillNeeded(conn, owner);
    if (!needed.ok())
        return needed.error();
    if (!*needed)
        return Done{};
    if (Outcome s = deleteLiveKeys(conn); !s.ok())
        return s;
    if (Outcome s = writeQueues(conn, *snapshot); !s.ok())
        return s;
    if (Outcome s = raiseFloors(conn, *snapshot); !s.ok())
        return s;
    const Result<QByteArray> runId = serverRunId(conn);
    if (!runId.ok())
        return runId.error();
    const RedisReply marked = conn.run({"SET", m_keys.ready(), *runId});
    if (!isOk(marked))
        return RedisErrors::fromReply(marked);
    qCInfo(lcRedis).nospace() << "queue rebuilt under " << m_keys.prefix() << ": "
                              << snapshot->waiting.size() << " waiting, "
                              << snapshot->currentByCounter.size() << " current, in "
                              << timer.elapsed() << " ms";
    return Done{};
}

// The lock may have expired during a slow snapshot load (Postgres under load): then someone else
// rebuilds, or already has, and our snapshot is the older one.
Result<bool> QueueRebuilder::stillNeeded(RedisConnection &conn, const QByteArray &owner) const
{
    const RedisReply r = m_renewLock.run(conn, {m_keys.ready(), m_keys.rebuildLock()},
                                         {owner, QByteArray::number(qint64(lockLifetime.count()))});
    if (r.type != RedisReply::Type::Integer)
        return RedisErrors::fromReply(r);
    if (r.integer == 0) {
        qCWarning(lcRedis) << "queue rebuild: the lock expired while loading the snapshot";
        return RedisErrors::queueNotReady();
    }
    return r.integer == 1;
}

Outcome QueueRebuilder::deleteLiveKeys(RedisConnection &conn) const
{
    for (const char *kind : {"q:", "cq:", "cur:"}) {
        const QByteArray pattern = m_keys.scanPattern(kind);
        QByteArray cursor = "0";
        do {
            const RedisReply page = conn.run({"SCAN", cursor, "MATCH", pattern, "COUNT", "1000"});
            if (page.type != RedisReply::Type::Array || page.elements.size() != 2)
                return RedisErrors::fromReply(page);
            cursor = page.elements.at(0).string;
            QList<QByteArray> del{"DEL"};
            for (const RedisReply &key : page.elements.at(1).elements)
                del.append(key.string);
            if (del.size() > 1) {
                const RedisReply r = conn.run(del);
                if (!isOk(r))
                    return RedisErrors::fromReply(r);
            }
        } while (cursor != "0");
    }
    return Done{};
}

Outcome QueueRebuilder::writeQueues(RedisConnection &conn, const StoredQueue &snapshot) const
{
    QHash<QByteArray, QList<QByteArray>> zadds; // key -> ZADD command being filled
    QList<QList<QByteArray>> commands;
    for (const QueueEntry &e : snapshot.waiting) {
        if (!e.isValid()) {
            qCWarning(lcRedis) << "queue rebuild: skipping invalid entry for token" << e.tokenId;
            continue;
        }
        const QByteArray key = e.targetCounterId > 0 ? m_keys.counterQueue(e.targetCounterId)
                                                     : m_keys.serviceQueue(e.serviceId);
        QList<QByteArray> &zadd = zadds[key];
        if (zadd.isEmpty())
            zadd = {"ZADD", key};
        zadd << QByteArray::number(e.score()) << QueueKeys::member(e.tokenId);
        if ((zadd.size() - 2) / 2 >= membersPerZadd)
            commands.append(std::exchange(zadd, {}));
    }
    for (const auto &zadd : std::as_const(zadds)) {
        if (!zadd.isEmpty())
            commands.append(zadd);
    }
    for (auto it = snapshot.currentByCounter.cbegin(); it != snapshot.currentByCounter.cend(); ++it)
        commands.append({"SET", m_keys.current(it.key()), QByteArray::number(it.value())});
    return runBatch(conn, commands);
}

Outcome QueueRebuilder::raiseFloors(RedisConnection &conn, const StoredQueue &snapshot) const
{
    for (const QueueNumberFloor &floor : snapshot.numbers) {
        if (!floor.date.isValid())
            continue;
        const RedisReply r =
            m_raiseFloor.run(conn, {m_keys.number(floor.serviceId, floor.date)},
                             {QByteArray::number(floor.lastNumber),
                              QByteArray::number(QueueKeys::numberLifetimeSeconds)});
        if (r.type != RedisReply::Type::Integer)
            return RedisErrors::fromReply(r);
    }
    const RedisReply r = m_raiseFloor.run(conn, {m_keys.eventSeq()},
                                          {QByteArray::number(snapshot.eventSeqFloor), "0"});
    if (r.type != RedisReply::Type::Integer)
        return RedisErrors::fromReply(r);
    return Done{};
}

Outcome QueueRebuilder::runBatch(RedisConnection &conn,
                                 const QList<QList<QByteArray>> &commands) const
{
    for (qsizetype from = 0; from < commands.size(); from += commandsPerPipeline) {
        const QList<RedisReply> replies = conn.pipeline(commands.mid(from, commandsPerPipeline));
        for (const RedisReply &r : replies) {
            if (!isOk(r))
                return RedisErrors::fromReply(r);
        }
    }
    return Done{};
}

} // namespace Nextup
