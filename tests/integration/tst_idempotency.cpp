// Idempotency-Key (docs/api.md "Retries") against a real server, Postgres and Redis: a retried
// POST gets the first answer and acts once, whoever asks and however the retry comes (at once,
// at the same moment as the first, after a server restart); the same key on another request is
// 422; a key is the caller's own; an answer that asks for a retry (5xx) is not kept; the kept
// answers are sealed.

#include <QJsonArray>
#include <QTest>
#include <QUuid>

#include "flowhelpers.h"

class TestIdempotency : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void retryGetsTheFirstAnswer_data();
    void retryGetsTheFirstAnswer();
    void anotherRequestWithTheKeyIs422_data();
    void anotherRequestWithTheKeyIs422();
    void keysArePerCaller();
    void concurrentDuplicatesIssueOneToken();
    void retryAfterAServerRestart();
    void counterCallIsNotRepeated();
    void badKeysAreRefused_data();
    void badKeysAreRefused();
    void withoutAKeyEveryRequestActs();
    void answersAskingForARetryAreNotKept();
    void expiredKeysActAgain();
    void answersAreSealed();

private:
    HttpClient &http() { return m_cluster.http(); }
    const Flow::Staff &staff() const { return m_cluster.staff(); }
    static QByteArray newKey() { return QUuid::createUuid().toByteArray(QUuid::WithoutBraces); }
    HttpReply post(const QString &path, const QJsonObject &body, const QByteArray &key,
                   const QString &bearer = {})
    {
        HttpHeaders headers{{"Content-Type", "application/json"}};
        if (!key.isNull())
            headers.append({"Idempotency-Key", key});
        if (!bearer.isEmpty())
            headers.append({"Authorization", "Bearer " + bearer.toUtf8()});
        return http().request("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact),
                              headers);
    }
    HttpReply issue(const QByteArray &key, const QString &bearer = {}, int serviceId = 1)
    {
        return post(QStringLiteral("/api/tokens"), {{"service_id", serviceId}}, key, bearer);
    }
    int tokensToday()
    {
        Flow::Sql sql(m_cluster.postgresUrl());
        return sql
            .scalar(QStringLiteral("SELECT count(*) FROM tokens WHERE business_date >= "
                                   "current_date"))
            .toInt();
    }

    Flow::Cluster m_cluster;
};

void TestIdempotency::initTestCase()
{
    QVERIFY(m_cluster.start());
}

void TestIdempotency::init()
{
    QVERIFY(m_cluster.reset());
}

void TestIdempotency::retryGetsTheFirstAnswer_data()
{
    QTest::addColumn<QString>("caller");
    QTest::newRow("anonymous") << QString();
    QTest::newRow("kiosk") << QStringLiteral("kiosk");
    QTest::newRow("admin") << QStringLiteral("admin");
}

void TestIdempotency::retryGetsTheFirstAnswer()
{
    QFETCH(QString, caller);
    const QString bearer = staff().byName(caller);
    const QByteArray key = newKey();
    const HttpReply first = issue(key, bearer);
    FLOW_EXPECT(first, 201);
    QVERIFY(first.header("Idempotent-Replayed").isNull());
    for (int retry = 0; retry < 3; ++retry) {
        const HttpReply again = issue(key, bearer);
        FLOW_EXPECT(again, 201);
        QCOMPARE(again.header("Idempotent-Replayed"), QByteArray("true"));
        // The very answer: the same token, number and secret (the customer's receipt works).
        QCOMPARE(again.object(), first.object());
    }
    QCOMPARE(tokensToday(), 1);
    QCOMPARE(Flow::waitingFor(http(), 1), 1);
    const HttpReply status = Flow::status(http(), first.object().value(u"token_id").toInteger(),
                                          first.object().value(u"secret").toString());
    FLOW_EXPECT(status, 200);
    // A new key is a new request.
    {
        const HttpReply reply1 = issue(newKey(), bearer);
        FLOW_EXPECT(reply1, 201);
    }
    QCOMPARE(tokensToday(), 2);
}

void TestIdempotency::anotherRequestWithTheKeyIs422_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QJsonObject>("body");
    QTest::newRow("another service")
        << QStringLiteral("/api/tokens") << QJsonObject{{"service_id", 2}};
    QTest::newRow("another body member")
        << QStringLiteral("/api/tokens") << QJsonObject{{"service_id", 1}, {"customer_info", "Jo"}};
    QTest::newRow("another route") << QStringLiteral("/api/counters/1/open") << QJsonObject{};
}

