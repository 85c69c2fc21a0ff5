// Many branches in one installation (issue 18, "Stats and history at scale"), against a real
// server, Postgres and Redis: ?branch_id= on the lists, the live queue and the statistics, and
// "today" per branch time zone. Two branches a whole day apart (Pacific/Kiritimati, UTC+14, and
// Pacific/Honolulu, UTC-10) are always at different dates at the same instant, so the test holds
// at any hour.

#include <QJsonArray>
#include <QJsonDocument>
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
    // Roles and scope: users of the east branch against the west branch's objects.
    void foreignObjectsAreNotFound_data();
    void foreignObjectsAreNotFound();
    void listsAreNarrowedToTheCallersBranch_data();
    void listsAreNarrowedToTheCallersBranch();
    void writesStayInTheBranch();
    void branchAdminWorksItsOwnBranch();
    void branchAdminNeedsABranch();
    // Names in every language, codes and the public directory.
    void namesRoundTrip_data();
    void namesRoundTrip();
    void badNamesAre400_data();
    void badNamesAre400();
    void directoryIsPublic();
    void branchCodesAreUnique();

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
    HttpReply put(const QString &path, const QJsonObject &body)
    {
        return http().request("PUT", path, QJsonDocument(body).toJson(),
                              {{"Authorization", "Bearer " + admin().toUtf8()},
                               {"Content-Type", "application/json"}});
    }
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

    // A user of `branch` with `role`; its access token (empty on failure).
    QString signedIn(const QString &role, int branch, int *userId = nullptr);

    Flow::Cluster m_cluster;
    int m_westOperator = 0;
    QHash<QString, QString> m_eastStaff; // "branch_admin", "operator", "kiosk" -> access token
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

QString TestBranches::signedIn(const QString &role, int branch, int *userId)
{
    static int unique = 0;
    const QString name = QStringLiteral("scoped%1%2").arg(role).arg(++unique).remove(u'_');
    const HttpReply created = http().post(
        QStringLiteral("/api/users"),
        {{"username", name}, {"password", "branch-pass-1"}, {"role", role}, {"branch_id", branch}},
        admin());
    if (created.status != 201) {
        qWarning("create %s: %s", qPrintable(name), created.body.constData());
        return {};
    }
    if (userId)
        *userId = created.object().value(u"user").toObject().value(u"id").toInt();
    return http().login(name, QStringLiteral("branch-pass-1"));
}

