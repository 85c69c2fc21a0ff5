// Who is called next (priority, booked slots, a counter's several services, transfers, assign)
// and the counter actions the server must refuse, each leaving the state untouched.
#include <QJsonArray>
#include <QTest>
#include <QTimeZone>

#include "tokenflowtest.h"

void TestTokenFlow::priorityPermission_data()
{
    QTest::addColumn<QString>("who");
    QTest::addColumn<QByteArray>("priority"); // raw JSON
    QTest::addColumn<int>("expected");

    QTest::newRow("anonymous 5") << "" << QByteArray("5") << 400;
    QTest::newRow("anonymous 0") << "" << QByteArray("0") << 201;
    QTest::newRow("user 1") << "user" << QByteArray("1") << 400;
    QTest::newRow("kiosk 5") << "kiosk" << QByteArray("5") << 201;
    QTest::newRow("operator 9") << "op1" << QByteArray("9") << 201;
    QTest::newRow("admin 3") << "admin" << QByteArray("3") << 201;
    QTest::newRow("kiosk 10") << "kiosk" << QByteArray("10") << 400;
    QTest::newRow("kiosk -1") << "kiosk" << QByteArray("-1") << 400;
    QTest::newRow("kiosk string") << "kiosk" << QByteArray("\"5\"") << 400;
    QTest::newRow("kiosk fraction") << "kiosk" << QByteArray("2.5") << 400;
    QTest::newRow("kiosk null, as if not given") << "kiosk" << QByteArray("null") << 201;
}

void TestTokenFlow::priorityPermission()
{
    QFETCH(QString, who);
    QFETCH(QByteArray, priority);
    QFETCH(int, expected);

    QString bearer = staff().byName(who);
    if (who == u"user") {
        const QString name = QStringLiteral("customer%1").arg(QDateTime::currentMSecsSinceEpoch());
        const QString password = QStringLiteral("a-long-Passphrase-42");
        FLOW_EXPECT(http().post(QStringLiteral("/api/auth/register"),
                                {{QStringLiteral("username"), name},
                                 {QStringLiteral("password"), password}}),
                    201);
        bearer = http().login(name, password);
        QVERIFY(!bearer.isEmpty());
    }
    Flow::Sql sql(m_cluster.postgresUrl());
    QVERIFY(sql.isOpen());
    const qint64 before = sql.scalar(QStringLiteral("SELECT count(*) FROM tokens")).toLongLong();
    const HttpReply reply = http().postRaw(QStringLiteral("/api/tokens"),
                                           "{\"service_id\":1,\"priority\":" + priority + '}',
                                           "application/json", bearer);
    FLOW_EXPECT(reply, expected);
    const qint64 after = sql.scalar(QStringLiteral("SELECT count(*) FROM tokens")).toLongLong();
    if (expected == 201) {
        QCOMPARE(reply.object().value(u"priority").toInt(-1), priority.toInt());
        QCOMPARE(after, before + 1);
        return;
    }
    QCOMPARE(reply.errorCode(), QStringLiteral("validation_failed"));
    QVERIFY2(reply.object()
                 .value(u"error")
                 .toObject()
                 .value(u"details")
                 .toObject()
                 .contains(u"priority"),
             reply.body.constData());
    QCOMPARE(after, before);
}

void TestTokenFlow::priorityBeatsArrival()
{
    QVERIFY(fresh());
    auto withPriority = [](int p) { return QJsonObject{{QStringLiteral("priority"), p}}; };
    QCOMPARE(issueToken(1).number, QStringLiteral("D001"));
    QCOMPARE(issueToken(1).number, QStringLiteral("D002"));
    QCOMPARE(issueToken(1, withPriority(5), staff().kiosk).number, QStringLiteral("D003"));
    QCOMPARE(issueToken(1, withPriority(9), staff().admin).number, QStringLiteral("D004"));
    QCOMPARE(issueToken(1, withPriority(5), staff().operator1).number, QStringLiteral("D005"));
    QCOMPARE(issueToken(1).number, QStringLiteral("D006"));
    FLOW_EXPECT(Flow::act(http(), 1, QStringLiteral("open"), staff().operator1), 200);
    QCOMPARE(drain(1, staff().operator1),
             QStringList({"D004", "D003", "D005", "D001", "D002", "D006"}));
}

