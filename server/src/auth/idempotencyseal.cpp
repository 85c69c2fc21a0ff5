#include "auth/idempotencyseal.h"

#include <sodium.h>

#include "auth/securerandom.h"

namespace Nextup {

namespace {
// BLAKE2b-256 of `parts`, each preceded by its length (no two lists of parts hash alike), keyed
// with `context` so that the lookup and the seal key of one Idempotency-Key are unrelated.
QByteArray digest(QByteArrayView context, std::initializer_list<QByteArrayView> parts)
{
    crypto_generichash_state state;
    crypto_generichash_init(&state, reinterpret_cast<const unsigned char *>(context.data()),
                            size_t(context.size()), crypto_generichash_BYTES);
    for (QByteArrayView part : parts) {
        const quint64 length = quint64(part.size());
        crypto_generichash_update(&state, reinterpret_cast<const unsigned char *>(&length),
                                  sizeof length);
        crypto_generichash_update(&state, reinterpret_cast<const unsigned char *>(part.data()),
                                  size_t(part.size()));
    }
    QByteArray out(crypto_generichash_BYTES, Qt::Uninitialized);
    crypto_generichash_final(&state, reinterpret_cast<unsigned char *>(out.data()),
                             size_t(out.size()));
    return out;
}

// crypto_generichash keys must be 16 to 64 bytes.
constexpr QByteArrayView kLookupContext{"nextup idempotency-key lookup"};
constexpr QByteArrayView kSealContext{"nextup idempotency-key seal key"};
constexpr QByteArrayView kRequestContext{"nextup idempotency-key request"};
} // namespace

IdempotencySeal::IdempotencySeal(QByteArrayView scope, QByteArrayView key)
{
    SecureRandom::ensureInitialised();
    m_lookup = digest(kLookupContext, {scope, key}).toHex();
    m_sealKey = digest(kSealContext, {scope, key});
    static_assert(crypto_generichash_BYTES == crypto_secretbox_KEYBYTES);
}

QByteArray IdempotencySeal::seal(QByteArrayView plain) const
{
    QByteArray out(qsizetype(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES) +
                       plain.size(),
                   Qt::Uninitialized);
    auto *nonce = reinterpret_cast<unsigned char *>(out.data());
    randombytes_buf(nonce, crypto_secretbox_NONCEBYTES);
    crypto_secretbox_easy(nonce + crypto_secretbox_NONCEBYTES,
                          reinterpret_cast<const unsigned char *>(plain.data()),
                          quint64(plain.size()), nonce,
                          reinterpret_cast<const unsigned char *>(m_sealKey.constData()));
    return out.toBase64();
}

std::optional<QByteArray> IdempotencySeal::open(QByteArrayView sealed) const
{
    const QByteArray bytes = QByteArray::fromBase64(sealed.toByteArray());
    const qsizetype overhead = crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES;
    if (bytes.size() < overhead)
        return std::nullopt;
    QByteArray plain(bytes.size() - overhead, Qt::Uninitialized);
    const auto *nonce = reinterpret_cast<const unsigned char *>(bytes.constData());
    if (crypto_secretbox_open_easy(
            reinterpret_cast<unsigned char *>(plain.data()), nonce + crypto_secretbox_NONCEBYTES,
            quint64(bytes.size() - crypto_secretbox_NONCEBYTES), nonce,
            reinterpret_cast<const unsigned char *>(m_sealKey.constData())) != 0)
        return std::nullopt;
    return plain;
}

QByteArray IdempotencySeal::requestDigest(QByteArrayView method, QByteArrayView path,
                                          QByteArrayView body)
{
    SecureRandom::ensureInitialised();
    return digest(kRequestContext, {method, path, body}).toHex();
}

} // namespace Nextup
