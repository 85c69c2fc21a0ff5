#include "http/guardedsocket.h"

#include <cstring>

#include "http/connectionguard.h"

namespace Nextup {

GuardedSocket::GuardedSocket(QObject *parent) : QTcpSocket(parent) {}

GuardedSocket::~GuardedSocket()
{
    // QAbstractSocket's destructor would abort() a connected socket through its own code, which
    // expects a socket engine.
    setSocketState(UnconnectedState);
}

void GuardedSocket::attach(ConnectionGuard *guard, const QHostAddress &peer, quint16 peerPort,
                           const QHostAddress &local, quint16 localPort)
{
    m_guard = guard;
    setPeerAddress(peer);
    setPeerPort(peerPort);
    setLocalAddress(local);
    setLocalPort(localPort);
    setSocketState(ConnectedState);
    QIODevice::open(QIODevice::ReadWrite);
}

void GuardedSocket::admit(const QByteArray &bytes)
{
    m_admitted.append(bytes);
    emit readyRead();
}

void GuardedSocket::finish()
{
    if (state() == UnconnectedState)
        return;
    m_admitted.clear();
    setSocketState(UnconnectedState);
    emit stateChanged(UnconnectedState);
    emit disconnected();
}

void GuardedSocket::requestHandled()
{
    if (m_guard)
        m_guard->requestHandled();
}

bool GuardedSocket::inputFinished() const
{
    return !m_guard || m_guard->peerFinished();
}

void GuardedSocket::writeFrame(QByteArrayView frame)
{
    if (m_guard && state() == ConnectedState)
        m_guard->write(frame);
}

qint64 GuardedSocket::bytesAvailable() const
{
    // QIODevice's own buffer holds what was read ahead or within a transaction.
    return isOpen() ? QTcpSocket::bytesAvailable() + m_admitted.size() : 0;
}

void GuardedSocket::close()
{
    // abort() takes the write channel away, then calls close(): nothing queued is sent, and the
    // connection is gone when it returns, as with a QTcpSocket.
    const bool aborting = writeChannelCount() == 0;
    m_admitted.clear();
    if (aborting && m_guard)
        m_guard->abort();
    QTcpSocket::close(); // QIODevice::close(), then disconnectFromHost() unless gone already
}

qint64 GuardedSocket::bytesToWrite() const
{
    return m_guard ? m_guard->bytesToWrite() : 0;
}

void GuardedSocket::disconnectFromHost()
{
    if (state() != ConnectedState)
        return;
    setSocketState(ClosingState);
    emit stateChanged(ClosingState);
    if (m_guard)
        m_guard->close();
    else
        finish();
}

bool GuardedSocket::waitForConnected(int)
{
    return state() == ConnectedState;
}

bool GuardedSocket::waitForReadyRead(int)
{
    return false;
}

bool GuardedSocket::waitForBytesWritten(int)
{
    return false;
}

bool GuardedSocket::waitForDisconnected(int)
{
    return state() == UnconnectedState;
}

qint64 GuardedSocket::readData(char *data, qint64 maxSize)
{
    if (m_admitted.isEmpty())
        return state() == UnconnectedState ? -1 : 0;
    const qsizetype size = qsizetype(qMin<qint64>(maxSize, m_admitted.size()));
    std::memcpy(data, m_admitted.constData(), size_t(size));
    m_admitted.remove(0, size);
    return size;
}

qint64 GuardedSocket::skipData(qint64 maxSize)
{
    // QAbstractSocket's needs a socket engine; QIODevice's reads through readData().
    return QIODevice::skipData(maxSize); // NOLINT(bugprone-parent-virtual-call)
}

qint64 GuardedSocket::writeData(const char *data, qint64 size)
{
    if (m_guard)
        m_guard->write(QByteArrayView(data, size));
    return size;
}

} // namespace Nextup
