// The live queue against a real redis-server: call order, atomic call next under contention,
// rebuild after Redis lost its data, behaviour while Redis is down, rate limits.

#include <algorithm>
#include <array>
#include <atomic>
#include <memory>
#include <thread>

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QTcpServer>
#include <QTest>
#include <QThread>

#include "queue/queueengine.h"
#include "queue/ratelimiter.h"
#include "queue/redisconnection.h"
#include "queue/redisscript.h"
#include "testservices.h"

using namespace Nextup;

Q_DECLARE_METATYPE(QueueEntry)

namespace {

constexpr qint64 t0 = 1'767'254'400'000; // 2026-01-01T08:00:00Z
constexpr qint64 minute = 60'000;
const QDate day1(2026, 3, 2);

QueueEntry entry(qint64 id, int service, int priority, qint64 arrivalMs, int counter = 0)
{
    return {id, service, priority, arrivalMs, counter};
}

// Independent of the Lua script: the order a counter must call tokens in.
QList<qint64> expectedOrder(QList<QueueEntry> entries)
{
    std::sort(entries.begin(), entries.end(), [](const QueueEntry &a, const QueueEntry &b) {
        return std::pair(a.score(), a.tokenId) < std::pair(b.score(), b.tokenId);
    });
    QList<qint64> ids;
    for (const QueueEntry &e : entries)
        ids.append(e.tokenId);
    return ids;
}

} // namespace

class TestQueueEngine : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanupTestCase();

    void endpointParsing_data();
    void endpointParsing();
    void callOrder_data();
    void callOrder();
    void callNextOnEmptyQueues();
    void putBackUndoesACall();
    void enqueueAndRankABatch();
    void removePositionAndCounts();
    void currentToken();
    void numbersPerServicePerDay();
    void eventSeqIncreases();
    void scriptsReloadAfterScriptFlush();
    void deferredRepliesArriveInOrder();
    void deferredRepliesWhenRedisIsGone();
    void flushAllThenRebuild();
    void rebuildReplacesQueuesAndNeverLowersSequences();
    void rebuildYieldsToAnotherRebuilder();
    void staleMarkerFromRestartIsDropped();
    void concurrentEnsureReadyLoadsOnce();
    void redisDownFailsFastAndRecovers();
    void silentRedisTimesOut();
    void authAndDatabaseSelection();
    void raceManyCountersCallEachTokenOnce();
    void rateLimiterRefusesAfterLimit();

private:
    RedisEndpoint endpoint() const { return *RedisEndpoint::parse(m_services.redisUrl()); }
    void drain(int counterId, const QList<int> &services, QList<qint64> *called);

    TestServices m_services;
    std::unique_ptr<RedisConnection> m_conn;
    std::unique_ptr<QueueEngine> m_engine;
    int m_case = 0;
};

void TestQueueEngine::initTestCase()
{
    QVERIFY(m_services.start());
    QVERIFY(RedisEndpoint::parse(m_services.redisUrl()).has_value());
    m_conn = std::make_unique<RedisConnection>(endpoint());
}

// Every case (and data row) gets its own key prefix and starts from a ready, empty queue.
void TestQueueEngine::init()
{
    m_engine = std::make_unique<QueueEngine>("tq" + QByteArray::number(++m_case) + ':');
    const Outcome ready = m_engine->ensureReady(*m_conn, [] { return StoredQueue{}; });
    QVERIFY2(ready.ok(), qPrintable(ready.ok() ? QString() : ready.error().message));
}

void TestQueueEngine::cleanupTestCase()
{
    m_conn.reset();
}

void TestQueueEngine::drain(int counterId, const QList<int> &services, QList<qint64> *called)
{
    for (int guard = 0; guard < 10'000; ++guard) {
        const auto next = m_engine->callNext(*m_conn, counterId, services);
        QVERIFY(next.ok());
        if (!next.value())
            return;
        called->append(next.value()->tokenId);
    }
    QFAIL("callNext never ran dry");
}

void TestQueueEngine::endpointParsing_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<int>("db");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("password");

    QTest::newRow("full") << "redis://127.0.0.1:6380/4" << true << "127.0.0.1" << 6380 << 4 << ""
                          << "";
    QTest::newRow("defaults") << "redis://cache.local" << true << "cache.local" << 6379 << 0 << ""
                              << "";
    QTest::newRow("password") << "redis://:p%40ss@10.0.0.5:7000/3" << true << "10.0.0.5" << 7000
                              << 3 << ""
                              << "p@ss";
    QTest::newRow("acl user") << "redis://app:pw@h:1/15" << true << "h" << 1 << 15 << "app"
                              << "pw";
    QTest::newRow("ipv6") << "redis://[::1]:6379/1" << true << "::1" << 6379 << 1 << ""
                          << "";
    for (const char *bad :
         {"http://h:1/0", "redis://h:1/x", "redis://h:1/-1", "redis://h:99999/0", "redis:///0",
          "redis://user@h:1/0", "", "redis://h:1/0?x=1", "rediss://h:1/0", "redis://h:1/1/2"})
        QTest::newRow(bad) << bad << false << "" << 0 << 0 << ""
                           << "";
}

