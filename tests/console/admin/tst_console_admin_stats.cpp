// Statistics: the table and the charts show GET /api/stats, today's figures follow the queue's
// events, and screenshots of the History and Statistics pages in English and Arabic.

#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTranslator>

#include "admin/adminmodels.h"
#include "admin/adminpages.h"
#include "admin/adminwidgets.h"
#include "admin/bookingpage.h"
#include "admin/counterspage.h"
#include "admin/devicespage.h"
#include "admin/historymodels.h"
#include "admin/historypage.h"
#include "admin/servicespage.h"
#include "admin/statscharts.h"
#include "admin/statsmodel.h"
#include "admin/statspage.h"
#include "admin/userspage.h"
#include "consoleadmintest.h"

using namespace Nextup;
using namespace Nextup::Console;

namespace {
const int kColumns[] = {StatsTableModel::IssuedColumn,     StatsTableModel::ServedColumn,
                        StatsTableModel::SkippedColumn,    StatsTableModel::CancelledColumn,
                        StatsTableModel::WaitingColumn,    StatsTableModel::AvgWaitColumn,
                        StatsTableModel::P90WaitColumn,    StatsTableModel::AvgServiceColumn,
                        StatsTableModel::P90ServiceColumn, StatsTableModel::BookedColumn,
                        StatsTableModel::CheckedInColumn,  StatsTableModel::NoShowsColumn,
                        StatsTableModel::NoShowRateColumn, StatsTableModel::PunctualityColumn};
const char *const kKeys[] = {"issued",
                             "served",
                             "skipped",
                             "cancelled",
                             "waiting",
                             "avg_wait_seconds",
                             "p90_wait_seconds",
                             "avg_service_seconds",
                             "p90_service_seconds",
                             "appointments_booked",
                             "appointments_checked_in",
                             "no_shows",
                             "appointment_no_show_rate",
                             "punctuality_seconds"};

// The table row of one block against the API's numbers; an empty string when they agree.
QString compareRow(const StatsTableModel *model, int row, const QJsonObject &block)
{
    if (row < 0)
        return QStringLiteral("no row for %1").arg(block.value(u"name").toString());
    QStringList out;
    for (size_t i = 0; i < std::size(kColumns); ++i) {
        const double shown =
            model->index(row, kColumns[i]).data(StatsTableModel::ValueRole).toDouble();
        const double api = block.value(QLatin1String(kKeys[i])).toDouble();
        if (!qFuzzyCompare(1.0 + shown, 1.0 + api))
            out << QStringLiteral("%1 %2: shown %3, API %4")
                       .arg(block.value(u"name").toString(), QLatin1String(kKeys[i]))
                       .arg(shown)
                       .arg(api);
    }
    return out.join(u'\n');
}

QBarSet *barSet(QChart *chart, int index)
{
    const auto series = chart->series();
    auto *bars = series.isEmpty() ? nullptr : qobject_cast<QBarSeries *>(series.first());
    return bars && index < bars->count() ? bars->barSets().at(index) : nullptr;
}
// The Tokens chart per service, then per counter, the Times chart, and the hours adding up.
void checkCharts(StatsPage *stats, const QJsonObject &api)
{
    const QJsonArray perService = api.value(u"per_service").toArray();
    const QJsonArray perCounter = api.value(u"per_counter").toArray();
    const QJsonObject totals = api.value(u"totals").toObject();
    stats->groupBox()->setCurrentIndex(stats->groupBox()->findData(QStringLiteral("service")));
    QBarSet *issued = barSet(stats->tokensChart(), 0);
    QVERIFY(issued);
    QCOMPARE(issued->count(), int(perService.size()));
    for (int i = 0; i < perService.size(); ++i)
        QCOMPARE(issued->at(i), perService.at(i).toObject().value(u"issued").toDouble());
    stats->groupBox()->setCurrentIndex(stats->groupBox()->findData(QStringLiteral("counter")));
    QBarSet *served = barSet(stats->tokensChart(), 1);
    QVERIFY(served);
    QCOMPARE(served->count(), int(perCounter.size()));
    for (int i = 0; i < perCounter.size(); ++i)
        QCOMPARE(served->at(i), perCounter.at(i).toObject().value(u"served").toDouble());
    QBarSet *p90Wait = barSet(stats->timesChart(), 1);
    QVERIFY(p90Wait);
    for (int i = 0; i < perCounter.size(); ++i)
        QCOMPARE(p90Wait->at(i),
                 perCounter.at(i).toObject().value(u"p90_wait_seconds").toDouble() / 60.0);
    QBarSet *hourly = barSet(stats->hoursChart(), 0);
    QVERIFY(hourly);
    double hourlySum = 0;
    for (int i = 0; i < hourly->count(); ++i)
        hourlySum += hourly->at(i);
    QCOMPARE(hourlySum, totals.value(u"issued").toDouble());
}
} // namespace

void TestConsoleAdmin::statsMatchApi_data()
{
    QTest::addColumn<bool>("today");
    QTest::newRow("today") << true;
    QTest::newRow("yesterday and today") << false;
}

