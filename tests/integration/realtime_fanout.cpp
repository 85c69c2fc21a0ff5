// Fan-out writes one prebuilt frame per event and room to every member (websockethub.cpp): every
// socket of a room must read byte-identical text for an event, each socket its events in seq
// order and once, through its most specific room, and a socket outside the rooms nothing.
#include <limits>

#include <QJsonArray>
#include <QTest>

#include "realtimetest.h"

namespace {
// The wire text of each event a client received from seq `first` to `last`, by seq (the server
// publishes queue_update events of its own: cut to the span of the tokens, where every client
// was subscribed already and has read everything).
struct Span
{
    qint64 first = 0;
    qint64 last = 0;
};

QMap<qint64, QString> eventTextBySeq(const Ws::Client &client, Span span)
{
    QMap<qint64, QString> bySeq;
    for (const QString &text : client.rawFrames()) {
        const QJsonObject frame = QJsonDocument::fromJson(text.toUtf8()).object();
        const qint64 seq = frame.value(u"seq").toInteger();
        if (frame.contains(u"event") && seq >= span.first && seq <= span.last)
            bySeq.insert(seq, text);
    }
    return bySeq;
}

// The seq of the token_generated event about `id`; 0 when none arrived.
qint64 generatedSeq(const Ws::Client &client, qint64 id)
{
    for (const QJsonObject &f : client.events()) {
        if (f.value(u"event").toString() == u"token_generated" &&
            f.value(u"data").toObject().value(u"id").toInteger() == id)
            return f.value(u"seq").toInteger();
    }
    return 0;
}

// The seqs of a client's events, in arrival order.
QList<qint64> seqsInOrder(const Ws::Client &client)
{
    QList<qint64> seqs;
    for (const QJsonObject &frame : client.events())
        seqs.append(frame.value(u"seq").toInteger());
    return seqs;
}

// token_generated events about `id`.
qsizetype generatedFor(const Ws::Client &client, qint64 id)
{
    const QList<QJsonObject> events = client.events();
    return std::count_if(events.begin(), events.end(), [id](const QJsonObject &f) {
        return f.value(u"event").toString() == u"token_generated" &&
               f.value(u"data").toObject().value(u"id").toInteger() == id;
    });
}
} // namespace

