#include "queue/ratelimiter.h"

#include "queue/redisconnection.h"

#include <algorithm>

RateLimiter::RateLimiter(QByteArray prefix) : m_prefix(std::move(prefix)) {}

Result<RateDecision> RateLimiter::hit(RedisConnection &conn, const QByteArray &bucketKey, int limit,
                                      int windowSeconds) const
{
    return hitEach(conn, {bucketKey}, limit, windowSeconds).constFirst();
}

QList<Result<RateDecision>> RateLimiter::hitEach(RedisConnection &conn,
                                                 const QList<QByteArray> &bucketKeys, int limit,
                                                 int windowSeconds) const
{
    QList<Result<RateDecision>> decisions;
    if (bucketKeys.isEmpty())
        return decisions;
    decisions.reserve(bucketKeys.size());
    const bool validKeys = std::none_of(bucketKeys.begin(), bucketKeys.end(),
                                        [](const QByteArray &key) { return key.isEmpty(); });
    if (limit < 0 || windowSeconds <= 0 || !validKeys) {
        decisions.fill(ApiError::internal(QStringLiteral("Invalid rate limit.")),
                       bucketKeys.size());
        return decisions;
    }
    QList<QByteArray> keys;
    keys.reserve(bucketKeys.size());
    for (const QByteArray &key : bucketKeys)
        keys.append(m_prefix + key);
    const RedisReply r =
        m_script.run(conn, keys, {QByteArray::number(limit), QByteArray::number(windowSeconds)});
    if (r.type != RedisReply::Type::Array || r.elements.size() != bucketKeys.size()) {
        decisions.fill(RedisErrors::fromReply(r), bucketKeys.size());
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
