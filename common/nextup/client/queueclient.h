#pragma once

#include "nextup/client/queuestate.h"
#include "nextup/client/status.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>
#include <QUrl>
#include <QVariantList>

#include <memory>

class QWebSocket;

namespace Nextup {

class ApiClient;
class GetQueuesJob;

// The realtime half of the client: one WebSocket to /ws/queues that stays subscribed to a set of
// rooms, reconnects by itself (exponential backoff with jitter), and keeps a QueueState equal to
// the server's: a GET /api/queues snapshot after every (re)connect, a gap in seq, or a "resync"
// frame, moved forward by events. `stale` is true whenever that state may be behind the server:
// disconnected, resyncing, or silent for two heartbeats (then the socket is dropped and
// reconnected, because a half-open TCP connection may never report its death).
//
// Gaps can only be seen in room "global", which receives every seq; in other rooms the state
// still resyncs on reconnect and on "resync" frames.
class QueueClient : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QueueClient)
    Q_PROPERTY(bool connected READ isConnected NOTIFY connectedChanged)
    Q_PROPERTY(bool stale READ isStale NOTIFY staleChanged)
    Q_PROPERTY(qint64 lastSeq READ lastSeq NOTIFY stateChanged)
    Q_PROPERTY(QStringList rooms READ rooms WRITE setRooms NOTIFY roomsChanged)
    Q_PROPERTY(QVariantList services READ servicesVariant NOTIFY stateChanged)
    Q_PROPERTY(QVariantList counters READ countersVariant NOTIFY stateChanged)

public:
    struct Timing
    {
        int reconnectInitialMs = 500;
        int reconnectMaxMs = 30'000;
        double jitter = 0.2;        // each delay is scaled by 1 ± this, at random
        int stableAfterMs = 10'000; // connected this long: the backoff starts over
        int handshakeTimeoutMs = 10'000;
        int heartbeatMs = 0;           // 0: the server's hello decides (15 s); ping every half
        int gapWaitMs = 1'000;         // how long a missing seq may be late before a resync
        int resyncRetryMaxMs = 10'000; // GET /api/queues failed: retry, doubling up to this
        int subscribeWaitMs = 3'000;   // no "subscribed" reply: resync anyway
    };

    explicit QueueClient(ApiClient *api, QObject *parent = nullptr);
    ~QueueClient() override;

    // Default: the ApiClient's webSocketUrl().
    QUrl url() const;
    void setUrl(const QUrl &url);
    QStringList rooms() const { return m_rooms; }
    void setRooms(const QStringList &rooms);
    // The status secret for token:<id> rooms of a customer's own token.
    void setTokenSecret(const QString &secret);
    // Send the ApiClient's access token (staff join token rooms without a secret); on by
    // default.
    void setAuthenticate(bool authenticate);
    Timing timing() const { return m_timing; }
    void setTiming(const Timing &timing);

    void start();
    void stop();
    bool isRunning() const { return m_running; }

    bool isConnected() const { return m_connected; }
    bool isStale() const { return m_stale; }
    bool isResyncing() const { return m_state.isResyncing(); }
    int heartbeatMs() const { return m_heartbeatMs; }
    // Connection attempts since the last stable connection.
    int failedAttempts() const { return m_attempts; }

    const QueueState &state() const { return m_state; }
    QList<ServiceQueue> services() const { return m_state.services(); }
    QList<CounterInfo> counters() const { return m_state.counters(); }
    QList<QueueToken> waiting(int serviceId) const { return m_state.waiting(serviceId); }
    std::optional<CounterInfo> counter(int id) const;
    qint64 lastSeq() const { return m_state.lastSeq(); }

    QVariantList servicesVariant() const;
    QVariantList countersVariant() const;
    Q_INVOKABLE QVariantList waitingTokens(int serviceId) const;
    Q_INVOKABLE QVariantMap counterMap(int counterId) const;
    // Fetch GET /api/queues now and replace the state.
    Q_INVOKABLE void resync();

signals:
    void connectedChanged();
    void staleChanged();
    void roomsChanged();
    // After every applied event and every resync.
    void stateChanged();
    // The state was replaced by a fresh snapshot.
    void resynced();
    void eventReceived(const QString &name, const QJsonObject &data, qint64 seq);
    // {"type":"error"} from the server, e.g. forbidden or unknown_room for one room.
    void errorFrame(const QString &code, const QString &message, const QString &room);
    void authenticated(const QString &role);
    // GET /api/queues failed (it is retried while connected).
    void resyncFailed(const Nextup::Status &status);

private:
    void connectNow();
    void onConnected();
    void onSocketGone(QWebSocket *socket);
    void onText(const QString &text);
    void onControlFrame(const QString &type, const QJsonObject &frame);
    void onEvent(const QueueEvent &event);
    void onSnapshot(const QueueSnapshot &snapshot);
    void onHeartbeat();
    void onGapTimeout();
    void sendFrame(const QJsonObject &frame);
    void sendAuthAndSubscribe();
    void scheduleReconnect();
    void reconnectNow();
    void dropSocket();
    // Socket gone or stopped: no resync in flight, not connected, stale.
    void goOffline();
    void updateStale();
    void emitApplied(const QList<QueueEvent> &events);

    QPointer<ApiClient> m_api;
    QUrl m_url;
    QStringList m_rooms;
    QString m_tokenSecret;
    bool m_authenticate = true;
    Timing m_timing;

    std::unique_ptr<QWebSocket> m_socket;
    QueueState m_state;
    QPointer<GetQueuesJob> m_resyncJob;
    bool m_resyncAgain = false;
    int m_resyncRetryMs = 0;
    bool m_running = false;
    bool m_connected = false;
    bool m_stale = true;
    bool m_awaitingSubscribed = false;
    bool m_reauthTried = false;
    bool m_sentAuth = false; // this connection speaks for a signed-in user
    int m_attempts = 0;
    int m_heartbeatMs = 15'000;
    qint64 m_serverSeq = 0; // the server's last seq, from hello and pong
    QElapsedTimer m_lastFrame;
    QTimer m_reconnectTimer;
    QTimer m_handshakeTimer;
    QTimer m_pingTimer;
    QTimer m_stableTimer;
    QTimer m_gapTimer;
    QTimer m_resyncRetryTimer;
    QTimer m_subscribeTimer;
};

} // namespace Nextup
