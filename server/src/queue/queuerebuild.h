#pragma once

#include <chrono>
#include <functional>

#include <QByteArray>
#include <QList>

#include "core/apierror.h"
#include "queue/queuekeys.h"
#include "queue/queuetypes.h"
#include "queue/redisscript.h"

namespace Nextup {

class RedisConnection;

// Rewrites the live queue from a Postgres snapshot after Redis lost it. Only one caller at a time
// (across threads and server instances) rebuilds, under a Redis lock; the others wait for the
// readiness marker. Immutable after construction, so safe to share between threads.
class QueueRebuilder
{
public:
    using SnapshotLoader = std::function<Result<StoredQueue>()>;

    static constexpr std::chrono::milliseconds lockLifetime{15000};
    static constexpr std::chrono::milliseconds pollInterval{20};
    static constexpr std::chrono::milliseconds waitLimit{10000};

    explicit QueueRebuilder(QueueKeys keys);

    Outcome ensureReady(RedisConnection &conn, const SnapshotLoader &loadSnapshot) const;
    // True when the marker is present and was written for the running Redis process; a marker
    // that survived a Redis restart (persistence) is deleted and false returned.
    Result<bool> checkMarker(RedisConnection &conn) const;

private:
    Result<bool> markerExists(RedisConnection &conn) const;
    Result<QByteArray> serverRunId(RedisConnection &conn) const;
    static QByteArray parseRunId(const QByteArray &info);
    Result<bool> tryLock(RedisConnection &conn, const QByteArray &owner) const;
    void unlock(RedisConnection &conn, const QByteArray &owner) const;
    Outcome rebuildLocked(RedisConnection &conn, const SnapshotLoader &loadSnapshot,
                          const QByteArray &owner) const;
    Result<bool> stillNeeded(RedisConnection &conn, const QByteArray &owner) const;
    Outcome deleteLiveKeys(RedisConnection &conn) const;
    Outcome writeQueues(RedisConnection &conn, const StoredQueue &snapshot) const;
    Outcome raiseFloors(RedisConnection &conn, const StoredQueue &snapshot) const;
    Outcome runBatch(RedisConnection &conn, const QList<QList<QByteArray>> &commands) const;

    QueueKeys m_keys;
    RedisScript m_raiseFloor{QStringLiteral("raisefloor")};
    RedisScript m_deleteIfEqual{QStringLiteral("deleteifequal")};
    RedisScript m_renewLock{QStringLiteral("renewlock")};
};

} // namespace Nextup