void TestConsoleAdmin::statsMatchApi()
{
    QFETCH(bool, today);
    auto *stats = page<StatsPage>();
    m_tabs->setCurrentWidget(stats);
    QSignalSpy refreshed(stats, &StatsPage::refreshed);
    const QDate todayDate = QDate::fromString(todayText(), Qt::ISODate);
    if (today) {
        stats->showToday();
        stats->refresh();
    } else {
        stats->showRange(todayDate.addDays(-1), todayDate);
    }
    QVERIFY(refreshed.wait(10000));
    // A live refresh may still be on its way; let the page settle on the newest answer.
    for (int i = 0; i < 10 && refreshed.wait(500); ++i) {
    }
    const QString path =
        today ? QStringLiteral("/api/stats")
              : QStringLiteral("/api/stats?from=%1&to=%2").arg(yesterdayText(), todayText());
    const QJsonObject api = getObject(path);
    const StatsTableModel *model = stats->model();
    QCOMPARE(model->report().from, today ? todayDate : todayDate.addDays(-1));

    const QJsonObject totals = api.value(u"totals").toObject();
    QVERIFY(totals.value(u"served").toInt() >= 4);
    QVERIFY(totals.value(u"skipped").toInt() >= 1);
    QVERIFY(totals.value(u"avg_service_seconds").toDouble() > 0);
    QString problems = compareRow(model, model->rowOf(QStringLiteral("total")), totals);
    const QJsonArray perService = api.value(u"per_service").toArray();
    const QJsonArray perCounter = api.value(u"per_counter").toArray();
    QVERIFY(perService.size() >= 3);
    QVERIFY(perCounter.size() >= 2);
    for (const QJsonValue &value : perService) {
        const QJsonObject block = value.toObject();
        problems += compareRow(
            model, model->rowOf(QStringLiteral("service"), block.value(u"service_id").toInt()),
            block);
    }
    for (const QJsonValue &value : perCounter) {
        const QJsonObject block = value.toObject();
        problems += compareRow(
            model, model->rowOf(QStringLiteral("counter"), block.value(u"counter_id").toInt()),
            block);
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
    QCOMPARE(model->rowCount(), int(1 + perService.size() + perCounter.size()));
    // How well the estimates matched: the walk-ins called today were predicted.
    const QJsonObject accuracy = api.value(u"eta_accuracy").toObject();
    const QString accuracyText = stats->accuracyLabel()->text();
    QVERIFY2(accuracy.value(u"samples").toInt() > 0, qPrintable(accuracyText));
    QVERIFY2(accuracyText.contains(
                 formatDuration(accuracy.value(u"mean_abs_error_seconds").toDouble())) &&
                 accuracyText.contains(QString::number(accuracy.value(u"samples").toInt())),
             qPrintable(accuracyText));
    if (QTest::currentTestFailed())
        return;

    checkCharts(stats, api);
    if (QTest::currentTestFailed())
        return;
    stats->groupBox()->setCurrentIndex(0);
}

void TestConsoleAdmin::statsLiveForToday()
{
    auto *stats = page<StatsPage>();
    m_tabs->setCurrentWidget(stats);
    stats->setLiveDelay(200);
    stats->showToday();
    QTRY_VERIFY_WITH_TIMEOUT(!m_queue->isStale(), 15000);
    QVERIFY(stats->isLive());
    QSignalSpy refreshed(stats, &StatsPage::refreshed);
    stats->refresh();
    QVERIFY(refreshed.wait(10000));
    for (int i = 0; i < 10 && refreshed.wait(500); ++i) {
    }
    const StatsTableModel *model = stats->model();
    const auto issuedNow = [model] {
        return model->index(model->rowOf(QStringLiteral("total")), StatsTableModel::IssuedColumn)
            .data(StatsTableModel::ValueRole)
            .toInt();
    };
    const int before = issuedNow();
    QCOMPARE(before, getObject(QStringLiteral("/api/stats"))
                         .value(u"totals")
                         .toObject()
                         .value(u"issued")
                         .toInt());

    // A token issued elsewhere: only its WebSocket event can tell the page.
    refreshed.clear();
    QCOMPARE(
        m_http->post(QStringLiteral("/api/tokens"), {{QStringLiteral("service_id"), 2}}).status,
        201);
    QTRY_COMPARE_WITH_TIMEOUT(issuedNow(), before + 1, 10000);
    QVERIFY(refreshed.count() >= 1);
    stats->setLiveDelay(2000);
}

void TestConsoleAdmin::screenshots_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("en") << "en";
    QTest::newRow("ar") << "ar";
}

