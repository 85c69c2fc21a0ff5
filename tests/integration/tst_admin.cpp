// The administration API against a real server, Postgres and Redis: validation that changes
// nothing, CRUD round trips, 404/409 answers, the admin-only guard on every route, the audit log,
// and that admin changes reach the live queue (a new service can be issued and called at once).

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <memory>

#include "httpclient.h"
#include "serverprocess.h"
#include "testservices.h"

namespace {

// Made by initTestCase on top of the seed (branch 1, services 1-3, counters 1-3, users 1-4), so
// the data functions can name them.
constexpr int kOtherBranch = 2;
constexpr int kOtherService = 4; // code "S", in kOtherBranch

QString path(const char *pattern, qint64 id)
{
    return QString::fromLatin1(pattern).arg(id);
}

QJsonObject errorDetails(const HttpReply &reply)
{
    return reply.object().value(u"error").toObject().value(u"details").toObject();
}

QString describe(const HttpReply &reply)
{
    return QStringLiteral("HTTP %1 %2").arg(reply.status).arg(QString::fromUtf8(reply.body.left(400)));
}

} // namespace

class TestAdmin : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();

    void nonAdminsAreRefused_data();
    void nonAdminsAreRefused();
    void invalidFieldsChangeNothing_data();
    void invalidFieldsChangeNothing();
    void malformedBodyIsBadRequest();
    void unknownIdsAreNotFound_data();
    void unknownIdsAreNotFound();

    void branchRoundTrip();
    void serviceRoundTrip();
    void counterRoundTrip();
    void userRoundTrip();

    void duplicatesConflict();
    void counterInUseCannotBeDeactivated();
    void serviceWithWaitingTokensCannotBeDeactivated();
    void branchInUseCannotBeDeleted();
    void adminCannotDemoteThemself();

    void newServiceIsIssuedAndCalled();
    void passwordResetReplacesThePassword();
    void deactivatedUserCannotLogIn();
    void auditLogPages();

private:
    HttpReply send(const QByteArray &method, const QString &route, const QJsonObject &body = {},
                   const QString &bearer = {});
    // Everything an admin change could touch, as one comparable value.
    QByteArray adminState();
    qint64 lastAuditId();
    // The audit rows after `sinceId`, oldest first.
    QList<QJsonObject> auditSince(qint64 sinceId);
    QStringList auditActionsSince(qint64 sinceId);
    QJsonObject created(const QString &route, const QJsonObject &body, const QString &key);
    QJsonObject serviceInList(int serviceId, bool all);

    TestServices m_services;
    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<HttpClient> m_http;
    QString m_admin;
    QString m_operator;  // operator1, id 2
    QString m_operator2; // operator2, id 3
    QString m_kiosk;
    QString m_customer;
};

void TestAdmin::initTestCase()
{
    QVERIFY(m_services.start());
    QVERIFY(m_services.createDatabase(QStringLiteral("t_admin")));
    m_server = std::make_unique<ServerProcess>(m_services.postgresUrl(QStringLiteral("t_admin")),
                                               m_services.redisUrl());
    m_server->setEnvironmentValue(QStringLiteral("AUTH_RATE_PER_MINUTE"), QStringLiteral("100000"));
    m_server->setEnvironmentValue(QStringLiteral("TOKEN_RATE_PER_MINUTE"), QStringLiteral("100000"));
    QVERIFY(m_server->runSubcommand({QStringLiteral("migrate")}));
    QVERIFY(m_server->runSubcommand({QStringLiteral("seed")}));
    QVERIFY(m_server->start());
    m_http = std::make_unique<HttpClient>(m_server->baseUrl());
    m_admin = m_http->login(QStringLiteral("admin"), QStringLiteral("admin123"));
    m_operator = m_http->login(QStringLiteral("operator1"), QStringLiteral("operator123"));
    m_operator2 = m_http->login(QStringLiteral("operator2"), QStringLiteral("operator123"));
    m_kiosk = m_http->login(QStringLiteral("kiosk"), QStringLiteral("kiosk123"));
    QVERIFY(!m_admin.isEmpty() && !m_operator.isEmpty() && !m_operator2.isEmpty() && !m_kiosk.isEmpty());
    const HttpReply registered = m_http->post(QStringLiteral("/api/auth/register"),
                                              {{QStringLiteral("username"), QStringLiteral("customer1")},
                                               {QStringLiteral("password"), QStringLiteral("customer123")}});
    QCOMPARE(registered.status, 201);
    m_customer = m_http->login(QStringLiteral("customer1"), QStringLiteral("customer123"));
    QVERIFY(!m_customer.isEmpty());

    const QJsonObject branch = created(QStringLiteral("/api/branches"),
                                       {{QStringLiteral("name"), QStringLiteral("Second Branch")},
                                        {QStringLiteral("timezone"), QStringLiteral("Asia/Tokyo")}},
                                       QStringLiteral("branch"));
    QCOMPARE(branch.value(u"id").toInt(), kOtherBranch);
    const QJsonObject service = created(QStringLiteral("/api/services"),
                                        {{QStringLiteral("branch_id"), kOtherBranch},
                                         {QStringLiteral("code"), QStringLiteral("S")},
                                         {QStringLiteral("name"), QStringLiteral("Second desk")}},
                                        QStringLiteral("service"));
    QCOMPARE(service.value(u"id").toInt(), kOtherService);
}

void TestAdmin::cleanup()
{
    if (m_server)
        m_server->dumpIfFailed();
}

HttpReply TestAdmin::send(const QByteArray &method, const QString &route, const QJsonObject &body,
                          const QString &bearer)
{
    if (method == "GET")
        return m_http->get(route, bearer);
    if (method == "POST")
        return m_http->post(route, body, bearer);
    if (method == "PUT")
        return m_http->put(route, body, bearer);
    if (method == "DELETE")
        return m_http->del(route, bearer);
    qFatal("unexpected method %s", method.constData());
}

QByteArray TestAdmin::adminState()
{
    QByteArray state;
    for (const char *route : {"/api/branches", "/api/services?all=true", "/api/counters", "/api/users",
                              "/api/audit?page_size=1"}) {
        const HttpReply reply = m_http->get(QString::fromLatin1(route), m_admin);
        if (reply.status != 200)
            return "GET " + QByteArray(route) + " failed: " + reply.body;
        state += route + QByteArray(" ") + reply.body + '\n';
    }
    return state;
}

qint64 TestAdmin::lastAuditId()
{
    const HttpReply reply = m_http->get(QStringLiteral("/api/audit?page_size=1"), m_admin);
    const QJsonArray items = reply.object().value(u"items").toArray();
    return items.isEmpty() ? 0 : items.first().toObject().value(u"id").toInteger();
}

