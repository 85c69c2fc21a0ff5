#include <algorithm>
#include <functional>
#include <limits>

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include "auth/idempotencyseal.h"
#include "auth/passwordhasher.h"
#include "auth/securerandom.h"

using namespace Nextup;

// Every argon2id hash or verify costs ~19 MiB and ~55 ms: the hashes made here are
// shared between checks instead of made per check.
class TestPassword : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void roundTrip();
    void saltedHashesDiffer();
    void nonAsciiPassword();
    void malformedHash_data();
    void malformedHash();
    void needsRehash();
    void burnVerifyTakesAsLongAsVerify();

    void tokenShape_data();
    void tokenShape();
    void tokensAreUnique();
    void sha256Hex_data();
    void sha256Hex();
    void constantTimeEquals_data();
    void constantTimeEquals();
    // IdempotencySeal: what the server keeps of an Idempotency-Key.
    void sealOpensOnlyWithItsKey();
    void lookupPerCallerAndKey_data();
    void lookupPerCallerAndKey();
    void requestDigestTellsRequestsApart();

private:
    QString m_hash; // of Password
    static constexpr QByteArrayView Password = "correct horse battery staple";
};

void TestPassword::initTestCase()
{
    m_hash = PasswordHasher::hash(Password);
    QVERIFY(!m_hash.isEmpty());
}

void TestPassword::roundTrip()
{
    QVERIFY2(m_hash.startsWith(QLatin1String("$argon2id$")), qPrintable(m_hash));
    QVERIFY(!m_hash.contains(QString::fromLatin1(Password.toByteArray())));
    QVERIFY(PasswordHasher::verify(m_hash, Password));
    QVERIFY(!PasswordHasher::verify(m_hash, "correct horse battery stapl"));
    QVERIFY(!PasswordHasher::verify(m_hash, ""));
}

void TestPassword::saltedHashesDiffer()
{
    const QString second = PasswordHasher::hash(Password);
    QVERIFY(second.startsWith(QLatin1String("$argon2id$")));
    QVERIFY(second != m_hash);
    QVERIFY(PasswordHasher::verify(second, Password));
}

void TestPassword::nonAsciiPassword()
{
    // "Zoë 🔑 пароль" as UTF-8; the precomposed and decomposed "ë" are different passwords (no
    // normalisation happens below the API).
    const QByteArray composed =
        QStringLiteral("Zo\u00EB \U0001F511 \u043F\u0430\u0440\u043E\u043B\u044C").toUtf8();
    const QByteArray decomposed =
        QStringLiteral("Zoe\u0308 \U0001F511 \u043F\u0430\u0440\u043E\u043B\u044C").toUtf8();
    const QString hash = PasswordHasher::hash(composed);
    QVERIFY(PasswordHasher::verify(hash, composed));
    QVERIFY(!PasswordHasher::verify(hash, decomposed));
}

void TestPassword::malformedHash_data()
{
    QTest::addColumn<QString>("hash");

    QTest::newRow("empty") << QString();
    QTest::newRow("garbage") << QStringLiteral("not a hash");
    QTest::newRow("prefix only") << QStringLiteral("$argon2id$");
    QTest::newRow("truncated") << m_hash.left(m_hash.size() - 10);
    QTest::newRow("bcrypt") << QStringLiteral(
        "$2y$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy");
    QTest::newRow("trailing junk") << m_hash + QStringLiteral("AAAA");
    QTest::newRow("embedded NUL") << m_hash + QChar(0) + QStringLiteral("x");
    QTest::newRow("non-Latin-1") << m_hash.left(40) + QStringLiteral("\u20AC") + m_hash.mid(41);
    QTest::newRow("too long") << m_hash + QString(200, 'A');
    // Well formed but for another password's digest: runs argon2id and must still say no.
    QString otherDigest = m_hash;
    otherDigest[otherDigest.size() - 2] = otherDigest.at(otherDigest.size() - 2) == 'A' ? 'B' : 'A';
    QTest::newRow("altered digest") << otherDigest;
}

void TestPassword::malformedHash()
{
    QFETCH(QString, hash);
    QVERIFY(!PasswordHasher::verify(hash, Password));
    QVERIFY(PasswordHasher::needsRehash(hash) || hash.startsWith(QLatin1String("$argon2id$v=19")));
}

