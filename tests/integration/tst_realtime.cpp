// Rooms of /ws/queues and who may join them. Every event the flow below causes is
// modelled (Expected::rooms() mirrors EventPublisher), and each subscriber must receive exactly
// the events of its room, in order, through that room, and nothing else.
#include <sys/resource.h>

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTest>

#include "realtimetest.h"

namespace {
// Customer details given at creation; no public frame may ever carry them.
const QString kCustomerName = QStringLiteral("Philomena Quagsworth");
const QString kCustomerPhone = QStringLiteral("+44 7700 900123");

// 1,000 client sockets here and as many in the server, which inherits this limit.
void raiseFileLimit()
{
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return;
    const rlim_t wanted = 8192;
    if (limit.rlim_cur < wanted) {
        limit.rlim_cur = limit.rlim_max == RLIM_INFINITY ? wanted : qMin(wanted, limit.rlim_max);
        setrlimit(RLIMIT_NOFILE, &limit);
    }
}

// "event#id" of every event a client received, except queue_update (timed by the server).
QStringList receivedKeys(const Ws::Client &client)
{
    QStringList keys;
    for (const QJsonObject &frame : client.events()) {
        if (frame.value(u"event").toString() != u"queue_update")
            keys.append(frame.value(u"event").toString() + u'#' +
                        QString::number(frame.value(u"data").toObject().value(u"id").toInteger()));
    }
    return keys;
}
} // namespace

QStringList TestRealtime::Expected::rooms() const
{
    if (event == u"counter_status")
        return {QStringLiteral("global"), QStringLiteral("branch:1"),
                QStringLiteral("counter:%1").arg(id)};
    QStringList rooms{QStringLiteral("global"), QStringLiteral("branch:1"),
                      QStringLiteral("service:%1").arg(serviceId),
                      QStringLiteral("token:%1").arg(id)};
    if (counterId > 0)
        rooms.append(QStringLiteral("counter:%1").arg(counterId));
    if (previousServiceId > 0 && previousServiceId != serviceId)
        rooms.append(QStringLiteral("service:%1").arg(previousServiceId));
    return rooms;
}

void TestRealtime::initTestCase()
{
    raiseFileLimit();
    QVERIFY(m_cluster.start());
}

void TestRealtime::cleanup()
{
    QVERIFY2(m_cluster.hasServer(), "no server: restarting it failed");
    m_cluster.server().dumpIfFailed();
    QVERIFY2(m_cluster.server().isRunning(), "the server died during the test");
}

std::unique_ptr<Ws::Client> TestRealtime::subscriber(const QStringList &rooms, const QUrl &url)
{
    auto client = std::make_unique<Ws::Client>();
    if (!client->open(url.isEmpty() ? wsUrl() : url)) {
        qWarning("no hello from %s", qPrintable((url.isEmpty() ? wsUrl() : url).toString()));
        return nullptr;
    }
    if (!rooms.isEmpty() && !client->subscribe(rooms)) {
        qWarning("subscribing to %s failed", qPrintable(rooms.join(u',')));
        return nullptr;
    }
    return client;
}

TestRealtime::Issued TestRealtime::issue(int serviceId, const QJsonObject &extra)
{
    const HttpReply reply = Flow::issue(http(), serviceId, extra, staff().kiosk);
    if (reply.status != 201) {
        qWarning("issue(%d): %s", serviceId, qPrintable(Flow::describe(reply)));
        return {};
    }
    return {reply.object().value(u"token_id").toInteger(),
            reply.object().value(u"secret").toString()};
}

bool TestRealtime::act(int counterId, const QString &action, const QString &bearer,
                       const QJsonObject &body)
{
    const HttpReply reply = Flow::act(http(), counterId, action, bearer, body);
    if (reply.status != 200)
        qWarning("%s at counter %d: %s", qPrintable(action), counterId,
                 qPrintable(Flow::describe(reply)));
    return reply.status == 200;
}

