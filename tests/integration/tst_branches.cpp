// Many branches in one installation (issue 18, "Stats and history at scale"), against a real
// server, Postgres and Redis: ?branch_id= on the lists, the live queue and the statistics, and
// "today" per branch time zone. Two branches a whole day apart (Pacific/Kiritimati, UTC+14, and
// Pacific/Honolulu, UTC-10) are always at different dates at the same instant, so the test holds
// at any hour.

#include <QJsonArray>
#include <QTest>
#include <QTimeZone>

#include "flowhelpers.h"

class TestBranches : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void listsFilterByBranch_data();
    void listsFilterByBranch();
    void queuesFilterByBranch();
    void historyFiltersByBranch();
    void statsTodayIsEachBranchsOwn();
    void badBranchIdIs400_data();
    void badBranchIdIs400();

private:
    struct Site
    {
        int branch = 0;
        int service = 0;
        int counter = 0;
        QString zone;
        QDate today() const
        {
            return QDateTime::currentDateTimeUtc().toTimeZone(QTimeZone(zone.toUtf8())).date();
        }
    };
    HttpClient &http() { return m_cluster.http(); }
    QString admin() const { return m_cluster.staff().admin; }
    Site addSite(const QString &name, const QString &zone, const QString &code);
    static QSet<int> idsOf(const QJsonArray &rows, const char *key = "id")
    {
        QSet<int> ids;
        for (const QJsonValue row : rows)
            ids.insert(row.toObject().value(QLatin1String(key)).toInt());
        return ids;
    }
    QJsonObject stats(const QString &query)
    {
        const HttpReply reply = http().get(QStringLiteral("/api/stats") + query, admin());
        return reply.status == 200 ? reply.object() : QJsonObject{};
    }

    Flow::Cluster m_cluster;
    Site m_east;
    Site m_west;
    qint64 m_eastToken = 0;
    qint64 m_westToken = 0;
};

TestBranches::Site TestBranches::addSite(const QString &name, const QString &zone,
                                         const QString &code)
{
    Site site;
    site.zone = zone;
    const HttpReply branch =
        http().post(QStringLiteral("/api/branches"), {{"name", name}, {"timezone", zone}}, admin());
    site.branch = branch.object().value(u"branch").toObject().value(u"id").toInt();
    const HttpReply service = http().post(
        QStringLiteral("/api/services"),
        {{"branch_id", site.branch}, {"code", code}, {"name", name + " desk"}}, admin());
    site.service = service.object().value(u"service").toObject().value(u"id").toInt();
    const HttpReply counter = http().post(QStringLiteral("/api/counters"),
                                          {{"branch_id", site.branch},
                                           {"name", name + " 1"},
                                           {"service_ids", QJsonArray{site.service}}},
                                          admin());
    site.counter = counter.object().value(u"counter").toObject().value(u"id").toInt();
    if (site.branch <= 0 || site.service <= 0 || site.counter <= 0)
        qWarning("%s: %s / %s / %s", qPrintable(name), branch.body.constData(),
                 service.body.constData(), counter.body.constData());
    return site;
}

void TestBranches::initTestCase()
{
    QVERIFY(m_cluster.start());
    m_east = addSite(QStringLiteral("Kiritimati"), QStringLiteral("Pacific/Kiritimati"), "KE");
    m_west = addSite(QStringLiteral("Honolulu"), QStringLiteral("Pacific/Honolulu"), "HW");
    QVERIFY(m_east.counter > 0 && m_west.counter > 0);
    QCOMPARE(m_east.today(), m_west.today().addDays(1)); // always a day apart
    const HttpReply east = Flow::issue(http(), m_east.service);
    const HttpReply west = Flow::issue(http(), m_west.service);
    QCOMPARE(east.status, 201);
    QCOMPARE(west.status, 201);
    m_eastToken = east.object().value(u"token_id").toInteger();
    m_westToken = west.object().value(u"token_id").toInteger();
    // Each token belongs to its own branch's business day.
    const HttpReply eastRow =
        http().get(QStringLiteral("/api/tokens/%1").arg(m_eastToken), admin());
    QCOMPARE(Flow::tokenOf(eastRow).value(u"business_date").toString(),
             m_east.today().toString(Qt::ISODate));
}

void TestBranches::listsFilterByBranch_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("services") << QStringLiteral("/api/services");
    QTest::newRow("counters") << QStringLiteral("/api/counters");
}

