// "Remember me" with a real Secret Service (gnome-keyring in a private D-Bus session, started by
// with-keyring.sh): the refresh token, never the password, goes to the keychain; the next start
// signs in by itself, also after the token has rotated, and keeps it while the server is down;
// signing out forgets it.

#include <QCheckBox>
#include <QFile>
#include <QLabel>
#include <QSignalSpy>
#include <QTest>

#include "app/consolesettings.h"
#include "app/mainwindow.h"
#include "consoletest.h"
#include "nextup/client/apiclient.h"
#include "session/credentialstore.h"
#include "session/sessioncontroller.h"
#include "signin/signinpage.h"

using namespace Nextup;
using namespace Nextup::Console;
using namespace ConsoleTest;

class TestConsoleKeychain : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void rememberedSessionSignsInByItself();
    void rememberedSessionWaitsForTheServer();

private:
    // What the keychain holds for the key now (empty when nothing).
    QString keychainValue(CredentialStore &store, const QString &key, bool *found = nullptr);

    Backend m_backend;
    QTemporaryDir m_dir;
};

void TestConsoleKeychain::initTestCase()
{
    QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"),
             "run through tests/console/with-keyring.sh (a private Secret Service)");
    QVERIFY(m_dir.isValid());
    QVERIFY(m_backend.start(QStringLiteral("t_console_keychain")));
}

QString TestConsoleKeychain::keychainValue(CredentialStore &store, const QString &key, bool *found)
{
    CredentialStore::Result answer;
    bool done = false;
    store.read(key, this, [&](const CredentialStore::Result &result) {
        answer = result;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, kConverge))
        qWarning("the keychain did not answer");
    if (answer.outcome == CredentialStore::Result::Outcome::Unavailable)
        qWarning("keychain unavailable: %s", qPrintable(answer.message));
    if (found)
        *found = answer.ok();
    return answer.secret;
}

void TestConsoleKeychain::rememberedSessionSignsInByItself()
{
    const QString settingsFile = m_dir.filePath(QStringLiteral("keychain.ini"));
    const QString key = SessionController::keyFor(m_backend.baseUrl(), QStringLiteral("operator1"));
    QString firstToken;
    {
        ConsoleTest::Console console(settingsFile);
        console.window->start();
        QVERIFY(console.window->signInPage());
        auto *remember = child<QCheckBox>(console.window->signInPage(), "rememberBox");
        QSignalSpy checked(console.window->session(), &SessionController::keychainChecked);
        QTest::mouseClick(remember, Qt::LeftButton, {}, QPoint(8, remember->height() / 2));
        QVERIFY(remember->isChecked());
        QVERIFY(checked.wait(kConverge));
        QVERIFY2(checked.first().at(0).toBool(), qPrintable(checked.first().at(1).toString()));
        QVERIFY(remember->isEnabled() && remember->isChecked());
        QVERIFY(child<QLabel>(console.window->signInPage(), "keychainNote")->isHidden());
        QVERIFY(signIn(*console.window, m_backend.baseUrl(), QStringLiteral("operator1"),
                       QStringLiteral("operator123"), true));
        QTRY_COMPARE_WITH_TIMEOUT(console.settings->rememberedUsername(),
                                  QStringLiteral("operator1"), kConverge);
        firstToken = console.window->api()->refreshToken();
        QCOMPARE(keychainValue(*console.keychain, key), firstToken);
        QVERIFY(firstToken != QStringLiteral("operator123"));
        console.settings->sync();
        QFile file(console.settings->fileName());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray stored = file.readAll();
        QVERIFY(!stored.contains(firstToken.toUtf8()));
        QVERIFY(!stored.contains("operator123"));
    }
    QString secondToken;
    {
        // The next start: no typing at all.
        ConsoleTest::Console console(settingsFile);
        QSignalSpy shown(console.window.get(), &MainWindow::workspaceShown);
        console.window->start();
        QVERIFY(shown.wait(kConverge));
        QCOMPARE(console.window->api()->username(), QStringLiteral("operator1"));
        // The refresh spent the stored token; the keychain holds the new one.
        secondToken = console.window->api()->refreshToken();
        QVERIFY(secondToken != firstToken);
        QTRY_COMPARE_WITH_TIMEOUT(keychainValue(*console.keychain, key), secondToken, kConverge);
    }
    {
        // The server is down at start: the console says so and keeps the remembered session.
        m_backend.server().stop();
        ConsoleTest::Console console(settingsFile);
        QSignalSpy failed(console.window->session(), &SessionController::signInFailed);
        console.window->start();
        QVERIFY(failed.wait(kConverge));
        QVERIFY2(
            failed.first().at(0).toString().startsWith(QStringLiteral("Cannot reach the server")),
            qPrintable(failed.first().at(0).toString()));
        QVERIFY(console.window->signInPage());
        QCOMPARE(console.settings->rememberedUsername(), QStringLiteral("operator1"));
        QCOMPARE(keychainValue(*console.keychain, key), secondToken);
    }
    // Restarted once that console is gone: it would otherwise restore the session by itself
    // (rememberedSessionWaitsForTheServer) and could be closed between the server rotating the
    // token and the keychain storing the new one.
    QVERIFY(m_backend.server().start());
    {
        // And again, with the rotated token; then signing out forgets it.
        ConsoleTest::Console console(settingsFile);
        QSignalSpy shown(console.window.get(), &MainWindow::workspaceShown);
        console.window->start();
        QVERIFY(shown.wait(kConverge));
        QSignalSpy signInShown(console.window.get(), &MainWindow::signInShown);
        console.window->session()->signOut();
        QVERIFY(signInShown.count() == 1);
        QCOMPARE(console.settings->rememberedUsername(), QString());
        bool found = true;
        QTRY_VERIFY_WITH_TIMEOUT((keychainValue(*console.keychain, key, &found), !found),
                                 kConverge);
    }
    {
        ConsoleTest::Console console(settingsFile);
        QSignalSpy shown(console.window.get(), &MainWindow::workspaceShown);
        console.window->start();
        QVERIFY(console.window->signInPage());
        QVERIFY(!shown.wait(1000));
    }
}

