// The wire protocol of common/nextup/wire: every vocabulary value survives toString() and
// fromString() and nothing else is accepted; every record survives toJson() and fromJson(); and
// JSON written as docs/api.md documents it reads into the expected records, so a renamed key
// fails here rather than between a server and its clients.

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include "nextup/wire/enums.h"
#include "nextup/wire/isotime.h"
#include "nextup/wire/records.h"

using namespace Nextup::Wire;

Q_DECLARE_METATYPE(Token)
Q_DECLARE_METATYPE(CreatedToken)
Q_DECLARE_METATYPE(TokenProgress)
Q_DECLARE_METATYPE(CurrentToken)
Q_DECLARE_METATYPE(Counter)
Q_DECLARE_METATYPE(Service)
Q_DECLARE_METATYPE(QueueToken)
Q_DECLARE_METATYPE(ServiceQueue)
Q_DECLARE_METATYPE(QueueSnapshot)
Q_DECLARE_METATYPE(QueueUpdate)
Q_DECLARE_METATYPE(Branch)
Q_DECLARE_METATYPE(User)

namespace {

// The texts as DESIGN.md and docs/api.md spell them, in each enum's order; written here apart
// from the tables they check.
const QStringList kRoles{"admin", "operator", "kiosk", "user", "branch_admin"};
const QStringList kTokenStatuses{"waiting", "called",    "serving", "completed",
                                 "skipped", "cancelled", "booked",  "expired"};
const QStringList kCounterStatuses{"open", "paused", "closed"};
const QStringList kEvents{"token_generated",   "token_called",      "token_recalled",
                          "token_served",      "token_completed",   "token_skipped",
                          "token_transferred", "token_cancelled",   "token_booked",
                          "token_checked_in",  "token_rescheduled", "token_expired",
                          "queue_update",      "counter_status",    "device_status"};
const QStringList kFrameTypes{"auth",         "subscribe", "unsubscribe",   "ping",
                              "hello",        "pong",      "authenticated", "subscribed",
                              "unsubscribed", "resync",    "error"};

QDateTime at(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODateWithMs);
}

template <WireEnum E> void checkEnum(const QStringList &texts)
{
    const QList<E> values = allValues<E>();
    QCOMPARE(values.size(), texts.size());
    for (qsizetype i = 0; i < values.size(); ++i) {
        QCOMPARE(QString(toString(values.at(i))), texts.at(i));
        QCOMPARE(fromString<E>(texts.at(i)), std::optional(values.at(i)));
        // Every string type the callers hold.
        QCOMPARE(fromString<E>(QStringView(texts.at(i))), std::optional(values.at(i)));
        QCOMPARE(fromString<E>(toString(values.at(i))), std::optional(values.at(i)));
    }
}

template <WireEnum E> void checkRefused(const QString &text)
{
    QVERIFY(!fromString<E>(text));
}

template <typename Record> Record readBack(const QJsonObject &json)
{
    if constexpr (std::is_same_v<Record, QueueToken>)
        return QueueToken::fromJson(json, -1); // the token's own service_id wins
    else
        return Record::fromJson(json);
}

// Everything the record holds: catalogue records with their live state.
template <typename Record> QJsonObject fullJson(const Record &record)
{
    if constexpr (std::is_same_v<Record, Counter> || std::is_same_v<Record, Service>)
        return record.toJson(Form::Live);
    else
        return record.toJson();
}

template <typename Record> void checkRoundTrip(const Record &original)
{
    const QJsonObject json = fullJson(original);
    // Through the text, as on the wire.
    const QJsonObject sent = QJsonDocument::fromJson(QJsonDocument(json).toJson()).object();
    const Record received = readBack<Record>(sent);
    QCOMPARE(fullJson(received), json);
    QVERIFY(received == original);
}

// Checks `record` if it holds a Record; true if it did.
template <typename Record> bool roundTrip(const QVariant &record)
{
    if (record.metaType() != QMetaType::fromType<Record>())
        return false;
    checkRoundTrip(record.value<Record>());
    return true;
}