void TestBranches::initTestCase()
{
    QVERIFY(m_cluster.start());
    m_east = addSite(QStringLiteral("Kiritimati"), QStringLiteral("Pacific/Kiritimati"), "KE");
    m_west = addSite(QStringLiteral("Honolulu"), QStringLiteral("Pacific/Honolulu"), "HW");
    QVERIFY(m_east.counter > 0 && m_west.counter > 0);
    for (const char *role : {"branch_admin", "operator", "kiosk"}) {
        m_eastStaff.insert(QLatin1String(role), signedIn(QLatin1String(role), m_east.branch));
        QVERIFY2(!m_eastStaff.value(QLatin1String(role)).isEmpty(), role);
    }
    QVERIFY(!signedIn(QStringLiteral("operator"), m_west.branch, &m_westOperator).isEmpty());
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

void TestBranches::foreignObjectsAreNotFound_data()
{
    QTest::addColumn<QString>("role");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QJsonObject>("body");
    const QString admin = QStringLiteral("branch_admin");
    const QString ws = QString::number(m_west.service);
    const QString wc = QString::number(m_west.counter);
    const QString wb = QString::number(m_west.branch);
    const QString wt = QString::number(m_westToken);
    const auto row = [](const QString &role, const char *method, const QString &path,
                        const QJsonObject &body = {}) {
        QTest::addRow("%s %s %s", qPrintable(role), method, qPrintable(path))
            << role << QByteArray(method) << path << body;
    };
    row(admin, "GET", "/api/services/" + ws);
    row(admin, "PUT", "/api/services/" + ws, {{"name", "Taken over"}});
    row(admin, "DELETE", "/api/services/" + ws);
    row(admin, "GET", "/api/services/" + ws + "/booking");
    row(admin, "PUT", "/api/services/" + ws + "/booking", {{"slot_minutes", 30}});
    row(admin, "GET", "/api/counters/" + wc);
    row(admin, "PUT", "/api/counters/" + wc, {{"name", "Taken over"}});
    row(admin, "DELETE", "/api/counters/" + wc);
    row(admin, "POST", "/api/counters/" + wc + "/open");
    row(admin, "GET", "/api/branches/" + wb);
    row(admin, "GET", "/api/branches/" + wb + "/booking");
    row(admin, "PUT", "/api/branches/" + wb + "/booking", {{"booking_horizon_days", 3}});
    row(admin, "GET", "/api/tokens/" + wt);
    row(admin, "GET", "/api/tokens/" + wt + "/status");
    row(admin, "POST", "/api/tokens/" + wt + "/cancel");
    row(admin, "GET", "/api/users/" + QString::number(m_westOperator));
    row(admin, "PUT", "/api/users/" + QString::number(m_westOperator), {{"full_name", "Mine"}});
    row(admin, "DELETE", "/api/users/" + QString::number(m_westOperator));
    row(QStringLiteral("operator"), "POST", "/api/counters/" + wc + "/open");
    row(QStringLiteral("operator"), "POST", "/api/tokens/" + wt + "/assign",
        {{"counter_id", m_west.counter}});
    row(QStringLiteral("operator"), "POST", "/api/tokens/" + wt + "/cancel");
    row(QStringLiteral("kiosk"), "POST", "/api/tokens", {{"service_id", m_west.service}});
    row(QStringLiteral("kiosk"), "POST", "/api/tokens/" + wt + "/check-in");
}

// 404, the answer for an id that does not exist, and nothing of the west branch changes.
void TestBranches::foreignObjectsAreNotFound()
{
    QFETCH(QString, role);
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QJsonObject, body);
    HttpHeaders headers{{"Authorization", "Bearer " + m_eastStaff.value(role).toUtf8()},
                        {"Content-Type", "application/json"}};
    const HttpReply reply =
        http().request(method, path, QJsonDocument(body).toJson(QJsonDocument::Compact), headers);
    QCOMPARE(reply.status, 404);
    QCOMPARE(reply.errorCode(), QStringLiteral("not_found"));

    const HttpReply token = http().get(QStringLiteral("/api/tokens/%1").arg(m_westToken), admin());
    QCOMPARE(Flow::tokenOf(token).value(u"status").toString(), QStringLiteral("waiting"));
    const HttpReply service =
        http().get(QStringLiteral("/api/services/%1").arg(m_west.service), admin());
    QCOMPARE(service.object().value(u"service").toObject().value(u"name").toString(),
             QStringLiteral("Honolulu desk"));
    QCOMPARE(service.object().value(u"service").toObject().value(u"active").toBool(), true);
    const HttpReply counter =
        http().get(QStringLiteral("/api/counters/%1").arg(m_west.counter), admin());
    QCOMPARE(counter.object().value(u"counter").toObject().value(u"status").toString(),
             QStringLiteral("closed"));
    const HttpReply user = http().get(QStringLiteral("/api/users/%1").arg(m_westOperator), admin());
    QCOMPARE(user.object().value(u"user").toObject().value(u"active").toBool(), true);
}

void TestBranches::listsAreNarrowedToTheCallersBranch_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("items"); // where the rows are: "" the array itself
    QTest::addColumn<QString>("key");   // the field that names the branch, or "id" of a branch
    QTest::newRow("services") << "/api/services"
                              << ""
                              << "branch_id";
    QTest::newRow("counters") << "/api/counters"
                              << ""
                              << "branch_id";
    QTest::newRow("users") << "/api/users"
                           << ""
                           << "branch_id";
    QTest::newRow("branches") << "/api/branches"
                              << ""
                              << "id";
    QTest::newRow("queues") << "/api/queues"
                            << "services"
                            << "branch_id";
    const QString span =
        QStringLiteral("?from=%1&to=%2")
            .arg(m_west.today().toString(Qt::ISODate), m_east.today().toString(Qt::ISODate));
    QTest::newRow("history") << "/api/tokens" + span << "items"
                             << "service_id";
    QTest::newRow("stats") << "/api/stats"
                           << "per_service"
                           << "service_id";
}

