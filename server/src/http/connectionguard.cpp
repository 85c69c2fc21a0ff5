#include "http/connectionguard.h"

#include <sys/socket.h>

#include <QTcpSocket>

#include "http/apiresponse.h"

namespace Nextup {

LimitedTcpServer::LimitedTcpServer(qint64 maxHeaderBytes, qint64 maxBodyBytes, int idleTimeoutMs,
                                   int headerTimeoutMs, Headers commonHeaders, QObject *parent)
    : QTcpServer(parent), m_maxHeaderBytes(maxHeaderBytes), m_maxBodyBytes(maxBodyBytes),
      m_idleTimeoutMs(idleTimeoutMs), m_headerTimeoutMs(headerTimeoutMs),
      m_commonHeaders(std::move(commonHeaders))
{
    m_sweep.setInterval(qBound(25, qMin(idleTimeoutMs, headerTimeoutMs) / 4, 1000));
    connect(&m_sweep, &QTimer::timeout, this, &LimitedTcpServer::sweep);
    m_sweep.start();
}

void LimitedTcpServer::incomingConnection(qintptr handle)
{
    // Parented like QTcpServer's default implementation does; the HTTP server deletes it later.
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(handle)) {
        socket->deleteLater();
        return;
    }
    // The guard connects to readyRead before the HTTP server does, so it runs first.
    m_guards.append(new ConnectionGuard(
        socket, m_maxHeaderBytes, m_maxBodyBytes, std::chrono::milliseconds(m_idleTimeoutMs),
        std::chrono::milliseconds(m_headerTimeoutMs), m_commonHeaders));
    addPendingConnection(socket);
}

void LimitedTcpServer::sweep()
{
    const auto now = ConnectionGuard::Clock::now();
    m_guards.removeIf([](const QPointer<ConnectionGuard> &guard) { return guard.isNull(); });
    // A copy: a guard that closes its connection may be deleted before the loop ends.
    const QList<QPointer<ConnectionGuard>> guards = m_guards;
    for (const QPointer<ConnectionGuard> &guard : guards) {
        if (guard)
            guard->checkDeadlines(now);
    }
}

ConnectionGuard::ConnectionGuard(QTcpSocket *socket, qint64 maxHeaderBytes, qint64 maxBodyBytes,
                                 std::chrono::milliseconds idleTimeout,
                                 std::chrono::milliseconds headerTimeout,
                                 const LimitedTcpServer::Headers &commonHeaders)
    : QObject(socket), m_socket(socket), m_commonHeaders(commonHeaders),
      m_maxHeaderBytes(maxHeaderBytes), m_maxBodyBytes(maxBodyBytes), m_idleTimeout(idleTimeout),
      m_headerTimeout(headerTimeout)
{
    connect(socket, &QTcpSocket::readyRead, this, &ConnectionGuard::beforeParser);
    connect(socket, &QTcpSocket::bytesWritten, this, [this] {
        m_lastActivity = Clock::now();
        if (m_state == State::Rejected)
            finishAnswerOfRefusal();
    });
}

void ConnectionGuard::checkDeadlines(Clock::time_point now)
{
    // A WebSocket keeps its connection as long as it likes (QWebSocket pings it). A refused
    // request's connection is closing, but a peer that never reads our answer keeps it open
    // until the idle deadline.
    if (m_state == State::Passthrough)
        return;
    if (m_state == State::Rejected) {
        if (now - m_rejectedAt >= kLinger || now - m_lastActivity >= m_idleTimeout)
            m_socket->abort();
        return;
    }
    if (m_headersSince && now - *m_headersSince >= m_headerTimeout)
        reject(408, QStringLiteral("request_timeout"),
               QStringLiteral("The request headers took too long."));
    else if (now - m_lastActivity >= m_idleTimeout)
        m_socket->abort();
}

void ConnectionGuard::beforeParser()
{
    if (!m_afterConnected) {
        // Connected now, so it runs after the HTTP server's own readyRead slot.
        connect(m_socket, &QTcpSocket::readyRead, this, &ConnectionGuard::afterParser);
        m_afterConnected = true;
    }
    if (m_state == State::Passthrough)
        return;
    if (m_state == State::Rejected) {
        m_socket->readAll(); // dropped: the parser must not see what follows a refusal
        return;
    }
    m_lastActivity = Clock::now();
    const qint64 available = m_socket->bytesAvailable();
    const QByteArray fresh = m_socket->peek(available).mid(m_unconsumed);
    m_unconsumed = available;
    scan(fresh);
}

