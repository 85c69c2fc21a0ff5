#pragma once

#include <QObject>
#include <QTcpServer>
#include <QTimer>

class QTcpSocket;

// QtHttpServer 6.4.2 has no limits: it buffers any body, any header block, and keeps idle
// connections forever. LimitedTcpServer gives every accepted socket a ConnectionGuard that sees
// the bytes *before* the HTTP parser does and answers 431 / 411 / 413 / 408 and closes, so an
// oversized body is refused from its Content-Length without being buffered.
class LimitedTcpServer : public QTcpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LimitedTcpServer)

public:
    LimitedTcpServer(qint64 maxHeaderBytes, qint64 maxBodyBytes, int idleTimeoutMs,
                     int headerTimeoutMs, QObject *parent = nullptr);

protected:
    void incomingConnection(qintptr handle) override;

private:
    qint64 m_maxHeaderBytes;
    qint64 m_maxBodyBytes;
    int m_idleTimeoutMs;
    int m_headerTimeoutMs;
};

class ConnectionGuard : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionGuard)

public:
    ConnectionGuard(QTcpSocket *socket, qint64 maxHeaderBytes, qint64 maxBodyBytes,
                    int idleTimeoutMs, int headerTimeoutMs);

private:
    enum class State { Headers, Body, Passthrough, Rejected };

    void beforeParser();
    void afterParser();
    void scan(const QByteArray &bytes);
    bool finishHeaders();
    void reject(int status, const QByteArray &code, const QByteArray &message);

    QTcpSocket *m_socket;
    qint64 m_maxHeaderBytes;
    qint64 m_maxBodyBytes;
    State m_state = State::Headers;
    QByteArray m_header;
    qint64 m_bodyRemaining = 0;
    qint64 m_unconsumed = 0; // bytes already scanned that the parser left in the buffer
    bool m_afterConnected = false;
    QTimer m_idleTimer;
    QTimer m_headerTimer;
};
