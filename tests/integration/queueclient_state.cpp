// QueueState fed with event frames directly: ordering, duplicates, out-of-order seq, gaps,
// resync replay, and what each event does to the lists and counters.

#include <QJsonArray>
#include <QTest>

#include "queueclienttest.h"

using namespace Nextup;
using namespace QueueClientTest;

namespace {

const QString kBase = QStringLiteral("2026-03-02T09:00:00.000Z");

QString at(int seconds)
{
    return QDateTime::fromString(kBase, Qt::ISODateWithMs)
        .addSecs(seconds)
        .toString(Qt::ISODateWithMs);
}

// Services 1 and 2, nothing waiting; counter 1 serves both, counter 2 serves 2. At seq 10.
QueueSnapshot emptySnapshot(qint64 seq = 10)
{
    const QJsonObject json{
        {QStringLiteral("seq"), seq},
        {QStringLiteral("services"),
         QJsonArray{QJsonObject{{QStringLiteral("id"), 1},
                                {QStringLiteral("code"), QStringLiteral("D")},
                                {QStringLiteral("waiting"), 0},
                                {QStringLiteral("tokens"), QJsonArray{}}},
                    QJsonObject{{QStringLiteral("id"), 2},
                                {QStringLiteral("code"), QStringLiteral("W")},
                                {QStringLiteral("waiting"), 0},
                                {QStringLiteral("tokens"), QJsonArray{}}}}},
        {QStringLiteral("counters"),
         QJsonArray{QJsonObject{{QStringLiteral("id"), 1},
                                {QStringLiteral("name"), QStringLiteral("A")},
                                {QStringLiteral("status"), QStringLiteral("open")},
                                {QStringLiteral("service_ids"), QJsonArray{1, 2}},
                                {QStringLiteral("current_token"), QJsonValue()}},
                    QJsonObject{{QStringLiteral("id"), 2},
                                {QStringLiteral("name"), QStringLiteral("B")},
                                {QStringLiteral("status"), QStringLiteral("closed")},
                                {QStringLiteral("service_ids"), QJsonArray{2}},
                                {QStringLiteral("current_token"), QJsonValue()}}}}};
    return QueueSnapshot::fromJson(json);
}

QList<qint64> idsOf(const QList<QueueToken> &tokens)
{
    QList<qint64> ids;
    for (const QueueToken &token : tokens)
        ids.append(token.id);
    return ids;
}

QueueEvent generated(qint64 seq, qint64 id, int serviceId = 1, int priority = 0, int arrival = 0)
{
    return makeEvent("token_generated", seq, waitingToken(id, serviceId, priority, at(arrival)));
}

QJsonObject tokenIn(qint64 id, const char *status, int serviceId, int counterId)
{
    QJsonObject token = waitingToken(id, serviceId, 0, at(0));
    token.insert(QStringLiteral("status"), QLatin1String(status));
    token.insert(QStringLiteral("counter_id"),
                 counterId > 0 ? QJsonValue(counterId) : QJsonValue());
    return token;
}

} // namespace

namespace QueueClientTest {

QueueEvent makeEvent(const char *name, qint64 seq, const QJsonObject &data)
{
    return QueueEvent{QLatin1String(name), QStringLiteral("global"), seq, {}, data};
}

QJsonObject waitingToken(qint64 id, int serviceId, int priority, const QString &arrivalAt)
{
    return {
        {QStringLiteral("id"), id},
        {QStringLiteral("token_number"), QStringLiteral("T%1").arg(id, 3, 10, QLatin1Char('0'))},
        {QStringLiteral("service_id"), serviceId},
        {QStringLiteral("status"), QStringLiteral("waiting")},
        {QStringLiteral("priority"), priority},
        {QStringLiteral("arrival_at"), arrivalAt},
        {QStringLiteral("counter_id"), QJsonValue()},
        {QStringLiteral("target_counter_id"), QJsonValue()}};
}

} // namespace QueueClientTest