QList<QJsonObject> TestAdmin::auditSince(qint64 sinceId)
{
    const HttpReply reply = m_http->get(QStringLiteral("/api/audit?page_size=200"), m_admin);
    QList<QJsonObject> rows;
    for (const QJsonValue &item : reply.object().value(u"items").toArray()) {
        if (item.toObject().value(u"id").toInteger() > sinceId)
            rows.prepend(item.toObject());
    }
    return rows;
}

QStringList TestAdmin::auditActionsSince(qint64 sinceId)
{
    QStringList actions;
    for (const QJsonObject &row : auditSince(sinceId))
        actions.append(row.value(u"action").toString() + u':' + row.value(u"entity_id").toString());
    return actions;
}

QJsonObject TestAdmin::created(const QString &route, const QJsonObject &body, const QString &key)
{
    const HttpReply reply = m_http->post(route, body, m_admin);
    if (reply.status != 201)
        qWarning("POST %s: %s", qPrintable(route), qPrintable(describe(reply)));
    return reply.status == 201 ? reply.object().value(key).toObject() : QJsonObject();
}

QJsonObject TestAdmin::serviceInList(int serviceId, bool all)
{
    const HttpReply reply = m_http->get(all ? QStringLiteral("/api/services?all=true") : QStringLiteral("/api/services"),
                                        m_admin);
    for (const QJsonValue &service : reply.array()) {
        if (service.toObject().value(u"id").toInt() == serviceId)
            return service.toObject();
    }
    return {};
}

// ---- guards ------------------------------------------------------------------------------------

void TestAdmin::nonAdminsAreRefused_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("route");
    QTest::addColumn<QJsonObject>("body");
    const QJsonObject branch{{QStringLiteral("name"), QStringLiteral("Rogue")}};
    const QJsonObject service{{QStringLiteral("branch_id"), 1}, {QStringLiteral("code"), QStringLiteral("R")},
                              {QStringLiteral("name"), QStringLiteral("Rogue")}};
    const QJsonObject counter{{QStringLiteral("branch_id"), 1}, {QStringLiteral("name"), QStringLiteral("Rogue")},
                              {QStringLiteral("service_ids"), QJsonArray{1}}};
    const QJsonObject user{{QStringLiteral("username"), QStringLiteral("rogue")},
                           {QStringLiteral("password"), QStringLiteral("rogue1234")},
                           {QStringLiteral("role"), QStringLiteral("admin")}};
    const QJsonObject promote{{QStringLiteral("role"), QStringLiteral("admin")}};
    struct Route
    {
        const char *method;
        const char *route;
        QJsonObject body;
    };
    const Route routes[] = {
        {"GET", "/api/branches", {}},          {"POST", "/api/branches", branch},
        {"PUT", "/api/branches/2", branch},    {"DELETE", "/api/branches/2", {}},
        {"GET", "/api/services/1", {}},        {"POST", "/api/services", service},
        {"PUT", "/api/services/1", service},   {"DELETE", "/api/services/3", {}},
        {"GET", "/api/counters/1", {}},        {"POST", "/api/counters", counter},
        {"PUT", "/api/counters/1", counter},   {"DELETE", "/api/counters/2", {}},
        {"GET", "/api/users", {}},             {"POST", "/api/users", user},
        {"GET", "/api/users/2", {}},           {"PUT", "/api/users/2", promote},
        {"DELETE", "/api/users/3", {}},        {"GET", "/api/audit", {}},
    };
    for (const Route &r : routes)
        QTest::addRow("%s %s", r.method, r.route) << QByteArray(r.method) << QString::fromLatin1(r.route) << r.body;
}

void TestAdmin::nonAdminsAreRefused()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, route);
    QFETCH(QJsonObject, body);
    const QByteArray before = adminState();
    const struct
    {
        QString token;
        int status;
        const char *code;
    } callers[] = {{QString(), 401, "unauthorized"},
                   {QStringLiteral("not-a-token"), 401, "unauthorized"},
                   {m_operator, 403, "forbidden"},
                   {m_kiosk, 403, "forbidden"},
                   {m_customer, 403, "forbidden"}};
    for (const auto &caller : callers) {
        const HttpReply reply = send(method, route, body, caller.token);
        QVERIFY2(reply.status == caller.status, qPrintable(describe(reply)));
        QCOMPARE(reply.errorCode(), QString::fromLatin1(caller.code));
    }
    QCOMPARE(adminState(), before);
}