void TestBranches::listsFilterByBranch()
{
    QFETCH(QString, path);
    const bool services = path.endsWith(u"services");
    const HttpReply all = http().get(path, admin());
    QCOMPARE(all.status, 200);
    const int east = services ? m_east.service : m_east.counter;
    const int west = services ? m_west.service : m_west.counter;
    QVERIFY(idsOf(all.array()).contains(east) && idsOf(all.array()).contains(west));
    const HttpReply one =
        http().get(path + QStringLiteral("?branch_id=%1").arg(m_east.branch), admin());
    QCOMPARE(one.status, 200);
    QCOMPARE(idsOf(one.array()), QSet<int>{east});
    for (const QJsonValue row : one.array())
        QCOMPARE(row.toObject().value(u"branch_id").toInt(), m_east.branch);
    // A branch with nothing in it lists nothing (filtered, not refused).
    const HttpReply none = http().get(path + QStringLiteral("?branch_id=999"), admin());
    QCOMPARE(none.status, 200);
    QCOMPARE(none.array().size(), 0);
}

void TestBranches::queuesFilterByBranch()
{
    const HttpReply reply =
        http().get(QStringLiteral("/api/queues?branch_id=%1").arg(m_west.branch));
    QCOMPARE(reply.status, 200);
    const QJsonArray services = reply.object().value(u"services").toArray();
    QCOMPARE(idsOf(services), QSet<int>{m_west.service});
    QCOMPARE(services.first().toObject().value(u"tokens").toArray().size(), 1);
    QCOMPARE(idsOf(reply.object().value(u"counters").toArray()), QSet<int>{m_west.counter});
    QVERIFY(reply.object().value(u"seq").toInteger() >= 0);
}

void TestBranches::historyFiltersByBranch()
{
    const QString from = m_west.today().toString(Qt::ISODate);
    const QString to = m_east.today().toString(Qt::ISODate);
    const HttpReply reply = http().get(
        QStringLiteral("/api/tokens?from=%1&to=%2&branch_id=%3").arg(from, to).arg(m_east.branch),
        admin());
    QCOMPARE(reply.status, 200);
    const QJsonArray items = reply.object().value(u"items").toArray();
    QCOMPARE(items.size(), 1);
    QCOMPARE(items.first().toObject().value(u"id").toInteger(), m_eastToken);
}

void TestBranches::statsTodayIsEachBranchsOwn()
{
    // Without dates each branch counts its own today: both tokens, though their dates differ.
    const QJsonObject everyone = stats({});
    QVERIFY(everyone.value(u"totals").toObject().value(u"issued").toInt() >= 2);
    const QJsonObject east = stats(QStringLiteral("?branch_id=%1").arg(m_east.branch));
    QCOMPARE(east.value(u"totals").toObject().value(u"issued").toInt(), 1);
    QCOMPARE(east.value(u"from").toString(), m_east.today().toString(Qt::ISODate));
    QCOMPARE(east.value(u"to").toString(), m_east.today().toString(Qt::ISODate));
    const QJsonObject west = stats(QStringLiteral("?branch_id=%1").arg(m_west.branch));
    QCOMPARE(west.value(u"totals").toObject().value(u"issued").toInt(), 1);
    QCOMPARE(west.value(u"from").toString(), m_west.today().toString(Qt::ISODate));
    const QJsonArray perService = west.value(u"per_service").toArray();
    QCOMPARE(perService.size(), 1);
    QCOMPARE(perService.first().toObject().value(u"service_id").toInt(), m_west.service);
    // One date for every branch: Honolulu's today holds only Honolulu's token of the two.
    const QString westDay = m_west.today().toString(Qt::ISODate);
    const QJsonObject thatDay = stats(QStringLiteral("?from=%1&to=%1").arg(westDay));
    QJsonArray services = thatDay.value(u"per_service").toArray();
    QSet<int> seen;
    for (const QJsonValue service : services)
        seen.insert(service.toObject().value(u"service_id").toInt());
    QVERIFY(seen.contains(m_west.service));
    QVERIFY(!seen.contains(m_east.service));
}

void TestBranches::badBranchIdIs400_data()
{
    QTest::addColumn<QString>("path");
    for (const char *path :
         {"/api/services", "/api/counters", "/api/queues", "/api/tokens", "/api/stats"})
        QTest::newRow(path) << QString::fromLatin1(path);
}

void TestBranches::badBranchIdIs400()
{
    QFETCH(QString, path);
    for (const char *bad : {"x", "0", "-3"}) {
        const HttpReply reply =
            http().get(path + QStringLiteral("?branch_id=") + QLatin1String(bad), admin());
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.errorCode(), QStringLiteral("validation_failed"));
        QVERIFY2(Flow::errorDetails(reply).contains(u"branch_id"), reply.body.constData());
    }
}

QTEST_GUILESS_MAIN(TestBranches)
#include "tst_branches.moc"
