// tst_console_operator, second half: the pause and transfer dialogs, "remember me" without a
// keychain, the screenshots in English and Arabic, and an expired session.

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

void TestConsoleOperator::pauseAndTransferThroughDialogs()
{
    // A token of Withdrawal at the counter, sent on to Passbook (served at Counter B only).
    const qint64 token = m_backend.issueToken(2, 9);
    QTRY_VERIFY_WITH_TIMEOUT(listedTokens(window()).value(0) == token, kConverge);
    QVERIFY(act(CounterAction::Call, true));
    QCOMPARE(page()->workPanel()->token()->id, token);
    const QString arrival =
        m_backend.http()
            .get(QStringLiteral("/api/tokens/%1").arg(token), m_backend.adminToken())
            .object()
            .value(u"token")
            .toObject()
            .value(u"arrival_at")
            .toString();

    window().activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window()));
    QVERIFY(button(CounterAction::Transfer)->isEnabled());
    QTest::keyClick(&window(), Qt::Key_F10); // a button's shortcut clicks it 100 ms later
    TransferDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = page()->findChild<TransferDialog *>(QStringLiteral("transferDialog"))));
    QTRY_VERIFY(dialog->isVisible());
    auto *services = child<QComboBox>(dialog, "transferService");
    services->setCurrentIndex(services->findData(3));
    QTest::keyClicks(child<QLineEdit>(dialog, "transferReason"),
                     QStringLiteral("needs a passbook"));
    QSignalSpy finished(page(), &OperatorPage::actionFinished);
    dialog->accept();
    QVERIFY(finished.wait(kConverge));
    QVERIFY2(finished.last().at(1).toBool(), qPrintable(page()->workPanel()->message()));
    QCOMPARE(currentNumber(), QStringLiteral("—"));
    const QJsonObject moved =
        m_backend.http()
            .get(QStringLiteral("/api/tokens/%1").arg(token), m_backend.adminToken())
            .object()
            .value(u"token")
            .toObject();
    QCOMPARE(moved.value(u"service_id").toInt(), 3);
    QCOMPARE(moved.value(u"status").toString(), QStringLiteral("waiting"));
    QCOMPARE(moved.value(u"arrival_at").toString(), arrival); // keeps its place
    QTRY_VERIFY_WITH_TIMEOUT(!listedTokens(window()).contains(token), kConverge);

    // Pause with a reason: the counter says so, and calling waits for "Resume".
    QTest::mouseClick(child<QPushButton>(page(), "pauseButton"), Qt::LeftButton);
    auto *pause = page()->findChild<QInputDialog *>(QStringLiteral("pauseDialog"));
    QVERIFY(pause);
    pause->setTextValue(QStringLiteral("Lunch"));
    pause->accept();
    QVERIFY(finished.wait(kConverge));
    QVERIFY(finished.last().at(1).toBool());
    QTRY_COMPARE_WITH_TIMEOUT(child<QLabel>(page(), "counterStatus")->text(),
                              QStringLiteral("Paused: Lunch"), kConverge);
    QVERIFY(!button(CounterAction::Call)->isEnabled());
    auto *open = child<QPushButton>(page(), "openButton");
    QCOMPARE(open->text(), QStringLiteral("&Resume"));
    QTest::mouseClick(open, Qt::LeftButton);
    QVERIFY(finished.wait(kConverge));
    QTRY_VERIFY_WITH_TIMEOUT(button(CounterAction::Call)->isEnabled(), kConverge);
}

void TestConsoleOperator::noKeychainMeansNothingStored()
{
    ConsoleTest::Console console(m_dir.filePath(QStringLiteral("nokeychain.ini")));
    console.window->start();
    SignInPage *signInPage = console.window->signInPage();
    QVERIFY(signInPage);
    auto *remember = child<QCheckBox>(signInPage, "rememberBox");
    auto *note = child<QLabel>(signInPage, "keychainNote");
    QTest::mouseClick(remember, Qt::LeftButton, {}, QPoint(8, remember->height() / 2));
    QTRY_VERIFY_WITH_TIMEOUT(!note->isHidden(), kConverge);
    QVERIFY(note->text().contains(QStringLiteral("No system keychain")));
    QVERIFY(!remember->isChecked());
    QVERIFY(!remember->isEnabled());

    // Even when asked to remember (e.g. the keychain vanished after the check): nothing stored.
    QSignalSpy failed(console.window->session(), &SessionController::rememberFailed);
    QSignalSpy shown(console.window.get(), &MainWindow::workspaceShown);
    console.window->session()->signIn(m_backend.baseUrl(), QStringLiteral("operator2"),
                                      QStringLiteral("operator123"), true);
    QVERIFY(failed.wait(kConverge));
    QVERIFY(failed.first().at(0).toString().contains(QStringLiteral("Nothing was saved")));
    QVERIFY(shown.count() == 1 || shown.wait(kConverge));
    const QString refreshToken = console.window->api()->refreshToken();
    QVERIFY(!refreshToken.isEmpty());
    console.settings->sync();
    QCOMPARE(console.settings->rememberedUsername(), QString());
    QFile file(console.settings->fileName());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray stored = file.readAll();
    QVERIFY(!stored.contains(refreshToken.toUtf8()));
    QVERIFY(!stored.contains("operator123"));
    console.window->session()->signOut();

    // The next start asks for the password again.
    ConsoleTest::Console next(m_dir.filePath(QStringLiteral("nokeychain.ini")));
    QSignalSpy nextShown(next.window.get(), &MainWindow::workspaceShown);
    next.window->start();
    QVERIFY(next.window->signInPage());
    QVERIFY(!nextShown.wait(1000));
}

