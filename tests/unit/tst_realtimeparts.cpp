// The WebSocket hub's parts that are pure logic, without a server: the frames both ways (every
// client frame the hub reads, every malformed kind it refuses, and the exact text of what it
// sends), the frame budget, who may join which room, room membership and the metrics text.
// tst_realtime drives the same rules through a real server; these pin them down one by one.
#include <QJsonObject>
#include <QTest>
#include <QWebSocket>

#include "core/principal.h"
#include "http/websocketframes.h"
#include "realtime/allocatortrim.h"
#include "realtime/framebudget.h"
#include "realtime/frameprotocol.h"
#include "realtime/hubmetrics.h"
#include "realtime/roomaccess.h"
#include "realtime/roommembership.h"

using namespace Nextup;

class TestRealtimeParts : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void serverFrames_data();
    void serverFrames();
    void envelope();
    void budget_data();
    void budget();
    void plan_data();
    void plan();
    void revokedOnReauth();
    void membership();
    void metricsText();
    void allocatorTrimAfterBurst();
    void serverTextFrame_data();
    void serverTextFrame();
};

Q_DECLARE_METATYPE(ClientFrame::Type)
Q_DECLARE_METATYPE(Principal)

namespace {
const QString kMustBeObjects = QStringLiteral("Frames must be JSON objects.");
const QString kUnknownType =
    QStringLiteral("Unknown frame type; use auth, subscribe, unsubscribe or ping.");
const QString kNeedsRooms = QStringLiteral("subscribe needs \"rooms\": [...].");

Principal anonymous()
{
    return {};
}
Principal staff()
{
    return {7, Roles::Operator, QStringLiteral("operator1")};
}
Principal kiosk()
{
    return {9, Roles::Kiosk, QStringLiteral("kiosk1")};
}

QStringList names(const QList<Room> &rooms)
{
    QStringList out;
    for (const Room &room : rooms)
        out.append(room.name());
    return out;
}

// "code room" per refusal ("code" when it names no room).
QStringList refusals(const QList<FrameError> &errors)
{
    QStringList out;
    for (const FrameError &error : errors)
        out.append(error.room.isEmpty() ? error.code : error.code + u' ' + error.room);
    return out;
}
} // namespace

