// Bad input that must change nothing, personal data stored verbatim, Postgres and Redis going
// away and coming back under a running server, and a clean SIGTERM at the end.
#include <csignal>

#include <QElapsedTimer>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

#include "robustnesstest.h"

using Flow::errorDetails;

void TestRobustness::initTestCase()
{
    QVERIFY(m_cluster.start(
        {{QStringLiteral("MAX_BODY_BYTES"), QStringLiteral("8192")},
         {QStringLiteral("IDLE_TIMEOUT_MS"), QStringLiteral("2000")},
         {QStringLiteral("HEADER_TIMEOUT_MS"), QStringLiteral("1500")},
         {QStringLiteral("CORS_ORIGIN"), QStringLiteral("http://kiosk.example.test")}}));
}

void TestRobustness::cleanup()
{
    QVERIFY2(m_cluster.hasServer(), "no server: restarting it failed");
    m_cluster.server().dumpIfFailed();
    QVERIFY2(m_cluster.server().isRunning(), "the server died during the test");
}

int TestRobustness::tokenTotal()
{
    const HttpReply reply = http().get(QStringLiteral("/api/tokens?page_size=1"), staff().admin);
    return reply.status == 200 ? reply.object().value(u"total").toInt(-1) : -1;
}

QString TestRobustness::issueNumber(int serviceId)
{
    const HttpReply reply = Flow::issue(http(), serviceId);
    if (reply.status != 201)
        qWarning("issue(%d): %s", serviceId, qPrintable(Flow::describe(reply)));
    return reply.object().value(u"token_number").toString();
}

bool TestRobustness::waitReady(int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs) {
        if (http().get(QStringLiteral("/readyz")).status == 200)
            return true;
        QTest::qWait(200);
    }
    return false;
}

QStringList TestRobustness::waitingInCallOrder(const QList<int> &services)
{
    QStringList ids;
    for (int id : services)
        ids.append(QString::number(id));
    Flow::Sql sql(m_cluster.postgresUrl());
    const auto rows =
        sql.rows(QStringLiteral("SELECT token_number FROM tokens WHERE status = 'waiting' AND "
                                "target_counter_id IS NULL AND service_id IN (%1) "
                                // The queue keeps arrival in whole milliseconds (ties go to the
                                // lower id), as the server's snapshot reads it.
                                "ORDER BY priority DESC, "
                                "(extract(epoch FROM arrival_at) * 1000)::bigint, id")
                     .arg(ids.join(u',')));
    QStringList numbers;
    for (const QVariantList &row : rows.value_or(QList<QVariantList>()))
        numbers.append(row.at(0).toString());
    return numbers;
}

QStringList TestRobustness::drain(int counterId)
{
    QStringList called;
    for (int guard = 0; guard < 1000; ++guard) {
        const HttpReply call = Flow::act(http(), counterId, QStringLiteral("call"), staff().admin);
        if (call.status != 200) {
            if (call.errorCode() != u"queue_empty")
                called.append(QStringLiteral("<%1>").arg(Flow::describe(call)));
            return called;
        }
        called.append(Flow::tokenOf(call).value(u"token_number").toString());
        const HttpReply skip = Flow::act(http(), counterId, QStringLiteral("skip"), staff().admin);
        if (skip.status != 200)
            called.append(QStringLiteral("<skip: %1>").arg(Flow::describe(skip)));
    }
    return called;
}

