// Operator scope (an operator acts only on the counters it opened; admins on any) and the
// per-address rate limits on login and on anonymous token issue, each on a server of its own.

#include <QJsonArray>
#include <QTest>

#include "authtest.h"

namespace {

QJsonObject counterOne(HttpClient &http, const QString &bearer)
{
    const QJsonArray counters = http.get(QStringLiteral("/api/counters"), bearer).array();
    for (const QJsonValue &counter : counters) {
        if (counter.toObject().value(u"id").toInt() == 1)
            return counter.toObject();
    }
    return {};
}

int historyTotal(HttpClient &http, const QString &bearer)
{
    const HttpReply reply = http.get(QStringLiteral("/api/tokens?page_size=1"), bearer);
    return reply.status == 200 ? reply.object().value(u"total").toInt() : -1;
}

void expectRetryAfter(const HttpReply &reply)
{
    bool ok = false;
    const int seconds = reply.header("Retry-After").toInt(&ok);
    QVERIFY2(ok && seconds >= 1 && seconds <= 60, reply.header("Retry-After").constData());
}

} // namespace

void TestAuth::otherOperatorRefused_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");

    for (const char *action : {"call", "recall", "serve", "complete", "skip", "close"})
        QTest::newRow(action) << QStringLiteral("/api/counters/1/%1").arg(QLatin1String(action))
                              << QJsonObject() << 403 << "forbidden";
    QTest::newRow("pause") << "/api/counters/1/pause"
                           << QJsonObject{{QStringLiteral("reason"), QStringLiteral("lunch")}}
                           << 403 << "forbidden";
    QTest::newRow("transfer") << "/api/counters/1/transfer"
                              << QJsonObject{{QStringLiteral("service_id"), 2}} << 403
                              << "forbidden";
    QTest::newRow("assign") << "/api/tokens/{token}/assign"
                            << QJsonObject{{QStringLiteral("counter_id"), 1}} << 403 << "forbidden";
    QTest::newRow("open") << "/api/counters/1/open" << QJsonObject() << 409 << "counter_busy";
}

// operator2 on the counter operator1 opened, with a token waiting that a wrongly allowed call or
// assign would take: refused, and nothing changed.
void TestAuth::otherOperatorRefused()
{
    QFETCH(QString, path);
    QFETCH(QJsonObject, body);
    QFETCH(int, status);
    QFETCH(QString, code);

    AUTH_EXPECT_STATUS(m_http->post(QStringLiteral("/api/counters/1/open"), {}, m_operator1), 200);
    const HttpReply issued =
        m_http->post(QStringLiteral("/api/tokens"), {{QStringLiteral("service_id"), 1}}, m_admin);
    AUTH_EXPECT_STATUS(issued, 201);
    const QString token = QString::number(issued.object().value(u"token_id").toInteger());
    const QJsonObject before = counterOne(*m_http, m_admin);
    QCOMPARE(before.value(u"operator_id").toInt(), 2);
    QVERIFY(before.value(u"current_token").isNull());

    path.replace(QStringLiteral("{token}"), token);
    checkError(m_http->post(path, body, m_operator2), status, code);
    if (QTest::currentTestFailed())
        return;

    QCOMPARE(counterOne(*m_http, m_admin), before);
    const HttpReply after = m_http->get(QStringLiteral("/api/tokens/") + token, m_admin);
    AUTH_EXPECT_STATUS(after, 200);
    QCOMPARE(after.object().value(u"token").toObject().value(u"status").toString(),
             QStringLiteral("waiting"));
}

// The admin acts on operator1's counter without taking it over; operator1 carries on after.
void TestAuth::adminActsOnAnyCounter()
{
    AUTH_EXPECT_STATUS(m_http->post(QStringLiteral("/api/counters/1/open"), {}, m_operator1), 200);
    AUTH_EXPECT_STATUS(
        m_http->post(QStringLiteral("/api/tokens"), {{QStringLiteral("service_id"), 2}}, m_kiosk),
        201);
    const HttpReply called = m_http->post(QStringLiteral("/api/counters/1/call"), {}, m_admin);
    AUTH_EXPECT_STATUS(called, 200);
    QCOMPARE(called.object().value(u"token").toObject().value(u"status").toString(),
             QStringLiteral("called"));
    QCOMPARE(called.object().value(u"token").toObject().value(u"counter_id").toInt(), 1);
    AUTH_EXPECT_STATUS(m_http->post(QStringLiteral("/api/counters/1/serve"), {}, m_admin), 200);
    AUTH_EXPECT_STATUS(m_http->post(QStringLiteral("/api/counters/1/complete"), {}, m_admin), 200);
    QCOMPARE(counterOne(*m_http, m_admin).value(u"operator_id").toInt(), 2);

    AUTH_EXPECT_STATUS(m_http->post(QStringLiteral("/api/counters/1/call"), {}, m_operator1), 200);
    AUTH_EXPECT_STATUS(m_http->post(QStringLiteral("/api/counters/1/skip"), {}, m_operator1), 200);
    AUTH_EXPECT_STATUS(m_http->post(QStringLiteral("/api/counters/1/pause"),
                                    {{QStringLiteral("reason"), QStringLiteral("audit")}}, m_admin),
                       200);
    AUTH_EXPECT_STATUS(m_http->post(QStringLiteral("/api/counters/1/close"), {}, m_admin), 200);
    QCOMPARE(counterOne(*m_http, m_admin).value(u"status").toString(), QStringLiteral("closed"));

    // Closed, the counter is anyone's again.
    AUTH_EXPECT_STATUS(m_http->post(QStringLiteral("/api/counters/1/open"), {}, m_operator2), 200);
    AUTH_EXPECT_ERROR(m_http->post(QStringLiteral("/api/counters/1/open"), {}, m_operator1), 409,
                      "counter_busy");
    AUTH_EXPECT_STATUS(m_http->post(QStringLiteral("/api/counters/1/close"), {}, m_operator2), 200);
}