void TestConsoleKeychain::rememberedSessionWaitsForTheServer()
{
    // Started while the server is down, the console keeps asking, and restores the remembered
    // session by itself once the server answers: nobody clicks anything.
    const QString settingsFile = m_dir.filePath(QStringLiteral("waits.ini"));
    const QString key = SessionController::keyFor(m_backend.baseUrl(), QStringLiteral("operator1"));
    {
        ConsoleTest::Console console(settingsFile);
        console.window->start();
        auto *remember = child<QCheckBox>(console.window->signInPage(), "rememberBox");
        QSignalSpy checked(console.window->session(), &SessionController::keychainChecked);
        QTest::mouseClick(remember, Qt::LeftButton, {}, QPoint(8, remember->height() / 2));
        QVERIFY(checked.wait(kConverge));
        QVERIFY(signIn(*console.window, m_backend.baseUrl(), QStringLiteral("operator1"),
                       QStringLiteral("operator123"), true));
        const QString token = console.window->api()->refreshToken();
        QTRY_COMPARE_WITH_TIMEOUT(keychainValue(*console.keychain, key), token, kConverge);
    }
    m_backend.server().stop();
    ConsoleTest::Console console(settingsFile);
    QSignalSpy shown(console.window.get(), &MainWindow::workspaceShown);
    console.window->start();
    QVERIFY(console.window->signInPage());
    QTRY_VERIFY_WITH_TIMEOUT(console.window->signInPage()->isServerRetryShown(), kConverge);
    QVERIFY(child<QLabel>(console.window->signInPage(), "serverRetryMessage")
                ->text()
                .startsWith(QStringLiteral("Cannot reach the server at ")));
    QVERIFY(m_backend.server().start());
    QVERIFY(shown.count() == 1 || shown.wait(40'000));
    QCOMPARE(console.window->api()->username(), QStringLiteral("operator1"));
    const QString rotated = console.window->api()->refreshToken();
    QTRY_COMPARE_WITH_TIMEOUT(keychainValue(*console.keychain, key), rotated, kConverge);
    console.window->session()->signOut();
    bool found = true;
    QTRY_VERIFY_WITH_TIMEOUT((keychainValue(*console.keychain, key, &found), !found), kConverge);
}

QTEST_MAIN(TestConsoleKeychain)
#include "tst_console_keychain.moc"
