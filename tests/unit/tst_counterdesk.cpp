// CounterDesk's decisions over in-memory records, line and notices (memoryqueue.h): which token
// a counter calls next, what each action refuses with (the exact status and code the API
// answers), and that a refused action leaves the records, the line and the notices exactly as
// they were, even when the line had already given a token up. tests/integration/tst_tokenflow
// runs the same desk against the real Postgres and Redis.
#include <QJsonArray>
#include <QTest>

#include "domain/counterdesk.h"
#include "memoryqueue.h"

using namespace Nextup;

namespace {
const Principal kAdmin{1, Roles::Admin, QStringLiteral("admin")};
const Principal kOperator1{11, Roles::Operator, QStringLiteral("op1")};
const Principal kOperator2{12, Roles::Operator, QStringLiteral("op2")};

QString describe(const Result<QJsonObject> &answer)
{
    return answer.ok() ? QStringLiteral("200 ok") : describe(answer.error());
}
} // namespace

class TestCounterDesk : public QObject
{
    Q_OBJECT

private slots:
    void init();

    void callOrder_data();
    void callOrder();
    void refusedActions_data();
    void refusedActions();
    void refusedCallPutsTheTokenBack_data();
    void refusedCallPutsTheTokenBack();
    void staleTokensAreReleased();
    void nextCompletesTheServingToken();
    void nextAfterOnlyStaleTokensStillCompletes();
    void failedCompletionPutsTheTokenBack();
    void transferToAServiceKeepsThePlace();
    void transferToACounterIsCalledThereOnly();
    void assignCallsOutOfOrder();
    void counterChangesAreAnnounced();

private:
    // Steps: "wait <service> [p<priority>] [@<arrival ms>] [c<counter>]" puts a token in line
    // (c: transferred to that counter); "stale <token>" cancels it in the records behind the
    // line's back (Redis lost an update); "<who> <action> <counter> [s<service>|c<counter>|
    // <token>]" is a desk action: who is admin, op1 or op2; the last word is transfer's target
    // or assign's token.
    Result<QJsonObject> run(const QString &step);
    void runAll(const QStringList &steps);
    qint64 calledId(const Result<QJsonObject> &answer) const;
    qint64 currentAt(int counterId) const; // the line's current token of the counter, 0 if none

    std::unique_ptr<MemoryQueue> m_queue;
    CounterDesk m_desk;
};

void TestCounterDesk::init()
{
    m_queue = std::make_unique<MemoryQueue>();
    MemoryRecords &records = m_queue->records;
    records.addService(1, QStringLiteral("D"));
    records.addService(2, QStringLiteral("W"));
    records.addService(3, QStringLiteral("L"));
    records.addService(4, QStringLiteral("X"), false);
    records.addCounter(1, {1, 2});
    records.addCounter(2, {1});
    records.addCounter(3, {3});
    records.addCounter(9, {1}, false);
}

