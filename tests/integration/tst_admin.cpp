// The admin API test's set-up and helpers, and the admin-only guard on every route.

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include "admintest.h"
#include "seededserver.h"

namespace AdminTest {

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
    return QStringLiteral("HTTP %1 %2")
        .arg(reply.status)
        .arg(QString::fromUtf8(reply.body.left(400)));
}

} // namespace AdminTest

using namespace AdminTest;

void TestAdmin::initTestCase()
{
    QVERIFY(m_services.start());
    m_server = startSeededServer(m_services, QStringLiteral("t_admin"));
    QVERIFY(m_server);
    m_http = std::make_unique<HttpClient>(m_server->baseUrl());
    m_admin = m_http->login(QStringLiteral("admin"), QStringLiteral("admin123"));
    m_operator = m_http->login(QStringLiteral("operator1"), QStringLiteral("operator123"));
    m_operator2 = m_http->login(QStringLiteral("operator2"), QStringLiteral("operator123"));
    m_kiosk = m_http->login(QStringLiteral("kiosk"), QStringLiteral("kiosk123"));
    QVERIFY(!m_admin.isEmpty() && !m_operator.isEmpty() && !m_operator2.isEmpty() &&
            !m_kiosk.isEmpty());
    const HttpReply registered =
        m_http->post(QStringLiteral("/api/auth/register"),
                     {{QStringLiteral("username"), QStringLiteral("customer1")},
                      {QStringLiteral("password"), QStringLiteral("customer123")}});
    QCOMPARE(registered.status, 201);
    m_customer = m_http->login(QStringLiteral("customer1"), QStringLiteral("customer123"));
    QVERIFY(!m_customer.isEmpty());

    const QJsonObject branch = created(QStringLiteral("/api/branches"),
                                       {{QStringLiteral("name"), QStringLiteral("Second Branch")},
                                        {QStringLiteral("timezone"), QStringLiteral("Asia/Tokyo")}},
                                       QStringLiteral("branch"));
    QCOMPARE(branch.value(u"id").toInt(), otherBranch);
    const QJsonObject service = created(QStringLiteral("/api/services"),
                                        {{QStringLiteral("branch_id"), otherBranch},
                                         {QStringLiteral("code"), QStringLiteral("S")},
                                         {QStringLiteral("name"), QStringLiteral("Second desk")}},
                                        QStringLiteral("service"));
    QCOMPARE(service.value(u"id").toInt(), otherService);
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
    for (const char *route : {"/api/branches", "/api/services?all=true", "/api/counters",
                              "/api/users", "/api/audit?page_size=1"}) {
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
    const HttpReply reply = m_http->get(
        all ? QStringLiteral("/api/services?all=true") : QStringLiteral("/api/services"), m_admin);
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
    const QJsonObject service{{QStringLiteral("branch_id"), 1},
                              {QStringLiteral("code"), QStringLiteral("R")},
                              {QStringLiteral("name"), QStringLiteral("Rogue")}};
    const QJsonObject counter{{QStringLiteral("branch_id"), 1},
                              {QStringLiteral("name"), QStringLiteral("Rogue")},
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
        {"GET", "/api/branches", {}},        {"POST", "/api/branches", branch},
        {"PUT", "/api/branches/2", branch},  {"DELETE", "/api/branches/2", {}},
        {"GET", "/api/branches/1", {}},      {"POST", "/api/services", service},
        {"PUT", "/api/services/1", service}, {"DELETE", "/api/services/3", {}},
        {"POST", "/api/counters", counter},  {"PUT", "/api/counters/1", counter},
        {"DELETE", "/api/counters/2", {}},   {"GET", "/api/users", {}},
        {"POST", "/api/users", user},        {"GET", "/api/users/2", {}},
        {"PUT", "/api/users/2", promote},    {"DELETE", "/api/users/3", {}},
        {"GET", "/api/audit", {}},
    };
    for (const Route &r : routes)
        QTest::addRow("%s %s", r.method, r.route)
            << QByteArray(r.method) << QString::fromLatin1(r.route) << r.body;
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

QTEST_GUILESS_MAIN(TestAdmin)
