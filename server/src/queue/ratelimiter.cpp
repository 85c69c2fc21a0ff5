#include "queue/ratelimiter.h"

#include "queue/redisconnection.h"

RateLimiter::RateLimiter(QByteArray prefix) : m_prefix(std::move(prefix)) {}

Result<RateDecision> RateLimiter::hit(RedisConnection &conn, const QByteArray &bucketKey, int limit,
                                      int windowSeconds) const
{
    if (limit < 0 || windowSeconds <= 0 || bucketKey.isEmpty())
        return ApiError::internal(QStringLiteral("Invalid rate limit."));
    const RedisReply r =
        m_script.run(conn, {m_prefix + bucketKey},
                     {QByteArray::number(limit), QByteArray::number(windowSeconds)});
    if (r.type != RedisReply::Type::Array || r.elements.size() != 3)
        return RedisErrors::fromReply(r);
    RateDecision decision;
    decision.allowed = r.elements.at(0).integer == 1;
    const qint64 resetMs = r.elements.at(1).integer;
    // Round up: a client that waits Retry-After seconds must find the window reset.
    decision.retryAfterSeconds =
        decision.allowed ? 0 : int(qMax<qint64>(1, (resetMs + 999) / 1000));
    decision.remaining = int(r.elements.at(2).integer);
    return decision;
}
