#include "http/httpserver.h"

#include <algorithm>
#include <cctype>

#include <QHttpServerRequest>
#include <QScopeGuard>
#include <QTcpSocket>

#include "http/connectionguard.h"
#include "http/guardedsocket.h"
#include "http/requestscreen.h"
#include "http/responder.h"

namespace Nextup {

namespace {
QString peerKey(const QHostAddress &address, quint16 port)
{
    return address.toString() + u'#' + QString::number(port);
}

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get: return "GET";
    case QHttpServerRequest::Method::Put: return "PUT";
    case QHttpServerRequest::Method::Delete: return "DELETE";
    case QHttpServerRequest::Method::Post: return "POST";
    case QHttpServerRequest::Method::Head: return "HEAD";
    case QHttpServerRequest::Method::Options: return "OPTIONS";
    case QHttpServerRequest::Method::Patch: return "PATCH";
    case QHttpServerRequest::Method::Connect: return "CONNECT";
    case QHttpServerRequest::Method::Trace: return "TRACE";
    default: return "UNKNOWN";
    }
}

ApiRequest toApiRequest(const QHttpServerRequest &request)
{
    ApiRequest out;
    out.method = methodName(request.method());
    out.path = request.url().path();
    out.query = request.query();
    for (const auto &[name, value] : request.headers())
        out.headers.insert(name.toLower(), value);
    out.body = request.body();
    out.remoteAddress = request.remoteAddress();
    return out;
}

bool wantsClose(const ApiRequest &request)
{
    return request.header("connection").toLower().contains("close");
}
} // namespace

HttpServer::HttpServer(HttpLimits limits, QObject *parent)
    : QAbstractHttpServer(parent), m_limits(limits)
{
}

bool HttpServer::listen(const QHostAddress &address, quint16 port)
{
    auto tcp = std::make_unique<LimitedTcpServer>(
        ConnectionLimits{m_limits.maxHeaderBytes, m_limits.maxBodyBytes,
                         std::chrono::milliseconds(m_limits.idleTimeoutMs),
                         std::chrono::milliseconds(m_limits.headerTimeoutMs)});
    connect(tcp.get(), &LimitedTcpServer::refused, this, &HttpServer::refuse);
    connect(tcp.get(), &LimitedTcpServer::inputFinished, this, &HttpServer::closeWhenAnswered);
    if (!tcp->listen(address, port)) {
        qWarning("Cannot listen on %s:%u: %s", qPrintable(address.toString()), port,
                 qPrintable(tcp->errorString()));
        return false;
    }
    bind(tcp.release()); // bind() reparents the server to this
    return true;
}

quint16 HttpServer::port() const
{
    const auto ports = const_cast<HttpServer *>(this)->serverPorts(); // not const in Qt 6.4
    return ports.isEmpty() ? 0 : ports.constFirst();
}

Responder HttpServer::open(QTcpSocket *socket, const QString &route, const QByteArray &requestId)
{
    auto it = m_connections.find(socket);
    if (it == m_connections.end()) {
        it = m_connections.insert(socket, Connection{});
        connect(socket, &QObject::destroyed, this,
                [this, socket] { m_connections.remove(socket); });
    }
    return Responder(this, socket, it->nextSlot++, route, requestId);
}

bool HttpServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // Whatever the answer, the guard may now send a refusal it held back for this request.
    const auto handled = qScopeGuard([socket] {
        if (auto *guarded = qobject_cast<GuardedSocket *>(socket))
            guarded->requestHandled();
    });
    ApiRequest apiRequest = toApiRequest(request);
    // A caller's request id is echoed back, so only a safe alphabet is taken over.
    apiRequest.requestId = apiRequest.header("x-request-id").left(64);
    const bool safeId =
        std::all_of(apiRequest.requestId.cbegin(), apiRequest.requestId.cend(), [](char c) {
            return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
        });
    if (apiRequest.requestId.isEmpty() || !safeId)
        apiRequest.requestId = QByteArray::number(++m_requestCounter, 36);

    if (apiRequest.path == m_webSocketPath && !apiRequest.header("upgrade").isEmpty()) {
        if (auto *guarded = qobject_cast<GuardedSocket *>(socket)) {
            m_upgrading.removeIf([](const auto &entry) { return entry.value().isNull(); });
            m_upgrading.insert(peerKey(socket->peerAddress(), socket->peerPort()), guarded);
        }
        return true; // write nothing: QAbstractHttpServer hands the socket to its WebSocket server
    }

    const Router::Match match = m_router.match(apiRequest.method, apiRequest.path);
    const QString routeName = match.route ? match.route->pattern : QStringLiteral("unmatched");
    Responder responder = open(socket, routeName, apiRequest.requestId);
    Connection &connection = m_connections[socket]; // open() made it
    if (apiRequest.method == "HEAD")
        connection.headSlots.insert(connection.nextSlot - 1);
    if (wantsClose(apiRequest)) {
        connection.closeAfterWrite = true;
        connection.closeSlot = connection.nextSlot - 1;
    }

    if (apiRequest.method == "OPTIONS") {
        ApiResponse preflight = ApiResponse::noContent();
        preflight
            .withHeader("Access-Control-Allow-Methods", "GET, POST, PUT, PATCH, DELETE, OPTIONS")
            .withHeader("Access-Control-Allow-Headers",
                        "Authorization, Content-Type, X-Token-Secret, X-Request-Id")
            .withHeader("Access-Control-Max-Age", "600");
        responder.send(std::move(preflight));
        return true;
    }
    if (apiRequest.path == m_webSocketPath) {
        responder.send(ApiError{426,
                                QStringLiteral("upgrade_required"),
                                QStringLiteral("This endpoint speaks WebSocket only."),
                                {}});
        return true;
    }
    if (!match.route) {
        if (match.allowedMethods.isEmpty()) {
            responder.send(ApiError::notFound(QStringLiteral("No such route.")));
        } else {
            ApiResponse response =
                ApiResponse::error({405,
                                    QStringLiteral("method_not_allowed"),
                                    QStringLiteral("Method %1 is not allowed here.")
                                        .arg(QString::fromLatin1(apiRequest.method)),
                                    {}});
            response.withHeader("Allow", match.allowedMethods.join(", "));
            responder.send(std::move(response));
        }
        return true;
    }
    if (const auto refusal = RequestScreen::check(apiRequest)) {
        responder.send(*refusal);
        return true;
    }
    apiRequest.pathParams = match.params;
    match.route->handler(apiRequest, responder);
    return true;
}

