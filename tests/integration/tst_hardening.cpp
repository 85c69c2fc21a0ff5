// A NUL in any string the API documents is refused with 400 validation_failed naming the field,
// and changes nothing: Qt's Postgres driver writes parameters into the statement text, which ends
// at a NUL (a 500 "unterminated quoted string" before). The rows come from the server's route
// table (each controller's routes(), as tst_routetable reads it) and the OpenAPI document's body
// schemas and query parameters, so a new route or field is covered without a new row.
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QUrlQuery>

#include "api/appointmentscontroller.h"
#include "api/authcontroller.h"
#include "api/branchescontroller.h"
#include "api/counterscontroller.h"
#include "api/queuescontroller.h"
#include "api/routetable.h"
#include "api/servicescontroller.h"
#include "api/statscontroller.h"
#include "api/systemcontroller.h"
#include "api/tokenscontroller.h"
#include "api/userscontroller.h"
#include "hardeningtest.h"
#include "processhelpers.h"
#include "web/webcontroller.h"

using namespace Nextup;

namespace {

struct RouteEntry
{
    QByteArray method;
    QString path;
    Ids ids;
};

template <typename Controller> void collect(QList<RouteEntry> &table)
{
    for (const Route<Controller> &route : Controller::routes())
        table.append({route.method, QString::fromLatin1(route.path), route.ids});
}

// Every controller that Application installs.
QList<RouteEntry> routeTable()
{
    QList<RouteEntry> table;
    collect<AuthController>(table);
    collect<TokensController>(table);
    collect<CountersController>(table);
    collect<ServicesController>(table);
    collect<QueuesController>(table);
    collect<StatsController>(table);
    collect<SystemController>(table);
    collect<BranchesController>(table);
    collect<UsersController>(table);
    collect<AppointmentsController>(table);
    collect<WebController>(table);
    return table;
}

class OpenApi
{
public:
    OpenApi()
    {
        QFile file(QStringLiteral(NEXTUP_OPENAPI_JSON));
        if (file.open(QIODevice::ReadOnly))
            m_document = QJsonDocument::fromJson(file.readAll()).object();
    }
    bool isEmpty() const { return m_document.isEmpty(); }

    // The operation of "POST /api/tokens/:id/cancel"; {} when undocumented.
    QJsonObject operation(const RouteEntry &route) const
    {
        QString path = route.path;
        static const QRegularExpression param(QStringLiteral(":([A-Za-z_]+)"));
        path.replace(param, QStringLiteral("{\\1}"));
        return m_document.value(u"paths")
            .toObject()
            .value(path)
            .toObject()
            .value(QString::fromLatin1(route.method.toLower()))
            .toObject();
    }
    QJsonObject resolve(const QJsonObject &schema) const
    {
        const QString ref = schema.value(u"$ref").toString();
        if (ref.isEmpty())
            return schema;
        QJsonValue node = m_document;
        for (const QString &part : ref.mid(2).split(u'/'))
            node = node.toObject().value(part);
        return resolve(node.toObject());
    }
    QJsonObject bodySchema(const QJsonObject &operation) const
    {
        return resolve(operation.value(u"requestBody")
                           .toObject()
                           .value(u"content")
                           .toObject()
                           .value(u"application/json")
                           .toObject()
                           .value(u"schema")
                           .toObject());
    }
    // Query parameters of type string, and the query forms of the security schemes it accepts.
    QStringList stringQueryParameters(const QJsonObject &operation) const
    {
        QStringList names;
        for (const QJsonValue &value : operation.value(u"parameters").toArray()) {
            const QJsonObject parameter = value.toObject();
            if (parameter.value(u"in").toString() == u"query" &&
                isString(resolve(parameter.value(u"schema").toObject())))
                names.append(parameter.value(u"name").toString());
        }
        const QJsonObject schemes =
            m_document.value(u"components").toObject().value(u"securitySchemes").toObject();
        for (const QJsonValue &requirement : operation.value(u"security").toArray()) {
            for (const QString &scheme : requirement.toObject().keys()) {
                const QJsonObject definition = schemes.value(scheme).toObject();
                if (definition.value(u"in").toString() == u"query")
                    names.append(definition.value(u"name").toString());
            }
        }
        return names;
    }

