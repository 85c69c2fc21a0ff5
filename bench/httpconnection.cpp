#include "httpconnection.h"

HttpConnection::HttpConnection(QString host, quint16 port, int timeoutMs, QObject *parent)
    : QObject(parent), m_host(std::move(host)), m_port(port)
{
    m_timeout.setSingleShot(true);
    m_timeout.setInterval(timeoutMs);
    connect(&m_timeout, &QTimer::timeout, this, [this] { fail(QStringLiteral("timeout")); });
    connect(&m_socket, &QTcpSocket::connected, this, &HttpConnection::onConnected);
    connect(&m_socket, &QTcpSocket::readyRead, this, &HttpConnection::onReadyRead);
    connect(&m_socket, &QTcpSocket::disconnected, this, &HttpConnection::onDisconnected);
    connect(&m_socket, &QTcpSocket::errorOccurred, this,
            [this](QAbstractSocket::SocketError error) {
                // A peer that closes between answers is normal keep-alive behaviour, not a failure.
                if (m_busy && error != QAbstractSocket::RemoteHostClosedError)
                    fail(m_socket.errorString());
            });
}

void HttpConnection::send(const QByteArray &method, const QByteArray &path, const QByteArray &body,
                          const QByteArray &bearer)
{
    Q_ASSERT(!m_busy);
    m_busy = true;
    m_buffer.clear();
    m_bodyStart = -1;
    m_request = method + ' ' + path + " HTTP/1.1\r\nHost: " + m_host.toLatin1() + ':' +
                QByteArray::number(m_port) + "\r\nAccept: application/json\r\n";
    if (!bearer.isEmpty())
        m_request += "Authorization: Bearer " + bearer + "\r\n";
    if (!body.isEmpty() || method == "POST" || method == "PUT")
        m_request +=
            "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) +
            "\r\n";
    m_request += "\r\n" + body;
    m_clock.start();
    m_timeout.start();
    if (m_socket.state() == QAbstractSocket::ConnectedState) {
        m_socket.write(m_request);
    } else if (m_socket.state() == QAbstractSocket::UnconnectedState) {
        ++m_connects;
        m_socket.connectToHost(m_host, m_port);
    }
    // else: connecting; onConnected() writes the request.
}

void HttpConnection::onConnected()
{
    m_socket.setSocketOption(QAbstractSocket::LowDelayOption, 1);
    if (m_busy)
        m_socket.write(m_request);
}

void HttpConnection::onReadyRead()
{
    m_buffer += m_socket.readAll();
    if (!m_busy)
        return; // bytes nobody asked for; the next send() clears them
    if (m_bodyStart < 0) {
        const qsizetype headerEnd = m_buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return;
        if (!parseHeader(headerEnd))
            return fail(QStringLiteral("malformed answer"));
    }
    if (m_buffer.size() - m_bodyStart < m_contentLength)
        return;
    Reply reply;
    reply.status = m_status;
    reply.body = m_buffer.mid(m_bodyStart, m_contentLength);
    reply.micros = m_clock.nsecsElapsed() / 1000;
    complete(std::move(reply),
             m_closeAfter); // after "Connection: close" the next send() reconnects
}

bool HttpConnection::parseHeader(qsizetype headerEnd)
{
    const QList<QByteArray> lines = m_buffer.left(headerEnd).split('\n');
    const QList<QByteArray> statusLine = lines.value(0).trimmed().split(' ');
    bool ok = false;
    m_status = statusLine.value(1).toInt(&ok);
    if (!ok || !statusLine.value(0).startsWith("HTTP/1."))
        return false;
    m_contentLength = 0;
    m_closeAfter = false;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray &line = lines.at(i);
        const qsizetype colon = line.indexOf(':');
        if (colon < 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-length")
            m_contentLength = value.toLongLong();
        else if (name == "connection" && value.toLower() == "close")
            m_closeAfter = true;
        else if (name == "transfer-encoding")
            return false; // nextup-server never sends chunked answers
    }
    m_bodyStart = headerEnd + 4;
    return true;
}

void HttpConnection::onDisconnected()
{
    if (m_busy)
        fail(QStringLiteral("connection closed before the answer"));
}

void HttpConnection::fail(const QString &why)
{
    if (!m_busy)
        return;
    Reply reply;
    reply.micros = m_clock.nsecsElapsed() / 1000;
    reply.error = why;
    complete(std::move(reply), true);
}

void HttpConnection::complete(Reply reply, bool dropSocket)
{
    m_timeout.stop();
    // Not busy before abort(): abort() emits disconnected(), which must not fail this request.
    m_busy = false;
    m_buffer.clear();
    m_bodyStart = -1;
    if (dropSocket)
        m_socket.abort();
    emit finished(reply); // the receiver may send() the next request from here
}