void TestConsoleOperator::screenshotsInEnglishAndArabic()
{
    // The operator view with a token at the counter and a line behind it.
    const qint64 vip =
        m_backend.issueToken(1, 7, {{QStringLiteral("name"), QStringLiteral("María José Ruiz")}});
    QTRY_VERIFY_WITH_TIMEOUT(listedTokens(window()).value(0) == vip, kConverge);
    QVERIFY(act(CounterAction::Call, true));
    QCOMPARE(page()->workPanel()->token()->id, vip);
    QVERIFY(act(CounterAction::Recall, true));
    QVERIFY(act(CounterAction::Serve, true));
    QVERIFY(m_backend.issueToken(2, 4) > 0); // a priority token in the line: marked
    QTRY_VERIFY_WITH_TIMEOUT(!child<QLabel>(page(), "currentRecalls")->text().isEmpty(), kConverge);
    QTRY_VERIFY_WITH_TIMEOUT(child<QTableView>(page(), "waitingList")
                                 ->model()
                                 ->index(0, WaitingTableModel::PriorityColumn)
                                 .data()
                                 .toString()
                                 .contains(u'4'),
                             kConverge);
    QTRY_VERIFY_WITH_TIMEOUT(!child<QLabel>(page(), "currentService")->text().isEmpty(), kConverge);
    QVERIFY2(unnamedControls(page()).isEmpty(), qPrintable(unnamedControls(page()).join(u' ')));
    QVERIFY(!saveScreenshot(&window(), QStringLiteral("operator_en")).isEmpty());

    window().setLanguage(QStringLiteral("ar"));
    QCOMPARE(QApplication::layoutDirection(), Qt::RightToLeft);
    QVERIFY(page());
    QVERIFY(button(CounterAction::Call)->accessibleName() != QStringLiteral("Call next"));
    QTRY_VERIFY_WITH_TIMEOUT(currentNumber() != QStringLiteral("—"), kConverge);
    // The rebuilt page fetches the token's details and the day's figures again.
    QTRY_VERIFY_WITH_TIMEOUT(!child<QLabel>(page(), "currentService")->text().isEmpty(), kConverge);
    QTRY_VERIFY_WITH_TIMEOUT(page()->myDayPanel()->servedToday() >= 0, kConverge);
    // Mirrored: the work panel, first in the layout, now sits on the right.
    QVERIFY(page()->workPanel()->x() > page()->queuePanel()->x());
    QVERIFY(!saveScreenshot(&window(), QStringLiteral("operator_ar")).isEmpty());

    window().setLanguage(QStringLiteral("es"));
    QVERIFY(button(CounterAction::Call)->accessibleName() != QStringLiteral("Call next"));
    QCOMPARE(QApplication::layoutDirection(), Qt::LeftToRight);
    // Back to English: translators are per application, and the next consoles add their own.
    window().setLanguage(QStringLiteral("en"));

    for (const QString &language : {QStringLiteral("en"), QStringLiteral("ar")}) {
        ConsoleTest::Console console(m_dir.filePath(QStringLiteral("shots.ini")));
        console.settings->setLanguage(language);
        console.window->setLanguage(language);
        console.window->start();
        QVERIFY(console.window->signInPage());
        const QString signInText =
            child<QPushButton>(console.window->signInPage(), "signInButton")->text();
        QVERIFY2((language == u"en") == (signInText == QStringLiteral("&Sign in")),
                 qPrintable(signInText));
        const QStringList unnamed = unnamedControls(console.window->signInPage());
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(u' ')));
        QVERIFY(
            !saveScreenshot(console.window.get(), QStringLiteral("signin_") + language).isEmpty());
    }
}

void TestConsoleOperator::expiredSessionReturnsToSignIn()
{
    // The session's refresh token family is revoked (as on "sign out everywhere" or reuse): the
    // next refresh is refused and the console goes back to sign-in and says why.
    const QString refreshToken = window().api()->refreshToken();
    QVERIFY(!refreshToken.isEmpty());
    QCOMPARE(m_backend.http()
                 .post(QStringLiteral("/api/auth/logout"),
                       {{QStringLiteral("refresh_token"), refreshToken}})
                 .status,
             204);
    QSignalSpy signInShown(&window(), &MainWindow::signInShown);
    window().api()->refresh();
    QVERIFY(signInShown.wait(kConverge));
    QVERIFY(window().signInPage());
    const QString message = child<QLabel>(window().signInPage(), "signInMessage")->text();
    QVERIFY2(message.startsWith(QStringLiteral("Your session has ended")), qPrintable(message));
    QVERIFY(!window().api()->isLoggedIn());
    QVERIFY(!saveScreenshot(&window(), QStringLiteral("signin_expired_en")).isEmpty());
}

void TestConsoleOperator::adminSeesAdminPages()
{
    // Runs after expiredSessionReturnsToSignIn: the window is at sign-in again.
    QVERIFY(window().signInPage());
    QVERIFY(
        signIn(window(), m_backend.baseUrl(), QStringLiteral("admin"), QStringLiteral("admin123")));
    QStringList tabs;
    for (int i = 0; i < window().workspace()->count(); ++i)
        tabs.append(window().workspace()->tabText(i).remove(u'&'));
    QCOMPARE(tabs, (QStringList{QStringLiteral("Counter"), QStringLiteral("Appointments"),
                                QStringLiteral("Services"), QStringLiteral("Counters"),
                                QStringLiteral("Users"), QStringLiteral("Booking"),
                                QStringLiteral("History"), QStringLiteral("Statistics"),
                                QStringLiteral("Devices")}));
}