void TestTokenFlow::preferredSlotRejected_data()
{
    QTest::addColumn<QJsonValue>("slot");

    const QDateTime now = QDateTime::currentDateTimeUtc();
    QTest::newRow("a minute ago") << QJsonValue(now.addSecs(-60).toString(Qt::ISODateWithMs));
    QTest::newRow("now minus 1 ms") << QJsonValue(now.addMSecs(-1).toString(Qt::ISODateWithMs));
    // A token with a time is an appointment (tst_appointments): it must start a slot.
    const QDate monday = now.date().addDays(8 - now.date().dayOfWeek());
    QTest::newRow("not a slot's start") << QJsonValue(
        QDateTime(monday, QTime(10, 7), QTimeZone::utc()).toString(Qt::ISODateWithMs));
    QTest::newRow("yesterday") << QJsonValue(now.addDays(-1).toString(Qt::ISODateWithMs));
    QTest::newRow("not a time") << QJsonValue(QStringLiteral("after lunch"));
    QTest::newRow("a number") << QJsonValue(1767254400);
    QTest::newRow("empty") << QJsonValue(QString());
}

void TestTokenFlow::preferredSlotRejected()
{
    QFETCH(QJsonValue, slot);
    Flow::Sql sql(m_cluster.postgresUrl());
    const qint64 before = sql.scalar(QStringLiteral("SELECT count(*) FROM tokens")).toLongLong();
    const HttpReply reply = Flow::issue(http(), 1, {{QStringLiteral("preferred_slot"), slot}});
    FLOW_EXPECT_ERROR(reply, 400, "validation_failed");
    QVERIFY2(reply.object()
                 .value(u"error")
                 .toObject()
                 .value(u"details")
                 .toObject()
                 .contains(u"preferred_slot"),
             reply.body.constData());
    QCOMPARE(sql.scalar(QStringLiteral("SELECT count(*) FROM tokens")).toLongLong(), before);
}

void TestTokenFlow::counterTakesAcrossItsServices()
{
    QVERIFY(fresh());
    QCOMPARE(issueToken(2).number, QStringLiteral("W001"));
    const Issued d1 = issueToken(1);
    QCOMPARE(issueToken(3).number, QStringLiteral("P001"));
    const Issued w2 = issueToken(2, {{QStringLiteral("priority"), 3}}, staff().kiosk);
    QCOMPARE(issueToken(1).number, QStringLiteral("D002"));
    const QString &op1 = staff().operator1;
    FLOW_EXPECT(Flow::act(http(), 1, QStringLiteral("open"), op1), 200);

    // Priority across both services first, then arrival; "call" while serving completes first.
    QStringList called;
    for (int i = 0; i < 4; ++i) {
        called.append(callNumber(1, op1));
        FLOW_EXPECT(Flow::act(http(), 1, QStringLiteral("serve"), op1), 200);
    }
    QCOMPARE(called, QStringList({w2.number, "W001", d1.number, "D002"}));
    QCOMPARE(w2.number, QStringLiteral("W002"));
    const QJsonObject first = details(w2.id);
    QCOMPARE(first.value(u"status").toString(), QStringLiteral("completed"));
    const QJsonObject last = first.value(u"events").toArray().last().toObject();
    QCOMPARE(last.value(u"event").toString(), QStringLiteral("completed"));
    QCOMPARE(last.value(u"actor").toString(), QStringLiteral("operator1"));
    FLOW_EXPECT(Flow::act(http(), 1, QStringLiteral("complete"), op1), 200);
    // P001 waits for a counter that serves Passbook.
    FLOW_EXPECT_ERROR(Flow::act(http(), 1, QStringLiteral("call"), op1), 409, "queue_empty");
}

