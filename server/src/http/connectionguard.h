#pragma once

#include <chrono>
#include <optional>

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSocketNotifier>
#include <QTcpServer>
#include <QTimer>

#include "core/apierror.h"
#include "http/requestreader.h"
#include "http/websocketframes.h"

class QTcpSocket;

namespace Nextup {

class ConnectionGuard;
class GuardedSocket;

struct ConnectionLimits
{
    qint64 maxHeaderBytes = qint64(16) * 1024;
    qint64 maxBodyBytes = qint64(64) * 1024;
    std::chrono::milliseconds idleTimeout{60'000};
    std::chrono::milliseconds headerTimeout{10'000};
};

// QtHttpServer 6.4.2 has no limits and a lenient parser: it buffers any body, any header block,
// keeps idle connections forever, and reads whatever bytes arrive. LimitedTcpServer gives every
// accepted connection a ConnectionGuard that owns its descriptor and lets the HTTP parser (and
// later QWebSocket) see only bytes that passed the rules (requestreader.h, websocketframes.h),
// through a GuardedSocket.
//
// A refused request is answered by the HTTP server after the answers it still owes on that
// connection (refused()), then the connection closes. A client that finished sending (FIN) is
// answered too: the HTTP server closes once it owes nothing (inputFinished()).
//
// The idle and header deadlines are timestamps that one sweep timer checks for every connection a
// few times per timeout (so a deadline is met up to a quarter of it late): restarting a timer of
// each connection on every read and write cost ~3% of the HTTP thread under load.
class LimitedTcpServer : public QTcpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LimitedTcpServer)

public:
    explicit LimitedTcpServer(ConnectionLimits limits, QObject *parent = nullptr);

signals:
    // `socket` sent something the rules refuse: answer `error` after every answer owed before it,
    // then close. Never emitted twice for one connection.
    void refused(QTcpSocket *socket, const Nextup::ApiError &error);
    // The client of `socket` has sent all it will: close once nothing more is owed to it.
    void inputFinished(QTcpSocket *socket);

protected:
    void incomingConnection(qintptr handle) override;

private:
    void sweep();

    ConnectionLimits m_limits;
    QList<QPointer<ConnectionGuard>> m_guards; // a closed connection's guard is gone: pruned
    QTimer m_sweep;
};

// One connection: its descriptor, read and written without blocking, and what passes to the
// GuardedSocket Qt reads. Its phases: HTTP requests; WebSocket frames after an upgrade; a refusal
// waiting for the answers owed before it; closing (what is queued goes out, then the sending side
// is shut down while what the client still sends is read and dropped, as nginx's lingering close
// does, so the client reads the last answer rather than a reset); closed.
class ConnectionGuard : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionGuard)

public:
    using Clock = std::chrono::steady_clock;

    // Takes `descriptor` (a connected TCP socket); becomes `socket`'s child.
    ConnectionGuard(int descriptor, GuardedSocket *socket, ConnectionLimits limits);
    ~ConnectionGuard() override;

    // Closes the connection when it has been idle too long, refuses with 408 a request whose
    // headers take too long, and ends a closing connection whose client has not finished within
    // kLinger.
    void checkDeadlines(Clock::time_point now);

    // GuardedSocket's: what Qt writes, its close, and what is still queued. A WebSocket
    // connection's frames go to the kernel at once when nothing is queued before them.
    void write(QByteArrayView bytes);
    void close();
    void abort() { closeNow(); }
    qint64 bytesToWrite() const { return m_output.size() - m_outputSent; }
    // HttpServer has handled a request: a refusal held back for it may go now.
    void requestHandled();
    bool peerFinished() const { return m_peerFinished; }

    // How long a closing connection goes on reading (and dropping) what its client still sends.
    static constexpr std::chrono::milliseconds kLinger{5000};

signals:
    void refused(QTcpSocket *socket, const Nextup::ApiError &error);
    void inputFinished(QTcpSocket *socket);

private:
    enum class Phase
    {
        Http,
        WebSocket,
        Refusing,
        Closing,
        Closed
    };

    void onReadable();
    void onWritable();
    void take(QByteArrayView bytes);
    void takeHttp(QByteArrayView bytes);
    void takeFrames(QByteArrayView bytes);
    void admit(const QByteArray &bytes);
    void onPeerFinished();
    void refuse(const ApiError &error);
    void refuseFrames();
    void deliverRefusal();
    void sendQueued();
    void afterSent();
    void closeNow();

    GuardedSocket *m_socket;
    int m_fd;
    ConnectionLimits m_limits;
    QSocketNotifier m_readable;
    QSocketNotifier m_writable;
    Phase m_phase = Phase::Http;
    RequestReader m_requests;
    ClientFrameReader m_frames;
    std::optional<ApiError> m_refusal; // held until the parser has read every request before it
    QByteArray m_output;
    qsizetype m_outputSent = 0;
    bool m_peerFinished = false;
    bool m_sendingShutDown = false;
    bool m_readingPaused = false; // the parser has enough unread requests
    Clock::time_point m_lastActivity = Clock::now();
    std::optional<Clock::time_point> m_headersSince; // first byte of unfinished request headers
    Clock::time_point m_closingSince;
};

} // namespace Nextup
