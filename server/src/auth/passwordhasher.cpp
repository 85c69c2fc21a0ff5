#include "auth/passwordhasher.h"

#include <algorithm>
#include <array>
#include <optional>

#include <sodium.h>

#include <QByteArray>
#include <QMutex>
#include <QWaitCondition>

#include "auth/securerandom.h"

namespace Nextup {

namespace {

struct Cost
{
    unsigned long long opsLimit;
    size_t memLimit;
};

// OWASP's argon2id minimum, first of its equivalent settings (the others trade memory for passes).
constexpr Cost kOwaspCost{2, size_t(19) * 1024 * 1024};

Cost costOf(PasswordHasher::Strength strength)
{
    if (strength == PasswordHasher::Strength::Moderate)
        return {crypto_pwhash_OPSLIMIT_MODERATE, crypto_pwhash_MEMLIMIT_MODERATE};
    return kOwaspCost;
}

// Hashes of a throw-away password, made once with each strength's cost (m=19456,t=2 and libsodium
// 1.0.18's m=262144,t=3). Their cost parameters are what makes burnVerify() as slow as a real
// verify; tst_password checks that they still match a fresh hash's costs.
constexpr char DummyInteractive[] = "$argon2id$v=19$m=19456,t=2,p=1$Nv8I5y4pbrgPTdFnVaaZEQ$"
                                    "V2j4rd41cOul/em2eyr0T9nJ7V/3pmd6g/5P30cF+KU";
constexpr char DummyModerate[] = "$argon2id$v=19$m=262144,t=3,p=1$jyjIZ7AzjGqcTYi0NrZ2JA$"
                                 "q8Z9RHae2fJ69oof2bztqpprBHAvWT+7LfmEAss6y8Y";

constexpr char Argon2idPrefix[] = crypto_pwhash_argon2id_STRPREFIX;

using HashBuffer = std::array<char, crypto_pwhash_STRBYTES>;

// libsodium declares its hash parameter as char[crypto_pwhash_STRBYTES]: hand it exactly that,
// NUL-padded, so no input can make it read past our buffer. Hash strings are ASCII and shorter than
// the buffer; anything else is not a hash.
std::optional<HashBuffer> toBuffer(const QString &hash)
{
    const QByteArray bytes = hash.toLatin1();
    if (bytes.isEmpty() || bytes.size() >= qsizetype(crypto_pwhash_STRBYTES) ||
        bytes.contains('\0') || QString::fromLatin1(bytes) != hash)
        return std::nullopt;
    HashBuffer buffer{};
    std::copy(bytes.cbegin(), bytes.cend(), buffer.begin());
    return buffer;
}

// At most `limit` hashes at a time: a counting semaphore whose size can be set at start.
class HashGate
{
public:
    void setLimit(int limit)
    {
        QMutexLocker lock(&m_mutex);
        m_limit = std::max(1, limit);
        m_turn.wakeAll();
    }
    int limit()
    {
        QMutexLocker lock(&m_mutex);
        return m_limit;
    }
    void enter()
    {
        QMutexLocker lock(&m_mutex);
        while (m_running >= m_limit)
            m_turn.wait(&m_mutex);
        ++m_running;
    }
    void leave()
    {
        QMutexLocker lock(&m_mutex);
        --m_running;
        m_turn.wakeOne();
    }

private:
    QMutex m_mutex;
    QWaitCondition m_turn;
    int m_limit = PasswordHasher::kDefaultConcurrency;
    int m_running = 0;
};

HashGate &gate()
{
    static HashGate instance;
    return instance;
}

// One argon2 run, holding a turn of the gate while it runs.
template <typename Run> auto gated(Run run)
{
    gate().enter();
    struct Leave
    {
        ~Leave() { gate().leave(); }
    } leave;
    return run();
}

bool verifyBuffer(const HashBuffer &hash, QByteArrayView password)
{
    return gated([&] {
        return crypto_pwhash_str_verify(hash.data(), password.data(),
                                        static_cast<unsigned long long>(password.size())) == 0;
    });
}

} // namespace

void PasswordHasher::setConcurrency(int hashes)
{
    gate().setLimit(hashes);
}

int PasswordHasher::concurrency()
{
    return gate().limit();
}

QString PasswordHasher::hash(QByteArrayView password, Strength strength)
{
    SecureRandom::ensureInitialised();
    const Cost cost = costOf(strength);
    HashBuffer out{};
    const int failed = gated([&] {
        return crypto_pwhash_str(out.data(), password.data(),
                                 static_cast<unsigned long long>(password.size()), cost.opsLimit,
                                 cost.memLimit);
    });
    if (failed != 0)
        return {};
    return QString::fromLatin1(out.data());
}

bool PasswordHasher::verify(const QString &hash, QByteArrayView password)
{
    SecureRandom::ensureInitialised();
    const auto buffer = toBuffer(hash);
    return buffer && verifyBuffer(*buffer, password);
}

bool PasswordHasher::needsRehash(const QString &hash, Strength strength)
{
    SecureRandom::ensureInitialised();
    const auto buffer = toBuffer(hash);
    // libsodium also accepts argon2i hashes at the same costs; we want argon2id everywhere.
    if (!buffer || !hash.startsWith(QLatin1StringView(Argon2idPrefix)))
        return true;
    const Cost cost = costOf(strength);
    // 1 = other costs, -1 = unreadable: both want a fresh hash.
    return crypto_pwhash_str_needs_rehash(buffer->data(), cost.opsLimit, cost.memLimit) != 0;
}

void PasswordHasher::burnVerify(Strength strength)
{
    SecureRandom::ensureInitialised();
    const auto buffer = toBuffer(dummyHash(strength));
    // The answer is irrelevant; only the time spent matters.
    [[maybe_unused]] const bool ignored = verifyBuffer(*buffer, "timing-only-not-a-password");
}

QString PasswordHasher::dummyHash(Strength strength)
{
    return QString::fromLatin1(strength == Strength::Moderate ? DummyModerate : DummyInteractive);
}

} // namespace Nextup