void TestIdempotency::anotherRequestWithTheKeyIs422()
{
    QFETCH(QString, path);
    QFETCH(QJsonObject, body);
    const QByteArray key = newKey();
    {
        const HttpReply reply2 = issue(key, staff().admin);
        FLOW_EXPECT(reply2, 201);
    }
    const HttpReply other = post(path, body, key, staff().admin);
    FLOW_EXPECT_ERROR(other, 422, "idempotency_key_reused");
    QVERIFY(Flow::errorDetails(other).contains(u"Idempotency-Key"));
    QCOMPARE(tokensToday(), 1);
    // Nothing acted: counter 1 is still closed.
    const HttpReply counters = http().get(QStringLiteral("/api/counters"), staff().admin);
    for (const QJsonValue counter : counters.array())
        if (counter.toObject().value(u"id").toInt() == 1)
            QCOMPARE(counter.toObject().value(u"status").toString(), u"closed");
    // The same body sent again, with other spacing and member order, is the same request.
    const HttpReply same =
        http().request("POST", QStringLiteral("/api/tokens"), "{ \"service_id\" : 1 }",
                       {{"Content-Type", "application/json"},
                        {"Idempotency-Key", key},
                        {"Authorization", "Bearer " + staff().admin.toUtf8()}});
    FLOW_EXPECT(same, 201);
    QCOMPARE(same.header("Idempotent-Replayed"), QByteArray("true"));
}

void TestIdempotency::keysArePerCaller()
{
    const QByteArray key = newKey();
    const HttpReply anonymous = issue(key);
    const HttpReply kiosk = issue(key, staff().kiosk);
    const HttpReply admin = issue(key, staff().admin);
    FLOW_EXPECT(anonymous, 201);
    FLOW_EXPECT(kiosk, 201);
    FLOW_EXPECT(admin, 201);
    QSet<qint64> ids;
    for (const HttpReply *reply : {&anonymous, &kiosk, &admin}) {
        QVERIFY(reply->header("Idempotent-Replayed").isNull());
        ids.insert(reply->object().value(u"token_id").toInteger());
    }
    QCOMPARE(ids.size(), 3);
    QCOMPARE(tokensToday(), 3);
}

void TestIdempotency::concurrentDuplicatesIssueOneToken()
{
    // Eight touches of the same ticket button at the same moment, each on its own connection.
    const QByteArray key = newKey();
    const QList<HttpReply> replies =
        Flow::concurrentPosts(m_cluster.server().baseUrl(), QStringLiteral("/api/tokens"),
                              QList<QJsonObject>(8, QJsonObject{{"service_id", 1}}), staff().kiosk,
                              20000, {{"Idempotency-Key", key}});
    QSet<qint64> ids;
    int created = 0;
    for (const HttpReply &reply : replies) {
        QVERIFY2(reply.status == 201 ||
                     (reply.status == 409 && reply.errorCode() == u"idempotency_key_in_use"),
                 qPrintable(Flow::describe(reply)));
        if (reply.status == 201) {
            ids.insert(reply.object().value(u"token_id").toInteger());
            created += reply.header("Idempotent-Replayed").isNull() ? 1 : 0;
        }
    }
    QCOMPARE(created, 1);
    QCOMPARE(ids.size(), 1);
    QCOMPARE(tokensToday(), 1);
    QCOMPARE(Flow::waitingFor(http(), 1), 1);
}

void TestIdempotency::retryAfterAServerRestart()
{
    const QByteArray key = newKey();
    const HttpReply first = issue(key);
    FLOW_EXPECT(first, 201);
    QVERIFY(m_cluster.restartServer());
    const HttpReply again = issue(key);
    FLOW_EXPECT(again, 201);
    QCOMPARE(again.header("Idempotent-Replayed"), QByteArray("true"));
    QCOMPARE(again.object(), first.object());
    QCOMPARE(tokensToday(), 1);
}

void TestIdempotency::counterCallIsNotRepeated()
{
    // An operator's "call next" whose answer was lost is sent again: the same token, not the
    // next one.
    for (int i = 0; i < 2; ++i) {
        const HttpReply reply3 = issue(newKey());
        FLOW_EXPECT(reply3, 201);
    }
    {
        const HttpReply reply4 = Flow::act(http(), 1, QStringLiteral("open"), staff().operator1);
        FLOW_EXPECT(reply4, 200);
    }
    const QByteArray key = newKey();
    const QString path = QStringLiteral("/api/counters/1/call");
    const HttpReply first = post(path, {}, key, staff().operator1);
    FLOW_EXPECT(first, 200);
    const HttpReply again = post(path, {}, key, staff().operator1);
    FLOW_EXPECT(again, 200);
    QCOMPARE(again.header("Idempotent-Replayed"), QByteArray("true"));
    QCOMPARE(Flow::tokenOf(again).value(u"id"), Flow::tokenOf(first).value(u"id"));
    QCOMPARE(Flow::waitingFor(http(), 1), 1);
    // Another operator's key is not this one's: a call by operator 2 with it is refused only
    // because counter 1 is operator 1's, not replayed.
    const HttpReply other = post(path, {}, key, staff().operator2);
    QVERIFY2(other.header("Idempotent-Replayed").isNull(), qPrintable(Flow::describe(other)));
}