void TestAdmin::invalidFieldsChangeNothing_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("route");
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QString>("field");
    const QString longName(101, u'n');
    const auto row = [](const char *name, const char *method, const char *route, const QJsonObject &body,
                        const char *field) {
        QTest::newRow(name) << QByteArray(method) << QString::fromLatin1(route) << body << QString::fromLatin1(field);
    };
    // Branches.
    row("branch: no name", "POST", "/api/branches", {{"timezone", "UTC"}}, "name");
    row("branch: empty name", "POST", "/api/branches", {{"name", ""}}, "name");
    row("branch: blank name", "POST", "/api/branches", {{"name", "   "}}, "name");
    row("branch: long name", "POST", "/api/branches", {{"name", longName}}, "name");
    row("branch: numeric name", "POST", "/api/branches", {{"name", 5}}, "name");
    row("branch: unknown zone", "POST", "/api/branches", {{"name", "East"}, {"timezone", "Mars/Olympus"}}, "timezone");
    row("branch: zone not text", "POST", "/api/branches", {{"name", "East"}, {"timezone", 3}}, "timezone");
    row("branch put: bad zone", "PUT", "/api/branches/2", {{"timezone", "Nowhere"}}, "timezone");
    row("branch put: empty name", "PUT", "/api/branches/2", {{"name", ""}}, "name");
    // Services.
    const QJsonObject service{{"branch_id", 1}, {"code", "Q"}, {"name", "Queries"}};
    const auto serviceWith = [&](const char *key, const QJsonValue &value) {
        QJsonObject body = service;
        if (value.isUndefined())
            body.remove(QLatin1String(key));
        else
            body.insert(QLatin1String(key), value);
        return body;
    };
    row("service: no branch", "POST", "/api/services", serviceWith("branch_id", QJsonValue::Undefined), "branch_id");
    row("service: unknown branch", "POST", "/api/services", serviceWith("branch_id", 999), "branch_id");
    row("service: branch as text", "POST", "/api/services", serviceWith("branch_id", "1"), "branch_id");
    row("service: branch 0", "POST", "/api/services", serviceWith("branch_id", 0), "branch_id");
    row("service: no code", "POST", "/api/services", serviceWith("code", QJsonValue::Undefined), "code");
    row("service: lower-case code", "POST", "/api/services", serviceWith("code", "q"), "code");
    row("service: long code", "POST", "/api/services", serviceWith("code", "QQQQ"), "code");
    row("service: digit in code", "POST", "/api/services", serviceWith("code", "Q1"), "code");
    row("service: no name", "POST", "/api/services", serviceWith("name", QJsonValue::Undefined), "name");
    row("service: long name", "POST", "/api/services", serviceWith("name", longName), "name");
    row("service: avg 0", "POST", "/api/services", serviceWith("avg_service_seconds", 0), "avg_service_seconds");
    row("service: avg > 1 day", "POST", "/api/services", serviceWith("avg_service_seconds", 86401), "avg_service_seconds");
    row("service: avg fraction", "POST", "/api/services", serviceWith("avg_service_seconds", 1.5), "avg_service_seconds");
    row("service: target 0", "POST", "/api/services", serviceWith("target_wait_seconds", 0), "target_wait_seconds");
    row("service: target text", "POST", "/api/services", serviceWith("target_wait_seconds", "600"), "target_wait_seconds");
    row("service: active text", "POST", "/api/services", serviceWith("active", "yes"), "active");
    row("service put: bad code", "PUT", "/api/services/1", {{"code", "d"}}, "code");
    row("service put: unknown branch", "PUT", "/api/services/1", {{"branch_id", 999}}, "branch_id");
    row("service put: avg negative", "PUT", "/api/services/1", {{"avg_service_seconds", -5}}, "avg_service_seconds");
    // Counters.
    const QJsonObject counter{{"branch_id", 1}, {"name", "Counter Q"}, {"service_ids", QJsonArray{1, 2}}};
    const auto counterWith = [&](const char *key, const QJsonValue &value) {
        QJsonObject body = counter;
        if (value.isUndefined())
            body.remove(QLatin1String(key));
        else
            body.insert(QLatin1String(key), value);
        return body;
    };
    row("counter: no branch", "POST", "/api/counters", counterWith("branch_id", QJsonValue::Undefined), "branch_id");
    row("counter: unknown branch", "POST", "/api/counters", counterWith("branch_id", 999), "branch_id");
    row("counter: no name", "POST", "/api/counters", counterWith("name", QJsonValue::Undefined), "name");
    row("counter: long name", "POST", "/api/counters", counterWith("name", longName), "name");
    row("counter: no services", "POST", "/api/counters", counterWith("service_ids", QJsonValue::Undefined), "service_ids");
    row("counter: empty services", "POST", "/api/counters", counterWith("service_ids", QJsonArray()), "service_ids");
    row("counter: services not ids", "POST", "/api/counters", counterWith("service_ids", QJsonArray{"D"}), "service_ids");
    row("counter: services not array", "POST", "/api/counters", counterWith("service_ids", 1), "service_ids");
    row("counter: unknown service", "POST", "/api/counters", counterWith("service_ids", QJsonArray{1, 999}), "service_ids");
    row("counter: other branch's service", "POST", "/api/counters",
        counterWith("service_ids", QJsonArray{1, kOtherService}), "service_ids");
    row("counter: active number", "POST", "/api/counters", counterWith("active", 1), "active");
    row("counter put: other branch's service", "PUT", "/api/counters/1", {{"service_ids", QJsonArray{kOtherService}}},
        "service_ids");
    row("counter put: branch without its services", "PUT", "/api/counters/1", {{"branch_id", kOtherBranch}},
        "service_ids");
    row("counter put: empty services", "PUT", "/api/counters/1", {{"service_ids", QJsonArray()}}, "service_ids");
    row("counter put: blank name", "PUT", "/api/counters/1", {{"name", " "}}, "name");
    // Users.
    const QJsonObject user{{"username", "clerk9"}, {"password", "clerkpass9"}, {"role", "operator"}};
    const auto userWith = [&](const char *key, const QJsonValue &value) {
        QJsonObject body = user;
        if (value.isUndefined())
            body.remove(QLatin1String(key));
        else
            body.insert(QLatin1String(key), value);
        return body;
    };
    row("user: no username", "POST", "/api/users", userWith("username", QJsonValue::Undefined), "username");
    row("user: short username", "POST", "/api/users", userWith("username", "ab"), "username");
    row("user: spaces in username", "POST", "/api/users", userWith("username", "bad name"), "username");
    row("user: username not text", "POST", "/api/users", userWith("username", 42), "username");
    row("user: no password", "POST", "/api/users", userWith("password", QJsonValue::Undefined), "password");
    row("user: short password", "POST", "/api/users", userWith("password", "short"), "password");
    row("user: long password", "POST", "/api/users", userWith("password", QString(129, u'p')), "password");
    row("user: no role", "POST", "/api/users", userWith("role", QJsonValue::Undefined), "role");
    row("user: unknown role", "POST", "/api/users", userWith("role", "boss"), "role");
    row("user: long full name", "POST", "/api/users", userWith("full_name", QString(201, u'f')), "full_name");
    row("user: active text", "POST", "/api/users", userWith("active", "no"), "active");
    row("user put: short password", "PUT", "/api/users/2", {{"password", "short"}}, "password");
    row("user put: unknown role", "PUT", "/api/users/2", {{"role", "root"}}, "role");
    row("user put: bad username", "PUT", "/api/users/2", {{"username", "x"}}, "username");
}

void TestAdmin::invalidFieldsChangeNothing()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, route);
    QFETCH(QJsonObject, body);
    QFETCH(QString, field);
    const QByteArray before = adminState();
    const HttpReply reply = send(method, route, body, m_admin);
    QVERIFY2(reply.status == 400, qPrintable(describe(reply)));
    QCOMPARE(reply.errorCode(), QStringLiteral("validation_failed"));
    const QJsonObject details = errorDetails(reply);
    QVERIFY2(details.contains(field), qPrintable(describe(reply)));
    QVERIFY(!details.value(field).toString().isEmpty());
    QCOMPARE(adminState(), before);
}

void TestAdmin::malformedBodyIsBadRequest()
{
    const QByteArray before = adminState();
    for (const QByteArray &body : {QByteArray("{\"name\": "), QByteArray("[1, 2]")}) {
        const HttpReply reply = m_http->request("POST", QStringLiteral("/api/branches"), body,
                                                {{"Content-Type", "application/json"},
                                                 {"Authorization", "Bearer " + m_admin.toLatin1()}});
        QVERIFY2(reply.status == 400, qPrintable(describe(reply)));
        QCOMPARE(reply.errorCode(), QStringLiteral("bad_request"));
    }
    QCOMPARE(adminState(), before);
}

