#pragma once

#include <optional>

#include <QByteArray>
#include <QByteArrayView>

namespace Nextup {

// What the server keeps of an Idempotency-Key, derived from the caller's scope and the key with
// keyed BLAKE2b (libsodium's generichash): the row's id, and the key that seals the first answer
// (XSalsa20-Poly1305, secretbox). Neither can be derived from the other, and the key itself is
// never stored: a reader of the table cannot open an answer, which may hold a token's secret.
class IdempotencySeal
{
public:
    // scope: who asked ("user:7", "address:10.0.0.8"); key: the header's value.
    IdempotencySeal(QByteArrayView scope, QByteArrayView key);

    // Lower-case hex, 64 characters.
    const QByteArray &lookup() const { return m_lookup; }
    // base64(nonce || ciphertext): a fresh nonce each time.
    QByteArray seal(QByteArrayView plain) const;
    // nullopt when the text is not one seal() made with this key.
    std::optional<QByteArray> open(QByteArrayView sealed) const;

    // Lower-case hex BLAKE2b-256 of a request's method, path and body: what must match for a
    // key's answer to be replayed.
    static QByteArray requestDigest(QByteArrayView method, QByteArrayView path,
                                    QByteArrayView body);

private:
    QByteArray m_lookup;
    QByteArray m_sealKey; // 32 bytes
};

} // namespace Nextup
