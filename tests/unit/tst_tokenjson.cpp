// TokenRecord's two JSON forms: the QJsonObject every route answers with, and the text written
// directly for published events. They must say the same, whatever the strings hold.
#include "domain/tokenrecord.h"

#include <QJsonDocument>
#include <QTest>

class TestTokenJson : public QObject
{
    Q_OBJECT

private slots:
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
        token.arrivalAt = QStringLiteral("2026-12-03T07:40:00.000Z");
        token.createdAt = token.arrivalAt;
        token.calledAt = calledAt;
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

QTEST_APPLESS_MAIN(TestTokenJson)
#include "tst_tokenjson.moc"
