#pragma once

#include "queue/redisscript.h"

#include <QJsonObject>
#include <QStringList>

#include <functional>

class QueueEngine;
class RedisConnection;
struct TokenRecord;

// Every state change is announced as {"event", "rooms", "seq", "at", "data"} on the Redis channel
// `<prefix>events`, so every server instance can deliver it to its own WebSocket clients. `seq`
// comes from one Redis counter for the whole installation. Public payloads carry token numbers and
// counts only, never customer details. Publishing is best effort: a lost event is repaired by
// clients resyncing from GET /api/queues when they see a gap in `seq`.
class EventPublisher
{
public:
    EventPublisher(const QueueEngine &engine, QByteArray channel);

    void publish(RedisConnection &redis, const QString &event, const QStringList &rooms,
                 const QJsonObject &data) const;
    // token_called, token_served, ... for one token, to global, branch, service, counter and the
    // token's own room; and to the room of the service it left when a transfer changed it.
    void publishToken(RedisConnection &redis, const QString &event, const TokenRecord &token,
                      int branchId, int counterId = 0, int previousServiceId = 0) const;

    const QByteArray &channel() const { return m_channel; }
    // Called after every event except queue_update (which it may cause); any thread.
    void setChangeHook(std::function<void()> hook) { m_changeHook = std::move(hook); }
    // What a public room may see of a token.
    static QJsonObject publicToken(const TokenRecord &token);

private:
    const QueueEngine &m_engine;
    QByteArray m_channel;
    RedisScript m_script{QStringLiteral("publish")};
    std::function<void()> m_changeHook;
};
