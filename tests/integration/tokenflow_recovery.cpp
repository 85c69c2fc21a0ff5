// Concurrency and loss: eight counters draining 300 tokens at once, 90 tokens taken at the same
// moment, a batch with one row Postgres refuses, and Redis emptied or restarted in the middle of
// a working day.
#include <algorithm>
#include <memory>
#include <numeric>
#include <vector>

#include <QHash>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSet>
#include <QTest>
#include <QThread>

#include "tokenflowtest.h"

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
                run->problems.append(
                    QStringLiteral("%1: %2").arg(QLatin1String(step), Flow::describe(reply)));
        }
    }
    run->problems.append(QStringLiteral("the queue never ran dry"));
}

// The seed's A {1,2}, B {3}, C {1,2,3} and five more added in SQL: every service has 4+ counters.
void addRaceCounters(Flow::Sql &sql, std::vector<CounterRun> *runs)
{
    *runs = {{1, {1, 2}, {}, {}}, {2, {3}, {}, {}}, {3, {1, 2, 3}, {}, {}}};
    const QList<QList<int>> extra{{1}, {2}, {3}, {1, 3}, {2, 3}};
    for (qsizetype i = 0; i < extra.size(); ++i) {
        const QVariant id = sql.scalar(
            QStringLiteral("INSERT INTO counters (branch_id, name) VALUES (1, ?) RETURNING id"),
            {QStringLiteral("Race %1").arg(i + 1)});
        QVERIFY(id.isValid());
        for (int service : extra.at(i))
            QVERIFY(sql.exec(QStringLiteral("INSERT INTO counter_services VALUES (?, ?)"),
                             {id, service}));
        runs->push_back({id.toInt(), extra.at(i), {}, {}});
    }
}

// No token at two counters, each at a counter serving it, and per counter in strictly later
// (priority class, arrival) order: the waiting set only shrinks, so a counter's best pick can only
// get worse. Arrival order is id order here (issued one after another, no booked slots).
void checkRaceRuns(const std::vector<CounterRun> &runs, const QHash<qint64, Called> &issued,
                   QHash<qint64, int> *takenBy)
{
    for (const CounterRun &run : runs) {
        QVERIFY2(run.problems.isEmpty(), qPrintable(run.problems.join(u'\n')));
        std::pair<int, qint64> previous{-1, 0};
        for (const Called &call : run.called) {
            QVERIFY2(!takenBy->contains(call.id),
                     qPrintable(QStringLiteral("token %1 called at counters %2 and %3")
                                    .arg(call.id)
                                    .arg(takenBy->value(call.id))
                                    .arg(run.counterId)));
            takenBy->insert(call.id, run.counterId);
            QVERIFY(issued.contains(call.id));
            QCOMPARE(call.priority, issued.value(call.id).priority);
            QVERIFY2(run.services.contains(call.serviceId),
                     qPrintable(QString::number(run.counterId)));
            const std::pair<int, qint64> key{9 - call.priority, call.id};
            QVERIFY2(key > previous,
                     qPrintable(QStringLiteral("counter %1 took %2 (priority %3) after %4")
                                    .arg(run.counterId)
                                    .arg(call.id)
                                    .arg(call.priority)
                                    .arg(previous.second)));
            previous = key;
        }
    }
}

// Postgres agrees: exactly one 'called' event per token, all completed, each at its counter.
void checkPostgresAgrees(Flow::Sql &sql, const QHash<qint64, int> &takenBy)
{
    const auto rows = sql.rows(QStringLiteral(
        "SELECT t.id, t.counter_id, t.status, "
        "(SELECT count(*) FROM token_events e WHERE e.token_id = t.id AND e.event = 'called') "
        "FROM tokens t WHERE t.business_date = current_date"));
    QVERIFY(rows.has_value());
    QCOMPARE(rows->size(), takenBy.size());
    for (const QVariantList &row : *rows) {
        const qint64 id = row.at(0).toLongLong();
        QCOMPARE(row.at(1).toInt(), takenBy.value(id));
        QCOMPARE(row.at(2).toString(), QStringLiteral("completed"));
        QVERIFY2(
            row.at(3).toInt() == 1,
            qPrintable(QStringLiteral("token %1 called %2 times").arg(id).arg(row.at(3).toInt())));
    }
}

} // namespace

