#include <QTest>

#include "auth/accesstokens.h"
#include "nextup/jwt.h"

using namespace Nextup;

// AccessTokens remembers the tokens it verified: a remembered token must be judged exactly as a
// full check would judge it, at every moment of its life.
class TestAccessTokens : public QObject
{
    Q_OBJECT

private slots:
    void rememberedAgreesWithFullCheck_data();
    void rememberedAgreesWithFullCheck();
    void otherBytesAreCheckedInFull_data();
    void otherBytesAreCheckedInFull();
    void fullCacheStillVerifies();

private:
    static constexpr int Lifetime = 900;
    static QDateTime atExpPlus(const QByteArray &token, int seconds)
    {
        const auto exp = qint64(Nextup::Jwt::unverifiedPayload(token).value(u"exp").toDouble());
        return QDateTime::fromSecsSinceEpoch(exp + seconds, Qt::UTC);
    }
    static Principal operatorOne() { return {7, Roles::Operator, QStringLiteral("operator1")}; }
    const QByteArray m_secret = QByteArray(40, 's');
};

void TestAccessTokens::rememberedAgreesWithFullCheck_data()
{
    QTest::addColumn<int>("checkedAt"); // seconds after exp when the token is first verified
    QTest::addColumn<int>("againAt");   // ... and when it is verified again
    QTest::addColumn<bool>("validAgain");
    QTest::newRow("fresh, fresh") << -Lifetime << -Lifetime + 1 << true;
    QTest::newRow("fresh, just before exp") << -Lifetime << -1 << true;
    QTest::newRow("fresh, within the leeway")
        << -Lifetime << AccessTokens::leewaySeconds - 1 << true;
    QTest::newRow("fresh, leeway over") << -Lifetime << AccessTokens::leewaySeconds << false;
    QTest::newRow("fresh, an hour later") << -Lifetime << 3600 << false;
    QTest::newRow("leeway over at once")
        << AccessTokens::leewaySeconds << AccessTokens::leewaySeconds << false;
}

void TestAccessTokens::rememberedAgreesWithFullCheck()
{
    QFETCH(int, checkedAt);
    QFETCH(int, againAt);
    QFETCH(bool, validAgain);
    AccessTokens tokens(m_secret, Lifetime);
    const QByteArray token = tokens.issue(operatorOne());

    const auto first = tokens.verify(token, atExpPlus(token, checkedAt));
    QCOMPARE(first.ok(), checkedAt < AccessTokens::leewaySeconds);
    const auto again = tokens.verify(token, atExpPlus(token, againAt));
    // A fresh AccessTokens (nothing remembered) says the same.
    const auto full = AccessTokens(m_secret, Lifetime).verify(token, atExpPlus(token, againAt));
    QCOMPARE(again.ok(), validAgain);
    QCOMPARE(full.ok(), validAgain);
    if (validAgain) {
        QCOMPARE(again->userId, 7);
        QCOMPARE(again->role, Roles::Operator);
        QCOMPARE(again->name, QStringLiteral("operator1"));
    } else {
        QCOMPARE(again.error().status, 401);
        QCOMPARE(again.error().message, full.error().message);
    }
}

void TestAccessTokens::otherBytesAreCheckedInFull_data()
{
    QTest::addColumn<QByteArray>("other");
    AccessTokens tokens(m_secret, Lifetime);
    const QByteArray token = tokens.issue(operatorOne());
    QByteArray flipped = token;
    flipped[flipped.size() - 2] = flipped.at(flipped.size() - 2) == 'A' ? 'B' : 'A';
    QTest::newRow("signature changed") << flipped;
    QTest::newRow("signature cut") << token.left(token.size() - 3);
    QTest::newRow("signed elsewhere")
        << AccessTokens(QByteArray(40, 'x'), Lifetime).issue(operatorOne());
    QTest::newRow("alg none") << QByteArray(token.left(token.lastIndexOf('.') + 1))
                                     .replace("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9",
                                              "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0");
}

void TestAccessTokens::otherBytesAreCheckedInFull()
{
    QFETCH(QByteArray, other);
    AccessTokens tokens(m_secret, Lifetime);
    const QByteArray token = tokens.issue(operatorOne());
    QVERIFY(tokens.verify(token).ok()); // remembered now
    for (int round = 0; round < 2; ++round) {
        const auto result = tokens.verify(other);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().status, 401);
    }
    QVERIFY(tokens.verify(token).ok());
}

void TestAccessTokens::fullCacheStillVerifies()
{
    AccessTokens tokens(m_secret, Lifetime);
    QList<QByteArray> issued;
    for (int i = 1; i <= AccessTokens::maxRemembered + 10; ++i) {
        issued.append(tokens.issue({i, Roles::Operator, QStringLiteral("op%1").arg(i)}));
        QVERIFY(tokens.verify(issued.constLast()).ok());
    }
    for (int i : {0, 1, int(AccessTokens::maxRemembered), int(issued.size()) - 1}) {
        const auto result = tokens.verify(issued.at(i));
        QVERIFY(result.ok());
        QCOMPARE(result->userId, i + 1);
    }
}

QTEST_GUILESS_MAIN(TestAccessTokens)
#include "tst_accesstokens.moc"
