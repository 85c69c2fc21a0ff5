// Authentication against the real server: login and registration, the answers' exact shape, the
// refusals and their error codes, and that an unknown username costs as much time as a wrong
// password (no username probing by timing).

#include <algorithm>

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTest>

#include "authtest.h"
#include "nextup/jwt.h"
#include "seededserver.h"

namespace {

const QString kUserPassword = QStringLiteral("customer-pass-1");

QSet<QString> keysOf(const QJsonObject &object)
{
    const QStringList keys = object.keys();
    return QSet<QString>(keys.cbegin(), keys.cend());
}

qint64 median(QList<qint64> values)
{
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

} // namespace

QString TestAuth::describe(const HttpReply &reply)
{
    if (reply.status == 0)
        return QStringLiteral("no answer (%1)").arg(reply.error);
    return QStringLiteral("HTTP %1 %2")
        .arg(reply.status)
        .arg(QString::fromUtf8(reply.body.left(600)));
}

void TestAuth::checkError(const HttpReply &reply, int status, const QString &code,
                          const QString &context)
{
    const QString what =
        (context.isEmpty() ? QString() : context + QStringLiteral(": ")) +
        QStringLiteral("expected %1 %2, got %3").arg(status).arg(code, describe(reply));
    QVERIFY2(reply.status == status, qPrintable(what));
    const QJsonObject top = reply.object();
    const QJsonObject error = top.value(u"error").toObject();
    const QSet<QString> keys = keysOf(error);
    const QSet<QString> allowed{QStringLiteral("code"), QStringLiteral("message"),
                                QStringLiteral("details")};
    QVERIFY2(keysOf(top) == QSet<QString>{QStringLiteral("error")}, qPrintable(what));
    QVERIFY2(keys.contains(QStringLiteral("code")) && keys.contains(QStringLiteral("message")) &&
                 (keys - allowed).isEmpty(),
             qPrintable(what));
    QVERIFY2(error.value(u"code").toString() == code, qPrintable(what));
    QVERIFY2(!error.value(u"message").toString().isEmpty(), qPrintable(what));
}

QByteArray TestAuth::signAccess(const QJsonObject &payload)
{
    return Nextup::Jwt::sign(payload, ServerProcess::testJwtSecret());
}

QJsonObject TestAuth::claims(int userId, const QString &role, const QString &name)
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    return {{QStringLiteral("sub"), QString::number(userId)},
            {QStringLiteral("role"), role},
            {QStringLiteral("name"), name},
            {QStringLiteral("iss"), QStringLiteral("nextup")},
            {QStringLiteral("aud"), QStringLiteral("nextup-api")},
            {QStringLiteral("iat"), now},
            {QStringLiteral("exp"), now + 600}};
}

std::unique_ptr<ServerProcess>
TestAuth::startServer(const QString &database, const QList<QPair<QString, QString>> &environment)
{
    // Servers of this test share one Redis: own key prefixes keep their queues and buckets apart.
    QList<QPair<QString, QString>> settings{
        {QStringLiteral("REDIS_PREFIX"), database + QLatin1Char(':')}};
    settings += environment;
    return startSeededServer(m_services, database, settings);
}

HttpReply TestAuth::loginReply(HttpClient &http, const QString &username, const QString &password)
{
    return http.post(QStringLiteral("/api/auth/login"), {{QStringLiteral("username"), username},
                                                         {QStringLiteral("password"), password}});
}

void TestAuth::initTestCase()
{
    QVERIFY(m_services.start());
    m_server = startServer(QStringLiteral("auth_main"), {});
    QVERIFY(m_server);
    m_http = std::make_unique<HttpClient>(m_server->baseUrl());
    m_admin = m_http->login(QStringLiteral("admin"), QStringLiteral("admin123"));
    m_operator1 = m_http->login(QStringLiteral("operator1"), QStringLiteral("operator123"));
    m_operator2 = m_http->login(QStringLiteral("operator2"), QStringLiteral("operator123"));
    m_kiosk = m_http->login(QStringLiteral("kiosk"), QStringLiteral("kiosk123"));
    QVERIFY(!m_admin.isEmpty() && !m_operator1.isEmpty() && !m_operator2.isEmpty() &&
            !m_kiosk.isEmpty());
    QVERIFY(startMatrixServer());
}

