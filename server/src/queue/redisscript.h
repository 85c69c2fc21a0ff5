#pragma once

#include <functional>

#include <QByteArray>
#include <QList>
#include <QString>

#include "core/apierror.h"
#include "queue/redisconnection.h"

namespace Nextup {

// One Lua script from the queue's resources (":/nextup/queue/lua/<name>.lua"), run with EVALSHA.
// The SHA-1 is computed locally when the script is read, which is exactly what SCRIPT LOAD
// answers, so the object is immutable after construction and safe to share between threads
// without a lock. When Redis forgot its script cache (restart, SCRIPT FLUSH) the NOSCRIPT answer
// is handled here: SCRIPT LOAD on the caller's connection, then EVALSHA once more.
class RedisScript
{
public:
    explicit RedisScript(const QString &name);

    const QString &name() const { return m_name; }
    const QByteArray &sha() const { return m_sha; }
    bool isValid() const { return !m_source.isEmpty(); }

    RedisReply run(RedisConnection &conn, const QList<QByteArray> &keys,
                   const QList<QByteArray> &args = {}) const;
    // The same without waiting: onReply gets the answer when the connection reads it (see
    // RedisConnection::sendDeferred), after a NOSCRIPT answer was handled as run() does.
    using ReplyHandler = std::function<void(const RedisReply &)>;
    void send(RedisConnection &conn, const QList<QByteArray> &keys, const QList<QByteArray> &args,
              ReplyHandler onReply) const;

private:
    QList<QByteArray> evalsha(const QByteArray &sha, const QList<QByteArray> &keys,
                              const QList<QByteArray> &args) const;
    // A NOSCRIPT reply means the script did not run: load it and run it once more.
    RedisReply retryIfNoscript(RedisConnection &conn, const QList<QByteArray> &keys,
                               const QList<QByteArray> &args, RedisReply reply) const;
    RedisReply notCompiledIn() const;

    QString m_name;
    QByteArray m_source;
    QByteArray m_sha;
};

namespace RedisErrors {

// Error text our scripts raise when the readiness marker is missing (Redis was emptied or
// restarted and the queue must be rebuilt from Postgres).
inline constexpr char notReadyPrefix[] = "NXNOTREADY";

ApiError queueNotReady();
bool isQueueNotReady(const ApiError &error);

// Maps a failed reply to the API error: the readiness marker → 503 queue_not_ready; Redis
// unreachable, loading its data set or refusing writes → 503 redis_unavailable; anything else is a
// bug in our scripts → 500.
ApiError fromReply(const RedisReply &reply);

} // namespace RedisErrors

} // namespace Nextup
