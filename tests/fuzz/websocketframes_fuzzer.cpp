// Fuzzes ClientFrameReader (server/src/http/websocketframes.h), which checks the mask bit of every
// frame a WebSocket client sends before QWebSocket reads it. The input is what a client sends
// after its upgrade request; it is read whole, in random cuts and one byte at a time.
//
// Invariants:
//  - the reader agrees with a plain walk over the frames written from RFC 6455 §5.2 here: it
//    passes exactly the bytes up to the first unmasked frame (refusing there) or up to an
//    incomplete header at the end (held until the rest of it comes);
//  - how the bytes are cut never changes what passes or whether it refuses;
//  - a refusal is final: nothing passes after it;
//  - closeFrame() writes a valid unmasked close frame: FIN, opcode 8, the code, at most 123 bytes
//    of the reason, a payload of at most 125 bytes.

#include <QByteArray>

#include "fuzzsupport.h"
#include "http/websocketframes.h"

using Nextup::ClientFrameReader;
namespace Fuzz = Nextup::Fuzz;

namespace {

struct Outcome
{
    QByteArray passed;
    bool refused = false;
};

// RFC 6455 §5.2 read as plainly as possible: where the bytes stop passing, and why.
Outcome expected(QByteArrayView input)
{
    qsizetype pos = 0;
    while (input.size() - pos >= 2) {
        const auto second = static_cast<unsigned char>(input.at(pos + 1));
        if (!(second & 0x80))
            return {input.first(pos).toByteArray(), true};
        const int length = second & 0x7f;
        const qsizetype extended = length == 126 ? 2 : length == 127 ? 8 : 0;
        const qsizetype headerSize = 2 + extended + 4;
        if (input.size() - pos < headerSize)
            break;
        quint64 payload = quint64(length);
        if (extended > 0) {
            payload = 0;
            for (qsizetype i = 0; i < extended; ++i)
                payload = payload << 8 | static_cast<unsigned char>(input.at(pos + 2 + i));
        }
        pos += headerSize;
        if (payload >= quint64(input.size() - pos))
            return {input.toByteArray(), false};
        pos += qsizetype(payload);
    }
    return {input.first(pos).toByteArray(), false};
}

Outcome readAll(const QList<QByteArrayView> &pieces)
{
    ClientFrameReader reader;
    Outcome out;
    for (const QByteArrayView piece : pieces) {
        const bool wasRefused = reader.refused();
        const QByteArray passed = reader.read(piece);
        FUZZ_CHECK(!wasRefused || (passed.isEmpty() && reader.refused()));
        out.passed += passed;
    }
    out.refused = reader.refused();
    return out;
}

void checkSame(const Outcome &a, const Outcome &b)
{
    FUZZ_CHECK(a.passed == b.passed);
    FUZZ_CHECK(a.refused == b.refused);
}

void checkCloseFrame(QByteArrayView input)
{
    const quint16 code = input.size() >= 2 ? quint16(static_cast<unsigned char>(input.at(0)) << 8 |
                                                     static_cast<unsigned char>(input.at(1)))
                                           : ClientFrameReader::kProtocolError;
    const QByteArrayView reason = input.size() >= 2 ? input.sliced(2) : input;
    const QByteArray frame = ClientFrameReader::closeFrame(code, reason);
    FUZZ_CHECK(frame.size() >= 4 && frame.size() <= 2 + 125);
    FUZZ_CHECK(static_cast<unsigned char>(frame.at(0)) == 0x88);
    FUZZ_CHECK(static_cast<unsigned char>(frame.at(1)) == frame.size() - 2); // unmasked, length
    FUZZ_CHECK(static_cast<unsigned char>(frame.at(2)) == code >> 8);
    FUZZ_CHECK(static_cast<unsigned char>(frame.at(3)) == (code & 0xff));
    FUZZ_CHECK(frame.sliced(4) == reason.first(qMin<qsizetype>(reason.size(), 123)));
    // A server's frame is unmasked: sent by a client, the reader refuses it.
    ClientFrameReader reader;
    FUZZ_CHECK(reader.read(frame).isEmpty() && reader.refused());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView input = Fuzz::bytesOf(data, size);
    const Outcome whole = readAll({input});
    checkSame(whole, expected(input));
    checkSame(whole, readAll(Fuzz::chunks(input, 1, 32)));
    checkSame(whole, readAll(Fuzz::chunks(input, 2, 5)));
    checkSame(whole, readAll(Fuzz::bytewise(input)));
    checkCloseFrame(input);
    return 0;
}