void TestQueueEngine::endpointParsing()
{
    QFETCH(QString, url);
    QFETCH(bool, valid);
    const auto e = RedisEndpoint::parse(url);
    QCOMPARE(e.has_value(), valid);
    if (!valid)
        return;
    QTEST(e->host, "host");
    QTEST(e->port, "port");
    QTEST(e->db, "db");
    QTEST(e->username, "user");
    QTEST(e->password, "password");
    if (!e->password.isEmpty())
        QVERIFY(!e->toDisplayString().contains(e->password));
}

void TestQueueEngine::callOrder_data()
{
    QTest::addColumn<QList<QueueEntry>>("entries");
    QTest::addColumn<int>("counterId");
    QTest::addColumn<QList<int>>("services");
    QTest::addColumn<QList<qint64>>("expected");
    QTest::addColumn<int>("leftInServiceQueues");

    QTest::newRow("priority, then arrival, across services")
        << QList{entry(1, 1, 0, t0 + 1000), entry(2, 2, 0, t0 + 500), entry(3, 3, 2, t0 + 3000),
                 entry(4, 1, 1, t0 + 9000), entry(5, 2, 2, t0 + 2000)}
        << 1 << QList{1, 2, 3} << QList<qint64>{5, 3, 4, 2, 1} << 0;
    // Token 12 was transferred to counter 7 (its service is not one counter 7 serves); token 13
    // to counter 8, so counter 7 must not see it.
    QTest::newRow("counter transfer queue competes by score")
        << QList{entry(10, 1, 0, t0 + 100), entry(11, 1, 0, t0 + 300), entry(12, 2, 0, t0 + 200, 7),
                 entry(13, 1, 0, t0 + 50, 8)}
        << 7 << QList{1} << QList<qint64>{10, 12, 11} << 0;
    // 99 before 100 needs the zero-padded members: as plain strings "100" < "99".
    QTest::newRow("equal scores go by token id")
        << QList{entry(100, 1, 0, t0), entry(99, 1, 0, t0), entry(30, 2, 0, t0), entry(7, 2, 0, t0)}
        << 1 << QList{1, 2} << QList<qint64>{7, 30, 99, 100} << 0;
    // Token 41 booked the 10:00 slot long ago (lowest id); walk-ins at 9:55 and 10:05.
    QTest::newRow("booked slot between walk-ins")
        << QList{entry(45, 1, 0, t0 + 115 * minute), entry(46, 1, 0, t0 + 125 * minute),
                 entry(41, 1, 0, t0 + 120 * minute)}
        << 1 << QList{1} << QList<qint64>{45, 41, 46} << 0;
    QTest::newRow("services the counter does not serve are left alone")
        << QList{entry(60, 1, 9, t0), entry(61, 2, 0, t0 + 5), entry(62, 3, 0, t0 + 1)} << 2
        << QList{2, 2} << QList<qint64>{61} << 2;
}

void TestQueueEngine::callOrder()
{
    QFETCH(QList<QueueEntry>, entries);
    QFETCH(int, counterId);
    QFETCH(QList<int>, services);
    QFETCH(QList<qint64>, expected);
    QFETCH(int, leftInServiceQueues);

    for (const QueueEntry &e : entries)
        QVERIFY(m_engine->enqueue(*m_conn, e).ok());
    QList<qint64> called;
    drain(counterId, services, &called);
    QCOMPARE(called, expected);
    const auto current = m_engine->current(*m_conn, counterId);
    QVERIFY(current.ok());
    QCOMPARE(current.value(), std::optional<qint64>(expected.last()));

    const auto counts = m_engine->waitingCounts(*m_conn, {1, 2, 3});
    QVERIFY(counts.ok());
    int left = 0;
    for (const int n : counts.value())
        left += n;
    QCOMPARE(left, leftInServiceQueues);
}

void TestQueueEngine::callNextOnEmptyQueues()
{
    QVERIFY(m_engine->setCurrent(*m_conn, 3, 42).ok());
    const auto next = m_engine->callNext(*m_conn, 3, {1, 2});
    QVERIFY(next.ok());
    QVERIFY(!next.value().has_value());
    // An empty call leaves the counter's current token alone.
    QCOMPARE(m_engine->current(*m_conn, 3).value(), std::optional<qint64>(42));
}

void TestQueueEngine::putBackUndoesACall()
{
    for (const QueueEntry &e : {entry(1, 1, 0, t0), entry(2, 1, 0, t0 + 1), entry(3, 1, 5, t0 + 2)})
        QVERIFY(m_engine->enqueue(*m_conn, e).ok());
    QVERIFY(m_engine->setCurrent(*m_conn, 5, 99).ok());
    auto taken = m_engine->callNext(*m_conn, 5, {1}).value();
    QVERIFY(taken);
    QCOMPARE(taken->tokenId, 3); // priority first
    QCOMPARE(m_engine->current(*m_conn, 5).value(), std::optional<qint64>(3));
    // Back in its place, and the counter's token is the one it had.
    QVERIFY(m_engine->putBack(*m_conn, 5, *taken).ok());
    QCOMPARE(m_engine->waitingTokens(*m_conn, 1).value(), (QList<qint64>{3, 1, 2}));
    QCOMPARE(m_engine->current(*m_conn, 5).value(), std::optional<qint64>(99));
    // A later call set another current token meanwhile: that one stays.
    taken = m_engine->callNext(*m_conn, 5, {1}).value();
    QVERIFY(m_engine->setCurrent(*m_conn, 5, 77).ok());
    QVERIFY(m_engine->putBack(*m_conn, 5, *taken).ok());
    QCOMPARE(m_engine->current(*m_conn, 5).value(), std::optional<qint64>(77));
    // No token before: none after.
    m_engine->releaseCurrent(*m_conn, 5, 77);
    taken = m_engine->callNext(*m_conn, 5, {1}).value();
    QVERIFY(m_engine->putBack(*m_conn, 5, *taken).ok());
    QCOMPARE(m_engine->current(*m_conn, 5).value(), std::nullopt);
    QCOMPARE(m_engine->waitingTokens(*m_conn, 1).value(), (QList<qint64>{3, 1, 2}));
}