// Two "next" clicks at once while a token is being served: one completes it and calls the next,
// the other is refused, and whichever way they meet, exactly one token left the line (a call that
// took a token and then found the serving token gone puts it back in its place).
void TestTokenFlow::doubleNextWhileServing()
{
    QVERIFY(fresh());
    for (int i = 0; i < 7; ++i)
        QVERIFY(issueToken(1).id > 0);
    const QString &op1 = staff().operator1;
    FLOW_EXPECT(Flow::act(http(), 1, QStringLiteral("open"), op1), 200);
    QVERIFY(!callNumber(1, op1).isEmpty());
    for (int round = 0; round < 3; ++round) {
        FLOW_EXPECT(Flow::act(http(), 1, QStringLiteral("serve"), op1), 200);
        const int before = Flow::waitingFor(http(), 1);
        const QList<HttpReply> replies = Flow::concurrentPosts(
            m_cluster.server().baseUrl(), QStringLiteral("/api/counters/1/call"),
            {QJsonObject(), QJsonObject()}, op1);
        QCOMPARE(replies.size(), 2);
        const int ok = int(replies.at(0).status == 200) + int(replies.at(1).status == 200);
        QCOMPARE(ok, 1);
        const HttpReply &refused = replies.at(0).status == 200 ? replies.at(1) : replies.at(0);
        FLOW_EXPECT_ERROR(refused, 409, "invalid_state");
        QCOMPARE(Flow::waitingFor(http(), 1), before - 1);
    }
    // The line is still in order: what is left comes out oldest first.
    FLOW_EXPECT(Flow::act(http(), 1, QStringLiteral("serve"), op1), 200);
    QString previous;
    for (int left = Flow::waitingFor(http(), 1); left > 0; --left) {
        const QString number = callNumber(1, op1);
        QVERIFY2(number > previous, qPrintable(number + QStringLiteral(" after ") + previous));
        previous = number;
        FLOW_EXPECT(Flow::act(http(), 1, QStringLiteral("serve"), op1), 200);
    }
}

void TestTokenFlow::recallAndSkip()
{
    QVERIFY(fresh());
    const Issued d1 = issueToken(1);
    QVERIFY(issueToken(1).id > 0);
    const QString &op1 = staff().operator1;
    FLOW_EXPECT(Flow::act(http(), 1, QStringLiteral("open"), op1), 200);
    QCOMPARE(callNumber(1, op1), d1.number);
    for (int expected = 1; expected <= 2; ++expected) {
        const HttpReply recalled = Flow::act(http(), 1, QStringLiteral("recall"), op1);
        FLOW_EXPECT(recalled, 200);
        QCOMPARE(Flow::tokenOf(recalled).value(u"recall_count").toInt(), expected);
        QCOMPARE(Flow::tokenOf(recalled).value(u"status").toString(), QStringLiteral("called"));
    }
    const QJsonObject seen = Flow::status(http(), d1.id, d1.secret).object();
    QCOMPARE(seen.value(u"recall_count").toInt(), 2);
    QCOMPARE(seen.value(u"status").toString(), QStringLiteral("called"));
    QCOMPARE(seen.value(u"counter_name").toString(), QStringLiteral("Counter A"));

    const HttpReply skipped = Flow::act(http(), 1, QStringLiteral("skip"), op1);
    FLOW_EXPECT(skipped, 200);
    QCOMPARE(Flow::tokenOf(skipped).value(u"status").toString(), QStringLiteral("skipped"));
    QCOMPARE(Flow::status(http(), d1.id, d1.secret).object().value(u"status").toString(),
             QStringLiteral("skipped"));
    FLOW_EXPECT_ERROR(Flow::act(http(), 1, QStringLiteral("recall"), op1), 409, "invalid_state");
    QStringList events;
    for (const QJsonValue &e : details(d1.id).value(u"events").toArray())
        events.append(e.toObject().value(u"event").toString());
    QCOMPARE(events, QStringList({"generated", "called", "recalled", "recalled", "skipped"}));
    QCOMPARE(callNumber(1, op1), QStringLiteral("D002"));
}

