// GET /api/tokens: every filter and paging against a known dataset (the seed's six tokens of
// yesterday plus five of today in known states), compared row by row in the answer's order.
#include <QJsonArray>
#include <QTest>

#include "tokenflowtest.h"

namespace {
// Placeholders in the query column, filled at run time.
QString expand(QString query, QDate today)
{
    query.replace(QStringLiteral("{today}"), today.toString(Qt::ISODate));
    query.replace(QStringLiteral("{yesterday}"), today.addDays(-1).toString(Qt::ISODate));
    query.replace(QStringLiteral("{midnight}"),
                  QDateTime(today, QTime(0, 0), Qt::UTC).toString(Qt::ISODateWithMs));
    return query;
}
} // namespace

// Today: D001 completed at counter 1, D002 skipped at counter 1, W001 waiting, P001 called at
// counter 2, D003 waiting. Built once; every row of historyFilters reads it.
void TestTokenFlow::buildHistoryDataset()
{
    QVERIFY(fresh());
    for (int service : {1, 1, 2, 3, 1})
        QVERIFY(issueToken(service).id > 0);
    const QString &op1 = staff().operator1;
    FLOW_EXPECT(Flow::act(http(), 1, QStringLiteral("open"), op1), 200);
    QCOMPARE(callNumber(1, op1), QStringLiteral("D001"));
    FLOW_EXPECT(Flow::act(http(), 1, QStringLiteral("serve"), op1), 200);
    FLOW_EXPECT(Flow::act(http(), 1, QStringLiteral("complete"), op1), 200);
    QCOMPARE(callNumber(1, op1), QStringLiteral("D002"));
    FLOW_EXPECT(Flow::act(http(), 1, QStringLiteral("skip"), op1), 200);
    FLOW_EXPECT(Flow::act(http(), 2, QStringLiteral("open"), staff().admin), 200);
    QCOMPARE(callNumber(2, staff().admin), QStringLiteral("P001"));
    m_historyGeneration = m_cluster.generation();
}

void TestTokenFlow::historyFilters_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("expected"); // "T:" today / "Y:" yesterday + number, newest first
    QTest::addColumn<int>("total");
    QTest::addColumn<int>("page");
    QTest::addColumn<int>("pageSize");

    const QStringList all{"T:D003", "T:P001", "T:W001", "T:D002", "T:D001", "Y:P002",
                          "Y:W002", "Y:P001", "Y:W001", "Y:D002", "Y:D001"};
    const QStringList todays = all.mid(0, 5);
    const QStringList yesterdays = all.mid(5);
    auto row = [](const char *name, const char *query, const QStringList &expected) {
        QTest::newRow(name) << QString::fromLatin1(query) << expected << int(expected.size()) << 1
                            << 50;
    };
    row("no filter", "", all);
    row("today", "from={today}&to={today}", todays);
    row("yesterday", "from={yesterday}&to={yesterday}", yesterdays);
    row("from today on", "from={today}", todays);
    row("up to yesterday", "to={yesterday}", yesterdays);
    row("from an ISO time", "from={midnight}", todays);
    row("empty range", "from={today}&to={yesterday}", {});
    row("service 1", "service_id=1", {"T:D003", "T:D002", "T:D001", "Y:D002", "Y:D001"});
    row("service 1 today", "service_id=1&from={today}&to={today}", {"T:D003", "T:D002", "T:D001"});
    row("counter 1", "counter_id=1", {"T:D002", "T:D001", "Y:W001", "Y:D001"});
    row("counter 2 today", "counter_id=2&from={today}", {"T:P001"});
    row("counter 3", "counter_id=3", {"Y:W002", "Y:D002"});
    row("completed", "status=completed", {"T:D001", "Y:P001", "Y:W001", "Y:D002", "Y:D001"});
    row("waiting", "status=waiting", {"T:D003", "T:W001"});
    row("skipped", "status=skipped", {"T:D002", "Y:W002"});
    row("called", "status=called", {"T:P001"});
    row("cancelled", "status=cancelled", {"Y:P002"});
    row("number D001", "number=D001", {"T:D001", "Y:D001"});
    row("number 1", "number=1", {"T:P001", "T:W001", "T:D001", "Y:P001", "Y:W001", "Y:D001"});
    row("number 002", "number=002", {"T:D002", "Y:P002", "Y:W002", "Y:D002"});
    row("number W002", "number=W002", {"Y:W002"});
    row("number D001 today", "number=D001&from={today}", {"T:D001"});
    row("service and status", "service_id=2&status=completed", {"Y:W001"});
    row("nothing matches", "service_id=3&status=skipped", {});
    QTest::newRow("page 1 of 3") << "page_size=4" << all.mid(0, 4) << 11 << 1 << 4;
    QTest::newRow("page 2 of 3") << "page_size=4&page=2" << all.mid(4, 4) << 11 << 2 << 4;
    QTest::newRow("page 3 of 3") << "page=3&page_size=4" << all.mid(8) << 11 << 3 << 4;
    QTest::newRow("past the end") << "page_size=4&page=4" << QStringList() << 11 << 4 << 4;
    QTest::newRow("paged filter") << "status=completed&page_size=2&page=2"
                                  << QStringList{"Y:W001", "Y:D002"} << 5 << 2 << 2;
}

