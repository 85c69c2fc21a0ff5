// Lobby devices (docs/api.md "Devices") against a real server, Postgres and Redis: a board or
// dispenser reports itself, admins list the devices, staff hear of each change in room `staff`
// (a new device, a printer's state, a device gone silent, one back), nobody else may join it,
// and a bad report changes nothing.

#include <QJsonArray>
#include <QTest>

#include "flowhelpers.h"
#include "wsclient.h"

class TestDevices : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void reportAndList();
    void badReportsChangeNothing_data();
    void badReportsChangeNothing();
    void listByBranch();
    void staffHearOfChanges();
    void onlyStaffJoinTheStaffRoom_data();
    void onlyStaffJoinTheStaffRoom();

private:
    HttpClient &http() { return m_cluster.http(); }
    const Flow::Staff &staff() const { return m_cluster.staff(); }
    static QJsonObject report(const QString &id, const QString &printerState = {})
    {
        QJsonObject body{{"id", id},
                         {"name", "Entrance " + id},
                         {"mode", "dispenser"},
                         {"branch_id", 1},
                         {"version", "0.1.0"}};
        if (!printerState.isEmpty())
            body.insert("printer", QJsonObject{{"state", printerState}, {"detail", "cover"}});
        return body;
    }
    HttpReply heartbeat(const QJsonObject &body, const QString &bearer)
    {
        return http().post(QStringLiteral("/api/devices/heartbeat"), body, bearer);
    }
    QJsonArray devices(const QString &query = {})
    {
        const HttpReply reply = http().get(QStringLiteral("/api/devices") + query, staff().admin);
        return reply.status == 200 ? reply.array() : QJsonArray{};
    }
    // A staff WebSocket in room `staff`.
    std::unique_ptr<Ws::Client> staffSocket()
    {
        auto socket = std::make_unique<Ws::Client>();
        if (!socket->open(m_cluster.server().webSocketUrl()) ||
            !socket->authenticate(staff().operator1) ||
            !socket->subscribe({QStringLiteral("staff")}))
            return nullptr;
        return socket;
    }
    static Ws::FramePredicate deviceEvent(const QString &id, const QString &printerState,
                                          bool online)
    {
        return [=](const QJsonObject &frame) {
            const QJsonObject data = frame.value(u"data").toObject();
            return frame.value(u"event").toString() == u"device_status" &&
                   frame.value(u"room").toString() == u"staff" &&
                   data.value(u"id").toString() == id &&
                   data.value(u"printer_state").toString() == printerState &&
                   data.value(u"online").toBool() == online;
        };
    }

    Flow::Cluster m_cluster;
};

void TestDevices::initTestCase()
{
    // Silent for 3 s is offline (swept every second), so a test sees it.
    QVERIFY(m_cluster.start({{QStringLiteral("DEVICE_OFFLINE_SECONDS"), QStringLiteral("3")}}));
}

void TestDevices::init()
{
    QVERIFY(m_cluster.reset());
    // reset() empties Redis; events are numbered once the live queue is rebuilt (before that
    // they reach clients as a resync), which reading the queues does at once.
    QCOMPARE(Flow::waitingFor(http(), 1), 0);
}

void TestDevices::reportAndList()
{
    const HttpReply first = heartbeat(report("disp-1", "ok"), staff().kiosk);
    FLOW_EXPECT(first, 200);
    const QJsonObject device = first.object().value(u"device").toObject();
    QCOMPARE(device.value(u"id").toString(), u"disp-1");
    QCOMPARE(device.value(u"mode").toString(), u"dispenser");
    QCOMPARE(device.value(u"branch_id").toInt(), 1);
    QCOMPARE(device.value(u"printer_state").toString(), u"ok");
    QCOMPARE(device.value(u"printer_detail").toString(), u"cover");
    QVERIFY(device.value(u"online").toBool());
    // A board without a printer, reported by an operator's console session: without a branch_id
    // it is of the account's branch (operator1 works at branch 1); head office's is of none.
    QJsonObject board = report("board-1");
    board.insert("mode", "board");
    board.remove("branch_id");
    {
        const HttpReply reply = heartbeat(board, staff().operator1);
        FLOW_EXPECT(reply, 200);
        QCOMPARE(reply.object().value(u"device").toObject().value(u"printer_state").toString(),
                 u"none");
        QCOMPARE(reply.object().value(u"device").toObject().value(u"branch_id").toInt(), 1);
    }
    {
        const HttpReply reply = heartbeat(board, staff().admin);
        FLOW_EXPECT(reply, 200);
        QVERIFY(reply.object().value(u"device").toObject().value(u"branch_id").isNull());
    }
    const QJsonArray listed = devices();
    QCOMPARE(listed.size(), 2);
    QCOMPARE(listed.at(1).toObject().value(u"id").toString(), u"disp-1"); // by name
    // Reported again: the same row, seen later.
    QTest::qWait(20);
    const HttpReply again = heartbeat(report("disp-1", "paper_out"), staff().kiosk);
    FLOW_EXPECT(again, 200);
    const QJsonObject after = again.object().value(u"device").toObject();
    QCOMPARE(after.value(u"first_seen_at"), device.value(u"first_seen_at"));
    QVERIFY(after.value(u"last_seen_at").toString() > device.value(u"last_seen_at").toString());
    QCOMPARE(devices().size(), 2);
}

