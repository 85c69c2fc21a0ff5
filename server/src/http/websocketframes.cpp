#include "http/websocketframes.h"

namespace Nextup {

namespace {
constexpr char kMaskBit = char(0x80);
constexpr int kLengthBits = 0x7f;
constexpr int kMaskKeyBytes = 4;
constexpr int kMaxControlPayload = 125;

// The size of the (masked) header `header` begins, once its first two bytes are known.
qsizetype headerSize(const QByteArray &header)
{
    const int length = header.at(1) & kLengthBits;
    const qsizetype extended = length == 126 ? 2 : length == 127 ? 8 : 0;
    return 2 + extended + kMaskKeyBytes;
}

quint64 payloadLength(const QByteArray &header)
{
    const int length = header.at(1) & kLengthBits;
    if (length < 126)
        return quint64(length);
    const int bytes = length == 126 ? 2 : 8;
    quint64 value = 0;
    for (int i = 0; i < bytes; ++i)
        value = (value << 8) | static_cast<unsigned char>(header.at(2 + i));
    return value;
}
} // namespace

QByteArray ClientFrameReader::read(QByteArrayView bytes)
{
    QByteArray passed;
    qsizetype pos = 0;
    while (pos < bytes.size() && !m_refused) {
        if (m_payloadLeft > 0) {
            const qsizetype take =
                qsizetype(qMin<quint64>(m_payloadLeft, quint64(bytes.size() - pos)));
            passed.append(bytes.sliced(pos, take));
            pos += take;
            m_payloadLeft -= quint64(take);
            continue;
        }
        m_header.append(bytes.at(pos++));
        if (m_header.size() < 2)
            continue;
        if (!(m_header.at(1) & kMaskBit)) {
            m_refused = true;
            break;
        }
        if (m_header.size() == headerSize(m_header)) {
            passed.append(m_header);
            m_payloadLeft = payloadLength(m_header);
            m_header.clear();
        }
    }
    return passed;
}

QByteArray ClientFrameReader::closeFrame(quint16 code, QByteArrayView reason)
{
    const QByteArrayView text =
        reason.first(qMin<qsizetype>(reason.size(), kMaxControlPayload - 2));
    QByteArray frame;
    frame.append(char(0x88)); // FIN, opcode 8 (close)
    frame.append(char(2 + text.size()));
    frame.append(char(code >> 8)).append(char(code & 0xff));
    frame.append(text);
    return frame;
}

QByteArray ClientFrameReader::textFrame(QByteArrayView utf8)
{
    const auto size = quint64(utf8.size());
    QByteArray frame;
    frame.reserve(utf8.size() + 10);
    frame.append(char(0x81)); // FIN, opcode 1 (text)
    if (size < 126) {
        frame.append(char(size));
    } else if (size <= 0xffff) {
        frame.append(char(126));
        frame.append(char(size >> 8)).append(char(size & 0xff));
    } else {
        frame.append(char(127));
        for (int shift = 56; shift >= 0; shift -= 8)
            frame.append(char((size >> shift) & 0xff));
    }
    frame.append(utf8);
    return frame;
}

QByteArrayView ClientFrameReader::textOf(const QByteArray &frame)
{
    if (frame.size() < 2)
        return {};
    const int length = frame.at(1) & 0x7f;
    const qsizetype header = length == 127 ? 10 : length == 126 ? 4 : 2;
    return QByteArrayView(frame).sliced(qMin(header, frame.size()));
}

} // namespace Nextup
