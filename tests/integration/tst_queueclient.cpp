// QueueClient against real servers: events keep its state equal to GET /api/queues, and it finds
// its way back after a server restart, a hung server and a Redis restart, with `stale` telling the
// truth meanwhile. Also the suite's set-up and shared helpers.

#include <QJsonArray>
#include <QTest>

#include "nextup/client/apiclient.h"
#include "nextup/client/queueclient.h"
#include "nextup/client/queuejobs.h"
#include "nextup/client/tokenjobs.h"
#include "nextup/client/waitingtokensmodel.h"
#include "queueclienttest.h"
#include "seededserver.h"

using namespace Nextup;
using namespace QueueClientTest;

namespace QueueClientTest {

QueueClient::Timing fastTiming()
{
    QueueClient::Timing timing;
    timing.reconnectInitialMs = 100;
    timing.reconnectMaxMs = 1000;
    return timing;
}

QStringList namesOf(const QSignalSpy &spy)
{
    QStringList names;
    for (const QList<QVariant> &call : spy)
        names.append(call.at(0).toString());
    return names;
}

QString differences(const QueueState &state, const QJsonObject &server)
{
    QStringList out;
    QList<int> serverServices;
    for (const QJsonValue &value : server.value(u"services").toArray()) {
        const QJsonObject service = value.toObject();
        const int id = service.value(u"id").toInt();
        serverServices.append(id);
        QList<qint64> expected, actual;
        for (const QJsonValue &token : service.value(u"tokens").toArray())
            expected.append(token.toObject().value(u"id").toInteger());
        for (const QueueToken &token : state.waiting(id))
            actual.append(token.id);
        if (expected != actual)
            out << QStringLiteral("service %1 tokens: server %2, client %3")
                       .arg(id)
                       .arg(QDebug::toString(expected), QDebug::toString(actual));
        const ServiceQueue *mine = state.service(id);
        if (!mine || mine->waiting != service.value(u"waiting").toInt())
            out << QStringLiteral("service %1 waiting: server %2, client %3")
                       .arg(id)
                       .arg(service.value(u"waiting").toInt())
                       .arg(mine ? mine->waiting : -1);
    }
    if (serverServices.size() != state.services().size())
        out << QStringLiteral("%1 services, client %2")
                   .arg(serverServices.size())
                   .arg(state.services().size());
    const QJsonArray counters = server.value(u"counters").toArray();
    for (const QJsonValue &value : counters) {
        const QJsonObject counter = value.toObject();
        const CounterInfo *mine = state.counter(counter.value(u"id").toInt());
        const QJsonObject current = counter.value(u"current_token").toObject();
        const QString expected = current.isEmpty() ? QStringLiteral("-")
                                                   : QStringLiteral("%1/%2")
                                                         .arg(current.value(u"id").toInteger())
                                                         .arg(current.value(u"status").toString());
        const QString actual = !mine                 ? QStringLiteral("missing")
                               : !mine->currentToken ? QStringLiteral("-")
                                                     : QStringLiteral("%1/%2")
                                                           .arg(mine->currentToken->id)
                                                           .arg(mine->currentToken->status);
        if (expected != actual || (mine && mine->status != counter.value(u"status").toString()))
            out << QStringLiteral("counter %1: server %2 %3, client %4 %5")
                       .arg(counter.value(u"id").toInt())
                       .arg(counter.value(u"status").toString(), expected,
                            mine ? mine->status : QString(), actual);
    }
    if (counters.size() != state.counters().size())
        out << QStringLiteral("%1 counters, client %2")
                   .arg(counters.size())
                   .arg(state.counters().size());
    return out.join(QStringLiteral("; "));
}

} // namespace QueueClientTest

void TestQueueClient::initTestCase()
{
    QVERIFY(m_services.start());
    // Restarted in place: clients reconnect to the same address
    m_server = startSeededServer(m_services, QStringLiteral("t_client"), {}, true);
    QVERIFY(m_server);
    m_http = std::make_unique<HttpClient>(m_server->baseUrl());
    m_admin = m_http->login(QStringLiteral("admin"), QStringLiteral("admin123"));
    QVERIFY(!m_admin.isEmpty());
}

