// TokenRecord's two JSON forms: the QJsonObject every route answers with, and the text written
// directly for published events. They must say the same, whatever the strings hold. And JsonText,
// which writes that text (and a token batch's rows), must write what QJsonDocument writes.
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include "domain/jsontext.h"
#include "domain/tokenrecord.h"
#include "store/database.h"

using namespace Nextup;

class TestTokenJson : public QObject
{
    Q_OBJECT

private slots:
    void isoTimeIsQtsForm_data();
    void isoTimeIsQtsForm();
    void jsonTextIsTheCompactForm_data();
    void jsonTextIsTheCompactForm();
    void publicJsonEqualsTheObject_data()
    {
        QTest::addColumn<QString>("serviceName");
        QTest::addColumn<QString>("counterName");
        QTest::addColumn<int>("counterId");
        QTest::addColumn<QString>("calledAt");
        QTest::newRow("waiting: nulls") << "Deposit"
                                        << "" << 0 << "";
        QTest::newRow("called") << "Deposit"
                                << "Counter A" << 1 << "2026-12-03T07:45:29.123Z";
        QTest::newRow("quotes and backslashes") << "Say \"hi\" \\ bye"
                                                << "C:\\desk" << 2 << "";
        QTest::newRow("control characters") << "line\nbreak\ttab\x01\x1f"
                                            << "\r" << 3 << "";
        QTest::newRow("unicode") << QStringLiteral("إيداع €") << QStringLiteral("窓口 😀") << 4
                                 << "";
    }
    void publicJsonEqualsTheObject()
    {
        QFETCH(QString, serviceName);
        QFETCH(QString, counterName);
        QFETCH(int, counterId);
        QFETCH(QString, calledAt);
        TokenRecord token;
        token.id = 123456789012;
        token.tokenNumber = QStringLiteral("D007");
        token.number = 7;
        token.serviceId = 1;
        token.serviceCode = QStringLiteral("D");
        token.serviceName = serviceName;
        token.status = calledAt.isEmpty() ? QStringLiteral("waiting") : QStringLiteral("called");
        token.priority = 5;
        token.customerInfo = QJsonObject{{QStringLiteral("name"), QStringLiteral("Ada")}};
        token.businessDate = QStringLiteral("2026-12-03");
        token.arrivalAt =
            QDateTime::fromString(QStringLiteral("2026-12-03T07:40:00.000Z"), Qt::ISODateWithMs);
        token.createdAt = token.arrivalAt;
        token.calledAt = QDateTime::fromString(calledAt, Qt::ISODateWithMs);
        token.counterId = counterId;
        token.counterName = counterName;
        token.operatorId = counterId == 0 ? 0 : 3;
        token.recallCount = 1;
        token.eta = 420;

        QJsonParseError error{};
        const QJsonDocument parsed = QJsonDocument::fromJson(token.publicJson(), &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QJsonObject expected = token.toJson(false);
        expected.remove(QStringLiteral("operator_id"));
        QCOMPARE(parsed.object(), expected);
        QVERIFY(!parsed.object().contains(u"customer_info"));
        QVERIFY(!token.publicJson().contains("Ada"));
    }
};

void TestTokenJson::isoTimeIsQtsForm_data()
{
    QTest::addColumn<qint64>("msecs");
    auto at = [](const char *iso) {
        return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODateWithMs)
            .toMSecsSinceEpoch();
    };
    QTest::newRow("epoch") << qint64(0);
    QTest::newRow("just before the epoch") << qint64(-1);
    QTest::newRow("1900-03-01") << at("1900-03-01T00:00:00.000Z");
    QTest::newRow("0001-01-01") << at("0001-01-01T00:00:00.000Z");
    QTest::newRow("leap day 2028") << at("2028-02-29T23:59:59.999Z");
    QTest::newRow("2100-03-01 (no leap day)") << at("2100-03-01T00:00:00.001Z");
    QTest::newRow("2000-02-29") << at("2000-02-29T12:00:00.500Z");
    QTest::newRow("new year") << at("2026-12-31T23:59:59.999Z") + 1;
    QTest::newRow("9999-12-31") << at("9999-12-31T23:59:59.999Z");
    QTest::newRow("year 10000") << at("9999-12-31T23:59:59.999Z") + 1;
    QTest::newRow("before year 1") << at("0001-01-01T00:00:00.000Z") - 1;
    // Every hour of a few years, at odd milliseconds.
    for (qint64 ms = at("2023-01-01T00:00:00.000Z"); ms < at("2029-01-01T00:00:00.000Z");
         ms += 3'600'000 * 97 + 7)
        QTest::addRow("%lld", static_cast<long long>(ms)) << ms;
}

void TestTokenJson::isoTimeIsQtsForm()
{
    QFETCH(qint64, msecs);
    const QDateTime time = QDateTime::fromMSecsSinceEpoch(msecs, Qt::UTC);
    QCOMPARE(isoTimeOfMsecs(msecs), time.toString(Qt::ISODateWithMs));
    // Through a QVariant as QtSql hands it over, in another zone than UTC too.
    QCOMPARE(isoTime(QVariant(time.toOffsetFromUtc(5 * 3600 + 1800))),
             time.toString(Qt::ISODateWithMs));
}

void TestTokenJson::jsonTextIsTheCompactForm_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("plain") << "D007";
    QTest::newRow("empty") << "";
    QTest::newRow("quotes and backslashes") << "Say \"hi\" \\ C:\\desk\\";
    QTest::newRow("short escapes") << "a\bb\fc\nd\re\tf";
    QTest::newRow("other control characters") << QStringLiteral("\x01x\x1fy\x7f");
    QTest::newRow("NUL inside") << QString(QChar(0)) + QStringLiteral("after");
    QTest::newRow("unicode") << QStringLiteral("إيداع € 窓口 😀 \u2028");
    QTest::newRow("slash and angle brackets") << "</script>";
}

void TestTokenJson::jsonTextIsTheCompactForm()
{
    QFETCH(QString, text);
    // Members in QJsonObject's (sorted) order, so the two texts can be compared byte for byte.
    JsonText writer;
    writer.number(u"a_number", -9007199254740991);
    writer.text(u"b_text", text);
    writer.textOrNull(u"c_null", QString());
    writer.textOrNull(u"d_text", text + u'!');
    writer.idOrNull(u"e_id", 0);
    writer.idOrNull(u"f_id", 42);
    writer.object(u"g_object", QJsonObject{{QStringLiteral("k"), text}});
    writer.object(u"h_empty", QJsonObject());
    const QJsonObject expected{
        {QStringLiteral("a_number"), qint64(-9007199254740991)},
        {QStringLiteral("b_text"), text},
        {QStringLiteral("c_null"), QJsonValue()},
        {QStringLiteral("d_text"), text + u'!'},
        {QStringLiteral("e_id"), QJsonValue()},
        {QStringLiteral("f_id"), 42},
        {QStringLiteral("g_object"), QJsonObject{{QStringLiteral("k"), text}}},
        {QStringLiteral("h_empty"), QJsonObject()}};
    QCOMPARE(writer.finish(), QJsonDocument(expected).toJson(QJsonDocument::Compact));
    const QStringList list{text, QStringLiteral("room:1"), QString()};
    QCOMPARE(JsonText::stringArray(list),
             QJsonDocument(QJsonArray::fromStringList(list)).toJson(QJsonDocument::Compact));
}

QTEST_APPLESS_MAIN(TestTokenJson)
#include "tst_tokenjson.moc"
