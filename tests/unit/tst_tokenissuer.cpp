// TokenIssuer's decisions over in-memory records, line and notices (memoryqueue.h): which
// requests it refuses (the exact status and code the API answers) and that a refusal takes no
// number and writes nothing; how a batch is numbered and placed; what it does when Redis' numbers
// are behind Postgres, when Postgres refuses one row or the whole batch, and when the line cannot
// take the written tokens; and who may follow or cancel a token. tests/integration/tst_tokenflow
// runs the same issuer against the real Postgres and Redis.
#include <QJsonDocument>
#include <QTest>

#include "domain/livequeues.h"
#include "domain/tokenissuer.h"
#include "memoryqueue.h"

using namespace Nextup;

namespace {
const Principal kAnonymous;
const Principal kOperator{11, Roles::Operator, QStringLiteral("op1")};

TokenIssuer::Request request(int serviceId, int priority = 0, const QJsonObject &info = {})
{
    TokenIssuer::Request r;
    r.serviceId = serviceId;
    r.priority = priority;
    r.customerInfo = info;
    r.caller = kAnonymous;
    return r;
}

QJsonObject answerOf(const Result<QByteArray> &result)
{
    return result.ok() ? QJsonDocument::fromJson(*result).object() : QJsonObject();
}

QString describe(const Result<QByteArray> &result)
{
    return result.ok() ? QString::fromUtf8(*result) : describe(result.error());
}
} // namespace

class TestTokenIssuer : public QObject
{
    Q_OBJECT

private slots:
    void init();

    void refusedRequests_data();
    void refusedRequests();
    void refusedRequestsTakeNoNumber();
    void placesFollowPriorityAndArrival();
    void numbersBehindPostgresAreRebuilt();
    void aRowPostgresRefusesFailsAlone();
    void anOutageRefusesTheWholeBatch_data();
    void anOutageRefusesTheWholeBatch();
    void writtenTokensAreAnsweredWhenTheLineFails();
    void status();
    void cancel_data();
    void cancel();

private:
    QList<Result<QByteArray>> issue(const QList<TokenIssuer::Request> &requests);
    // The token numbers of the answers, "-" for each refused one.
    static QString numbersOf(const QList<Result<QByteArray>> &results);

    std::unique_ptr<MemoryQueue> m_queue;
    std::unique_ptr<TokenIssuer> m_issuer; // a new one per test: it counts split batches
};

void TestTokenIssuer::init()
{
    m_queue = std::make_unique<MemoryQueue>();
    m_issuer = std::make_unique<TokenIssuer>();
    MemoryRecords &records = m_queue->records;
    records.addService(1, QStringLiteral("D"));
    records.addService(2, QStringLiteral("W"));
    records.addService(4, QStringLiteral("X"), false);
    records.addCounter(1, {1, 2});
}

QList<Result<QByteArray>> TestTokenIssuer::issue(const QList<TokenIssuer::Request> &requests)
{
    QHash<int, ServiceRecord> byId;
    for (const ServiceRecord &svc : std::as_const(m_queue->records.services))
        byId.insert(svc.id, svc);
    return m_issuer->issueMany(m_queue->issue(), requests, byId);
}

QString TestTokenIssuer::numbersOf(const QList<Result<QByteArray>> &results)
{
    QStringList numbers;
    for (const auto &result : results)
        numbers.append(result.ok() ? answerOf(result).value(u"token_number").toString()
                                   : QStringLiteral("-"));
    return numbers.join(u',');
}

void TestTokenIssuer::refusedRequests_data()
{
    QTest::addColumn<int>("serviceId");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");

    QTest::newRow("unknown service") << 99 << 404 << "not_found";
    QTest::newRow("inactive service") << 4 << 409 << "service_closed";
}

void TestTokenIssuer::refusedRequests()
{
    QFETCH(int, serviceId);
    QFETCH(int, status);
    QFETCH(QString, code);

    const TokenIssuer::Request refused = request(serviceId);
    const QStringList before = m_queue->state();
    const auto results = issue({refused});
    QCOMPARE(results.size(), 1);
    QVERIFY(!results.at(0).ok());
    QCOMPARE(results.at(0).error().status, status);
    QCOMPARE(results.at(0).error().code, code);
    QCOMPARE(m_queue->state(), before); // no number, no token, no event, nothing announced
}

void TestTokenIssuer::refusedRequestsTakeNoNumber()
{
    const auto results = issue({request(1), request(99), request(1), request(4), request(2)});
    QCOMPARE(numbersOf(results), QStringLiteral("D001,-,D002,-,W001"));
    QCOMPARE(m_queue->records.tokens.size(), 3);
    QCOMPARE(m_queue->line.waiting("q:1"), (QList<qint64>{1, 2}));
    QCOMPARE(m_queue->notices.heard,
             (QStringList{"token_generated D001", "token_generated D002", "token_generated W001"}));
}