int TestRealtime::issueBurst(int count, int serviceId, int inFlight)
{
    QNetworkAccessManager network;
    const QByteArray body = "{\"service_id\":" + QByteArray::number(serviceId) + '}';
    const QByteArray bearer = "Bearer " + staff().kiosk.toUtf8();
    int started = 0, finished = 0, created = 0;
    std::function<void()> startOne = [&] {
        QNetworkRequest request(http().url(QStringLiteral("/api/tokens")));
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
        request.setRawHeader("Authorization", bearer);
        QNetworkReply *reply = network.post(request, body);
        ++started;
        QObject::connect(reply, &QNetworkReply::finished, &network, [&, reply] {
            ++finished;
            created += reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 201;
            reply->deleteLater();
            if (started < count)
                startOne();
        });
    };
    for (int i = 0; i < qMin(inFlight, count); ++i)
        startOne();
    if (!QTest::qWaitFor([&] { return finished == count; }, 120'000))
        qWarning("issueBurst: %d of %d answers after 120 s", finished, count);
    return created;
}

double TestRealtime::metric(const QByteArray &name)
{
    return Ws::metricValue(http().get(QStringLiteral("/metrics")).body, name);
}

void TestRealtime::roomsDeliverExactly()
{
    QVERIFY(fresh());
    const QJsonObject customer{
        {QStringLiteral("customer_info"), QJsonObject{{QStringLiteral("name"), kCustomerName},
                                                      {QStringLiteral("phone"), kCustomerPhone}}}};
    const Issued t1 = issue(1, customer);
    const Issued t2 = issue(2, customer);
    QVERIFY(t1.id > 0 && t2.id > 0);

    const QStringList roomNames{QStringLiteral("global"),    QStringLiteral("branch:1"),
                                QStringLiteral("service:1"), QStringLiteral("service:2"),
                                QStringLiteral("counter:1"), QStringLiteral("token:%1").arg(t1.id)};
    std::map<QString, std::unique_ptr<Ws::Client>> clients;
    for (const QString &room : roomNames) {
        auto client = subscriber({});
        QVERIFY(client);
        // Every room but a token's is public: the counter room too (the display above a desk).
        QVERIFY2(client->subscribe({room}, room.startsWith(u"token:") ? t1.secret : QString()),
                 qPrintable(room));
        clients[room] = std::move(client);
    }
    // Someone else's token with a wrong secret: refused, and nothing of it ever arrives.
    auto intruder = subscriber({});
    QVERIFY(intruder);
    const QString t2Room = QStringLiteral("token:%1").arg(t2.id);
    intruder->send({{QStringLiteral("type"), QStringLiteral("subscribe")},
                    {QStringLiteral("rooms"), QJsonArray{t2Room}},
                    {QStringLiteral("secret"), t1.secret}});
    QVERIFY(intruder->waitError(QStringLiteral("forbidden"), t2Room));

    QList<Expected> flow;
    driveFlow(t1, t2, customer, flow);
    if (QTest::currentTestFailed())
        return;

    // Everything is in once the global room has it all; stragglers would come soon after.
    Ws::Client &global = *clients.at(QStringLiteral("global"));
    QVERIFY(QTest::qWaitFor([&] { return receivedKeys(global).size() >= flow.size(); }, 10'000));
    QTest::qWait(1000);
    for (const auto &[room, client] : clients) {
        checkRoom(room, *client, flow);
        if (QTest::currentTestFailed())
            return;
    }
    QVERIFY(intruder->events().isEmpty());
    // Waiting counts changed for both services: their rooms heard of it.
    for (const QString &room : {QStringLiteral("service:1"), QStringLiteral("service:2")}) {
        const QList<QJsonObject> events = clients.at(room)->events();
        QVERIFY2(std::any_of(events.begin(), events.end(),
                             [](const QJsonObject &f) {
                                 return f.value(u"event").toString() == u"queue_update";
                             }),
                 qPrintable(room));
    }
}

// The REST flow of roomsDeliverExactly (t1 waits in service 1, t2 in service 2) and the events
// it must cause, in order.
void TestRealtime::driveFlow(const Issued &t1, const Issued &t2, const QJsonObject &customer,
                             QList<Expected> &flow)
{
    const Issued t3 = issue(1, customer);
    const Issued t4 = issue(2, customer);
    QVERIFY(t3.id > 0 && t4.id > 0);
    flow << Expected{"token_generated", t3.id, 1} << Expected{"token_generated", t4.id, 2};
    QVERIFY(act(1, QStringLiteral("open"), staff().operator1));
    QVERIFY(act(3, QStringLiteral("open"), staff().operator2));
    flow << Expected{"counter_status", 1} << Expected{"counter_status", 3};
    QVERIFY(act(1, QStringLiteral("call"), staff().operator1)); // t1: first to arrive
    QVERIFY(act(1, QStringLiteral("serve"), staff().operator1));
    QVERIFY(act(1, QStringLiteral("complete"), staff().operator1));
    flow << Expected{"token_called", t1.id, 1, 1} << Expected{"token_served", t1.id, 1, 1}
         << Expected{"token_completed", t1.id, 1, 1};
    QVERIFY(act(3, QStringLiteral("call"), staff().operator2)); // t2
    QVERIFY(act(3, QStringLiteral("skip"), staff().operator2));
    flow << Expected{"token_called", t2.id, 2, 3} << Expected{"token_skipped", t2.id, 2, 3};
    QVERIFY(act(1, QStringLiteral("call"), staff().operator1)); // t3
    const QJsonObject toService2{{QStringLiteral("service_id"), 2}};
    QVERIFY(act(1, QStringLiteral("transfer"), staff().operator1, toService2));
    flow << Expected{"token_called", t3.id, 1, 1} << Expected{"token_transferred", t3.id, 2, 1, 1};
    const HttpReply cancelled = http().post(QStringLiteral("/api/tokens/%1/cancel").arg(t4.id),
                                            {{QStringLiteral("secret"), t4.secret}});
    FLOW_EXPECT(cancelled, 200);
    flow << Expected{"token_cancelled", t4.id, 2};
    QVERIFY(act(1, QStringLiteral("pause"), staff().operator1,
                {{QStringLiteral("reason"), QStringLiteral("break")}}));
    QVERIFY(act(3, QStringLiteral("call"), staff().operator2)); // t3 again, now at counter 3
    flow << Expected{"counter_status", 1} << Expected{"token_called", t3.id, 2, 3};
}

// Exactly the events of `room`, in order, each through that room; no customer data anywhere.
void TestRealtime::checkRoom(const QString &room, const Ws::Client &client,
                             const QList<Expected> &flow)
{
    QStringList expected;
    for (const Expected &e : flow) {
        if (e.rooms().contains(room))
            expected.append(e.key());
    }
    QCOMPARE(receivedKeys(client), expected);
    for (const QJsonObject &frame : client.events()) {
        QCOMPARE(frame.value(u"room").toString(), room);
        QVERIFY(!frame.value(u"data").toObject().contains(u"customer_info"));
        if (frame.value(u"event").toString() == u"queue_update") {
            const int service = frame.value(u"data").toObject().value(u"service_id").toInt();
            QVERIFY2(
                room == u"global" || room == u"branch:1" ||
                    room == QStringLiteral("service:%1").arg(service),
                qPrintable(
                    QStringLiteral("%1 got a queue_update of service %2").arg(room).arg(service)));
        }
    }
    for (const QString &raw : client.rawFrames())
        QVERIFY2(!raw.contains(kCustomerName) && !raw.contains(kCustomerPhone), qPrintable(raw));
}

void TestRealtime::roomRefused_data()
{
    QTest::addColumn<QString>("bearer"); // who the client authenticated as first ("" = nobody)
    QTest::addColumn<QString>("room");
    QTest::addColumn<QString>("secret");
    QTest::addColumn<QString>("code");
    // clang-format off
    QTest::newRow("token, kiosk, no secret") << "kiosk" << "token:<own>" << "" << "forbidden";
    QTest::newRow("token, no secret") << "" << "token:<own>" << "" << "forbidden";
    QTest::newRow("token, wrong secret") << "" << "token:<own>" << "wrong" << "forbidden";
    QTest::newRow("token, no such token") << "" << "token:999999" << "x" << "not_found";
    QTest::newRow("unknown kind") << "" << "lobby:1" << "" << "unknown_room";
    QTest::newRow("id zero") << "" << "service:0" << "" << "unknown_room";
    QTest::newRow("not a number") << "" << "service:one" << "" << "unknown_room";
    QTest::newRow("empty") << "" << "" << "" << "unknown_room";
    // clang-format on
}

void TestRealtime::roomRefused()
{
    QFETCH(QString, bearer);
    QFETCH(QString, room);
    QFETCH(QString, secret);
    QFETCH(QString, code);
    const Issued own = issue(1);
    QVERIFY(own.id > 0);
    room.replace(QStringLiteral("<own>"), QString::number(own.id));
    auto client = subscriber({QStringLiteral("global")});
    QVERIFY(client);
    if (!bearer.isEmpty())
        QVERIFY(client->authenticate(staff().byName(bearer)));
    QJsonObject frame{{QStringLiteral("type"), QStringLiteral("subscribe")},
                      {QStringLiteral("rooms"), QJsonArray{room}}};
    if (!secret.isEmpty())
        frame.insert(QStringLiteral("secret"), secret);
    client->send(frame);
    QVERIFY(client->waitError(code));
    // The refusal left the connection and its other room working.
    const Issued next = issue(1);
    QVERIFY(client->waitFor([&](const QJsonObject &f) {
        return f.value(u"event").toString() == u"token_generated" &&
               f.value(u"data").toObject().value(u"id").toInteger() == next.id;
    }));
    for (const QJsonObject &f : client->frames()) {
        if (f.value(u"type").toString() == u"subscribed")
            QVERIFY2(!f.value(u"rooms").toArray().contains(room), "a refused room was joined");
    }
}

// Staff may join any token room without its secret, but only while the socket is staff: signing
// the socket in again as someone else (here the kiosk) leaves those rooms.
void TestRealtime::staffTokenRoomLeftOnReauth()
{
    const Issued own = issue(1);
    QVERIFY(own.id > 0);
    const QString tokenRoom = QStringLiteral("token:%1").arg(own.id);
    auto client = subscriber({QStringLiteral("service:1")});
    QVERIFY(client);
    QVERIFY(client->authenticate(staff().operator1));
    QVERIFY(client->subscribe({tokenRoom}));
    QVERIFY(client->authenticate(staff().kiosk));

    const HttpReply cancelled =
        http().post(QStringLiteral("/api/tokens/%1/cancel").arg(own.id), {}, staff().admin);
    QCOMPARE(cancelled.status, 200);
    // Each event reaches a client through its most specific room: still a member of the token
    // room, the client would get it there.
    const auto event = client->waitFor([&](const QJsonObject &f) {
        return f.value(u"event").toString() == u"token_cancelled" &&
               f.value(u"data").toObject().value(u"id").toInteger() == own.id;
    });
    QVERIFY(event);
    QCOMPARE(event->value(u"room").toString(), QStringLiteral("service:1"));
}

QTEST_GUILESS_MAIN(TestRealtime)