void TestRealtimeParts::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("understood");
    QTest::addColumn<ClientFrame::Type>("type");
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<QStringList>("rooms");
    QTest::addColumn<QByteArray>("secret");
    QTest::addColumn<QString>("code"); // the error, when not understood
    QTest::addColumn<QString>("message");
    QTest::addColumn<bool>("malformed");

    using T = ClientFrame::Type;
    const auto good = [](const char *name, const QString &text, T type, const QByteArray &token,
                         const QStringList &rooms, const QByteArray &secret) {
        QTest::newRow(name) << text << true << type << token << rooms << secret << QString()
                            << QString() << false;
    };
    const auto bad = [](const char *name, const QString &text, const QString &code,
                        const QString &message, bool malformed) {
        QTest::newRow(name) << text << false << T::Ping << QByteArray() << QStringList()
                            << QByteArray() << code << message << malformed;
    };
    const QString longSecret = QString(300, u's');

    good("ping", R"({"type":"ping"})", T::Ping, {}, {}, {});
    good("ping, other keys ignored", R"({"type":"ping","pad":[1,2],"rooms":["global"]})", T::Ping,
         {}, {}, {});
    good("auth", R"({"type":"auth","token":"a.b.c"})", T::Auth, "a.b.c", {}, {});
    good("auth, no token", R"({"type":"auth"})", T::Auth, {}, {}, {});
    good("auth, token not text", R"({"type":"auth","token":42})", T::Auth, {}, {}, {});
    good("subscribe", R"({"type":"subscribe","rooms":["global","service:3","counter:2"]})",
         T::Subscribe, {}, {"global", "service:3", "counter:2"}, {});
    good("subscribe, no rooms listed", R"({"type":"subscribe","rooms":[]})", T::Subscribe, {}, {},
         {});
    good("subscribe, entries not text", R"({"type":"subscribe","rooms":[1,null,"global"]})",
         T::Subscribe, {}, {"", "", "global"}, {});
    good("subscribe, secret", R"({"type":"subscribe","rooms":["token:5"],"secret":"abc"})",
         T::Subscribe, {}, {"token:5"}, "abc");
    good("subscribe, secret cut to 256 bytes",
         QStringLiteral(R"({"type":"subscribe","rooms":[],"secret":"%1"})").arg(longSecret),
         T::Subscribe, {}, {}, QByteArray(FrameProtocol::maxSecretBytes, 's'));
    good("subscribe, secret not text", R"({"type":"subscribe","rooms":[],"secret":5})",
         T::Subscribe, {}, {}, {});
    good("unsubscribe", R"({"type":"unsubscribe","rooms":["global"]})", T::Unsubscribe, {},
         {"global"}, {});
    good("unsubscribe, no rooms", R"({"type":"unsubscribe"})", T::Unsubscribe, {}, {}, {});
    good("unsubscribe, rooms not array", R"({"type":"unsubscribe","rooms":"global"})",
         T::Unsubscribe, {}, {}, {});

    bad("not JSON", "hello {", "bad_frame", kMustBeObjects, true);
    bad("empty", "", "bad_frame", kMustBeObjects, true);
    bad("JSON array", "[1,2]", "bad_frame", kMustBeObjects, true);
    bad("JSON number", "42", "bad_frame", kMustBeObjects, true);
    bad("JSON string", R"("ping")", "bad_frame", kMustBeObjects, true);
    bad("two objects", R"({"type":"ping"}{"type":"ping"})", "bad_frame", kMustBeObjects, true);
    bad("no type", "{}", "unknown_type", kUnknownType, true);
    bad("unknown type", R"({"type":"dance"})", "unknown_type", kUnknownType, true);
    bad("type in capitals", R"({"type":"PING"})", "unknown_type", kUnknownType, true);
    bad("type not text", R"({"type":1})", "unknown_type", kUnknownType, true);
    bad("subscribe, no rooms", R"({"type":"subscribe"})", "bad_frame", kNeedsRooms, false);
    bad("subscribe, rooms not array", R"({"type":"subscribe","rooms":"global"})", "bad_frame",
        kNeedsRooms, false);
    bad("subscribe, rooms an object", R"({"type":"subscribe","rooms":{"global":1}})", "bad_frame",
        kNeedsRooms, false);
}

void TestRealtimeParts::parse()
{
    QFETCH(QString, text);
    QFETCH(bool, understood);

    const auto parsed = FrameProtocol::parse(text);
    QCOMPARE(std::holds_alternative<ClientFrame>(parsed), understood);
    if (understood) {
        const auto &frame = std::get<ClientFrame>(parsed);
        QTEST(frame.type, "type");
        QTEST(frame.token, "token");
        QTEST(frame.rooms, "rooms");
        QTEST(frame.secret, "secret");
    } else {
        const auto &error = std::get<FrameError>(parsed);
        QTEST(error.code, "code");
        QTEST(error.message, "message");
        QTEST(error.malformed, "malformed");
        QVERIFY(error.room.isEmpty());
    }
}