template <typename Record> void checkRead(const Record &expected, const QJsonObject &json)
{
    const Record record = Record::fromJson(json);
    QCOMPARE(fullJson(record), fullJson(expected));
    QVERIFY(record == expected);
}

template <typename Record> bool readsAsDocumented(const QVariant &expected, const QJsonObject &json)
{
    if (expected.metaType() != QMetaType::fromType<Record>())
        return false;
    checkRead(expected.value<Record>(), json);
    return true;
}

Token fullToken()
{
    Token t;
    t.id = 123456789012;
    t.tokenNumber = QStringLiteral("D007");
    t.number = 7;
    t.serviceId = 1;
    t.serviceCode = QStringLiteral("D");
    t.serviceName = QStringLiteral("Deposits");
    t.status = QStringLiteral("serving");
    t.priority = 5;
    t.customerInfo = QJsonObject{{QStringLiteral("name"), QStringLiteral("Ada")}};
    t.businessDate = QStringLiteral("2026-11-25");
    t.preferredSlot = at("2026-11-25T09:00:00.000Z");
    t.checkedInAt = at("2026-11-25T08:52:10.250Z");
    t.arrivalAt = at("2026-11-25T09:00:00.000Z");
    t.createdAt = at("2026-11-25T08:30:00.123Z");
    t.calledAt = at("2026-11-25T09:30:00.123Z");
    t.servingAt = at("2026-11-25T09:31:02.500Z");
    t.finishedAt = at("2026-11-25T09:40:00.999Z");
    t.counterId = 2;
    t.counterName = QStringLiteral("Counter 2");
    t.targetCounterId = 2;
    t.operatorId = 3;
    t.recallCount = 1;
    t.eta = 420;
    return t;
}

Counter fullCounter()
{
    Counter c;
    c.id = 2;
    c.branchId = 1;
    c.name = QStringLiteral("Counter 2");
    c.status = QStringLiteral("paused");
    c.serviceIds = {1, 3};
    c.operatorId = 3;
    c.pauseReason = QStringLiteral("Lunch");
    c.active = false;
    c.currentToken = CurrentToken{41, QStringLiteral("D041"), QStringLiteral("called"), 1};
    c.queueSize = 4;
    c.names = {{QStringLiteral("es"), QStringLiteral("Ventanilla 2")}};
    return c;
}

Service fullService()
{
    Service s;
    s.id = 3;
    s.branchId = 1;
    s.code = QStringLiteral("D");
    s.name = QStringLiteral("Deposits");
    s.avgServiceSeconds = 300;
    s.targetWaitSeconds = 900;
    s.active = false;
    s.waiting = 12;
    s.eta = 1500;
    s.names = {{QStringLiteral("ar"), QStringLiteral("إيداع")}};
    s.description = QStringLiteral("Money in");
    s.descriptions = {{QStringLiteral("es"), QStringLiteral("Ingresos")}};
    return s;
}

QueueToken queueToken(qint64 id, int serviceId, int targetCounterId)
{
    return QueueToken{id, QStringLiteral("D%1").arg(id, 3, 10, QLatin1Char('0')), serviceId,
                      int(id % 10), at("2026-11-25T09:00:00.000Z").addMSecs(id), targetCounterId,
                      // Odd ids are appointments: their place is their slot.
                      id % 2 ? at("2026-11-25T09:00:00.000Z").addMSecs(id) : QDateTime()};
}

} // namespace

class TestWire : public QObject
{
    Q_OBJECT

private slots:
    void enumRoundTrip_data();
    void enumRoundTrip();
    void enumRefusesOtherText_data();
    void enumRefusesOtherText();
    void recordRoundTrip_data();
    void recordRoundTrip();
    void recordReadsTheDocumentedForm_data();
    void recordReadsTheDocumentedForm();
    void missingMembersKeepTheirDefaults();
    void updateKeepsWhatIsNotSent();
    void serverOnlyMembersAreLeftOut();
    void isoTimeIsQtsForm_data();
    void isoTimeIsQtsForm();
};

void TestWire::enumRoundTrip_data()
{
    QTest::addColumn<QString>("vocabulary");
    QTest::newRow("roles") << "role";
    QTest::newRow("token statuses") << "token status";
    QTest::newRow("counter statuses") << "counter status";
    QTest::newRow("events") << "event";
    QTest::newRow("frame types") << "frame type";
}