void TestDevices::badReportsChangeNothing_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QString>("field");
    const auto with = [](const char *key, const QJsonValue &value) {
        QJsonObject body = report("bad-1");
        body.insert(QLatin1String(key), value);
        return body;
    };
    QTest::newRow("id with a space") << with("id", "two words") << "id";
    QTest::newRow("id too long") << with("id", QString(65, u'x')) << "id";
    QTest::newRow("no name") << with("name", "") << "name";
    QTest::newRow("unknown mode") << with("mode", "printer") << "mode";
    QTest::newRow("unknown printer state")
        << with("printer", QJsonObject{{"state", "jammed"}}) << "printer";
    QTest::newRow("printer not an object") << with("printer", "ok") << "printer";
    QTest::newRow("no such branch") << with("branch_id", 999) << "branch_id";
    QTest::newRow("version too long") << with("version", QString(41, u'1')) << "version";
    QJsonObject noId = report("bad-1");
    noId.remove("id");
    QTest::newRow("no id") << noId << "id";
}

void TestDevices::badReportsChangeNothing()
{
    QFETCH(QJsonObject, body);
    QFETCH(QString, field);
    // From head office, which may name any branch (a kiosk of branch 1 naming another is 403,
    // tst_branches).
    const HttpReply reply = heartbeat(body, staff().admin);
    FLOW_EXPECT_ERROR(reply, 400, "validation_failed");
    QVERIFY2(Flow::errorDetails(reply).contains(field), reply.body.constData());
    QCOMPARE(devices().size(), 0);
}

void TestDevices::listByBranch()
{
    {
        const HttpReply reply = heartbeat(report("disp-1"), staff().kiosk);
        FLOW_EXPECT(reply, 200);
    }
    QJsonObject elsewhere = report("disp-2");
    elsewhere.remove("branch_id");
    {
        const HttpReply reply = heartbeat(elsewhere, staff().admin); // head office: no branch
        FLOW_EXPECT(reply, 200);
    }
    QCOMPARE(devices().size(), 2);
    const QJsonArray branchOne = devices(QStringLiteral("?branch_id=1"));
    QCOMPARE(branchOne.size(), 1);
    QCOMPARE(branchOne.first().toObject().value(u"id").toString(), u"disp-1");
    const HttpReply bad = http().get(QStringLiteral("/api/devices?branch_id=x"), staff().admin);
    FLOW_EXPECT_ERROR(bad, 400, "validation_failed");
}

void TestDevices::staffHearOfChanges()
{
    const auto socket = staffSocket();
    QVERIFY(socket);
    // New: heard. The same again: not. The printer out of paper: heard.
    {
        const HttpReply reply = heartbeat(report("disp-1", "ok"), staff().kiosk);
        FLOW_EXPECT(reply, 200);
    }
    const auto first = socket->waitFor(deviceEvent("disp-1", "ok", true));
    QVERIFY(first);
    QCOMPARE(first->value(u"seq").toInteger(-1), 0); // outside the installation's sequence
    const qsizetype seen = socket->events().size();
    {
        const HttpReply reply = heartbeat(report("disp-1", "ok"), staff().kiosk);
        FLOW_EXPECT(reply, 200);
    }
    {
        const HttpReply reply = heartbeat(report("disp-1", "paper_out"), staff().kiosk);
        FLOW_EXPECT(reply, 200);
    }
    QVERIFY(socket->waitFor(deviceEvent("disp-1", "paper_out", true)));
    QCOMPARE(socket->events().size(), seen + 1);
    // Silent for 3 s: heard once as offline, and listed offline.
    QVERIFY(socket->waitFor(deviceEvent("disp-1", "paper_out", false), 8000));
    QVERIFY(!devices().first().toObject().value(u"online").toBool());
    QTest::qWait(2500);
    QCOMPARE(socket->events().size(), seen + 2);
    // Back: heard as online again.
    {
        const HttpReply reply = heartbeat(report("disp-1", "paper_out"), staff().kiosk);
        FLOW_EXPECT(reply, 200);
    }
    QVERIFY(
        socket->waitFor(deviceEvent("disp-1", "paper_out", true), 5000, socket->frameCount() - 1));
    QVERIFY(devices().first().toObject().value(u"online").toBool());
}

void TestDevices::onlyStaffJoinTheStaffRoom_data()
{
    QTest::addColumn<QString>("who");
    QTest::newRow("anonymous") << QString();
    QTest::newRow("kiosk") << QStringLiteral("kiosk");
}

void TestDevices::onlyStaffJoinTheStaffRoom()
{
    QFETCH(QString, who);
    Ws::Client socket;
    QVERIFY(socket.open(m_cluster.server().webSocketUrl()));
    if (!who.isEmpty())
        QVERIFY(socket.authenticate(staff().byName(who)));
    socket.send({{"type", "subscribe"}, {"rooms", QJsonArray{"staff"}}});
    QVERIFY(socket.waitError(QStringLiteral("forbidden"), QStringLiteral("staff")));
    {
        const HttpReply reply = heartbeat(report("disp-9", "ok"), staff().kiosk);
        FLOW_EXPECT(reply, 200);
    }
    QTest::qWait(300);
    for (const QJsonObject &event : socket.events())
        QVERIFY(event.value(u"event").toString() != u"device_status");
    // Nor does a device event take a number of the installation's sequence: a public client
    // following `global` sees no gap (and resyncs for nothing).
    socket.send({{"type", "ping"}});
    const auto pong = socket.waitFor(
        [](const QJsonObject &frame) { return frame.value(u"type").toString() == u"pong"; });
    QVERIFY(pong);
    QCOMPARE(pong->value(u"seq").toInteger(), socket.helloSeq());
}

QTEST_GUILESS_MAIN(TestDevices)
#include "tst_devices.moc"