void TestTokenIssuer::placesFollowPriorityAndArrival()
{
    m_queue->addWaiting(1, 0, 100);
    m_queue->addWaiting(1, 0, 200);
    const auto results = issue({request(1), request(1, 5), request(1)});
    QCOMPARE(numbersOf(results), QStringLiteral("D003,D004,D005"));
    QList<int> positions;
    QList<int> etas;
    for (const auto &result : results) {
        positions.append(answerOf(result).value(u"position").toInt());
        etas.append(answerOf(result).value(u"eta").toInt());
    }
    QCOMPARE(positions, (QList<int>{4, 1, 5})); // the priority token goes first
    QCOMPARE(etas, (QList<int>{900, 0, 1200})); // the tokens ahead × 300 s, one open counter
    QCOMPARE(m_queue->line.waiting("q:1"), (QList<qint64>{4, 1, 2, 3, 5}));
    QCOMPARE(m_queue->records.tokens.value(3).eta, 900); // the promise, written with the token
}

void TestTokenIssuer::numbersBehindPostgresAreRebuilt()
{
    // Postgres has D001..D003 but Redis lost its sequence: the first INSERT clashes, the line is
    // rebuilt (raising the sequence to Postgres' last number) and the token is D004.
    for (int i = 0; i < 3; ++i)
        m_queue->records.addWaiting(1, 0, 100 + i);
    const auto results = issue({request(1)});
    QVERIFY2(results.at(0).ok(), qPrintable(describe(results.at(0))));
    QCOMPARE(numbersOf(results), QStringLiteral("D004"));
    QCOMPARE(answerOf(results.at(0)).value(u"position").toInt(), 4);
    QCOMPARE(m_queue->line.invalidations, 1);
}

void TestTokenIssuer::aRowPostgresRefusesFailsAlone()
{
    // One row breaks a constraint: the batch is written token by token, and only that request
    // is refused; its number stays unused.
    const QJsonObject bad{{QStringLiteral("bad"), true}};
    m_queue->records.refuseRow = [](const TokenRepository::TokenInsert &row) {
        return row.customerInfo.contains(u"bad") ? QStringLiteral("23514") : QString();
    };
    QTest::ignoreMessage(
        QtWarningMsg, "A batch of 3 tokens could not be written at once; writing them one by one");
    const auto results = issue({request(1), request(1, 0, bad), request(1)});
    QCOMPARE(numbersOf(results), QStringLiteral("D001,-,D003"));
    QCOMPARE(results.at(1).error().status, 400);
    QCOMPARE(results.at(1).error().code, QStringLiteral("bad_request"));
    QCOMPARE(m_issuer->batchesSplit(), quint64(1));
    QCOMPARE(m_queue->records.tokens.size(), 2);
    QCOMPARE(m_queue->notices.heard, (QStringList{"token_generated D001", "token_generated D003"}));
}

void TestTokenIssuer::anOutageRefusesTheWholeBatch_data()
{
    QTest::addColumn<QString>("sqlState");
    QTest::addColumn<int>("requests");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");

    QTest::newRow("Postgres down") << "08006" << 3 << 503 << "postgres_unavailable";
    QTest::newRow("one request, refused row: nothing to split")
        << "23514" << 1 << 400 << "bad_request";
}

void TestTokenIssuer::anOutageRefusesTheWholeBatch()
{
    QFETCH(QString, sqlState);
    QFETCH(int, requests);
    QFETCH(int, status);
    QFETCH(QString, code);

    m_queue->records.refuseRow = [sqlState](const TokenRepository::TokenInsert &) {
        return sqlState;
    };
    const auto results = issue(QList<TokenIssuer::Request>(requests, request(1)));
    for (const auto &result : results) {
        QVERIFY(!result.ok());
        QCOMPARE(result.error().status, status);
        QCOMPARE(result.error().code, code);
    }
    QCOMPARE(m_issuer->batchesSplit(), quint64(0));
    QVERIFY(m_queue->records.tokens.isEmpty());
    QVERIFY(m_queue->records.events.isEmpty());
    QVERIFY(m_queue->line.waiting("q:1").isEmpty());
    QVERIFY(m_queue->notices.heard.isEmpty());
}

