#pragma once

#include <deque>
#include <memory>
#include <unordered_map>

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include "realtime/allocatortrim.h"
#include "realtime/heartbeat.h"
#include "realtime/hublimits.h"
#include "realtime/hubmetrics.h"
#include "realtime/roomaccess.h"
#include "realtime/roommembership.h"

class QWebSocket;

namespace Nextup {

class AccessTokens;
class HttpServer;
class WorkerPool;

// /ws/queues: accepts WebSocket clients from the HTTP server, owns their sockets, and delivers
// the installation's events (received from Redis by EventSubscriber) to the clients of this
// instance. Lives on the HTTP thread (the main thread), as do its parts; only token-secret checks
// run on a worker thread.
//
// It wires parts that each do one job: FrameProtocol (the frames, both ways), FrameBudget (how
// fast a client may send), Heartbeat (finding dead peers), RoomAccess (who may join which room),
// RoomMembership (who is in which room) and HubMetrics. What it keeps for itself: a client that
// reads too slowly is aborted once its send buffer passes maxBufferedBytes, and sent nothing more.
//
// Fan-out (issue 19, bench/README.md): an event's frame is built once per room and the same
// bytes are written to each member's connection (GuardedSocket::writeFrame, past QWebSocket,
// which keeps the handshake, client frames, ping/pong and close). A big room goes out in slices
// of a few milliseconds with the event loop running between them, events in arrival order.
class WebSocketHub : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WebSocketHub)

public:
    WebSocketHub(HttpServer &http, const AccessTokens &tokens, WorkerPool &pool, HubLimits limits,
                 QObject *parent = nullptr);
    ~WebSocketHub() override;

    // An event envelope as published by EventPublisher (see EventEnvelope), read from Redis at
    // receivedAtNs (steadyNowNs(); 0 = now).
    void deliver(const QByteArray &payload, qint64 receivedAtNs = 0);
    // Events may have been lost (Redis reconnect): tell every client to resync.
    void requestResync();

    int clientCount() const { return int(m_clients.size()); }
    QByteArray metricsText() const;

private:
    struct Client;
    struct Fanout;

    void accept();
    // Sends the waiting fan-outs, in order, for one slice of time.
    void pump();
    bool admit(Client &client);
    void onBinary(QWebSocket *socket);
    void onText(QWebSocket *socket, const QString &text);
    void handleAuth(Client &client, const QByteArray &token);
    void handleSubscribe(Client &client, const QStringList &rooms, const QByteArray &secret);
    void handleUnsubscribe(Client &client, const QStringList &rooms);
    void onSecretChecked(QWebSocket *socket, const QList<RoomAccess::SecretVerdict> &verdicts);
    void send(Client &client, const QString &frame);
    // A frame built by ClientFrameReader::textFrame().
    void send(Client &client, const QByteArray &frame);
    void sendError(Client &client, const FrameError &error);
    void onDead(QWebSocket *socket);
    void drop(QWebSocket *socket);
    Client *find(QWebSocket *socket);

    HttpServer &m_http;
    const AccessTokens &m_tokens;
    HubLimits m_limits;
    QElapsedTimer m_clock; // the frame budgets' clock
    RoomAccess m_access;
    RoomMembership m_rooms;
    Heartbeat m_heartbeat;
    HubMetrics m_metrics;
    AllocatorTrim m_trim;
    qint64 m_lastSeq = 0;
    quint64 m_fanoutCount = 0; // events fanned out so far (Client::lastEvent)
    quint64 m_clientIds = 0;
    std::deque<std::unique_ptr<Fanout>> m_fanouts; // the events on their way, oldest first
    QTimer m_pump;
    bool m_warnedNoWire = false;
    // Last, so that the sockets go first and the parts above never see a socket outlive them.
    std::unordered_map<QWebSocket *, std::unique_ptr<Client>> m_clients;
};

} // namespace Nextup
