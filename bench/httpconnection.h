#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QTcpSocket>
#include <QTimer>

// One keep-alive HTTP/1.1 connection over a raw QTcpSocket, one request at a time. Raw because
// QNetworkAccessManager opens at most 6 connections per host, which would cap a 64-client load
// at 6. Understands exactly what nextup-server writes: Content-Length framed answers, and
// "Connection: close" (the next request then opens a new connection).
class HttpConnection : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpConnection)

public:
    struct Reply
    {
        int status = 0; // 0 = no answer (refused, reset, timeout); error says why
        QByteArray body;
        qint64 micros = 0; // from send() to the last byte of the answer
        QString error;
    };

    HttpConnection(QString host, quint16 port, int timeoutMs, QObject *parent = nullptr);

    // Sends a request (connecting first if needed); finished() fires exactly once for it.
    // Must not be called while busy().
    void send(const QByteArray &method, const QByteArray &path, const QByteArray &body = {},
              const QByteArray &bearer = {});
    bool busy() const { return m_busy; }
    int connectsMade() const { return m_connects; }

signals:
    void finished(const HttpConnection::Reply &reply);

private:
    void onConnected();
    void onReadyRead();
    void onDisconnected();
    bool parseHeader(qsizetype headerEnd);
    void complete(Reply reply, bool dropSocket);
    void fail(const QString &why);

    QString m_host;
    quint16 m_port;
    QTcpSocket m_socket;
    QTimer m_timeout;
    QElapsedTimer m_clock;
    QByteArray m_request; // written once the socket is connected
    QByteArray m_buffer;
    qsizetype m_bodyStart = -1; // index after the blank line once the header was parsed
    qint64 m_contentLength = 0;
    int m_status = 0;
    bool m_closeAfter = false;
    bool m_busy = false;
    int m_connects = 0;
};