void TestBranches::listsAreNarrowedToTheCallersBranch()
{
    QFETCH(QString, path);
    QFETCH(QString, items);
    QFETCH(QString, key);
    const QString token = m_eastStaff.value(QStringLiteral("branch_admin"));
    const auto rowsOf = [&](const HttpReply &reply) {
        return items.isEmpty() ? reply.array() : reply.object().value(items).toArray();
    };
    // A service id stands for its branch where the rows name no branch.
    const int own = key == u"service_id" ? m_east.service : m_east.branch;
    const HttpReply mine = http().get(path, token);
    QCOMPARE(mine.status, 200);
    QVERIFY2(!rowsOf(mine).isEmpty(), mine.body.constData());
    for (const QJsonValue row : rowsOf(mine))
        QCOMPARE(row.toObject().value(key).toInt(), own);
    if (path == u"/api/branches")
        return; // the list of branches has no ?branch_id=
    // Another branch asked for by name: filtered to nothing, not refused.
    const QString other = QStringLiteral("branch_id=%1").arg(m_west.branch);
    const HttpReply theirs = http().get(path + (path.contains(u'?') ? u'&' : u'?') + other, token);
    QCOMPARE(theirs.status, 200);
    QCOMPARE(rowsOf(theirs).size(), 0);
}

void TestBranches::writesStayInTheBranch()
{
    const QString token = m_eastStaff.value(QStringLiteral("branch_admin"));
    const auto refused = [&](const QString &path, const QJsonObject &body, const char *field) {
        const HttpReply reply = http().post(path, body, token);
        QCOMPARE(reply.status, 403);
        QCOMPARE(reply.errorCode(), QStringLiteral("forbidden"));
        QVERIFY2(Flow::errorDetails(reply).contains(QLatin1String(field)), reply.body.constData());
    };
    refused(QStringLiteral("/api/services"),
            {{"branch_id", m_west.branch}, {"code", "XW"}, {"name", "Sneaky"}}, "branch_id");
    refused(QStringLiteral("/api/counters"),
            {{"branch_id", m_west.branch},
             {"name", "Sneaky"},
             {"service_ids", QJsonArray{m_west.service}}},
            "branch_id");
    refused(QStringLiteral("/api/users"),
            {{"username", "sneaky1"}, {"password", "branch-pass-1"}, {"role", "admin"}}, "role");
    refused(QStringLiteral("/api/users"),
            {{"username", "sneaky2"},
             {"password", "branch-pass-1"},
             {"role", "operator"},
             {"branch_id", m_west.branch}},
            "branch_id");
    refused(QStringLiteral("/api/users"),
            {{"username", "sneaky3"},
             {"password", "branch-pass-1"},
             {"role", "operator"},
             {"branch_id", QJsonValue::Null}},
            "branch_id");
    const HttpReply users = http().get(QStringLiteral("/api/users"), admin());
    for (const QJsonValue user : users.array())
        QVERIFY(!user.toObject().value(u"username").toString().startsWith(u"sneaky"));
    QCOMPARE(http()
                 .get(QStringLiteral("/api/services?branch_id=%1").arg(m_west.branch), admin())
                 .array()
                 .size(),
             1);

    // A kiosk's device report is of its branch; another branch is refused.
    const QString kiosk = m_eastStaff.value(QStringLiteral("kiosk"));
    const HttpReply own =
        http().post(QStringLiteral("/api/devices/heartbeat"),
                    {{"id", "east-lobby"}, {"name", "Lobby"}, {"mode", "board"}}, kiosk);
    QCOMPARE(own.status, 200);
    QCOMPARE(own.object().value(u"device").toObject().value(u"branch_id").toInt(), m_east.branch);
    const HttpReply foreign = http().post(
        QStringLiteral("/api/devices/heartbeat"),
        {{"id", "west-lobby"}, {"name", "Lobby"}, {"mode", "board"}, {"branch_id", m_west.branch}},
        kiosk);
    QCOMPARE(foreign.status, 403);
}

