// The operator's console against a real server: sign in, open a counter, call, serve and complete
// through the real widgets and keys; the waiting list follows WebSocket events; refusals are
// explained; a stopped server shows the stale banner and the list comes back equal to
// GET /api/queues; without a keychain nothing is remembered. Saves screenshots in English and
// Arabic.

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

#include "app/consolesettings.h"
#include "app/mainwindow.h"
#include "app/translations.h"
#include "nextup/client/apiclient.h"
#include "nextup/client/queueclient.h"
#include "operator/counterbar.h"
#include "operator/mydaypanel.h"
#include "operator/operatorpage.h"
#include "operator/queuepanel.h"
#include "operator/transferdialog.h"
#include "operator/waitingtablemodel.h"
#include "operator/workpanel.h"
#include "operatortest.h"
#include "session/sessioncontroller.h"
#include "signin/signinpage.h"

using namespace Nextup;
using namespace Nextup::Console;
using namespace ConsoleTest;

void TestConsoleOperator::initTestCase()
{
    // No D-Bus session: QtKeychain finds no backend, and a developer's real keychain is never
    // touched by this suite (tst_console_keychain runs with a throwaway one).
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/nextup-test-bus");
    QVERIFY(m_dir.isValid());
    QVERIFY(m_backend.start(QStringLiteral("t_console_op")));
    m_console = std::make_unique<ConsoleTest::Console>(m_dir.filePath(QStringLiteral("op.ini")));
    m_console->settings->setLanguage(QStringLiteral("en"));
    m_console->translations->apply(QStringLiteral("en"));
    window().start();
    QVERIFY(QTest::qWaitForWindowActive(&window()));
}

void TestConsoleOperator::cleanup()
{
    m_backend.server().dumpIfFailed();
    if (!m_backend.server().isRunning()) // a failed outage test must not fail the rest
        QVERIFY(m_backend.server().start());
}

bool TestConsoleOperator::act(CounterAction action, bool byKey)
{
    QSignalSpy finished(page(), &OperatorPage::actionFinished);
    QPushButton *target = button(action);
    if (!target->isEnabled()) {
        qWarning("%s is disabled", qPrintable(target->objectName()));
        return false;
    }
    if (byKey) {
        // Shortcuts go to the active window only (other test windows may have taken it).
        window().activateWindow();
        if (!QTest::qWaitForWindowActive(&window()))
            qWarning("the console window is not active");
        QTest::keyClick(&window(), Qt::Key(WorkPanel::shortcutFor(action)[0].key()));
    } else {
        QTest::mouseClick(target, Qt::LeftButton);
    }
    if (!finished.wait(kConverge))
        return false;
    if (!finished.last().at(1).toBool())
        qWarning("refused: %s", qPrintable(page()->workPanel()->message()));
    return finished.last().at(1).toBool();
}

