// Counter actions the server must refuse, each with its exact status and code, and each leaving
// Postgres exactly as it was (no event written, no token or counter changed).
#include <QTest>

#include "tokenflowtest.h"

namespace {
// Everything a refused action could have changed, as one comparable value.
QVariantList stateOf(Flow::Sql &sql)
{
    return {
        sql.scalar(QStringLiteral("SELECT count(*) FROM token_events")),
        sql.scalar(QStringLiteral(
            "SELECT string_agg(id || ':' || status || ':' || coalesce(counter_id, 0) || ':' || "
            "recall_count, ',' ORDER BY id) FROM tokens")),
        sql.scalar(QStringLiteral(
            "SELECT string_agg(id || ':' || status || ':' || coalesce(operator_id, 0) || ':' || "
            "coalesce(pause_reason, ''), ',' ORDER BY id) FROM counters"))};
}
} // namespace

void TestTokenFlow::refusedActions_data()
{
    // Steps are "issue <service>" (anonymous) or "<who> <action> <counter>"; who is admin, op1,
    // op2, kiosk or anon. The setup steps must succeed; the last one is checked.
    QTest::addColumn<QStringList>("setup");
    QTest::addColumn<QString>("action");
    QTest::addColumn<int>("expected");
    QTest::addColumn<QString>("code");

    QTest::newRow("call, nothing waiting")
        << QStringList{"op1 open 1"} << "op1 call 1" << 409 << "queue_empty";
    QTest::newRow("call, only other services waiting")
        << QStringList{"issue 3", "op1 open 1"} << "op1 call 1" << 409 << "queue_empty";
    QTest::newRow("call while serving, nothing waiting")
        << QStringList{"issue 1", "op1 open 1", "op1 call 1", "op1 serve 1"} << "op1 call 1" << 409
        << "queue_empty";
    QTest::newRow("serve, nothing called")
        << QStringList{"issue 1", "op1 open 1"} << "op1 serve 1" << 409 << "invalid_state";
    QTest::newRow("complete, still called") << QStringList{"issue 1", "op1 open 1", "op1 call 1"}
                                            << "op1 complete 1" << 409 << "invalid_state";
    QTest::newRow("call, current still called")
        << QStringList{"issue 1", "issue 1", "op1 open 1", "op1 call 1"} << "op1 call 1" << 409
        << "invalid_state";
    QTest::newRow("recall, nothing called")
        << QStringList{"op1 open 1"} << "op1 recall 1" << 409 << "invalid_state";
    QTest::newRow("skip, already serving")
        << QStringList{"issue 1", "op1 open 1", "op1 call 1", "op1 serve 1"} << "op1 skip 1" << 409
        << "invalid_state";
    QTest::newRow("transfer, nothing called")
        << QStringList{"issue 1", "op1 open 1"} << "op1 transfer 1" << 409 << "invalid_state";
    QTest::newRow("operator2 calls on operator1's counter")
        << QStringList{"issue 1", "op1 open 1"} << "op2 call 1" << 403 << "forbidden";
    QTest::newRow("operator2 serves operator1's called token")
        << QStringList{"issue 1", "op1 open 1", "op1 call 1"} << "op2 serve 1" << 403
        << "forbidden";
    QTest::newRow("operator2 completes operator1's token")
        << QStringList{"issue 1", "op1 open 1", "op1 call 1", "op1 serve 1"} << "op2 complete 1"
        << 403 << "forbidden";
    QTest::newRow("serve at a closed counter")
        << QStringList{"issue 1"} << "op1 serve 1" << 409 << "counter_not_open";
    QTest::newRow("skip at an unknown counter")
        << QStringList{"issue 1"} << "op1 skip 99" << 404 << "not_found";
    QTest::newRow("admin completes operator1's token")
        << QStringList{"issue 1", "op1 open 1", "op1 call 1", "op1 serve 1"} << "admin complete 1"
        << 200 << "";
    QTest::newRow("serve while paused")
        << QStringList{"issue 1", "op1 open 1", "op1 call 1", "op1 pause 1"} << "op1 serve 1" << 200
        << "";
    QTest::newRow("operator2 pauses operator1's counter")
        << QStringList{"op1 open 1"} << "op2 pause 1" << 403 << "forbidden";
    QTest::newRow("operator2 opens a busy counter")
        << QStringList{"op1 open 1"} << "op2 open 1" << 409 << "counter_busy";
    QTest::newRow("call while paused") << QStringList{"issue 1", "op1 open 1", "op1 pause 1"}
                                       << "op1 call 1" << 409 << "counter_not_open";
    QTest::newRow("call while closed")
        << QStringList{"issue 1"} << "op1 call 1" << 409 << "counter_not_open";
    QTest::newRow("close with a called token") << QStringList{"issue 1", "op1 open 1", "op1 call 1"}
                                               << "op1 close 1" << 409 << "invalid_state";
    QTest::newRow("close with a token being served")
        << QStringList{"issue 1", "op1 open 1", "op1 call 1", "op1 serve 1"} << "op1 close 1" << 409
        << "invalid_state";
    QTest::newRow("kiosk calls") << QStringList{"issue 1", "op1 open 1"} << "kiosk call 1" << 403
                                 << "forbidden";
    QTest::newRow("anonymous calls")
        << QStringList{"issue 1", "op1 open 1"} << "anon call 1" << 401 << "unauthorized";
    QTest::newRow("unknown counter")
        << QStringList{"issue 1"} << "admin open 99" << 404 << "not_found";
    QTest::newRow("admin may call on operator1's counter")
        << QStringList{"issue 1", "op1 open 1"} << "admin call 1" << 200 << "";
    QTest::newRow("resume after pause, then call")
        << QStringList{"issue 1", "op1 open 1", "op1 pause 1", "op1 open 1"} << "op1 call 1" << 200
        << "";
    QTest::newRow("close an idle counter")
        << QStringList{"op1 open 1"} << "op1 close 1" << 200 << "";
}