void TestTokenFlow::historyFilters()
{
    QFETCH(QString, query);
    QFETCH(QStringList, expected);
    QFETCH(int, total);
    QFETCH(int, page);
    QFETCH(int, pageSize);
    if (nearMidnight())
        QSKIP("the business day changes within two minutes");
    if (m_historyGeneration != m_cluster.generation())
        buildHistoryDataset();
    QCOMPARE(m_historyGeneration, m_cluster.generation());

    const QString path = QStringLiteral("/api/tokens") +
                         (query.isEmpty() ? QString() : u'?' + expand(query, today()));
    const HttpReply reply = http().get(path, staff().operator2);
    FLOW_EXPECT(reply, 200);
    const QJsonObject answer = reply.object();
    QCOMPARE(answer.value(u"total").toInt(-1), total);
    QCOMPARE(answer.value(u"page").toInt(), page);
    QCOMPARE(answer.value(u"page_size").toInt(), pageSize);
    QStringList got;
    const QString todayText = today().toString(Qt::ISODate);
    for (const QJsonValue &value : answer.value(u"items").toArray()) {
        const QJsonObject item = value.toObject();
        const QString day = item.value(u"business_date").toString();
        got.append((day == todayText ? QStringLiteral("T:") : QStringLiteral("Y:")) +
                   item.value(u"token_number").toString());
        QVERIFY2(day == todayText || day == today().addDays(-1).toString(Qt::ISODate),
                 qPrintable(day));
    }
    QCOMPARE(got, expected);
}

void TestTokenFlow::historyRefused_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("who");
    QTest::addColumn<int>("expected");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("field");

    QTest::newRow("anonymous") << ""
                               << "" << 401 << "unauthorized"
                               << "";
    QTest::newRow("kiosk") << ""
                           << "kiosk" << 403 << "forbidden"
                           << "";
    QTest::newRow("bad status") << "status=lost"
                                << "op1" << 400 << "validation_failed"
                                << "status";
    QTest::newRow("page size 0") << "page_size=0"
                                 << "op1" << 400 << "validation_failed"
                                 << "page_size";
    QTest::newRow("page size 201") << "page_size=201"
                                   << "op1" << 400 << "validation_failed"
                                   << "page_size";
    QTest::newRow("page 0") << "page=0"
                            << "admin" << 400 << "validation_failed"
                            << "page";
    QTest::newRow("bad date") << "from=yesterday"
                              << "admin" << 400 << "validation_failed"
                              << "from";
    QTest::newRow("bad to") << "to=2026-13-45"
                            << "admin" << 400 << "validation_failed"
                            << "to";
    QTest::newRow("service not a number") << "service_id=one"
                                          << "admin" << 400 << "validation_failed"
                                          << "service_id";
    QTest::newRow("counter negative") << "counter_id=-2"
                                      << "admin" << 400 << "validation_failed"
                                      << "counter_id";
    QTest::newRow("bad number") << "number=12D"
                                << "admin" << 400 << "validation_failed"
                                << "number";
}

void TestTokenFlow::historyRefused()
{
    QFETCH(QString, query);
    QFETCH(QString, who);
    QFETCH(int, expected);
    QFETCH(QString, code);
    QFETCH(QString, field);

    const HttpReply reply = http().get(QStringLiteral("/api/tokens?") + query, staff().byName(who));
    FLOW_EXPECT_ERROR(reply, expected, code);
    const QString problem = Flow::errorShapeProblem(reply.json, code);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    if (!field.isEmpty())
        QVERIFY2(
            reply.object().value(u"error").toObject().value(u"details").toObject().contains(field),
            reply.body.constData());
}