    // One value per string the schema can hold (nested in objects and arrays too), each with a
    // NUL in the middle of the documented example: whatever else is checked, the NUL is the only
    // thing wrong with it where the example was valid.
    QJsonArray nulSamples(const QJsonObject &unresolved) const
    {
        const QJsonObject schema = resolve(unresolved);
        QJsonArray samples;
        for (const char *combinator : {"oneOf", "anyOf"}) {
            for (const QJsonValue &alternative : schema.value(QLatin1String(combinator)).toArray())
                for (const QJsonValue &sample : nulSamples(alternative.toObject()))
                    samples.append(sample);
        }
        if (isString(schema)) {
            QString text = schema.value(u"example").toString(QStringLiteral("text"));
            if (schema.contains(u"enum"))
                text = schema.value(u"enum").toArray().first().toString();
            text.insert(text.size() / 2, QChar(u'\0'));
            samples.append(text);
        }
        for (const QString &name : schema.value(u"properties").toObject().keys()) {
            const QJsonObject property =
                schema.value(u"properties").toObject().value(name).toObject();
            for (const QJsonValue &sample : nulSamples(property))
                samples.append(QJsonObject{{name, sample}});
        }
        const QJsonValue additional = schema.value(u"additionalProperties");
        if (additional.isObject()) {
            for (const QJsonValue &sample : nulSamples(additional.toObject()))
                samples.append(QJsonObject{{QStringLiteral("mon"), sample}});
        } else if (additional.toBool()) {
            samples.append(QJsonObject{{QStringLiteral("note"), QStringLiteral("a\u0000b")}});
        }
        if (schema.contains(u"items")) {
            for (const QJsonValue &sample : nulSamples(schema.value(u"items").toObject()))
                samples.append(QJsonArray{sample});
        }
        return samples;
    }

private:
    static bool isString(const QJsonObject &schema)
    {
        const QJsonValue type = schema.value(u"type");
        return type.toString() == u"string" ||
               type.toArray().contains(QJsonValue(QStringLiteral("string")));
    }

    QJsonObject m_document;
};

QString concretePath(const RouteEntry &route, qint64 tokenId)
{
    QString path = route.path;
    const QString id = QString::number(route.ids == Ids::Token ? tokenId : 1);
    return path.replace(QStringLiteral(":id"), id).replace(QStringLiteral(":file"), "app.js");
}

QString describeRefusal(const HttpReply &reply, const QString &field)
{
    const QJsonObject details =
        reply.object().value(u"error").toObject().value(u"details").toObject();
    if (reply.status == 400 && reply.errorCode() == u"validation_failed" && details.contains(field))
        return {};
    return QStringLiteral("expected 400 validation_failed naming %1, got %2")
        .arg(field, Flow::describe(reply));
}

} // namespace

void TestHardening::initTestCase()
{
    QVERIFY(m_cluster.start({{QStringLiteral("AUTH_RATE_PER_MINUTE"), QStringLiteral("100000")},
                             {QStringLiteral("IDLE_TIMEOUT_MS"), QStringLiteral("3000")},
                             {QStringLiteral("HEADER_TIMEOUT_MS"), QStringLiteral("2000")}}));
    const HttpReply token = Flow::issue(http(), 1);
    FLOW_EXPECT(token, 201);
    m_tokenId = token.object().value(u"token_id").toInteger();
    m_tokenSecret = token.object().value(u"secret").toString();
    QVERIFY(m_tokenId > 0);
    // The issue's after-effects land in the background: its event, and queue_update events
    // coalesced over the next few 300 ms flushes. Settled = unchanged for a whole second.
    bool settled = false;
    for (int attempt = 0; attempt < 10 && !settled; ++attempt) {
        const auto before = stateFingerprint();
        QTest::qWait(1000);
        settled = stateChanges(before, stateFingerprint()).isEmpty();
    }
    QVERIFY2(settled, "Postgres and Redis never settle");
}