void TestTokenFlow::raceEightCounters()
{
    if (nearMidnight())
        QSKIP("the business day changes within two minutes");
    QVERIFY(fresh());
    Flow::Sql sql(m_cluster.postgresUrl());
    QVERIFY(sql.isOpen());
    std::vector<CounterRun> runs;
    addRaceCounters(sql, &runs);
    QCOMPARE(runs.size(), size_t(8));

    QRandomGenerator random(20261125);
    const int priorities[] = {0, 0, 0, 0, 0, 0, 1, 2, 5, 9};
    QHash<qint64, Called> issued;
    for (int i = 0; i < 300; ++i) {
        const int service = 1 + int(random.bounded(3));
        const int priority = priorities[random.bounded(10)];
        const HttpReply reply =
            Flow::issue(http(), service, {{QStringLiteral("priority"), priority}}, staff().admin);
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
    checkRaceRuns(runs, issued, &takenBy);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(takenBy.size(), issued.size());
    checkPostgresAgrees(sql, takenBy);
    const HttpReply services = http().get(QStringLiteral("/api/services"));
    FLOW_EXPECT(services, 200);
    for (const QJsonValue &service : services.array())
        QCOMPARE(service.toObject().value(u"waiting").toInt(-1), 0);
}

// A batch of new tokens is one INSERT: when Postgres refuses one of its rows, the others must
// still be issued (written one by one), and only the request at fault is refused.
void TestTokenFlow::refusedRowSparesItsBatch()
{
    if (nearMidnight())
        QSKIP("the business day changes within two minutes");
    QVERIFY(fresh());
    Flow::Sql sql(m_cluster.postgresUrl());
    QVERIFY(sql.isOpen());
    QVERIFY(sql.exec(QStringLiteral(
        "CREATE FUNCTION refuse_marked_token() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        "IF NEW.customer_info->>'name' = 'refused-by-test' THEN "
        "RAISE EXCEPTION 'refused by the test'; END IF; RETURN NEW; END $$")));
    QVERIFY(sql.exec(QStringLiteral("CREATE TRIGGER refuse_marked_token BEFORE INSERT ON tokens "
                                    "FOR EACH ROW EXECUTE FUNCTION refuse_marked_token()")));
    auto dropTrigger = qScopeGuard([&sql] {
        sql.exec(QStringLiteral("DROP TRIGGER refuse_marked_token ON tokens"));
        sql.exec(QStringLiteral("DROP FUNCTION refuse_marked_token()"));
    });
    const auto splitBatches = [this] {
        const QByteArray text = http().get(QStringLiteral("/metrics")).body;
        const auto match =
            QRegularExpression(QStringLiteral("^nextup_token_batches_split_total (\\d+)$"),
                               QRegularExpression::MultilineOption)
                .match(QString::fromUtf8(text));
        return match.hasMatch() ? match.captured(1).toInt() : -1;
    };
    QCOMPARE(splitBatches(), 0);

    // Which requests share a batch is up to timing: rounds until the refused one shared one.
    int issued = 0;
    QHash<qint64, QString> nameOf; // token id -> the name its request carried
    for (int round = 0; round < 5 && splitBatches() == 0; ++round) {
        QList<QJsonObject> bodies;
        for (int i = 0; i < 30; ++i) {
            const QString name =
                i == 15 ? QStringLiteral("refused-by-test") : QStringLiteral("c%1").arg(i);
            bodies.append(
                {{QStringLiteral("service_id"), 1},
                 {QStringLiteral("customer_info"), QJsonObject{{QStringLiteral("name"), name}}}});
        }
        const QList<HttpReply> replies = Flow::concurrentPosts(
            m_cluster.server().baseUrl(), QStringLiteral("/api/tokens"), bodies, staff().admin);
        QCOMPARE(replies.size(), bodies.size());
        for (qsizetype i = 0; i < replies.size(); ++i) {
            if (i == 15) {
                FLOW_EXPECT_ERROR(replies.at(i), 500, "internal_error");
                continue;
            }
            FLOW_EXPECT(replies.at(i), 201);
            nameOf.insert(replies.at(i).object().value(u"token_id").toInteger(),
                          QStringLiteral("c%1").arg(i));
            ++issued;
        }
    }
    QVERIFY2(splitBatches() > 0, "the refused request never shared a batch in 5 rounds");
    // Every issued token is in Postgres as its request asked (each answer names its own
    // token) and in the live queue; the refused ones are nowhere.
    const auto rows = sql.rows(QStringLiteral("SELECT id, customer_info->>'name' FROM tokens "
                                              "WHERE customer_info->>'name' ~ '^c[0-9]+$'"));
    QVERIFY(rows);
    QCOMPARE(rows->size(), issued);
    for (const QVariantList &row : *rows)
        QCOMPARE(row.at(1).toString(), nameOf.value(row.at(0).toLongLong()));
    QCOMPARE(sql.scalar(QStringLiteral("SELECT count(*) FROM tokens "
                                       "WHERE customer_info->>'name' = 'refused-by-test'"))
                 .toInt(),
             0);
    QCOMPARE(Flow::waitingFor(http(), 1), issued);
}

// 90 customers take a token at the same moment: the server writes them in batches, and nothing of
// a one-by-one issue may be lost: numbers without gaps or repeats per service, every token in
// its line in (priority, arrival) order, places 1..n, one `generated` event each.
void TestTokenFlow::concurrentIssuing()
{
    if (nearMidnight())
        QSKIP("the business day changes within two minutes");
    QVERIFY(fresh());
    QList<QJsonObject> bodies;
    for (int i = 0; i < 90; ++i) {
        QJsonObject body{{QStringLiteral("service_id"), 1 + i % 3}};
        if (i % 7 == 0)
            body.insert(QStringLiteral("priority"), 5);
        bodies.append(body);
    }
    const QList<HttpReply> replies = Flow::concurrentPosts(
        m_cluster.server().baseUrl(), QStringLiteral("/api/tokens"), bodies, staff().admin);
    QCOMPARE(replies.size(), bodies.size());
    QHash<int, QList<int>> numbers;     // service -> the numbers it handed out
    QHash<int, QSet<qint64>> byService; // service -> token ids
    QHash<qint64, QString> secrets;
    const QString codes = QStringLiteral("DWP");
    for (qsizetype i = 0; i < replies.size(); ++i) {
        const HttpReply &reply = replies.at(i);
        FLOW_EXPECT(reply, 201);
        const QJsonObject token = reply.object();
        const int service = bodies.at(i).value(u"service_id").toInt();
        const QString number = token.value(u"token_number").toString();
        QCOMPARE(number.left(1), codes.mid(service - 1, 1));
        QCOMPARE(token.value(u"service_id").toInt(), service);
        QCOMPARE(token.value(u"priority").toInt(), bodies.at(i).value(u"priority").toInt());
        QVERIFY(token.value(u"position").toInt() >= 1);
        numbers[service].append(number.mid(1).toInt());
        byService[service].insert(token.value(u"token_id").toInteger());
        secrets.insert(token.value(u"token_id").toInteger(), token.value(u"secret").toString());
    }
    QCOMPARE(secrets.size(), bodies.size());
    QList<int> oneToThirty(30);
    std::iota(oneToThirty.begin(), oneToThirty.end(), 1);
    for (int service = 1; service <= 3; ++service) {
        std::sort(numbers[service].begin(), numbers[service].end());
        QCOMPARE(numbers.value(service), oneToThirty);
    }

    const HttpReply queues = http().get(QStringLiteral("/api/queues"));
    FLOW_EXPECT(queues, 200);
    for (const QJsonValue &value : queues.object().value(u"services").toArray()) {
        const QJsonObject service = value.toObject();
        const int id = service.value(u"id").toInt();
        const QJsonArray tokens = service.value(u"tokens").toArray();
        QSet<qint64> waiting;
        std::pair<int, QString> previous{-1, QString()};
        for (qsizetype place = 0; place < tokens.size(); ++place) {
            const QJsonObject token = tokens.at(place).toObject();
            const qint64 tokenId = token.value(u"id").toInteger();
            waiting.insert(tokenId);
            const std::pair<int, QString> key{9 - token.value(u"priority").toInt(),
                                              token.value(u"arrival_at").toString()};
            QVERIFY2(key >= previous,
                     qPrintable(QStringLiteral("token %1 out of order").arg(tokenId)));
            previous = key;
            // Its own status tells the same place.
            const HttpReply status = Flow::status(http(), tokenId, secrets.value(tokenId));
            FLOW_EXPECT(status, 200);
            QCOMPARE(status.object().value(u"position").toInt(), int(place) + 1);
        }
        QCOMPARE(waiting, byService.value(id));
    }

    Flow::Sql sql(m_cluster.postgresUrl());
    QVERIFY(sql.isOpen());
    const QVariant generated = sql.scalar(
        QStringLiteral("SELECT count(*) FROM token_events e JOIN tokens t ON t.id = e.token_id "
                       "WHERE t.business_date = current_date AND e.event = 'generated'"));
    QCOMPARE(generated.toInt(), bodies.size());
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
    waiting.removeFirst();                  // D001 is at counter 1
    waiting.removeLast();                   // P001 is at counter 2
    const QList<int> positions{1, 2, 3, 1}; // D002, D003, D004, W001
    for (qsizetype i = 0; i < waiting.size(); ++i)
        QCOMPARE(Flow::status(http(), waiting.at(i).id, waiting.at(i).secret)
                     .object()
                     .value(u"position")
                     .toInt(),
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
    FLOW_EXPECT_ERROR(Flow::act(http(), 2, QStringLiteral("call"), staff().admin), 409,
                      "invalid_state");
    FLOW_EXPECT(Flow::act(http(), 2, QStringLiteral("serve"), staff().admin), 200);
    QCOMPARE(callNumber(1, op1), QStringLiteral("D002"));
    FLOW_EXPECT(Flow::act(http(), 3, QStringLiteral("open"), staff().admin), 200);
    QCOMPARE(drain(3, staff().admin), QStringList({"D003", "D004", "W001", "D005", "W002"}));
    QVERIFY(m_cluster.server().isRunning());
}

// "Next" while serving, when the line offers a token Postgres no longer has waiting (Redis stale
// after a loss; here the token is cancelled behind Redis's back) and nothing else waits: the
// serving token was completed before the offer turned out stale, and the 409 says so.
void TestTokenFlow::staleOfferWhileServing()
{
    QVERIFY(fresh());
    const Issued serving = issueToken(1);
    const Issued stale = issueToken(1);
    const QString &op1 = staff().operator1;
    FLOW_EXPECT(Flow::act(http(), 1, QStringLiteral("open"), op1), 200);
    QCOMPARE(callNumber(1, op1), serving.number);
    FLOW_EXPECT(Flow::act(http(), 1, QStringLiteral("serve"), op1), 200);
    Flow::Sql sql(m_cluster.postgresUrl());
    QVERIFY(sql.exec(QStringLiteral("UPDATE tokens SET status = 'cancelled', finished_at = now() "
                                    "WHERE id = ?"),
                     {stale.id}));

    const HttpReply next = Flow::act(http(), 1, QStringLiteral("call"), op1);
    FLOW_EXPECT_ERROR(next, 409, "queue_empty");
    const QJsonObject error = next.object().value(u"error").toObject();
    QVERIFY2(error.value(u"message")
                 .toString()
                 .startsWith(serving.number + QStringLiteral(" was completed.")),
             qPrintable(error.value(u"message").toString()));
    const QJsonObject completed = error.value(u"details").toObject().value(u"completed").toObject();
    QCOMPARE(completed.value(u"id").toInteger(), serving.id);
    QCOMPARE(completed.value(u"status").toString(), QStringLiteral("completed"));
    const HttpReply history =
        http().get(QStringLiteral("/api/tokens/%1").arg(serving.id), staff().admin);
    QCOMPARE(history.object().value(u"token").toObject().value(u"status").toString(),
             QStringLiteral("completed"));
    // The stale offer is gone: the next call finds the line empty, with nothing completed.
    const HttpReply again = Flow::act(http(), 1, QStringLiteral("call"), op1);
    FLOW_EXPECT_ERROR(again, 409, "queue_empty");
    QVERIFY(again.object().value(u"error").toObject().value(u"details").toObject().isEmpty());
}
