// Bad input: each invalid field is named in a 400, unknown ids are 404, and neither changes
// anything (the lists and the audit log read the same before and after).

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include "admintest.h"

using namespace AdminTest;

namespace {

void row(const char *name, const char *method, const char *route, const QJsonObject &body,
         const char *field)
{
    QTest::newRow(name) << QByteArray(method) << QString::fromLatin1(route) << body
                        << QString::fromLatin1(field);
}

// `base` with `key` set to `value`, or removed when `value` is undefined.
QJsonObject with(QJsonObject base, const char *key, const QJsonValue &value)
{
    if (value.isUndefined())
        base.remove(QLatin1String(key));
    else
        base.insert(QLatin1String(key), value);
    return base;
}

const QJsonValue missing = QJsonValue::Undefined;
const QString longName(101, u'n');

void branchRows()
{
    const char *post = "POST";
    const char *route = "/api/branches";
    row("branch: no name", post, route, {{"timezone", "UTC"}}, "name");
    row("branch: empty name", post, route, {{"name", ""}}, "name");
    row("branch: blank name", post, route, {{"name", "   "}}, "name");
    row("branch: long name", post, route, {{"name", longName}}, "name");
    row("branch: numeric name", post, route, {{"name", 5}}, "name");
    row("branch: unknown zone", post, route, {{"name", "East"}, {"timezone", "Mars/Olympus"}},
        "timezone");
    row("branch: zone not text", post, route, {{"name", "East"}, {"timezone", 3}}, "timezone");
    row("branch put: bad zone", "PUT", "/api/branches/2", {{"timezone", "Nowhere"}}, "timezone");
    row("branch put: empty name", "PUT", "/api/branches/2", {{"name", ""}}, "name");
}

void serviceRows()
{
    const QJsonObject ok{{"branch_id", 1}, {"code", "Q"}, {"name", "Queries"}};
    const char *post = "POST";
    const char *route = "/api/services";
    row("service: no branch", post, route, with(ok, "branch_id", missing), "branch_id");
    row("service: unknown branch", post, route, with(ok, "branch_id", 999), "branch_id");
    row("service: branch as text", post, route, with(ok, "branch_id", "1"), "branch_id");
    row("service: branch 0", post, route, with(ok, "branch_id", 0), "branch_id");
    row("service: no code", post, route, with(ok, "code", missing), "code");
    row("service: lower-case code", post, route, with(ok, "code", "q"), "code");
    row("service: long code", post, route, with(ok, "code", "QQQQ"), "code");
    row("service: digit in code", post, route, with(ok, "code", "Q1"), "code");
    row("service: no name", post, route, with(ok, "name", missing), "name");
    row("service: long name", post, route, with(ok, "name", longName), "name");
    const char *avg = "avg_service_seconds";
    row("service: avg 0", post, route, with(ok, avg, 0), avg);
    row("service: avg > 1 day", post, route, with(ok, avg, 86401), avg);
    row("service: avg fraction", post, route, with(ok, avg, 1.5), avg);
    const char *target = "target_wait_seconds";
    row("service: target 0", post, route, with(ok, target, 0), target);
    row("service: target text", post, route, with(ok, target, "600"), target);
    row("service: active text", post, route, with(ok, "active", "yes"), "active");
    row("service put: bad code", "PUT", "/api/services/1", {{"code", "d"}}, "code");
    row("service put: unknown branch", "PUT", "/api/services/1", {{"branch_id", 999}}, "branch_id");
    row("service put: avg negative", "PUT", "/api/services/1", {{avg, -5}}, avg);
}

void counterRows()
{
    const QJsonObject ok{
        {"branch_id", 1}, {"name", "Counter Q"}, {"service_ids", QJsonArray{1, 2}}};
    const char *post = "POST";
    const char *route = "/api/counters";
    const char *ids = "service_ids";
    row("counter: no branch", post, route, with(ok, "branch_id", missing), "branch_id");
    row("counter: unknown branch", post, route, with(ok, "branch_id", 999), "branch_id");
    row("counter: no name", post, route, with(ok, "name", missing), "name");
    row("counter: long name", post, route, with(ok, "name", longName), "name");
    row("counter: no services", post, route, with(ok, ids, missing), ids);
    row("counter: empty services", post, route, with(ok, ids, QJsonArray()), ids);
    row("counter: services not ids", post, route, with(ok, ids, QJsonArray{"D"}), ids);
    row("counter: services not array", post, route, with(ok, ids, 1), ids);
    row("counter: unknown service", post, route, with(ok, ids, QJsonArray{1, 999}), ids);
    row("counter: other branch's service", post, route, with(ok, ids, QJsonArray{1, otherService}),
        ids);
    row("counter: active number", post, route, with(ok, "active", 1), "active");
    const char *put = "PUT";
    const char *one = "/api/counters/1";
    row("counter put: other branch's service", put, one, {{ids, QJsonArray{otherService}}}, ids);
    row("counter put: branch without its services", put, one, {{"branch_id", otherBranch}}, ids);
    row("counter put: empty services", put, one, {{ids, QJsonArray()}}, ids);
    row("counter put: blank name", put, one, {{"name", " "}}, "name");
}

void userRows()
{
    const QJsonObject ok{{"username", "clerk9"}, {"password", "clerkpass9"}, {"role", "operator"}};
    const char *post = "POST";
    const char *route = "/api/users";
    row("user: no username", post, route, with(ok, "username", missing), "username");
    row("user: short username", post, route, with(ok, "username", "ab"), "username");
    row("user: spaces in username", post, route, with(ok, "username", "bad name"), "username");
    row("user: username not text", post, route, with(ok, "username", 42), "username");
    row("user: no password", post, route, with(ok, "password", missing), "password");
    row("user: short password", post, route, with(ok, "password", "short"), "password");
    row("user: long password", post, route, with(ok, "password", QString(129, u'p')), "password");
    row("user: no role", post, route, with(ok, "role", missing), "role");
    row("user: unknown role", post, route, with(ok, "role", "boss"), "role");
    row("user: long full name", post, route, with(ok, "full_name", QString(201, u'f')),
        "full_name");
    row("user: active text", post, route, with(ok, "active", "no"), "active");
    row("user put: short password", "PUT", "/api/users/2", {{"password", "short"}}, "password");
    row("user put: unknown role", "PUT", "/api/users/2", {{"role", "root"}}, "role");
    row("user put: bad username", "PUT", "/api/users/2", {{"username", "x"}}, "username");
}

} // namespace

void TestAdmin::invalidFieldsChangeNothing_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("route");
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QString>("field");
    branchRows();
    serviceRows();
    counterRows();
    userRows();
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
        const HttpReply reply =
            m_http->request("POST", QStringLiteral("/api/branches"), body,
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
            const QString route =
                QStringLiteral("/api/%1/%2").arg(QLatin1String(entity), QLatin1String(id));
            if (qstrcmp(entity, "branches") != 0)
                QTest::addRow("GET %s/%s", entity, id)
                    << QByteArray("GET") << route << QJsonObject();
            QTest::addRow("PUT %s/%s", entity, id) << QByteArray("PUT") << route << rename;
            QTest::addRow("DELETE %s/%s", entity, id)
                << QByteArray("DELETE") << route << QJsonObject();
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