void TestAuth::cleanup()
{
    for (ServerProcess *server : {m_server.get(), m_matrixServer.get()}) {
        if (server)
            server->dumpIfFailed();
    }
}

// 200 {access_token, token_type, expires_in, refresh_token, user} and the refresh cookie.
void TestAuth::loginAnswersSession()
{
    const HttpReply reply =
        loginReply(*m_http, QStringLiteral("operator1"), QStringLiteral("operator123"));
    AUTH_EXPECT_STATUS(reply, 200);
    const QJsonObject body = reply.object();
    QCOMPARE(keysOf(body),
             (QSet<QString>{"access_token", "token_type", "expires_in", "refresh_token", "user"}));
    QCOMPARE(body.value(u"token_type").toString(), QStringLiteral("Bearer"));
    QCOMPARE(body.value(u"expires_in").toInt(), 900);
    const QJsonObject user = body.value(u"user").toObject();
    QCOMPARE(keysOf(user),
             (QSet<QString>{"id", "username", "role", "full_name", "active", "branch_id"}));
    QCOMPARE(user.value(u"id").toInt(), 2);
    QCOMPARE(user.value(u"username").toString(), QStringLiteral("operator1"));
    QCOMPARE(user.value(u"role").toString(), QStringLiteral("operator"));
    QCOMPARE(user.value(u"full_name").toString(), QStringLiteral("Operator One"));
    QCOMPARE(user.value(u"active").toBool(), true);

    // The access token is what api.md promises: HS256 under the server's secret, 15 minutes.
    const auto verified = Nextup::Jwt::verify(
        body.value(u"access_token").toString().toUtf8(), ServerProcess::testJwtSecret(),
        QStringLiteral("nextup"), QStringLiteral("nextup-api"));
    QVERIFY2(verified.ok(), qPrintable(Nextup::Jwt::describe(verified.error)));
    QCOMPARE(verified.payload.value(u"sub").toString(), QStringLiteral("2"));
    QCOMPARE(verified.payload.value(u"role").toString(), QStringLiteral("operator"));
    QCOMPARE(verified.payload.value(u"exp").toInteger() -
                 verified.payload.value(u"iat").toInteger(),
             900);

    const QByteArray refresh = body.value(u"refresh_token").toString().toUtf8();
    QVERIFY(refresh.size() >= 32);
    const QByteArray cookie = reply.header("Set-Cookie");
    QVERIFY2(cookie.startsWith("nextup_refresh=" + refresh + ';'), cookie.constData());
    for (const QByteArray attribute : {"HttpOnly", "Secure", "SameSite=Strict", "Path=/api/auth"})
        QVERIFY2(cookie.contains("; " + attribute), cookie.constData());
}

void TestAuth::loginRefused_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QStringList>("fields"); // named in error.details

    const QStringList none;
    QTest::newRow("wrong password") << QByteArray(R"({"username":"admin","password":"admin124"})")
                                    << 401 << "invalid_credentials" << none;
    QTest::newRow("unknown user") << QByteArray(R"({"username":"nobody","password":"admin123"})")
                                  << 401 << "invalid_credentials" << none;
    QTest::newRow("other user's password")
        << QByteArray(R"({"username":"operator2","password":"admin123"})") << 401
        << "invalid_credentials" << none;
    QTest::newRow("empty object") << QByteArray("{}") << 400 << "validation_failed"
                                  << QStringList{"username", "password"};
    QTest::newRow("no password") << QByteArray(R"({"username":"admin"})") << 400
                                 << "validation_failed" << QStringList{"password"};
    QTest::newRow("no username") << QByteArray(R"({"password":"admin123"})") << 400
                                 << "validation_failed" << QStringList{"username"};
    QTest::newRow("number as password") << QByteArray(R"({"username":"admin","password":123})")
                                        << 400 << "validation_failed" << QStringList{"password"};
    QTest::newRow("not json") << QByteArray("username=admin&password=admin123") << 400
                              << "bad_request" << none;
}