void TestAdmin::unknownIdsAreNotFound_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("route");
    QTest::addColumn<QJsonObject>("body");
    const QJsonObject rename{{QStringLiteral("name"), QStringLiteral("Renamed")}};
    for (const char *entity : {"branches", "services", "counters", "users"}) {
        for (const char *id : {"9999", "0", "abc", "99999999999"}) {
            const QString route = QStringLiteral("/api/%1/%2").arg(QLatin1String(entity), QLatin1String(id));
            if (qstrcmp(entity, "branches") != 0)
                QTest::addRow("GET %s/%s", entity, id) << QByteArray("GET") << route << QJsonObject();
            QTest::addRow("PUT %s/%s", entity, id) << QByteArray("PUT") << route << rename;
            QTest::addRow("DELETE %s/%s", entity, id) << QByteArray("DELETE") << route << QJsonObject();
        }
    }
}

void TestAdmin::unknownIdsAreNotFound()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, route);
    QFETCH(QJsonObject, body);
    const QByteArray before = adminState();
    const HttpReply reply = send(method, route, body, m_admin);
    QVERIFY2(reply.status == 404, qPrintable(describe(reply)));
    QCOMPARE(reply.errorCode(), QStringLiteral("not_found"));
    QCOMPARE(adminState(), before);
}

// ---- round trips -------------------------------------------------------------------------------

void TestAdmin::branchRoundTrip()
{
    const qint64 mark = lastAuditId();
    const QJsonObject branch = created(QStringLiteral("/api/branches"),
                                       {{QStringLiteral("name"), QStringLiteral("North")},
                                        {QStringLiteral("timezone"), QStringLiteral("Europe/Paris")}},
                                       QStringLiteral("branch"));
    const int id = branch.value(u"id").toInt();
    QVERIFY(id > kOtherBranch);
    QCOMPARE(branch.value(u"name").toString(), QStringLiteral("North"));
    QCOMPARE(branch.value(u"timezone").toString(), QStringLiteral("Europe/Paris"));

    HttpReply list = m_http->get(QStringLiteral("/api/branches"), m_admin);
    QCOMPARE(list.status, 200);
    QVERIFY(list.json.isArray());
    QVERIFY(list.array().contains(branch));

    // A partial update keeps what it does not name.
    HttpReply updated = m_http->put(path("/api/branches/%1", id), {{QStringLiteral("name"), QStringLiteral("North Side")}},
                                    m_admin);
    QVERIFY2(updated.status == 200, qPrintable(describe(updated)));
    QJsonObject expected = branch;
    expected.insert(QStringLiteral("name"), QStringLiteral("North Side"));
    QCOMPARE(updated.object().value(u"branch").toObject(), expected);

    // Without a time zone a branch runs on UTC.
    const QJsonObject south = created(QStringLiteral("/api/branches"), {{QStringLiteral("name"), QStringLiteral("South")}},
                                      QStringLiteral("branch"));
    QCOMPARE(south.value(u"timezone").toString(), QStringLiteral("UTC"));

    const HttpReply deleted = m_http->del(path("/api/branches/%1", id), m_admin);
    QVERIFY2(deleted.status == 200, qPrintable(describe(deleted)));
    QCOMPARE(deleted.object().value(u"branch").toObject(), expected);
    list = m_http->get(QStringLiteral("/api/branches"), m_admin);
    QVERIFY(!list.array().contains(expected));
    QCOMPARE(m_http->del(path("/api/branches/%1", id), m_admin).status, 404);
    QCOMPARE(m_http->del(path("/api/branches/%1", south.value(u"id").toInt()), m_admin).status, 200);

    const QString sid = QString::number(south.value(u"id").toInt());
    QCOMPARE(auditActionsSince(mark), (QStringList{u"branch.create:" + QString::number(id),
                                                   u"branch.update:" + QString::number(id),
                                                   u"branch.create:" + sid,
                                                   u"branch.delete:" + QString::number(id),
                                                   u"branch.delete:" + sid}));
    const QList<QJsonObject> rows = auditSince(mark);
    QCOMPARE(rows.at(1).value(u"details").toObject(), (QJsonObject{{QStringLiteral("name"), QStringLiteral("North Side")}}));
    QCOMPARE(rows.at(0).value(u"actor").toString(), QStringLiteral("admin"));
    QCOMPARE(rows.at(0).value(u"actor_id").toInt(), 1);
    QCOMPARE(rows.at(0).value(u"entity").toString(), QStringLiteral("branch"));
}

void TestAdmin::serviceRoundTrip()
{
    const qint64 mark = lastAuditId();
    const QJsonObject service = created(QStringLiteral("/api/services"),
                                        {{QStringLiteral("branch_id"), 1},
                                         {QStringLiteral("code"), QStringLiteral("X")},
                                         {QStringLiteral("name"), QStringLiteral("Exchange")}},
                                        QStringLiteral("service"));
    const int id = service.value(u"id").toInt();
    QVERIFY(id > kOtherService);
    const QJsonObject expected{{QStringLiteral("id"), id},
                               {QStringLiteral("branch_id"), 1},
                               {QStringLiteral("code"), QStringLiteral("X")},
                               {QStringLiteral("name"), QStringLiteral("Exchange")},
                               {QStringLiteral("avg_service_seconds"), 300},
                               {QStringLiteral("target_wait_seconds"), 900},
                               {QStringLiteral("active"), true}};
    QCOMPARE(service, expected);
    HttpReply one = m_http->get(path("/api/services/%1", id), m_admin);
    QCOMPARE(one.status, 200);
    QCOMPARE(one.object().value(u"service").toObject(), expected);
    QCOMPARE(serviceInList(id, false).value(u"code").toString(), QStringLiteral("X"));

    const HttpReply updated = m_http->put(path("/api/services/%1", id),
                                          {{QStringLiteral("avg_service_seconds"), 120},
                                           {QStringLiteral("name"), QStringLiteral("Currency exchange")}},
                                          m_admin);
    QVERIFY2(updated.status == 200, qPrintable(describe(updated)));
    QJsonObject after = expected;
    after.insert(QStringLiteral("avg_service_seconds"), 120);
    after.insert(QStringLiteral("name"), QStringLiteral("Currency exchange"));
    QCOMPARE(updated.object().value(u"service").toObject(), after);

    // Deactivated: gone from the public list, still readable by admins, and no new tokens.
    const HttpReply deleted = m_http->del(path("/api/services/%1", id), m_admin);
    QVERIFY2(deleted.status == 200, qPrintable(describe(deleted)));
    after.insert(QStringLiteral("active"), false);
    QCOMPARE(deleted.object().value(u"service").toObject(), after);
    QVERIFY(serviceInList(id, false).isEmpty());
    QCOMPARE(serviceInList(id, true).value(u"active").toBool(true), false);
    const HttpReply token = m_http->post(QStringLiteral("/api/tokens"), {{QStringLiteral("service_id"), id}});
    QVERIFY2(token.status >= 400, qPrintable(describe(token)));
    // Deleting again changes nothing and records nothing.
    QCOMPARE(m_http->del(path("/api/services/%1", id), m_admin).status, 200);

    const HttpReply reactivated = m_http->put(path("/api/services/%1", id), {{QStringLiteral("active"), true}}, m_admin);
    QCOMPARE(reactivated.status, 200);
    QCOMPARE(serviceInList(id, false).value(u"active").toBool(), true);

    const QString sid = QString::number(id);
    QCOMPARE(auditActionsSince(mark), (QStringList{u"service.create:" + sid, u"service.update:" + sid,
                                                   u"service.deactivate:" + sid, u"service.update:" + sid}));
    const QList<QJsonObject> rows = auditSince(mark);
    QCOMPARE(rows.at(0).value(u"details").toObject().value(u"code").toString(), QStringLiteral("X"));
    QCOMPARE(rows.at(1).value(u"details").toObject(),
             (QJsonObject{{QStringLiteral("avg_service_seconds"), 120},
                          {QStringLiteral("name"), QStringLiteral("Currency exchange")}}));
    QCOMPARE(rows.at(2).value(u"details").toObject(), (QJsonObject{{QStringLiteral("active"), false}}));
}