Result<QJsonObject> TestCounterDesk::run(const QString &step)
{
    const QStringList words = step.split(u' ');
    if (words.at(0) == u"wait") {
        int priority = 0;
        qint64 arrival = 0;
        int target = 0;
        for (const QString &word : words.mid(2)) {
            if (word.startsWith(u'p'))
                priority = word.mid(1).toInt();
            else if (word.startsWith(u'@'))
                arrival = word.mid(1).toLongLong();
            else if (word.startsWith(u'c'))
                target = word.mid(1).toInt();
        }
        m_queue->addWaiting(words.at(1).toInt(), priority, arrival, target);
        return QJsonObject();
    }
    if (words.at(0) == u"stale") {
        m_queue->records.tokens[words.at(1).toLongLong()].status = QStringLiteral("cancelled");
        return QJsonObject();
    }
    const Principal &who = words.at(0) == u"admin" ? kAdmin
                           : words.at(0) == u"op1" ? kOperator1
                                                   : kOperator2;
    const QString &action = words.at(1);
    const int at = words.at(2).toInt();
    const QString last = words.value(3);
    const DeskPorts ports = m_queue->desk();
    if (action == u"open")
        return m_desk.open(ports, at, who);
    if (action == u"pause")
        return m_desk.pause(ports, at, QStringLiteral("lunch"), who);
    if (action == u"close")
        return m_desk.close(ports, at, who);
    if (action == u"call")
        return m_desk.callNext(ports, at, who);
    if (action == u"recall")
        return m_desk.recall(ports, at, who);
    if (action == u"serve")
        return m_desk.serve(ports, at, who);
    if (action == u"complete")
        return m_desk.complete(ports, at, who);
    if (action == u"skip")
        return m_desk.skip(ports, at, who);
    if (action == u"transfer") {
        CounterDesk::TransferTarget target;
        (last.startsWith(u's') ? target.serviceId : target.counterId) = last.mid(1).toInt();
        return m_desk.transfer(ports, at, target, who);
    }
    if (action == u"assign")
        return m_desk.assign(ports, last.toLongLong(), at, QStringLiteral("vip"), who);
    return ApiError::internal(QStringLiteral("unknown step ") + step);
}

void TestCounterDesk::runAll(const QStringList &steps)
{
    for (const QString &step : steps) {
        const auto answer = run(step);
        QVERIFY2(answer.ok(), qPrintable(step + QStringLiteral(": ") + describe(answer)));
    }
}

qint64 TestCounterDesk::calledId(const Result<QJsonObject> &answer) const
{
    return answer.ok() ? answer->value(u"token").toObject().value(u"id").toInteger() : 0;
}

qint64 TestCounterDesk::currentAt(int counterId) const
{
    return m_queue->line.current(counterId).value_or(0);
}

void TestCounterDesk::callOrder_data()
{
    // line: the waiting tokens, ids 1, 2, ... in this order; called: the ids the counter calls
    // one after the other (each skipped before the next) until nothing is left for it.
    QTest::addColumn<QStringList>("line");
    QTest::addColumn<int>("counterId");
    QTest::addColumn<QString>("called");

    QTest::newRow("earlier arrival first")
        << QStringList{"1 @200", "1 @100", "1 @300"} << 2 << "2,1,3";
    QTest::newRow("higher priority class first, then arrival")
        << QStringList{"1 @100", "1 p3 @300", "1 p9 @400", "1 p3 @200"} << 2 << "3,4,2,1";
    QTest::newRow("across the counter's services")
        << QStringList{"2 @100", "1 @200", "2 @300"} << 1 << "1,2,3";
    QTest::newRow("priority across services") << QStringList{"1 @100", "2 p1 @900"} << 1 << "2,1";
    QTest::newRow("only the counter's services") << QStringList{"3 @100", "1 @200"} << 1 << "2";
    QTest::newRow("equal places: the lower id") << QStringList{"2 @100", "1 @100"} << 1 << "1,2";
    QTest::newRow("transferred here keeps its place")
        << QStringList{"1 @200", "1 @100 c1", "1 @300"} << 1 << "2,1,3";
    QTest::newRow("transferred here from a service it does not serve")
        << QStringList{"3 @100 c2", "1 @200"} << 2 << "1,2";
    QTest::newRow("transferred to another counter is not called here")
        << QStringList{"1 @100 c2", "1 @200"} << 1 << "2";
}

void TestCounterDesk::callOrder()
{
    QFETCH(QStringList, line);
    QFETCH(int, counterId);
    QFETCH(QString, called);

    for (const QString &token : std::as_const(line))
        run(QStringLiteral("wait ") + token);
    runAll({QStringLiteral("op1 open %1").arg(counterId)});
    QStringList ids;
    for (;;) {
        const auto answer = run(QStringLiteral("op1 call %1").arg(counterId));
        if (!answer.ok()) {
            QCOMPARE(answer.error().status, 409);
            QCOMPARE(answer.error().code, QStringLiteral("queue_empty"));
            break;
        }
        ids.append(QString::number(calledId(answer)));
        QCOMPARE(currentAt(counterId), calledId(answer));
        runAll({QStringLiteral("op1 skip %1").arg(counterId)});
        QVERIFY(ids.size() <= line.size());
    }
    QCOMPARE(ids.join(u','), called);
}