void TestQueueClient::stateOrdersWaitingTokens_data()
{
    // "id:priority:arrival seconds" in the order the events come.
    QTest::addColumn<QString>("tokens");
    QTest::addColumn<QList<qint64>>("expected");
    QTest::newRow("arrival") << "1:0:0 2:0:10 3:0:5" << QList<qint64>{1, 3, 2};
    QTest::newRow("priority first") << "1:0:0 2:5:10 3:9:20" << QList<qint64>{3, 2, 1};
    QTest::newRow("id breaks ties") << "5:0:0 4:0:0 6:0:0" << QList<qint64>{4, 5, 6};
    QTest::newRow("booked slot earlier than walk-ins")
        << "1:0:60 2:0:120 3:0:30" << QList<qint64>{3, 1, 2};
    QTest::newRow("mixed") << "1:0:0 2:1:50 3:0:-10 4:1:40 5:0:0" << QList<qint64>{4, 2, 3, 1, 5};
}

void TestQueueClient::stateOrdersWaitingTokens()
{
    QFETCH(QString, tokens);
    QFETCH(QList<qint64>, expected);
    QueueState state;
    state.reset(emptySnapshot());
    qint64 seq = 10;
    for (const QString &spec : tokens.split(u' ')) {
        const QStringList parts = spec.split(u':');
        const auto result = state.feed(
            generated(++seq, parts[0].toLongLong(), 1, parts[1].toInt(), parts[2].toInt()));
        QCOMPARE(result.outcome, QueueState::Outcome::Applied);
    }
    QCOMPARE(idsOf(state.waiting(1)), expected);
    QCOMPARE(state.service(1)->waiting, expected.size());
    QCOMPARE(state.counter(1)->queueSize, expected.size());
    QCOMPARE(state.counter(2)->queueSize, 0);
    QCOMPARE(state.lastSeq(), seq);
}

void TestQueueClient::stateIgnoresDuplicates()
{
    QueueState state;
    state.reset(emptySnapshot());
    QCOMPARE(state.feed(generated(11, 1)).outcome, QueueState::Outcome::Applied);
    QCOMPARE(state.feed(generated(11, 1)).outcome, QueueState::Outcome::Duplicate);
    // Older than the snapshot: already in it.
    QCOMPARE(state.feed(generated(9, 7)).outcome, QueueState::Outcome::Duplicate);
    QCOMPARE(state.feed(generated(10, 8)).outcome, QueueState::Outcome::Duplicate);
    QCOMPARE(idsOf(state.waiting(1)), QList<qint64>{1});
    QCOMPARE(state.service(1)->waiting, 1);
    QCOMPARE(state.lastSeq(), 11);
}

void TestQueueClient::stateHoldsOutOfOrderEvents()
{
    QueueState state;
    state.reset(emptySnapshot());
    // 13 and 12 overtook 11: held, then applied in seq order once 11 is there.
    QCOMPARE(state.feed(generated(13, 3)).outcome, QueueState::Outcome::Held);
    QCOMPARE(state.feed(makeEvent("token_cancelled", 12, tokenIn(1, "cancelled", 1, 0))).outcome,
             QueueState::Outcome::Held);
    QCOMPARE(state.feed(generated(13, 3)).outcome, QueueState::Outcome::Duplicate);
    QVERIFY(state.hasGap());
    QCOMPARE(state.lastSeq(), 10);
    QVERIFY(state.waiting(1).isEmpty());

    const auto result = state.feed(generated(11, 1));
    QCOMPARE(result.outcome, QueueState::Outcome::Applied);
    QCOMPARE(result.applied.size(), 3);
    QCOMPARE(result.applied[0].seq, 11);
    QCOMPARE(result.applied[1].seq, 12);
    QCOMPARE(result.applied[2].seq, 13);
    QVERIFY(!state.hasGap());
    // Applied out of order, token 1 would have been cancelled before it existed and stayed.
    QCOMPARE(idsOf(state.waiting(1)), QList<qint64>{3});
    QCOMPARE(state.lastSeq(), 13);
}

