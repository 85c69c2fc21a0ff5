// The customer's and the operator's path through a token over HTTP: issue, status with the secret,
// cancel, call/serve/complete with its event trail, numbering, history filters and statistics.
#include <QJsonArray>
#include <QTest>

#include "tokenflowtest.h"

using Flow::describe;

void TestTokenFlow::initTestCase()
{
    QVERIFY(m_cluster.start());
}

void TestTokenFlow::cleanup()
{
    QVERIFY2(m_cluster.hasServer(), "no server: restarting it failed");
    m_cluster.server().dumpIfFailed();
    QVERIFY2(m_cluster.server().isRunning(), "the server died during the test");
}

QDate TestTokenFlow::today()
{
    return QDateTime::currentDateTimeUtc().date();
}

bool TestTokenFlow::nearMidnight()
{
    const QTime now = QDateTime::currentDateTimeUtc().time();
    return now < QTime(0, 2) || now > QTime(23, 58);
}

TestTokenFlow::Issued TestTokenFlow::issueToken(int serviceId, const QJsonObject &extra,
                                                const QString &bearer)
{
    const HttpReply reply = Flow::issue(http(), serviceId, extra, bearer);
    if (reply.status != 201) {
        qWarning("issue(%d) failed: %s", serviceId, qPrintable(describe(reply)));
        return {};
    }
    const QJsonObject o = reply.object();
    return {o.value(u"token_id").toInteger(), o.value(u"token_number").toString(),
            o.value(u"secret").toString()};
}

QString TestTokenFlow::callNumber(int counterId, const QString &bearer)
{
    const HttpReply reply = Flow::act(http(), counterId, QStringLiteral("call"), bearer);
    if (reply.status != 200) {
        qWarning("call at counter %d: %s", counterId, qPrintable(describe(reply)));
        return {};
    }
    return Flow::tokenOf(reply).value(u"token_number").toString();
}

QStringList TestTokenFlow::drain(int counterId, const QString &bearer)
{
    QStringList called;
    for (int guard = 0; guard < 100; ++guard) {
        const HttpReply call = Flow::act(http(), counterId, QStringLiteral("call"), bearer);
        if (call.status != 200) {
            if (call.errorCode() != u"queue_empty")
                called.append(QStringLiteral("<%1>").arg(describe(call)));
            return called;
        }
        called.append(Flow::tokenOf(call).value(u"token_number").toString());
        const HttpReply skip = Flow::act(http(), counterId, QStringLiteral("skip"), bearer);
        if (skip.status != 200)
            called.append(QStringLiteral("<skip: %1>").arg(describe(skip)));
    }
    return called;
}

QJsonObject TestTokenFlow::details(qint64 tokenId)
{
    const HttpReply reply =
        http().get(QStringLiteral("/api/tokens/%1").arg(tokenId), staff().admin);
    if (reply.status != 200)
        qWarning("GET /api/tokens/%lld: %s", tokenId, qPrintable(describe(reply)));
    return Flow::tokenOf(reply);
}