void TestIdempotency::badKeysAreRefused_data()
{
    QTest::addColumn<QByteArray>("key");
    QTest::newRow("256 characters") << QByteArray(256, 'k');
    QTest::newRow("a space") << QByteArray("two words");
    QTest::newRow("not ASCII") << QByteArray("cl\xc3\xa9");
}

void TestIdempotency::badKeysAreRefused()
{
    QFETCH(QByteArray, key);
    const HttpReply reply = issue(key);
    FLOW_EXPECT_ERROR(reply, 400, "validation_failed");
    QVERIFY(Flow::errorDetails(reply).contains(u"Idempotency-Key"));
    QCOMPARE(tokensToday(), 0);
    {
        const HttpReply reply5 = issue(QByteArray(255, 'k'));
        FLOW_EXPECT(reply5, 201);
    } // the longest allowed
}

void TestIdempotency::withoutAKeyEveryRequestActs()
{
    {
        const HttpReply reply6 = issue(QByteArray());
        FLOW_EXPECT(reply6, 201);
    }
    {
        const HttpReply reply7 = issue(QByteArray());
        FLOW_EXPECT(reply7, 201);
    }
    QCOMPARE(tokensToday(), 2);
    // The sign-in routes ignore the header: their answers are credentials.
    const QByteArray key = newKey();
    const QJsonObject login{{"username", "operator2"}, {"password", "operator123"}};
    const HttpReply first = post(QStringLiteral("/api/auth/login"), login, key);
    const HttpReply second = post(QStringLiteral("/api/auth/login"), login, key);
    FLOW_EXPECT(first, 200);
    FLOW_EXPECT(second, 200);
    QVERIFY(second.header("Idempotent-Replayed").isNull());
    QVERIFY(first.object().value(u"refresh_token") != second.object().value(u"refresh_token"));
}

void TestIdempotency::answersAskingForARetryAreNotKept()
{
    // Redis is gone: the token cannot be issued (503). The retry once Redis is back issues it.
    const QByteArray key = newKey();
    QVERIFY(m_cluster.services().stopRedis());
    const HttpReply down = issue(key);
    QVERIFY(m_cluster.services().startRedis());
    FLOW_EXPECT(down, 503);
    QCOMPARE(tokensToday(), 0);
    HttpReply retried;
    for (int attempt = 0; attempt < 100; ++attempt) {
        retried = issue(key);
        if (retried.status != 503)
            break;
        QTest::qWait(100);
    }
    FLOW_EXPECT(retried, 201);
    QVERIFY(retried.header("Idempotent-Replayed").isNull());
    QCOMPARE(tokensToday(), 1);
}

void TestIdempotency::expiredKeysActAgain()
{
    const QByteArray key = newKey();
    {
        const HttpReply reply8 = issue(key);
        FLOW_EXPECT(reply8, 201);
    }
    Flow::Sql sql(m_cluster.postgresUrl());
    QVERIFY(sql.exec(
        QStringLiteral("UPDATE idempotency_keys SET expires_at = now() - interval '1 second'")));
    const HttpReply later = issue(key);
    FLOW_EXPECT(later, 201);
    QVERIFY(later.header("Idempotent-Replayed").isNull());
    QCOMPARE(tokensToday(), 2);
}

void TestIdempotency::answersAreSealed()
{
    const QByteArray key = newKey();
    const HttpReply first = issue(key);
    FLOW_EXPECT(first, 201);
    const QString secret = first.object().value(u"secret").toString();
    QVERIFY(!secret.isEmpty());
    Flow::Sql sql(m_cluster.postgresUrl());
    const auto rows = sql.rows(QStringLiteral(
        "SELECT key_hash || ' ' || request_hash || ' ' || answer FROM idempotency_keys"));
    QVERIFY(rows && rows->size() == 1);
    const QString stored = rows->first().first().toString();
    QVERIFY(!stored.contains(secret));
    QVERIFY(!stored.contains(QString::fromLatin1(key)));
    QVERIFY(!stored.contains(first.object().value(u"token_number").toString()));
}

QTEST_GUILESS_MAIN(TestIdempotency)
#include "tst_idempotency.moc"