void TestConsoleOperator::serveTokenThroughTheWidgets()
{
    const qint64 first =
        m_backend.issueToken(1, 0, {{QStringLiteral("name"), QStringLiteral("Ana Pérez")}});
    QVERIFY(first > 0);
    QVERIFY(signIn(window(), m_backend.baseUrl(), QStringLiteral("operator1"),
                   QStringLiteral("operator123"), false, true)); // typed, then Return
    QCOMPARE(window().workspace()->count(), 2); // an operator: the counter and appointments
    QVERIFY(chooseCounter(window(), 1));
    QCOMPARE(m_console->settings->counterId(m_backend.baseUrl()), 1); // remembered on this machine
    QTRY_COMPARE_WITH_TIMEOUT(listedTokens(window()), m_backend.callableAt(1), kConverge);
    QVERIFY(listedTokens(window()).contains(first));

    // Closed counter: only "Open" is possible.
    auto *open = child<QPushButton>(page(), "openButton");
    QVERIFY(open->isEnabled());
    QVERIFY(!button(CounterAction::Call)->isEnabled());
    QSignalSpy finished(page(), &OperatorPage::actionFinished);
    QTest::mouseClick(open, Qt::LeftButton);
    QVERIFY(finished.wait(kConverge));
    QVERIFY(finished.last().at(1).toBool());
    QTRY_VERIFY_WITH_TIMEOUT(button(CounterAction::Call)->isEnabled(), kConverge);
    QVERIFY(!button(CounterAction::Serve)->isEnabled());
    QVERIFY(button(CounterAction::Call)->text().contains(QStringLiteral("F5")));

    QVERIFY(act(CounterAction::Call, true)); // F5
    const HttpReply token =
        m_backend.http().get(QStringLiteral("/api/tokens/%1").arg(first), m_backend.adminToken());
    const QString number =
        token.object().value(u"token").toObject().value(u"token_number").toString();
    QCOMPARE(currentNumber(), number);
    QVERIFY(child<QLabel>(page(), "currentCustomer")->text().contains(QStringLiteral("Ana Pérez")));
    QVERIFY(!button(CounterAction::Call)->isEnabled()); // 409 while called: not offered
    QVERIFY(!button(CounterAction::Complete)->isEnabled());
    QVERIFY(button(CounterAction::Recall)->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(!listedTokens(window()).contains(first), kConverge);

    QVERIFY(act(CounterAction::Serve, false)); // clicked
    QCOMPARE(child<QLabel>(page(), "currentState")->text(), QStringLiteral("Serving"));
    QVERIFY(!button(CounterAction::Serve)->isEnabled());
    QVERIFY(act(CounterAction::Complete, false));
    QCOMPARE(currentNumber(), QStringLiteral("—"));

    // The server's history has it, done by operator1 at Counter A.
    const HttpReply history = m_backend.http().get(
        QStringLiteral("/api/tokens?counter_id=1&status=completed"), m_backend.adminToken());
    QCOMPARE(history.status, 200);
    bool found = false;
    for (const QJsonValue &item : history.object().value(u"items").toArray()) {
        const QJsonObject row = item.toObject();
        if (row.value(u"id").toInteger() == first) {
            found = true;
            QCOMPARE(row.value(u"operator_id").toInt(), 2);
            QVERIFY(!row.value(u"serving_at").isNull());
        }
    }
    QVERIFY2(found, history.body.constData());
    QTRY_COMPARE_WITH_TIMEOUT(page()->myDayPanel()->servedToday(), 1, kConverge);
    QVERIFY(child<QLabel>(page(), "servedToday")->text().contains(u'1'));
}

void TestConsoleOperator::waitingListFollowsEvents()
{
    QueueClient *queue = window().queueClient();
    QTRY_VERIFY_WITH_TIMEOUT(!queue->isStale(), kConverge);
    QSignalSpy resynced(queue, &QueueClient::resynced);
    QSignalSpy events(queue, &QueueClient::eventReceived);
    const qint64 plain = m_backend.issueToken(2);
    const qint64 urgent = m_backend.issueToken(1, 5);
    const qint64 elsewhere = m_backend.issueToken(3); // Passbook: not served at Counter A
    QTRY_VERIFY_WITH_TIMEOUT(
        listedTokens(window()).contains(plain) && listedTokens(window()).contains(urgent), 5000);
    QCOMPARE(resynced.count(), 0); // from the events, not from a new snapshot
    QVERIFY(events.count() >= 2);
    QCOMPARE(listedTokens(window()).first(), urgent); // priority first
    QVERIFY(!listedTokens(window()).contains(elsewhere));
    QCOMPARE(listedTokens(window()), m_backend.callableAt(1));
    auto *view = child<QTableView>(page(), "waitingList");
    QVERIFY(view->model()
                ->index(0, WaitingTableModel::PriorityColumn)
                .data()
                .toString()
                .contains(QStringLiteral("5")));
    QVERIFY(child<QLabel>(page(), "serviceCounts")->text().contains(QStringLiteral("Withdrawal")));
}

void TestConsoleOperator::refusalsAreExplained()
{
    QVERIFY(act(CounterAction::Call, true));
    QVERIFY(button(CounterAction::Recall)->isEnabled());

    // Events stop reaching the console; meanwhile an admin skips the token at the server.
    QueueClient *queue = window().queueClient();
    queue->stop();
    QCOMPARE(m_backend.adminPost(QStringLiteral("/api/counters/1/skip")), 200);
    QVERIFY(act(CounterAction::Recall, false) == false);
    QVERIFY2(page()->workPanel()->message().startsWith(QStringLiteral("Not possible right now")),
             qPrintable(page()->workPanel()->message()));

    queue->start(); // back in step: nothing at the counter any more
    QTRY_COMPARE_WITH_TIMEOUT(currentNumber(), QStringLiteral("—"), kConverge);
    QTRY_VERIFY_WITH_TIMEOUT(!queue->isStale(), kConverge);

    // The counter is closed and taken by operator2 behind the console's back: 403.
    queue->stop();
    QCOMPARE(m_backend.adminPost(QStringLiteral("/api/counters/1/close")), 200);
    HttpClient other(m_backend.baseUrl());
    const QString operator2 =
        other.login(QStringLiteral("operator2"), QStringLiteral("operator123"));
    QCOMPARE(other.post(QStringLiteral("/api/counters/1/open"), {}, operator2).status, 200);
    QVERIFY(button(CounterAction::Call)->isEnabled()); // the console does not know yet
    QVERIFY(!act(CounterAction::Call, true));
    QVERIFY2(page()->workPanel()->message().startsWith(QStringLiteral("Not allowed")),
             qPrintable(page()->workPanel()->message()));

    queue->start();
    QTRY_VERIFY_WITH_TIMEOUT(!queue->isStale(), kConverge);
    QTRY_VERIFY_WITH_TIMEOUT(!button(CounterAction::Call)->isEnabled(), kConverge);
    QVERIFY(!child<QPushButton>(page(), "openButton")->isEnabled());
    QVERIFY(child<QLabel>(page(), "counterStatus")->text().contains(QStringLiteral("another")));
    QCOMPARE(m_backend.adminPost(QStringLiteral("/api/counters/1/close")), 200);
    QTRY_VERIFY_WITH_TIMEOUT(child<QPushButton>(page(), "openButton")->isEnabled(), kConverge);
}

void TestConsoleOperator::staleBannerWhileServerIsDown()
{
    QSignalSpy finished(page(), &OperatorPage::actionFinished);
    QTest::mouseClick(child<QPushButton>(page(), "openButton"), Qt::LeftButton);
    QVERIFY(finished.wait(kConverge));
    QLabel *banner = page()->staleBanner();
    QTRY_VERIFY_WITH_TIMEOUT(banner->isHidden(), kConverge);

    m_backend.server().stop();
    QTRY_VERIFY_WITH_TIMEOUT(!banner->isHidden(), 5000);
    QVERIFY(banner->text().contains(QStringLiteral("Reconnecting")));
    // The world moves on through another server instance while this one is down.
    {
        ServerProcess second(m_backend.postgresUrl(), m_backend.redisUrl());
        second.setEnvironmentValue(QStringLiteral("TOKEN_RATE_PER_MINUTE"),
                                   QStringLiteral("100000"));
        QVERIFY(second.start());
        HttpClient http(second.baseUrl());
        const QString admin = http.login(QStringLiteral("admin"), QStringLiteral("admin123"));
        for (int service : {1, 2, 2})
            QCOMPARE(http.post(QStringLiteral("/api/tokens"),
                               {{QStringLiteral("service_id"), service}}, admin)
                         .status,
                     201);
        QCOMPARE(http.post(QStringLiteral("/api/counters/3/open"), {}, admin).status, 200);
        QCOMPARE(http.post(QStringLiteral("/api/counters/3/call"), {}, admin).status, 200);
    }
    QVERIFY(!banner->isHidden());

    QVERIFY(m_backend.server().start());
    QTRY_VERIFY_WITH_TIMEOUT(banner->isHidden(), 20'000);
    QTRY_COMPARE_WITH_TIMEOUT(listedTokens(window()), m_backend.callableAt(1), kConverge);
    QCOMPARE(child<QLabel>(&window(), "connectionStatus")->text(), QStringLiteral("● Live"));
}

QTEST_MAIN(TestConsoleOperator)
