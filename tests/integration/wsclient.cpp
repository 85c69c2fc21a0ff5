#include "wsclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

namespace Ws {

Client::Client(QObject *parent) : QObject(parent)
{
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &Client::onText);
}

Client::~Client()
{
    m_socket.disconnect(this);
    m_socket.abort();
}

void Client::connectTo(const QUrl &url)
{
    m_socket.open(url);
}

bool Client::open(const QUrl &url, int timeoutMs)
{
    connectTo(url);
    return QTest::qWaitFor([this] { return isOpen(); }, timeoutMs);
}

void Client::onText(const QString &text)
{
    const QJsonObject frame = QJsonDocument::fromJson(text.toUtf8()).object();
    if (!m_hello && frame.value(u"type").toString() == u"hello")
        m_hello = frame;
    m_raw.append(text);
    m_frames.append(frame);
    emit frameReceived(frame);
}

void Client::send(const QJsonObject &frame)
{
    m_socket.sendTextMessage(
        QString::fromUtf8(QJsonDocument(frame).toJson(QJsonDocument::Compact)));
}

bool Client::authenticate(const QString &accessToken, int timeoutMs)
{
    const qsizetype from = m_frames.size();
    send(
        {{QStringLiteral("type"), QStringLiteral("auth")}, {QStringLiteral("token"), accessToken}});
    const auto reply = waitFor(
        [](const QJsonObject &f) {
            return f.value(u"type").toString() == u"authenticated" ||
                   f.value(u"type").toString() == u"error";
        },
        timeoutMs, from);
    return reply && reply->value(u"type").toString() == u"authenticated";
}

bool Client::subscribe(const QStringList &rooms, const QString &secret, int timeoutMs)
{
    const qsizetype from = m_frames.size();
    QJsonObject frame{{QStringLiteral("type"), QStringLiteral("subscribe")},
                      {QStringLiteral("rooms"), QJsonArray::fromStringList(rooms)}};
    if (!secret.isEmpty())
        frame.insert(QStringLiteral("secret"), secret);
    send(frame);
    QStringList missing = rooms;
    return QTest::qWaitFor(
        [&] {
            for (qsizetype i = from; i < m_frames.size(); ++i) {
                if (m_frames.at(i).value(u"type").toString() != u"subscribed")
                    continue;
                for (const QJsonValue &room : m_frames.at(i).value(u"rooms").toArray())
                    missing.removeAll(room.toString());
            }
            return missing.isEmpty();
        },
        timeoutMs);
}

std::optional<QJsonObject> Client::waitFor(const FramePredicate &matches, int timeoutMs,
                                           qsizetype from)
{
    std::optional<QJsonObject> found;
    qsizetype next = from;
    const bool matched = QTest::qWaitFor(
        [&] {
            for (; next < m_frames.size(); ++next) {
                if (matches(m_frames.at(next))) {
                    found = m_frames.at(next);
                    return true;
                }
            }
            return false;
        },
        timeoutMs);
    return matched ? found : std::nullopt;
}

std::optional<QJsonObject> Client::waitError(const QString &code, const QString &room,
                                             int timeoutMs)
{
    return waitFor(
        [&](const QJsonObject &f) {
            return f.value(u"type").toString() == u"error" && f.value(u"code") == code &&
                   (room.isEmpty() || f.value(u"room") == room);
        },
        timeoutMs);
}

bool Client::waitDisconnected(int timeoutMs)
{
    return QTest::qWaitFor([this] { return m_socket.state() == QAbstractSocket::UnconnectedState; },
                           timeoutMs);
}

QList<QJsonObject> Client::events() const
{
    QList<QJsonObject> out;
    for (const QJsonObject &frame : m_frames) {
        if (frame.contains(u"event"))
            out.append(frame);
    }
    return out;
}

bool RawClient::connectTo(quint16 port, int timeoutMs)
{
    // Event-loop waits only: the test's other clients keep answering pings meanwhile.
    m_socket.connectToHost(QStringLiteral("127.0.0.1"), port);
    if (!QTest::qWaitFor([this] { return isConnected(); }, timeoutMs))
        return false;
    m_socket.write(
        "GET /ws/queues HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port) +
        "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
    if (!QTest::qWaitFor(
            [this] {
                m_buffer += m_socket.readAll();
                return m_buffer.contains("\r\n\r\n") || !isConnected();
            },
            timeoutMs))
        return false;
    const qsizetype end = m_buffer.indexOf("\r\n\r\n");
    if (end < 0 || !m_buffer.startsWith("HTTP/1.1 101"))
        return false;
    m_buffer.remove(0, end + 4);
    return true;
}

void RawClient::stopReading()
{
    m_socket.setReadBufferSize(1);
}

bool RawClient::sendFrame(int opcode, const QByteArray &payload)
{
    QByteArray frame;
    frame.append(char(0x80 | opcode));
    if (payload.size() < 126) {
        frame.append(char(0x80 | payload.size()));
    } else if (payload.size() < 65536) {
        frame.append(char(0x80 | 126));
        frame.append(char(payload.size() >> 8)).append(char(payload.size() & 0xff));
    } else {
        frame.append(char(0x80 | 127));
        for (int shift = 56; shift >= 0; shift -= 8)
            frame.append(char((quint64(payload.size()) >> shift) & 0xff));
    }
    const quint32 key = QRandomGenerator::global()->generate();
    const char mask[4] = {char(key >> 24), char(key >> 16), char(key >> 8), char(key)};
    frame.append(mask, 4);
    for (qsizetype i = 0; i < payload.size(); ++i)
        frame.append(char(payload.at(i) ^ mask[i % 4]));
    const bool written = m_socket.write(frame) == frame.size();
    m_socket.flush();
    return written;
}

QList<RawClient::Frame> RawClient::read(int timeoutMs)
{
    // Waiting for the time to pass (or the peer to leave), not for a condition.
    [[maybe_unused]] const bool closed = QTest::qWaitFor(
        [this] {
            m_buffer += m_socket.readAll();
            return !isConnected();
        },
        timeoutMs);
    m_buffer += m_socket.readAll();
    parse();
    return std::exchange(m_parsed, {});
}

void RawClient::parse()
{
    for (;;) {
        if (m_buffer.size() < 2)
            return;
        const int opcode = quint8(m_buffer.at(0)) & 0x0f;
        quint64 length = quint8(m_buffer.at(1)) & 0x7f;
        qsizetype header = 2;
        if (length == 126) {
            if (m_buffer.size() < 4)
                return;
            length = (quint64(quint8(m_buffer.at(2))) << 8) | quint8(m_buffer.at(3));
            header = 4;
        } else if (length == 127) {
            if (m_buffer.size() < 10)
                return;
            length = 0;
            for (int i = 2; i < 10; ++i)
                length = (length << 8) | quint8(m_buffer.at(i));
            header = 10;
        }
        if (quint64(m_buffer.size() - header) < length)
            return;
        m_parsed.append({opcode, m_buffer.mid(header, qsizetype(length))});
        m_buffer.remove(0, header + qsizetype(length));
    }
}

bool RawClient::waitClosed(int timeoutMs)
{
    return QTest::qWaitFor(
        [this] {
            m_buffer += m_socket.readAll();
            return !isConnected();
        },
        timeoutMs);
}

double metricValue(const QByteArray &metricsText, const QByteArray &name)
{
    for (const QByteArray &line : metricsText.split('\n')) {
        if (line.startsWith(name + ' '))
            return line.mid(name.size() + 1).trimmed().toDouble();
    }
    return -1;
}

} // namespace Ws
