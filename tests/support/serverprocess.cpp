#include "serverprocess.h"

#include <QDeadlineTimer>
#include <QFileInfo>
#include <QTest>
#include <QtDebug>

#include "httpclient.h"
#include "processhelpers.h"

using namespace TestSupport;

namespace {

constexpr char kTestJwtSecret[] = "nextup-test-jwt-secret-not-for-production-use-48";
static_assert(sizeof(kTestJwtSecret) - 1 == 48);

constexpr int kStartAttempts = 3;         // the free port we picked may be taken meanwhile
constexpr int kStopGraceMs = 5000;        // SIGTERM, then SIGKILL
constexpr qsizetype kMaxOutput = 8 << 20; // keep the newest 8 MiB of server output

bool verbose()
{
    return qEnvironmentVariableIntValue("NEXTUP_TEST_SERVER_LOG") != 0;
}

} // namespace

ServerProcess::ServerProcess(const QString &databaseUrl, const QString &redisUrl, QObject *parent)
    : QObject(parent), m_databaseUrl(databaseUrl), m_redisUrl(redisUrl), m_port(freeTcpPort())
{
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    bindChildToParent(m_process);
    connect(&m_process, &QProcess::readyReadStandardOutput, this, &ServerProcess::readOutput);
    connect(&m_process, &QProcess::finished, this, &ServerProcess::onFinished);
}

ServerProcess::~ServerProcess()
{
    if (QTest::currentTestFailed())
        dumpOutput("test failed");
    stop();
}

QByteArray ServerProcess::testJwtSecret()
{
    return QByteArray(kTestJwtSecret);
}

QString ServerProcess::binaryPath()
{
    const QString path = qEnvironmentVariable("NEXTUP_SERVER_BIN");
    if (path.isEmpty())
        qWarning("ServerProcess: NEXTUP_SERVER_BIN is not set (run the test through ctest)");
    return path;
}

void ServerProcess::setEnvironmentValue(const QString &name, const QString &value)
{
    m_extraEnvironment.insert(name, value);
}

QProcessEnvironment ServerProcess::environment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PORT"), QString::number(m_port));
    env.insert(QStringLiteral("BIND_ADDRESS"), QStringLiteral("127.0.0.1"));
    env.insert(QStringLiteral("DATABASE_URL"), m_databaseUrl);
    env.insert(QStringLiteral("REDIS_URL"), m_redisUrl);
    env.insert(QStringLiteral("JWT_SECRET"), QString::fromLatin1(kTestJwtSecret));
    const QStringList names = m_extraEnvironment.keys();
    for (const QString &name : names)
        env.insert(name, m_extraEnvironment.value(name));
    for (const QString &name : m_removedEnvironment)
        env.remove(name);
    return env;
}

bool ServerProcess::start(int timeoutMs)
{
    if (isRunning()) {
        qWarning("ServerProcess::start: already running");
        return false;
    }
    const QString binary = binaryPath();
    if (binary.isEmpty() || !QFileInfo(binary).isExecutable()) {
        qWarning("ServerProcess: no server binary at '%s' (build the nextup-server target)",
                 qPrintable(binary));
        return false;
    }
    for (int attempt = 0; attempt < kStartAttempts; ++attempt) {
        if (attempt > 0)
            m_port = freeTcpPort();
        m_stopping = false;
        m_process.setProgram(binary);
        m_process.setArguments(QStringList{QStringLiteral("serve")} + m_extraArguments);
        m_process.setProcessEnvironment(environment());
        m_process.start();
        if (!m_process.waitForStarted(5000)) {
            qWarning("ServerProcess: cannot run %s: %s", qPrintable(binary),
                     qPrintable(m_process.errorString()));
            return false;
        }
        if (waitReady(timeoutMs))
            return true;
        if (isRunning()) {
            dumpOutput(qPrintable(QStringLiteral("not ready within %1 ms").arg(timeoutMs)));
            stop();
            return false;
        }
        if (tcpPortFree(m_port)) // it died for another reason than a taken port
            return false;
        if (m_fixedPort) {
            qWarning("ServerProcess: port %d is taken and the port is fixed", m_port);
            return false;
        }
    }
    return false;
}