void TestWire::enumRoundTrip()
{
    QFETCH(QString, vocabulary);
    if (vocabulary == u"role")
        checkEnum<Role>(kRoles);
    else if (vocabulary == u"token status")
        checkEnum<TokenStatus>(kTokenStatuses);
    else if (vocabulary == u"counter status")
        checkEnum<CounterStatus>(kCounterStatuses);
    else if (vocabulary == u"event")
        checkEnum<EventType>(kEvents);
    else
        checkEnum<FrameType>(kFrameTypes);
}

void TestWire::enumRefusesOtherText_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << "";
    QTest::newRow("null") << QString();
    QTest::newRow("capitalised") << "Admin";
    QTest::newRow("upper case") << "WAITING";
    QTest::newRow("trailing space") << "open ";
    QTest::newRow("leading space") << " token_called";
    QTest::newRow("prefix") << "token_";
    QTest::newRow("longer") << "pausedd";
    QTest::newRow("NUL inside") << QStringLiteral("user") + QChar(0);
    QTest::newRow("a future status") << "on_hold";
    QTest::newRow("a future event") << "token_notified";
    QTest::newRow("a role that does not exist") << "head_office";
    QTest::newRow("unicode look-alike") << QStringLiteral("kіosk"); // Cyrillic i
}

void TestWire::enumRefusesOtherText()
{
    QFETCH(QString, text);
    checkRefused<Role>(text);
    checkRefused<TokenStatus>(text);
    checkRefused<CounterStatus>(text);
    checkRefused<EventType>(text);
    checkRefused<FrameType>(text);
}