void TestHardening::cleanup()
{
    QVERIFY2(m_cluster.hasServer(), "no server");
    m_cluster.server().dumpIfFailed();
    QVERIFY2(m_cluster.server().isRunning(), "the server died during the test");
}

QMap<QString, QByteArray> TestHardening::stateFingerprint()
{
    QMap<QString, QByteArray> state;
    Flow::Sql sql(m_cluster.postgresUrl());
    const auto tables = sql.rows(QStringLiteral(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' "
        "AND table_type = 'BASE TABLE' ORDER BY table_name"));
    for (const QVariantList &table : tables.value_or(QList<QVariantList>())) {
        const QString name = table.at(0).toString();
        state.insert(QStringLiteral("table ") + name,
                     sql.scalar(QStringLiteral("SELECT md5(coalesce(string_agg(t::text, '|' "
                                               "ORDER BY t::text), '')) FROM %1 t")
                                    .arg(name))
                         .toByteArray());
    }
    const int redis = m_cluster.services().redisPort();
    const QByteArrayList lines =
        TestSupport::redisCommand(redis, {"KEYS", "*"}).value_or(QByteArray()).split('\n');
    for (const QByteArray &line : lines) {
        const QByteArray key = line.trimmed();
        if (key.isEmpty() || key.startsWith('*') || key.startsWith('$'))
            continue;
        // Rate-limit windows expire by themselves within a minute: not state, and one expiring
        // between the two fingerprints must not look like a change.
        const int ttl = TestSupport::redisCommand(redis, {"TTL", key}).value_or("-1").toInt();
        if (ttl >= 0 && ttl <= 60)
            continue;
        state.insert(QStringLiteral("redis ") + QString::fromUtf8(key),
                     TestSupport::redisCommand(redis, {"DUMP", key}).value_or("?").toHex());
    }
    return state;
}

QString stateChanges(const QMap<QString, QByteArray> &before,
                     const QMap<QString, QByteArray> &after)
{
    QStringList changed;
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        if (after.value(it.key()) != it.value())
            changed.append(it.key());
    }
    for (auto it = after.cbegin(); it != after.cend(); ++it) {
        if (!before.contains(it.key()))
            changed.append(it.key());
    }
    return changed.join(QStringLiteral(", "));
}

void TestHardening::nulInDocumentedBodyString_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("field");

    const OpenApi api;
    QVERIFY(!api.isEmpty());
    int rows = 0;
    for (const RouteEntry &route : routeTable()) {
        const QJsonObject schema = api.bodySchema(api.operation(route));
        const QJsonObject example = schema.value(u"example").toObject();
        const QJsonObject properties = schema.value(u"properties").toObject();
        for (const QString &field : properties.keys()) {
            const QJsonArray samples = api.nulSamples(properties.value(field).toObject());
            for (qsizetype i = 0; i < samples.size(); ++i) {
                QJsonObject body = example;
                body.insert(field, samples.at(i));
                const QString name = QStringLiteral("%1 %2 %3%4")
                                         .arg(QLatin1String(route.method), route.path, field,
                                              i ? QStringLiteral(" #%1").arg(i + 1) : QString());
                QTest::newRow(qPrintable(name))
                    << route.method << concretePath(route, m_tokenId)
                    << QJsonDocument(body).toJson(QJsonDocument::Compact) << field;
                ++rows;
            }
        }
    }
    // Login, registration, users, services, counters, branches, tokens, appointments at least.
    QVERIFY2(rows >= 30, qPrintable(QString::number(rows)));
}

