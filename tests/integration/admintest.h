#pragma once

#include <memory>

#include <QJsonObject>
#include <QObject>
#include <QString>

#include "httpclient.h"
#include "serverprocess.h"
#include "testservices.h"

// The administration API against a real server, Postgres and Redis. One executable, split by
// theme: tst_admin.cpp (set-up, helpers, the admin-only guard on every route),
// admin_validation.cpp (bad fields and unknown ids change nothing), admin_roundtrips.cpp (CRUD
// of each entity with its audit rows), admin_rules.cpp (409s, and admin changes reaching the
// floor: a new service issued and called, password reset, deactivated users).

namespace AdminTest {
// Made by initTestCase on top of the seed (branch 1, services 1-3, counters 1-3, users 1-4), so
// the data functions can name them.
constexpr int otherBranch = 2;
constexpr int otherService = 4; // code "S", in otherBranch

QString path(const char *pattern, qint64 id);
QJsonObject errorDetails(const HttpReply &reply);
QString describe(const HttpReply &reply);
} // namespace AdminTest

class TestAdmin : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();

    // tst_admin.cpp
    void nonAdminsAreRefused_data();
    void nonAdminsAreRefused();

    // admin_validation.cpp
    void invalidFieldsChangeNothing_data();
    void invalidFieldsChangeNothing();
    void malformedBodyIsBadRequest();
    void unknownIdsAreNotFound_data();
    void unknownIdsAreNotFound();

    // admin_roundtrips.cpp
    void branchRoundTrip();
    void serviceRoundTrip();
    void counterRoundTrip();
    void userRoundTrip();

    // admin_rules.cpp
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
