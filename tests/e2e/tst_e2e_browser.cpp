// Runs the browser end-to-end test (booking.e2e.mjs: playwright-core driving Debian's headless
// Chromium) against a real nextup-server with its own Postgres and Redis. Skipped, with a message
// that CTest turns into SKIP, when node, Chromium or tests/e2e/node_modules is missing;
// scripts/test.sh runs `npm ci` first, so CI always runs it.
#include <memory>

#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>

#include "seededserver.h"
#include "serverprocess.h"
#include "testservices.h"

namespace {
const char *const kSkipMark = "E2E-SKIPPED"; // CTest's SKIP_REGULAR_EXPRESSION (CMakeLists.txt)
const int kBrowserTimeoutMs = 150'000;

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

private:
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
    // The page reconnects to the same address after a restart
    m_server = startSeededServer(m_services, QStringLiteral("t_e2e"), {}, true);
    QVERIFY(m_server);
}

void TestE2eBrowser::cleanup()
{
    if (m_server)
        m_server->dumpIfFailed();
}

// booking.e2e.mjs prints its steps and exits non-zero on the first failure.
void TestE2eBrowser::bookingPage()
{
    const QString screenshots = QStringLiteral(NEXTUP_SCREENSHOT_DIR);
    QVERIFY(QDir().mkpath(screenshots));
    QProcess node;
    node.setWorkingDirectory(QStringLiteral(NEXTUP_E2E_DIR));
    node.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    // The script prints its steps; "@@restart-server" asks for a server restart (same port),
    // answered on its stdin, to show that the page survives one.
    QByteArray pending;
    connect(&node, &QProcess::readyReadStandardOutput, this, [&] {
        pending += node.readAllStandardOutput();
        for (qsizetype end = pending.indexOf('\n'); end >= 0; end = pending.indexOf('\n')) {
            const QByteArray line = pending.left(end);
            pending.remove(0, end + 1);
            fprintf(stdout, "%s\n", line.constData());
            fflush(stdout);
            if (line.trimmed() == "@@restart-server") {
                m_server->stop();
                node.write(m_server->start() ? "restarted\n" : "failed\n");
            }
        }
    });
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("NEXTUP_BASE_URL"),
               m_server->baseUrl().toString(QUrl::StripTrailingSlash));
    env.insert(QStringLiteral("NEXTUP_SCREENSHOT_DIR"), screenshots);
    env.insert(QStringLiteral("NEXTUP_CHROMIUM"), m_chromium);
    node.setProcessEnvironment(env);
    node.start(m_node, {QStringLiteral("booking.e2e.mjs")});
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
