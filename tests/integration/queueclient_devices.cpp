// DeviceReporter: a board or dispenser telling the server it is there and how its printer is.

#include <QSettings>
#include <QSignalSpy>
#include <QTest>

#include "nextup/client/apiclient.h"
#include "nextup/client/devicereporter.h"
#include "queueclienttest.h"

using namespace Nextup;

namespace {
QJsonObject deviceNamed(HttpClient &http, const QString &admin, const QString &id)
{
    for (const QJsonValue device : http.get(QStringLiteral("/api/devices"), admin).array())
        if (device.toObject().value(u"id").toString() == id)
            return device.toObject();
    return {};
}
} // namespace

void TestQueueClient::deviceReportsItself()
{
    auto api = signedIn(QStringLiteral("kiosk"), QStringLiteral("kiosk123"));
    QVERIFY(api);
    const QString id = QStringLiteral("reporter-%1").arg(QDateTime::currentMSecsSinceEpoch());
    DeviceReporter reporter(api.get(), {id, QStringLiteral("Front dispenser"), 1,
                                        QStringLiteral("dispenser"), QStringLiteral("9.9")});
    QSignalSpy reported(&reporter, &DeviceReporter::reported);
    // Reported at once, as the session is there.
    QVERIFY(reported.wait(5000));
    QVERIFY(reported.first().first().toBool());
    QJsonObject device = deviceNamed(*m_http, m_admin, id);
    QCOMPARE(device.value(u"name").toString(), u"Front dispenser");
    QCOMPARE(device.value(u"version").toString(), u"9.9");
    QCOMPARE(device.value(u"printer_state").toString(), u"none");
    QVERIFY(device.value(u"online").toBool());
    // The printer runs out of paper: reported at once, not at the next tick.
    reported.clear();
    reporter.setPrinter(QStringLiteral("paper_out"), QStringLiteral("roll empty"));
    QVERIFY(reported.wait(5000));
    device = deviceNamed(*m_http, m_admin, id);
    QCOMPARE(device.value(u"printer_state").toString(), u"paper_out");
    QCOMPARE(device.value(u"printer_detail").toString(), u"roll empty");
    // The same state again sends nothing; the timer reports on its own.
    reported.clear();
    reporter.setPrinter(QStringLiteral("paper_out"), QStringLiteral("roll empty"));
    QVERIFY(!reported.wait(300));
    reporter.setIntervalMs(200);
    QVERIFY(reported.wait(5000));
    // Signed out: nothing is sent.
    api->clearSession();
    reported.clear();
    QVERIFY(!reported.wait(600));
}

void TestQueueClient::deviceIdIsStable()
{
    QCoreApplication::setOrganizationName(
        QStringLiteral("nextup-tests-%1").arg(QCoreApplication::applicationPid()));
    const QString first =
        DeviceReporter::stableId(QStringLiteral("board"), QStringLiteral("board"));
    QVERIFY(first.startsWith(u"board-"));
    QCOMPARE(DeviceReporter::stableId(QStringLiteral("board"), QStringLiteral("board")), first);
    QVERIFY(DeviceReporter::stableId(QStringLiteral("dispenser"), QStringLiteral("dispenser")) !=
            first);
    QSettings().clear();
}