void TestAuth::loginRefused()
{
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, code);
    QFETCH(QStringList, fields);
    const HttpReply reply =
        m_http->postRaw(QStringLiteral("/api/auth/login"), body, "application/json");
    checkError(reply, status, code);
    if (QTest::currentTestFailed())
        return;
    const QJsonObject details =
        reply.object().value(u"error").toObject().value(u"details").toObject();
    for (const QString &field : fields)
        QVERIFY2(details.contains(field), qPrintable(describe(reply)));
    QVERIFY2(reply.header("Set-Cookie").isEmpty(), reply.header("Set-Cookie").constData());
}

// An unknown username must cost a password check too, or its faster 401 tells which names exist.
void TestAuth::unknownUserIsNotFaster()
{
    QList<qint64> wrongPassword;
    QList<qint64> unknownUser;
    QElapsedTimer timer;
    for (int i = 0; i < 7; ++i) { // interleaved, so load from elsewhere hits both alike
        timer.start();
        AUTH_EXPECT_ERROR(
            loginReply(*m_http, QStringLiteral("operator1"), QStringLiteral("nope-1")), 401,
            "invalid_credentials");
        wrongPassword.append(timer.nsecsElapsed() / 1000);
        timer.start();
        AUTH_EXPECT_ERROR(
            loginReply(*m_http, QStringLiteral("ghost%1").arg(i), QStringLiteral("nope-1")), 401,
            "invalid_credentials");
        unknownUser.append(timer.nsecsElapsed() / 1000);
    }
    const qint64 wrong = median(wrongPassword);
    const qint64 unknown = median(unknownUser);
    qInfo("median login time: wrong password %lld us, unknown user %lld us", wrong, unknown);
    QVERIFY2(
        unknown * 3 >= wrong,
        qPrintable(
            QStringLiteral("unknown user %1 us vs wrong password %2 us").arg(unknown).arg(wrong)));
}

void TestAuth::registerRefused_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QStringList>("fields");

    auto body = [](const QJsonValue &username, const QJsonValue &password) {
        QJsonObject object;
        if (!username.isUndefined())
            object.insert(QStringLiteral("username"), username);
        if (!password.isUndefined())
            object.insert(QStringLiteral("password"), password);
        return object;
    };
    const QString good = QStringLiteral("good-password");
    const QJsonValue missing(QJsonValue::Undefined);
    const QStringList username{QStringLiteral("username")};
    const QStringList password{QStringLiteral("password")};
    QTest::newRow("taken") << body("operator1", good) << 409 << "already_exists" << username;
    QTest::newRow("taken, other case")
        << body("ADMIN", good) << 409 << "already_exists" << username;
    QTest::newRow("username too short")
        << body("ab", good) << 400 << "validation_failed" << username;
    QTest::newRow("username too long")
        << body(QString(33, u'a'), good) << 400 << "validation_failed" << username;
    QTest::newRow("username with space")
        << body("jane doe", good) << 400 << "validation_failed" << username;
    QTest::newRow("username missing")
        << body(missing, good) << 400 << "validation_failed" << username;
    QTest::newRow("username not text") << body(42, good) << 400 << "validation_failed" << username;
    QTest::newRow("password too short")
        << body("jane", "seven77") << 400 << "validation_failed" << password;
    QTest::newRow("password too long")
        << body("jane", QString(129, u'p')) << 400 << "validation_failed" << password;
    QTest::newRow("password missing")
        << body("jane", missing) << 400 << "validation_failed" << password;
    QTest::newRow("both bad") << body("a", "short") << 400 << "validation_failed"
                              << QStringList{"username", "password"};
}

void TestAuth::registerRefused()
{
    QFETCH(QJsonObject, body);
    QFETCH(int, status);
    QFETCH(QString, code);
    QFETCH(QStringList, fields);
    const HttpReply reply = m_http->post(QStringLiteral("/api/auth/register"), body);
    AUTH_EXPECT_ERROR(reply, status, code);
    const QJsonObject details =
        reply.object().value(u"error").toObject().value(u"details").toObject();
    for (const QString &field : fields)
        QVERIFY2(details.contains(field), qPrintable(describe(reply)));
    // Nothing was created: the name still does not log in.
    if (body.value(u"username").toString() == u"jane")
        AUTH_EXPECT_ERROR(
            loginReply(*m_http, QStringLiteral("jane"), QStringLiteral("good-password")), 401,
            "invalid_credentials");
}

