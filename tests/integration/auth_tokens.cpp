// Access tokens the server must refuse (each in the one 401 shape, on public and protected routes
// alike), and refresh tokens: rotation, the cookie, reuse detection, logout, deactivated users.

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QUrl>

#include "authtest.h"
#include "nextup/jwt.h"

namespace {

QByteArray base64Url(const QByteArray &bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray segment(const QJsonObject &object)
{
    return base64Url(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QByteArray hmacToken(const QJsonObject &header, const QJsonObject &payload,
                     const QByteArray &secret, QCryptographicHash::Algorithm algorithm)
{
    const QByteArray input = segment(header) + '.' + segment(payload);
    return input + '.' + base64Url(QMessageAuthenticationCode::hash(input, secret, algorithm));
}

QJsonObject header(const char *alg)
{
    return {{QStringLiteral("alg"), QLatin1String(alg)},
            {QStringLiteral("typ"), QStringLiteral("JWT")}};
}

QString refreshOf(const HttpReply &reply)
{
    return reply.object().value(u"refresh_token").toString();
}

QJsonObject refreshBody(const QString &token)
{
    return {{QStringLiteral("refresh_token"), token}};
}

} // namespace

void TestAuth::badAccessToken_data()
{
    QTest::addColumn<QByteArray>("authorization");

    const QByteArray secret = ServerProcess::testJwtSecret();
    const QJsonObject admin = claims(1, QStringLiteral("admin"), QStringLiteral("admin"));
    auto with = [&](const QString &key, const QJsonValue &value) {
        QJsonObject changed = admin;
        if (value.isUndefined())
            changed.remove(key);
        else
            changed.insert(key, value);
        return changed;
    };
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    QJsonObject expired = with(QStringLiteral("exp"), now - 3600);
    expired.insert(QStringLiteral("iat"), now - 4500);

    // A real token of the kiosk, taken apart: header.payload.signature.
    const QList<QByteArray> kiosk = m_kiosk.toUtf8().split('.');
    QVERIFY(kiosk.size() == 3);
    QJsonObject promoted = Nextup::Jwt::unverifiedPayload(m_kiosk.toUtf8());
    QCOMPARE(promoted.value(u"role").toString(), QStringLiteral("kiosk"));
    promoted.insert(QStringLiteral("role"), QStringLiteral("admin"));

    const QByteArray none = segment(header("none"));
    auto bearer = [](const QByteArray &token) { return "Bearer " + token; };
    QTest::newRow("expired") << bearer(Nextup::Jwt::sign(expired, secret));
    QTest::newRow("not yet valid")
        << bearer(Nextup::Jwt::sign(with(QStringLiteral("nbf"), now + 3600), secret));
    QTest::newRow("forged (other secret)")
        << bearer(Nextup::Jwt::sign(admin, "another-secret-of-48-characters-0123456789abcdef"));
    QTest::newRow("tampered role") << bearer(kiosk[0] + '.' + segment(promoted) + '.' + kiosk[2]);
    QTest::newRow("alg none, no signature") << bearer(none + '.' + segment(admin) + '.');
    QTest::newRow("alg none, original signature") << bearer(none + '.' + kiosk[1] + '.' + kiosk[2]);
    QTest::newRow("alg HS512") << bearer(
        hmacToken(header("HS512"), admin, secret, QCryptographicHash::Sha512));
    QTest::newRow("wrong iss") << bearer(
        Nextup::Jwt::sign(with(QStringLiteral("iss"), "evil"), secret));
    QTest::newRow("wrong aud") << bearer(
        Nextup::Jwt::sign(with(QStringLiteral("aud"), "other-api"), secret));
    QTest::newRow("no aud") << bearer(
        Nextup::Jwt::sign(with(QStringLiteral("aud"), QJsonValue::Undefined), secret));
    QTest::newRow("no exp") << bearer(
        Nextup::Jwt::sign(with(QStringLiteral("exp"), QJsonValue::Undefined), secret));
    QTest::newRow("unknown role") << bearer(
        Nextup::Jwt::sign(with(QStringLiteral("role"), "root"), secret));
    QTest::newRow("sub not a user id")
        << bearer(Nextup::Jwt::sign(with(QStringLiteral("sub"), "admin"), secret));
    QTest::newRow("garbage") << bearer("not-a-jwt");
    QTest::newRow("four segments") << bearer(Nextup::Jwt::sign(admin, secret) + ".e30");
    QTest::newRow("huge") << bearer(QByteArray(9000, 'a'));
    QTest::newRow("Basic scheme") << QByteArray("Basic YWRtaW46YWRtaW4xMjM=");
    QTest::newRow("token without scheme") << Nextup::Jwt::sign(admin, secret);
}

// Refused the same way on a protected route, a staff route and a public one: a client that sent
// a token must learn that it is bad, not silently become anonymous.
void TestAuth::badAccessToken()
{
    QFETCH(QByteArray, authorization);
    for (const QString &path : {QStringLiteral("/api/auth/me"), QStringLiteral("/api/tokens"),
                                QStringLiteral("/api/services"), QStringLiteral("/api/queues")}) {
        const HttpReply reply =
            m_http->request("GET", path, {}, {{"Authorization", authorization}});
        checkError(reply, 401, QStringLiteral("unauthorized"), QStringLiteral("GET ") + path);
        if (QTest::currentTestFailed())
            return;
        const QString message =
            reply.object().value(u"error").toObject().value(u"message").toString();
        QVERIFY2(message.endsWith(u'.') && !message.endsWith(u".."), qPrintable(message));
    }
    // Nothing was issued on its strength either.
    const HttpReply issue =
        m_http->request("POST", QStringLiteral("/api/tokens"), R"({"service_id":1})",
                        {{"Authorization", authorization}, {"Content-Type", "application/json"}});
    AUTH_EXPECT_ERROR(issue, 401, "unauthorized");
}

// The control for badAccessToken: tokens we sign ourselves with the right secret and claims pass,
// so the refusals above come from the signature and claims checks, not from something else.
void TestAuth::selfSignedTokenAccepted()
{
    const QByteArray admin =
        signAccess(claims(1, QStringLiteral("admin"), QStringLiteral("admin")));
    const HttpReply me = m_http->get(QStringLiteral("/api/auth/me"), QString::fromLatin1(admin));
    AUTH_EXPECT_STATUS(me, 200);
    QCOMPARE(me.object().value(u"user").toObject().value(u"username").toString(),
             QStringLiteral("admin"));
    AUTH_EXPECT_STATUS(m_http->get(QStringLiteral("/api/tokens"), QString::fromLatin1(admin)), 200);

    // The kiosk's own payload with role admin, signed properly, is an admin...
    QJsonObject promoted = Nextup::Jwt::unverifiedPayload(m_kiosk.toUtf8());
    promoted.insert(QStringLiteral("role"), QStringLiteral("admin"));
    AUTH_EXPECT_STATUS(
        m_http->get(QStringLiteral("/api/tokens"), QString::fromLatin1(signAccess(promoted))), 200);
    // ...and the role claim is what decides: the same user as kiosk is refused.
    const QByteArray kiosk =
        signAccess(claims(4, QStringLiteral("kiosk"), QStringLiteral("kiosk")));
    AUTH_EXPECT_ERROR(m_http->get(QStringLiteral("/api/tokens"), QString::fromLatin1(kiosk)), 403,
                      "forbidden");
    AUTH_EXPECT_STATUS(m_http->get(QStringLiteral("/api/tokens"), m_kiosk), 403);
}

// Every refresh answers a new session and spends the token it was given.
void TestAuth::refreshRotates()
{
    const HttpReply login =
        loginReply(*m_http, QStringLiteral("kiosk"), QStringLiteral("kiosk123"));
    AUTH_EXPECT_STATUS(login, 200);
    QStringList seen{refreshOf(login)};
    for (int i = 0; i < 3; ++i) {
        const HttpReply next =
            m_http->post(QStringLiteral("/api/auth/refresh"), refreshBody(seen.last()));
        AUTH_EXPECT_STATUS(next, 200);
        QCOMPARE(next.object().keys(), login.object().keys());
        QCOMPARE(next.object().value(u"user"), login.object().value(u"user"));
        QCOMPARE(next.object().value(u"expires_in").toInt(), 900);
        const QString fresh = refreshOf(next);
        QVERIFY2(!fresh.isEmpty() && !seen.contains(fresh), qPrintable(describe(next)));
        QVERIFY(next.header("Set-Cookie").startsWith("nextup_refresh=" + fresh.toUtf8() + ';'));
        const QString access = next.object().value(u"access_token").toString();
        AUTH_EXPECT_STATUS(m_http->get(QStringLiteral("/api/auth/me"), access), 200);
        seen.append(fresh);
    }
    // The first one is spent.
    AUTH_EXPECT_ERROR(m_http->post(QStringLiteral("/api/auth/refresh"), refreshBody(seen.first())),
                      401, "refresh_reused");
    AUTH_EXPECT_ERROR(
        m_http->post(QStringLiteral("/api/auth/refresh"), refreshBody("no-such-token")), 401,
        "unauthorized");
    AUTH_EXPECT_ERROR(m_http->post(QStringLiteral("/api/auth/refresh")), 401, "unauthorized");
}

// A browser sends only the HttpOnly cookie, among its others.
void TestAuth::refreshByCookieOnly()
{
    const HttpReply login =
        loginReply(*m_http, QStringLiteral("operator2"), QStringLiteral("operator123"));
    AUTH_EXPECT_STATUS(login, 200);
    QString current = refreshOf(login);
    for (int i = 0; i < 2; ++i) {
        const QByteArray cookie = "theme=dark; nextup_refresh=" + current.toUtf8() + "; lang=en";
        const HttpReply next =
            m_http->request("POST", QStringLiteral("/api/auth/refresh"), {}, {{"Cookie", cookie}});
        AUTH_EXPECT_STATUS(next, 200);
        QCOMPARE(next.object().value(u"user").toObject().value(u"username").toString(),
                 QStringLiteral("operator2"));
        QVERIFY(refreshOf(next) != current);
        current = refreshOf(next);
    }
    AUTH_EXPECT_ERROR(m_http->request("POST", QStringLiteral("/api/auth/refresh"), {},
                                      {{"Cookie", "nextup_refresh_other=" + current.toUtf8()}}),
                      401, "unauthorized");
}

// A spent token presented again means a copy exists: the whole family ends, the newest included,
// while another session of the same user lives on.
void TestAuth::reusedRefreshRevokesFamily()
{
    const HttpReply login =
        loginReply(*m_http, QStringLiteral("operator1"), QStringLiteral("operator123"));
    const HttpReply other =
        loginReply(*m_http, QStringLiteral("operator1"), QStringLiteral("operator123"));
    AUTH_EXPECT_STATUS(login, 200);
    AUTH_EXPECT_STATUS(other, 200);
    const QString first = refreshOf(login);
    const HttpReply second = m_http->post(QStringLiteral("/api/auth/refresh"), refreshBody(first));
    AUTH_EXPECT_STATUS(second, 200);
    const HttpReply third =
        m_http->post(QStringLiteral("/api/auth/refresh"), refreshBody(refreshOf(second)));
    AUTH_EXPECT_STATUS(third, 200);

    AUTH_EXPECT_ERROR(m_http->post(QStringLiteral("/api/auth/refresh"), refreshBody(first)), 401,
                      "refresh_reused");
    // The newest of the family, never used, is revoked too.
    AUTH_EXPECT_ERROR(
        m_http->post(QStringLiteral("/api/auth/refresh"), refreshBody(refreshOf(third))), 401,
        "unauthorized");
    AUTH_EXPECT_STATUS(
        m_http->post(QStringLiteral("/api/auth/refresh"), refreshBody(refreshOf(other))), 200);
}

void TestAuth::logoutRevokesAndClearsCookie()
{
    const HttpReply login =
        loginReply(*m_http, QStringLiteral("kiosk"), QStringLiteral("kiosk123"));
    AUTH_EXPECT_STATUS(login, 200);
    const HttpReply rotated =
        m_http->post(QStringLiteral("/api/auth/refresh"), refreshBody(refreshOf(login)));
    AUTH_EXPECT_STATUS(rotated, 200);

    const HttpReply out =
        m_http->post(QStringLiteral("/api/auth/logout"), refreshBody(refreshOf(rotated)));
    AUTH_EXPECT_STATUS(out, 204);
    const QByteArray cleared = out.header("Set-Cookie");
    QVERIFY2(cleared.startsWith("nextup_refresh=;") && cleared.contains("Max-Age=0") &&
                 cleared.contains("Path=/api/auth"),
             cleared.constData());
    AUTH_EXPECT_ERROR(
        m_http->post(QStringLiteral("/api/auth/refresh"), refreshBody(refreshOf(rotated))), 401,
        "unauthorized");

    // Logout by the cookie alone.
    const HttpReply again =
        loginReply(*m_http, QStringLiteral("kiosk"), QStringLiteral("kiosk123"));
    AUTH_EXPECT_STATUS(again, 200);
    const QByteArray cookie = "nextup_refresh=" + refreshOf(again).toUtf8();
    AUTH_EXPECT_STATUS(
        m_http->request("POST", QStringLiteral("/api/auth/logout"), {}, {{"Cookie", cookie}}), 204);
    AUTH_EXPECT_ERROR(
        m_http->request("POST", QStringLiteral("/api/auth/refresh"), {}, {{"Cookie", cookie}}), 401,
        "unauthorized");
}

bool TestAuth::execSql(const QString &statement, const QVariantList &values, QVariant *firstValue)
{
    const QUrl url(m_services.postgresUrl(QStringLiteral("auth_main")));
    const QString name = QStringLiteral("tst_auth_sql");
    bool done = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(url.host());
        db.setPort(url.port());
        db.setUserName(url.userName());
        db.setDatabaseName(url.path().mid(1));
        if (!db.open()) {
            qWarning("cannot open %s: %s", qPrintable(url.toString()),
                     qPrintable(db.lastError().text()));
        } else {
            QSqlQuery query(db);
            query.prepare(statement);
            for (const QVariant &value : values)
                query.addBindValue(value);
            done = query.exec();
            if (done && query.isSelect()) {
                done = query.next();
                if (done && firstValue)
                    *firstValue = query.value(0);
            } else if (done) {
                done = query.numRowsAffected() > 0;
            }
            if (!done)
                qWarning("%s: %s", qPrintable(statement), qPrintable(query.lastError().text()));
        }
    }
    QSqlDatabase::removeDatabase(name);
    return done;
}

void TestAuth::deactivatedUserCannotRefresh()
{
    const QString password = QStringLiteral("leaving-soon-1");
    AUTH_EXPECT_STATUS(m_http->post(QStringLiteral("/api/auth/register"),
                                    {{QStringLiteral("username"), QStringLiteral("leaver")},
                                     {QStringLiteral("password"), password}}),
                       201);
    const HttpReply login = loginReply(*m_http, QStringLiteral("leaver"), password);
    AUTH_EXPECT_STATUS(login, 200);
    // Control: the session refreshes while the account is active.
    const HttpReply refreshed =
        m_http->post(QStringLiteral("/api/auth/refresh"), refreshBody(refreshOf(login)));
    AUTH_EXPECT_STATUS(refreshed, 200);

    QVERIFY(execSql(QStringLiteral("UPDATE users SET active = false WHERE username = ?"),
                    {QStringLiteral("leaver")}));
    AUTH_EXPECT_ERROR(
        m_http->post(QStringLiteral("/api/auth/refresh"), refreshBody(refreshOf(refreshed))), 401,
        "unauthorized");
    AUTH_EXPECT_ERROR(loginReply(*m_http, QStringLiteral("leaver"), password), 401,
                      "invalid_credentials");
}