void TestQueueEngine::enqueueAndRankABatch()
{
    QVERIFY(m_engine->enqueue(*m_conn, entry(1, 1, 0, t0)).ok());
    // One run for the batch: each rank counts the whole batch already in line.
    const auto ranks =
        m_engine->enqueueAndRank(*m_conn, {entry(10, 1, 0, t0 + 5), entry(11, 1, 0, t0 + 1),
                                           entry(12, 2, 0, t0), entry(13, 1, 5, t0 + 9)});
    QVERIFY(ranks.ok());
    QCOMPARE(*ranks, (QList<int>{3, 2, 0, 0}));
    QCOMPARE(m_engine->waitingTokens(*m_conn, 1).value(), (QList<qint64>{13, 1, 11, 10}));
    QVERIFY(m_engine->enqueueAndRank(*m_conn, {}).value().isEmpty());
    QCOMPARE(m_engine->enqueueAndRank(*m_conn, {entry(0, 1, 0, t0)}).error().status, 400);
}

void TestQueueEngine::removePositionAndCounts()
{
    for (qint64 id = 1; id <= 5; ++id)
        QVERIFY(m_engine->enqueue(*m_conn, entry(id, 1, 0, t0 + id * minute)).ok());
    QVERIFY(m_engine->enqueue(*m_conn, entry(6, 2, 0, t0)).ok());
    QVERIFY(m_engine->enqueue(*m_conn, entry(7, 2, 1, t0 + 9 * minute)).ok());
    const QueueEntry transferred = entry(8, 1, 0, t0, 3);
    QVERIFY(m_engine->enqueue(*m_conn, transferred).ok());

    QCOMPARE(m_engine->position(*m_conn, entry(3, 1, 0, 0)).value(), 2);
    QCOMPARE(m_engine->position(*m_conn, entry(6, 2, 0, 0)).value(), 1);
    QCOMPARE(m_engine->position(*m_conn, transferred).value(), 0);
    QCOMPARE(m_engine->remove(*m_conn, entry(3, 1, 0, 0)).value(), true);
    QCOMPARE(m_engine->remove(*m_conn, entry(3, 1, 0, 0)).value(), false);
    QCOMPARE(m_engine->position(*m_conn, entry(3, 1, 0, 0)).value(), -1);
    QCOMPARE(m_engine->position(*m_conn, entry(4, 1, 0, 0)).value(), 2);

    QVERIFY(m_engine->enqueue(*m_conn, entry(4, 1, 0, t0 + 4 * minute)).ok()); // idempotent
    QVERIFY(m_engine->enqueue(*m_conn, entry(5, 1, 3, t0 + 5 * minute)).ok()); // raised priority
    const QHash<int, int> counts{{1, 4}, {2, 2}, {99, 0}};
    QCOMPARE(m_engine->waitingCounts(*m_conn, {1, 2, 99}).value(), counts);
    QCOMPARE(m_engine->waitingTokens(*m_conn, 1).value(), (QList<qint64>{5, 1, 2, 4}));
    QCOMPARE(m_engine->waitingTokens(*m_conn, 2).value(), (QList<qint64>{7, 6}));

    const Outcome bad = m_engine->enqueue(*m_conn, entry(9, 1, 10, t0));
    QVERIFY(!bad.ok());
    QCOMPARE(bad.error().status, 400);
}

void TestQueueEngine::currentToken()
{
    QCOMPARE(m_engine->current(*m_conn, 4).value(), std::nullopt);
    QVERIFY(m_engine->setCurrent(*m_conn, 4, 77).ok());
    QCOMPARE(m_engine->current(*m_conn, 4).value(), std::optional<qint64>(77));
    // Released only by the token it names: a later call may have set the next one already.
    m_engine->releaseCurrent(*m_conn, 4, 76);
    QCOMPARE(m_engine->current(*m_conn, 4).value(), std::optional<qint64>(77));
    m_engine->releaseCurrent(*m_conn, 4, 77);
    QCOMPARE(m_engine->current(*m_conn, 4).value(), std::nullopt);
}

void TestQueueEngine::numbersPerServicePerDay()
{
    const QDate day2 = day1.addDays(1);
    for (qint64 n = 1; n <= 3; ++n)
        QCOMPARE(m_engine->nextNumber(*m_conn, 1, day1).value(), n);
    QCOMPARE(m_engine->nextNumber(*m_conn, 2, day1).value(), 1);
    QCOMPARE(m_engine->nextNumber(*m_conn, 1, day2).value(), 1);
    QCOMPARE(m_engine->nextNumber(*m_conn, 1, day1).value(), 4);

    const RedisReply ttl = m_conn->run({"TTL", m_engine->keys().number(1, day1)});
    QCOMPARE(ttl.type, RedisReply::Type::Integer);
    QVERIFY(ttl.integer > 0 && ttl.integer <= 3 * 24 * 3600);
    QCOMPARE(m_engine->nextNumber(*m_conn, 1, QDate()).error().status, 400);
}