void TestBranches::branchAdminWorksItsOwnBranch()
{
    const QString token = m_eastStaff.value(QStringLiteral("branch_admin"));
    // Its new users join its branch.
    const HttpReply user = http().post(
        QStringLiteral("/api/users"),
        {{"username", "eastdesk"}, {"password", "branch-pass-1"}, {"role", "operator"}}, token);
    QCOMPARE(user.status, 201);
    QCOMPARE(user.object().value(u"user").toObject().value(u"branch_id").toInt(), m_east.branch);
    // It runs its branch's counters, as an admin would.
    const HttpReply counter = http().post(QStringLiteral("/api/counters"),
                                          {{"branch_id", m_east.branch},
                                           {"name", "East 2"},
                                           {"service_ids", QJsonArray{m_east.service}}},
                                          token);
    QCOMPARE(counter.status, 201);
    const int id = counter.object().value(u"counter").toObject().value(u"id").toInt();
    const HttpReply open = http().post(QStringLiteral("/api/counters/%1/open").arg(id), {}, token);
    QCOMPARE(open.status, 200);
    const HttpReply close =
        http().post(QStringLiteral("/api/counters/%1/close").arg(id), {}, token);
    QCOMPARE(close.status, 200);
    // The east operator's token carries its branch.
    const HttpReply me =
        http().get(QStringLiteral("/api/auth/me"), m_eastStaff.value(QStringLiteral("operator")));
    QCOMPARE(me.object().value(u"user").toObject().value(u"branch_id").toInt(), m_east.branch);
}

void TestBranches::branchAdminNeedsABranch()
{
    const HttpReply none = http().post(
        QStringLiteral("/api/users"),
        {{"username", "lostadmin"}, {"password", "branch-pass-1"}, {"role", "branch_admin"}},
        admin());
    QCOMPARE(none.status, 400);
    QVERIFY2(Flow::errorDetails(none).contains(u"branch_id"), none.body.constData());
    const HttpReply missing = http().post(QStringLiteral("/api/users"),
                                          {{"username", "lostadmin"},
                                           {"password", "branch-pass-1"},
                                           {"role", "operator"},
                                           {"branch_id", 99999}},
                                          admin());
    QCOMPARE(missing.status, 400);
    QVERIFY2(Flow::errorDetails(missing).contains(u"branch_id"), missing.body.constData());
}

void TestBranches::namesRoundTrip_data()
{
    QTest::addColumn<QString>("path"); // the row to change
    QTest::addColumn<QString>("key");  // its answer's member
    QTest::addColumn<QString>("list"); // where it is listed for anyone
    QTest::newRow("branch") << QStringLiteral("/api/branches/%1").arg(m_east.branch) << "branch"
                            << "/api/directory";
    QTest::newRow("service") << QStringLiteral("/api/services/%1").arg(m_east.service) << "service"
                             << "/api/services";
    QTest::newRow("counter") << QStringLiteral("/api/counters/%1").arg(m_east.counter) << "counter"
                             << "/api/counters";
}

// Set, read back (the row, the public list, the audit log), replaced, cleared.
void TestBranches::namesRoundTrip()
{
    QFETCH(QString, path);
    QFETCH(QString, key);
    QFETCH(QString, list);
    const QJsonObject names{{"es", "Oficina del este"}, {"ar", "المكتب الشرقي"}};
    const HttpReply set = put(path, QJsonObject{{"names", names}});
    QCOMPARE(set.status, 200);
    QCOMPARE(set.object().value(key).toObject().value(u"names").toObject(), names);
    const HttpReply read = http().get(path, admin());
    QCOMPARE(read.object().value(key).toObject().value(u"names").toObject(), names);
    const HttpReply listed = http().get(list);
    QCOMPARE(listed.status, 200);
    const QJsonArray rows =
        listed.json.isArray() ? listed.array() : listed.object().value(u"branches").toArray();
    const int id = read.object().value(key).toObject().value(u"id").toInt();
    bool found = false;
    for (const QJsonValue row : rows) {
        if (row.toObject().value(u"id").toInt() == id) {
            found = true;
            QCOMPARE(row.toObject().value(u"names").toObject(), names);
        }
    }
    QVERIFY2(found, listed.body.constData());
    const HttpReply audit = http().get(QStringLiteral("/api/audit?page_size=1"), admin());
    const QJsonObject last = audit.object().value(u"items").toArray().first().toObject();
    QCOMPARE(last.value(u"details").toObject().value(u"names").toObject(), names);

    // Another object replaces the whole map; {} clears it.
    const QJsonObject spanish{{"es", "Solo español"}};
    const HttpReply replaced = put(path, QJsonObject{{"names", spanish}});
    QCOMPARE(replaced.object().value(key).toObject().value(u"names").toObject(), spanish);
    const HttpReply cleared = put(path, QJsonObject{{"names", QJsonObject{}}});
    QCOMPARE(cleared.object().value(key).toObject().value(u"names").toObject(), QJsonObject{});
}

