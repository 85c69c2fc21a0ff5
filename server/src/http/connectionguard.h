#pragma once

#include <chrono>
#include <optional>

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QTcpServer>
#include <QTimer>

class QTcpSocket;

namespace Nextup {

class ConnectionGuard;

// QtHttpServer 6.4.2 has no limits: it buffers any body, any header block, and keeps idle
// connections forever. LimitedTcpServer gives every accepted socket a ConnectionGuard that sees
// the bytes *before* the HTTP parser does and answers 431 / 411 / 413 / 408 and closes, so an
// oversized body is refused from its Content-Length without being buffered.
//
// The idle and header deadlines are timestamps that one sweep timer checks for every connection
// a few times per timeout (so a deadline is met up to a quarter of it late): restarting a timer
// of each connection on every read and write cost ~3% of the HTTP thread under load.
class LimitedTcpServer : public QTcpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LimitedTcpServer)

public:
    using Headers = QList<QPair<QByteArray, QByteArray>>;
    // commonHeaders: the ones every answer of the HTTP server carries (security headers, CORS),
    // so the guard's own refusals carry them too.
    LimitedTcpServer(qint64 maxHeaderBytes, qint64 maxBodyBytes, int idleTimeoutMs,
                     int headerTimeoutMs, Headers commonHeaders, QObject *parent = nullptr);

protected:
    void incomingConnection(qintptr handle) override;

private:
    void sweep();

    qint64 m_maxHeaderBytes;
    qint64 m_maxBodyBytes;
    int m_idleTimeoutMs;
    int m_headerTimeoutMs;
    Headers m_commonHeaders;
    QList<QPointer<ConnectionGuard>> m_guards; // a closed connection's guard is gone: pruned
    QTimer m_sweep;
};

class ConnectionGuard : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionGuard)

public:
    using Clock = std::chrono::steady_clock;

    ConnectionGuard(QTcpSocket *socket, qint64 maxHeaderBytes, qint64 maxBodyBytes,
                    std::chrono::milliseconds idleTimeout, std::chrono::milliseconds headerTimeout,
                    const LimitedTcpServer::Headers &commonHeaders);

    // Closes the connection when it has been idle too long, or answers 408 when its request
    // headers have taken too long, or when a refused request's client has not finished sending
    // within kLinger.
    void checkDeadlines(Clock::time_point now);

    // How long a refused request's connection goes on reading (and dropping) what its client
    // still sends, so that the client gets to read the answer (see reject()).
    static constexpr std::chrono::milliseconds kLinger{5000};

private:
    enum class State
    {
        Headers,
        Body,
        Passthrough,
        Rejected
    };

    void beforeParser();
    void afterParser();
    void scan(const QByteArray &bytes);
    bool finishHeaders();
    void reject(int status, const QString &code, const QString &message);
    void finishAnswerOfRefusal();

    QTcpSocket *m_socket;
    LimitedTcpServer::Headers m_commonHeaders; // shared with the server's (implicitly shared)
    qint64 m_maxHeaderBytes;
    qint64 m_maxBodyBytes;
    State m_state = State::Headers;
    QByteArray m_header;
    qint64 m_bodyRemaining = 0;
    qint64 m_unconsumed = 0; // bytes already scanned that the parser left in the buffer
    bool m_afterConnected = false;
    std::chrono::milliseconds m_idleTimeout;
    std::chrono::milliseconds m_headerTimeout;
    Clock::time_point m_lastActivity = Clock::now();
    std::optional<Clock::time_point> m_headersSince; // first byte of unfinished request headers
    Clock::time_point m_rejectedAt;
    bool m_answerSent = false; // the refusal is written and the sending side shut down
};

} // namespace Nextup