void TestQueueEngine::eventSeqIncreases()
{
    const qint64 first = m_engine->nextEventSeq(*m_conn).value();
    QCOMPARE(m_engine->nextEventSeq(*m_conn).value(), first + 1);
}

void TestQueueEngine::scriptsReloadAfterScriptFlush()
{
    QVERIFY(m_engine->enqueue(*m_conn, entry(1, 1, 0, t0)).ok());
    QCOMPARE(m_conn->run({"SCRIPT", "FLUSH"}).string, QByteArray("OK"));
    QVERIFY(m_engine->enqueue(*m_conn, entry(2, 1, 0, t0 + 1)).ok());
    QCOMPARE(m_conn->run({"SCRIPT", "FLUSH"}).string, QByteArray("OK"));
    QCOMPARE(m_engine->callNext(*m_conn, 1, {1}).value()->tokenId, 1);
}

void TestQueueEngine::deferredRepliesArriveInOrder()
{
    QList<QList<RedisReply>> received;
    const auto collect = [&](const QList<RedisReply> &replies) { received.append(replies); };
    m_conn->sendDeferred({{"SET", "tq:d", "1"}, {"INCR", "tq:d"}}, collect);
    QVERIFY(received.isEmpty()); // nobody waited
    m_conn->sendDeferred({{"INCR", "tq:d"}, {"HGET", "tq:d", "x"}}, collect);
    QVERIFY(received.isEmpty()); // queued behind the first, still unwaited
    // Sent in order, before anything that follows: the next command sees their effect, and
    // their replies are read (and handed over) first.
    QCOMPARE(m_conn->run({"GET", "tq:d"}).string, QByteArray("3"));
    QCOMPARE(received.size(), 2);
    QCOMPARE(received.at(0).size(), 2);
    QCOMPARE(received.at(0).at(0).string, QByteArray("OK"));
    QCOMPARE(received.at(0).at(1).integer, 2);
    QCOMPARE(received.at(1).at(0).integer, 3);
    QCOMPARE(received.at(1).at(1).errorCode(), QByteArray("WRONGTYPE"));

    // A script Redis forgot is loaded and run again before its replies are handed over.
    const RedisScript deleteIfEqual(QStringLiteral("deleteifequal"));
    QCOMPARE(m_conn->run({"SCRIPT", "FLUSH"}).string, QByteArray("OK"));
    QList<RedisReply> scripted;
    const auto keep = [&](const RedisReply &reply) { scripted.append(reply); };
    deleteIfEqual.send(*m_conn, {"tq:d"}, {"2"}, keep);
    deleteIfEqual.send(*m_conn, {"tq:d"}, {"3"}, keep); // also sent before the reload
    m_conn->readDeferred();
    QCOMPARE(scripted.size(), 2);
    QCOMPARE(scripted.at(0).integer, 0);
    QCOMPARE(scripted.at(1).integer, 1);
    QCOMPARE(m_conn->run({"EXISTS", "tq:d"}).integer, 0);
}

void TestQueueEngine::deferredRepliesWhenRedisIsGone()
{
    int calls = 0;
    QList<RedisReply> received;
    const auto collect = [&](const QList<RedisReply> &replies) {
        ++calls;
        received = replies;
    };
    m_conn->sendDeferred({{"SET", "tq:g", "1"}}, collect);
    QVERIFY(m_services.stopRedis());
    auto restart = qScopeGuard([this] { m_services.startRedis(); });
    // Sent just before Redis stopped: answered or failed, but handed over exactly once.
    m_conn->readDeferred();
    QCOMPARE(calls, 1);
    QCOMPARE(received.size(), 1);
    // Sent while Redis is down: one IoError per command, at once, and nothing left waiting.
    m_conn->sendDeferred({{"GET", "tq:g"}, {"GET", "tq:g"}}, collect);
    m_conn->readDeferred();
    QCOMPARE(calls, 2);
    QCOMPARE(received.size(), 2);
    QVERIFY(received.at(0).isIoError());
    QVERIFY(received.at(1).isIoError());
    QVERIFY(m_services.startRedis());
    restart.dismiss();
    QTRY_VERIFY_WITH_TIMEOUT(m_engine->ping(*m_conn).ok(), 5000);
}

namespace {

bool isNotReady(const ApiError &e)
{
    return e.status == 503 && e.code == QLatin1String("queue_not_ready");
}

template <typename R> QString codeOf(const R &result)
{
    return result.ok() ? QStringLiteral("ok") : result.error().code;
}

} // namespace

