#pragma once

#include <functional>
#include <optional>

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QStringList>
#include <QTcpSocket>
#include <QUrl>
#include <QWebSocket>

// Clients of the server's WebSocket endpoint (/ws/queues) for the realtime suite.
namespace Ws {

using FramePredicate = std::function<bool(const QJsonObject &)>;

// A well-behaved client: a QWebSocket (which answers pings by itself) that keeps every text frame
// it receives, raw and parsed, so tests can assert on exactly what arrived.
class Client final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Client)

public:
    explicit Client(QObject *parent = nullptr);
    ~Client() override;

    // Connects without waiting; isOpen() turns true once the server's hello arrived.
    void connectTo(const QUrl &url);
    // Connects and waits for the hello frame.
    bool open(const QUrl &url, int timeoutMs = 5000);
    bool isOpen() const { return m_hello.has_value(); }
    bool isConnected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    qint64 helloSeq() const { return m_hello ? m_hello->value(u"seq").toInteger() : -1; }

    void send(const QJsonObject &frame);
    void sendText(const QString &text) { m_socket.sendTextMessage(text); }
    // {"type":"auth"} and the server's "authenticated" answer; false on anything else.
    bool authenticate(const QString &accessToken, int timeoutMs = 5000);
    // {"type":"subscribe"}; true once every room was confirmed by "subscribed" frames.
    bool subscribe(const QStringList &rooms, const QString &secret = {}, int timeoutMs = 5000);
    // The first frame from index `from` on that matches, waiting up to timeoutMs for it.
    std::optional<QJsonObject> waitFor(const FramePredicate &matches, int timeoutMs = 5000,
                                       qsizetype from = 0);
    // The first {"type":"error","code":code[, "room":room]} frame.
    std::optional<QJsonObject> waitError(const QString &code, const QString &room = {},
                                         int timeoutMs = 5000);
    bool waitDisconnected(int timeoutMs);

    QList<QJsonObject> frames() const { return m_frames; }
    // Frames with an "event" member, in arrival order.
    QList<QJsonObject> events() const;
    // Every text frame as received, for searching the wire text itself.
    const QList<QString> &rawFrames() const { return m_raw; }
    qsizetype frameCount() const { return m_frames.size(); }
    QWebSocketProtocol::CloseCode closeCode() const { return m_socket.closeCode(); }
    QWebSocket &socket() { return m_socket; }

signals:
    void frameReceived(const QJsonObject &frame);

private:
    void onText(const QString &text);

    QWebSocket m_socket;
    QList<QJsonObject> m_frames;
    QList<QString> m_raw;
    std::optional<QJsonObject> m_hello;
};

// A client speaking the protocol by hand over a QTcpSocket, for what QWebSocket never does: not
// answering pings, and not reading at all (its read buffer capped, so the kernel's fills up).
class RawClient final
{
    Q_DISABLE_COPY_MOVE(RawClient)

public:
    struct Frame
    {
        int opcode = 0; // 0x1 text, 0x2 binary, 0x8 close, 0x9 ping, 0xA pong
        QByteArray payload;
    };

    RawClient() = default;

    // TCP connect + upgrade handshake (101). Frames after the handshake stay unread until read().
    bool connectTo(quint16 port, int timeoutMs = 5000);
    // Stops taking bytes from the kernel: Qt's buffer is capped at one byte and never drained.
    void stopReading();
    void resumeReading() { m_socket.setReadBufferSize(0); }
    // A masked frame, as a client must send it.
    bool sendFrame(int opcode, const QByteArray &payload);
    bool sendText(const QByteArray &text) { return sendFrame(0x1, text); }
    // Reads and parses whatever arrived within timeoutMs; never answers pings.
    QList<Frame> read(int timeoutMs);
    bool isConnected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    // True when the server ended the connection within the time (reading what it still sent).
    bool waitClosed(int timeoutMs);

private:
    void parse();

    QTcpSocket m_socket;
    QByteArray m_buffer;
    QList<Frame> m_parsed;
};

// GET /metrics value of one unlabelled series; -1 when absent.
double metricValue(const QByteArray &metricsText, const QByteArray &name);

} // namespace Ws
