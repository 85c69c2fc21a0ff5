#pragma once

#include <QByteArrayView>
#include <QString>

namespace Nextup {

// argon2id password hashing through libsodium's crypto_pwhash_str family. The stored string
// ("$argon2id$v=19$m=...,t=...,p=1$salt$hash") carries its own salt and cost, so hashes made with
// older costs keep verifying; needsRehash() tells the login path to store a fresh one.
//
// Thread-safe and stateless; hashing and verifying are deliberately slow (Interactive: ~64 MiB and
// tens of milliseconds), so call them on a worker thread, never on the HTTP thread.
class PasswordHasher
{
public:
    enum class Strength
    {
        Interactive, // OPSLIMIT/MEMLIMIT_INTERACTIVE: tests, development, small machines
        Moderate,    // OPSLIMIT/MEMLIMIT_MODERATE (256 MiB): production logins
    };

    // Empty string only if libsodium fails (out of memory).
    static QString hash(QByteArrayView password, Strength strength = Strength::Interactive);

    // False for a wrong password and for an empty, foreign or malformed hash; never crashes.
    static bool verify(const QString &hash, QByteArrayView password);

    // True when the hash was made with other costs or another algorithm than `strength` (or is not
    // a hash at all); false for a fresh hash of the same strength.
    static bool needsRehash(const QString &hash, Strength strength = Strength::Interactive);

    // Spends as long as verify() does on a hash of `strength`, against a fixed dummy hash. Login
    // calls it when the username is unknown, so the answer time does not reveal which usernames
    // exist.
    static void burnVerify(Strength strength = Strength::Interactive);

    // The fixed hash burnVerify() works on (of a throw-away password); public so that a test can
    // check that its costs still equal a fresh hash's.
    static QString dummyHash(Strength strength = Strength::Interactive);
};

} // namespace Nextup