void TestPassword::needsRehash()
{
    QVERIFY(!PasswordHasher::needsRehash(m_hash));
    QVERIFY(PasswordHasher::needsRehash(m_hash, PasswordHasher::Strength::Moderate));
    QVERIFY(PasswordHasher::needsRehash(QString()));
    // argon2i is verifiable but should be upgraded to argon2id.
    QVERIFY(PasswordHasher::needsRehash(
        QStringLiteral("$argon2i$v=19$m=65536,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$"
                       "c29tZWhhc2hzb21laGFzaHNvbWVoYXNoc29tZWhhc2g")));
    // The dummy hashes must cost what a fresh hash costs, or burnVerify() betrays unknown users.
    QVERIFY(!PasswordHasher::needsRehash(PasswordHasher::dummyHash()));
    QVERIFY(
        !PasswordHasher::needsRehash(PasswordHasher::dummyHash(PasswordHasher::Strength::Moderate),
                                     PasswordHasher::Strength::Moderate));
}

void TestPassword::burnVerifyTakesAsLongAsVerify()
{
    // The fastest of a few runs of each, after one of each to warm up: a single first verify
    // pays the page faults of its 19 MiB, which a burn right after reuses, and one run of either
    // may lose its core to another process.
    const auto fastestNs = [](const std::function<void()> &work) {
        qint64 fastest = std::numeric_limits<qint64>::max();
        for (int run = 0; run < 3; ++run) {
            QElapsedTimer timer;
            timer.start();
            work();
            fastest = std::min(fastest, timer.nsecsElapsed());
        }
        return fastest;
    };
    QVERIFY(!PasswordHasher::verify(m_hash, "wrong password"));
    PasswordHasher::burnVerify();
    const qint64 verifyNs =
        fastestNs([this] { QVERIFY(!PasswordHasher::verify(m_hash, "wrong password")); });
    const qint64 burnNs = fastestNs([] { PasswordHasher::burnVerify(); });
    // A generous bound against scheduling noise; a burn that skipped argon2 would take
    // microseconds.
    QVERIFY2(burnNs * 3 >= verifyNs,
             qPrintable(
                 QStringLiteral("verify %1 ms, burn %2 ms").arg(verifyNs / 1e6).arg(burnNs / 1e6)));
}

void TestPassword::tokenShape_data()
{
    QTest::addColumn<int>("bytes");
    QTest::addColumn<int>("length");
    QTest::newRow("default 32") << 32 << 43;
    QTest::newRow("16") << 16 << 22;
    QTest::newRow("1") << 1 << 2;
    QTest::newRow("0") << 0 << 0;
    QTest::newRow("negative") << -5 << 0;
}

void TestPassword::tokenShape()
{
    QFETCH(int, bytes);
    QFETCH(int, length);
    const QByteArray token = bytes == 32 ? SecureRandom::token() : SecureRandom::token(bytes);
    QCOMPARE(token.size(), length);
    static const QRegularExpression alphabet(QStringLiteral("^[A-Za-z0-9_-]*$"));
    QVERIFY2(alphabet.match(QString::fromLatin1(token)).hasMatch(), token.constData());
    const QByteArray raw = QByteArray::fromBase64(token, QByteArray::Base64UrlEncoding);
    QCOMPARE(raw.size(), qMax(bytes, 0));
}

void TestPassword::tokensAreUnique()
{
    QSet<QByteArray> seen;
    QSet<char> characters;
    for (int i = 0; i < 200; ++i) {
        const QByteArray token = SecureRandom::token();
        seen.insert(token);
        for (char c : token)
            characters.insert(c);
    }
    QCOMPARE(seen.size(), 200);
    // 200 x 43 random characters cover the 64-letter alphabet (missing one: p < 1e-50).
    QCOMPARE(characters.size(), 64);
}