void TestTokenFlow::refusedActions()
{
    QFETCH(QStringList, setup);
    QFETCH(QString, action);
    QFETCH(int, expected);
    QFETCH(QString, code);

    QVERIFY(fresh());
    Flow::Sql sql(m_cluster.postgresUrl());
    QVERIFY(sql.isOpen());
    auto run = [this](const QString &step) {
        const QStringList words = step.split(u' ');
        if (words.at(0) == u"issue")
            return Flow::issue(http(), words.at(1).toInt());
        QJsonObject body;
        if (words.at(1) == u"pause")
            body.insert(QStringLiteral("reason"), QStringLiteral("lunch"));
        if (words.at(1) == u"transfer")
            body.insert(QStringLiteral("service_id"), 2);
        return Flow::act(http(), words.at(2).toInt(), words.at(1), staff().byName(words.at(0)),
                         body);
    };
    for (const QString &step : std::as_const(setup)) {
        const HttpReply reply = run(step);
        QVERIFY2(
            reply.status == 200 || reply.status == 201,
            qPrintable(QStringLiteral("setup step '%1': %2").arg(step, Flow::describe(reply))));
    }
    // The live queue too: a refused call may have taken a token from Redis before the counter
    // row refused it, and must have put it back in its place.
    const auto liveQueue = [this] {
        QStringList lines;
        for (const QJsonValue &service :
             http().get(QStringLiteral("/api/queues")).object().value(u"services").toArray()) {
            QStringList ids;
            for (const QJsonValue &token : service.toObject().value(u"tokens").toArray())
                ids.append(QString::number(token.toObject().value(u"id").toInteger()));
            // `waiting` is counted in Redis, the token list read from Postgres.
            lines.append(QStringLiteral("%1: %2 waiting: %3")
                             .arg(service.toObject().value(u"id").toInt())
                             .arg(service.toObject().value(u"waiting").toInt())
                             .arg(ids.join(u',')));
        }
        return lines;
    };
    const QVariantList before = stateOf(sql);
    const QStringList queueBefore = liveQueue();
    const HttpReply reply = run(action);
    FLOW_EXPECT(reply, expected);
    if (expected == 200)
        return;
    const QString problem = Flow::errorShapeProblem(reply.json, code);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(stateOf(sql), before);
    QCOMPARE(liveQueue(), queueBefore);
}
