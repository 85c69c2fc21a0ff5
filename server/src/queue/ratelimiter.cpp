#include "queue/ratelimiter.h"

#include <algorithm>

#include "queue/redisconnection.h"

namespace Nextup {

RateLimiter::RateLimiter(QByteArray prefix) : m_prefix(std::move(prefix)) {}

Result<RateDecision> RateLimiter::hit(RedisConnection &conn, const QByteArray &bucketKey, int limit,
                                      int windowSeconds) const
{
    return hitEach(conn, {bucketKey}, limit, windowSeconds).constFirst();
}

Result<RateDecision> RateLimiter::peek(RedisConnection &conn, const QByteArray &bucketKey,
                                       int limit, int windowSeconds) const
{
    return decide(conn, {bucketKey}, limit, windowSeconds, Counting::No).constFirst();
}

QList<Result<RateDecision>> RateLimiter::hitEach(RedisConnection &conn,
                                                 const QList<QByteArray> &bucketKeys, int limit,
                                                 int windowSeconds) const
{
    return decide(conn, bucketKeys, limit, windowSeconds, Counting::Yes);
}

QList<Result<RateDecision>> RateLimiter::decide(RedisConnection &conn,
                                                const QList<QByteArray> &bucketKeys, int limit,
                                                int windowSeconds, Counting counting) const
{
    if (bucketKeys.isEmpty())
        return {};
    const auto keys = keysFor(bucketKeys, limit, windowSeconds);
    if (!keys)
        return invalidLimit(bucketKeys.size());
    QList<QByteArray> args{QByteArray::number(limit), QByteArray::number(windowSeconds)};
    if (counting == Counting::No)
        args.append(QByteArrayLiteral("peek"));
    return decisionsFrom(m_script.run(conn, *keys, args), bucketKeys.size());
}

void RateLimiter::sendEach(RedisConnection &conn, const QList<QByteArray> &bucketKeys, int limit,
                           int windowSeconds, DecisionsHandler onDecisions) const
{
    if (bucketKeys.isEmpty())
        return onDecisions({});
    const auto keys = keysFor(bucketKeys, limit, windowSeconds);
    if (!keys)
        return onDecisions(invalidLimit(bucketKeys.size()));
    m_script.send(conn, *keys, {QByteArray::number(limit), QByteArray::number(windowSeconds)},
                  [count = bucketKeys.size(), onDecisions](const RedisReply &reply) {
                      onDecisions(decisionsFrom(reply, count));
                  });
}

std::optional<QList<QByteArray>> RateLimiter::keysFor(const QList<QByteArray> &bucketKeys,
                                                      int limit, int windowSeconds) const
{
    const bool validKeys = std::none_of(bucketKeys.begin(), bucketKeys.end(),
                                        [](const QByteArray &key) { return key.isEmpty(); });
    if (limit < 0 || windowSeconds <= 0 || !validKeys)
        return std::nullopt;
    QList<QByteArray> keys;
    keys.reserve(bucketKeys.size());
    for (const QByteArray &key : bucketKeys)
        keys.append(m_prefix + key);
    return keys;
}

QList<Result<RateDecision>> RateLimiter::invalidLimit(qsizetype count)
{
    return QList<Result<RateDecision>>(count,
                                       ApiError::internal(QStringLiteral("Invalid rate limit.")));
}

// One decision per bucket from the script's reply.
QList<Result<RateDecision>> RateLimiter::decisionsFrom(const RedisReply &r, qsizetype count)
{
    QList<Result<RateDecision>> decisions;
    decisions.reserve(count);
    if (r.type != RedisReply::Type::Array || r.elements.size() != count) {
        decisions.fill(RedisErrors::fromReply(r), count);
        return decisions;
    }
    for (const RedisReply &hit : r.elements) {
        if (hit.type != RedisReply::Type::Array || hit.elements.size() != 3) {
            decisions.append(RedisErrors::fromReply(hit));
            continue;
        }
        RateDecision decision;
        decision.allowed = hit.elements.at(0).integer == 1;
        const qint64 resetMs = hit.elements.at(1).integer;
        // Round up: a client that waits Retry-After seconds must find the window reset.
        decision.retryAfterSeconds =
            decision.allowed ? 0 : int(qMax<qint64>(1, (resetMs + 999) / 1000));
        decision.remaining = int(hit.elements.at(2).integer);
        decisions.append(decision);
    }
    return decisions;
}

} // namespace Nextup
