// Fuzzes RequestReader (server/src/http/requestreader.h), the RFC 9112 check of request heads
// that every byte of an HTTP connection passes before Qt's parser sees it. The input is what a
// client sends on one connection; it is read whole, in random cuts and one byte at a time, with
// the server's limits and with small ones (so that 413 and 431 are in reach of short inputs).
//
// Invariants:
//  - how the bytes are cut never changes the outcome: the same bytes pass, the same rest follows
//    an upgrade, the same refusal (only its status may be 400 or 431 then: a malformed line end
//    beyond the header limit is seen first or not, depending on where a cut falls);
//  - no more bytes come out than went in;
//  - a refusal has one of the statuses the header names, a code and a message, and is final:
//    nothing passes after it, after a closing request or after an upgrade;
//  - what passed is itself a valid stream: read again by a new reader, it all passes unrefused.

#include <algorithm>
#include <array>
#include <optional>

#include <QByteArray>

#include "fuzzsupport.h"
#include "http/requestreader.h"

using Nextup::RequestReader;
namespace Fuzz = Nextup::Fuzz;

namespace {

constexpr std::array kStatuses{400, 411, 413, 431, 501, 505};
constexpr QByteArrayView kNextRequest("GET / HTTP/1.1\r\nHost: a\r\n\r\n");

// What a connection's reader made of all the input, driven the way ConnectionGuard drives it.
struct Outcome
{
    QByteArray passed; // to Qt's HTTP parser
    QByteArray rest;   // after an upgrade request: the WebSocket's bytes
    std::optional<int> refusal;
    bool upgraded = false;
    bool closing = false;
    bool inHead = false;
};

void checkRefusal(const RequestReader::Refusal &refusal)
{
    FUZZ_CHECK(std::find(kStatuses.begin(), kStatuses.end(), refusal.status) != kStatuses.end());
    FUZZ_CHECK(!refusal.code.isEmpty());
    FUZZ_CHECK(!refusal.message.isEmpty());
}

Outcome readAll(RequestReader::Limits limits, const QList<QByteArrayView> &pieces)
{
    RequestReader reader(limits);
    Outcome out;
    for (const QByteArrayView piece : pieces) {
        if (out.upgraded) {
            out.rest += piece; // ConnectionGuard hands these to the frame reader
            continue;
        }
        const std::optional<int> before =
            reader.refusal() ? std::optional<int>(reader.refusal()->status) : std::nullopt;
        const bool wasClosing = reader.closing();
        const QByteArray passed = reader.read(piece);
        if (before) {
            FUZZ_CHECK(passed.isEmpty());
            FUZZ_CHECK(reader.refusal() && reader.refusal()->status == *before);
        }
        if (wasClosing)
            FUZZ_CHECK(passed.isEmpty());
        out.passed += passed;
        if (reader.upgraded()) {
            out.upgraded = true;
            out.rest = reader.takeRest();
        }
    }
    if (reader.refusal()) {
        checkRefusal(*reader.refusal());
        out.refusal = reader.refusal()->status;
    }
    out.closing = reader.closing();
    out.inHead = reader.inHead();
    FUZZ_CHECK(!(out.inHead && (out.refusal || out.closing || out.upgraded)));
    if (out.refusal || out.closing || out.upgraded) {
        // Final: a whole valid request after it does not pass either.
        FUZZ_CHECK(reader.read(kNextRequest).isEmpty());
        FUZZ_CHECK(out.refusal.has_value() == reader.refusal().has_value());
        FUZZ_CHECK(!out.refusal || reader.refusal()->status == *out.refusal);
    }
    return out;
}

void checkSame(const Outcome &a, const Outcome &b)
{
    FUZZ_CHECK(a.passed == b.passed);
    FUZZ_CHECK(a.rest == b.rest);
    FUZZ_CHECK(a.upgraded == b.upgraded);
    FUZZ_CHECK(a.closing == b.closing);
    FUZZ_CHECK(a.inHead == b.inHead);
    FUZZ_CHECK(a.refusal.has_value() == b.refusal.has_value());
    if (a.refusal && *a.refusal != *b.refusal)
        FUZZ_CHECK(std::min(*a.refusal, *b.refusal) == 400 &&
                   std::max(*a.refusal, *b.refusal) == 431);
}

void checkWith(RequestReader::Limits limits, QByteArrayView input)
{
    const Outcome whole = readAll(limits, {input});
    FUZZ_CHECK(whole.passed.size() + whole.rest.size() <= input.size());
    checkSame(whole, readAll(limits, Fuzz::chunks(input, 1, 64)));
    checkSame(whole, readAll(limits, Fuzz::chunks(input, 2, 7)));
    checkSame(whole, readAll(limits, Fuzz::bytewise(input)));

    RequestReader again(limits);
    FUZZ_CHECK(again.read(whole.passed) == whole.passed);
    FUZZ_CHECK(!again.refusal());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView input = Fuzz::bytesOf(data, size);
    checkWith(RequestReader::Limits{}, input);
    checkWith(RequestReader::Limits{256, 32}, input);
    return 0;
}
