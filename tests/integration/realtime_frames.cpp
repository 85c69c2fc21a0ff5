// What a misbehaving client can send, and the heartbeat: every bad client is answered or cut off
// alone, while a well-behaved client connected at the same time keeps receiving events.
#include <QElapsedTimer>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

#include "realtimetest.h"

namespace {
QByteArray subscribeFrame(const QJsonArray &rooms)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("type"), QStringLiteral("subscribe")},
                                     {QStringLiteral("rooms"), rooms}})
        .toJson(QJsonDocument::Compact);
}

int errorFrames(const Ws::Client &client)
{
    const QList<QJsonObject> frames = client.frames();
    return int(std::count_if(frames.begin(), frames.end(), [](const QJsonObject &f) {
        return f.value(u"type").toString() == u"error";
    }));
}
} // namespace

void TestRealtime::badFrames_data()
{
    QTest::addColumn<bool>("binary"); // a binary frame instead of a text frame
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<int>("repeat");    // sent this many times at once
    QTest::addColumn<QString>("code");  // an error frame expected with this code ("" = none)
    QTest::addColumn<int>("closeCode"); // the server closes with it (0 = stays open)
    QTest::addColumn<int>("maxErrors"); // at most this many error frames (-1 = any number)

    const QByteArray subscribeGlobal = subscribeFrame({QStringLiteral("global")});
    QJsonArray many;
    for (int i = 1; i <= 65; ++i)
        many.append(QStringLiteral("service:%1").arg(i));
    // 16 KiB in, one error frame per listed room out, would be a 20-fold amplification.
    QJsonArray junk;
    for (int i = 0; i < 3000; ++i)
        junk.append(QStringLiteral("x"));
    const QByteArray oversized = R"({"type":"ping","pad":")" + QByteArray(20 * 1024, 'a') + R"("})";
    const int tooBig = QWebSocketProtocol::CloseCodeTooMuchData;
    const int policy = QWebSocketProtocol::CloseCodePolicyViolated;
    // clang-format off
    QTest::newRow("not JSON") << false << QByteArray("hello {") << 1 << "bad_frame" << 0 << 1;
    QTest::newRow("JSON array") << false << QByteArray("[1,2]") << 1 << "bad_frame" << 0 << 1;
    QTest::newRow("binary frame") << true << QByteArray("\x01\x02") << 1 << "bad_frame" << 0 << 1;
    QTest::newRow("unknown type") << false << QByteArray(R"({"type":"dance"})") << 1 << "unknown_type" << 0 << 1;
    QTest::newRow("no type") << false << QByteArray("{}") << 1 << "unknown_type" << 0 << 1;
    QTest::newRow("subscribe, no rooms") << false << QByteArray(R"({"type":"subscribe"})") << 1 << "bad_frame" << 0 << 1;
    QTest::newRow("subscribe, rooms not array") << false << QByteArray(R"({"type":"subscribe","rooms":"global"})") << 1 << "bad_frame" << 0 << 1;
    QTest::newRow("65 rooms") << false << subscribeFrame(many) << 1 << "too_many_rooms" << 0 << 1;
    QTest::newRow("3000 unknown rooms") << false << subscribeFrame(junk) << 1 << "too_many_rooms" << 0 << 1;
    QTest::newRow("oversized message") << false << oversized << 1 << "" << tooBig << 0;
    QTest::newRow("500 text frames at once") << false << subscribeGlobal << 500 << "rate_limited" << policy << -1;
    QTest::newRow("500 binary frames at once") << true << QByteArray("\x01") << 500 << "rate_limited" << policy << -1;
    // clang-format on
}