void TestQueueClient::cleanup()
{
    if (m_server)
        m_server->dumpIfFailed();
}

HttpClient &TestQueueClient::secondServer()
{
    if (!m_second) {
        m_second = std::make_unique<ServerProcess>(
            m_services.postgresUrl(QStringLiteral("t_client")), m_services.redisUrl());
        m_second->setEnvironmentValue(QStringLiteral("TOKEN_RATE_PER_MINUTE"),
                                      QStringLiteral("100000"));
        if (!m_second->start())
            qWarning("the second server did not start");
        m_secondHttp = std::make_unique<HttpClient>(m_second->baseUrl());
    }
    return *m_secondHttp;
}

QJsonObject TestQueueClient::serverQueues()
{
    const HttpReply reply = m_http->get(QStringLiteral("/api/queues"));
    if (reply.status != 200)
        qWarning("GET /api/queues: %d %s", reply.status, reply.body.left(300).constData());
    return reply.object();
}

qint64 TestQueueClient::issueToken(int serviceId, int priority)
{
    const HttpReply reply = m_http->post(
        QStringLiteral("/api/tokens"),
        {{QStringLiteral("service_id"), serviceId}, {QStringLiteral("priority"), priority}},
        m_admin);
    if (reply.status != 201)
        qWarning("POST /api/tokens: %d %s", reply.status, reply.body.left(300).constData());
    return reply.object().value(u"token_id").toInteger();
}

std::unique_ptr<QueueClient> TestQueueClient::startedClient(ApiClient *api,
                                                            const QStringList &rooms)
{
    auto client = std::make_unique<QueueClient>(api);
    client->setTiming(fastTiming());
    client->setRooms(rooms);
    QSignalSpy resynced(client.get(), &QueueClient::resynced);
    client->start();
    if (!resynced.wait(kConverge))
        qWarning("QueueClient did not resync after connecting");
    return client;
}

void TestQueueClient::eventsKeepStateEqualToServer()
{
    const auto api = signedIn(QStringLiteral("admin"), QStringLiteral("admin123"));
    QVERIFY(api->isLoggedIn());
    QueueClient client(api.get());
    QSignalSpy stale(&client, &QueueClient::staleChanged);
    QVERIFY(client.isStale()); // nothing known yet
    client.setRooms({QStringLiteral("global")});
    QSignalSpy resynced(&client, &QueueClient::resynced);
    client.start();
    QVERIFY(resynced.wait(kConverge));
    QVERIFY(client.isConnected());
    QVERIFY(!client.isStale());
    QCOMPARE(differences(client.state(), serverQueues()), QString());

    QSignalSpy events(&client, &QueueClient::eventReceived);
    const qint64 plain = issueToken(1);
    const qint64 other = issueToken(2);
    const qint64 urgent = issueToken(1, 7);
    QTRY_COMPARE_WITH_TIMEOUT(namesOf(events).count(QStringLiteral("token_generated")), 3,
                              kConverge);
    QCOMPARE(events.at(0).at(1).toJsonObject().value(u"id").toInteger(), plain);
    QVERIFY(!events.at(0).at(1).toJsonObject().contains(u"customer_info"));
    QCOMPARE(client.waiting(1).first().id, urgent); // priority 7 jumps the line

    const auto opened = await(api->counterAction(1, CounterAction::Open));
    QVERIFY2(opened->status().isOk(), qPrintable(opened->status().toString()));
    const auto called = await(api->counterAction(1, CounterAction::Call));
    QVERIFY2(called->status().isOk(), qPrintable(called->status().toString()));
    QCOMPARE(called->token().id, urgent);
    QTRY_VERIFY_WITH_TIMEOUT(namesOf(events).contains(QStringLiteral("token_called")), kConverge);
    QVERIFY(namesOf(events).contains(QStringLiteral("counter_status")));
    QTRY_VERIFY_WITH_TIMEOUT(client.counter(1)->currentToken.has_value(), kConverge);
    QCOMPARE(client.counter(1)->currentToken->id, urgent);
    QTRY_COMPARE_WITH_TIMEOUT(differences(client.state(), serverQueues()), QString(), kConverge);

    // Every seq exactly once and in order: the client is in "global".
    qint64 previous = 0;
    for (const QList<QVariant> &call : std::as_const(events)) {
        const qint64 seq = call.at(2).toLongLong();
        QVERIFY2(previous == 0 || seq == previous + 1,
                 qPrintable(QStringLiteral("%1 after %2").arg(seq).arg(previous)));
        previous = seq;
    }
    QCOMPARE(client.lastSeq(), previous);

    WaitingTokensModel model;
    model.setServiceIds({1, 2});
    model.setClient(&client);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.data(model.index(0), WaitingTokensModel::TokenIdRole).toLongLong(), plain);
    QCOMPARE(model.data(model.index(1), WaitingTokensModel::TokenIdRole).toLongLong(), other);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    const qint64 next = issueToken(2);
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 3, kConverge);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(model.data(model.index(2), WaitingTokensModel::TokenIdRole).toLongLong(), next);
    QVERIFY(model.data(model.index(2), WaitingTokensModel::TokenNumberRole)
                .toString()
                .startsWith(u'W'));
    QVERIFY(await(api->counterAction(1, CounterAction::Serve))->status().isOk());
    QVERIFY(await(api->counterAction(1, CounterAction::Call))->status().isOk()); // completes urgent
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 2, kConverge);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(model.data(model.index(0), WaitingTokensModel::TokenIdRole).toLongLong(), other);
    QTRY_COMPARE_WITH_TIMEOUT(differences(client.state(), serverQueues()), QString(), kConverge);
    QVERIFY(!client.isStale());
}