void TestQueueEngine::flushAllThenRebuild()
{
    const QList<QueueEntry> waiting{entry(1, 1, 0, t0 + 3000), entry(2, 2, 1, t0 + 9000),
                                    entry(3, 1, 0, t0 + 1000), entry(4, 2, 0, t0 + 1000),
                                    entry(5, 1, 0, t0 + 500, 1)};
    for (const QueueEntry &e : waiting)
        QVERIFY(m_engine->enqueue(*m_conn, e).ok());
    QVERIFY(m_engine->setCurrent(*m_conn, 1, 500).ok());
    for (int i = 0; i < 3; ++i)
        QVERIFY(m_engine->nextNumber(*m_conn, 1, day1).ok());
    const qint64 seq = m_engine->nextEventSeq(*m_conn).value();
    const QList<qint64> before1 = m_engine->waitingTokens(*m_conn, 1).value();
    const QList<qint64> before2 = m_engine->waitingTokens(*m_conn, 2).value();

    QCOMPARE(m_conn->run({"FLUSHALL"}).string, QByteArray("OK"));
    QCOMPARE(codeOf(m_engine->enqueue(*m_conn, entry(9, 1, 0, t0))), "queue_not_ready");
    QVERIFY(isNotReady(m_engine->callNext(*m_conn, 1, {1, 2}).error()));
    QVERIFY(isNotReady(m_engine->remove(*m_conn, waiting.first()).error()));
    QVERIFY(isNotReady(m_engine->position(*m_conn, waiting.first()).error()));
    QVERIFY(isNotReady(m_engine->waitingCounts(*m_conn, {1}).error()));
    QVERIFY(isNotReady(m_engine->waitingTokens(*m_conn, 1).error()));
    QVERIFY(isNotReady(m_engine->current(*m_conn, 1).error()));
    QVERIFY(isNotReady(m_engine->setCurrent(*m_conn, 1, 2).error()));
    QVERIFY(isNotReady(m_engine->nextNumber(*m_conn, 1, day1).error()));
    QVERIFY(isNotReady(m_engine->nextEventSeq(*m_conn).error()));
    QCOMPARE(m_engine->ping(*m_conn).value(), false);

    // What Postgres would answer: the same waiting tokens, current tokens and last numbers.
    StoredQueue snapshot;
    snapshot.waiting = waiting;
    snapshot.currentByCounter.insert(1, 500);
    snapshot.numbers.append({1, day1, 3});
    snapshot.eventSeqFloor = seq;
    int loads = 0;
    const QueueEngine::SnapshotLoader loader = [&] {
        ++loads;
        return Result<StoredQueue>(snapshot);
    };
    const auto tokens =
        m_engine->withReady(*m_conn, loader, [&] { return m_engine->waitingTokens(*m_conn, 1); });
    QVERIFY(tokens.ok());
    QCOMPARE(loads, 1);
    QCOMPARE(tokens.value(), before1);
    QCOMPARE(m_engine->waitingTokens(*m_conn, 2).value(), before2);
    QCOMPARE(m_engine->current(*m_conn, 1).value(), std::optional<qint64>(500));
    QCOMPARE(m_engine->nextNumber(*m_conn, 1, day1).value(), 4);
    QCOMPARE(m_engine->nextEventSeq(*m_conn).value(), seq + 1);
    QCOMPARE(m_engine->ping(*m_conn).value(), true);

    QList<qint64> called;
    drain(1, {1, 2}, &called);
    QCOMPARE(called, expectedOrder(waiting));
    // Ready again: the helper does not rebuild a second time.
    QVERIFY(m_engine
                ->withReady(*m_conn, loader,
                            [&] { return m_engine->enqueue(*m_conn, entry(9, 1, 0, t0)); })
                .ok());
    QCOMPARE(loads, 1);
}

void TestQueueEngine::rebuildReplacesQueuesAndNeverLowersSequences()
{
    QVERIFY(m_engine->enqueue(*m_conn, entry(999, 1, 0, t0)).ok());
    const QueueEntry staleTransfer = entry(998, 1, 0, t0, 4);
    QVERIFY(m_engine->enqueue(*m_conn, staleTransfer).ok());
    QVERIFY(m_engine->setCurrent(*m_conn, 9, 5).ok());
    for (int i = 0; i < 5; ++i)
        QVERIFY(m_engine->nextNumber(*m_conn, 1, day1).ok());
    qint64 seq = 0;
    for (int i = 0; i < 10; ++i)
        seq = m_engine->nextEventSeq(*m_conn).value();
    QCOMPARE(m_conn->run({"DEL", m_engine->keys().ready()}).integer, 1);

    // A failing snapshot (Postgres down) leaves the queue not ready and releases the lock.
    const Outcome failed = m_engine->ensureReady(
        *m_conn, [] { return Result<StoredQueue>(ApiError::postgresUnavailable()); });
    QCOMPARE(codeOf(failed), "postgres_unavailable");
    QCOMPARE(m_engine->ping(*m_conn).value(), false);

    StoredQueue snapshot;
    snapshot.waiting = {entry(1, 1, 0, t0)};
    snapshot.numbers = {{1, day1, 2}, {2, day1, 7}};
    snapshot.eventSeqFloor = 3;
    QElapsedTimer timer;
    timer.start();
    QVERIFY(m_engine->ensureReady(*m_conn, [&] { return snapshot; }).ok());
    QVERIFY2(timer.elapsed() < 2000, "the failed rebuild did not release its lock");
    QCOMPARE(m_engine->waitingTokens(*m_conn, 1).value(), QList<qint64>{1});
    QCOMPARE(m_engine->position(*m_conn, staleTransfer).value(), -1);
    QCOMPARE(m_engine->current(*m_conn, 9).value(), std::optional<qint64>());
    QCOMPARE(m_engine->nextNumber(*m_conn, 1, day1).value(), 6);
    QCOMPARE(m_engine->nextNumber(*m_conn, 2, day1).value(), 8);
    QCOMPARE(m_engine->nextEventSeq(*m_conn).value(), seq + 1);
}