void TestWire::recordRoundTrip_data()
{
    QTest::addColumn<QVariant>("record");

    QTest::newRow("token: every member") << QVariant::fromValue(fullToken());
    QTest::newRow("token: defaults") << QVariant::fromValue(Token{});
    Token waiting = fullToken();
    waiting.status = QStringLiteral("waiting");
    waiting.preferredSlot = waiting.checkedInAt = waiting.calledAt = waiting.servingAt =
        waiting.finishedAt = {};
    waiting.counterId = waiting.targetCounterId = waiting.operatorId = 0;
    waiting.counterName.clear();
    QTest::newRow("token: waiting, nulls") << QVariant::fromValue(waiting);
    Token unusual = fullToken();
    unusual.serviceName = QStringLiteral("Say \"hi\" \\ إيداع € 窓口 😀\n\t");
    unusual.status = QStringLiteral("booked"); // a newer server's status passes through
    unusual.customerInfo = QJsonObject{{QStringLiteral("phone"), QStringLiteral("+34 600")},
                                       {QStringLiteral("tags"), QJsonArray{1, 2}}};
    unusual.id = 9'007'199'254'740'991; // the largest integer a JSON double holds exactly
    QTest::newRow("token: unusual text, large id") << QVariant::fromValue(unusual);

    QTest::newRow("created token") << QVariant::fromValue(CreatedToken{
        77, QStringLiteral("A012"), 360, 3, QStringLiteral("s3cr3t"), QStringLiteral("waiting"), 2,
        QStringLiteral("Accounts"), 4, at("2026-11-25T09:30:00.123Z"),
        at("2026-11-25T11:00:00.000Z"), QStringLiteral("/api/tokens/77/status?secret=s3cr3t")});
    QTest::newRow("created token: no slot")
        << QVariant::fromValue(CreatedToken{78,
                                            QStringLiteral("A013"),
                                            0,
                                            1,
                                            QStringLiteral("x"),
                                            QStringLiteral("waiting"),
                                            2,
                                            QStringLiteral("Accounts"),
                                            0,
                                            at("2026-11-25T09:30:00.123Z"),
                                            {},
                                            {}});
    QTest::newRow("token progress: called") << QVariant::fromValue(
        TokenProgress{77, QStringLiteral("A012"), QStringLiteral("called"), 0, 0, 2,
                      QStringLiteral("Accounts"), 4, QStringLiteral("Counter 4"),
                      at("2026-11-25T09:30:00.123Z"), at("2026-11-25T09:45:00.000Z"), 2});
    QTest::newRow("token progress: waiting, nulls")
        << QVariant::fromValue(TokenProgress{77,
                                             QStringLiteral("A012"),
                                             QStringLiteral("waiting"),
                                             3,
                                             360,
                                             2,
                                             QStringLiteral("Accounts"),
                                             0,
                                             {},
                                             at("2026-11-25T09:30:00.123Z"),
                                             {},
                                             0});

    QTest::newRow("current token") << QVariant::fromValue(
        CurrentToken{41, QStringLiteral("D041"), QStringLiteral("serving"), 1});
    QTest::newRow("counter: every member") << QVariant::fromValue(fullCounter());
    Counter closed;
    closed.id = 5;
    closed.name = QStringLiteral("Desk");
    closed.status = QStringLiteral("closed");
    QTest::newRow("counter: closed, nulls, no services") << QVariant::fromValue(closed);

    QTest::newRow("service: every member") << QVariant::fromValue(fullService());
    QTest::newRow("service: defaults") << QVariant::fromValue(Service{});

    QTest::newRow("queue token: transferred") << QVariant::fromValue(queueToken(9, 3, 2));
    QTest::newRow("queue token: anyone") << QVariant::fromValue(queueToken(10, 3, 0));
    ServiceQueue queue;
    static_cast<Service &>(queue) = fullService();
    queue.tokens = {queueToken(9, queue.id, 2), queueToken(10, queue.id, 0)};
    QTest::newRow("service queue") << QVariant::fromValue(queue);
    QueueSnapshot snapshot{1234, at("2026-11-25T09:30:00.123Z"), {queue}, {fullCounter(), closed}};
    QTest::newRow("queue snapshot") << QVariant::fromValue(snapshot);
    QTest::newRow("queue snapshot: empty") << QVariant::fromValue(QueueSnapshot{});
    QTest::newRow("queue update") << QVariant::fromValue(
        QueueUpdate{3, QStringLiteral("D"), QStringLiteral("Deposits"), 12, 1500});

    QTest::newRow("branch") << QVariant::fromValue(
        Branch{1, QStringLiteral("Head office"), QStringLiteral("Europe/Madrid"),
               QStringLiteral("hq"), QStringLiteral("Gran Vía 1"),
               Texts{{QStringLiteral("ar"), QStringLiteral("المكتب الرئيسي")},
                     {QStringLiteral("es"), QStringLiteral("Sede central")}}});
    QTest::newRow("user") << QVariant::fromValue(User{
        3, QStringLiteral("op1"), QStringLiteral("operator"), QStringLiteral("Ana Ops"), false, 2});
}

void TestWire::recordRoundTrip()
{
    QFETCH(QVariant, record);
    const bool checked = roundTrip<Token>(record) || roundTrip<CreatedToken>(record) ||
                         roundTrip<TokenProgress>(record) || roundTrip<CurrentToken>(record) ||
                         roundTrip<Counter>(record) || roundTrip<Service>(record) ||
                         roundTrip<QueueToken>(record) || roundTrip<ServiceQueue>(record) ||
                         roundTrip<QueueSnapshot>(record) || roundTrip<QueueUpdate>(record) ||
                         roundTrip<Branch>(record) || roundTrip<User>(record);
    if (QTest::currentTestFailed())
        return;
    QVERIFY2(checked, record.typeName());
}