void TestCounterDesk::refusedActions_data()
{
    // The setup steps must succeed; the action is checked (200: accepted, nothing more).
    QTest::addColumn<QStringList>("setup");
    QTest::addColumn<QString>("action");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");

    const QStringList called{"wait 1", "op1 open 1", "op1 call 1"};
    const QStringList serving = called + QStringList{"op1 serve 1"};
    QTest::newRow("call, nothing waiting")
        << QStringList{"op1 open 1"} << "op1 call 1" << 409 << "queue_empty";
    QTest::newRow("call, only other services waiting")
        << QStringList{"wait 3", "op1 open 1"} << "op1 call 1" << 409 << "queue_empty";
    QTest::newRow("call while serving, nothing waiting: the token stays served")
        << serving << "op1 call 1" << 409 << "queue_empty";
    QTest::newRow("call, current still called")
        << QStringList{"wait 1"} + called << "op1 call 1" << 409 << "invalid_state";
    QTest::newRow("serve, nothing called")
        << QStringList{"wait 1", "op1 open 1"} << "op1 serve 1" << 409 << "invalid_state";
    QTest::newRow("complete, still called") << called << "op1 complete 1" << 409 << "invalid_state";
    QTest::newRow("complete, no token at the counter")
        << QStringList{"wait 1", "op1 open 1"} << "op1 complete 1" << 409 << "invalid_state";
    QTest::newRow("skip, no token at the counter")
        << QStringList{"wait 1", "op1 open 1"} << "op1 skip 1" << 409 << "invalid_state";
    QTest::newRow("skip, already serving") << serving << "op1 skip 1" << 409 << "invalid_state";
    QTest::newRow("recall, nothing called")
        << QStringList{"op1 open 1"} << "op1 recall 1" << 409 << "invalid_state";
    QTest::newRow("transfer, nothing called")
        << QStringList{"wait 1", "op1 open 1"} << "op1 transfer 1 s2" << 409 << "invalid_state";
    QTest::newRow("transfer to an inactive service")
        << called << "op1 transfer 1 s4" << 404 << "not_found";
    QTest::newRow("transfer to an unknown counter")
        << called << "op1 transfer 1 c99" << 404 << "not_found";
    QTest::newRow("transfer to its own counter")
        << called << "op1 transfer 1 c1" << 400 << "validation_failed";
    QTest::newRow("operator2 calls on operator1's counter")
        << QStringList{"wait 1", "op1 open 1"} << "op2 call 1" << 403 << "forbidden";
    QTest::newRow("operator2 serves operator1's called token")
        << called << "op2 serve 1" << 403 << "forbidden";
    QTest::newRow("operator2 completes operator1's token")
        << serving << "op2 complete 1" << 403 << "forbidden";
    QTest::newRow("operator2 pauses operator1's counter")
        << QStringList{"op1 open 1"} << "op2 pause 1" << 403 << "forbidden";
    QTest::newRow("operator2 opens a busy counter")
        << QStringList{"op1 open 1"} << "op2 open 1" << 409 << "counter_busy";
    QTest::newRow("serve at a closed counter")
        << QStringList{"wait 1"} << "op1 serve 1" << 409 << "counter_not_open";
    QTest::newRow("call while closed")
        << QStringList{"wait 1"} << "op1 call 1" << 409 << "counter_not_open";
    QTest::newRow("call while paused") << QStringList{"wait 1", "op1 open 1", "op1 pause 1"}
                                       << "op1 call 1" << 409 << "counter_not_open";
    QTest::newRow("close with a called token") << called << "op1 close 1" << 409 << "invalid_state";
    QTest::newRow("close with a token being served")
        << serving << "op1 close 1" << 409 << "invalid_state";
    QTest::newRow("skip at an unknown counter")
        << QStringList{"wait 1"} << "op1 skip 99" << 404 << "not_found";
    QTest::newRow("open an unknown counter")
        << QStringList{"wait 1"} << "admin open 99" << 404 << "not_found";
    QTest::newRow("open an inactive counter")
        << QStringList{"wait 1"} << "admin open 9" << 404 << "not_found";
    QTest::newRow("assign while a token is at the counter")
        << QStringList{"wait 1"} + called << "op1 assign 1 1" << 409 << "invalid_state";
    QTest::newRow("assign an unknown token")
        << QStringList{"op1 open 1"} << "op1 assign 1 99" << 404 << "not_found";
    QTest::newRow("assign a token called elsewhere")
        << QStringList{"wait 1", "op1 open 1", "op2 open 2", "op2 call 2"} << "op1 assign 1 1"
        << 409 << "invalid_state";
    QTest::newRow("assign at operator2's counter")
        << QStringList{"wait 1", "op1 open 1"} << "op2 assign 1 1" << 403 << "forbidden";
    QTest::newRow("admin completes operator1's token")
        << serving << "admin complete 1" << 200 << "";
    QTest::newRow("serve while paused")
        << called + QStringList{"op1 pause 1"} << "op1 serve 1" << 200 << "";
    QTest::newRow("resume after pause, then call")
        << QStringList{"wait 1", "op1 open 1", "op1 pause 1", "op1 open 1"} << "op1 call 1" << 200
        << "";
}