void TestAdmin::counterRoundTrip()
{
    const qint64 mark = lastAuditId();
    const QJsonObject counter = created(QStringLiteral("/api/counters"),
                                        {{QStringLiteral("branch_id"), 1},
                                         {QStringLiteral("name"), QStringLiteral("Counter Z")},
                                         {QStringLiteral("service_ids"), QJsonArray{3, 1, 3}}},
                                        QStringLiteral("counter"));
    const int id = counter.value(u"id").toInt();
    QVERIFY(id > 3);
    QCOMPARE(counter.value(u"service_ids").toArray(), (QJsonArray{1, 3}));
    QCOMPARE(counter.value(u"status").toString(), QStringLiteral("closed"));
    QCOMPARE(counter.value(u"active").toBool(), true);
    QCOMPARE(counter.value(u"name").toString(), QStringLiteral("Counter Z"));
    HttpReply one = m_http->get(path("/api/counters/%1", id), m_admin);
    QCOMPARE(one.status, 200);
    QCOMPARE(one.object().value(u"counter").toObject(), counter);

    auto publicCounter = [&]() {
        for (const QJsonValue &c : m_http->get(QStringLiteral("/api/counters")).array()) {
            if (c.toObject().value(u"id").toInt() == id)
                return c.toObject();
        }
        return QJsonObject();
    };
    QCOMPARE(publicCounter().value(u"service_ids").toArray(), (QJsonArray{1, 3}));

    HttpReply updated = m_http->put(path("/api/counters/%1", id), {{QStringLiteral("name"), QStringLiteral("Counter Y")}},
                                    m_admin);
    QVERIFY2(updated.status == 200, qPrintable(describe(updated)));
    QCOMPARE(updated.object().value(u"counter").toObject().value(u"service_ids").toArray(), (QJsonArray{1, 3}));
    QCOMPARE(updated.object().value(u"counter").toObject().value(u"name").toString(), QStringLiteral("Counter Y"));
    updated = m_http->put(path("/api/counters/%1", id), {{QStringLiteral("service_ids"), QJsonArray{2}}}, m_admin);
    QCOMPARE(updated.status, 200);
    QCOMPARE(updated.object().value(u"counter").toObject().value(u"service_ids").toArray(), QJsonArray{2});
    QCOMPARE(publicCounter().value(u"service_ids").toArray(), QJsonArray{2});

    const HttpReply deleted = m_http->del(path("/api/counters/%1", id), m_admin);
    QVERIFY2(deleted.status == 200, qPrintable(describe(deleted)));
    QCOMPARE(deleted.object().value(u"counter").toObject().value(u"active").toBool(true), false);
    QVERIFY(publicCounter().isEmpty());
    // An inactive counter cannot be opened.
    QCOMPARE(m_http->post(path("/api/counters/%1/open", id), {}, m_operator).status, 404);

    const QString cid = QString::number(id);
    QCOMPARE(auditActionsSince(mark), (QStringList{u"counter.create:" + cid, u"counter.update:" + cid,
                                                   u"counter.update:" + cid, u"counter.deactivate:" + cid}));
    QCOMPARE(auditSince(mark).at(2).value(u"details").toObject(),
             (QJsonObject{{QStringLiteral("service_ids"), QJsonArray{2}}}));
}

void TestAdmin::userRoundTrip()
{
    const qint64 mark = lastAuditId();
    const QJsonObject user = created(QStringLiteral("/api/users"),
                                     {{QStringLiteral("username"), QStringLiteral("clerk1")},
                                      {QStringLiteral("password"), QStringLiteral("clerkpass1")},
                                      {QStringLiteral("role"), QStringLiteral("operator")},
                                      {QStringLiteral("full_name"), QStringLiteral("Clerk One")}},
                                     QStringLiteral("user"));
    const int id = user.value(u"id").toInt();
    QVERIFY(id > 4);
    const QJsonObject expected{{QStringLiteral("id"), id},
                               {QStringLiteral("username"), QStringLiteral("clerk1")},
                               {QStringLiteral("role"), QStringLiteral("operator")},
                               {QStringLiteral("full_name"), QStringLiteral("Clerk One")},
                               {QStringLiteral("active"), true}};
    QCOMPARE(user, expected);

    const HttpReply list = m_http->get(QStringLiteral("/api/users"), m_admin);
    QCOMPARE(list.status, 200);
    QVERIFY(list.array().contains(expected));
    QVERIFY(!list.body.contains("password") && !list.body.contains("argon2"));
    const QStringList keys{"active", "full_name", "id", "role", "username"};
    for (const QJsonValue &row : list.array())
        QCOMPARE(row.toObject().keys(), keys);

    HttpReply one = m_http->get(path("/api/users/%1", id), m_admin);
    QCOMPARE(one.status, 200);
    QCOMPARE(one.object().value(u"user").toObject(), expected);
    QVERIFY(!one.body.contains("password"));

    QVERIFY(!m_http->login(QStringLiteral("clerk1"), QStringLiteral("clerkpass1")).isEmpty());
    const HttpReply updated = m_http->put(path("/api/users/%1", id),
                                          {{QStringLiteral("full_name"), QStringLiteral("C. One")},
                                           {QStringLiteral("role"), QStringLiteral("kiosk")}},
                                          m_admin);
    QVERIFY2(updated.status == 200, qPrintable(describe(updated)));
    QJsonObject after = expected;
    after.insert(QStringLiteral("full_name"), QStringLiteral("C. One"));
    after.insert(QStringLiteral("role"), QStringLiteral("kiosk"));
    QCOMPARE(updated.object().value(u"user").toObject(), after);
    const HttpReply login = m_http->post(QStringLiteral("/api/auth/login"),
                                         {{QStringLiteral("username"), QStringLiteral("clerk1")},
                                          {QStringLiteral("password"), QStringLiteral("clerkpass1")}});
    QCOMPARE(login.object().value(u"user").toObject().value(u"role").toString(), QStringLiteral("kiosk"));

    const HttpReply deleted = m_http->del(path("/api/users/%1", id), m_admin);
    QVERIFY2(deleted.status == 200, qPrintable(describe(deleted)));
    after.insert(QStringLiteral("active"), false);
    QCOMPARE(deleted.object().value(u"user").toObject(), after);

    const QString uid = QString::number(id);
    QCOMPARE(auditActionsSince(mark),
             (QStringList{u"user.create:" + uid, u"user.update:" + uid, u"user.deactivate:" + uid}));
    for (const QJsonObject &row : auditSince(mark))
        QVERIFY(!QJsonDocument(row).toJson().contains("clerkpass1"));
}