// Each text lists exactly the members its docs/api.md line names, spelled out here (not with the
// key constants), with values in their wire form.
void TestWire::recordReadsTheDocumentedForm_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QVariant>("expected");

    // "Tokens": `token` = {id, token_number, number, ...}.
    QTest::newRow("token") << QByteArray(R"({
        "id": 123456789012, "token_number": "D007", "number": 7, "service_id": 1,
        "service_code": "D", "service_name": "Deposits", "status": "serving", "priority": 5,
        "customer_info": {"name": "Ada"}, "business_date": "2026-11-25",
        "preferred_slot": "2026-11-25T09:00:00.000Z", "checked_in_at": "2026-11-25T08:52:10.250Z",
        "arrival_at": "2026-11-25T09:00:00.000Z", "created_at": "2026-11-25T08:30:00.123Z", "called_at": "2026-11-25T09:30:00.123Z",
        "serving_at": "2026-11-25T09:31:02.500Z", "finished_at": "2026-11-25T09:40:00.999Z",
        "counter_id": 2, "counter_name": "Counter 2", "target_counter_id": 2, "operator_id": 3,
        "recall_count": 1, "eta": 420})")
                           << QVariant::fromValue(fullToken());
    // POST /api/tokens answers 201 {token_id, token_number, eta, position, secret, ...}.
    QTest::newRow("created token")
        << QByteArray(R"({
        "token_id": 77, "token_number": "A012", "eta": 360, "position": 3, "secret": "s3cr3t",
        "status": "waiting", "service_id": 2, "service_name": "Accounts",
        "created_at": "2026-11-25T09:30:00.123Z", "preferred_slot": null, "priority": 0,
        "status_url": "/api/tokens/77/status?secret=s3cr3t"})")
        << QVariant::fromValue(CreatedToken{77,
                                            QStringLiteral("A012"),
                                            360,
                                            3,
                                            QStringLiteral("s3cr3t"),
                                            QStringLiteral("waiting"),
                                            2,
                                            QStringLiteral("Accounts"),
                                            0,
                                            at("2026-11-25T09:30:00.123Z"),
                                            {},
                                            QStringLiteral("/api/tokens/77/status?secret=s3cr3t")});
    // GET /api/tokens/:id/status.
    QTest::newRow("token status")
        << QByteArray(R"({
        "token_id": 77, "token_number": "A012", "status": "called", "position": 0, "eta": 0,
        "service_id": 2, "service_name": "Accounts", "counter_id": 4,
        "counter_name": "Counter 4", "created_at": "2026-11-25T09:30:00.123Z",
        "called_at": "2026-11-25T09:45:00.000Z", "recall_count": 2})")
        << QVariant::fromValue(
               TokenProgress{77, QStringLiteral("A012"), QStringLiteral("called"), 0, 0, 2,
                             QStringLiteral("Accounts"), 4, QStringLiteral("Counter 4"),
                             at("2026-11-25T09:30:00.123Z"), at("2026-11-25T09:45:00.000Z"), 2});
    // "Counters": current_token is {id, token_number, status, service_id} or null.
    QTest::newRow("current token")
        << QByteArray(R"({"id": 41, "token_number": "D041", "status": "called", "service_id": 1})")
        << QVariant::fromValue(
               CurrentToken{41, QStringLiteral("D041"), QStringLiteral("called"), 1});
    // GET /api/counters: [{id, name, branch_id, status, service_ids, operator_id, pause_reason,
    // active, current_token, queue_size}].
    QTest::newRow("counter") << QByteArray(R"({
        "id": 2, "name": "Counter 2", "branch_id": 1, "status": "paused", "service_ids": [1, 3],
        "operator_id": 3, "pause_reason": "Lunch", "active": false,
        "current_token": {"id": 41, "token_number": "D041", "status": "called", "service_id": 1},
        "queue_size": 4, "names": {"es": "Ventanilla 2"}})")
                             << QVariant::fromValue(fullCounter());
    Counter closed;
    closed.id = 5;
    closed.branchId = 1;
    closed.name = QStringLiteral("Desk");
    closed.status = QStringLiteral("closed");
    QTest::newRow("counter: nulls") << QByteArray(R"({
        "id": 5, "name": "Desk", "branch_id": 1, "status": "closed", "service_ids": [],
        "operator_id": null, "pause_reason": null, "active": true, "current_token": null,
        "queue_size": 0, "names": {}})")
                                    << QVariant::fromValue(closed);
    // GET /api/services: [{id, branch_id, code, name, avg_service_seconds, target_wait_seconds,
    // active, waiting, eta}].
    QTest::newRow("service") << QByteArray(R"({
        "id": 3, "branch_id": 1, "code": "D", "name": "Deposits", "avg_service_seconds": 300,
        "target_wait_seconds": 900, "active": false, "waiting": 12, "eta": 1500,
        "names": {"ar": "إيداع"}, "description": "Money in", "descriptions": {"es": "Ingresos"}})")
                             << QVariant::fromValue(fullService());
    // The data of a queue_update event.
    QTest::newRow("queue update")
        << QByteArray(
               R"({"service_id": 3, "code": "D", "name": "Deposits", "waiting": 12, "eta": 1500})")
        << QVariant::fromValue(
               QueueUpdate{3, QStringLiteral("D"), QStringLiteral("Deposits"), 12, 1500});
    // "Auth": user = {id, username, role, full_name, active}.
    QTest::newRow("user")
        << QByteArray(R"({"id": 3, "username": "op1", "role": "operator", "full_name": "Ana Ops",
                          "active": false})")
        << QVariant::fromValue(User{3, QStringLiteral("op1"), QStringLiteral("operator"),
                                    QStringLiteral("Ana Ops"), false});
    // "Administration": {name, timezone, code, address, names}.
    QTest::newRow("branch")
        << QByteArray(R"({"id": 1, "name": "Head office", "timezone": "Europe/Madrid",
                          "code": "hq", "address": "Gran Vía 1", "names": {"es": "Sede central"}})")
        << QVariant::fromValue(
               Branch{1, QStringLiteral("Head office"), QStringLiteral("Europe/Madrid"),
                      QStringLiteral("hq"), QStringLiteral("Gran Vía 1"),
                      Texts{{QStringLiteral("es"), QStringLiteral("Sede central")}}});
}