void TestCounterDesk::refusedActions()
{
    QFETCH(QStringList, setup);
    QFETCH(QString, action);
    QFETCH(int, status);
    QFETCH(QString, code);

    runAll(setup);
    const QStringList before = m_queue->state();
    const QList<int> staleBefore = m_queue->notices.staleWaits;
    const auto answer = run(action);
    QVERIFY2((answer.ok() ? 200 : answer.error().status) == status, qPrintable(describe(answer)));
    if (status == 200)
        return;
    QCOMPARE(answer.error().code, code);
    QCOMPARE(m_queue->state(), before);
    QCOMPARE(m_queue->notices.staleWaits, staleBefore);
    QCOMPARE(m_queue->line.invalidations, 0);
}

void TestCounterDesk::refusedCallPutsTheTokenBack_data()
{
    // The line gave a token up, then Postgres' guarded update refused it or failed.
    // refusal: the guarded update's error (409 already_exists: the counter holds a token
    // already; 503: Postgres is down).
    QTest::addColumn<int>("refusal");
    QTest::addColumn<bool>("putBackFails");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("invalidations");

    QTest::newRow("another call at the counter got there first")
        << 409 << false << 409 << "invalid_state" << 0;
    QTest::newRow("...and the line could not take it back: rebuilt")
        << 409 << true << 409 << "invalid_state" << 1;
    QTest::newRow("Postgres down: the line is rebuilt from it")
        << 503 << false << 503 << "postgres_unavailable" << 1;
}

void TestCounterDesk::refusedCallPutsTheTokenBack()
{
    QFETCH(int, refusal);
    QFETCH(bool, putBackFails);
    QFETCH(int, status);
    QFETCH(QString, code);
    QFETCH(int, invalidations);

    runAll({"wait 1 @100", "wait 2 @200", "op1 open 1"});
    const QStringList before = m_queue->state();
    m_queue->records.failingChanges = {
        refusal == 409
            ? ApiError::conflict(QStringLiteral("already_exists"), QStringLiteral("taken"))
            : ApiError::postgresUnavailable()};
    if (putBackFails)
        m_queue->line.failing = {QStringLiteral("putBack")};
    const auto answer = run(QStringLiteral("op1 call 1"));
    QVERIFY(!answer.ok());
    QCOMPARE(answer.error().status, status);
    QCOMPARE(answer.error().code, code);
    QCOMPARE(m_queue->state(), before); // token 1 first in line again, counter 1 holds nothing
    QCOMPARE(m_queue->line.waiting("q:1"), QList<qint64>{1});
    QCOMPARE(m_queue->line.invalidations, invalidations);
}

