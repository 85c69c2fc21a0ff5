// Runs the browser end-to-end tests (booking.e2e.mjs for walk-in tokens, appointments.e2e.mjs for
// booked times, offline.e2e.mjs for the manifest, the service worker with the network cut and the
// focus ring's contrast: playwright-core driving Debian's headless Chromium) against a real
// nextup-server with its own Postgres and Redis. Skipped, with a message that CTest turns into
// SKIP, when node, Chromium or tests/e2e/node_modules is missing; scripts/test.sh runs `npm ci`
// first, so CI always runs it.
#include <memory>

#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>

#include "seededserver.h"
#include "serverprocess.h"
#include "testservices.h"

namespace {
const char *const kSkipMark = "E2E-SKIPPED"; // CTest's SKIP_REGULAR_EXPRESSION (CMakeLists.txt)
const int kBrowserTimeoutMs = 120'000;       // one scenario file
const char *const kDatabase = "t_e2e";

QString chromiumPath()
{
    const QString configured = qEnvironmentVariable("NEXTUP_CHROMIUM");
    if (!configured.isEmpty())
        return configured;
    for (const QString &candidate :
         {QStringLiteral("/usr/bin/chromium"), QStringLiteral("/usr/bin/chromium-browser")}) {
        if (QFileInfo(candidate).isExecutable())
            return candidate;
    }
    return {};
}
} // namespace

class TestE2eBrowser : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void bookingPage();
    void appointments();
    void offlineAndFocus();

private:
    void runScenario(const QString &script);
    bool answer(const QByteArray &command);
    bool expireBooking(qint64 tokenId);

    QString m_node;
    QString m_chromium;
    TestServices m_services;
    std::unique_ptr<ServerProcess> m_server;
};

void TestE2eBrowser::initTestCase()
{
    m_node = QStandardPaths::findExecutable(QStringLiteral("node"));
    m_chromium = chromiumPath();
    const QString module =
        QStringLiteral(NEXTUP_E2E_DIR "/node_modules/playwright-core/package.json");
    if (m_node.isEmpty())
        QSKIP(
            qPrintable(QStringLiteral("%1: node is not installed").arg(QLatin1String(kSkipMark))));
    if (m_chromium.isEmpty())
        QSKIP(
            qPrintable(QStringLiteral("%1: no Chromium at /usr/bin/chromium (set NEXTUP_CHROMIUM)")
                           .arg(QLatin1String(kSkipMark))));
    if (!QFileInfo::exists(module))
        QSKIP(qPrintable(
            QStringLiteral("%1: %2 is missing; run `npm ci` in tests/e2e (scripts/test.sh does)")
                .arg(QLatin1String(kSkipMark), module)));

    QVERIFY(m_services.start());
    // The page reconnects to the same address after a restart. No-shows are swept every second,
    // so that a booking whose window has passed expires within the test.
    m_server = startSeededServer(
        m_services, QLatin1String(kDatabase),
        {{QStringLiteral("APPOINTMENT_SWEEP_SECONDS"), QStringLiteral("1")}}, true);
    QVERIFY(m_server);
}

void TestE2eBrowser::cleanup()
{
    if (m_server)
        m_server->dumpIfFailed();
}

void TestE2eBrowser::bookingPage()
{
    runScenario(QStringLiteral("booking.e2e.mjs"));
}

void TestE2eBrowser::appointments()
{
    runScenario(QStringLiteral("appointments.e2e.mjs"));
}

void TestE2eBrowser::offlineAndFocus()
{
    runScenario(QStringLiteral("offline.e2e.mjs"));
}

// What a script asks with a line "@@<command>" (support.mjs askHarness), answered "done" or
// "failed" on its stdin: `restart-server` (same port: the page must survive it), `expire-booking
// <id>` (its slot 20 minutes ago, so the next sweep expires it: a no-show without the wait).
bool TestE2eBrowser::answer(const QByteArray &command)
{
    if (command == "restart-server") {
        m_server->stop();
        return m_server->start();
    }
    if (command.startsWith("expire-booking "))
        return expireBooking(command.mid(15).toLongLong());
    qWarning("unknown harness command: %s", command.constData());
    return false;
}

bool TestE2eBrowser::expireBooking(qint64 tokenId)
{
    const QString connection = QStringLiteral("e2e-harness");
    const QUrl url(m_services.postgresUrl(QLatin1String(kDatabase)));
    bool moved = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connection);
        db.setHostName(url.host());
        db.setPort(url.port(5432));
        db.setUserName(url.userName());
        db.setDatabaseName(url.path().mid(1));
        if (db.open()) {
            QSqlQuery query(db);
            query.prepare(QStringLiteral(
                "UPDATE tokens SET preferred_slot = now() - interval '20 minutes', "
                "arrival_at = now() - interval '20 minutes' WHERE id = ? AND status = 'booked'"));
            query.addBindValue(tokenId);
            moved = query.exec() && query.numRowsAffected() == 1;
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    return moved;
}

// A scenario prints its steps and exits non-zero on the first failure.
void TestE2eBrowser::runScenario(const QString &script)
{
    const QString screenshots = QStringLiteral(NEXTUP_SCREENSHOT_DIR);
    QVERIFY(QDir().mkpath(screenshots));
    QProcess node;
    node.setWorkingDirectory(QStringLiteral(NEXTUP_E2E_DIR));
    node.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QByteArray pending;
    connect(&node, &QProcess::readyReadStandardOutput, this, [&] {
        pending += node.readAllStandardOutput();
        for (qsizetype end = pending.indexOf('\n'); end >= 0; end = pending.indexOf('\n')) {
            const QByteArray line = pending.left(end).trimmed();
            pending.remove(0, end + 1);
            fprintf(stdout, "%s\n", line.constData());
            fflush(stdout);
            if (line.startsWith("@@"))
                node.write(answer(line.mid(2)) ? "done\n" : "failed\n");
        }
    });
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("NEXTUP_BASE_URL"),
               m_server->baseUrl().toString(QUrl::StripTrailingSlash));
    env.insert(QStringLiteral("NEXTUP_SCREENSHOT_DIR"), screenshots);
    env.insert(QStringLiteral("NEXTUP_CHROMIUM"), m_chromium);
    node.setProcessEnvironment(env);
    node.start(m_node, {script});
    QVERIFY2(node.waitForStarted(10'000), qPrintable(node.errorString()));
    QEventLoop loop;
    connect(&node, &QProcess::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(kBrowserTimeoutMs, &loop, &QEventLoop::quit);
    if (node.state() != QProcess::NotRunning)
        loop.exec();
    if (node.state() != QProcess::NotRunning) {
        node.kill();
        node.waitForFinished(5000);
        QFAIL("the browser test did not finish in time");
    }
    QCOMPARE(node.exitStatus(), QProcess::NormalExit);
    QCOMPARE(node.exitCode(), 0);
    QVERIFY2(m_server->isRunning(), "the server died during the browser test");
}

QTEST_GUILESS_MAIN(TestE2eBrowser)
#include "tst_e2e_browser.moc"