void TestRobustness::badInput_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("who");
    QTest::addColumn<int>("expected");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("field"); // must be named in error.details

    auto bad = [](const char *name, const QByteArray &body, const char *code,
                  const char *field = "") {
        QTest::newRow(name) << body << QString() << 400 << QString::fromLatin1(code)
                            << QString::fromLatin1(field);
    };
    bad("malformed", R"({"service_id": 1)", "bad_request");
    bad("trailing garbage", R"({"service_id": 1} x)", "bad_request");
    bad("not JSON at all", "service_id=1", "bad_request");
    bad("array", R"([{"service_id": 1}])", "bad_request");
    bad("string", R"("hello")", "bad_request");
    bad("number", "42", "bad_request");
    bad("service_id as string", R"({"service_id": "1"})", "validation_failed", "service_id");
    bad("service_id fraction", R"({"service_id": 1.5})", "validation_failed", "service_id");
    bad("service_id negative", R"({"service_id": -1})", "validation_failed", "service_id");
    bad("service_id zero", R"({"service_id": 0})", "validation_failed", "service_id");
    bad("service_id huge", R"({"service_id": 1e30})", "validation_failed", "service_id");
    bad("service_id null", R"({"service_id": null})", "validation_failed", "service_id");
    bad("service_id bool", R"({"service_id": true})", "validation_failed", "service_id");
    bad("service_id missing", R"({"customer_info": "Ann"})", "validation_failed", "service_id");
    bad("empty object", "{}", "validation_failed", "service_id");
    bad("empty body", "", "validation_failed", "service_id");
    bad("customer_info number", R"({"service_id": 1, "customer_info": 5})", "validation_failed",
        "customer_info");
    bad("customer_info array", R"({"service_id": 1, "customer_info": ["a"]})", "validation_failed",
        "customer_info");
    bad("customer_info over 2 KiB",
        R"({"service_id": 1, "customer_info": {"note": ")" + QByteArray(2038, 'x') + "\"}}",
        "validation_failed", "customer_info");
    bad("customer_info string over 2 KiB",
        R"({"service_id": 1, "customer_info": ")" + QByteArray(2100, 'y') + "\"}",
        "validation_failed", "customer_info");
    bad("customer_info with NUL", R"({"service_id": 1, "customer_info": {"name": "a\u0000b"}})",
        "validation_failed", "customer_info");
    bad("anonymous priority", R"({"service_id": 1, "priority": 3})", "validation_failed",
        "priority");
    bad("slot not a time", R"({"service_id": 1, "preferred_slot": "soon"})", "validation_failed",
        "preferred_slot");
    bad("slot in the past", R"({"service_id": 1, "preferred_slot": "2020-01-01T10:00:00Z"})",
        "validation_failed", "preferred_slot");
    QTest::newRow("unknown service")
        << QByteArray(R"({"service_id": 999})") << QString() << 404 << "not_found"
        << "";
    QTest::newRow("unknown service, kiosk")
        << QByteArray(R"({"service_id": 4})") << "kiosk" << 404 << "not_found"
        << "";
    QTest::newRow("forged bearer")
        << QByteArray(R"({"service_id": 1})") << "forged" << 401 << "unauthorized"
        << "";
}

void TestRobustness::badInput()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, who);
    QFETCH(int, expected);
    QFETCH(QString, code);
    QFETCH(QString, field);

    const QString before = issueNumber(1);
    QVERIFY(!before.isEmpty());
    const int total = tokenTotal();
    QVERIFY(total > 0);
    const QString bearer = who == u"forged" ? QStringLiteral("eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.")
                                            : staff().byName(who);
    const HttpReply reply =
        http().postRaw(QStringLiteral("/api/tokens"), body, "application/json", bearer);
    FLOW_EXPECT_ERROR(reply, expected, code);
    const QString problem = Flow::errorShapeProblem(reply.json, code);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    if (!field.isEmpty())
        QVERIFY2(errorDetails(reply).contains(field), reply.body.constData());

    // Nothing stored, and no number spent: the next token follows the one before directly.
    QCOMPARE(tokenTotal(), total);
    QCOMPARE(issueNumber(1), Flow::tokenNumber(QStringLiteral("D"), before.mid(1).toInt() + 1));
}

void TestRobustness::customerInfoVerbatim_data()
{
    QTest::addColumn<QJsonValue>("info");
    QTest::addColumn<QJsonObject>("stored");

    const QString drop = QStringLiteral("Robert'); DROP TABLE tokens;--");
    QTest::newRow("SQL in a string")
        << QJsonValue(drop) << QJsonObject{{QStringLiteral("name"), drop}};
    const QJsonObject sqlObject{
        {QStringLiteral("name"), QStringLiteral("x' OR '1'='1")},
        {QStringLiteral("note"), QStringLiteral("'; DELETE FROM tokens WHERE ''='")},
        {QStringLiteral("$1"), QStringLiteral("?::text")}};
    QTest::newRow("SQL in an object") << QJsonValue(sqlObject) << sqlObject;
    const QJsonObject unicode{{QStringLiteral("name"), QStringLiteral("Zoë Ångström-Müller")},
                              {QStringLiteral("city"), QStringLiteral("東京都")},
                              {QStringLiteral("emoji"), QStringLiteral("😀🎫")},
                              {QStringLiteral("rtl"), QStringLiteral("שלום עליכם")}};
    QTest::newRow("unicode") << QJsonValue(unicode) << unicode;
    const QJsonObject markup{{QStringLiteral("name"), QStringLiteral("<script>alert(1)</script>")},
                             {QStringLiteral("quote"), QStringLiteral("\"\\\n\t")}};
    QTest::newRow("markup and escapes") << QJsonValue(markup) << markup;
    const QJsonObject nested{{QStringLiteral("visit"), QJsonObject{{QStringLiteral("reasons"),
                                                                    QJsonArray{1, "two", true}}}}};
    QTest::newRow("nested") << QJsonValue(nested) << nested;
    const QJsonObject limit{{QStringLiteral("note"), QString(2037, u'x')}}; // exactly 2048 bytes
    QTest::newRow("exactly 2 KiB") << QJsonValue(limit) << limit;
}