void TestQueueClient::stateHoldsGapUntilResync()
{
    QueueState state;
    state.reset(emptySnapshot());
    QCOMPARE(state.feed(generated(11, 1)).outcome, QueueState::Outcome::Applied);
    QCOMPARE(state.feed(generated(14, 4)).outcome, QueueState::Outcome::Held);
    QCOMPARE(state.feed(generated(15, 5, 1, 0, 100)).outcome, QueueState::Outcome::Held);
    QVERIFY(state.hasGap());
    QCOMPARE(state.heldCount(), 2);

    // 12 and 13 never come: the snapshot at 14 covers tokens 1..4 and 15 is replayed on top.
    state.beginResync();
    QVERIFY(!state.hasGap());
    QueueSnapshot snapshot = emptySnapshot(14);
    for (qint64 id = 1; id <= 4; ++id)
        snapshot.services[0].tokens.append(
            QueueToken::fromJson(waitingToken(id, 1, 0, at(int(id))), 1));
    snapshot.services[0].waiting = 4;
    const QList<QueueEvent> replayed = state.reset(snapshot);
    QCOMPARE(replayed.size(), 1);
    QCOMPARE(replayed[0].seq, 15);
    QCOMPARE(idsOf(state.waiting(1)), (QList<qint64>{1, 2, 3, 4, 5}));
    QCOMPARE(state.service(1)->waiting, 5);
    QVERIFY(!state.hasGap());
    QCOMPARE(state.lastSeq(), 15);
}

void TestQueueClient::stateReplaysEventsAfterSnapshot()
{
    QueueState state;
    state.reset(emptySnapshot());
    state.beginResync();
    // While the snapshot is on its way everything is held, even the next seq.
    QCOMPARE(state.feed(generated(11, 1)).outcome, QueueState::Outcome::Held);
    QCOMPARE(state.feed(generated(12, 2)).outcome, QueueState::Outcome::Held);
    QCOMPARE(state.feed(generated(13, 3)).outcome, QueueState::Outcome::Held);
    QVERIFY(state.waiting(1).isEmpty());

    // The snapshot was read at seq 12: it has tokens 1 and 2; only 13 is replayed.
    QueueSnapshot snapshot = emptySnapshot(12);
    snapshot.services[0].tokens = {QueueToken::fromJson(waitingToken(1, 1, 0, at(0)), 1),
                                   QueueToken::fromJson(waitingToken(2, 1, 0, at(0)), 1)};
    snapshot.services[0].waiting = 2;
    const QList<QueueEvent> replayed = state.reset(snapshot);
    QCOMPARE(replayed.size(), 1);
    QCOMPARE(replayed[0].seq, 13);
    QCOMPARE(idsOf(state.waiting(1)), (QList<qint64>{1, 2, 3}));
    QCOMPARE(state.service(1)->waiting, 3);
}

void TestQueueClient::stateFollowsTokenLifecycle()
{
    QueueState state;
    state.reset(emptySnapshot());
    state.feed(generated(11, 1, 1, 0, 0));
    state.feed(generated(12, 2, 2, 0, 5));
    QCOMPARE(state.counter(1)->queueSize, 2);
    QCOMPARE(state.counter(2)->queueSize, 1);

    state.feed(makeEvent("token_called", 13, tokenIn(1, "called", 1, 1)));
    QVERIFY(state.waiting(1).isEmpty());
    QVERIFY(state.counter(1)->currentToken.has_value());
    QCOMPARE(state.counter(1)->currentToken->id, 1);
    QCOMPARE(state.counter(1)->currentToken->status, QStringLiteral("called"));
    QCOMPARE(state.counter(1)->queueSize, 1);

    state.feed(makeEvent("token_recalled", 14, tokenIn(1, "called", 1, 1)));
    QCOMPARE(state.counter(1)->currentToken->id, 1);
    state.feed(makeEvent("token_served", 15, tokenIn(1, "serving", 1, 1)));
    QCOMPARE(state.counter(1)->currentToken->status, QStringLiteral("serving"));
    state.feed(makeEvent("token_completed", 16, tokenIn(1, "completed", 1, 1)));
    QVERIFY(!state.counter(1)->currentToken.has_value());

    // Transferred back to a service's line: it keeps its original arrival, so it goes first.
    state.feed(generated(17, 3, 2, 0, 10));
    state.feed(makeEvent("token_called", 18, tokenIn(2, "called", 2, 1)));
    QCOMPARE(idsOf(state.waiting(2)), QList<qint64>{3});
    QJsonObject transferred = waitingToken(2, 2, 0, at(5));
    state.feed(makeEvent("token_transferred", 19, transferred));
    QVERIFY(!state.counter(1)->currentToken.has_value());
    QCOMPARE(idsOf(state.waiting(2)), (QList<qint64>{2, 3}));

    state.feed(makeEvent("token_skipped", 20, tokenIn(3, "skipped", 2, 0)));
    state.feed(makeEvent("token_cancelled", 21, tokenIn(2, "cancelled", 2, 0)));
    QVERIFY(state.waiting(2).isEmpty());
    QCOMPARE(state.service(2)->waiting, 0);
    QCOMPARE(state.counter(2)->queueSize, 0);
}

