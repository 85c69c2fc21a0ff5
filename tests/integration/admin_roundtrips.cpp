// Create, read, partially update and deactivate or delete each entity, with its audit rows.

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include "admintest.h"

using namespace AdminTest;

void TestAdmin::branchRoundTrip()
{
    const qint64 mark = lastAuditId();
    const QJsonObject branch =
        created(QStringLiteral("/api/branches"),
                {{QStringLiteral("name"), QStringLiteral("North")},
                 {QStringLiteral("timezone"), QStringLiteral("Europe/Paris")}},
                QStringLiteral("branch"));
    const int id = branch.value(u"id").toInt();
    QVERIFY(id > otherBranch);
    QCOMPARE(branch.value(u"name").toString(), QStringLiteral("North"));
    QCOMPARE(branch.value(u"timezone").toString(), QStringLiteral("Europe/Paris"));

    HttpReply list = m_http->get(QStringLiteral("/api/branches"), m_admin);
    QCOMPARE(list.status, 200);
    QVERIFY(list.json.isArray());
    QVERIFY(list.array().contains(branch));
    HttpReply one = m_http->get(path("/api/branches/%1", id), m_admin);
    QVERIFY2(one.status == 200, qPrintable(describe(one)));
    QCOMPARE(one.object().value(u"branch").toObject(), branch);

    // A partial update keeps what it does not name.
    HttpReply updated =
        m_http->put(path("/api/branches/%1", id),
                    {{QStringLiteral("name"), QStringLiteral("North Side")}}, m_admin);
    QVERIFY2(updated.status == 200, qPrintable(describe(updated)));
    QJsonObject expected = branch;
    expected.insert(QStringLiteral("name"), QStringLiteral("North Side"));
    QCOMPARE(updated.object().value(u"branch").toObject(), expected);

    // Without a time zone a branch runs on UTC.
    const QJsonObject south =
        created(QStringLiteral("/api/branches"),
                {{QStringLiteral("name"), QStringLiteral("South")}}, QStringLiteral("branch"));
    QCOMPARE(south.value(u"timezone").toString(), QStringLiteral("UTC"));

    const HttpReply deleted = m_http->del(path("/api/branches/%1", id), m_admin);
    QVERIFY2(deleted.status == 200, qPrintable(describe(deleted)));
    QCOMPARE(deleted.object().value(u"branch").toObject(), expected);
    list = m_http->get(QStringLiteral("/api/branches"), m_admin);
    QVERIFY(!list.array().contains(expected));
    QCOMPARE(m_http->del(path("/api/branches/%1", id), m_admin).status, 404);
    QCOMPARE(m_http->get(path("/api/branches/%1", id), m_admin).status, 404);
    QCOMPARE(m_http->del(path("/api/branches/%1", south.value(u"id").toInt()), m_admin).status,
             200);

    const QString sid = QString::number(south.value(u"id").toInt());
    QCOMPARE(auditActionsSince(mark),
             (QStringList{QStringLiteral("branch.create:") + QString::number(id),
                          QStringLiteral("branch.update:") + QString::number(id),
                          QStringLiteral("branch.create:") + sid,
                          QStringLiteral("branch.delete:") + QString::number(id),
                          QStringLiteral("branch.delete:") + sid}));
    const QList<QJsonObject> rows = auditSince(mark);
    QCOMPARE(rows.at(1).value(u"details").toObject(),
             (QJsonObject{{QStringLiteral("name"), QStringLiteral("North Side")}}));
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
    QVERIFY(id > otherService);
    const QJsonObject expected{{QStringLiteral("id"), id},
                               {QStringLiteral("branch_id"), 1},
                               {QStringLiteral("code"), QStringLiteral("X")},
                               {QStringLiteral("name"), QStringLiteral("Exchange")},
                               {QStringLiteral("avg_service_seconds"), 300},
                               {QStringLiteral("target_wait_seconds"), 900},
                               {QStringLiteral("active"), true},
                               {QStringLiteral("names"), QJsonObject{}},
                               {QStringLiteral("description"), QString()},
                               {QStringLiteral("descriptions"), QJsonObject{}}};
    QCOMPARE(service, expected);
    HttpReply one = m_http->get(path("/api/services/%1", id), m_admin);
    QCOMPARE(one.status, 200);
    QCOMPARE(one.object().value(u"service").toObject(), expected);
    // An active service, like the public list, is anyone's to read.
    for (const QString &who : {QString(), m_customer, m_operator}) {
        const HttpReply read = m_http->get(path("/api/services/%1", id), who);
        QVERIFY2(read.status == 200, qPrintable(describe(read)));
        QCOMPARE(read.object().value(u"service").toObject(), expected);
    }
    QCOMPARE(serviceInList(id, false).value(u"code").toString(), QStringLiteral("X"));

    const HttpReply updated =
        m_http->put(path("/api/services/%1", id),
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
    QCOMPARE(m_http->get(path("/api/services/%1", id), m_admin).status, 200);
    QCOMPARE(m_http->get(path("/api/services/%1", id), m_operator).errorCode(),
             QStringLiteral("not_found"));
    QCOMPARE(m_http->get(path("/api/services/%1", id)).status, 404);
    const HttpReply token =
        m_http->post(QStringLiteral("/api/tokens"), {{QStringLiteral("service_id"), id}});
    QVERIFY2(token.status >= 400, qPrintable(describe(token)));
    // Deleting again changes nothing and records nothing.
    QCOMPARE(m_http->del(path("/api/services/%1", id), m_admin).status, 200);

    const HttpReply reactivated =
        m_http->put(path("/api/services/%1", id), {{QStringLiteral("active"), true}}, m_admin);
    QCOMPARE(reactivated.status, 200);
    QCOMPARE(serviceInList(id, false).value(u"active").toBool(), true);

    const QString sid = QString::number(id);
    QCOMPARE(auditActionsSince(mark), (QStringList{QStringLiteral("service.create:") + sid,
                                                   QStringLiteral("service.update:") + sid,
                                                   QStringLiteral("service.deactivate:") + sid,
                                                   QStringLiteral("service.update:") + sid}));
    const QList<QJsonObject> rows = auditSince(mark);
    QCOMPARE(rows.at(0).value(u"details").toObject().value(u"code").toString(),
             QStringLiteral("X"));
    QCOMPARE(rows.at(1).value(u"details").toObject(),
             (QJsonObject{{QStringLiteral("avg_service_seconds"), 120},
                          {QStringLiteral("name"), QStringLiteral("Currency exchange")}}));
    QCOMPARE(rows.at(2).value(u"details").toObject(),
             (QJsonObject{{QStringLiteral("active"), false}}));
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
    one = m_http->get(path("/api/counters/%1", id));
    QVERIFY2(one.status == 200, qPrintable(describe(one)));
    QCOMPARE(one.object().value(u"counter").toObject(), counter);

    auto publicCounter = [&](const QString &query = {}, const QString &bearer = {}) {
        for (const QJsonValue &c :
             m_http->get(QStringLiteral("/api/counters") + query, bearer).array()) {
            if (c.toObject().value(u"id").toInt() == id)
                return c.toObject();
        }
        return QJsonObject();
    };
    QCOMPARE(publicCounter().value(u"service_ids").toArray(), (QJsonArray{1, 3}));

    HttpReply updated =
        m_http->put(path("/api/counters/%1", id),
                    {{QStringLiteral("name"), QStringLiteral("Counter Y")}}, m_admin);
    QVERIFY2(updated.status == 200, qPrintable(describe(updated)));
    QCOMPARE(updated.object().value(u"counter").toObject().value(u"service_ids").toArray(),
             (QJsonArray{1, 3}));
    QCOMPARE(updated.object().value(u"counter").toObject().value(u"name").toString(),
             QStringLiteral("Counter Y"));
    updated = m_http->put(path("/api/counters/%1", id),
                          {{QStringLiteral("service_ids"), QJsonArray{2}}}, m_admin);
    QCOMPARE(updated.status, 200);
    QCOMPARE(updated.object().value(u"counter").toObject().value(u"service_ids").toArray(),
             QJsonArray{2});
    QCOMPARE(publicCounter().value(u"service_ids").toArray(), QJsonArray{2});

    const HttpReply deleted = m_http->del(path("/api/counters/%1", id), m_admin);
    QVERIFY2(deleted.status == 200, qPrintable(describe(deleted)));
    QCOMPARE(deleted.object().value(u"counter").toObject().value(u"active").toBool(true), false);
    QVERIFY(publicCounter().isEmpty());
    QCOMPARE(m_http->get(path("/api/counters/%1", id), m_admin).status, 200);
    QCOMPARE(m_http->get(path("/api/counters/%1", id), m_kiosk).status, 404);
    // Only an admin's ?all=true lists it still, so that it can be switched back on.
    QCOMPARE(publicCounter(QStringLiteral("?all=true"), m_admin).value(u"active").toBool(true),
             false);
    QVERIFY(publicCounter(QStringLiteral("?all=true"), m_operator).isEmpty());
    // An inactive counter cannot be opened.
    QCOMPARE(m_http->post(path("/api/counters/%1/open", id), {}, m_operator).status, 404);

    const QString cid = QString::number(id);
    QCOMPARE(auditActionsSince(mark), (QStringList{QStringLiteral("counter.create:") + cid,
                                                   QStringLiteral("counter.update:") + cid,
                                                   QStringLiteral("counter.update:") + cid,
                                                   QStringLiteral("counter.deactivate:") + cid}));
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
                               {QStringLiteral("active"), true},
                               {QStringLiteral("branch_id"), QJsonValue::Null}};
    QCOMPARE(user, expected);

    const HttpReply list = m_http->get(QStringLiteral("/api/users"), m_admin);
    QCOMPARE(list.status, 200);
    QVERIFY(list.array().contains(expected));
    QVERIFY(!list.body.contains("password") && !list.body.contains("argon2"));
    const QStringList keys{"active", "branch_id", "full_name", "id", "role", "username"};
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
    const HttpReply login =
        m_http->post(QStringLiteral("/api/auth/login"),
                     {{QStringLiteral("username"), QStringLiteral("clerk1")},
                      {QStringLiteral("password"), QStringLiteral("clerkpass1")}});
    QCOMPARE(login.object().value(u"user").toObject().value(u"role").toString(),
             QStringLiteral("kiosk"));

    const HttpReply deleted = m_http->del(path("/api/users/%1", id), m_admin);
    QVERIFY2(deleted.status == 200, qPrintable(describe(deleted)));
    after.insert(QStringLiteral("active"), false);
    QCOMPARE(deleted.object().value(u"user").toObject(), after);

    const QString uid = QString::number(id);
    QCOMPARE(auditActionsSince(mark), (QStringList{QStringLiteral("user.create:") + uid,
                                                   QStringLiteral("user.update:") + uid,
                                                   QStringLiteral("user.deactivate:") + uid}));
    for (const QJsonObject &row : auditSince(mark))
        QVERIFY(!QJsonDocument(row).toJson().contains("clerkpass1"));
}