void ConnectionGuard::afterParser()
{
    m_unconsumed = m_socket->bytesAvailable();
}

void ConnectionGuard::scan(const QByteArray &bytes)
{
    qsizetype pos = 0;
    while (pos < bytes.size() && (m_state == State::Headers || m_state == State::Body)) {
        if (m_state == State::Body) {
            const qint64 take = qMin<qint64>(m_bodyRemaining, bytes.size() - pos);
            m_bodyRemaining -= take;
            pos += take;
            if (m_bodyRemaining == 0)
                m_state = State::Headers;
            continue;
        }
        if (m_header.isEmpty())
            m_headersSince = Clock::now();
        const qsizetype searchFrom = qMax<qsizetype>(0, m_header.size() - 3);
        m_header.append(bytes.mid(pos));
        const qsizetype end = m_header.indexOf("\r\n\r\n", searchFrom);
        if (end < 0) {
            if (m_header.size() > m_maxHeaderBytes)
                reject(431, QStringLiteral("headers_too_large"),
                       QStringLiteral("The request headers are too large."));
            return;
        }
        // Bytes after the header terminator belong to the body or the next request.
        const qsizetype consumedHere = end + 4 - (m_header.size() - (bytes.size() - pos));
        m_header.truncate(end + 4);
        pos += consumedHere;
        m_headersSince.reset();
        if (!finishHeaders())
            return;
    }
}

bool ConnectionGuard::finishHeaders()
{
    if (m_header.size() > m_maxHeaderBytes) {
        reject(431, QStringLiteral("headers_too_large"),
               QStringLiteral("The request headers are too large."));
        return false;
    }
    qint64 contentLength = 0;
    bool chunked = false;
    bool upgrade = false;
    const QList<QByteArray> lines = m_header.split('\n');
    for (const QByteArray &rawLine : lines) {
        const QByteArray line = rawLine.trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed().toLower();
        if (name == "content-length") {
            bool ok = false;
            contentLength = value.toLongLong(&ok);
            if (!ok || contentLength < 0) {
                reject(400, QStringLiteral("bad_request"),
                       QStringLiteral("Invalid Content-Length."));
                return false;
            }
        } else if (name == "transfer-encoding" && value.contains("chunked")) {
            chunked = true;
        } else if (name == "upgrade" && value.contains("websocket")) {
            upgrade = true;
        }
    }
    m_header.clear();
    if (upgrade) {
        // From here on the socket speaks WebSocket frames; QWebSocket applies its own limits.
        m_state = State::Passthrough;
        return false;
    }
    if (chunked) {
        reject(411, QStringLiteral("length_required"),
               QStringLiteral("Send the body with a Content-Length."));
        return false;
    }
    if (contentLength > m_maxBodyBytes) {
        reject(413, QStringLiteral("payload_too_large"),
               QStringLiteral("The body is larger than %1 bytes.").arg(m_maxBodyBytes));
        return false;
    }
    m_bodyRemaining = contentLength;
    m_state = contentLength > 0 ? State::Body : State::Headers;
    return true;
}

// A lingering close, as nginx does it: the answer goes out, then the sending side is shut down
// (the client sees the answer end) while whatever the client still sends is read and dropped,
// until it closes or kLinger has passed. Closing at once would answer a client that is still
// sending its body (as most HTTP libraries do before they read) with a reset, which can destroy
// the 413 before the client reads it.
void ConnectionGuard::reject(int status, const QString &code, const QString &message)
{
    m_state = State::Rejected;
    m_headersSince.reset();
    m_rejectedAt = Clock::now();
    ApiResponse answer = ApiResponse::error(ApiError{status, code, message, {}});
    answer.closeConnection = true;
    m_socket->readAll();
    m_socket->write(answer.serialize(m_commonHeaders));
    m_socket->flush();
    finishAnswerOfRefusal();
}

void ConnectionGuard::finishAnswerOfRefusal()
{
    if (m_answerSent || m_socket->bytesToWrite() > 0)
        return; // the rest of the answer is still in Qt's buffer: bytesWritten comes back here
    m_answerSent = true;
    ::shutdown(int(m_socket->socketDescriptor()), SHUT_WR);
}

} // namespace Nextup
