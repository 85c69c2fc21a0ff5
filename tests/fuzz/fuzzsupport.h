#pragma once

#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include <QByteArrayView>
#include <QList>

// What the harnesses under tests/fuzz share. Each harness is built twice: as a libFuzzer target
// (scripts/fuzz.sh, clang) and as a replay of its corpus in CTest (replaymain.cpp, the ci preset,
// where NDEBUG turns assert() and Q_ASSERT off). So invariants are checked with FUZZ_CHECK, which
// stays on in every build and aborts: libFuzzer saves the input, CTest sees the test fail.
#define FUZZ_CHECK(condition)                                                                      \
    ((condition) ? void() : Nextup::Fuzz::fail(#condition, __FILE__, __LINE__))

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

namespace Nextup::Fuzz {

[[noreturn]] inline void fail(const char *condition, const char *file, int line)
{
    std::fprintf(stderr, "%s:%d: invariant broken: %s\n", file, line, condition);
    std::abort();
}

inline QByteArrayView bytesOf(const uint8_t *data, size_t size)
{
    return QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size));
}

// The bytes cut into chunks of 1 to maxChunk bytes, as a network delivers them. The cuts come
// from a generator seeded by the bytes themselves (and `salt`): one input is always cut the same
// way, which libFuzzer needs, while its mutations are cut differently.
inline QList<QByteArrayView> chunks(QByteArrayView bytes, quint64 salt, qsizetype maxChunk)
{
    quint64 state = 0xcbf29ce484222325ULL ^ salt; // FNV-1a of the bytes, then splitmix64
    for (const char c : bytes)
        state = (state ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
    const auto next = [&state] {
        quint64 z = (state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    };
    QList<QByteArrayView> pieces;
    for (qsizetype pos = 0; pos < bytes.size();) {
        const qsizetype take = qMin(bytes.size() - pos, qsizetype(1 + next() % quint64(maxChunk)));
        pieces.append(bytes.sliced(pos, take));
        pos += take;
    }
    return pieces;
}

// One byte at a time: the slowest client, and every cut there is.
inline QList<QByteArrayView> bytewise(QByteArrayView bytes)
{
    return chunks(bytes, 0, 1);
}

} // namespace Nextup::Fuzz