void TestRealtimeParts::serverFrames_data()
{
    QTest::addColumn<QString>("frame");
    QTest::addColumn<QString>("expected");

    using namespace FrameProtocol;
    const auto row = [](const char *name, const QString &frame, const char *expected) {
        QTest::newRow(name) << frame << QString::fromUtf8(expected);
    };
    row("hello", hello(1234, 15'000), R"({"heartbeat_ms":15000,"seq":1234,"type":"hello"})");
    row("pong", pong(0), R"({"seq":0,"type":"pong"})");
    row("authenticated", authenticated(7, QStringLiteral("operator")),
        R"({"role":"operator","type":"authenticated","user_id":7})");
    row("subscribed", subscribed({QStringLiteral("global"), QStringLiteral("token:5")}),
        R"({"rooms":["global","token:5"],"type":"subscribed"})");
    row("unsubscribed, none", unsubscribed({}), R"({"rooms":[],"type":"unsubscribed"})");
    row("resync", resync(), R"({"reason":"events may have been lost","type":"resync"})");
    row("binary frame", error(binaryFrame()),
        R"({"code":"bad_frame","message":"Send JSON text frames.","type":"error"})");
    row("rate limited", error(rateLimited()),
        R"({"code":"rate_limited","message":"Too many frames; slow down.","type":"error"})");
    row("unauthorized", error(unauthorized(QStringLiteral("Token expired."))),
        R"({"code":"unauthorized","message":"Token expired.","type":"error"})");
    row("too many rooms", error(tooManyRooms(64)),
        R"({"code":"too_many_rooms","message":"At most 64 rooms per connection.","type":"error"})");
    row("too many rooms, at a room", error(tooManyRooms(64, QStringLiteral("service:9"))),
        R"({"code":"too_many_rooms","message":"At most 64 rooms per connection.","room":"service:9","type":"error"})");
    row("unknown room", error(unknownRoom(QStringLiteral("lobby"))),
        R"({"code":"unknown_room","message":"No such room.","room":"lobby","type":"error"})");
    row("unknown room, no name", error(unknownRoom({})),
        R"({"code":"unknown_room","message":"No such room.","type":"error"})");
    row("unknown room, long name cut", error(unknownRoom(QString(100, u'x'))),
        qPrintable(
            QStringLiteral(
                R"({"code":"unknown_room","message":"No such room.","room":"%1","type":"error"})")
                .arg(QString(FrameProtocol::maxEchoedRoomChars, u'x'))));
    row("token room refused",
        error(tokenRoomRefused(QStringLiteral("forbidden"), QStringLiteral("token:5"))),
        R"({"code":"forbidden","message":"A token room needs that token's secret.","room":"token:5","type":"error"})");

    EventEnvelope envelope;
    envelope.seq = 1234;
    envelope.event = QStringLiteral("token_called");
    envelope.at = QStringLiteral("2026-12-03T07:45:29.123Z");
    envelope.data = QJsonObject{{QStringLiteral("id"), 5}, {QStringLiteral("number"), "D001"}};
    row("event", FrameProtocol::event(envelope, QStringLiteral("counter:2")),
        R"({"at":"2026-12-03T07:45:29.123Z","data":{"id":5,"number":"D001"},"event":"token_called","room":"counter:2","seq":1234})");
    row("event, keys missing from the envelope",
        FrameProtocol::event(readEnvelope(R"({"rooms":["global"]})"), QStringLiteral("global")),
        R"({"room":"global","seq":0})");
}

void TestRealtimeParts::serverFrames()
{
    QFETCH(QString, frame);
    QTEST(frame, "expected");
}

void TestRealtimeParts::envelope()
{
    const QByteArray published =
        R"({"event":"token_called","rooms":["global","counter:2","nonsense"],"seq":42,"at":"t","data":{"id":5}})";
    const EventEnvelope envelope = FrameProtocol::readEnvelope(published);
    QVERIFY(!envelope.resync);
    QCOMPARE(envelope.seq, qint64(42));
    QCOMPARE(envelope.rooms, QStringList({"global", "counter:2", "nonsense"}));
    QCOMPARE(envelope.event.toString(), QStringLiteral("token_called"));
    QCOMPARE(envelope.at.toString(), QStringLiteral("t"));
    QCOMPARE(envelope.data.toObject().value(u"id").toInt(), 5);
    QCOMPARE(FrameProtocol::peekSeq(published), std::optional<qint64>(42));

    QVERIFY(FrameProtocol::readEnvelope(R"({"resync":"seq unavailable"})").resync);
    QVERIFY(!FrameProtocol::peekSeq(R"({"resync":"seq unavailable"})").has_value());
    QCOMPARE(FrameProtocol::peekSeq(R"({"seq":9007199254740993})"),
             std::optional<qint64>(9007199254740993));
    QVERIFY(!FrameProtocol::readEnvelope("not json").resync);
}

void TestRealtimeParts::budget_data()
{
    QTest::addColumn<int>("framesPerSecond");
    QTest::addColumn<QList<qint64>>("times"); // when each frame arrives, ms after the start
    QTest::addColumn<QByteArray>("verdicts"); // per frame: P(ass), R(efuse), C(lose)

    const auto at = [](qint64 ms, int count) { return QList<qint64>(count, ms); };
    QTest::newRow("a burst of twice the rate passes")
        << 20 << at(0, 41) << QByteArray(40, 'P') + 'R';
    QTest::newRow("refilled at the rate")
        << 20 << at(0, 41) + at(50, 2) + at(100, 1) << QByteArray(40, 'P') + "RPRP";
    QTest::newRow("never more than the burst")
        << 20 << at(0, 40) + at(60'000, 41) << QByteArray(80, 'P') + 'R';
    QList<qint64> steady;
    for (int i = 0; i < 500; ++i)
        steady.append(qint64{i} * 50);
    QTest::newRow("steady at the rate, for ever") << 20 << steady << QByteArray(500, 'P');
    QTest::newRow("closed after three seconds' worth of refusals")
        << 20 << at(0, 40 + 61) << QByteArray(40, 'P') + QByteArray(60, 'R') + 'C';
    QTest::newRow("refusals are never forgiven")
        << 2 << at(0, 4 + 6) + at(10'000, 4 + 1)
        << QByteArray(4, 'P') + QByteArray(6, 'R') + QByteArray(4, 'P') + 'C';
}

void TestRealtimeParts::budget()
{
    QFETCH(int, framesPerSecond);
    QFETCH(QList<qint64>, times);
    QFETCH(QByteArray, verdicts);

    FrameBudget budget(framesPerSecond, 0);
    QByteArray got;
    for (qint64 ms : std::as_const(times)) {
        switch (budget.spend(ms)) {
        case FrameBudget::Verdict::Pass: got += 'P'; break;
        case FrameBudget::Verdict::Refuse: got += 'R'; break;
        case FrameBudget::Verdict::Close: got += 'C'; break;
        }
    }
    QCOMPARE(got, verdicts);
}

void TestRealtimeParts::plan_data()
{
    QTest::addColumn<QStringList>("requested");
    QTest::addColumn<Principal>("principal");
    QTest::addColumn<QStringList>("current"); // rooms the socket is in already
    QTest::addColumn<int>("maxRooms");
    QTest::addColumn<QStringList>("join");
    QTest::addColumn<QStringList>("joinOnStaffRights");
    QTest::addColumn<QStringList>("subscribed");
    QTest::addColumn<QStringList>("needSecret");
    QTest::addColumn<QStringList>("refusals");

    const QStringList none;
    const QStringList publicRooms{"global", "branch:1", "service:3", "counter:2"};
    QTest::newRow("public rooms, anyone") << publicRooms << anonymous() << none << 64 << publicRooms
                                          << none << publicRooms << none << none;
    QTest::newRow("a token room, anonymous: its secret decides")
        << QStringList{"global", "token:5"} << anonymous() << none << 64 << QStringList{"global"}
        << none << QStringList{"global"} << QStringList{"token:5"} << none;
    QTest::newRow("a token room, kiosk: its secret decides")
        << QStringList{"token:5"} << kiosk() << none << 64 << none << none << none
        << QStringList{"token:5"} << none;
    QTest::newRow("a token room, staff: joined on staff rights")
        << QStringList{"token:5", "service:3"} << staff() << none << 64
        << QStringList{"token:5", "service:3"} << QStringList{"token:5"}
        << QStringList{"token:5", "service:3"} << none << none;
    QTest::newRow("unknown rooms refused one by one, the rest joined")
        << QStringList{"lobby", "global", "service:0", "service:03", "token:x", ""} << anonymous()
        << none << 64 << QStringList{"global"} << none << QStringList{"global"} << none
        << QStringList{"unknown_room lobby", "unknown_room service:0", "unknown_room service:03",
                       "unknown_room token:x", "unknown_room"};
    QTest::newRow("already a member: subscribed again, not joined")
        << QStringList{"global", "token:5"} << anonymous() << QStringList{"global", "token:5"} << 64
        << none << none << QStringList{"global", "token:5"} << none << none;
    QTest::newRow("listed twice: joined once, subscribed twice")
        << QStringList{"global", "global"} << anonymous() << none << 64 << QStringList{"global"}
        << none << QStringList{"global", "global"} << none << none;
    QTest::newRow("a secret asked for twice")
        << QStringList{"token:5", "token:5"} << anonymous() << none << 64 << none << none << none
        << QStringList{"token:5", "token:5"} << none;
    QTest::newRow("more rooms listed than allowed: one refusal, nothing else")
        << QStringList{"global", "lobby", "service:1", "service:2"} << anonymous() << none << 3
        << none << none << none << none << QStringList{"too_many_rooms"};
    QTest::newRow("limit reached: refused at the first room past it, then stop")
        << QStringList{"service:1", "lobby", "service:2", "service:3"} << anonymous()
        << QStringList{"global", "branch:1"} << 4 << QStringList{"service:1"} << none
        << QStringList{"service:1"} << none
        << QStringList{"unknown_room lobby", "too_many_rooms service:2"};
    QTest::newRow("limit: rooms pending a secret count")
        << QStringList{"token:1", "token:2", "service:1"} << anonymous() << QStringList{"global"}
        << 3 << none << none << none << QStringList{"token:1", "token:2"}
        << QStringList{"too_many_rooms service:1"};
    // The hub has always counted a room joined by the same frame twice (once as a member and
    // once in the reply): 64 allowed, one frame of 64 new rooms joins 32.
    QStringList sixtyFour;
    QStringList firstHalf;
    for (int i = 1; i <= 64; ++i) {
        sixtyFour.append(QStringLiteral("service:%1").arg(i));
        if (i <= 32)
            firstHalf.append(sixtyFour.last());
    }
    QTest::newRow("limit: a room joined in the same frame counts twice")
        << sixtyFour << anonymous() << none << 64 << firstHalf << none << firstHalf << none
        << QStringList{"too_many_rooms service:33"};
}

void TestRealtimeParts::plan()
{
    QFETCH(QStringList, requested);
    QFETCH(Principal, principal);
    QFETCH(QStringList, current);
    QFETCH(int, maxRooms);

    const SubscribePlan plan = RoomAccess::plan(
        requested, principal, QSet<QString>(current.begin(), current.end()), maxRooms);
    QTEST(plan.join, "join");
    QTEST(plan.joinOnStaffRights, "joinOnStaffRights");
    QTEST(plan.subscribed, "subscribed");
    QTEST(names(plan.needSecret), "needSecret");
    QTEST(refusals(plan.refusals), "refusals");
}

void TestRealtimeParts::revokedOnReauth()
{
    const QSet<QString> onStaffRights{QStringLiteral("token:5"), QStringLiteral("token:6")};
    QVERIFY(RoomAccess::revokedOnReauth(onStaffRights, staff()).isEmpty());
    Principal admin = staff();
    admin.role = Roles::Admin;
    QVERIFY(RoomAccess::revokedOnReauth(onStaffRights, admin).isEmpty());
    for (const Principal &other : {anonymous(), kiosk()}) {
        QStringList revoked = RoomAccess::revokedOnReauth(onStaffRights, other);
        revoked.sort();
        QCOMPARE(revoked, QStringList({"token:5", "token:6"}));
    }
}

void TestRealtimeParts::membership()
{
    QWebSocket a;
    QWebSocket b;
    RoomMembership rooms;
    QVERIFY(rooms.isEmpty());
    rooms.join(&a, QStringLiteral("global"));
    rooms.join(&a, QStringLiteral("service:3"));
    rooms.join(&a, QStringLiteral("token:5"), RoomMembership::Grant::StaffRights);
    rooms.join(&b, QStringLiteral("global"));
    rooms.join(&b, QStringLiteral("token:5")); // on its secret
    QVERIFY(!rooms.isEmpty());
    QVERIFY(rooms.contains(&a, QStringLiteral("service:3")));
    QVERIFY(!rooms.contains(&b, QStringLiteral("service:3")));
    QCOMPARE(rooms.rooms(&a).size(), 3);
    QCOMPARE(rooms.roomsOnStaffRights(&a), QSet<QString>{QStringLiteral("token:5")});
    QVERIFY(rooms.roomsOnStaffRights(&b).isEmpty());

    // Joining again changes nothing, the grant included.
    rooms.join(&a, QStringLiteral("token:5"));
    QCOMPARE(rooms.roomsOnStaffRights(&a), QSet<QString>{QStringLiteral("token:5")});

    // One event, each socket once, through its most specific room.
    const auto audience = rooms.audience({"global", "service:3", "token:5", "nonsense", "token:6"});
    QCOMPARE(audience.size(), 2);
    QCOMPARE(audience.value(&a).name(), QStringLiteral("token:5"));
    QCOMPARE(audience.value(&b).name(), QStringLiteral("token:5"));
    const auto publicOnly = rooms.audience({"service:3", "global"});
    QCOMPARE(publicOnly.value(&a).name(), QStringLiteral("service:3"));
    QCOMPARE(publicOnly.value(&b).name(), QStringLiteral("global"));

    const QHash<QString, int> byKind{{"global", 2}, {"service", 1}, {"token", 2}};
    QCOMPARE(rooms.countByKind(), byKind);

    QVERIFY(rooms.leave(&a, QStringLiteral("token:5")));
    QVERIFY(!rooms.leave(&a, QStringLiteral("token:5")));
    QVERIFY(rooms.roomsOnStaffRights(&a).isEmpty());
    QCOMPARE(rooms.audience({"token:5"}).keys(), QList<QWebSocket *>{&b});

    rooms.leaveAll(&a);
    rooms.leaveAll(&b);
    QVERIFY(rooms.isEmpty());
    QVERIFY(rooms.countByKind().isEmpty());
}

void TestRealtimeParts::metricsText()
{
    HubMetrics metrics;
    metrics.eventsSent = 10;
    metrics.droppedSlow = 1;
    metrics.droppedDead = 2;
    metrics.badFrames = 3;
    QCOMPARE(
        metrics.text(4, {{"global", 3}, {"token", 1}}, 1234),
        QByteArray("# HELP nextup_ws_connections Open WebSocket connections on this instance.\n"
                   "# TYPE nextup_ws_connections gauge\n"
                   "nextup_ws_connections 4\n"
                   "# HELP nextup_ws_subscriptions Room subscriptions by room kind.\n"
                   "# TYPE nextup_ws_subscriptions gauge\n"
                   "nextup_ws_subscriptions{kind=\"global\"} 3\n"
                   "nextup_ws_subscriptions{kind=\"branch\"} 0\n"
                   "nextup_ws_subscriptions{kind=\"service\"} 0\n"
                   "nextup_ws_subscriptions{kind=\"counter\"} 0\n"
                   "nextup_ws_subscriptions{kind=\"token\"} 1\n"
                   "nextup_ws_subscriptions{kind=\"staff\"} 0\n"
                   "# TYPE nextup_ws_events_sent_total counter\n"
                   "nextup_ws_events_sent_total 10\n"
                   "# TYPE nextup_ws_dropped_slow_consumers_total counter\n"
                   "nextup_ws_dropped_slow_consumers_total 1\n"
                   "# TYPE nextup_ws_dropped_dead_peers_total counter\n"
                   "nextup_ws_dropped_dead_peers_total 2\n"
                   "# TYPE nextup_ws_bad_frames_total counter\n"
                   "nextup_ws_bad_frames_total 3\n"
                   "# TYPE nextup_ws_last_seq gauge\n"
                   "nextup_ws_last_seq 1234\n"));
}

// Memory is given back once a burst of closes is over, and only for a burst big enough.
void TestRealtimeParts::allocatorTrimAfterBurst()
{
    AllocatorTrim trim(3, 10);
    trim.released();
    trim.released();
    QTest::qWait(60);
    QCOMPARE(trim.trims(), quint64(0)); // two are too few
    trim.released();
    QTRY_COMPARE(trim.trims(), quint64(1));
    trim.released();
    QTest::qWait(60);
    QCOMPARE(trim.trims(), quint64(1)); // counting starts again
}

// The prebuilt frame is what QWebSocket writes for the same text (RFC 6455 length encodings).
void TestRealtimeParts::serverTextFrame_data()
{
    QTest::addColumn<int>("size");
    QTest::addColumn<QByteArray>("header");
    QTest::newRow("empty") << 0 << QByteArray("\x81\x00", 2);
    QTest::newRow("125") << 125 << QByteArray("\x81\x7d");
    QTest::newRow("126") << 126 << QByteArray("\x81\x7e\x00\x7e", 4);
    QTest::newRow("65535") << 65535 << QByteArray("\x81\x7e\xff\xff");
    QTest::newRow("65536") << 65536 << QByteArray("\x81\x7f\x00\x00\x00\x00\x00\x01\x00\x00", 10);
}

void TestRealtimeParts::serverTextFrame()
{
    QFETCH(int, size);
    QFETCH(QByteArray, header);
    const QByteArray text(size, 'x');
    const QByteArray frame = ClientFrameReader::textFrame(text);
    QCOMPARE(frame, header + text);
    QCOMPARE(ClientFrameReader::textOf(frame), QByteArrayView(text));
}

QTEST_GUILESS_MAIN(TestRealtimeParts)
#include "tst_realtimeparts.moc"
