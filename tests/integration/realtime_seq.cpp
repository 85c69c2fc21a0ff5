// The installation-wide `seq`: consecutive across server instances, and the contract a client
// resyncs by (GET /api/queues answers a seq; later events carry higher ones, even after Redis
// lost everything).
#include <QElapsedTimer>
#include <QJsonArray>
#include <QTest>

#include "realtimetest.h"

namespace {
QList<qint64> seqsOf(const Ws::Client &client)
{
    QList<qint64> seqs;
    for (const QJsonObject &frame : client.events())
        seqs.append(frame.value(u"seq").toInteger());
    return seqs;
}

qint64 maxSeq(const Ws::Client &client)
{
    const QList<qint64> seqs = seqsOf(client);
    return seqs.isEmpty() ? 0 : *std::max_element(seqs.begin(), seqs.end());
}

// The first event after frame index `from` of that name about that id.
std::optional<QJsonObject> awaitEvent(Ws::Client &client, const QString &event, qint64 id,
                                      qsizetype from = 0, int timeoutMs = 5000)
{
    return client.waitFor(
        [&](const QJsonObject &f) {
            return f.value(u"event") == event &&
                   f.value(u"data").toObject().value(u"id").toInteger() == id;
        },
        timeoutMs, from);
}
} // namespace