void TestTokenIssuer::writtenTokensAreAnsweredWhenTheLineFails()
{
    // The tokens are in Postgres: every request gets its token (with the place counted before
    // the write), and the line is rebuilt from Postgres, so it holds them.
    m_queue->addWaiting(1, 0, 100);
    m_queue->line.failing = {QStringLiteral("join")};
    const auto results = issue({request(1), request(1)});
    QCOMPARE(numbersOf(results), QStringLiteral("D002,D003"));
    QCOMPARE(answerOf(results.at(0)).value(u"position").toInt(), 2);
    QCOMPARE(answerOf(results.at(1)).value(u"position").toInt(), 3);
    QCOMPARE(m_queue->line.invalidations, 1);
    QCOMPARE(m_queue->line.waiting("q:1"), (QList<qint64>{1, 2, 3}));
    QCOMPARE(m_queue->notices.heard.size(), 2);
}

void TestTokenIssuer::status()
{
    for (int i = 0; i < 3; ++i)
        m_queue->addWaiting(1, 0, 100 + i);
    const QByteArray secret = MemoryRecords::secretOf(3);
    const auto waiting = m_issuer->status(m_queue->issue(), 3, secret, kAnonymous);
    QVERIFY(waiting.ok());
    QCOMPARE(waiting->value(u"position").toInt(), 3);
    QCOMPARE(waiting->value(u"eta").toInt(), 600);
    QCOMPARE(waiting->value(u"token_number").toString(), QStringLiteral("D003"));

    const auto wrong = m_issuer->status(m_queue->issue(), 3, "guess", kAnonymous);
    QVERIFY(!wrong.ok());
    QCOMPARE(wrong.error().status, 403);
    QCOMPARE(wrong.error().code, QStringLiteral("forbidden"));
    const auto staff = m_issuer->status(m_queue->issue(), 3, {}, kOperator);
    QVERIFY(staff.ok());
    const auto unknown = m_issuer->status(m_queue->issue(), 99, secret, kAnonymous);
    QVERIFY(!unknown.ok());
    QCOMPARE(unknown.error().status, 404);
}

void TestTokenIssuer::cancel_data()
{
    // Token 1 waits; token 2 is called at counter 1.
    QTest::addColumn<qint64>("tokenId");
    QTest::addColumn<QByteArray>("secret");
    QTest::addColumn<bool>("staff");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");

    QTest::newRow("the customer cancels a waiting token")
        << qint64(1) << MemoryRecords::secretOf(1) << false << 200 << "";
    QTest::newRow("staff cancel a called token") << qint64(2) << QByteArray() << true << 200 << "";
    QTest::newRow("the customer cannot cancel a called token")
        << qint64(2) << MemoryRecords::secretOf(2) << false << 409 << "invalid_state";
    QTest::newRow("another token's secret")
        << qint64(1) << MemoryRecords::secretOf(2) << false << 403 << "forbidden";
    QTest::newRow("no secret") << qint64(1) << QByteArray() << false << 403 << "forbidden";
    QTest::newRow("unknown token") << qint64(99) << QByteArray("x") << true << 404 << "not_found";
}

void TestTokenIssuer::cancel()
{
    QFETCH(qint64, tokenId);
    QFETCH(QByteArray, secret);
    QFETCH(bool, staff);
    QFETCH(int, status);
    QFETCH(QString, code);

    m_queue->addWaiting(1, 0, 100);
    const qint64 called = m_queue->addWaiting(1, 0, 200);
    TokenRecord &token = m_queue->records.tokens[called];
    token.status = QStringLiteral("called");
    token.counterId = 1;
    QVERIFY(m_queue->line.seat(1, LiveQueues::entryOf(token)).ok());
    const QStringList before = m_queue->state();

    const auto answer = m_issuer->cancel(m_queue->issue(), tokenId, secret, QStringLiteral("left"),
                                         staff ? kOperator : kAnonymous);
    if (status != 200) {
        QVERIFY(!answer.ok());
        QCOMPARE(answer.error().status, status);
        QCOMPARE(answer.error().code, code);
        QCOMPARE(m_queue->state(), before);
        return;
    }
    QVERIFY(answer.ok());
    QCOMPARE(m_queue->records.tokens.value(tokenId).status, QStringLiteral("cancelled"));
    QCOMPARE(m_queue->records.events, QStringList{QStringLiteral("%1 cancelled").arg(tokenId)});
    QVERIFY(!m_queue->line.waiting("q:1").contains(tokenId));
    QCOMPARE(m_queue->line.current(1).has_value(), tokenId != called);
    const QString heard = QStringLiteral("token_cancelled D00%1").arg(tokenId);
    QCOMPARE(m_queue->notices.heard.last(),
             tokenId == called ? heard + QStringLiteral(" counter:1") : heard);
}

QTEST_GUILESS_MAIN(TestTokenIssuer)
#include "tst_tokenissuer.moc"
