#include "http/connectionguard.h"

#include <cerrno>

#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <QHostAddress>

#include "http/guardedsocket.h"

namespace Nextup {

namespace {
// At most this much is read per wake-up, so one busy client cannot starve the others.
constexpr qsizetype kReadChunk = qsizetype(64) * 1024;
constexpr int kReadsPerWakeUp = 4;
const QByteArray kUnmaskedReason = "Client frames must be masked.";

std::pair<QHostAddress, quint16> addressOf(const sockaddr_storage &storage)
{
    const auto *address = reinterpret_cast<const sockaddr *>(&storage);
    const quint16 port = storage.ss_family == AF_INET6
                             ? ntohs(reinterpret_cast<const sockaddr_in6 *>(&storage)->sin6_port)
                             : ntohs(reinterpret_cast<const sockaddr_in *>(&storage)->sin_port);
    return {QHostAddress(address), port};
}

bool wouldBlock()
{
    return errno == EAGAIN || errno == EWOULDBLOCK;
}
} // namespace

LimitedTcpServer::LimitedTcpServer(ConnectionLimits limits, QObject *parent)
    : QTcpServer(parent), m_limits(limits)
{
    const auto shorter = std::min(limits.idleTimeout, limits.headerTimeout).count();
    m_sweep.setInterval(qBound(25, int(shorter / 4), 1000));
    connect(&m_sweep, &QTimer::timeout, this, &LimitedTcpServer::sweep);
    m_sweep.start();
}

void LimitedTcpServer::incomingConnection(qintptr handle)
{
    const int fd = int(handle);
    sockaddr_storage peer{};
    sockaddr_storage local{};
    socklen_t peerSize = sizeof peer;
    socklen_t localSize = sizeof local;
    if (::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK) != 0 ||
        ::getpeername(fd, reinterpret_cast<sockaddr *>(&peer), &peerSize) != 0 ||
        ::getsockname(fd, reinterpret_cast<sockaddr *>(&local), &localSize) != 0) {
        ::close(fd); // the client is already gone
        return;
    }
    // Parented like QTcpServer's default implementation does; Qt deletes it once disconnected.
    auto *socket = new GuardedSocket(this);
    auto *guard = new ConnectionGuard(fd, socket, m_limits);
    const auto [peerAddress, peerPort] = addressOf(peer);
    const auto [localAddress, localPort] = addressOf(local);
    socket->attach(guard, peerAddress, peerPort, localAddress, localPort);
    connect(guard, &ConnectionGuard::refused, this, &LimitedTcpServer::refused);
    connect(guard, &ConnectionGuard::inputFinished, this, &LimitedTcpServer::inputFinished);
    m_guards.append(guard);
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

ConnectionGuard::ConnectionGuard(int descriptor, GuardedSocket *socket, ConnectionLimits limits)
    : QObject(socket), m_socket(socket), m_fd(descriptor), m_limits(limits),
      m_readable(descriptor, QSocketNotifier::Read), m_writable(descriptor, QSocketNotifier::Write),
      m_requests({limits.maxHeaderBytes, limits.maxBodyBytes})
{
    m_writable.setEnabled(false);
    connect(&m_readable, &QSocketNotifier::activated, this, &ConnectionGuard::onReadable);
    connect(&m_writable, &QSocketNotifier::activated, this, &ConnectionGuard::onWritable);
}

ConnectionGuard::~ConnectionGuard()
{
    if (m_fd < 0)
        return;
    m_readable.setEnabled(false);
    m_writable.setEnabled(false);
    // A last try for what is queued (a close frame, say), without waiting.
    if (bytesToWrite() > 0) [[maybe_unused]]
        const ssize_t sent = ::send(m_fd, m_output.constData() + m_outputSent,
                                    size_t(bytesToWrite()), MSG_NOSIGNAL | MSG_DONTWAIT);
    ::close(m_fd);
}

void ConnectionGuard::checkDeadlines(Clock::time_point now)
{
    const bool idle = now - m_lastActivity >= m_limits.idleTimeout;
    switch (m_phase) {
    case Phase::Http:
        if (m_headersSince && now - *m_headersSince >= m_limits.headerTimeout)
            refuse({408,
                    QStringLiteral("request_timeout"),
                    QStringLiteral("The request headers took too long."),
                    {}});
        else if (idle)
            closeNow();
        break;
    case Phase::Refusing:
        if (idle)
            closeNow();
        break;
    case Phase::Closing:
        if (idle || now - m_closingSince >= kLinger)
            closeNow();
        break;
    case Phase::WebSocket: // QWebSocket pings it, and the hub drops a silent client
    case Phase::Closed: break;
    }
}

void ConnectionGuard::onReadable()
{
    char buffer[kReadChunk];
    for (int round = 0; round < kReadsPerWakeUp && m_phase != Phase::Closed; ++round) {
        const ssize_t received = ::recv(m_fd, buffer, sizeof buffer, 0);
        if (received > 0) {
            m_lastActivity = Clock::now();
            take(QByteArrayView(buffer, received));
            if (received < kReadChunk || m_readingPaused)
                return;
        } else if (received == 0) {
            onPeerFinished();
            return;
        } else if (errno != EINTR) {
            if (!wouldBlock())
                closeNow(); // reset by the peer
            return;
        }
    }
}

void ConnectionGuard::take(QByteArrayView bytes)
{
    switch (m_phase) {
    case Phase::Http: takeHttp(bytes); break;
    case Phase::WebSocket: takeFrames(bytes); break;
    case Phase::Refusing: // whatever follows a refusal is never read
    case Phase::Closing:
    case Phase::Closed: break;
    }
}

void ConnectionGuard::takeHttp(QByteArrayView bytes)
{
    QByteArray passed = m_requests.read(bytes);
    if (m_requests.inHead() && !m_headersSince)
        m_headersSince = Clock::now();
    else if (!m_requests.inHead())
        m_headersSince.reset();
    if (m_requests.upgraded()) {
        // QtHttpServer hands the socket to QWebSocketServer with the request unread; the frames
        // after it are checked from here on.
        m_phase = Phase::WebSocket;
        passed += m_frames.read(m_requests.takeRest());
        admit(passed);
        if (m_frames.refused())
            refuseFrames();
        return;
    }
    admit(passed);
    if (m_phase == Phase::Http && m_requests.refusal()) {
        const RequestReader::Refusal &refusal = *m_requests.refusal();
        refuse({refusal.status, refusal.code, refusal.message, {}});
    } else if (m_phase == Phase::Http &&
               m_socket->bytesAvailable() > m_limits.maxHeaderBytes + m_limits.maxBodyBytes) {
        // A client pipelining faster than requests are handled waits in the kernel's buffers,
        // not in ours.
        m_readingPaused = true;
        m_readable.setEnabled(false);
    }
}

void ConnectionGuard::takeFrames(QByteArrayView bytes)
{
    admit(m_frames.read(bytes));
    if (m_frames.refused())
        refuseFrames();
}

void ConnectionGuard::admit(const QByteArray &bytes)
{
    // Synchronously, Qt parses and handles a request here, which may close the connection.
    if (!bytes.isEmpty() && m_phase != Phase::Closed)
        m_socket->admit(bytes);
}

void ConnectionGuard::onPeerFinished()
{
    m_peerFinished = true;
    m_readable.setEnabled(false); // the end of stream stays readable: no more wake-ups
    switch (m_phase) {
    case Phase::Http: emit inputFinished(m_socket); break; // answered, then closed
    case Phase::WebSocket: close(); break;
    case Phase::Closing:
        if (bytesToWrite() == 0)
            closeNow();
        break;
    case Phase::Refusing: // the refusal is answered, then the connection closes
    case Phase::Closed: break;
    }
}

void ConnectionGuard::refuse(const ApiError &error)
{
    m_phase = Phase::Refusing;
    m_headersSince.reset();
    m_refusal = error;
    deliverRefusal();
}

void ConnectionGuard::requestHandled()
{
    if (m_readingPaused &&
        m_socket->bytesAvailable() <= (m_limits.maxHeaderBytes + m_limits.maxBodyBytes) / 2) {
        m_readingPaused = false;
        m_readable.setEnabled(!m_peerFinished && m_phase != Phase::Closed);
    }
    deliverRefusal();
}

// The answers owed before the refusal belong to requests the parser has read: the refusal waits
// until it has read them all, so that the HTTP server numbers it after them.
void ConnectionGuard::deliverRefusal()
{
    if (m_phase != Phase::Refusing || !m_refusal || m_socket->bytesAvailable() > 0)
        return;
    const ApiError error = *std::exchange(m_refusal, std::nullopt);
    emit refused(m_socket, error);
}

void ConnectionGuard::refuseFrames()
{
    write(ClientFrameReader::closeFrame(ClientFrameReader::kProtocolError, kUnmaskedReason));
    close();
}

void ConnectionGuard::write(QByteArrayView bytes)
{
    if (m_phase == Phase::Closing || m_phase == Phase::Closed || bytes.isEmpty())
        return; // a closing connection sends what was queued when it began to close, no more
    if (m_phase == Phase::WebSocket && bytesToWrite() == 0) {
        // Whole frames, handed to the kernel now: a fan-out to thousands of sockets then costs a
        // send() each. Going through the write notifier instead cost two notifier changes per
        // frame, and Qt's glib dispatcher finds a notifier to disable by a linear search of all
        // of them (the top of the profile at 10,000 sockets).
        ssize_t sent = -1;
        do {
            sent = ::send(m_fd, bytes.data(), size_t(bytes.size()), MSG_NOSIGNAL | MSG_DONTWAIT);
        } while (sent < 0 && errno == EINTR);
        if (sent > 0) {
            m_lastActivity = Clock::now();
            bytes = bytes.sliced(sent);
            if (bytes.isEmpty())
                return;
        }
        // A full buffer queues the rest; any other error is the notifier's to find (it closes).
    }
    m_output.append(bytes);
    // Sent from the event loop, as QTcpSocket does: the answers written in one pass (pipelined
    // requests) leave in one send().
    m_writable.setEnabled(true);
}

void ConnectionGuard::close()
{
    if (m_phase == Phase::Closing || m_phase == Phase::Closed)
        return;
    m_phase = Phase::Closing;
    m_closingSince = Clock::now();
    m_headersSince.reset();
    if (bytesToWrite() == 0)
        afterSent();
}

void ConnectionGuard::onWritable()
{
    sendQueued();
}

void ConnectionGuard::sendQueued()
{
    while (bytesToWrite() > 0 && m_phase != Phase::Closed) {
        const ssize_t sent =
            ::send(m_fd, m_output.constData() + m_outputSent, size_t(bytesToWrite()), MSG_NOSIGNAL);
        if (sent < 0 && errno == EINTR)
            continue;
        if (sent < 0) {
            if (wouldBlock())
                return; // the write notifier stays on
            closeNow(); // the client is gone
            return;
        }
        m_lastActivity = Clock::now();
        m_outputSent += sent;
        if (m_outputSent == m_output.size()) {
            m_output.clear();
            m_outputSent = 0;
        } else if (m_outputSent > m_output.size() / 2) {
            m_output.remove(0, m_outputSent);
            m_outputSent = 0;
        }
        m_socket->reportWritten(sent); // may queue more
    }
    m_writable.setEnabled(false);
    afterSent();
}

void ConnectionGuard::afterSent()
{
    if (m_phase != Phase::Closing || bytesToWrite() > 0)
        return;
    if (m_peerFinished)
        return closeNow();
    if (!m_sendingShutDown) {
        // The client reads the end of our answer; what it still sends is read and dropped until
        // it closes too, or kLinger has passed.
        ::shutdown(m_fd, SHUT_WR);
        m_sendingShutDown = true;
        m_readable.setEnabled(true);
    }
}

void ConnectionGuard::closeNow()
{
    if (m_phase == Phase::Closed)
        return;
    m_phase = Phase::Closed;
    m_readable.setEnabled(false);
    m_writable.setEnabled(false);
    m_output.clear();
    m_outputSent = 0;
    ::close(m_fd);
    m_fd = -1;
    m_socket->finish();
}

} // namespace Nextup