// AUTH_RATE_PER_MINUTE=5: five failed logins (or registrations) from one address in a minute,
// not six; successful logins do not count.
void TestAuth::loginRateLimit()
{
    const auto server =
        startServer(QStringLiteral("auth_rate_login"),
                    {{QStringLiteral("AUTH_RATE_PER_MINUTE"), QStringLiteral("5")}});
    QVERIFY(server);
    HttpClient http(server->baseUrl());
    for (int i = 0; i < 8; ++i)
        AUTH_EXPECT_STATUS(
            i % 2 ? loginReply(http, QStringLiteral("kiosk"), QStringLiteral("kiosk123"))
                  : loginReply(http, QStringLiteral("admin"), QStringLiteral("admin123")),
            200);
    for (int i = 0; i < 5; ++i)
        AUTH_EXPECT_ERROR(
            loginReply(http, QStringLiteral("admin"), QStringLiteral("guess-%1").arg(i)), 401,
            "invalid_credentials");

    // Five failures: now even the right password waits for the window, so guessing stops.
    const HttpReply sixth = loginReply(http, QStringLiteral("admin"), QStringLiteral("admin123"));
    AUTH_EXPECT_ERROR(sixth, 429, "rate_limited");
    expectRetryAfter(sixth);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(sixth.header("Set-Cookie").isEmpty());
    const HttpReply registration =
        http.post(QStringLiteral("/api/auth/register"),
                  {{QStringLiteral("username"), QStringLiteral("late")},
                   {QStringLiteral("password"), QStringLiteral("late-password")}});
    AUTH_EXPECT_ERROR(registration, 429, "rate_limited");
    // Only the auth routes are limited.
    AUTH_EXPECT_STATUS(http.get(QStringLiteral("/api/services")), 200);
}

// TOKEN_RATE_PER_MINUTE=3: the fourth anonymous token is refused and not created; kiosks and staff
// issue on regardless (a lobby dispenser serves everyone from one address).
void TestAuth::tokenRateLimit()
{
    const auto server =
        startServer(QStringLiteral("auth_rate_tokens"),
                    {{QStringLiteral("TOKEN_RATE_PER_MINUTE"), QStringLiteral("3")}});
    QVERIFY(server);
    HttpClient http(server->baseUrl());
    const QString admin = http.login(QStringLiteral("admin"), QStringLiteral("admin123"));
    const QString kiosk = http.login(QStringLiteral("kiosk"), QStringLiteral("kiosk123"));
    QVERIFY(!admin.isEmpty() && !kiosk.isEmpty());
    const QJsonObject body{{QStringLiteral("service_id"), 1}};

    const int before = historyTotal(http, admin);
    QVERIFY(before >= 0);
    for (int i = 0; i < 3; ++i)
        AUTH_EXPECT_STATUS(http.post(QStringLiteral("/api/tokens"), body), 201);
    QCOMPARE(historyTotal(http, admin), before + 3);

    const HttpReply fourth = http.post(QStringLiteral("/api/tokens"), body);
    AUTH_EXPECT_ERROR(fourth, 429, "rate_limited");
    expectRetryAfter(fourth);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(historyTotal(http, admin), before + 3);

    for (int i = 0; i < 4; ++i)
        AUTH_EXPECT_STATUS(http.post(QStringLiteral("/api/tokens"), body, kiosk), 201);
    AUTH_EXPECT_STATUS(http.post(QStringLiteral("/api/tokens"), body, admin), 201);
    QCOMPARE(historyTotal(http, admin), before + 8);
    AUTH_EXPECT_ERROR(http.post(QStringLiteral("/api/tokens"), body), 429, "rate_limited");
    QCOMPARE(historyTotal(http, admin), before + 8);
}
