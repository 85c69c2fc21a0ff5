// Start-up while the server is away: the console says so on the sign-in page, with a countdown and
// a "Retry now" button, asks again with a growing wait (1 s, 2 s, 4 s … 30 s, with jitter), and
// once the real server answers on that address it is ready for the sign-in by itself. The waits
// themselves are checked on Backoff alone.

#include <chrono>

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

#include "app/consolesettings.h"
#include "app/mainwindow.h"
#include "consoletest.h"
#include "session/backoff.h"
#include "session/serverprobe.h"
#include "session/sessioncontroller.h"
#include "signin/signinpage.h"

using namespace std::chrono_literals;
using namespace Nextup::Console;
using namespace ConsoleTest;

namespace {
// Long enough for the server's start plus the longest wait the test can meet (8 s + 10 %).
constexpr int kRecovery = 40'000;

// A loopback port where nothing listens (for as long as nobody takes it).
int silentPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    return server.serverPort();
}
} // namespace

class TestConsoleStartup : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void backoff_data();
    void backoff();
    void startRetriesUntilTheServerAnswers();
    void signInToASilentAddressWaitsForIt();

private:
    // A settings file that points the console at `server` before its window exists.
    QString settingsFor(const QString &name, const QUrl &server);

    Backend m_backend;
    QTemporaryDir m_dir;
};

void TestConsoleStartup::initTestCase()
{
    // No D-Bus session: no keychain, and no developer's keychain touched.
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/nextup-test-bus");
    QVERIFY(m_dir.isValid());
    QVERIFY(m_backend.start(QStringLiteral("t_console_startup")));
}

void TestConsoleStartup::cleanup()
{
    m_backend.server().dumpIfFailed();
    if (!m_backend.server().isRunning())
        QVERIFY(m_backend.server().start());
}

QString TestConsoleStartup::settingsFor(const QString &name, const QUrl &server)
{
    const QString file = m_dir.filePath(name + QStringLiteral(".ini"));
    ConsoleSettings settings(file);
    settings.setServerUrl(server);
    settings.setLanguage(QStringLiteral("en"));
    settings.sync();
    return file;
}

void TestConsoleStartup::backoff_data()
{
    QTest::addColumn<double>("random"); // what the random source always gives
    QTest::addColumn<QList<int>>("waits");

    // Doubling from 1 s, capped at 30 s; jitter scales each wait by 0.9 to 1.1, never past the cap.
    QTest::newRow("middle: no jitter")
        << 0.5 << QList<int>{1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000};
    QTest::newRow("lowest: -10 %") << 0.0 << QList<int>{900, 1800, 3600, 7200, 14400, 27000, 27000};
    QTest::newRow("highest: +10 %, the cap holds")
        << 0.9999999 << QList<int>{1100, 2200, 4400, 8800, 17600, 30000, 30000};
}

void TestConsoleStartup::backoff()
{
    QFETCH(double, random);
    QFETCH(QList<int>, waits);

    Backoff backoff({}, [random] { return random; });
    for (qsizetype i = 0; i < waits.size(); ++i) {
        QCOMPARE(backoff.failures(), int(i));
        QCOMPARE(int(backoff.next().count()), waits.at(i));
    }
    for (int i = 0; i < 100; ++i) // a console left waiting all weekend
        QVERIFY(backoff.next() <= 30s);
    backoff.reset();
    QCOMPARE(backoff.failures(), 0);
    QCOMPARE(int(backoff.next().count()), waits.first());

    // The real random source stays within the jitter.
    Backoff real;
    for (int i = 0; i < 50; ++i) {
        const auto wait = real.next();
        const auto base =
            std::min<std::chrono::milliseconds>(30s, 1000ms * (1LL << std::min(i, 20)));
        QVERIFY(wait >= base * 9 / 10 &&
                wait <= std::min<std::chrono::milliseconds>(30s, base * 11 / 10));
    }
}

