// The Devices page: the lobby boards and dispensers as GET /api/devices lists them, kept live by
// device_status events (room `staff`), the rows that need someone marked and counted in the tab.

#include <QHeaderView>
#include <QLabel>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

#include "admin/devicespage.h"
#include "consoleadmintest.h"

using namespace Nextup;
using namespace Nextup::Console;

namespace {
QJsonObject deviceReport(const QString &id, const QString &mode, const QString &printer)
{
    QJsonObject body{{"id", id},
                     {"name", "Lobby " + id},
                     {"mode", mode},
                     {"branch_id", 1},
                     {"version", "0.1.0"}};
    if (!printer.isEmpty())
        body.insert("printer", QJsonObject{{"state", printer}});
    return body;
}

QString cell(DevicesModel *model, int row, int column)
{
    return model->index(row, column).data().toString();
}
} // namespace

void TestConsoleAdmin::devicesLive()
{
    const QString kiosk = m_http->login(QStringLiteral("kiosk"), QStringLiteral("kiosk123"));
    QVERIFY(!kiosk.isEmpty());
    auto *page = this->page<DevicesPage>();
    QVERIFY(page);
    m_tabs->setCurrentWidget(page);
    QCOMPARE(m_http
                 ->post(QStringLiteral("/api/devices/heartbeat"),
                        deviceReport("disp-a", "dispenser", "ok"), kiosk)
                 .status,
             200);
    QCOMPARE(m_http
                 ->post(QStringLiteral("/api/devices/heartbeat"),
                        deviceReport("board-b", "board", {}), kiosk)
                 .status,
             200);
    // Heard live, without a refresh: both rows, in name order, as the API lists them.
    DevicesModel *model = page->model();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 2, 10000);
    const QJsonArray listed = getArray(QStringLiteral("/api/devices"));
    QCOMPARE(listed.size(), 2);
    for (int row = 0; row < 2; ++row)
        QCOMPARE(cell(model, row, DevicesModel::NameColumn),
                 listed.at(row).toObject().value(u"name").toString());
    QCOMPARE(cell(model, 1, DevicesModel::ModeColumn), QStringLiteral("Ticket dispenser"));
    QCOMPARE(cell(model, 1, DevicesModel::PrinterColumn), QStringLiteral("Ready"));
    QCOMPARE(cell(model, 1, DevicesModel::StatusColumn), QStringLiteral("Online"));
    QCOMPARE(cell(model, 1, DevicesModel::BranchColumn), QStringLiteral("Main Branch"));
    QCOMPARE(model->alerts(), 0);
    const int tab = m_tabs->indexOf(page);
    QCOMPARE(m_tabs->tabText(tab), QStringLiteral("Devices"));

    // The dispenser runs out of paper: the row says so, is marked, and the tab counts it.
    QSignalSpy alerts(page, &DevicesPage::alertsChanged);
    QCOMPARE(m_http
                 ->post(QStringLiteral("/api/devices/heartbeat"),
                        deviceReport("disp-a", "dispenser", "paper_out"), kiosk)
                 .status,
             200);
    QTRY_COMPARE_WITH_TIMEOUT(cell(model, 1, DevicesModel::PrinterColumn),
                              QStringLiteral("Out of paper"), 10000);
    QCOMPARE(model->alerts(), 1);
    QVERIFY(model->index(1, 0).data(Qt::BackgroundRole).isValid());
    QVERIFY(!model->index(0, 0).data(Qt::BackgroundRole).isValid());
    QCOMPARE(m_tabs->tabText(tab), QStringLiteral("Devices (1)"));
    QVERIFY(!alerts.isEmpty() && alerts.last().first().toInt() == 1);
    QVERIFY(page->summary()->text().contains(u'1'));

    // A fetch after a reconnect shows the same.
    QSignalSpy shown(page->model(), &QAbstractItemModel::modelReset);
    page->reload();
    QVERIFY(shown.wait(10000));
    QCOMPARE(cell(model, 1, DevicesModel::PrinterColumn), QStringLiteral("Out of paper"));
}