void TestCounterDesk::staleTokensAreReleased()
{
    // Redis still has tokens 1 and 2 waiting that Postgres no longer has: each is let go, and
    // the first token Postgres agrees on is called.
    runAll({"wait 1 @100", "wait 1 @200", "wait 1 @300", "stale 1", "stale 2", "op1 open 1"});
    const auto answer = run(QStringLiteral("op1 call 1"));
    QCOMPARE(calledId(answer), qint64(3));
    QCOMPARE(m_queue->line.waiting("q:1"), QList<qint64>());
    QCOMPARE(currentAt(1), qint64(3));
    QCOMPARE(m_queue->records.tokens.value(1).status, QStringLiteral("cancelled"));
    QCOMPARE(m_queue->records.events, QStringList{"3 called"});
    QCOMPARE(m_queue->notices.heard.last(), QStringLiteral("token_called D003 counter:1"));
    QCOMPARE(m_queue->line.invalidations, 0);
}

void TestCounterDesk::nextCompletesTheServingToken()
{
    runAll({"wait 1 @100", "wait 1 @200", "op1 open 1", "op1 call 1", "op1 serve 1"});
    m_queue->notices.heard.clear();
    m_queue->notices.staleWaits.clear();
    const auto answer = run(QStringLiteral("op1 call 1"));
    QCOMPARE(calledId(answer), qint64(2));
    QCOMPARE(m_queue->records.tokens.value(1).status, QStringLiteral("completed"));
    QCOMPARE(m_queue->notices.heard,
             (QStringList{"token_completed D001 counter:1", "token_called D002 counter:1"}));
    QCOMPARE(m_queue->notices.staleWaits, QList<int>{1}); // a new service time
    QCOMPARE(currentAt(1), qint64(2));
}

void TestCounterDesk::nextAfterOnlyStaleTokensStillCompletes()
{
    // The serving token is completed once a next token was taken; that one turns out stale and
    // nothing else waits: the answer is queue_empty, and says the serving token was completed.
    runAll({"wait 1 @100", "wait 1 @200", "op1 open 1", "op1 call 1", "op1 serve 1", "stale 2"});
    const auto answer = run(QStringLiteral("op1 call 1"));
    QVERIFY(!answer.ok());
    QCOMPARE(answer.error().status, 409);
    QCOMPARE(answer.error().code, QStringLiteral("queue_empty"));
    QVERIFY2(answer.error().message.startsWith(u"D001 was completed."),
             qPrintable(answer.error().message));
    const QJsonObject completed = answer.error().details.toObject().value(u"completed").toObject();
    QCOMPARE(completed.value(u"status").toString(), QStringLiteral("completed"));
    QCOMPARE(m_queue->records.tokens.value(1).status, QStringLiteral("completed"));
    QCOMPARE(currentAt(1), qint64(0));
}

void TestCounterDesk::failedCompletionPutsTheTokenBack()
{
    // "Next" while serving takes token 2, then completing token 1 fails: token 2 goes back to
    // its place and the counter holds token 1 again, as if nothing happened.
    runAll({"wait 1 @100", "wait 1 @200", "op1 open 1", "op1 call 1", "op1 serve 1"});
    const QStringList before = m_queue->state();
    m_queue->records.failingChanges = {ApiError::postgresUnavailable()};
    const auto answer = run(QStringLiteral("op1 call 1"));
    QVERIFY(!answer.ok());
    QCOMPARE(answer.error().status, 503);
    QCOMPARE(answer.error().code, QStringLiteral("postgres_unavailable"));
    QCOMPARE(m_queue->state(), before);
    QCOMPARE(currentAt(1), qint64(1));
    QCOMPARE(m_queue->line.invalidations, 0);
}

