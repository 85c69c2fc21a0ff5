// What the admin API refuses (409s) and how its changes reach the floor: a new service is issued
// and called at once, a password reset or a deactivation ends the old logins, the audit log pages.

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include "admintest.h"

using namespace AdminTest;

void TestAdmin::duplicatesConflict()
{
    const QByteArray before = adminState();
    HttpReply reply = m_http->post(QStringLiteral("/api/services"),
                                   {{QStringLiteral("branch_id"), 1},
                                    {QStringLiteral("code"), QStringLiteral("D")},
                                    {QStringLiteral("name"), QStringLiteral("Deposit again")}},
                                   m_admin);
    QVERIFY2(reply.status == 409, qPrintable(describe(reply)));
    QCOMPARE(reply.errorCode(), QStringLiteral("already_exists"));
    QVERIFY(errorDetails(reply).contains(u"code"));
    reply = m_http->put(QStringLiteral("/api/services/2"),
                        {{QStringLiteral("code"), QStringLiteral("D")}}, m_admin);
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
    reply = m_http->put(QStringLiteral("/api/users/3"),
                        {{QStringLiteral("username"), QStringLiteral("operator1")}}, m_admin);
    QCOMPARE(reply.status, 409);

    reply = m_http->post(QStringLiteral("/api/counters"),
                         {{QStringLiteral("branch_id"), 1},
                          {QStringLiteral("name"), QStringLiteral("Counter A")},
                          {QStringLiteral("service_ids"), QJsonArray{1}}},
                         m_admin);
    QCOMPARE(reply.status, 409);
    QCOMPARE(reply.errorCode(), QStringLiteral("already_exists"));
    reply = m_http->post(QStringLiteral("/api/branches"),
                         {{QStringLiteral("name"), QStringLiteral("Main Branch")}}, m_admin);
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
    const HttpReply token =
        m_http->post(QStringLiteral("/api/tokens"), {{QStringLiteral("service_id"), 3}});
    QCOMPARE(token.status, 201);
    reply = m_http->post(path("/api/counters/%1/call", id), {}, m_operator);
    QVERIFY2(reply.status == 200, qPrintable(describe(reply)));
    before = adminState();
    QCOMPARE(m_http->del(path("/api/counters/%1", id), m_admin).errorCode(),
             QStringLiteral("invalid_state"));
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
    const HttpReply token =
        m_http->post(QStringLiteral("/api/tokens"), {{QStringLiteral("service_id"), id}});
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
    for (int branch : {1, otherBranch}) {
        const HttpReply reply = m_http->del(path("/api/branches/%1", branch), m_admin);
        QVERIFY2(reply.status == 409, qPrintable(describe(reply)));
        QCOMPARE(reply.errorCode(), QStringLiteral("invalid_state"));
    }
    QCOMPARE(adminState(), before);

    // A new branch is in use from its first service on.
    const QJsonObject branch =
        created(QStringLiteral("/api/branches"),
                {{QStringLiteral("name"), QStringLiteral("Annex")}}, QStringLiteral("branch"));
    const int branchId = branch.value(u"id").toInt();
    const QJsonObject service = created(QStringLiteral("/api/services"),
                                        {{QStringLiteral("branch_id"), branchId},
                                         {QStringLiteral("code"), QStringLiteral("A")},
                                         {QStringLiteral("name"), QStringLiteral("Annex desk")}},
                                        QStringLiteral("service"));
    QVERIFY(service.value(u"id").toInt() > 0);
    QCOMPARE(m_http->del(path("/api/branches/%1", branchId), m_admin).errorCode(),
             QStringLiteral("invalid_state"));
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
    const HttpReply demoted =
        m_http->put(path("/api/users/%1", other.value(u"id").toInt()),
                    {{QStringLiteral("role"), QStringLiteral("operator")}}, m_admin);
    QCOMPARE(demoted.status, 200);
    const HttpReply renamed =
        m_http->put(QStringLiteral("/api/users/1"),
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
    HttpReply reply = m_http->put(QStringLiteral("/api/counters/2"),
                                  {{QStringLiteral("service_ids"), QJsonArray{id}}}, m_admin);
    QVERIFY2(reply.status == 200, qPrintable(describe(reply)));
    QCOMPARE(m_http->post(QStringLiteral("/api/counters/2/open"), {}, m_operator2).status, 200);

    const HttpReply first =
        m_http->post(QStringLiteral("/api/tokens"), {{QStringLiteral("service_id"), id}});
    QVERIFY2(first.status == 201, qPrintable(describe(first)));
    QCOMPARE(first.object().value(u"token_number").toString(), QStringLiteral("N001"));
    const HttpReply second =
        m_http->post(QStringLiteral("/api/tokens"), {{QStringLiteral("service_id"), id}});
    QCOMPARE(second.status, 201);

    // The ETA of a customer joining now: 2 ahead × 200 s ÷ 1 open counter. An admin change of
    // the average or of the counters serving it shows at once (the estimator's cache is dropped).
    QCOMPARE(serviceInList(id, false).value(u"waiting").toInt(), 2);
    QCOMPARE(serviceInList(id, false).value(u"eta").toInt(), 400);
    QCOMPARE(m_http
                 ->put(path("/api/services/%1", id), {{QStringLiteral("avg_service_seconds"), 600}},
                       m_admin)
                 .status,
             200);
    QCOMPARE(serviceInList(id, false).value(u"eta").toInt(), 1200);
    QCOMPARE(m_http->post(QStringLiteral("/api/counters/1/open"), {}, m_operator).status, 200);
    QCOMPARE(m_http
                 ->put(QStringLiteral("/api/counters/1"),
                       {{QStringLiteral("service_ids"), QJsonArray{1, 2, id}}}, m_admin)
                 .status,
             200);
    QCOMPARE(serviceInList(id, false).value(u"eta").toInt(), 600);
    QCOMPARE(m_http
                 ->put(QStringLiteral("/api/counters/1"),
                       {{QStringLiteral("service_ids"), QJsonArray{1, 2}}}, m_admin)
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
        QCOMPARE(m_http
                     ->post(QStringLiteral("/api/counters/2/%1").arg(QLatin1String(step)), {},
                            m_operator2)
                     .status,
                 200);
    reply = m_http->post(QStringLiteral("/api/counters/2/call"), {}, m_operator2);
    QCOMPARE(reply.object().value(u"token").toObject().value(u"token_number").toString(),
             QStringLiteral("N002"));
    QCOMPARE(m_http->post(QStringLiteral("/api/counters/2/skip"), {}, m_operator2).status, 200);
    QCOMPARE(m_http->post(QStringLiteral("/api/counters/2/close"), {}, m_operator2).status, 200);
    QCOMPARE(m_http
                 ->put(QStringLiteral("/api/counters/2"),
                       {{QStringLiteral("service_ids"), QJsonArray{3}}}, m_admin)
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
    const HttpReply session =
        m_http->post(QStringLiteral("/api/auth/login"),
                     {{QStringLiteral("username"), QStringLiteral("resetme")},
                      {QStringLiteral("password"), QStringLiteral("firstpass1")}});
    QCOMPARE(session.status, 200);
    const QString refresh = session.object().value(u"refresh_token").toString();

    const qint64 mark = lastAuditId();
    const HttpReply reply =
        m_http->put(path("/api/users/%1", id),
                    {{QStringLiteral("password"), QStringLiteral("secondpass2")}}, m_admin);
    QVERIFY2(reply.status == 200, qPrintable(describe(reply)));
    QCOMPARE(reply.object().value(u"user").toObject(), user);

    const auto login = [&](const char *password) {
        return m_http
            ->post(QStringLiteral("/api/auth/login"),
                   {{QStringLiteral("username"), QStringLiteral("resetme")},
                    {QStringLiteral("password"), QLatin1String(password)}})
            .status;
    };
    QCOMPARE(login("firstpass1"), 401);
    QCOMPARE(login("secondpass2"), 200);
    // The sessions opened with the old password are over.
    QCOMPARE(m_http
                 ->post(QStringLiteral("/api/auth/refresh"),
                        {{QStringLiteral("refresh_token"), refresh}})
                 .status,
             401);

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
    const HttpReply session =
        m_http->post(QStringLiteral("/api/auth/login"),
                     {{QStringLiteral("username"), QStringLiteral("leaver")},
                      {QStringLiteral("password"), QStringLiteral("leaverpass")}});
    QCOMPARE(session.status, 200);

    QCOMPARE(m_http->del(path("/api/users/%1", id), m_admin).status, 200);
    const HttpReply refused =
        m_http->post(QStringLiteral("/api/auth/login"),
                     {{QStringLiteral("username"), QStringLiteral("leaver")},
                      {QStringLiteral("password"), QStringLiteral("leaverpass")}});
    QCOMPARE(refused.status, 401);
    QCOMPARE(m_http
                 ->post(QStringLiteral("/api/auth/refresh"),
                        {{QStringLiteral("refresh_token"),
                          session.object().value(u"refresh_token").toString()}})
                 .status,
             401);

    QCOMPARE(
        m_http->put(path("/api/users/%1", id), {{QStringLiteral("active"), true}}, m_admin).status,
        200);
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
    const QStringList keys{"action",  "actor",  "actor_id",  "at",
                           "details", "entity", "entity_id", "id"};
    QCOMPARE(items.first().toObject().keys(), keys);
    QVERIFY(
        QDateTime::fromString(items.first().toObject().value(u"at").toString(), Qt::ISODateWithMs)
            .isValid());

    for (const char *query : {"page=0", "page=abc", "page_size=0", "page_size=201"}) {
        const HttpReply bad =
            m_http->get(QStringLiteral("/api/audit?") + QLatin1String(query), m_admin);
        QVERIFY2(bad.status == 400, query);
        QCOMPARE(bad.errorCode(), QStringLiteral("validation_failed"));
    }
}