void TestWire::recordReadsTheDocumentedForm()
{
    QFETCH(QByteArray, json);
    QFETCH(QVariant, expected);
    QJsonParseError error{};
    const QJsonObject object = QJsonDocument::fromJson(json, &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    const bool checked = readsAsDocumented<Token>(expected, object) ||
                         readsAsDocumented<CreatedToken>(expected, object) ||
                         readsAsDocumented<TokenProgress>(expected, object) ||
                         readsAsDocumented<CurrentToken>(expected, object) ||
                         readsAsDocumented<Counter>(expected, object) ||
                         readsAsDocumented<Service>(expected, object) ||
                         readsAsDocumented<QueueUpdate>(expected, object) ||
                         readsAsDocumented<User>(expected, object) ||
                         readsAsDocumented<Branch>(expected, object);
    if (QTest::currentTestFailed())
        return;
    QVERIFY2(checked, expected.typeName());
    // The writers write exactly the documented members.
    QStringList written;
    if (expected.metaType() == QMetaType::fromType<Token>())
        written = expected.value<Token>().toJson().keys();
    else if (expected.metaType() == QMetaType::fromType<Counter>())
        written = fullJson(expected.value<Counter>()).keys();
    else if (expected.metaType() == QMetaType::fromType<Service>())
        written = fullJson(expected.value<Service>()).keys();
    if (!written.isEmpty())
        QCOMPARE(written, object.keys());
}

void TestWire::missingMembersKeepTheirDefaults()
{
    // GET /api/queues as docs/api.md shows it: services without branch_id and the other catalogue
    // members, tokens without service_id (their service's).
    const QByteArray json = R"({"seq": 1234, "at": "2026-11-25T09:30:00.123Z",
        "services": [{"id": 3, "code": "D", "name": "Deposits", "waiting": 1, "eta": 300,
                      "tokens": [{"id": 9, "token_number": "D009", "priority": 9,
                                  "arrival_at": "2026-11-25T09:00:00.009Z",
                                  "target_counter_id": null}]}],
        "counters": [{"id": 2, "name": "Counter 2", "status": "open", "service_ids": [3]}],
        "a_newer_member": {"ignored": true}})";
    const QueueSnapshot snapshot = QueueSnapshot::fromJson(QJsonDocument::fromJson(json).object());
    QCOMPARE(snapshot.seq, qint64(1234));
    QCOMPARE(snapshot.at, at("2026-11-25T09:30:00.123Z"));
    QCOMPARE(snapshot.services.size(), 1);
    const ServiceQueue &service = snapshot.services.first();
    QCOMPARE(service.id, 3);
    QCOMPARE(service.branchId, 0);
    QVERIFY(service.active);
    QCOMPARE(service.waiting, 1);
    QCOMPARE(service.tokens.size(), 1);
    QueueToken walkIn = queueToken(9, 3, 0);
    walkIn.preferredSlot = {}; // not sent: none
    QVERIFY(service.tokens.first() == walkIn);
    QCOMPARE(snapshot.counters.size(), 1);
    const Counter &counter = snapshot.counters.first();
    QVERIFY(counter.hasStatus(CounterStatus::Open));
    QVERIFY(counter.active);
    QVERIFY(!counter.currentToken);
    QCOMPARE(counter.serviceIds, QList<int>{3});

    // A public token (an event's data) has neither customer_info nor operator_id.
    const Token token = Token::fromJson(QJsonObject{{QStringLiteral("id"), 5}});
    QCOMPARE(token.id, 5);
    QVERIFY(token.customerInfo.isNull());
    QVERIFY(!token.calledAt.isValid());
}