void TestTokenFlow::acceptanceFlow()
{
    QVERIFY(m_cluster.restart()); // a new process too: the ETAs below assume nothing cached
    const QJsonObject info{{QStringLiteral("name"), QStringLiteral("Ada Lovelace")},
                           {QStringLiteral("phone"), QStringLiteral("+44 20 7946 0000")}};
    const HttpReply first = Flow::issue(http(), 1, {{QStringLiteral("customer_info"), info}});
    FLOW_EXPECT(first, 201);
    const QJsonObject t1 = first.object();
    QCOMPARE(t1.value(u"token_number").toString(), QStringLiteral("D001"));
    QVERIFY(t1.value(u"token_id").toInteger() > 0);
    QCOMPARE(t1.value(u"position").toInt(-1), 1);
    QCOMPARE(t1.value(u"eta").toInt(-1), 0); // nobody ahead
    QCOMPARE(t1.value(u"status").toString(), QStringLiteral("waiting"));
    QCOMPARE(t1.value(u"service_id").toInt(), 1);
    QCOMPARE(t1.value(u"service_name").toString(), QStringLiteral("Deposit"));
    QVERIFY(t1.value(u"secret").toString().size() >= 16);
    const qint64 id1 = t1.value(u"token_id").toInteger();
    // The whole answer, as docs/api.md lists it (the batch writer writes it as text).
    QCOMPARE(t1.keys(), (QStringList{"created_at", "eta", "position", "preferred_slot", "priority",
                                     "secret", "service_id", "service_name", "status", "status_url",
                                     "token_id", "token_number"}));
    QVERIFY(t1.value(u"preferred_slot").isNull());
    QCOMPARE(t1.value(u"priority").toInt(-1), 0);
    QCOMPARE(t1.value(u"status_url").toString(),
             QStringLiteral("/api/tokens/%1/status?secret=%2")
                 .arg(QString::number(id1), t1.value(u"secret").toString()));
    QVERIFY(QDateTime::fromString(t1.value(u"created_at").toString(), Qt::ISODateWithMs).isValid());

    const HttpReply second =
        Flow::issue(http(), 1, {{QStringLiteral("customer_info"), QStringLiteral("Grace")}});
    FLOW_EXPECT(second, 201);
    QCOMPARE(second.object().value(u"token_number").toString(), QStringLiteral("D002"));
    QCOMPARE(second.object().value(u"position").toInt(), 2);
    // One token ahead, the seed's 240 s average for Deposit, no counter open (counts as one).
    QCOMPARE(second.object().value(u"eta").toInt(), 240);
    QVERIFY(second.object().value(u"secret").toString() != t1.value(u"secret").toString());

    const HttpReply opened = Flow::act(http(), 1, QStringLiteral("open"), staff().operator1);
    FLOW_EXPECT(opened, 200);
    QCOMPARE(opened.object().value(u"counter").toObject().value(u"status").toString(),
             QStringLiteral("open"));
    QCOMPARE(opened.object().value(u"counter").toObject().value(u"operator_id").toInt(), 2);

    QTest::qWait(1100); // a measurable wait for the statistics
    const HttpReply called = Flow::act(http(), 1, QStringLiteral("call"), staff().operator1);
    FLOW_EXPECT(called, 200);
    QJsonObject token = Flow::tokenOf(called);
    QCOMPARE(token.value(u"id").toInteger(), id1);
    QCOMPARE(token.value(u"status").toString(), QStringLiteral("called"));
    QCOMPARE(token.value(u"counter_id").toInt(), 1);
    QCOMPARE(token.value(u"counter_name").toString(), QStringLiteral("Counter A"));
    QCOMPARE(token.value(u"operator_id").toInt(), 2);
    QVERIFY(!token.value(u"called_at").toString().isEmpty());
    const HttpReply secondNow = Flow::status(http(), second.object().value(u"token_id").toInteger(),
                                             second.object().value(u"secret").toString());
    QCOMPARE(secondNow.object().value(u"position").toInt(), 1);

    const HttpReply served = Flow::act(http(), 1, QStringLiteral("serve"), staff().operator1);
    FLOW_EXPECT(served, 200);
    QCOMPARE(Flow::tokenOf(served).value(u"status").toString(), QStringLiteral("serving"));
    QTest::qWait(1100);
    const HttpReply completed = Flow::act(http(), 1, QStringLiteral("complete"), staff().operator1);
    FLOW_EXPECT(completed, 200);
    token = Flow::tokenOf(completed);
    QCOMPARE(token.value(u"status").toString(), QStringLiteral("completed"));
    QVERIFY(!token.value(u"finished_at").toString().isEmpty());

    checkAcceptanceTrail(id1, info);
    if (QTest::currentTestFailed())
        return;
    checkAcceptanceStats();
}

