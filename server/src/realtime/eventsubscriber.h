#pragma once

#include <atomic>

#include <QThread>

#include "queue/redisconnection.h"

namespace Nextup {

// Listens on the Redis channel that every server instance publishes its events to, on a thread of
// its own (a blocking hiredis connection polled with a short timeout), and hands each message to
// the HTTP thread through a queued signal. Reconnects with backoff when Redis goes away; after a
// reconnect it emits resubscribed(), since messages sent in between are lost and clients must
// resync.
class EventSubscriber : public QThread
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventSubscriber)

public:
    EventSubscriber(RedisEndpoint endpoint, QByteArray channel, QObject *parent = nullptr);
    ~EventSubscriber() override;

    void stop();
    bool isSubscribed() const { return m_subscribed; }

signals:
    // receivedAtNs: when it was read from Redis, on std::chrono::steady_clock (the hub times its
    // fan-out from there: nextup_ws_fanout_seconds).
    void messageReceived(const QByteArray &payload, qint64 receivedAtNs);
    void resubscribed();

protected:
    void run() override;

private:
    bool listenOnce(); // one connection's life; false when it failed to connect

    RedisEndpoint m_endpoint;
    QByteArray m_channel;
    std::atomic_bool m_stop{false};
    std::atomic_bool m_subscribed{false};
};

} // namespace Nextup