// ---- conflicts ---------------------------------------------------------------------------------

void TestAdmin::duplicatesConflict()
{
    const QByteArray before = adminState();
    HttpReply reply = m_http->post(QStringLiteral("/api/services"),
                                   {{QStringLiteral("branch_id"), 1}, {QStringLiteral("code"), QStringLiteral("D")},
                                    {QStringLiteral("name"), QStringLiteral("Deposit again")}},
                                   m_admin);
    QVERIFY2(reply.status == 409, qPrintable(describe(reply)));
    QCOMPARE(reply.errorCode(), QStringLiteral("already_exists"));
    QVERIFY(errorDetails(reply).contains(u"code"));
    reply = m_http->put(QStringLiteral("/api/services/2"), {{QStringLiteral("code"), QStringLiteral("D")}}, m_admin);
    QCOMPARE(reply.status, 409);
    QCOMPARE(reply.errorCode(), QStringLiteral("already_exists"));

    // Usernames are unique whatever their case.
    reply = m_http->post(QStringLiteral("/api/users"),
                         {{QStringLiteral("username"), QStringLiteral("OPERATOR1")},
                          {QStringLiteral("password"), QStringLiteral("whatever123")},
                          {QStringLiteral("role"), QStringLiteral("operator")}},
                         m_admin);
    QVERIFY2(reply.status == 409, qPrintable(describe(reply)));
    QCOMPARE(reply.errorCode(), QStringLiteral("already_exists"));
    QVERIFY(errorDetails(reply).contains(u"username"));
    reply = m_http->put(QStringLiteral("/api/users/3"), {{QStringLiteral("username"), QStringLiteral("operator1")}},
                        m_admin);
    QCOMPARE(reply.status, 409);

    reply = m_http->post(QStringLiteral("/api/counters"),
                         {{QStringLiteral("branch_id"), 1}, {QStringLiteral("name"), QStringLiteral("Counter A")},
                          {QStringLiteral("service_ids"), QJsonArray{1}}},
                         m_admin);
    QCOMPARE(reply.status, 409);
    QCOMPARE(reply.errorCode(), QStringLiteral("already_exists"));
    reply = m_http->post(QStringLiteral("/api/branches"), {{QStringLiteral("name"), QStringLiteral("Main Branch")}},
                         m_admin);
    QCOMPARE(reply.status, 409);
    QCOMPARE(adminState(), before);
}

void TestAdmin::counterInUseCannotBeDeactivated()
{
    const QJsonObject counter = created(QStringLiteral("/api/counters"),
                                        {{QStringLiteral("branch_id"), 1},
                                         {QStringLiteral("name"), QStringLiteral("Counter Busy")},
                                         {QStringLiteral("service_ids"), QJsonArray{3}}},
                                        QStringLiteral("counter"));
    const int id = counter.value(u"id").toInt();
    QVERIFY(id > 0);
    QCOMPARE(m_http->post(path("/api/counters/%1/open", id), {}, m_operator).status, 200);

    QByteArray before = adminState();
    HttpReply reply = m_http->del(path("/api/counters/%1", id), m_admin);
    QVERIFY2(reply.status == 409, qPrintable(describe(reply)));
    QCOMPARE(reply.errorCode(), QStringLiteral("invalid_state"));
    reply = m_http->put(path("/api/counters/%1", id), {{QStringLiteral("active"), false}}, m_admin);
    QCOMPARE(reply.status, 409);
    QCOMPARE(adminState(), before);

    // With a token called there it stays refused until the token is dealt with and the counter
    // closed.
    const HttpReply token = m_http->post(QStringLiteral("/api/tokens"), {{QStringLiteral("service_id"), 3}});
    QCOMPARE(token.status, 201);
    reply = m_http->post(path("/api/counters/%1/call", id), {}, m_operator);
    QVERIFY2(reply.status == 200, qPrintable(describe(reply)));
    before = adminState();
    QCOMPARE(m_http->del(path("/api/counters/%1", id), m_admin).errorCode(), QStringLiteral("invalid_state"));
    QCOMPARE(adminState(), before);

    QCOMPARE(m_http->post(path("/api/counters/%1/skip", id), {}, m_operator).status, 200);
    QCOMPARE(m_http->post(path("/api/counters/%1/close", id), {}, m_operator).status, 200);
    reply = m_http->del(path("/api/counters/%1", id), m_admin);
    QVERIFY2(reply.status == 200, qPrintable(describe(reply)));
    QCOMPARE(reply.object().value(u"counter").toObject().value(u"active").toBool(true), false);
}

void TestAdmin::serviceWithWaitingTokensCannotBeDeactivated()
{
    const QJsonObject service = created(QStringLiteral("/api/services"),
                                        {{QStringLiteral("branch_id"), 1},
                                         {QStringLiteral("code"), QStringLiteral("WT")},
                                         {QStringLiteral("name"), QStringLiteral("Waiting test")}},
                                        QStringLiteral("service"));
    const int id = service.value(u"id").toInt();
    QVERIFY(id > 0);
    const HttpReply token = m_http->post(QStringLiteral("/api/tokens"), {{QStringLiteral("service_id"), id}});
    QCOMPARE(token.status, 201);
    const QByteArray before = adminState();
    HttpReply reply = m_http->del(path("/api/services/%1", id), m_admin);
    QVERIFY2(reply.status == 409, qPrintable(describe(reply)));
    QCOMPARE(reply.errorCode(), QStringLiteral("invalid_state"));
    QCOMPARE(adminState(), before);

    const qint64 tokenId = token.object().value(u"token_id").toInteger();
    QCOMPARE(m_http->post(path("/api/tokens/%1/cancel", tokenId), {}, m_admin).status, 200);
    QCOMPARE(m_http->del(path("/api/services/%1", id), m_admin).status, 200);
}