void TestHardening::nulInDocumentedBodyString()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(QString, field);
    QVERIFY(body.contains("\\u0000"));

    const auto before = stateFingerprint();
    const HttpReply reply =
        http().request(method, path, body,
                       {{"Content-Type", "application/json"},
                        {"Authorization", "Bearer " + m_cluster.staff().admin.toUtf8()}});
    const QString problem = describeRefusal(reply, field);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    const QString changed = stateChanges(before, stateFingerprint());
    QVERIFY2(changed.isEmpty(), qPrintable(QStringLiteral("changed: ") + changed));
}

void TestHardening::nulInDocumentedQueryParameter_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("parameter");

    const OpenApi api;
    int rows = 0;
    for (const RouteEntry &route : routeTable()) {
        const QJsonObject operation = api.operation(route);
        for (const QString &parameter : api.stringQueryParameters(operation)) {
            QUrlQuery query;
            query.addQueryItem(parameter, QStringLiteral("2026%00-01"));
            const QString path =
                concretePath(route, m_tokenId) + u'?' + query.toString(QUrl::FullyEncoded);
            QTest::newRow(qPrintable(QStringLiteral("%1 %2 ?%3")
                                         .arg(QLatin1String(route.method), route.path, parameter)))
                << route.method << path << parameter;
            ++rows;
        }
    }
    QVERIFY2(rows >= 10, qPrintable(QString::number(rows)));
}

void TestHardening::nulInDocumentedQueryParameter()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QString, parameter);

    const auto before = stateFingerprint();
    const HttpReply reply =
        http().request(method, path, method == "GET" ? QByteArray() : QByteArray("{}"),
                       {{"Content-Type", "application/json"},
                        {"Authorization", "Bearer " + m_cluster.staff().admin.toUtf8()}});
    const QString problem = describeRefusal(reply, parameter);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    const QString changed = stateChanges(before, stateFingerprint());
    QVERIFY2(changed.isEmpty(), qPrintable(QStringLiteral("changed: ") + changed));
}

// JSON (RFC 8259 §7) allows no raw control character inside a string: Qt's reader takes them, so
// a raw 0x00 went on to Postgres like an escaped one.
void TestHardening::rawControlCharacterInString_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");

    const auto login = [](const QByteArray &username) {
        return R"({"username":")" + username + R"(","password":"correct-horse-42"})";
    };
    QTest::newRow("raw NUL") << login(QByteArray("ab\0cd", 5)) << 400;
    QTest::newRow("raw 0x01") << login("ab\x01"
                                       "cd")
                              << 400;
    QTest::newRow("raw tab") << login("ab\tcd") << 400;
    QTest::newRow("raw line feed") << login("ab\ncd") << 400;
    QTest::newRow("raw 0x1f") << login("ab\x1f"
                                       "cd")
                              << 400;
    // Found by the fuzzer (tests/fuzz/regressions/requestbody): Qt's reader takes an unknown
    // escape as the character itself, so a backslash before a raw NUL made a NUL.
    QTest::newRow("backslash, raw NUL") << login(QByteArray("ab\\\0cd", 6)) << 400;
    QTest::newRow("backslash, raw tab") << login("ab\\\tcd") << 400;
    // Whitespace between tokens is JSON's own, and an escaped tab is a tab: neither is refused
    // (a wrong password is 401).
    QTest::newRow("whitespace between tokens")
        << QByteArray("{\r\n\t\"username\" :\t\"nobody\",\n\"password\":\"correct-horse-42\"\n}")
        << 401;
    QTest::newRow("escaped tab") << login("ab\\tcd") << 401;
}

void TestHardening::rawControlCharacterInString()
{
    QFETCH(QByteArray, body);
    QFETCH(int, status);

    const auto before = stateFingerprint();
    const HttpReply reply =
        http().postRaw(QStringLiteral("/api/auth/login"), body, "application/json");
    FLOW_EXPECT(reply, status);
    if (status == 400) {
        QCOMPARE(reply.errorCode(), QStringLiteral("bad_request"));
        const QString changed = stateChanges(before, stateFingerprint());
        QVERIFY2(changed.isEmpty(), qPrintable(QStringLiteral("changed: ") + changed));
    }
}

QTEST_GUILESS_MAIN(TestHardening)