void TestTokenFlow::transferToServiceKeepsArrival()
{
    QVERIFY(fresh());
    const Issued d1 = issueToken(1);
    QCOMPARE(issueToken(3).number, QStringLiteral("P001"));
    QCOMPARE(issueToken(3).number, QStringLiteral("P002"));
    const QString arrival = details(d1.id).value(u"arrival_at").toString();
    const QString &op1 = staff().operator1;
    FLOW_EXPECT(Flow::act(http(), 1, QStringLiteral("open"), op1), 200);
    QCOMPARE(callNumber(1, op1), d1.number);
    const HttpReply moved =
        Flow::act(http(), 1, QStringLiteral("transfer"), op1,
                  {{QStringLiteral("service_id"), 3},
                   {QStringLiteral("reason"), QStringLiteral("needs a passbook")}});
    FLOW_EXPECT(moved, 200);
    const QJsonObject token = Flow::tokenOf(moved);
    QCOMPARE(token.value(u"status").toString(), QStringLiteral("waiting"));
    QCOMPARE(token.value(u"service_id").toInt(), 3);
    QCOMPARE(token.value(u"token_number").toString(), QStringLiteral("D001"));
    QCOMPARE(token.value(u"arrival_at").toString(), arrival);
    QVERIFY(token.value(u"counter_id").isNull());
    QCOMPARE(Flow::status(http(), d1.id, d1.secret).object().value(u"position").toInt(), 1);
    const QJsonObject event = details(d1.id).value(u"events").toArray().last().toObject();
    QCOMPARE(event.value(u"event").toString(), QStringLiteral("transferred"));
    QCOMPARE(event.value(u"reason").toString(), QStringLiteral("needs a passbook"));
    QCOMPARE(event.value(u"actor").toString(), QStringLiteral("operator1"));
    QCOMPARE(event.value(u"from_status").toString(), QStringLiteral("called"));
    // History finds it by the number it was issued with, though its service changed.
    const HttpReply found =
        http().get(QStringLiteral("/api/tokens?number=D001&from=") +
                       QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate),
                   staff().admin);
    FLOW_EXPECT(found, 200);
    const QJsonArray items = found.json.object().value(u"items").toArray();
    QCOMPARE(items.size(), 1);
    QCOMPARE(items.first().toObject().value(u"id").toInteger(), d1.id);

    FLOW_EXPECT_ERROR(Flow::act(http(), 1, QStringLiteral("call"), op1), 409, "queue_empty");
    FLOW_EXPECT(Flow::act(http(), 2, QStringLiteral("open"), staff().admin), 200);
    QCOMPARE(drain(2, staff().admin), QStringList({"D001", "P001", "P002"}));
}

void TestTokenFlow::transferToCounter()
{
    QVERIFY(fresh());
    const Issued d1 = issueToken(1);
    QVERIFY(issueToken(1).id > 0);
    const QString &op1 = staff().operator1;
    FLOW_EXPECT(Flow::act(http(), 1, QStringLiteral("open"), op1), 200);
    QCOMPARE(callNumber(1, op1), d1.number);
    const QString transfer = QStringLiteral("transfer");
    FLOW_EXPECT_ERROR(Flow::act(http(), 1, transfer, op1, {{QStringLiteral("counter_id"), 1}}), 400,
                      "validation_failed");
    FLOW_EXPECT_ERROR(
        Flow::act(http(), 1, transfer, op1,
                  {{QStringLiteral("counter_id"), 2}, {QStringLiteral("service_id"), 3}}),
        400, "validation_failed");
    FLOW_EXPECT_ERROR(Flow::act(http(), 1, transfer, op1, {{QStringLiteral("service_id"), 99}}),
                      404, "not_found");
    FLOW_EXPECT_ERROR(Flow::act(http(), 1, transfer, op1, {{QStringLiteral("counter_id"), 99}}),
                      404, "not_found");
    QCOMPARE(details(d1.id).value(u"status").toString(), QStringLiteral("called"));

    const HttpReply moved = Flow::act(
        http(), 1, transfer, op1,
        {{QStringLiteral("counter_id"), 2}, {QStringLiteral("reason"), QStringLiteral("desk B")}});
    FLOW_EXPECT(moved, 200);
    QCOMPARE(Flow::tokenOf(moved).value(u"target_counter_id").toInt(), 2);
    QCOMPARE(Flow::tokenOf(moved).value(u"status").toString(), QStringLiteral("waiting"));
    // Counter C serves Deposit too, but D001 is reserved for counter B now (which does not).
    FLOW_EXPECT(Flow::act(http(), 3, QStringLiteral("open"), staff().admin), 200);
    QCOMPARE(drain(3, staff().admin), QStringList({"D002"}));
    FLOW_EXPECT_ERROR(Flow::act(http(), 1, QStringLiteral("call"), op1), 409, "queue_empty");
    FLOW_EXPECT(Flow::act(http(), 2, QStringLiteral("open"), staff().admin), 200);
    QCOMPARE(drain(2, staff().admin), QStringList({"D001"}));
}

