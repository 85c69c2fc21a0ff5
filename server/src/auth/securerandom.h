#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace Nextup {

// Unguessable tokens and the helpers to store and compare them. Refresh tokens and customer status
// secrets are handed out as token() and stored only as sha256Hex(token), so a database leak does
// not hand out live credentials; a presented token is hashed and compared with
// constantTimeEquals().
namespace SecureRandom {

// Initialises libsodium once (thread-safe). Every function here and PasswordHasher call it; call it
// early in main() to fail fast when the system has no usable random source.
void ensureInitialised();

// `bytes` random bytes from randombytes_buf(), as base64url without padding (32 bytes -> 43
// characters). Empty for bytes <= 0.
QByteArray token(int bytes = 32);

// Lower-case hexadecimal SHA-256 (64 characters).
QByteArray sha256Hex(QByteArrayView data);

// True when a and b hold the same bytes. Runs in time that depends on the length only, not on the
// position of the first difference. Different lengths are unequal (lengths are not secret).
bool constantTimeEquals(QByteArrayView a, QByteArrayView b);

} // namespace SecureRandom

} // namespace Nextup