void TestPassword::sha256Hex_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QByteArray>("hex");
    QTest::newRow("abc") << QByteArray("abc")
                         << QByteArray(
                                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    QTest::newRow("empty")
        << QByteArray()
        << QByteArray("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    QTest::newRow("448 bits")
        << QByteArray("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
        << QByteArray("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

void TestPassword::sha256Hex()
{
    QFETCH(QByteArray, data);
    QFETCH(QByteArray, hex);
    QCOMPARE(SecureRandom::sha256Hex(data), hex);
}

void TestPassword::constantTimeEquals_data()
{
    QTest::addColumn<QByteArray>("a");
    QTest::addColumn<QByteArray>("b");
    QTest::addColumn<bool>("equal");
    QTest::newRow("same") << QByteArray("secret-token") << QByteArray("secret-token") << true;
    QTest::newRow("both empty") << QByteArray() << QByteArray() << true;
    QTest::newRow("last byte differs")
        << QByteArray("secret-token") << QByteArray("secret-tokeN") << false;
    QTest::newRow("first byte differs")
        << QByteArray("secret-token") << QByteArray("Secret-token") << false;
    QTest::newRow("prefix") << QByteArray("secret") << QByteArray("secret-token") << false;
    QTest::newRow("one empty") << QByteArray() << QByteArray("x") << false;
    QTest::newRow("binary with NUL") << QByteArray("a\0b", 3) << QByteArray("a\0c", 3) << false;
}

void TestPassword::constantTimeEquals()
{
    QFETCH(QByteArray, a);
    QFETCH(QByteArray, b);
    QFETCH(bool, equal);
    QCOMPARE(SecureRandom::constantTimeEquals(a, b), equal);
    QCOMPARE(SecureRandom::constantTimeEquals(b, a), equal);
}

void TestPassword::sealOpensOnlyWithItsKey()
{
    const IdempotencySeal seal("user:7", "key-1");
    const QByteArray answer = R"(201\napplication/json\n{"secret":"s3cr3t"})";
    const QByteArray sealed = seal.seal(answer);
    QVERIFY(!sealed.contains("s3cr3t"));
    QCOMPARE(seal.open(sealed), std::optional<QByteArray>(answer));
    QVERIFY(seal.seal(answer) != sealed); // a fresh nonce each time
    // Another caller's or another key's seal cannot open it; neither can a changed text.
    QCOMPARE(IdempotencySeal("user:8", "key-1").open(sealed), std::nullopt);
    QCOMPARE(IdempotencySeal("user:7", "key-2").open(sealed), std::nullopt);
    QByteArray bytes = QByteArray::fromBase64(sealed);
    bytes[bytes.size() - 1] = char(bytes.at(bytes.size() - 1) ^ 1);
    QCOMPARE(seal.open(bytes.toBase64()), std::nullopt);
    QCOMPARE(seal.open("c2hvcnQ="), std::nullopt);
    QCOMPARE(seal.open(seal.seal({})), std::optional<QByteArray>(QByteArray()));
}

void TestPassword::lookupPerCallerAndKey_data()
{
    QTest::addColumn<QByteArray>("scopeA");
    QTest::addColumn<QByteArray>("keyA");
    QTest::addColumn<QByteArray>("scopeB");
    QTest::addColumn<QByteArray>("keyB");
    QTest::addColumn<bool>("same");
    QTest::newRow("the same caller and key") << QByteArray("user:7") << QByteArray("k")
                                             << QByteArray("user:7") << QByteArray("k") << true;
    QTest::newRow("another caller") << QByteArray("user:7") << QByteArray("k")
                                    << QByteArray("user:8") << QByteArray("k") << false;
    QTest::newRow("another key") << QByteArray("user:7") << QByteArray("k") << QByteArray("user:7")
                                 << QByteArray("K") << false;
    // The parts are length-prefixed: moving a character between them is another key.
    QTest::newRow("a character moved") << QByteArray("user:7") << QByteArray("1k")
                                       << QByteArray("user:71") << QByteArray("k") << false;
}

void TestPassword::lookupPerCallerAndKey()
{
    QFETCH(QByteArray, scopeA);
    QFETCH(QByteArray, keyA);
    QFETCH(QByteArray, scopeB);
    QFETCH(QByteArray, keyB);
    QFETCH(bool, same);
    const QByteArray a = IdempotencySeal(scopeA, keyA).lookup();
    QVERIFY(QRegularExpression(QStringLiteral("^[0-9a-f]{64}$"))
                .match(QString::fromLatin1(a))
                .hasMatch());
    QCOMPARE(a == IdempotencySeal(scopeB, keyB).lookup(), same);
}

void TestPassword::requestDigestTellsRequestsApart()
{
    const QByteArray base = IdempotencySeal::requestDigest("POST", "/api/tokens", "{}");
    QCOMPARE(IdempotencySeal::requestDigest("POST", "/api/tokens", "{}"), base);
    QVERIFY(IdempotencySeal::requestDigest("PUT", "/api/tokens", "{}") != base);
    QVERIFY(IdempotencySeal::requestDigest("POST", "/api/tokens/", "{}") != base);
    QVERIFY(IdempotencySeal::requestDigest("POST", "/api/tokens", "{ }") != base);
    QVERIFY(IdempotencySeal::requestDigest("POST", "/api/tokens{}", "") != base);
}

QTEST_GUILESS_MAIN(TestPassword)
#include "tst_password.moc"
