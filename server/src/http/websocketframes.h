#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace Nextup {

// A WebSocket client's frames as they arrive, checked before QWebSocket reads them: Qt 6.4's
// QWebSocket takes unmasked client frames, and RFC 6455 §5.1 says a server MUST close the
// connection on one (masking keeps a client's bytes from being read as something else by
// intermediaries). Everything else about a frame (opcodes, lengths, UTF-8, sizes) is QWebSocket's
// to check.
//
// Pure: no sockets, any thread.
class ClientFrameReader
{
public:
    // 1002, protocol error: the close code sent before closing on an unmasked frame.
    static constexpr quint16 kProtocolError = 1002;

    // Takes the next bytes from the client; returns those QWebSocket may have: frame headers once
    // their mask bit is seen to be set, payloads as they come, nothing from an unmasked frame on.
    QByteArray read(QByteArrayView bytes);
    bool refused() const { return m_refused; }

    // A close frame as a server sends it (unmasked): the code, then the reason (at most 123
    // bytes of it).
    static QByteArray closeFrame(quint16 code, QByteArrayView reason);
    // A text message as a server sends it: one unmasked frame (FIN, opcode 1, the shortest length
    // encoding), the bytes QWebSocket::sendTextMessage writes for the same UTF-8 text (below
    // 512 KiB, which it would split into fragments). Built once
    // for an event and written to every socket of a room.
    static QByteArray textFrame(QByteArrayView utf8);
    // The text of a frame textFrame() built.
    static QByteArrayView textOf(const QByteArray &frame);

private:
    QByteArray m_header; // the header of the next frame, while incomplete
    quint64 m_payloadLeft = 0;
    bool m_refused = false;
};

} // namespace Nextup