void TestAdmin::branchInUseCannotBeDeleted()
{
    const QByteArray before = adminState();
    for (int branch : {1, kOtherBranch}) {
        const HttpReply reply = m_http->del(path("/api/branches/%1", branch), m_admin);
        QVERIFY2(reply.status == 409, qPrintable(describe(reply)));
        QCOMPARE(reply.errorCode(), QStringLiteral("invalid_state"));
    }
    QCOMPARE(adminState(), before);

    // A branch with only a counter is in use too.
    const QJsonObject branch = created(QStringLiteral("/api/branches"), {{QStringLiteral("name"), QStringLiteral("Annex")}},
                                       QStringLiteral("branch"));
    const int branchId = branch.value(u"id").toInt();
    const QJsonObject service = created(QStringLiteral("/api/services"),
                                        {{QStringLiteral("branch_id"), branchId},
                                         {QStringLiteral("code"), QStringLiteral("A")},
                                         {QStringLiteral("name"), QStringLiteral("Annex desk")}},
                                        QStringLiteral("service"));
    QVERIFY(service.value(u"id").toInt() > 0);
    QCOMPARE(m_http->del(path("/api/branches/%1", branchId), m_admin).errorCode(), QStringLiteral("invalid_state"));
}

void TestAdmin::adminCannotDemoteThemself()
{
    const QByteArray before = adminState();
    const QJsonObject attempts[] = {{{QStringLiteral("role"), QStringLiteral("operator")}},
                                    {{QStringLiteral("active"), false}},
                                    {{QStringLiteral("role"), QStringLiteral("user")},
                                     {QStringLiteral("full_name"), QStringLiteral("Not me")}}};
    for (const QJsonObject &body : attempts) {
        const HttpReply reply = m_http->put(QStringLiteral("/api/users/1"), body, m_admin);
        QVERIFY2(reply.status == 409, qPrintable(describe(reply)));
        QCOMPARE(reply.errorCode(), QStringLiteral("invalid_state"));
    }
    const HttpReply reply = m_http->del(QStringLiteral("/api/users/1"), m_admin);
    QVERIFY2(reply.status == 409, qPrintable(describe(reply)));
    QCOMPARE(reply.errorCode(), QStringLiteral("invalid_state"));
    QCOMPARE(adminState(), before);
    QVERIFY(!m_http->login(QStringLiteral("admin"), QStringLiteral("admin123")).isEmpty());

    // Another admin may be demoted, and the caller may still edit their own other fields.
    const QJsonObject other = created(QStringLiteral("/api/users"),
                                      {{QStringLiteral("username"), QStringLiteral("admin2")},
                                       {QStringLiteral("password"), QStringLiteral("admin2pass")},
                                       {QStringLiteral("role"), QStringLiteral("admin")}},
                                      QStringLiteral("user"));
    const HttpReply demoted = m_http->put(path("/api/users/%1", other.value(u"id").toInt()),
                                          {{QStringLiteral("role"), QStringLiteral("operator")}}, m_admin);
    QCOMPARE(demoted.status, 200);
    const HttpReply renamed = m_http->put(QStringLiteral("/api/users/1"),
                                          {{QStringLiteral("full_name"), QStringLiteral("Head Admin")},
                                           {QStringLiteral("role"), QStringLiteral("admin")}},
                                          m_admin);
    QVERIFY2(renamed.status == 200, qPrintable(describe(renamed)));
}

// ---- effects on the floor ----------------------------------------------------------------------

void TestAdmin::newServiceIsIssuedAndCalled()
{
    const QJsonObject service = created(QStringLiteral("/api/services"),
                                        {{QStringLiteral("branch_id"), 1},
                                         {QStringLiteral("code"), QStringLiteral("N")},
                                         {QStringLiteral("name"), QStringLiteral("Notary")},
                                         {QStringLiteral("avg_service_seconds"), 200}},
                                        QStringLiteral("service"));
    const int id = service.value(u"id").toInt();
    QVERIFY(id > 0);
    QCOMPARE(serviceInList(id, false).value(u"name").toString(), QStringLiteral("Notary"));

    // Counter B now serves only the new service; operator2 opens it.
    HttpReply reply = m_http->put(QStringLiteral("/api/counters/2"), {{QStringLiteral("service_ids"), QJsonArray{id}}},
                                  m_admin);
    QVERIFY2(reply.status == 200, qPrintable(describe(reply)));
    QCOMPARE(m_http->post(QStringLiteral("/api/counters/2/open"), {}, m_operator2).status, 200);

    const HttpReply first = m_http->post(QStringLiteral("/api/tokens"), {{QStringLiteral("service_id"), id}});
    QVERIFY2(first.status == 201, qPrintable(describe(first)));
    QCOMPARE(first.object().value(u"token_number").toString(), QStringLiteral("N001"));
    const HttpReply second = m_http->post(QStringLiteral("/api/tokens"), {{QStringLiteral("service_id"), id}});
    QCOMPARE(second.status, 201);

    // The ETA of a customer joining now: 2 ahead × 200 s ÷ 1 open counter. An admin change of
    // the average or of the counters serving it shows at once (the estimator's cache is dropped).
    QCOMPARE(serviceInList(id, false).value(u"waiting").toInt(), 2);
    QCOMPARE(serviceInList(id, false).value(u"eta").toInt(), 400);
    QCOMPARE(m_http->put(path("/api/services/%1", id), {{QStringLiteral("avg_service_seconds"), 600}}, m_admin).status,
             200);
    QCOMPARE(serviceInList(id, false).value(u"eta").toInt(), 1200);
    QCOMPARE(m_http->post(QStringLiteral("/api/counters/1/open"), {}, m_operator).status, 200);
    QCOMPARE(m_http->put(QStringLiteral("/api/counters/1"), {{QStringLiteral("service_ids"), QJsonArray{1, 2, id}}},
                         m_admin)
                 .status,
             200);
    QCOMPARE(serviceInList(id, false).value(u"eta").toInt(), 600);
    QCOMPARE(m_http->put(QStringLiteral("/api/counters/1"), {{QStringLiteral("service_ids"), QJsonArray{1, 2}}}, m_admin)
                 .status,
             200);
    QCOMPARE(m_http->post(QStringLiteral("/api/counters/1/close"), {}, m_operator).status, 200);

    reply = m_http->post(QStringLiteral("/api/counters/2/call"), {}, m_operator2);
    QVERIFY2(reply.status == 200, qPrintable(describe(reply)));
    const QJsonObject called = reply.object().value(u"token").toObject();
    QCOMPARE(called.value(u"id").toInteger(), first.object().value(u"token_id").toInteger());
    QCOMPARE(called.value(u"token_number").toString(), QStringLiteral("N001"));
    QCOMPARE(called.value(u"service_id").toInt(), id);

    for (const char *step : {"serve", "complete"})
        QCOMPARE(m_http->post(QStringLiteral("/api/counters/2/%1").arg(QLatin1String(step)), {}, m_operator2).status, 200);
    reply = m_http->post(QStringLiteral("/api/counters/2/call"), {}, m_operator2);
    QCOMPARE(reply.object().value(u"token").toObject().value(u"token_number").toString(), QStringLiteral("N002"));
    QCOMPARE(m_http->post(QStringLiteral("/api/counters/2/skip"), {}, m_operator2).status, 200);
    QCOMPARE(m_http->post(QStringLiteral("/api/counters/2/close"), {}, m_operator2).status, 200);
    QCOMPARE(m_http->put(QStringLiteral("/api/counters/2"), {{QStringLiteral("service_ids"), QJsonArray{3}}}, m_admin)
                 .status,
             200);
}

