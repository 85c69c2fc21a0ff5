#pragma once

#include <memory>

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>
#include <QUrl>
#include <QVariantList>

#include "nextup/client/connectionstates.h"
#include "nextup/client/queuestate.h"
#include "nextup/client/status.h"

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
//
// The connection lifecycle is one state machine, written down in connectionstates.h (diagram and
// table): Stopped -> Connecting -> Subscribing -> Fetching -> Live, with Backoff after a lost
// socket and Refetching / FetchBackoff around GET /api/queues. Every input (start(), stop(), a
// socket signal, a frame, a timer, a job's answer) becomes one ConnectionStates::Event, and
// dispatch() is the only place that changes the state; `connected` and `stale` follow from it.
// Beside the states run: the state's one deadline (m_timeout), the heartbeat and the "stable
// connection" timer while open, the gap wait while Live, and the one-shot "subscribed" trigger.
// All of it happens on the client's thread; a slot connected to one of its signals may call
// start(), stop() or resync() (the actions that emit re-check the state afterwards).
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
    bool isRunning() const { return m_connection != ConnectionStates::State::Stopped; }

    bool isConnected() const { return ConnectionStates::isConnected(m_connection); }
    bool isStale() const { return m_stale; }
    bool isResyncing() const { return m_state.isResyncing(); }
    int heartbeatMs() const { return m_heartbeatMs; }
    // Connection attempts since the last stable connection.
    int failedAttempts() const { return m_attempts; }
    // Where the lifecycle is (connectionstates.h): for logs and diagnostics.
    ConnectionStates::State connectionState() const { return m_connection; }

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
    // The only place where m_connection changes: looks the transition up and performs it.
    void dispatch(ConnectionStates::Event event, GetQueuesJob *job = nullptr);
    void perform(ConnectionStates::Action action, ConnectionStates::State from, GetQueuesJob *job);

    // The actions (ConnectionStates::Action).
    void connectSocket();
    void subscribe();
    void disconnectSocket(ConnectionStates::State from);
    void backOff();
    void fetch();
    void applySnapshot(const QueueSnapshot &snapshot);
    void reportFetchFailure(const Status &status);

    void onSocketGone(QWebSocket *socket);
    void onText(const QString &text);
    void onControlFrame(Wire::FrameType type, const QJsonObject &frame);
    void onEvent(const QueueEvent &event);
    void onHeartbeat();
    void onGapTimeout();
    // "subscribed", or no rooms to subscribe to: fires the subscribed trigger if it is armed.
    void onSubscribed();
    void sendFrame(const QJsonObject &frame);
    void sendAuthAndSubscribe();
    void dropSocket();
    void updateStale();
    void emitApplied(const QList<QueueEvent> &events);

    QPointer<ApiClient> m_api;
    QUrl m_url;
    QStringList m_rooms;
    QString m_tokenSecret;
    bool m_authenticate = true;
    Timing m_timing;

    ConnectionStates::State m_connection = ConnectionStates::State::Stopped;
    std::unique_ptr<QWebSocket> m_socket;
    QueueState m_state;
    QPointer<GetQueuesJob> m_resyncJob; // in Fetching and Refetching
    int m_attempts = 0;                 // Backoff: the delay doubles with each
    int m_resyncRetryMs = 0;            // FetchBackoff: the delay doubles with each failure
    bool m_stale = true;                // as last announced by staleChanged()
    // About this connection's identity, reset when it opens.
    bool m_sentAuth = false;    // this connection speaks for a signed-in user
    bool m_reauthTried = false; // "unauthorized" already led to one refresh
    int m_heartbeatMs = 15'000;
    qint64 m_serverSeq = 0; // the server's last seq, from hello and pong
    QElapsedTimer m_lastFrame;
    QTimer m_timeout;        // the current state's deadline (ConnectionStates::hasDeadline)
    QTimer m_pingTimer;      // while open
    QTimer m_stableTimer;    // while open: the backoff starts over once it fires
    QTimer m_gapTimer;       // while Live: a missing seq may be this late before a resync
    QTimer m_subscribeTimer; // armed by each subscribe: "subscribed" or this, then a resync
};

} // namespace Nextup