void TestWire::updateKeepsWhatIsNotSent()
{
    // A counter_status event carries the counter's row, not its current token or queue size.
    Counter counter = fullCounter();
    Counter resumed = fullCounter();
    resumed.status = QStringLiteral("open");
    resumed.pauseReason.clear();
    counter.update(resumed.toJson(Form::Row));
    QVERIFY(counter.hasStatus(CounterStatus::Open));
    QCOMPARE(counter.pauseReason, QString()); // null clears it
    QVERIFY(counter.currentToken == fullCounter().currentToken);
    QCOMPARE(counter.queueSize, fullCounter().queueSize);
}

void TestWire::serverOnlyMembersAreLeftOut()
{
    const Token token = fullToken();
    const QJsonObject customer = token.toJson(false);
    QVERIFY(!customer.contains(u"customer_info"));
    QVERIFY(customer.contains(u"operator_id"));
    QCOMPARE(customer.size(), token.toJson().size() - 1);

    const QJsonObject row = fullCounter().toJson(Form::Row);
    QVERIFY(!row.contains(u"current_token"));
    QVERIFY(!row.contains(u"queue_size"));
    QCOMPARE(row.size(), fullCounter().toJson(Form::Live).size() - 2);
    QCOMPARE(fullCounter().toJson(), row); // the row unless told
    const QJsonObject serviceRow = fullService().toJson(Form::Row);
    QVERIFY(!serviceRow.contains(u"waiting"));
    QVERIFY(!serviceRow.contains(u"eta"));

    // Inside its service's list a waiting token does not repeat the service.
    ServiceQueue queue;
    queue.id = 3;
    queue.tokens = {queueToken(9, 3, 0)};
    const QJsonObject listed = queue.toJson().value(u"tokens").toArray().first().toObject();
    QVERIFY(!listed.contains(u"service_id"));
    QVERIFY(queueToken(9, 3, 0).toJson().contains(u"service_id"));
}

void TestWire::isoTimeIsQtsForm_data()
{
    QTest::addColumn<QDateTime>("time");
    QTest::newRow("epoch") << QDateTime::fromMSecsSinceEpoch(0, Qt::UTC);
    QTest::newRow("milliseconds") << at("2026-11-25T09:30:00.123Z");
    QTest::newRow("leap day") << at("2028-02-29T23:59:59.999Z");
    QTest::newRow("another offset") << at("2026-11-25T09:30:00.123Z").toOffsetFromUtc(19'800);
    QTest::newRow("local time") << at("2026-07-01T12:00:00.000Z").toLocalTime();
}

void TestWire::isoTimeIsQtsForm()
{
    QFETCH(QDateTime, time);
    const QString text = isoTime(time);
    QCOMPARE(text, time.toUTC().toString(Qt::ISODateWithMs));
    QCOMPARE(parseTime(text), time);
    QCOMPARE(parseTime(text).timeSpec(), Qt::UTC);
    QCOMPARE(isoTime(QDateTime()), QString());
    QVERIFY(!parseTime(QJsonValue()).isValid());
    QVERIFY(!parseTime(QStringLiteral("yesterday")).isValid());
}

QTEST_APPLESS_MAIN(TestWire)
#include "tst_wire.moc"
