#pragma once

#include <array>
#include <memory>

#include <QByteArray>
#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QVariant>

#include "httpclient.h"
#include "serverprocess.h"
#include "testservices.h"

// Authentication and authorisation against the real nextup-server, Postgres and Redis. One
// executable, split by theme: tst_auth.cpp (login, register, me), auth_tokens.cpp (access tokens
// the server must refuse, refresh rotation, reuse, logout, deactivated users), auth_limits.cpp
// (rate limits, operator scope), auth_matrix.cpp (every documented route x every role).
class TestAuth : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();

    // tst_auth.cpp
    void loginAnswersSession();
    void loginRefused_data();
    void loginRefused();
    void unknownUserIsNotFaster();
    void registerRefused_data();
    void registerRefused();
    void registerThenLogin();
    void oldHashUpgradedOnLogin();

    // auth_tokens.cpp
    void badAccessToken_data();
    void badAccessToken();
    void selfSignedTokenAccepted();
    void refreshRotates();
    void refreshByCookieOnly();
    void reusedRefreshRevokesFamily();
    void logoutRevokesAndClearsCookie();
    void deactivatedUserCannotRefresh();

    // auth_limits.cpp
    void otherOperatorRefused_data();
    void otherOperatorRefused();
    void adminActsOnAnyCounter();
    void loginRateLimit();
    void tokenRateLimit();

    // auth_matrix.cpp
    void roleMatrix_data();
    void roleMatrix();

public:
    // Shared by the files above.
    static QString describe(const HttpReply &reply);
    // Checks status, code and the one error shape {"error": {code, message, details?}}.
    static void checkError(const HttpReply &reply, int status, const QString &code,
                           const QString &context = {});
    static void checkError(const HttpReply &reply, int status, const char *code,
                           const QString &context = {})
    {
        checkError(reply, status, QString::fromLatin1(code), context);
    }
    // HS256 with the test servers' secret.
    static QByteArray signAccess(const QJsonObject &payload);
    // The claims the server itself puts in an access token, valid for ten minutes.
    static QJsonObject claims(int userId, const QString &role, const QString &name);

private:
    // A seeded database of its own and a server on it; `environment` adds to the test defaults.
    std::unique_ptr<ServerProcess> startServer(const QString &database,
                                               const QList<QPair<QString, QString>> &environment);
    bool startMatrixServer();
    // Runs one statement on the main server's database; the first column of its first row, if
    // any, goes to `firstValue`. False (and a warning) when it fails or changes no row.
    bool execSql(const QString &statement, const QVariantList &values,
                 QVariant *firstValue = nullptr);
    static HttpReply loginReply(HttpClient &http, const QString &username, const QString &password);

    TestServices m_services;
    std::unique_ptr<ServerProcess> m_server; // sections 1-3 and 6
    std::unique_ptr<HttpClient> m_http;
    QString m_admin;
    QString m_operator1;
    QString m_operator2;
    QString m_kiosk;

    std::unique_ptr<ServerProcess> m_matrixServer; // the role matrix, on its own seeded database
    std::unique_ptr<HttpClient> m_matrixHttp;
    std::array<QString, 6> m_matrixTokens; // anonymous (empty), user, kiosk, operator1, admin,
                                           // branch admin of branch 1
};

// Fails the calling test function (and returns from it) unless `reply` is that error.
#define AUTH_EXPECT_ERROR(reply, status, code)                                                     \
    do {                                                                                           \
        TestAuth::checkError((reply), (status), (code));                                           \
        if (QTest::currentTestFailed())                                                            \
            return;                                                                                \
    } while (false)

#define AUTH_EXPECT_STATUS(reply, expected)                                                        \
    do {                                                                                           \
        const HttpReply &authReply_ = (reply);                                                     \
        QVERIFY2(authReply_.status == (expected),                                                  \
                 qPrintable(QStringLiteral("expected %1, got %2")                                  \
                                .arg(expected)                                                     \
                                .arg(TestAuth::describe(authReply_))));                            \
    } while (false)