void TestRobustness::customerInfoVerbatim()
{
    QFETCH(QJsonValue, info);
    QFETCH(QJsonObject, stored);

    const int total = tokenTotal();
    const HttpReply created = Flow::issue(http(), 2, {{QStringLiteral("customer_info"), info}});
    FLOW_EXPECT(created, 201);
    const qint64 id = created.object().value(u"token_id").toInteger();
    const QString secret = created.object().value(u"secret").toString();
    QCOMPARE(tokenTotal(), total + 1); // the tokens table is still there and counting

    const HttpReply staffView =
        http().get(QStringLiteral("/api/tokens/%1").arg(id), staff().operator1);
    FLOW_EXPECT(staffView, 200);
    QCOMPARE(Flow::tokenOf(staffView).value(u"customer_info").toObject(), stored);
    const HttpReply listed =
        http().get(QStringLiteral("/api/tokens?service_id=2&page_size=1"), staff().admin);
    FLOW_EXPECT(listed, 200);
    QCOMPARE(listed.object()
                 .value(u"items")
                 .toArray()
                 .first()
                 .toObject()
                 .value(u"customer_info")
                 .toObject(),
             stored);
    Flow::Sql sql(m_cluster.postgresUrl());
    QCOMPARE(sql.scalar(QStringLiteral("SELECT customer_info::text FROM tokens WHERE id = ?"), {id})
                 .toString()
                 .isEmpty(),
             false);
    QCOMPARE(
        QJsonDocument::fromJson(
            sql.scalar(QStringLiteral("SELECT customer_info::text FROM tokens WHERE id = ?"), {id})
                .toString()
                .toUtf8())
            .object(),
        stored);

    // The customer's own status view carries none of it.
    const HttpReply status = Flow::status(http(), id, secret);
    FLOW_EXPECT(status, 200);
    QVERIFY(!status.object().contains(u"customer_info"));
    for (auto it = stored.constBegin(); it != stored.constEnd(); ++it) {
        if (it.value().isString())
            QVERIFY2(!status.body.contains(it.value().toString().toUtf8()),
                     status.body.constData());
    }
}

void TestRobustness::postgresDown()
{
    const QString before = issueNumber(3);
    QVERIFY(!before.isEmpty());
    const QStringList expected = waitingInCallOrder({3});
    QVERIFY(expected.contains(before));
    // Every worker thread holds a Postgres connection now; the outage kills them all.
    const QUrl base = m_cluster.server().baseUrl();
    QCOMPARE(Flow::concurrentGets(base, QStringLiteral("/api/services"), 8), QList<int>(8, 200));
    QVERIFY(m_cluster.services().stopPostgres());

    for (const char *path :
         {"POST /api/tokens", "GET /api/services", "POST /api/counters/2/call"}) {
        QElapsedTimer timer;
        timer.start();
        const QByteArray route = QByteArray(path).mid(QByteArray(path).indexOf(' ') + 1);
        const HttpReply reply =
            QByteArray(path).startsWith("POST")
                ? http().post(QString::fromLatin1(route), {{QStringLiteral("service_id"), 3}},
                              staff().admin)
                : http().get(QString::fromLatin1(route));
        FLOW_EXPECT_ERROR(reply, 503, "postgres_unavailable");
        QVERIFY2(timer.elapsed() < 5000,
                 qPrintable(QStringLiteral("%1 took %2 ms").arg(path).arg(timer.elapsed())));
    }
    const HttpReply ready = http().get(QStringLiteral("/readyz"));
    FLOW_EXPECT(ready, 503);
    QCOMPARE(ready.object().value(u"postgres").toBool(true), false);
    QCOMPARE(ready.object().value(u"redis").toBool(false), true);
    FLOW_EXPECT(http().get(QStringLiteral("/healthz")), 200);

    // Postgres accepts connections again when startPostgres() returns: from then on every worker
    // must answer, not just the one that happens to notice first.
    QVERIFY(m_cluster.services().startPostgres());
    for (int round = 0; round < 3; ++round)
        QCOMPARE(Flow::concurrentGets(base, QStringLiteral("/api/services"), 8),
                 QList<int>(8, 200));
    QVERIFY(waitReady(5000));
    const QString after = issueNumber(3);
    QCOMPARE(after, Flow::tokenNumber(QStringLiteral("P"), before.mid(1).toInt() + 1));
    FLOW_EXPECT(Flow::act(http(), 2, QStringLiteral("open"), staff().admin), 200);
    QCOMPARE(drain(2), expected + QStringList{after});
}