// A snapshot load can outlast the lock; the rebuilder must then not overwrite newer work.
void TestQueueEngine::rebuildYieldsToAnotherRebuilder()
{
    const QByteArray lock = m_engine->keys().rebuildLock();
    QVERIFY(m_engine->enqueue(*m_conn, entry(7, 1, 0, t0)).ok());
    QCOMPARE(m_conn->run({"DEL", m_engine->keys().ready()}).integer, 1);
    StoredQueue older;
    older.waiting = {entry(1, 1, 0, t0)};

    // Our lock expired during the load and another instance took it.
    const Outcome lost = m_engine->ensureReady(*m_conn, [&] {
        m_conn->run({"SET", lock, "another-instance"});
        return older;
    });
    QCOMPARE(codeOf(lost), "queue_not_ready");
    QCOMPARE(m_conn->run({"GET", lock}).string, QByteArray("another-instance"));

    // The other instance finished while we were loading: our older snapshot is dropped.
    QCOMPARE(m_conn->run({"DEL", lock}).integer, 1);
    const Outcome yielded = m_engine->ensureReady(*m_conn, [&] {
        m_conn->run({"SET", m_engine->keys().ready(), "1"});
        return older;
    });
    QCOMPARE(codeOf(yielded), "ok");
    QCOMPARE(m_engine->waitingTokens(*m_conn, 1).value(), QList<qint64>{7});
    QCOMPARE(m_conn->run({"EXISTS", lock}).integer, 0);
}

// Redis with persistence reloads an old queue together with its marker after a restart.
void TestQueueEngine::staleMarkerFromRestartIsDropped()
{
    const QByteArray ready = m_engine->keys().ready();
    QCOMPARE(m_engine->ping(*m_conn).value(), true);
    QCOMPARE(m_conn->run({"SET", ready, "run-id-of-the-previous-redis"}).string, QByteArray("OK"));
    QCOMPARE(m_engine->ping(*m_conn).value(), false);
    QCOMPARE(m_conn->run({"EXISTS", ready}).integer, 0);
    QCOMPARE(codeOf(m_engine->enqueue(*m_conn, entry(1, 1, 0, t0))), "queue_not_ready");
}

void TestQueueEngine::concurrentEnsureReadyLoadsOnce()
{
    StoredQueue snapshot;
    for (qint64 id = 1; id <= 20; ++id)
        snapshot.waiting.append(entry(id, 1 + int(id % 2), 0, t0 + id));
    QCOMPARE(m_conn->run({"FLUSHALL"}).string, QByteArray("OK"));

    std::atomic<int> loads{0};
    const QueueEngine::SnapshotLoader loader = [&] {
        ++loads;
        QThread::msleep(300); // a slow Postgres: the other threads must wait, not load too
        return Result<StoredQueue>(snapshot);
    };
    const RedisEndpoint where = endpoint();
    std::array<QString, 4> codes;
    std::vector<std::thread> threads;
    for (size_t i = 0; i < codes.size(); ++i) {
        threads.emplace_back([&, i] {
            RedisConnection conn(where);
            codes[i] = codeOf(m_engine->ensureReady(conn, loader));
        });
    }
    for (auto &t : threads)
        t.join();
    for (const QString &code : codes)
        QCOMPARE(code, "ok");
    QCOMPARE(loads.load(), 1);
    const QHash<int, int> counts{{1, 10}, {2, 10}};
    QCOMPARE(m_engine->waitingCounts(*m_conn, {1, 2}).value(), counts);
}

void TestQueueEngine::redisDownFailsFastAndRecovers()
{
    const QueueEntry first = entry(1, 1, 0, t0);
    QVERIFY(m_engine->enqueue(*m_conn, first).ok());
    const quint64 dials = m_conn->connectCount();
    const RateLimiter limiter("tq-down:rl:");
    StoredQueue snapshot;
    snapshot.waiting = {first};
    const QueueEngine::SnapshotLoader loader = [&] { return snapshot; };

    QVERIFY(m_services.stopRedis());
    auto restart = qScopeGuard([this] { m_services.startRedis(); });
    qint64 slowest = 0;
    QElapsedTimer timer;
    const auto expectDown = [&](const QString &code) {
        slowest = qMax(slowest, timer.restart());
        return code == QLatin1String("redis_unavailable");
    };
    for (int round = 0; round < 3; ++round) {
        timer.start();
        QVERIFY(expectDown(codeOf(m_engine->enqueue(*m_conn, entry(2, 1, 0, t0 + 1)))));
        QVERIFY(expectDown(codeOf(m_engine->callNext(*m_conn, 1, {1}))));
        QVERIFY(expectDown(codeOf(m_engine->ensureReady(*m_conn, loader))));
        QVERIFY(expectDown(codeOf(m_engine->ping(*m_conn))));
        QVERIFY(expectDown(codeOf(limiter.hit(*m_conn, "x", 5, 10))));
    }
    QVERIFY2(slowest < 1500, qPrintable(QStringLiteral("slowest call %1 ms").arg(slowest)));
    QCOMPARE(m_engine->enqueue(*m_conn, first).error().status, 503);

    QVERIFY(m_services.startRedis());
    restart.dismiss();
    // The same connection object comes back by itself.
    QTRY_VERIFY_WITH_TIMEOUT(m_engine->ping(*m_conn).ok(), 5000);
    QVERIFY(m_conn->connectCount() > dials);
    const Outcome again = m_engine->withReady(
        *m_conn, loader, [&] { return m_engine->enqueue(*m_conn, entry(2, 1, 0, t0 + 1)); });
    QCOMPARE(codeOf(again), "ok");
    QCOMPARE(m_engine->callNext(*m_conn, 1, {1}).value()->tokenId, 1);
    QVERIFY(limiter.hit(*m_conn, "x", 5, 10).ok());
}