GuardedSocket *HttpServer::takeUpgraded(const QHostAddress &peer, quint16 peerPort)
{
    return m_upgrading.take(peerKey(peer, peerPort)).data();
}

void HttpServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // Reached only for a WebSocket upgrade that no one took.
    Q_UNUSED(request);
    open(socket, QStringLiteral("unmatched")).send(ApiError::notFound());
}

void HttpServer::refuse(QTcpSocket *socket, const ApiError &error)
{
    Responder responder = open(socket, QStringLiteral("unmatched"));
    Connection &connection = m_connections[socket];
    // A close asked for earlier in the pipeline comes first; the refusal is never written then.
    if (!connection.closeAfterWrite) {
        connection.closeAfterWrite = true;
        connection.closeSlot = connection.nextSlot - 1;
    }
    responder.send(error);
}

void HttpServer::closeWhenAnswered(QTcpSocket *socket)
{
    auto *guarded = qobject_cast<GuardedSocket *>(socket);
    if (!guarded || !guarded->inputFinished() || guarded->bytesAvailable() > 0 ||
        guarded->state() != QAbstractSocket::ConnectedState)
        return;
    const auto it = m_connections.constFind(socket);
    if (it != m_connections.cend() && (it->nextToWrite < it->nextSlot || !it->ready.empty()))
        return; // answers still owed
    socket->disconnectFromHost();
}

QList<QPair<QByteArray, QByteArray>> HttpServer::commonHeaders() const
{
    QList<QPair<QByteArray, QByteArray>> headers{
        {"X-Content-Type-Options", "nosniff"},
        {"X-Frame-Options", "DENY"},
        {"Referrer-Policy", "no-referrer"},
    };
    if (!m_corsOrigin.isEmpty()) {
        headers.append(qMakePair(QByteArray("Access-Control-Allow-Origin"), m_corsOrigin));
        headers.append(
            qMakePair(QByteArray("Access-Control-Allow-Credentials"), QByteArray("true")));
        headers.append(qMakePair(QByteArray("Vary"), QByteArray("Origin")));
    }
    return headers;
}

void HttpServer::deliver(QTcpSocket *socket, quint64 slot, const QString &route, qint64 micros,
                         ApiResponse response)
{
    if (m_observer)
        m_observer(route, response.status, micros);
    if (!socket)
        return;
    auto it = m_connections.find(socket);
    if (it == m_connections.end())
        return;
    bool hasCacheControl = false;
    for (const auto &header : std::as_const(response.headers))
        hasCacheControl |= header.first.compare("Cache-Control", Qt::CaseInsensitive) == 0;
    if (!hasCacheControl)
        response.withHeader("Cache-Control", "no-store");
    if (it->closeAfterWrite && slot == it->closeSlot)
        response.closeConnection = true;
    // HEAD is routed as GET; its answer keeps GET's headers (and Content-Length) but no body.
    response.headOnly = it->headSlots.erase(slot) > 0;
    it->ready.emplace(slot, response.serialize(commonHeaders()));
    flush(socket, *it);
}

void HttpServer::flush(QTcpSocket *socket, Connection &connection)
{
    while (!connection.ready.empty() && connection.ready.begin()->first == connection.nextToWrite) {
        socket->write(connection.ready.begin()->second);
        const bool close =
            connection.closeAfterWrite && connection.nextToWrite == connection.closeSlot;
        connection.ready.erase(connection.ready.begin());
        ++connection.nextToWrite;
        if (close) {
            socket->disconnectFromHost();
            return;
        }
    }
    closeWhenAnswered(socket);
}

} // namespace Nextup