void TestRealtime::eventsCrossInstances()
{
    QVERIFY(fresh());
    ServerProcess second(m_cluster.postgresUrl(), m_cluster.services().redisUrl());
    second.setEnvironmentValue(QStringLiteral("TOKEN_RATE_PER_MINUTE"), QStringLiteral("100000"));
    QVERIFY(second.start());
    auto onA = subscriber({QStringLiteral("global")});
    auto onB = subscriber({QStringLiteral("global")}, second.webSocketUrl());
    QVERIFY(onA && onB);

    // 30 actions, all through instance A.
    QStringList expected;
    QList<qint64> ids;
    for (int i = 0; i < 10; ++i) {
        const Issued token = issue(1 + i % 2);
        QVERIFY(token.id > 0);
        ids.append(token.id);
        expected.append(QStringLiteral("token_generated#%1").arg(token.id));
    }
    QVERIFY(act(1, QStringLiteral("open"), staff().operator1));
    expected.append(QStringLiteral("counter_status#1"));
    for (int i = 0; i < 6; ++i) {
        for (const QString &action :
             {QStringLiteral("call"), QStringLiteral("serve"), QStringLiteral("complete")}) {
            QVERIFY(act(1, action, staff().operator1));
            const QString event = action == u"call"    ? QStringLiteral("token_called")
                                  : action == u"serve" ? QStringLiteral("token_served")
                                                       : QStringLiteral("token_completed");
            expected.append(QStringLiteral("%1#%2").arg(event).arg(ids.at(i)));
        }
    }
    QVERIFY(act(1, QStringLiteral("pause"), staff().operator1,
                {{QStringLiteral("reason"), QStringLiteral("x")}}));
    expected.append(QStringLiteral("counter_status#1"));

    auto keysOf = [](const Ws::Client &client) {
        QStringList keys;
        for (const QJsonObject &f : client.events()) {
            if (f.value(u"event").toString() != u"queue_update")
                keys.append(f.value(u"event").toString() + u'#' +
                            QString::number(f.value(u"data").toObject().value(u"id").toInteger()));
        }
        return keys;
    };
    QVERIFY(QTest::qWaitFor([&] { return keysOf(*onB).size() >= expected.size(); }, 10'000));
    // The last coalesced queue_update events come up to two flushes (~600 ms) after the last
    // token event, later on a busy machine, and each instance flushes its own: wait until a whole
    // second passes without a new frame on either socket.
    const auto framesSeen = [&] { return onA->events().size() + onB->events().size(); };
    for (qsizetype seen = -1; seen != framesSeen();) {
        seen = framesSeen();
        QTest::qWait(1000);
    }
    QCOMPARE(keysOf(*onB), expected);

    const QList<qint64> seqs = seqsOf(*onB);
    QVERIFY(seqs.size() > expected.size()); // queue_update events are in between
    for (qsizetype i = 1; i < seqs.size(); ++i)
        QVERIFY2(seqs.at(i) == seqs.at(i - 1) + 1,
                 qPrintable(
                     QStringLiteral("seq %1 followed by %2").arg(seqs.at(i - 1)).arg(seqs.at(i))));
    // Both instances delivered the very same stream from the moment both listened: onA subscribed
    // first, so it may also hold a queue_update flushed before onB joined.
    const auto onASinceBoth = [&] {
        QList<qint64> sinceBoth = seqsOf(*onA);
        sinceBoth.removeIf([&](qint64 seq) { return seq < seqs.first(); });
        return sinceBoth;
    };
    QVERIFY(QTest::qWaitFor([&] { return onASinceBoth().size() >= seqs.size(); }, 3000));
    QCOMPARE(onASinceBoth(), seqs);
    second.dumpIfFailed();
}

void TestRealtime::resyncContract()
{
    QVERIFY(fresh());
    auto client = subscriber({QStringLiteral("global")});
    QVERIFY(client);
    const HttpReply first = http().get(QStringLiteral("/api/queues"));
    FLOW_EXPECT(first, 200);
    QVERIFY(first.object().value(u"seq").isDouble());
    const qint64 snapshotSeq = first.object().value(u"seq").toInteger();

    const Issued a = issue(1);
    QVERIFY(a.id > 0);
    const auto generated = awaitEvent(*client, QStringLiteral("token_generated"), a.id);
    QVERIFY(generated);
    QVERIFY(generated->value(u"seq").toInteger() > snapshotSeq);
    QVERIFY(act(2, QStringLiteral("open"), staff().admin));
    QVERIFY(awaitEvent(*client, QStringLiteral("counter_status"), 2));

    // A snapshot taken now covers everything delivered so far.
    const HttpReply second = http().get(QStringLiteral("/api/queues"));
    FLOW_EXPECT(second, 200);
    QVERIFY(second.object().value(u"seq").toInteger() >= maxSeq(*client));

    // A burst right before Redis loses everything: seq must not restart below it.
    QElapsedTimer burst;
    burst.start();
    QCOMPARE(issueBurst(400, 3), 400);
    qInfo("400 tokens issued in %lld ms", burst.elapsed());
    QVERIFY(QTest::qWaitFor([&] { return client->events().size() >= 400; }, 20'000));
    QTest::qWait(500);
    const qint64 seenBefore = maxSeq(*client);
    const qsizetype framesBefore = client->frameCount();
    QVERIFY(m_cluster.services().flushRedis());

    // The first action after the loss, before anything rebuilt the queue: its event cannot be
    // numbered yet. Either it arrives numbered above everything before, or clients are told to
    // resync, and the snapshot they fetch then shows the change.
    QVERIFY(act(2, QStringLiteral("pause"), staff().admin,
                {{QStringLiteral("reason"), QStringLiteral("x")}}));
    const auto paused = client->waitFor(
        [](const QJsonObject &f) {
            return f.value(u"type").toString() == u"resync" ||
                   (f.value(u"event").toString() == u"counter_status" &&
                    f.value(u"data").toObject().value(u"id").toInt() == 2);
        },
        5000, framesBefore);
    QVERIFY2(paused, "the first event after the loss was lost without a gap or a resync frame");
    if (paused->contains(u"event")) {
        QVERIFY(paused->value(u"seq").toInteger() > seenBefore);
    } else {
        const HttpReply resynced = http().get(QStringLiteral("/api/queues"));
        FLOW_EXPECT(resynced, 200);
        QVERIFY(resynced.object().value(u"seq").toInteger() > seenBefore);
        const QJsonArray counters = resynced.object().value(u"counters").toArray();
        QVERIFY(std::any_of(counters.begin(), counters.end(), [](const QJsonValue &c) {
            return c.toObject().value(u"id").toInt() == 2 &&
                   c.toObject().value(u"status").toString() == u"paused";
        }));
    }

    const Issued b = issue(1);
    QVERIFY(b.id > 0);
    const auto afterLoss =
        awaitEvent(*client, QStringLiteral("token_generated"), b.id, framesBefore);
    QVERIFY(afterLoss);
    QVERIFY2(afterLoss->value(u"seq").toInteger() > seenBefore,
             qPrintable(QStringLiteral("seq %1 after Redis lost its data, %2 seen before")
                            .arg(afterLoss->value(u"seq").toInteger())
                            .arg(seenBefore)));
    const HttpReply third = http().get(QStringLiteral("/api/queues"));
    FLOW_EXPECT(third, 200);
    QVERIFY(third.object().value(u"seq").toInteger() >= afterLoss->value(u"seq").toInteger());
}