// A Redis that accepts but never answers (hung, or a black-holed link): the command timeout ends
// the call. Connection refused must be immediate.
void TestQueueEngine::silentRedisTimesOut()
{
    QTcpServer silent; // the kernel completes the handshake; nobody ever reads or answers
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    RedisEndpoint hung;
    hung.port = silent.serverPort();
    RedisConnection conn(hung);
    QElapsedTimer timer;
    timer.start();
    const RedisReply reply = conn.run({"PING"});
    const qint64 took = timer.elapsed();
    QVERIFY(reply.isIoError());
    QVERIFY2(took >= 900 && took < 2000, qPrintable(QString::number(took)));
    QVERIFY(!conn.isConnected());

    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    RedisEndpoint nobody;
    nobody.port = closed.serverPort();
    closed.close();
    RedisConnection refused(nobody);
    timer.restart();
    QVERIFY(refused.run({"PING"}).isIoError());
    QVERIFY(timer.elapsed() < 500);
}

void TestQueueEngine::authAndDatabaseSelection()
{
    QCOMPARE(m_conn->run({"CONFIG", "SET", "requirepass", "s3cret-pw"}).string, QByteArray("OK"));
    // Connections that were open keep their authentication; m_conn resets the password.
    auto reset = qScopeGuard([this] { m_conn->run({"CONFIG", "SET", "requirepass", ""}); });
    const QString base = QStringLiteral("127.0.0.1:%1").arg(endpoint().port);

    RedisConnection withPassword(*RedisEndpoint::parse("redis://:s3cret-pw@" + base + "/2"));
    QCOMPARE(withPassword.run({"PING"}).string, QByteArray("PONG"));
    QVERIFY(withPassword.run({"CLIENT", "INFO"}).string.contains(" db=2 "));
    RedisConnection withUser(*RedisEndpoint::parse("redis://default:s3cret-pw@" + base + "/0"));
    QCOMPARE(withUser.run({"PING"}).string, QByteArray("PONG"));

    RedisConnection wrong(*RedisEndpoint::parse("redis://:nope@" + base + "/0"));
    const RedisReply refused = wrong.run({"PING"});
    QVERIFY(refused.isIoError());
    QVERIFY(refused.string.contains("AUTH"));
    RedisConnection anonymous(*RedisEndpoint::parse("redis://" + base + "/0"));
    QCOMPARE(anonymous.run({"PING"}).errorCode(), QByteArray("NOAUTH"));
    QCOMPARE(codeOf(m_engine->ping(anonymous)), "redis_unavailable");
}

// 8 counters with overlapping services race to empty 300 waiting tokens, each thread on its own
// connection. Every token must be called exactly once, by a counter that serves its service, and
// since nothing is added meanwhile, each counter's picks can only get worse in score.
void TestQueueEngine::raceManyCountersCallEachTokenOnce()
{
    QRandomGenerator rng(20260301);
    QHash<qint64, QueueEntry> byId;
    for (qint64 id = 1; id <= 300; ++id) {
        const QueueEntry e =
            entry(id, 1 + int(id % 3), int(rng.bounded(3)), t0 + qint64(rng.bounded(200)) * 1000);
        byId.insert(id, e);
        QVERIFY(m_engine->enqueue(*m_conn, e).ok());
    }
    const QList<QList<int>> served{{1, 2}, {2, 3}, {1, 3}, {1, 2, 3}, {1}, {2}, {3}, {1, 2}};
    std::vector<QList<qint64>> picks(served.size());
    std::vector<QString> failures(served.size());
    const RedisEndpoint where = endpoint();
    std::vector<std::thread> threads;
    for (qsizetype c = 0; c < served.size(); ++c) {
        threads.emplace_back([&, c] {
            RedisConnection conn(where);
            for (int guard = 0; guard <= 300; ++guard) {
                const auto next = m_engine->callNext(conn, int(c) + 1, served.at(c));
                if (!next.ok())
                    failures[c] = next.error().code;
                if (!next.ok() || !next.value())
                    return;
                picks[c].append(next.value()->tokenId);
            }
        });
    }
    for (auto &t : threads)
        t.join();

    QSet<qint64> seen;
    qsizetype total = 0;
    for (qsizetype c = 0; c < served.size(); ++c) {
        QVERIFY2(failures[c].isEmpty(), qPrintable(failures[c]));
        std::pair<qint64, qint64> previous{-1, -1};
        for (const qint64 id : picks[c]) {
            const QueueEntry &e = byId.value(id);
            QVERIFY(served.at(c).contains(e.serviceId));
            const std::pair<qint64, qint64> rank{e.score(), e.tokenId};
            QVERIFY2(previous < rank, qPrintable(QStringLiteral("counter %1 called %2 too late")
                                                     .arg(c + 1)
                                                     .arg(previous.second)));
            previous = rank;
            seen.insert(id);
            ++total;
        }
        if (!picks[c].isEmpty())
            QCOMPARE(m_engine->current(*m_conn, int(c) + 1).value(),
                     std::optional<qint64>(picks[c].last()));
    }
    QCOMPARE(total, 300);
    QCOMPARE(seen.size(), 300);
    const QHash<int, int> empty{{1, 0}, {2, 0}, {3, 0}};
    QCOMPARE(m_engine->waitingCounts(*m_conn, {1, 2, 3}).value(), empty);
}

