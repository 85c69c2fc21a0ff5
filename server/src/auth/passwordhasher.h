#pragma once

#include <QByteArrayView>
#include <QString>

namespace Nextup {

// argon2id password hashing through libsodium's crypto_pwhash_str family. The stored string
// ("$argon2id$v=19$m=...,t=...,p=1$salt$hash") carries its own salt and cost, so hashes made with
// older costs (libsodium's interactive 64 MiB, before) keep verifying; needsRehash() tells which
// ones a fresh hash would replace.
//
// The cost is OWASP's first recommended argon2id setting: 19 MiB of memory, 2 passes, 1 lane
// (m=19456 KiB, t=2, p=1). Measured on the 2-core AMD EPYC VM the project runs on: a hash or a
// verify takes ~52-55 ms and ~19 MiB, against ~165-195 ms and 64 MiB with libsodium's interactive
// setting. Memory is what an attacker pays per guess on a GPU and what the server pays per login:
// with 64 MiB, failed logins from many addresses at once (each under its own rate limit) pushed
// the server's RSS up by WORKERS x 64 MiB.
//
// Hashes run at most concurrency() at a time, process-wide, whatever WORKERS is: more logins wait
// for a turn (on their worker thread), so the memory they take is bounded by concurrency() x 19 MiB
// and the CPU they take by as many cores. Set it once at start (HASH_CONCURRENCY).
//
// Thread-safe; hashing and verifying are deliberately slow, so call them on a worker thread, never
// on the HTTP thread.
class PasswordHasher
{
public:
    enum class Strength
    {
        Interactive, // m=19 MiB, t=2, p=1 (OWASP): every login, registration and password change
        Moderate,    // libsodium's MODERATE (256 MiB, t=3): kept for hashes made with it
    };

    // How many hashes or verifies may run at once (at least 1); the default is kDefaultConcurrency.
    static constexpr int kDefaultConcurrency = 2;
    static void setConcurrency(int hashes);
    static int concurrency();

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
