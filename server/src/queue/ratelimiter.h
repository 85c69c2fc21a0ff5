#pragma once

#include <functional>
#include <optional>

#include <QByteArray>

#include "core/apierror.h"
#include "queue/redisscript.h"

namespace Nextup {

class RedisConnection;

struct RateDecision
{
    bool allowed = false;
    int retryAfterSeconds = 0; // > 0 when refused: when the window resets (Retry-After)
    int remaining = 0;         // hits left in the current window
};

// Fixed-window rate limits kept in Redis, so every server instance counts against the same
// buckets. One Lua script run per call, however many hits (INCR + expiry in one step each). Works
// without the queue's readiness marker: losing the buckets only forgives some requests. When Redis
// is unreachable the caller decides whether to fail open; hit() reports redis_unavailable.
// Thread-safe like QueueEngine: immutable, each thread passes its own connection.
class RateLimiter
{
public:
    explicit RateLimiter(QByteArray prefix = QByteArrayLiteral("nx:rl:"));

    // bucketKey names the client and action, e.g. "tokens:203.0.113.7".
    Result<RateDecision> hit(RedisConnection &conn, const QByteArray &bucketKey, int limit,
                             int windowSeconds) const;
    // Whether one more hit would be allowed now, without counting it (for limits that count
    // only some outcomes, e.g. failed logins: peek first, hit() once the outcome is known).
    Result<RateDecision> peek(RedisConnection &conn, const QByteArray &bucketKey, int limit,
                              int windowSeconds) const;
    // One hit on each bucket (a bucket may repeat), in one script run; one decision each, in order.
    QList<Result<RateDecision>> hitEach(RedisConnection &conn, const QList<QByteArray> &bucketKeys,
                                        int limit, int windowSeconds) const;
    // The same without waiting: the hits are sent now and onDecisions gets the decisions when
    // the connection reads the reply (RedisConnection::readDeferred), so the caller can do other
    // work meanwhile. Called at once when there is nothing to send or the arguments are invalid.
    using DecisionsHandler = std::function<void(QList<Result<RateDecision>>)>;
    void sendEach(RedisConnection &conn, const QList<QByteArray> &bucketKeys, int limit,
                  int windowSeconds, DecisionsHandler onDecisions) const;

private:
    enum class Counting
    {
        Yes,
        No
    };
    // One script run: the decisions for the buckets, each hit counted or only looked at.
    QList<Result<RateDecision>> decide(RedisConnection &conn, const QList<QByteArray> &bucketKeys,
                                       int limit, int windowSeconds, Counting counting) const;
    // The script's keys, or nullopt when the arguments are invalid.
    std::optional<QList<QByteArray>> keysFor(const QList<QByteArray> &bucketKeys, int limit,
                                             int windowSeconds) const;
    static QList<Result<RateDecision>> decisionsFrom(const RedisReply &reply, qsizetype count);
    static QList<Result<RateDecision>> invalidLimit(qsizetype count);

    QByteArray m_prefix;
    RedisScript m_script{QStringLiteral("ratelimit")};
};

} // namespace Nextup