void TestQueueEngine::rateLimiterRefusesAfterLimit()
{
    const RateLimiter limiter("tq" + QByteArray::number(m_case) + ":rl:");
    for (int i = 1; i <= 3; ++i) {
        const auto d = limiter.hit(*m_conn, "tokens:10.0.0.1", 3, 10);
        QVERIFY(d.ok());
        QVERIFY(d->allowed);
        QCOMPARE(d->remaining, 3 - i);
        QCOMPARE(d->retryAfterSeconds, 0);
    }
    const auto refused = limiter.hit(*m_conn, "tokens:10.0.0.1", 3, 10);
    QVERIFY(refused.ok());
    QVERIFY(!refused->allowed);
    QCOMPARE(refused->remaining, 0);
    QVERIFY(refused->retryAfterSeconds >= 1 && refused->retryAfterSeconds <= 10);
    QVERIFY(limiter.hit(*m_conn, "tokens:10.0.0.2", 3, 10)->allowed);

    // A batch of hits in one run: each is one hit, in order, a repeated bucket counting each time.
    const auto batch = limiter.hitEach(*m_conn, {"b:1", "b:1", "b:2", "b:1"}, 2, 10);
    QCOMPARE(batch.size(), 4);
    QVERIFY(batch.at(0)->allowed && batch.at(0)->remaining == 1);
    QVERIFY(batch.at(1)->allowed && batch.at(1)->remaining == 0);
    QVERIFY(batch.at(2)->allowed && batch.at(2)->remaining == 1);
    QVERIFY(!batch.at(3)->allowed && batch.at(3)->retryAfterSeconds >= 1);
    QVERIFY(limiter.hitEach(*m_conn, {}, 2, 10).isEmpty());

    // Sent unwaited: nothing is decided until the connection reads the reply, which a later
    // command (here a synchronous one) does first; the decisions are those hitEach gives.
    QList<Result<RateDecision>> sent;
    bool answered = false;
    limiter.sendEach(*m_conn, {"s:1", "s:1", "s:1"}, 2, 10,
                     [&](QList<Result<RateDecision>> decisions) {
                         sent = std::move(decisions);
                         answered = true;
                     });
    QVERIFY(!answered);
    QCOMPARE(m_conn->run({"PING"}).string, QByteArray("PONG"));
    QVERIFY(answered);
    QCOMPARE(sent.size(), 3);
    QVERIFY(sent.at(0)->allowed && sent.at(0)->remaining == 1);
    QVERIFY(sent.at(1)->allowed && sent.at(1)->remaining == 0);
    QVERIFY(!sent.at(2)->allowed && sent.at(2)->retryAfterSeconds >= 1);
    answered = false;
    limiter.sendEach(*m_conn, {}, 2, 10, [&](QList<Result<RateDecision>> decisions) {
        answered = decisions.isEmpty();
    });
    QVERIFY(answered); // nothing to send: answered at once
    answered = false;
    limiter.sendEach(*m_conn, {"s:2"}, -1, 10, [&](QList<Result<RateDecision>> decisions) {
        answered = decisions.size() == 1 && !decisions.at(0).ok();
    });
    QVERIFY(answered); // invalid limit: refused at once, nothing sent

    // A peek tells whether one more hit would pass and counts nothing; the key it reads is never
    // created or given an expiry by it.
    for (int i = 0; i < 3; ++i) {
        const auto look = limiter.peek(*m_conn, "p:1", 2, 10);
        QVERIFY(look.ok() && look->allowed);
        QCOMPARE(look->remaining, 1);
    }
    QCOMPARE(m_conn->run({"EXISTS", "tq" + QByteArray::number(m_case) + ":rl:p:1"}).integer, 0);
    QVERIFY(limiter.hit(*m_conn, "p:1", 2, 10)->allowed);
    QCOMPARE(limiter.peek(*m_conn, "p:1", 2, 10)->remaining, 0);
    QVERIFY(limiter.hit(*m_conn, "p:1", 2, 10)->allowed);
    const auto full = limiter.peek(*m_conn, "p:1", 2, 10);
    QVERIFY(full.ok() && !full->allowed);
    QVERIFY(full->retryAfterSeconds >= 1 && full->retryAfterSeconds <= 10);
    QVERIFY(!limiter.peek(*m_conn, "p:1", -1, 10).ok()); // invalid limit

    // The window ends and the bucket is usable again.
    QVERIFY(limiter.hit(*m_conn, "short", 1, 1)->allowed);
    const auto wait = limiter.hit(*m_conn, "short", 1, 1);
    QVERIFY(!wait->allowed);
    QCOMPARE(wait->retryAfterSeconds, 1);
    QThread::msleep(1100);
    QVERIFY(limiter.hit(*m_conn, "short", 1, 1)->allowed);
}

QTEST_GUILESS_MAIN(TestQueueEngine)
#include "tst_queueengine.moc"