void TestQueueClient::stateAppliesCounterAndQueueUpdates()
{
    QueueState state;
    state.reset(emptySnapshot());
    state.feed(makeEvent("token_called", 11, tokenIn(9, "called", 2, 2)));
    QCOMPARE(state.counter(2)->currentToken->id, 9);

    // counter_status carries the counter row without current_token: the token stays.
    state.feed(makeEvent("counter_status", 12,
                         {{QStringLiteral("id"), 2},
                          {QStringLiteral("name"), QStringLiteral("B")},
                          {QStringLiteral("status"), QStringLiteral("paused")},
                          {QStringLiteral("operator_id"), 3},
                          {QStringLiteral("pause_reason"), QStringLiteral("lunch")},
                          {QStringLiteral("active"), true},
                          {QStringLiteral("service_ids"), QJsonArray{1, 2}}}));
    const CounterInfo *counter = state.counter(2);
    QCOMPARE(counter->status, QStringLiteral("paused"));
    QCOMPARE(counter->pauseReason, QStringLiteral("lunch"));
    QCOMPARE(counter->operatorId, 3);
    QCOMPARE(counter->serviceIds, (QList<int>{1, 2}));
    QCOMPARE(counter->currentToken->id, 9);

    state.feed(makeEvent("queue_update", 13,
                         {{QStringLiteral("service_id"), 1},
                          {QStringLiteral("code"), QStringLiteral("D")},
                          {QStringLiteral("name"), QStringLiteral("Deposit")},
                          {QStringLiteral("waiting"), 4},
                          {QStringLiteral("eta"), 600}}));
    QCOMPARE(state.service(1)->waiting, 4);
    QCOMPARE(state.service(1)->eta, 600);
    QCOMPARE(state.service(1)->name, QStringLiteral("Deposit"));
    QCOMPARE(state.counter(2)->queueSize, 4);

    // A new counter appears; a deactivated one disappears, as in GET /api/queues.
    state.feed(makeEvent("counter_status", 14,
                         {{QStringLiteral("id"), 7},
                          {QStringLiteral("name"), QStringLiteral("G")},
                          {QStringLiteral("status"), QStringLiteral("closed")},
                          {QStringLiteral("active"), true},
                          {QStringLiteral("service_ids"), QJsonArray{1}}}));
    QVERIFY(state.counter(7));
    QCOMPARE(state.counter(7)->queueSize, 4);
    state.feed(makeEvent("counter_status", 15,
                         {{QStringLiteral("id"), 7}, {QStringLiteral("active"), false}}));
    QVERIFY(!state.counter(7));
    QCOMPARE(state.counters().size(), 2);
}

void TestQueueClient::stateWithoutStrictSequence()
{
    // A client outside "global" sees only some seqs: jumps are normal, nothing is held.
    QueueState state;
    state.setStrictSequence(false);
    state.reset(emptySnapshot());
    QCOMPARE(state.feed(generated(15, 1)).outcome, QueueState::Outcome::Applied);
    QCOMPARE(state.feed(generated(40, 2)).outcome, QueueState::Outcome::Applied);
    QCOMPARE(state.feed(generated(20, 3)).outcome, QueueState::Outcome::Duplicate);
    QVERIFY(!state.hasGap());
    QCOMPARE(idsOf(state.waiting(1)), (QList<qint64>{1, 2}));
}
