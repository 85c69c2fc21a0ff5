// RFC 6455 §5.1: a server MUST close the connection when a client frame is not masked (masking
// keeps a client's bytes from being read as something else by proxies on the way). A raw socket
// does the handshake and the framing by hand: QWebSocket never sends an unmasked frame.
#include <QJsonDocument>
#include <QTest>

#include "hardeningtest.h"

using namespace std::chrono_literals;

namespace {

QByteArray frame(int opcode, const QByteArray &payload, bool masked)
{
    QByteArray out;
    out.append(char(0x80 | opcode));
    Q_ASSERT(payload.size() < 126);
    out.append(char((masked ? 0x80 : 0) | payload.size()));
    if (!masked)
        return out + payload;
    const char mask[4] = {'\x12', '\x34', '\x56', '\x78'};
    out.append(mask, 4);
    for (qsizetype i = 0; i < payload.size(); ++i)
        out.append(char(payload.at(i) ^ mask[i % 4]));
    return out;
}

struct Frame
{
    int opcode = 0;
    QByteArray payload;
};

// Server frames (never masked, short ones only here) at the start of `bytes`, removed from it.
QList<Frame> takeFrames(QByteArray &bytes)
{
    QList<Frame> frames;
    while (bytes.size() >= 2) {
        qsizetype length = quint8(bytes.at(1)) & 0x7f;
        qsizetype header = 2;
        if (length == 126) {
            if (bytes.size() < 4)
                break;
            length = (qsizetype(quint8(bytes.at(2))) << 8) | quint8(bytes.at(3));
            header = 4;
        }
        if (bytes.size() < header + length)
            break;
        frames.append({quint8(bytes.at(0)) & 0x0f, bytes.mid(header, length)});
        bytes.remove(0, header + length);
    }
    return frames;
}

// Server frames in arrival order, read as they come.
class FrameReader
{
public:
    explicit FrameReader(PosixClient &client) : m_client(client) {}

    // The next frame of `opcode`, skipping others (a ping from the heartbeat, say).
    std::optional<Frame> next(int opcode)
    {
        const auto deadline = std::chrono::steady_clock::now() + 5s;
        for (;;) {
            m_queue += takeFrames(m_client.received());
            while (!m_queue.isEmpty()) {
                const Frame frame = m_queue.takeFirst();
                if (frame.opcode == opcode)
                    return frame;
            }
            if (m_client.closed() || std::chrono::steady_clock::now() >= deadline)
                return std::nullopt;
            m_client.readAtLeast(m_client.received().size() + 1, 500ms);
        }
    }

private:
    PosixClient &m_client;
    QList<Frame> m_queue;
};

} // namespace

void TestHardening::unmaskedFrameClosesWith1002()
{
    PosixClient client;
    QVERIFY(client.connectTo(port()));
    QVERIFY(client.send("GET /ws/queues HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                        "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                        "Sec-WebSocket-Version: 13\r\n\r\n"));
    QVERIFY(client.readAtLeast(12, 5s));
    QVERIFY2(client.received().startsWith("HTTP/1.1 101"), client.received().constData());
    const qsizetype headEnd = client.received().indexOf("\r\n\r\n");
    QVERIFY(headEnd > 0);
    client.received().remove(0, headEnd + 4);

    // A masked frame is served: {"type":"ping"} is answered {"type":"pong"}.
    FrameReader frames(client);
    const auto hello = frames.next(0x1);
    QVERIFY2(hello, "no hello frame");
    QVERIFY(client.send(frame(0x1, R"({"type":"ping"})", true)));
    const auto pong = frames.next(0x1);
    QVERIFY2(pong, "no answer to a masked ping");
    QCOMPARE(QJsonDocument::fromJson(pong->payload).object().value(u"type").toString(),
             QStringLiteral("pong"));

    // The same frame unmasked: a close frame with 1002 (protocol error), then the end.
    QVERIFY(client.send(frame(0x1, R"({"type":"ping"})", false)));
    const auto close = frames.next(0x8);
    QVERIFY2(close, "no close frame after an unmasked frame");
    QVERIFY(close->payload.size() >= 2);
    QCOMPARE((quint8(close->payload.at(0)) << 8) | quint8(close->payload.at(1)), 1002);
    QVERIFY2(client.readUntilClosed(5s), "the connection stays open after the close frame");
}