// The trail of the token served in acceptanceFlow, oldest first, as staff see it.
void TestTokenFlow::checkAcceptanceTrail(qint64 id, const QJsonObject &info)
{
    const HttpReply detail =
        http().get(QStringLiteral("/api/tokens/%1").arg(id), staff().operator1);
    FLOW_EXPECT(detail, 200);
    const QJsonObject token = Flow::tokenOf(detail);
    QCOMPARE(token.value(u"customer_info").toObject(), info);
    const QJsonArray events = token.value(u"events").toArray();
    const QStringList names{"generated", "called", "served", "completed"};
    const QStringList from{"", "waiting", "called", "serving"};
    QCOMPARE(events.size(), names.size());
    QDateTime previous;
    for (qsizetype i = 0; i < events.size(); ++i) {
        const QJsonObject e = events.at(i).toObject();
        QCOMPARE(e.value(u"event").toString(), names.at(i));
        QCOMPARE(e.value(u"from_status").toString(), from.at(i));
        QCOMPARE(e.value(u"to_status").toString(),
                 i + 1 < from.size() ? from.at(i + 1) : QStringLiteral("completed"));
        const QDateTime at = QDateTime::fromString(e.value(u"at").toString(), Qt::ISODateWithMs);
        QVERIFY2(at.isValid() && (!previous.isValid() || at >= previous),
                 qPrintable(e.value(u"at").toString()));
        previous = at;
        if (i == 0) {
            QVERIFY(e.value(u"actor").isNull()); // issued anonymously
            continue;
        }
        QCOMPARE(e.value(u"actor").toString(), QStringLiteral("operator1"));
        QCOMPARE(e.value(u"actor_id").toInt(), 2);
        QCOMPARE(e.value(u"counter_id").toInt(), 1);
    }
    QVERIFY(previous.msecsTo(QDateTime::currentDateTimeUtc()) < 60'000);
}

// After acceptanceFlow: today two issued, one served after a wait of at least a second and a
// service of at least one; yesterday the seed's six.
void TestTokenFlow::checkAcceptanceStats()
{
    const HttpReply stats = http().get(QStringLiteral("/api/stats"), staff().operator1);
    FLOW_EXPECT(stats, 200);
    const QJsonObject totals = stats.object().value(u"totals").toObject();
    QCOMPARE(stats.object().value(u"from").toString(), today().toString(Qt::ISODate));
    QCOMPARE(totals.value(u"issued").toInt(), 2);
    QCOMPARE(totals.value(u"served").toInt(), 1);
    QCOMPARE(totals.value(u"waiting").toInt(), 1);
    QCOMPARE(totals.value(u"skipped").toInt(), 0);
    const double wait = totals.value(u"avg_wait_seconds").toDouble(-1);
    const double service = totals.value(u"avg_service_seconds").toDouble(-1);
    QVERIFY2(wait >= 1.0 && wait < 30, qPrintable(QString::number(wait)));
    QVERIFY2(service >= 1.0 && service < 30, qPrintable(QString::number(service)));
    const QJsonArray perService = stats.object().value(u"per_service").toArray();
    QCOMPARE(perService.size(), 1);
    QCOMPARE(perService.at(0).toObject().value(u"service_id").toInt(), 1);
    QCOMPARE(perService.at(0).toObject().value(u"issued").toInt(), 2);
    int issuedByHour = 0;
    for (const QJsonValue &hour : stats.object().value(u"per_hour").toArray()) {
        const QDateTime start =
            QDateTime::fromString(hour.toObject().value(u"hour").toString(), Qt::ISODate);
        QVERIFY2(start.isValid() && start.time().minute() == 0, qPrintable(start.toString()));
        issuedByHour += hour.toObject().value(u"issued").toInt();
    }
    QCOMPARE(issuedByHour, 2);
    const QJsonArray perCounter = stats.object().value(u"per_counter").toArray();
    QCOMPARE(perCounter.size(), 1);
    QCOMPARE(perCounter.at(0).toObject().value(u"counter_id").toInt(), 1);
    QCOMPARE(perCounter.at(0).toObject().value(u"served").toInt(), 1);

    // Yesterday is the seed's: six tokens, four served, one skipped, one cancelled.
    const QString yesterday = today().addDays(-1).toString(Qt::ISODate);
    const HttpReply old =
        http().get(QStringLiteral("/api/stats?from=%1&to=%1").arg(yesterday), staff().admin);
    FLOW_EXPECT(old, 200);
    const QJsonObject oldTotals = old.object().value(u"totals").toObject();
    QCOMPARE(oldTotals.value(u"issued").toInt(), 6);
    QCOMPARE(oldTotals.value(u"served").toInt(), 4);
    QCOMPARE(oldTotals.value(u"skipped").toInt(), 1);
    QCOMPARE(oldTotals.value(u"cancelled").toInt(), 1);
    FLOW_EXPECT_ERROR(http().get(QStringLiteral("/api/stats")), 401, "unauthorized");
    FLOW_EXPECT_ERROR(http().get(QStringLiteral("/api/stats"), staff().kiosk), 403, "forbidden");
}

void TestTokenFlow::statusAccess_data()
{
    QTest::addColumn<QString>("how");
    QTest::addColumn<int>("expected");
    QTest::addColumn<QString>("code");

    QTest::newRow("secret in query") << "query" << 200 << "";
    QTest::newRow("secret in header") << "header" << 200 << "";
    QTest::newRow("staff without secret") << "staff" << 200 << "";
    QTest::newRow("no secret") << "none" << 403 << "forbidden";
    QTest::newRow("wrong secret") << "wrong" << 403 << "forbidden";
    QTest::newRow("another token's secret") << "other" << 403 << "forbidden";
    QTest::newRow("unknown id") << "unknown" << 404 << "not_found";
    QTest::newRow("id not a number") << "garbage" << 404 << "not_found";
}

void TestTokenFlow::statusAccess()
{
    QFETCH(QString, how);
    QFETCH(int, expected);
    QFETCH(QString, code);

    const QString name = QStringLiteral("Private Person %1").arg(QTest::currentDataTag());
    const Issued mine = issueToken(2, {{QStringLiteral("customer_info"), name}});
    const Issued other = issueToken(2);
    QVERIFY(mine.id > 0 && other.id > 0);
    const QString path = QStringLiteral("/api/tokens/%1/status").arg(mine.id);
    HttpReply reply;
    if (how == u"query")
        reply = Flow::status(http(), mine.id, mine.secret);
    else if (how == u"header")
        reply = http().request("GET", path, {}, {{"X-Token-Secret", mine.secret.toUtf8()}});
    else if (how == u"staff")
        reply = http().get(path, staff().operator2);
    else if (how == u"none")
        reply = http().get(path);
    else if (how == u"wrong")
        reply = Flow::status(http(), mine.id, QStringLiteral("not-the-secret"));
    else if (how == u"other")
        reply = Flow::status(http(), mine.id, other.secret);
    else if (how == u"unknown")
        reply = Flow::status(http(), 987654, mine.secret);
    else
        reply = http().get(QStringLiteral("/api/tokens/abc/status?secret=%1").arg(mine.secret));

    FLOW_EXPECT(reply, expected);
    QVERIFY2(!reply.body.contains(name.toUtf8()), "a status answer must not carry personal data");
    if (expected != 200) {
        const QString problem = Flow::errorShapeProblem(reply.json, code);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        return;
    }
    const QJsonObject s = reply.object();
    QCOMPARE(s.value(u"token_id").toInteger(), mine.id);
    QCOMPARE(s.value(u"token_number").toString(), mine.number);
    QCOMPARE(s.value(u"status").toString(), QStringLiteral("waiting"));
    QCOMPARE(s.value(u"service_id").toInt(), 2);
    QVERIFY(s.value(u"position").toInt() >= 1);
    QVERIFY(s.value(u"counter_id").isNull());
    QVERIFY(!s.contains(u"customer_info"));
}

void TestTokenFlow::customerCancel()
{
    QVERIFY(fresh());
    const Issued first = issueToken(1, {{QStringLiteral("customer_info"), QStringLiteral("Bob")}});
    const Issued second = issueToken(1);
    QVERIFY(first.id > 0 && second.id > 0);
    const QString cancelPath = QStringLiteral("/api/tokens/%1/cancel").arg(first.id);

    FLOW_EXPECT_ERROR(
        http().post(cancelPath, {{QStringLiteral("secret"), QStringLiteral("guess")}}), 403,
        "forbidden");
    FLOW_EXPECT_ERROR(http().post(cancelPath), 403, "forbidden");
    FLOW_EXPECT_ERROR(http().post(cancelPath, {{QStringLiteral("secret"), second.secret}}), 403,
                      "forbidden");
    QCOMPARE(details(first.id).value(u"status").toString(), QStringLiteral("waiting"));

    // A reason that is not text is refused before anything changes.
    FLOW_EXPECT_ERROR(http().post(cancelPath, {{QStringLiteral("secret"), first.secret},
                                               {QStringLiteral("reason"), 7}}),
                      400, "validation_failed");
    QCOMPARE(details(first.id).value(u"status").toString(), QStringLiteral("waiting"));

    const HttpReply cancelled =
        http().post(cancelPath, {{QStringLiteral("secret"), first.secret},
                                 {QStringLiteral("reason"), QStringLiteral("Came back tomorrow")}});
    FLOW_EXPECT(cancelled, 200);
    QJsonObject token = Flow::tokenOf(cancelled);
    QCOMPARE(token.value(u"status").toString(), QStringLiteral("cancelled"));
    QVERIFY(!token.value(u"finished_at").toString().isEmpty());
    QVERIFY2(!token.contains(u"customer_info"), "the customer's own answer is not staff data");
    FLOW_EXPECT_ERROR(http().post(cancelPath, {{QStringLiteral("secret"), first.secret}}), 409,
                      "invalid_state");

    const HttpReply after = Flow::status(http(), first.id, first.secret);
    FLOW_EXPECT(after, 200);
    QCOMPARE(after.object().value(u"status").toString(), QStringLiteral("cancelled"));
    QCOMPARE(Flow::status(http(), second.id, second.secret).object().value(u"position").toInt(), 1);
    const QJsonArray events = details(first.id).value(u"events").toArray();
    QCOMPARE(events.size(), 2);
    QCOMPARE(events.at(1).toObject().value(u"event").toString(), QStringLiteral("cancelled"));
    QCOMPARE(events.at(1).toObject().value(u"from_status").toString(), QStringLiteral("waiting"));
    QCOMPARE(events.at(1).toObject().value(u"reason").toString(),
             QStringLiteral("Came back tomorrow"));

    // The cancelled token is never called; a called one can no longer be cancelled by its customer.
    FLOW_EXPECT(Flow::act(http(), 1, QStringLiteral("open"), staff().operator1), 200);
    QCOMPARE(callNumber(1, staff().operator1), QStringLiteral("D002"));
    FLOW_EXPECT_ERROR(http().request("POST", QStringLiteral("/api/tokens/%1/cancel").arg(second.id),
                                     {}, {{"X-Token-Secret", second.secret.toUtf8()}}),
                      409, "invalid_state");
    QCOMPARE(details(second.id).value(u"status").toString(), QStringLiteral("called"));
    FLOW_EXPECT_ERROR(Flow::act(http(), 1, QStringLiteral("call"), staff().operator1), 409,
                      "invalid_state");
}

void TestTokenFlow::numberingPerServicePerDay()
{
    if (nearMidnight())
        QSKIP("the business day changes within two minutes");
    QVERIFY(fresh());
    const QList<int> services{1, 1, 2, 3, 1, 2, 3, 3};
    const QStringList expected{"D001", "D002", "W001", "P001", "D003", "W002", "P002", "P003"};
    for (qsizetype i = 0; i < services.size(); ++i) {
        const Issued token = issueToken(services.at(i));
        QCOMPARE(token.number, expected.at(i));
        const QJsonObject row = details(token.id);
        QCOMPARE(row.value(u"business_date").toString(), today().toString(Qt::ISODate));
        QCOMPARE(row.value(u"number").toInt(), expected.at(i).mid(1).toInt());
        QCOMPARE(row.value(u"service_code").toString(), expected.at(i).left(1));
    }
    // Yesterday's D001/D002 (the seed's) share the numbers but not the day.
    const HttpReply d001 = http().get(QStringLiteral("/api/tokens?number=D001"), staff().admin);
    FLOW_EXPECT(d001, 200);
    QCOMPARE(d001.object().value(u"total").toInt(), 2);
}

QTEST_GUILESS_MAIN(TestTokenFlow)