void TestConsoleStartup::startRetriesUntilTheServerAnswers()
{
    // The console starts while its server is down.
    const QUrl server = m_backend.baseUrl();
    m_backend.server().stop();
    ConsoleTest::Console console(settingsFor(QStringLiteral("startup"), server));
    ServerProbe *probe = console.window->serverProbe();
    QSignalSpy reached(probe, &ServerProbe::reachable);
    console.window->start();
    SignInPage *page = console.window->signInPage();
    QVERIFY(page);
    auto *message = child<QLabel>(page, "serverRetryMessage");
    auto *retryNow = child<QPushButton>(page, "retryNowButton");
    QVERIFY(message && retryNow);

    // It says so, with the address and a countdown, and offers to try at once.
    QTRY_VERIFY_WITH_TIMEOUT(page->isServerRetryShown(), kConverge);
    const QString expected =
        QStringLiteral("Cannot reach the server at %1 — retrying in ").arg(server.toString());
    QTRY_VERIFY2_WITH_TIMEOUT(message->text().startsWith(expected), qPrintable(message->text()),
                              kConverge);
    QVERIFY(retryNow->isVisible() && retryNow->isEnabled());
    QVERIFY(!child<QLabel>(page, "serverRetryDetail")->text().isEmpty());
    // The form stays usable: the address may be the thing to correct.
    QVERIFY(child<QLineEdit>(page, "serverField")->isEnabled());
    QVERIFY(child<QPushButton>(page, "signInButton")->isEnabled());
    QVERIFY(child<QLabel>(page, "signInMessage")->isHidden());
    const QStringList unnamed = unnamedControls(page);
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(u' ')));
    QVERIFY(!saveScreenshot(console.window.get(), QStringLiteral("signin_retrying_en")).isEmpty());
    QCoreApplication::processEvents();
    console.window->grab().save(QStringLiteral("/tmp/console-retrying.png"));

    // The countdown runs.
    const QString before = message->text();
    QTRY_VERIFY_WITH_TIMEOUT(message->text() != before, 3000);

    // "Retry now" asks at once; still nobody there, so the next wait is longer.
    QTRY_COMPARE_WITH_TIMEOUT(probe->state(), ServerProbe::State::Waiting, kConverge);
    const int failures = probe->failures();
    QTest::mouseClick(retryNow, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(probe->failures(), failures + 1, kConverge);
    QTRY_COMPARE_WITH_TIMEOUT(probe->state(), ServerProbe::State::Waiting, kConverge);
    QVERIFY(page->isServerRetryShown());
    QCOMPARE(reached.count(), 0);

    // The server comes up on that address: the console notices by itself, nobody clicks.
    QVERIFY(m_backend.server().start());
    QCOMPARE(m_backend.baseUrl(), server);
    QVERIFY(reached.count() == 1 || reached.wait(kRecovery));
    QVERIFY(reached.first().at(0).toInt() >= 2);
    QCOMPARE(console.window->signInPage(), page);
    QVERIFY(!page->isServerRetryShown());
    const QString notice = child<QLabel>(page, "signInMessage")->text();
    QVERIFY2(
        notice.startsWith(QStringLiteral("The server at %1 answers again").arg(server.toString())),
        qPrintable(notice));
    // And the sign-in works.
    QVERIFY(signIn(*console.window, server, QStringLiteral("operator1"),
                   QStringLiteral("operator123")));
    QCOMPARE(probe->state(), ServerProbe::State::Idle);
}

void TestConsoleStartup::signInToASilentAddressWaitsForIt()
{
    // A typo in the address: the sign-in meets silence, the page says it keeps trying there (not
    // a one-off error), and correcting the address signs in.
    const QUrl silent(QStringLiteral("http://127.0.0.1:%1").arg(silentPort()));
    QVERIFY(silent.port() > 0);
    ConsoleTest::Console console(settingsFor(QStringLiteral("typo"), m_backend.baseUrl()));
    console.window->start();
    SignInPage *page = console.window->signInPage();
    QVERIFY(page);
    QTRY_COMPARE_WITH_TIMEOUT(console.window->serverProbe()->state(), ServerProbe::State::Reachable,
                              kConverge);
    QVERIFY(!page->isServerRetryShown());

    auto *serverField = child<QLineEdit>(page, "serverField");
    serverField->clear();
    QTest::keyClicks(serverField, silent.toString());
    QTest::keyClicks(child<QLineEdit>(page, "usernameField"), QStringLiteral("operator1"));
    QTest::keyClicks(child<QLineEdit>(page, "passwordField"), QStringLiteral("operator123"));
    QSignalSpy unreachable(console.window->session(), &SessionController::serverUnreachable);
    QTest::mouseClick(child<QPushButton>(page, "signInButton"), Qt::LeftButton);
    QVERIFY(unreachable.wait(kConverge));
    QVERIFY(page->isServerRetryShown());
    const QString text = child<QLabel>(page, "serverRetryMessage")->text();
    QVERIFY2(
        text.startsWith(
            QStringLiteral("Cannot reach the server at %1 — retrying in ").arg(silent.toString())),
        qPrintable(text));
    QVERIFY(child<QLabel>(page, "signInMessage")->isHidden());

    QVERIFY(signIn(*console.window, m_backend.baseUrl(), QStringLiteral("operator1"),
                   QStringLiteral("operator123")));
    QCOMPARE(console.window->serverProbe()->state(), ServerProbe::State::Idle);
}

QTEST_MAIN(TestConsoleStartup)
#include "tst_console_startup.moc"