void TestBranches::badNamesAre400_data()
{
    QTest::addColumn<QJsonValue>("names");
    QTest::newRow("not an object") << QJsonValue(QStringLiteral("Depósito"));
    QTest::newRow("an array") << QJsonValue(QJsonArray{QStringLiteral("es")});
    QTest::newRow("not a language") << QJsonValue(QJsonObject{{"Spanish", "Depósito"}});
    QTest::newRow("empty text") << QJsonValue(QJsonObject{{"es", "  "}});
    QTest::newRow("not a text") << QJsonValue(QJsonObject{{"es", 7}});
    QTest::newRow("too long") << QJsonValue(QJsonObject{{"es", QString(101, u'x')}});
}

void TestBranches::badNamesAre400()
{
    QFETCH(QJsonValue, names);
    const QString path = QStringLiteral("/api/services/%1").arg(m_west.service);
    const HttpReply reply = put(path, QJsonObject{{"name", "Renamed"}, {"names", names}});
    QCOMPARE(reply.status, 400);
    QVERIFY2(Flow::errorDetails(reply).contains(u"names"), reply.body.constData());
    // Nothing changed: not even the valid name beside it.
    QCOMPARE(http().get(path, admin()).object().value(u"service").toObject().value(u"name"),
             QJsonValue(QStringLiteral("Honolulu desk")));
}

void TestBranches::directoryIsPublic()
{
    const HttpReply reply = http().get(QStringLiteral("/api/directory"));
    QCOMPARE(reply.status, 200);
    const QJsonArray branches = reply.object().value(u"branches").toArray();
    QVERIFY(idsOf(branches).contains(m_east.branch) && idsOf(branches).contains(m_west.branch));
    for (const QJsonValue branch : branches) {
        const QJsonObject b = branch.toObject();
        QVERIFY2(!b.value(u"code").toString().isEmpty(), reply.body.constData());
        QVERIFY(b.contains(u"timezone") && b.contains(u"address") && b.contains(u"names"));
    }
    // The demo branch of the seed: its code, address and Arabic name.
    const QJsonObject main = branches.first().toObject();
    QCOMPARE(main.value(u"code").toString(), QStringLiteral("main"));
    QVERIFY(!main.value(u"address").toString().isEmpty());
    QVERIFY(!main.value(u"names").toObject().value(u"ar").toString().isEmpty());
}

void TestBranches::branchCodesAreUnique()
{
    // A branch made without a code gets B<id>.
    const HttpReply plain = http().post(QStringLiteral("/api/branches"),
                                        {{"name", "Plain"}, {"timezone", "UTC"}}, admin());
    QCOMPARE(plain.status, 201);
    const QJsonObject branch = plain.object().value(u"branch").toObject();
    QCOMPARE(branch.value(u"code").toString(),
             QStringLiteral("B%1").arg(branch.value(u"id").toInt()));
    // Codes are unique whatever their case, on create and on update.
    const HttpReply taken =
        http().post(QStringLiteral("/api/branches"), {{"name", "Copy"}, {"code", "MAIN"}}, admin());
    QCOMPARE(taken.status, 409);
    QCOMPARE(taken.errorCode(), QStringLiteral("already_exists"));
    QVERIFY2(Flow::errorDetails(taken).contains(u"code"), taken.body.constData());
    const HttpReply renamed =
        put(QStringLiteral("/api/branches/%1").arg(branch.value(u"id").toInt()),
            QJsonObject{{"code", "Main"}});
    QCOMPARE(renamed.status, 409);
    const HttpReply bad = http().post(QStringLiteral("/api/branches"),
                                      {{"name", "Bad"}, {"code", "no spaces"}}, admin());
    QCOMPARE(bad.status, 400);
    QVERIFY2(Flow::errorDetails(bad).contains(u"code"), bad.body.constData());
}

QTEST_GUILESS_MAIN(TestBranches)
#include "tst_branches.moc"
