// Concurrency and loss: eight counters draining 300 tokens at once, and Redis emptied or restarted
// in the middle of a working day.
#include "tokenflowtest.h"

#include <QHash>
#include <QJsonArray>
#include <QMutex>
#include <QRandomGenerator>
#include <QSet>
#include <QTest>
#include <QThread>

#include <memory>
#include <vector>

namespace {

struct Called
{
    qint64 id = 0;
    int priority = 0;
    int serviceId = 0;
};

struct CounterRun
{
    int counterId = 0;
    QList<int> services;
    QList<Called> called;
    QStringList problems;
};

// One counter's operator: call, serve, complete until the queue is empty. Runs on its own thread
// with its own HTTP client, so the eight counters really hit the server at the same time.
void work(const QUrl &baseUrl, const QString &bearer, CounterRun *run)
{
    HttpClient http(baseUrl, 20000);
    for (int guard = 0; guard < 400; ++guard) {
        const HttpReply call = Flow::act(http, run->counterId, QStringLiteral("call"), bearer);
        if (call.status == 409 && call.errorCode() == u"queue_empty")
            return;
        if (call.status != 200) {
            run->problems.append(QStringLiteral("call: %1").arg(Flow::describe(call)));
            return;
        }
        const QJsonObject token = Flow::tokenOf(call);
        run->called.append({token.value(u"id").toInteger(), token.value(u"priority").toInt(),
                            token.value(u"service_id").toInt()});
        for (const char *step : {"serve", "complete"}) {
            const HttpReply reply = Flow::act(http, run->counterId, QLatin1String(step), bearer);
            if (reply.status != 200)
                run->problems.append(QStringLiteral("%1: %2").arg(QLatin1String(step), Flow::describe(reply)));
        }
    }
    run->problems.append(QStringLiteral("the queue never ran dry"));
}

} // namespace

