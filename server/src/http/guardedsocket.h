#pragma once

#include <QByteArray>
#include <QPointer>
#include <QTcpSocket>

namespace Nextup {

class ConnectionGuard;

// The socket QtHttpServer and QWebSocket are given: a QTcpSocket without a descriptor of its own.
// It reads only what its ConnectionGuard admitted (checked requests, checked WebSocket frames) and
// hands every write and close to the guard, which owns the connection's descriptor.
//
// Why not the QTcpSocket itself: QTcpSocket closes its descriptor the moment it reads the peer's
// end of stream, so a client that sends its requests and then shuts down its sending side (FIN)
// lost the answers still owed to it; and whatever Qt's socket has read, Qt's parser reads.
//
// Ownership: Qt deletes the socket once disconnected() is emitted (QAbstractHttpServer does,
// and the hub for a WebSocket); the guard is its child. HTTP thread only.
class GuardedSocket final : public QTcpSocket
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GuardedSocket)

public:
    explicit GuardedSocket(QObject *parent = nullptr);
    ~GuardedSocket() override;

    // The guard's side.
    void attach(ConnectionGuard *guard, const QHostAddress &peer, quint16 peerPort,
                const QHostAddress &local, quint16 localPort);
    // Bytes the parser (or QWebSocket) may read; emits readyRead().
    void admit(const QByteArray &bytes);
    void reportWritten(qint64 bytes) { emit bytesWritten(bytes); }
    // The hub's side: a whole, prebuilt WebSocket frame, past QWebSocket (and QIODevice); whole
    // frames keep it from landing inside one of QWebSocket's own.
    void writeFrame(QByteArrayView frame);
    // The connection is over: UnconnectedState, then disconnected().
    void finish();

    // HttpServer's side: a request read from this socket has been handled (its answer may still
    // be on its way), and whether the client has sent everything it will (FIN).
    void requestHandled();
    bool inputFinished() const;

    qint64 bytesAvailable() const override;
    // QIODevice::close() drops what was not read, and so does this: QWebSocket reads until
    // bytesAvailable() is 0, and a closed device reads nothing.
    void close() override;
    qint64 bytesToWrite() const override;
    // Graceful: the guard sends what is queued, then closes (close() ends here too).
    void disconnectFromHost() override;
    // Nothing on the HTTP thread may block; none of Qt's users of this socket call these.
    bool waitForConnected(int msecs = 30000) override;
    bool waitForReadyRead(int msecs = 30000) override;
    bool waitForBytesWritten(int msecs = 30000) override;
    bool waitForDisconnected(int msecs = 30000) override;

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 skipData(qint64 maxSize) override;
    qint64 writeData(const char *data, qint64 size) override;

private:
    QPointer<ConnectionGuard> m_guard;
    QByteArray m_admitted; // not read yet
};

} // namespace Nextup