// A restart nobody noticed: every worker still holds a connection to the old Postgres process.
void TestRobustness::postgresRestartedUnnoticed()
{
    const QUrl base = m_cluster.server().baseUrl();
    QCOMPARE(Flow::concurrentGets(base, QStringLiteral("/api/tokens?page_size=1"), 8),
             QList<int>(8, 401));
    QCOMPARE(Flow::concurrentGets(base, QStringLiteral("/api/services"), 8), QList<int>(8, 200));
    QVERIFY(m_cluster.services().stopPostgres());
    QVERIFY(m_cluster.services().startPostgres());
    for (int round = 0; round < 3; ++round)
        QCOMPARE(Flow::concurrentGets(base, QStringLiteral("/api/services"), 8),
                 QList<int>(8, 200));
    const QString number = issueNumber(2);
    QVERIFY(!number.isEmpty());
}

void TestRobustness::redisDown()
{
    const QString before = issueNumber(1);
    QVERIFY(!before.isEmpty());
    const QStringList expected = waitingInCallOrder({1, 2});
    QVERIFY(expected.contains(before));
    const int total = tokenTotal();
    FLOW_EXPECT(Flow::act(http(), 1, QStringLiteral("open"), staff().admin), 200);
    const QUrl base = m_cluster.server().baseUrl();
    QCOMPARE(Flow::concurrentGets(base, QStringLiteral("/api/services"), 8), QList<int>(8, 200));
    QVERIFY(m_cluster.services().stopRedis());

    QElapsedTimer timer;
    timer.start();
    FLOW_EXPECT_ERROR(Flow::issue(http(), 1), 503, "redis_unavailable");
    FLOW_EXPECT_ERROR(Flow::issue(http(), 1, {}, staff().kiosk), 503, "redis_unavailable");
    FLOW_EXPECT_ERROR(http().get(QStringLiteral("/api/services")), 503, "redis_unavailable");
    FLOW_EXPECT_ERROR(Flow::act(http(), 1, QStringLiteral("call"), staff().admin), 503,
                      "redis_unavailable");
    QVERIFY2(timer.elapsed() < 10'000, qPrintable(QString::number(timer.elapsed())));
    const HttpReply ready = http().get(QStringLiteral("/readyz"));
    FLOW_EXPECT(ready, 503);
    QCOMPARE(ready.object().value(u"redis").toBool(true), false);
    QCOMPARE(ready.object().value(u"postgres").toBool(false), true);
    QCOMPARE(tokenTotal(), total); // nothing half-issued

    QVERIFY(m_cluster.services().startRedis());
    for (int round = 0; round < 3; ++round)
        QCOMPARE(Flow::concurrentGets(base, QStringLiteral("/api/services"), 8),
                 QList<int>(8, 200));
    QVERIFY(waitReady(5000));
    const QString after = issueNumber(1);
    QCOMPARE(after, Flow::tokenNumber(QStringLiteral("D"), before.mid(1).toInt() + 1));
    FLOW_EXPECT(Flow::act(http(), 1, QStringLiteral("open"), staff().admin), 200);
    QCOMPARE(drain(1), expected + QStringList{after});
}

void TestRobustness::survivesAndStopsOnSigterm()
{
    ServerProcess &server = m_cluster.server();
    QVERIFY(server.isRunning());
    FLOW_EXPECT(http().get(QStringLiteral("/healthz")), 200);
    QSignalSpy exited(&server, &ServerProcess::exitedUnexpectedly);
    QVERIFY(::kill(pid_t(server.processId()), SIGTERM) == 0);
    QVERIFY(exited.wait(10'000));
    QCOMPARE(exited.first().first().toInt(), 0);
    QVERIFY(!server.isRunning());
    // Restart so that cleanup() and the cluster's teardown see a running server.
    QVERIFY(m_cluster.restart());
}

QTEST_GUILESS_MAIN(TestRobustness)