void TestTokenFlow::raceEightCounters()
{
    if (nearMidnight())
        QSKIP("the business day changes within two minutes");
    QVERIFY(fresh());
    Flow::Sql sql(m_cluster.postgresUrl());
    QVERIFY(sql.isOpen());
    // Five more counters beside the seed's A {1,2}, B {3}, C {1,2,3}: each service has 4+ counters.
    std::vector<CounterRun> runs{{1, {1, 2}, {}, {}}, {2, {3}, {}, {}}, {3, {1, 2, 3}, {}, {}}};
    const QList<QList<int>> extra{{1}, {2}, {3}, {1, 3}, {2, 3}};
    for (qsizetype i = 0; i < extra.size(); ++i) {
        const QVariant id = sql.scalar(QStringLiteral("INSERT INTO counters (branch_id, name) VALUES (1, ?) RETURNING id"),
                                       {QStringLiteral("Race %1").arg(i + 1)});
        QVERIFY(id.isValid());
        for (int service : extra.at(i))
            QVERIFY(sql.exec(QStringLiteral("INSERT INTO counter_services VALUES (?, ?)"), {id, service}));
        runs.push_back({id.toInt(), extra.at(i), {}, {}});
    }

    QRandomGenerator random(20261125);
    const int priorities[] = {0, 0, 0, 0, 0, 0, 1, 2, 5, 9};
    QHash<qint64, Called> issued;
    for (int i = 0; i < 300; ++i) {
        const int service = 1 + int(random.bounded(3));
        const int priority = priorities[random.bounded(10)];
        const HttpReply reply = Flow::issue(http(), service, {{QStringLiteral("priority"), priority}}, staff().admin);
        FLOW_EXPECT(reply, 201);
        const qint64 id = reply.object().value(u"token_id").toInteger();
        issued.insert(id, {id, priority, service});
    }
    for (const CounterRun &run : runs)
        FLOW_EXPECT(Flow::act(http(), run.counterId, QStringLiteral("open"), staff().admin), 200);

    std::vector<std::unique_ptr<QThread>> threads;
    const QUrl baseUrl = m_cluster.server().baseUrl();
    for (CounterRun &run : runs) {
        threads.emplace_back(QThread::create(work, baseUrl, staff().admin, &run));
        threads.back()->start();
    }
    for (auto &thread : threads)
        QVERIFY(thread->wait(60'000));

    QHash<qint64, int> takenBy;
    for (const CounterRun &run : runs) {
        QVERIFY2(run.problems.isEmpty(), qPrintable(run.problems.join(u'\n')));
        std::pair<int, qint64> previous{-1, 0};
        for (const Called &call : run.called) {
            QVERIFY2(!takenBy.contains(call.id), qPrintable(QStringLiteral("token %1 called at counters %2 and %3")
                                                                .arg(call.id).arg(takenBy.value(call.id)).arg(run.counterId)));
            takenBy.insert(call.id, run.counterId);
            QVERIFY(issued.contains(call.id));
            QCOMPARE(call.priority, issued.value(call.id).priority);
            QVERIFY2(run.services.contains(call.serviceId), qPrintable(QString::number(run.counterId)));
            // Priority class first, then arrival (= id: issued one after another). The waiting set
            // only shrinks, so each counter's picks must be strictly later in that order.
            const std::pair<int, qint64> key{9 - call.priority, call.id};
            QVERIFY2(key > previous, qPrintable(QStringLiteral("counter %1 took token %2 (priority %3) after %4 (priority %5)")
                                                    .arg(run.counterId).arg(call.id).arg(call.priority)
                                                    .arg(previous.second).arg(9 - previous.first)));
            previous = key;
        }
    }
    QCOMPARE(takenBy.size(), issued.size());

    // Postgres agrees: one 'called' event per token, nothing left waiting, each at its counter.
    const QString today = QStringLiteral("business_date = current_date");
    QCOMPARE(sql.scalar(QStringLiteral("SELECT count(*) FROM token_events e JOIN tokens t ON t.id = e.token_id "
                                       "WHERE e.event = 'called' AND t.") + today).toInt(), 300);
    QCOMPARE(sql.scalar(QStringLiteral("SELECT count(*) FROM (SELECT token_id FROM token_events WHERE event = "
                                       "'called' GROUP BY token_id HAVING count(*) <> 1) x")).toInt(), 0);
    QCOMPARE(sql.scalar(QStringLiteral("SELECT count(*) FROM tokens WHERE status <> 'completed' AND ") + today).toInt(), 0);
    const auto rows = sql.rows(QStringLiteral("SELECT id, counter_id FROM tokens WHERE ") + today);
    QVERIFY(rows && rows->size() == 300);
    for (const QVariantList &row : *rows)
        QCOMPARE(row.at(1).toInt(), takenBy.value(row.at(0).toLongLong()));
    const HttpReply services = http().get(QStringLiteral("/api/services"));
    FLOW_EXPECT(services, 200);
    for (const QJsonValue &service : services.array())
        QCOMPARE(service.toObject().value(u"waiting").toInt(-1), 0);
}

void TestTokenFlow::redisLossMidDay_data()
{
    QTest::addColumn<bool>("restart");
    QTest::newRow("FLUSHALL") << false;
    QTest::newRow("Redis restarted") << true;
}

void TestTokenFlow::redisLossMidDay()
{
    QFETCH(bool, restart);
    if (nearMidnight())
        QSKIP("the business day changes within two minutes");
    QVERIFY(fresh());
    QList<Issued> waiting;
    for (int service : {1, 1, 1, 1, 2, 3})
        waiting.append(issueToken(service));
    QCOMPARE(waiting.last().number, QStringLiteral("P001"));
    const QString &op1 = staff().operator1;
    FLOW_EXPECT(Flow::act(http(), 1, QStringLiteral("open"), op1), 200);
    QCOMPARE(callNumber(1, op1), QStringLiteral("D001"));
    FLOW_EXPECT(Flow::act(http(), 1, QStringLiteral("serve"), op1), 200);
    FLOW_EXPECT(Flow::act(http(), 2, QStringLiteral("open"), staff().admin), 200);
    QCOMPARE(callNumber(2, staff().admin), QStringLiteral("P001"));
    waiting.removeFirst(); // D001 is at counter 1
    waiting.removeLast();  // P001 is at counter 2
    const QList<int> positions{1, 2, 3, 1}; // D002, D003, D004, W001
    for (qsizetype i = 0; i < waiting.size(); ++i)
        QCOMPARE(Flow::status(http(), waiting.at(i).id, waiting.at(i).secret).object().value(u"position").toInt(),
                 positions.at(i));

    if (restart) {
        QVERIFY(m_cluster.services().stopRedis());
        QVERIFY(m_cluster.services().startRedis());
    } else {
        QVERIFY(m_cluster.services().flushRedis());
    }

    // Numbers continue from Postgres' last one, not from 1.
    const Issued d5 = issueToken(1);
    QCOMPARE(d5.number, QStringLiteral("D005"));
    QCOMPARE(issueToken(2).number, QStringLiteral("W002"));
    for (qsizetype i = 0; i < waiting.size(); ++i) {
        const HttpReply status = Flow::status(http(), waiting.at(i).id, waiting.at(i).secret);
        FLOW_EXPECT(status, 200);
        QCOMPARE(status.object().value(u"position").toInt(), positions.at(i));
        QCOMPARE(status.object().value(u"status").toString(), QStringLiteral("waiting"));
    }
    QCOMPARE(Flow::status(http(), d5.id, d5.secret).object().value(u"position").toInt(), 4);

    // The counters' current tokens survive and are never offered again.
    const HttpReply completed = Flow::act(http(), 1, QStringLiteral("complete"), op1);
    FLOW_EXPECT(completed, 200);
    QCOMPARE(Flow::tokenOf(completed).value(u"token_number").toString(), QStringLiteral("D001"));
    FLOW_EXPECT_ERROR(Flow::act(http(), 2, QStringLiteral("call"), staff().admin), 409, "invalid_state");
    FLOW_EXPECT(Flow::act(http(), 2, QStringLiteral("serve"), staff().admin), 200);
    QCOMPARE(callNumber(1, op1), QStringLiteral("D002"));
    FLOW_EXPECT(Flow::act(http(), 3, QStringLiteral("open"), staff().admin), 200);
    QCOMPARE(drain(3, staff().admin), QStringList({"D003", "D004", "W001", "D005", "W002"}));
    QVERIFY(m_cluster.server().isRunning());
}