// 201 {user} with role user (whatever the body asks), then that account logs in and sees itself.
void TestAuth::registerThenLogin()
{
    const HttpReply created =
        m_http->post(QStringLiteral("/api/auth/register"),
                     {{QStringLiteral("username"), QStringLiteral("Customer.One")},
                      {QStringLiteral("password"), kUserPassword},
                      {QStringLiteral("full_name"), QStringLiteral("Cu One")},
                      {QStringLiteral("role"), QStringLiteral("admin")}});
    AUTH_EXPECT_STATUS(created, 201);
    const QJsonObject user = created.object().value(u"user").toObject();
    QCOMPARE(keysOf(user),
             (QSet<QString>{"id", "username", "role", "full_name", "active", "branch_id"}));
    QCOMPARE(user.value(u"role").toString(), QStringLiteral("user"));
    QCOMPARE(user.value(u"username").toString(), QStringLiteral("Customer.One"));
    QCOMPARE(user.value(u"full_name").toString(), QStringLiteral("Cu One"));
    QCOMPARE(user.value(u"active").toBool(), true);
    QVERIFY(user.value(u"id").toInt() > 4);

    AUTH_EXPECT_ERROR(m_http->post(QStringLiteral("/api/auth/register"),
                                   {{QStringLiteral("username"), QStringLiteral("customer.one")},
                                    {QStringLiteral("password"), kUserPassword}}),
                      409, "already_exists");

    const HttpReply login = loginReply(*m_http, QStringLiteral("customer.one"), kUserPassword);
    AUTH_EXPECT_STATUS(login, 200);
    QCOMPARE(login.object().value(u"user").toObject(), user);
    const QString access = login.object().value(u"access_token").toString();

    const HttpReply me = m_http->get(QStringLiteral("/api/auth/me"), access);
    AUTH_EXPECT_STATUS(me, 200);
    QCOMPARE(me.object(), (QJsonObject{{QStringLiteral("user"), user}}));
    AUTH_EXPECT_ERROR(m_http->get(QStringLiteral("/api/auth/me")), 401, "unauthorized");
    // A customer is not staff.
    AUTH_EXPECT_ERROR(m_http->get(QStringLiteral("/api/tokens"), access), 403, "forbidden");

    const HttpReply adminMe = m_http->get(QStringLiteral("/api/auth/me"), m_admin);
    AUTH_EXPECT_STATUS(adminMe, 200);
    QCOMPARE(adminMe.object().value(u"user").toObject().value(u"username").toString(),
             QStringLiteral("admin"));
}

// A hash made with libsodium's interactive costs (64 MiB), as the server made before, still lets
// its user in, and that login replaces it with a hash of today's costs that also verifies.
void TestAuth::oldHashUpgradedOnLogin()
{
    const QString password = QStringLiteral("legacy-pass-1");
    const QString oldHash = QStringLiteral("$argon2id$v=19$m=65536,t=2,p=1$8oj6AS0beMkrNamzYANPDA$"
                                           "2aGE6qSBl5PIdOft/0aIjCMBAMD4ZvqTK8x12D+0cXM");
    AUTH_EXPECT_STATUS(
        m_http->post(QStringLiteral("/api/auth/register"),
                     {{QStringLiteral("username"), QStringLiteral("old.timer")},
                      {QStringLiteral("password"), QStringLiteral("placeholder-9")}}),
        201);
    QVERIFY(execSql(QStringLiteral("UPDATE users SET password_hash = ? WHERE username = ?"),
                    {oldHash, QStringLiteral("old.timer")}));

    AUTH_EXPECT_STATUS(loginReply(*m_http, QStringLiteral("old.timer"), password), 200);
    QVariant stored;
    QVERIFY(execSql(QStringLiteral("SELECT password_hash FROM users WHERE username = ?"),
                    {QStringLiteral("old.timer")}, &stored));
    QVERIFY2(stored.toString().startsWith(u"$argon2id$v=19$m=19456,t=2,p=1$"),
             qPrintable(stored.toString()));

    AUTH_EXPECT_STATUS(loginReply(*m_http, QStringLiteral("old.timer"), password), 200);
    AUTH_EXPECT_ERROR(loginReply(*m_http, QStringLiteral("old.timer"), QStringLiteral("wrong-1")),
                      401, "invalid_credentials");
}

QTEST_GUILESS_MAIN(TestAuth)