void TestRealtime::fanoutFramesIdentical()
{
    QVERIFY(fresh());
    const QStringList global{QStringLiteral("global")};
    const QStringList service1{QStringLiteral("service:1")};
    const QStringList service2{QStringLiteral("service:2")};
    std::vector<std::unique_ptr<Ws::Client>> inGlobal;
    std::vector<std::unique_ptr<Ws::Client>> inService1;
    for (int i = 0; i < 6; ++i) {
        inGlobal.push_back(subscriber(global));
        inService1.push_back(subscriber(service1));
        QVERIFY(inGlobal.back() && inService1.back());
    }
    auto inService2 = subscriber(service2);
    auto inBoth = subscriber({QStringLiteral("global"), QStringLiteral("service:1")});
    auto inNone = subscriber({});
    // A hand-written client sees the frames themselves: each event one unfragmented text frame.
    Ws::RawClient raw;
    QVERIFY(raw.connectTo(quint16(wsUrl().port())));
    QVERIFY(raw.sendText(R"({"type":"subscribe","rooms":["global"]})"));
    QVERIFY(inService2 && inBoth && inNone);
    // The raw client's subscription confirmed before the events (what it read so far is kept
    // out of the comparison: hello and the confirmation).
    bool confirmed = false;
    for (int i = 0; i < 50 && !confirmed; ++i) {
        for (const Ws::RawClient::Frame &frame : raw.read(100))
            confirmed = confirmed || frame.payload.contains("\"type\":\"subscribed\"");
    }
    QVERIFY(confirmed);

    QList<qint64> ids1;
    QList<qint64> ids2;
    for (int i = 0; i < 8; ++i) {
        const Issued token = issue(i % 4 == 3 ? 2 : 1);
        QVERIFY(token.id > 0);
        (i % 4 == 3 ? ids2 : ids1).append(token.id);
    }
    const auto all = [&](const auto &clients, const std::function<bool(const Ws::Client &)> &ok) {
        return std::all_of(clients.begin(), clients.end(), [&](const auto &c) { return ok(*c); });
    };
    const auto hasAll = [&](const QList<qint64> &ids) {
        return [ids](const Ws::Client &c) {
            return std::all_of(ids.begin(), ids.end(),
                               [&](qint64 id) { return generatedFor(c, id) > 0; });
        };
    };
    QVERIFY(QTest::qWaitFor(
        [&] {
            return all(inGlobal, hasAll(ids1 + ids2)) && all(inService1, hasAll(ids1)) &&
                   hasAll(ids2)(*inService2) && hasAll(ids1 + ids2)(*inBoth);
        },
        10'000));
    QTest::qWait(300); // anything extra or duplicated would arrive now

    // Byte-identical per room, seq in order, each event once.
    Span span{std::numeric_limits<qint64>::max(), 0};
    for (qint64 id : ids1 + ids2) {
        span.first = qMin(span.first, generatedSeq(*inGlobal.front(), id));
        span.last = qMax(span.last, generatedSeq(*inGlobal.front(), id));
    }
    const QMap<qint64, QString> globalTexts = eventTextBySeq(*inGlobal.front(), span);
    QVERIFY(globalTexts.size() >= ids1.size() + ids2.size());
    for (const auto &client : inGlobal) {
        QCOMPARE(eventTextBySeq(*client, span), globalTexts);
        QList<qint64> seqs = seqsInOrder(*client);
        QVERIFY2(std::is_sorted(seqs.begin(), seqs.end()), "events out of seq order");
        QCOMPARE(std::adjacent_find(seqs.begin(), seqs.end()), seqs.end()); // none twice
    }
    const QMap<qint64, QString> service1Texts = eventTextBySeq(*inService1.front(), span);
    for (const auto &client : inService1) {
        QCOMPARE(eventTextBySeq(*client, span), service1Texts);
        const QList<qint64> seqs = seqsInOrder(*client);
        QVERIFY(std::is_sorted(seqs.begin(), seqs.end()));
    }
    // Rooms exact: the frame names the room it came through, and nothing crosses rooms.
    for (const QString &text : globalTexts)
        QVERIFY2(text.contains(u"\"room\":\"global\""), qPrintable(text));
    for (const QString &text : service1Texts)
        QVERIFY2(text.contains(u"\"room\":\"service:1\""), qPrintable(text));
    for (qint64 id : ids2)
        QCOMPARE(generatedFor(*inService1.front(), id), 0);
    for (qint64 id : ids1)
        QCOMPARE(generatedFor(*inService2, id), 0);
    QVERIFY(inNone->events().isEmpty());
    // In both rooms: each event once, through service:1 when it is about service 1.
    for (qint64 id : ids1 + ids2)
        QCOMPARE(generatedFor(*inBoth, id), 1);
    const QMap<qint64, QString> bothTexts = eventTextBySeq(*inBoth, span);
    for (auto it = bothTexts.cbegin(); it != bothTexts.cend(); ++it) {
        const QString expected = service1Texts.value(it.key(), globalTexts.value(it.key()));
        QCOMPARE(it.value(), expected);
    }

    // On the wire: the same text in one FIN text frame each.
    QMap<qint64, QString> rawTexts;
    for (const Ws::RawClient::Frame &frame : raw.read(300)) {
        if (frame.opcode != 0x1)
            continue;
        const QJsonObject object = QJsonDocument::fromJson(frame.payload).object();
        const qint64 seq = object.value(u"seq").toInteger();
        if (object.contains(u"event") && seq >= span.first && seq <= span.last)
            rawTexts.insert(seq, QString::fromUtf8(frame.payload));
    }
    QCOMPARE(rawTexts, globalTexts);
}