void TestTokenFlow::assignOutOfOrder()
{
    QVERIFY(fresh());
    QVERIFY(issueToken(1).id > 0);
    const Issued d2 = issueToken(1);
    const Issued d3 = issueToken(1);
    const QString &op1 = staff().operator1;
    const QString assignD3 = QStringLiteral("/api/tokens/%1/assign").arg(d3.id);
    const QString assignD2 = QStringLiteral("/api/tokens/%1/assign").arg(d2.id);
    const QJsonObject toCounter1{{QStringLiteral("counter_id"), 1},
                                 {QStringLiteral("reason"), QStringLiteral("VIP customer")}};
    FLOW_EXPECT_ERROR(http().post(assignD3, toCounter1, op1), 409, "counter_not_open");
    FLOW_EXPECT(Flow::act(http(), 1, QStringLiteral("open"), op1), 200);
    FLOW_EXPECT_ERROR(http().post(assignD3, toCounter1, staff().operator2), 403, "forbidden");
    FLOW_EXPECT_ERROR(http().post(assignD3, toCounter1, staff().kiosk), 403, "forbidden");
    FLOW_EXPECT_ERROR(http().post(assignD3, toCounter1), 401, "unauthorized");
    FLOW_EXPECT_ERROR(http().post(assignD3, {{QStringLiteral("reason"), QStringLiteral("x")}}, op1),
                      400, "validation_failed");
    FLOW_EXPECT_ERROR(http().post(QStringLiteral("/api/tokens/987654/assign"), toCounter1, op1),
                      404, "not_found");

    const HttpReply assigned = http().post(assignD3, toCounter1, op1);
    FLOW_EXPECT(assigned, 200);
    QCOMPARE(Flow::tokenOf(assigned).value(u"token_number").toString(), QStringLiteral("D003"));
    QCOMPARE(Flow::tokenOf(assigned).value(u"status").toString(), QStringLiteral("called"));
    QCOMPARE(Flow::tokenOf(assigned).value(u"counter_id").toInt(), 1);
    const QJsonObject event = details(d3.id).value(u"events").toArray().last().toObject();
    QCOMPARE(event.value(u"event").toString(), QStringLiteral("assigned"));
    QCOMPARE(event.value(u"actor").toString(), QStringLiteral("operator1"));
    QCOMPARE(event.value(u"reason").toString(), QStringLiteral("VIP customer"));
    QCOMPARE(event.value(u"counter_id").toInt(), 1);
    QCOMPARE(event.value(u"from_status").toString(), QStringLiteral("waiting"));
    QCOMPARE(event.value(u"to_status").toString(), QStringLiteral("called"));
    FLOW_EXPECT_ERROR(http().post(assignD2, toCounter1, op1), 409,
                      "invalid_state"); // D003 is there

    // D003 left the line: the rest is called in order, D003 never again.
    FLOW_EXPECT(Flow::act(http(), 1, QStringLiteral("serve"), op1), 200);
    FLOW_EXPECT(Flow::act(http(), 1, QStringLiteral("complete"), op1), 200);
    FLOW_EXPECT_ERROR(http().post(assignD3, toCounter1, op1), 409, "invalid_state"); // completed
    QCOMPARE(drain(1, op1), QStringList({"D001", "D002"}));
}