bool ServerProcess::waitReady(int timeoutMs)
{
    HttpClient client(baseUrl(), 1000);
    const QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (!isRunning())
            return false;
        if (client.get(QStringLiteral("/readyz")).status == 200)
            return true;
        QTest::qWait(100); // keeps events flowing: output and the finished signal
    }
    return false;
}

bool ServerProcess::runSubcommand(const QStringList &arguments, int timeoutMs)
{
    const QString binary = binaryPath();
    if (binary.isEmpty())
        return false;
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.setProgram(binary);
    process.setArguments(arguments + m_extraArguments);
    process.setProcessEnvironment(environment());
    bindChildToParent(process);
    process.start();
    const bool finished = process.waitForFinished(timeoutMs);
    const QByteArray output = process.readAll();
    const QString command = arguments.join(u' ');
    if (!finished) {
        process.kill();
        process.waitForFinished(kStopGraceMs);
        qWarning("ServerProcess: `nextup-server %s` did not finish in %d ms (%s):\n%s",
                 qPrintable(command), timeoutMs, qPrintable(process.errorString()),
                 output.constData());
        return false;
    }
    const bool crashed = process.exitStatus() == QProcess::CrashExit;
    const bool ok = !crashed && process.exitCode() == 0;
    if (!ok || verbose()) {
        const QString how = crashed ? QStringLiteral("crashed")
                                    : QStringLiteral("exited with code %1").arg(process.exitCode());
        qWarning("ServerProcess: `nextup-server %s` %s:\n%s", qPrintable(command), qPrintable(how),
                 output.isEmpty() ? "(no output)" : output.constData());
    }
    return ok;
}

void ServerProcess::stop()
{
    if (!isRunning())
        return;
    m_stopping = true;
    m_process.terminate();
    if (!m_process.waitForFinished(kStopGraceMs)) {
        qWarning("ServerProcess: no exit %d ms after SIGTERM, killing it", kStopGraceMs);
        m_process.kill();
        m_process.waitForFinished(kStopGraceMs);
    }
    readOutput();
}

bool ServerProcess::isRunning() const
{
    return m_process.state() != QProcess::NotRunning;
}

qint64 ServerProcess::processId() const
{
    return m_process.processId();
}

QUrl ServerProcess::baseUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port));
}

QUrl ServerProcess::webSocketUrl(const QString &path) const
{
    return QUrl(QStringLiteral("ws://127.0.0.1:%1%2").arg(m_port).arg(path));
}

void ServerProcess::readOutput()
{
    if (!m_process.isOpen()) // never started
        return;
    const QByteArray chunk = m_process.readAll();
    if (chunk.isEmpty())
        return;
    if (verbose())
        qDebug().noquote() << "[nextup-server]" << QString::fromUtf8(chunk).trimmed();
    m_output += chunk;
    if (m_output.size() > kMaxOutput) {
        const qsizetype drop = m_output.size() - kMaxOutput / 2;
        m_output.remove(0, drop);
        m_dumpedUpTo = qMax<qsizetype>(0, m_dumpedUpTo - drop);
    }
}

void ServerProcess::onFinished(int exitCode, QProcess::ExitStatus status)
{
    readOutput();
    if (m_stopping)
        return;
    const QString why = status == QProcess::CrashExit
                            ? QStringLiteral("crashed or was killed")
                            : QStringLiteral("exited unexpectedly with code %1").arg(exitCode);
    dumpOutput(qPrintable(why));
    emit exitedUnexpectedly(exitCode);
}

void ServerProcess::dumpIfFailed()
{
    if (QTest::currentTestFailed())
        dumpOutput("test failed");
}

void ServerProcess::dumpOutput(const char *reason)
{
    readOutput();
    const QByteArray fresh = m_output.mid(m_dumpedUpTo);
    m_dumpedUpTo = m_output.size();
    qWarning("nextup-server (port %d) %s; its output%s:\n%s", m_port, reason,
             m_dumpedUpTo > fresh.size() ? " since the last dump" : "",
             fresh.isEmpty() ? "(none)" : fresh.constData());
}
