#pragma once

#include "domain/principal.h"
#include "realtime/rooms.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <memory>
#include <unordered_map>

class AccessTokens;
class HttpServer;
class QWebSocket;
class WorkerPool;

struct HubLimits
{
    qint64 maxIncomingMessageBytes = 16 * 1024;
    qint64 maxBufferedBytes = 1024 * 1024; // a client whose send buffer passes this is dropped
    int maxRoomsPerClient = 64;
    int framesPerSecond = 20; // client frames, averaged; bursts of twice that pass
    int heartbeatMs = 15'000; // WebSocket ping interval
    int deadAfterMs = 45'000; // no pong or frame for this long: dropped
};

// /ws/queues: accepts WebSocket clients from the HTTP server, keeps their rooms, and delivers the
// installation's events (received from Redis by EventSubscriber) to the clients of this instance.
// Lives on the HTTP thread; token-secret checks go to a worker thread.
//
// Client frames: {"type":"auth","token":...}, {"type":"subscribe","rooms":[...],"secret":...},
// {"type":"unsubscribe","rooms":[...]}, {"type":"ping"}.
// Server frames: events {"event","room","seq","at","data"} and replies {"type":"hello"|
// "authenticated"|"subscribed"|"unsubscribed"|"pong"|"resync"|"error", ...}.
class WebSocketHub : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WebSocketHub)

public:
    WebSocketHub(HttpServer &http, const AccessTokens &tokens, WorkerPool &pool, HubLimits limits,
                 QObject *parent = nullptr);
    ~WebSocketHub() override;

    // An event envelope as published by EventPublisher: {"event","rooms","seq","at","data"}, or
    // {"resync": reason} when an event could not be numbered and so was lost.
    void deliver(const QByteArray &payload);
    // Events may have been lost (Redis reconnect): tell every client to resync.
    void requestResync();

    int clientCount() const { return int(m_clients.size()); }
    QByteArray metricsText() const;

private:
    struct Client
    {
        std::unique_ptr<QWebSocket> socket;
        Principal principal;
        QSet<QString> rooms;
        QSet<QString> roomsOfStaff; // token rooms joined on staff rights, without a secret
        QElapsedTimer lastSeen;
        double frameBudget = 0;
        QElapsedTimer budgetClock;
        int violations = 0;
        bool dropping = false; // a slow consumer being aborted: send it nothing more
    };

    void accept();
    void onText(QWebSocket *socket, const QString &text);
    bool admit(Client &client);
    bool spendFrameBudget(Client &client);
    void handleAuth(Client &client, const QJsonObject &frame);
    void handleSubscribe(Client &client, const QJsonObject &frame);
    void handleUnsubscribe(Client &client, const QJsonObject &frame);
    void join(Client &client, const QString &room);
    void leave(QWebSocket *socket, const QString &room);
    void verifyTokenRooms(QWebSocket *socket, const QList<Room> &rooms, const QByteArray &secret);
    void send(Client &client, const QJsonObject &frame);
    void sendRaw(Client &client, const QString &text);
    void sendError(Client &client, const QString &code, const QString &message,
                   const QString &room = {});
    void drop(QWebSocket *socket);
    void heartbeat();
    Client *find(QWebSocket *socket);

    HttpServer &m_http;
    const AccessTokens &m_tokens;
    WorkerPool &m_pool;
    HubLimits m_limits;
    std::unordered_map<QWebSocket *, std::unique_ptr<Client>> m_clients;
    QHash<QString, QSet<QWebSocket *>> m_members; // room name -> sockets
    QTimer m_heartbeat;
    qint64 m_lastSeq = 0;
    quint64 m_eventsSent = 0;
    quint64 m_droppedSlow = 0;
    quint64 m_droppedDead = 0;
    quint64 m_badFrames = 0;
};
