#pragma once

#include <functional>

#include <QJsonObject>
#include <QStringList>

#include "queue/redisscript.h"

namespace Nextup {

class QueueEngine;

class RedisConnection;
struct TokenRecord;
namespace Wire {
struct Counter;
} // namespace Wire

// Every state change is announced as {"event", "rooms", "seq", "at", "data"} on the Redis channel
// `<prefix>events`, so every server instance can deliver it to its own WebSocket clients. `seq`
// comes from one Redis counter for the whole installation. Public payloads carry token numbers and
// counts only, never customer details. Publishing is best effort: a lost event is repaired by
// clients resyncing from GET /api/queues when they see a gap in `seq`. Nobody waits for Redis's
// reply: the event is written to Redis at once, and the reply read later (after the HTTP answer)
// only to report a failure.
class EventPublisher
{
public:
    EventPublisher(const QueueEngine &engine, QByteArray channel);

    void publish(RedisConnection &redis, const QString &event, const QStringList &rooms,
                 const QJsonObject &data, const QList<int> &changedServices = {}) const;
    // token_called, token_served, ... for one token, to global, branch, service, counter and the
    // token's own room; and to the room of the service it left when a transfer changed it.
    void publishToken(RedisConnection &redis, const QString &event, const TokenRecord &token,
                      int branchId, int counterId = 0, int previousServiceId = 0) const;
    // An event outside the installation's sequence (seq 0): for rooms that `global` does not
    // see (staff), whose events must not open a gap in every public client's seq. No client
    // can tell that one was lost; they refetch what such events describe after a reconnect.
    void publishUnsequenced(RedisConnection &redis, const QString &event, const QStringList &rooms,
                            const QJsonObject &data) const;
    // counter_status with the counter's row, to global and its branch's and its own room.
    void publishCounter(RedisConnection &redis, const Wire::Counter &counter) const;
    // The same event for many new tokens, in one script run (consecutive seqs); branchIds[i] is
    // tokens[i]'s branch.
    void publishTokens(RedisConnection &redis, const QString &event,
                       const QList<TokenRecord> &tokens, const QList<int> &branchIds) const;

    const QByteArray &channel() const { return m_channel; }
    // Called after every event except queue_update (which it may cause), once the event was sent
    // to Redis (its reply, with the seq, is read later), with the services whose waiting line a
    // token event changed; any thread.
    using ChangeHook = std::function<void(const QList<int> &services)>;
    void setChangeHook(ChangeHook hook) { m_changeHook = std::move(hook); }

private:
    struct Envelope
    {
        QStringList rooms;
        QByteArray data; // compact JSON
        QList<int> changedServices;
    };
    static Envelope tokenEnvelope(const TokenRecord &token, int branchId, int counterId,
                                  int previousServiceId);
    void publishAll(RedisConnection &redis, const QString &event,
                    const QList<Envelope> &envelopes) const;

    const QueueEngine &m_engine;
    QByteArray m_channel;
    RedisScript m_script{QStringLiteral("publish")};
    ChangeHook m_changeHook;
};

} // namespace Nextup
