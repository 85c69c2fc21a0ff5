#pragma once

#include <functional>
#include <map>
#include <set>

#include <QAbstractHttpServer>
#include <QHash>
#include <QHostAddress>
#include <QPointer>

#include "core/apierror.h"
#include "http/apiresponse.h"
#include "http/router.h"

class QTcpSocket;

namespace Nextup {

struct HttpLimits
{
    qint64 maxBodyBytes = qint64(64) * 1024;
    qint64 maxHeaderBytes = qint64(16) * 1024;
    int idleTimeoutMs = 60'000;
    int headerTimeoutMs = 10'000;
};

// The HTTP front: owns the router, turns QHttpServerRequest into ApiRequest, answers 404/405/426
// itself, and writes every answer (adding the common headers in exactly one place) in request
// order per connection. It never waits on Postgres or Redis: handlers answer through a Responder,
// usually from a worker thread.
class GuardedSocket;

class HttpServer : public QAbstractHttpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpServer)

public:
    explicit HttpServer(HttpLimits limits, QObject *parent = nullptr);

    Router &router() { return m_router; }
    // Listens on address:port through a connection-limiting TCP server; 0 picks a free port.
    bool listen(const QHostAddress &address, quint16 port);
    quint16 port() const;

    void setCorsOrigin(const QByteArray &origin) { m_corsOrigin = origin; }
    void setWebSocketPath(const QString &path) { m_webSocketPath = path; }

    // Called for every answer written: route pattern (or "unmatched"), status, latency.
    using Observer = std::function<void(const QString &route, int status, qint64 micros)>;
    void setObserver(Observer observer) { m_observer = std::move(observer); }

    // Used by Responder on the HTTP thread.
    void deliver(QTcpSocket *socket, quint64 slot, const QString &route, qint64 micros,
                 ApiResponse response);
    // A request the connection guard refused: answered after every answer owed before it on
    // `socket`, with Connection: close, and the connection closes after it.
    void refuse(QTcpSocket *socket, const ApiError &error);
    // Closes `socket` once its client has finished sending (FIN), the parser has read all it
    // sent, and every answer owed is written.
    void closeWhenAnswered(QTcpSocket *socket);
    // The connection under a WebSocket upgraded from the request of that peer, once (null when
    // there is none): the hub writes its prebuilt frames there. QWebSocket keeps the socket it
    // was upgraded from to itself, but answers peerAddress() and peerPort() from it.
    GuardedSocket *takeUpgraded(const QHostAddress &peer, quint16 peerPort);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    struct Connection
    {
        quint64 nextSlot = 0;
        quint64 nextToWrite = 0;
        std::map<quint64, QByteArray> ready;
        bool closeAfterWrite = false;
        quint64 closeSlot = 0;
        std::set<quint64> headSlots; // answers to HEAD requests: headers only
    };

    Responder open(QTcpSocket *socket, const QString &route, const QByteArray &requestId = {});
    QList<QPair<QByteArray, QByteArray>> commonHeaders() const;
    void flush(QTcpSocket *socket, Connection &connection);

    HttpLimits m_limits;
    Router m_router;
    QHash<QTcpSocket *, Connection> m_connections;
    // Upgrade requests handed to QAbstractHttpServer's WebSocket server, by peer, until the hub
    // takes them; a connection that closes first leaves a null entry, pruned later.
    QHash<QString, QPointer<GuardedSocket>> m_upgrading;
    QByteArray m_corsOrigin;
    QString m_webSocketPath = QStringLiteral("/ws/queues");
    Observer m_observer;
    quint64 m_requestCounter = 0;
};

} // namespace Nextup