void TestRealtime::badFrames()
{
    QFETCH(bool, binary);
    QFETCH(QByteArray, payload);
    QFETCH(int, repeat);
    QFETCH(QString, code);
    QFETCH(int, closeCode);
    QFETCH(int, maxErrors);

    auto bystander = subscriber({QStringLiteral("global")});
    auto bad = subscriber({});
    QVERIFY(bystander && bad);
    for (int i = 0; i < repeat; ++i) {
        if (binary)
            bad->socket().sendBinaryMessage(payload);
        else
            bad->sendText(QString::fromUtf8(payload));
    }
    if (!code.isEmpty())
        QVERIFY(bad->waitError(code));
    if (closeCode != 0) {
        QVERIFY(bad->waitDisconnected(5000));
        QCOMPARE(int(bad->closeCode()), closeCode);
    } else {
        QTest::qWait(300); // any further error frames
        bad->send({{QStringLiteral("type"), QStringLiteral("ping")}});
        QVERIFY2(bad->waitFor(
                     [](const QJsonObject &f) { return f.value(u"type").toString() == u"pong"; }),
                 "the connection stopped working after a bad frame");
    }
    if (maxErrors >= 0)
        QVERIFY2(errorFrames(*bad) <= maxErrors, qPrintable(QString::number(errorFrames(*bad))));

    // The server stays up and the other client keeps receiving.
    FLOW_EXPECT(http().get(QStringLiteral("/healthz")), 200);
    const Issued token = issue(1);
    QVERIFY(token.id > 0);
    QVERIFY(bystander->waitFor([&](const QJsonObject &f) {
        return f.value(u"event").toString() == u"token_generated" &&
               f.value(u"data").toObject().value(u"id").toInteger() == token.id;
    }));
    QVERIFY(bystander->isConnected());
}

void TestRealtime::heartbeat()
{
    // A server of its own with short heartbeat settings, on the same database and Redis.
    ServerProcess server(m_cluster.postgresUrl(), m_cluster.services().redisUrl());
    server.setEnvironmentValue(QStringLiteral("WS_HEARTBEAT_MS"), QStringLiteral("400"));
    server.setEnvironmentValue(QStringLiteral("WS_DEAD_AFTER_MS"), QStringLiteral("1500"));
    QVERIFY(server.start());
    auto alive = subscriber({QStringLiteral("global")}, server.webSocketUrl());
    QVERIFY(alive);
    QCOMPARE(alive->frames().first().value(u"heartbeat_ms").toInt(), 400);

    // Reads everything, answers nothing: it sees the pings and is dropped for not answering.
    Ws::RawClient silent;
    QElapsedTimer connected;
    QVERIFY(silent.connectTo(quint16(server.port())));
    connected.start();
    QVERIFY(silent.waitClosed(8000));
    const qint64 droppedAfter = connected.elapsed();
    QVERIFY2(droppedAfter >= 1400 && droppedAfter < 6000,
             qPrintable(QString::number(droppedAfter)));
    const auto frames = silent.read(0);
    const auto pings = std::count_if(frames.begin(), frames.end(),
                                     [](const Ws::RawClient::Frame &f) { return f.opcode == 0x9; });
    QVERIFY2(pings >= 2, qPrintable(QString::number(pings)));
    const HttpReply metrics = HttpClient(server.baseUrl()).get(QStringLiteral("/metrics"));
    QCOMPARE(Ws::metricValue(metrics.body, "nextup_ws_dropped_dead_peers_total"), 1.0);

    // The QWebSocket client answered every ping by itself: idle for longer than the limit, it
    // is still there and still receives.
    QTest::qWait(1000);
    QVERIFY(alive->isConnected());
    QSignalSpy pong(&alive->socket(), &QWebSocket::pong);
    alive->socket().ping("are you there");
    QVERIFY(pong.wait(3000));
    const HttpReply issued = Flow::issue(http(), 1, {}, staff().kiosk);
    FLOW_EXPECT(issued, 201);
    QVERIFY(alive->waitFor([&](const QJsonObject &f) {
        return f.value(u"event").toString() == u"token_generated" &&
               f.value(u"data").toObject().value(u"id").toInteger() ==
                   issued.object().value(u"token_id").toInteger();
    }));
    server.dumpIfFailed();
}