void TestQueueClient::reconnectsAfterServerRestart()
{
    HttpClient &other = secondServer();

    const auto api = signedIn(QStringLiteral("admin"), QStringLiteral("admin123"));
    const auto client = startedClient(api.get(), {QStringLiteral("global")});
    QVERIFY(!client->isStale());
    QSignalSpy resynced(client.get(), &QueueClient::resynced);
    const int port = m_server->port();

    m_server->stop();
    QTRY_VERIFY_WITH_TIMEOUT(client->isStale(), 3000);
    QVERIFY(!client->isConnected());
    for (int i = 0; i < 3; ++i)
        QCOMPARE(
            other.post(QStringLiteral("/api/tokens"), {{QStringLiteral("service_id"), 3}}).status,
            201);
    QCOMPARE(other.post(QStringLiteral("/api/counters/2/open"), {}, m_admin).status, 200);
    QCOMPARE(other.post(QStringLiteral("/api/counters/2/call"), {}, m_admin).status, 200);
    QTRY_VERIFY_WITH_TIMEOUT(client->failedAttempts() >= 2, 5000); // it keeps trying
    QVERIFY(client->isStale());

    QVERIFY(m_server->start());
    QCOMPARE(m_server->port(), port);
    QTRY_VERIFY_WITH_TIMEOUT(client->isConnected() && !client->isStale(), kConverge);
    QVERIFY(resynced.count() >= 1);
    QTRY_COMPARE_WITH_TIMEOUT(differences(client->state(), serverQueues()), QString(), kConverge);

    // Events caused on the other instance reach this client through Redis.
    QSignalSpy events(client.get(), &QueueClient::eventReceived);
    QCOMPARE(other.post(QStringLiteral("/api/counters/2/skip"), {}, m_admin).status, 200);
    QTRY_VERIFY_WITH_TIMEOUT(namesOf(events).contains(QStringLiteral("token_skipped")), kConverge);
    QTRY_COMPARE_WITH_TIMEOUT(differences(client->state(), serverQueues()), QString(), kConverge);
}

