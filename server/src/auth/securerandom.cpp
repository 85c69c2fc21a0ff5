#include "auth/securerandom.h"

#include <mutex>

#include <sodium.h>

#include <QCryptographicHash>
#include <QtGlobal>

namespace Nextup {

namespace SecureRandom {

void ensureInitialised()
{
    static std::once_flag once;
    std::call_once(once, [] {
        // -1 means no usable random source: carrying on would hand out predictable secrets.
        if (sodium_init() < 0)
            qFatal("libsodium could not be initialised (no usable random source)");
    });
}

QByteArray token(int bytes)
{
    if (bytes <= 0)
        return {};
    ensureInitialised();
    QByteArray raw(bytes, Qt::Uninitialized);
    randombytes_buf(raw.data(), static_cast<size_t>(raw.size()));
    QByteArray encoded =
        raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    sodium_memzero(raw.data(), static_cast<size_t>(raw.size()));
    return encoded;
}

QByteArray sha256Hex(QByteArrayView data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

bool constantTimeEquals(QByteArrayView a, QByteArrayView b)
{
    if (a.size() != b.size())
        return false;
    if (a.isEmpty())
        return true;
    ensureInitialised();
    return sodium_memcmp(a.data(), b.data(), static_cast<size_t>(a.size())) == 0;
}

} // namespace SecureRandom

} // namespace Nextup