void TestCounterDesk::transferToAServiceKeepsThePlace()
{
    runAll({"wait 1 @100", "wait 2 @300", "op1 open 1", "op1 call 1"});
    const auto answer = run(QStringLiteral("op1 transfer 1 s2"));
    QVERIFY2(answer.ok(), qPrintable(describe(answer)));
    const TokenRecord moved = m_queue->records.tokens.value(1);
    QCOMPARE(moved.status, QStringLiteral("waiting"));
    QCOMPARE(moved.serviceId, 2);
    QCOMPARE(moved.counterId, 0);
    QCOMPARE(m_queue->line.waiting("q:2"), (QList<qint64>{1, 2})); // arrived first, still first
    QCOMPARE(currentAt(1), qint64(0));
    QCOMPARE(m_queue->notices.heard.last(),
             QStringLiteral("token_transferred D001 counter:1 left service:1"));
    QCOMPARE(m_queue->records.events.last(), QStringLiteral("1 transferred"));
}

void TestCounterDesk::transferToACounterIsCalledThereOnly()
{
    runAll({"wait 1 @100", "wait 1 @300", "op1 open 1", "op1 call 1", "op1 transfer 1 c2"});
    QCOMPARE(m_queue->line.waiting("cq:2"), QList<qint64>{1});
    QCOMPARE(m_queue->records.tokens.value(1).targetCounterId, 2);
    QCOMPARE(calledId(run(QStringLiteral("op1 call 1"))), qint64(2)); // not the transferred one
    runAll({"op1 skip 1", "op2 open 2"});
    QCOMPARE(calledId(run(QStringLiteral("op2 call 2"))), qint64(1));
}

void TestCounterDesk::assignCallsOutOfOrder()
{
    runAll({"wait 1 @100", "wait 1 @200", "op1 open 1"});
    const auto answer = run(QStringLiteral("op1 assign 1 2"));
    QCOMPARE(calledId(answer), qint64(2));
    QCOMPARE(m_queue->line.waiting("q:1"), QList<qint64>{1});
    QCOMPARE(currentAt(1), qint64(2));
    QCOMPARE(m_queue->records.events, QStringList{"2 assigned"});
    QCOMPARE(m_queue->notices.heard.last(), QStringLiteral("token_called D002 counter:1"));

    // When the line cannot follow, the token is called all the same and the line is rebuilt.
    m_queue->line.failing = {QStringLiteral("seat")};
    runAll({"op1 skip 1"});
    QCOMPARE(calledId(run(QStringLiteral("op1 assign 1 1"))), qint64(1));
    QCOMPARE(m_queue->line.invalidations, 1);
    QCOMPARE(currentAt(1), qint64(1)); // from the records
}

void TestCounterDesk::counterChangesAreAnnounced()
{
    runAll({"op1 open 1", "op1 pause 1"});
    QCOMPARE(m_queue->records.counters.value(1).pauseReason, QStringLiteral("lunch"));
    QCOMPARE(m_queue->records.counters.value(1).operatorId, kOperator1.userId);
    runAll({"op1 close 1"});
    QCOMPARE(m_queue->notices.heard,
             (QStringList{"counter_status 1 open", "counter_status 1 paused",
                          "counter_status 1 closed"}));
    // Open counters divide the wait: every service of the counter, at every change.
    QCOMPARE(m_queue->notices.staleWaits, (QList<int>{1, 2, 1, 2, 1, 2}));
    QCOMPARE(m_queue->records.counters.value(1).operatorId, 0);
}

QTEST_GUILESS_MAIN(TestCounterDesk)
#include "tst_counterdesk.moc"