void TestQueueClient::silenceIsDetected()
{
    HttpClient &other = secondServer();
    const auto api = signedIn(QStringLiteral("admin"), QStringLiteral("admin123"));
    auto client = std::make_unique<QueueClient>(api.get());
    QueueClient::Timing timing = fastTiming();
    timing.heartbeatMs = 400; // ping every 200 ms; 800 ms of silence is death
    timing.handshakeTimeoutMs = 1000;
    client->setTiming(timing);
    client->setRooms({QStringLiteral("global")});
    QSignalSpy resynced(client.get(), &QueueClient::resynced);
    client->start();
    QVERIFY(resynced.wait(kConverge));
    QTest::qWait(1000);
    QVERIFY2(client->isConnected() && !client->isStale(), "pongs keep a live connection fresh");

    QElapsedTimer clock;
    qint64 missed = 0;
    {
        Frozen frozen(m_server->processId()); // TCP stays open; nothing answers
        clock.start();
        QTRY_VERIFY_WITH_TIMEOUT(client->isStale(), 3000);
        // 800 ms after the last frame, which came at most one ping interval (200 ms) before the
        // freeze: never sooner than 600 ms from here (550 for the timer's own slack).
        QVERIFY2(clock.elapsed() >= 550, qPrintable(QString::number(clock.elapsed())));
        QVERIFY(!client->isConnected());
        // Meanwhile the floor goes on through the other instance.
        missed = other.post(QStringLiteral("/api/tokens"), {{QStringLiteral("service_id"), 3}})
                     .object()
                     .value(u"token_id")
                     .toInteger();
        QVERIFY(missed > 0);
        QTRY_VERIFY_WITH_TIMEOUT(client->failedAttempts() >= 2, 5000); // handshakes time out
    }
    QTRY_VERIFY_WITH_TIMEOUT(client->isConnected() && !client->isStale(), kConverge);
    QVERIFY(!client->waiting(3).isEmpty());
    QCOMPARE(client->waiting(3).last().id, missed); // from the resync, not from an event
    const qint64 token = issueToken(1);
    QTRY_VERIFY_WITH_TIMEOUT(!client->waiting(1).isEmpty() && client->waiting(1).last().id == token,
                             kConverge);
    QTRY_COMPARE_WITH_TIMEOUT(differences(client->state(), serverQueues()), QString(), kConverge);
}

void TestQueueClient::convergesAfterRedisRestart()
{
    const auto api = signedIn(QStringLiteral("admin"), QStringLiteral("admin123"));
    const auto client = startedClient(api.get(), {QStringLiteral("global")});
    QVERIFY(!client->isStale());
    const qint64 seqBefore = client->lastSeq();
    QSignalSpy resynced(client.get(), &QueueClient::resynced);

    QVERIFY(m_services.stopRedis());
    // The server may refuse (503) or accept while Redis is away; either way nothing is lost.
    m_http->post(QStringLiteral("/api/tokens"), {{QStringLiteral("service_id"), 1}});
    QVERIFY(m_services.startRedis());
    QTRY_VERIFY_WITH_TIMEOUT(resynced.count() >= 1, kConverge); // the server said "resync"

    QDeadlineTimer deadline(kConverge);
    qint64 token = 0;
    while (!token && !deadline.hasExpired()) {
        token = m_http->post(QStringLiteral("/api/tokens"), {{QStringLiteral("service_id"), 2}})
                    .object()
                    .value(u"token_id")
                    .toInteger();
        if (!token)
            QTest::qWait(200);
    }
    QVERIFY(token > 0);
    QTRY_VERIFY_WITH_TIMEOUT(!client->waiting(2).isEmpty() && client->waiting(2).last().id == token,
                             kConverge);
    QTRY_COMPARE_WITH_TIMEOUT(differences(client->state(), serverQueues()), QString(), kConverge);
    QVERIFY(!client->isStale());
    QVERIFY(client->lastSeq() > seqBefore);

    // Emptied without a restart: the subscriber's connection survives, so no "resync" frame;
    // the jump in seq after the rebuild is what tells the client.
    resynced.clear();
    QVERIFY(m_services.flushRedis());
    const qint64 afterFlush = issueToken(3);
    QVERIFY(afterFlush > 0);
    QTRY_VERIFY_WITH_TIMEOUT(resynced.count() >= 1, kConverge);
    QTRY_COMPARE_WITH_TIMEOUT(differences(client->state(), serverQueues()), QString(), kConverge);
    QCOMPARE(client->waiting(3).last().id, afterFlush);
}

QTEST_GUILESS_MAIN(TestQueueClient)