void TestAdmin::passwordResetReplacesThePassword()
{
    const QJsonObject user = created(QStringLiteral("/api/users"),
                                     {{QStringLiteral("username"), QStringLiteral("resetme")},
                                      {QStringLiteral("password"), QStringLiteral("firstpass1")},
                                      {QStringLiteral("role"), QStringLiteral("operator")}},
                                     QStringLiteral("user"));
    const int id = user.value(u"id").toInt();
    QVERIFY(id > 0);
    const HttpReply session = m_http->post(QStringLiteral("/api/auth/login"),
                                           {{QStringLiteral("username"), QStringLiteral("resetme")},
                                            {QStringLiteral("password"), QStringLiteral("firstpass1")}});
    QCOMPARE(session.status, 200);
    const QString refresh = session.object().value(u"refresh_token").toString();

    const qint64 mark = lastAuditId();
    const HttpReply reply = m_http->put(path("/api/users/%1", id), {{QStringLiteral("password"), QStringLiteral("secondpass2")}},
                                        m_admin);
    QVERIFY2(reply.status == 200, qPrintable(describe(reply)));
    QCOMPARE(reply.object().value(u"user").toObject(), user);

    const auto login = [&](const char *password) {
        return m_http->post(QStringLiteral("/api/auth/login"), {{QStringLiteral("username"), QStringLiteral("resetme")},
                                                                {QStringLiteral("password"), QLatin1String(password)}})
            .status;
    };
    QCOMPARE(login("firstpass1"), 401);
    QCOMPARE(login("secondpass2"), 200);
    // The sessions opened with the old password are over.
    QCOMPARE(m_http->post(QStringLiteral("/api/auth/refresh"), {{QStringLiteral("refresh_token"), refresh}}).status, 401);

    const QList<QJsonObject> rows = auditSince(mark);
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().value(u"action").toString(), QStringLiteral("user.update"));
    const QByteArray details = QJsonDocument(rows.first().value(u"details").toObject()).toJson();
    QVERIFY2(!details.contains("secondpass2") && !details.contains("argon2"), details.constData());
}

void TestAdmin::deactivatedUserCannotLogIn()
{
    const QJsonObject user = created(QStringLiteral("/api/users"),
                                     {{QStringLiteral("username"), QStringLiteral("leaver")},
                                      {QStringLiteral("password"), QStringLiteral("leaverpass")},
                                      {QStringLiteral("role"), QStringLiteral("operator")},
                                      {QStringLiteral("active"), true}},
                                     QStringLiteral("user"));
    const int id = user.value(u"id").toInt();
    const HttpReply session = m_http->post(QStringLiteral("/api/auth/login"),
                                           {{QStringLiteral("username"), QStringLiteral("leaver")},
                                            {QStringLiteral("password"), QStringLiteral("leaverpass")}});
    QCOMPARE(session.status, 200);

    QCOMPARE(m_http->del(path("/api/users/%1", id), m_admin).status, 200);
    const HttpReply refused = m_http->post(QStringLiteral("/api/auth/login"),
                                           {{QStringLiteral("username"), QStringLiteral("leaver")},
                                            {QStringLiteral("password"), QStringLiteral("leaverpass")}});
    QCOMPARE(refused.status, 401);
    QCOMPARE(m_http->post(QStringLiteral("/api/auth/refresh"),
                          {{QStringLiteral("refresh_token"), session.object().value(u"refresh_token").toString()}})
                 .status,
             401);

    QCOMPARE(m_http->put(path("/api/users/%1", id), {{QStringLiteral("active"), true}}, m_admin).status, 200);
    QVERIFY(!m_http->login(QStringLiteral("leaver"), QStringLiteral("leaverpass")).isEmpty());
}

void TestAdmin::auditLogPages()
{
    HttpReply all = m_http->get(QStringLiteral("/api/audit?page_size=200"), m_admin);
    QCOMPARE(all.status, 200);
    const qint64 total = all.object().value(u"total").toInteger();
    QVERIFY(total >= 20);
    QCOMPARE(all.object().value(u"items").toArray().size(), qMin<qint64>(total, 200));

    const HttpReply page2 = m_http->get(QStringLiteral("/api/audit?page=2&page_size=5"), m_admin);
    QCOMPARE(page2.status, 200);
    QCOMPARE(page2.object().value(u"page").toInt(), 2);
    QCOMPARE(page2.object().value(u"page_size").toInt(), 5);
    QCOMPARE(page2.object().value(u"total").toInteger(), total);
    const QJsonArray items = page2.object().value(u"items").toArray();
    QCOMPARE(items.size(), 5);
    // Newest first: page 2 continues where page 1 stopped.
    const QJsonArray everything = all.object().value(u"items").toArray();
    for (int i = 0; i < 5; ++i)
        QCOMPARE(items.at(i).toObject(), everything.at(5 + i).toObject());
    const QStringList keys{"action", "actor", "actor_id", "at", "details", "entity", "entity_id", "id"};
    QCOMPARE(items.first().toObject().keys(), keys);
    QVERIFY(QDateTime::fromString(items.first().toObject().value(u"at").toString(), Qt::ISODateWithMs).isValid());

    for (const char *query : {"page=0", "page=abc", "page_size=0", "page_size=201"}) {
        const HttpReply bad = m_http->get(QStringLiteral("/api/audit?") + QLatin1String(query), m_admin);
        QVERIFY2(bad.status == 400, query);
        QCOMPARE(bad.errorCode(), QStringLiteral("validation_failed"));
    }
}

QTEST_GUILESS_MAIN(TestAdmin)
#include "tst_admin.moc"