namespace {
bool save(QWidget *window, const QString &name)
{
    const QString folder = QStringLiteral(NEXTUP_SCREENSHOT_DIR);
    return QDir().mkpath(folder) && window->grab().save(QDir(folder).filePath(name));
}

// History of two days at Counter C, with the second token's timeline open.
void shootHistory(QTabWidget *tabs, const QDate &today, const QString &name)
{
    auto *history = tabs->findChild<TokenHistoryPage *>();
    tabs->setCurrentWidget(history);
    QTRY_VERIFY_WITH_TIMEOUT(history->counterBox()->count() >= 4, 10000);
    history->fromEdit()->setDate(today.addDays(-1));
    history->toEdit()->setDate(today);
    history->counterBox()->setCurrentIndex(history->counterBox()->findData(3));
    QSignalSpy searched(history, &TokenHistoryPage::searchFinished);
    history->search();
    QVERIFY(searched.wait(10000));
    QSignalSpy shown(history, &TokenHistoryPage::timelineShown);
    history->table()->setCurrentIndex(history->model()->index(1, 0));
    QVERIFY(shown.wait(10000));
    QVERIFY(save(tabs, name));
}

void shootStatistics(QTabWidget *tabs, const QString &name)
{
    auto *stats = tabs->findChild<StatsPage *>();
    QSignalSpy refreshed(stats, &StatsPage::refreshed);
    tabs->setCurrentWidget(stats);
    QVERIFY(refreshed.wait(10000));
    QTest::qWait(200); // the charts lay out their axes from posted events
    QVERIFY(save(tabs, name));
}

// Branch 1's opening hours and closed dates, as the booking tests left them.
void shootBooking(QTabWidget *tabs, const QString &name)
{
    auto *booking = tabs->findChild<BookingPage *>();
    QSignalSpy loaded(booking, &BookingPage::loaded);
    tabs->setCurrentWidget(booking);
    booking->reload();
    QVERIFY(loaded.wait(10000));
    QTest::qWait(300); // the services' slot settings arrive one by one
    QVERIFY(save(tabs, name));
}

// The Services form with the server's validation messages under two fields.
void shootServices(QTabWidget *tabs, const QString &name)
{
    auto *services = tabs->findChild<ServicesPage *>();
    tabs->setCurrentWidget(services);
    QTRY_VERIFY_WITH_TIMEOUT(services->model()->rowCount() >= 3, 10000);
    services->startNew();
    QTest::keyClicks(services->codeEdit(), QStringLiteral("d1"));
    QSignalSpy failed(services, &CrudPage::saveFailed);
    services->save();
    QVERIFY(failed.wait(10000));
    QVERIFY(save(tabs, name));
}
} // namespace

void TestConsoleAdmin::screenshots()
{
    QFETCH(QString, language);
    const bool arabic = language == u"ar";
    const QLocale originalLocale;
    QTranslator translator;
    // Back to English whatever happens, for the functions after this one.
    const auto restore = qScopeGuard([&] {
        QCoreApplication::removeTranslator(&translator);
        QGuiApplication::setLayoutDirection(Qt::LeftToRight);
        QLocale::setDefault(originalLocale);
    });
    if (arabic) {
        QGuiApplication::setLayoutDirection(Qt::RightToLeft);
        QLocale::setDefault(QLocale(QLocale::Arabic, QLocale::Egypt));
        if (translator.load(QStringLiteral(":/i18n/console_ar.qm")))
            QCoreApplication::installTranslator(&translator);
        else
            qWarning(
                "No Arabic catalogue of the console (:/i18n/console_ar.qm): texts stay English");
    }
    // Fresh pages, built after the language was chosen, as the main window would build them.
    QTabWidget tabs;
    addAdminPages(&tabs, m_api.get(), m_queue.get());
    tabs.resize(1280, 720);
    tabs.show();
    QVERIFY(QTest::qWaitForWindowExposed(&tabs));
    const QDate today = QDate::fromString(todayText(), Qt::ISODate);
    const QString suffix = QStringLiteral("_%1.png").arg(language);
    shootHistory(&tabs, today, QStringLiteral("history") + suffix);
    if (QTest::currentTestFailed())
        return;
    shootStatistics(&tabs, QStringLiteral("statistics") + suffix);
    if (QTest::currentTestFailed())
        return;
    shootServices(&tabs, QStringLiteral("services") + suffix);
    if (QTest::currentTestFailed())
        return;
    shootBooking(&tabs, QStringLiteral("booking") + suffix);
    if (QTest::currentTestFailed())
        return;
    // Counter A in the Counters form, then the Users list.
    auto *counters = tabs.findChild<CountersPage *>();
    tabs.setCurrentWidget(counters);
    QTRY_VERIFY_WITH_TIMEOUT(counters->model()->rowOf(1) >= 0, 10000);
    counters->selectId(1);
    QCOMPARE(counters->currentId(), 1);
    QVERIFY(save(&tabs, QStringLiteral("counters") + suffix));
    // The lobby devices (reported by devicesLive(), which runs before).
    auto *devices = tabs.findChild<DevicesPage *>();
    tabs.setCurrentWidget(devices);
    QTRY_VERIFY_WITH_TIMEOUT(devices->model()->rowCount() >= 2, 10000);
    QVERIFY(save(&tabs, QStringLiteral("devices") + suffix));
    auto *users = tabs.findChild<UsersPage *>();
    tabs.setCurrentWidget(users);
    QTRY_VERIFY_WITH_TIMEOUT(users->model()->rowCount() >= 4, 10000);
    users->selectId(2);
    QCOMPARE(users->currentId(), 2); // right to left too
    QVERIFY(save(&tabs, QStringLiteral("users") + suffix));
}
