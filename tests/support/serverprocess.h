#pragma once

#include <QByteArray>
#include <QObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>
#include <QUrl>

// The real nextup-server binary (NEXTUP_SERVER_BIN, set by nextup_add_test) as a child of the
// test, on a free port of 127.0.0.1, against the given Postgres and Redis. It dies with the test
// process. Its output is kept and shown (qWarning) when it exits unexpectedly, when the object
// goes away during a failed test function, or when the test calls dumpIfFailed() in cleanup().
// NEXTUP_TEST_SERVER_LOG=1 shows it all, always.
class ServerProcess final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServerProcess)

public:
    ServerProcess(const QString &databaseUrl, const QString &redisUrl, QObject *parent = nullptr);
    ~ServerProcess() override;

    // 48 characters, the JWT_SECRET every test server gets, so tests can mint their own tokens.
    static QByteArray testJwtSecret();
    // NEXTUP_SERVER_BIN, empty (with a qWarning) when unset.
    static QString binaryPath();

    // Given to `serve` and to every subcommand, e.g. {"--fast-hash"}.
    void setExtraArguments(const QStringList &arguments) { m_extraArguments = arguments; }
    // Extra or overriding environment (PORT, DATABASE_URL... included).
    void setEnvironmentValue(const QString &name, const QString &value);
    // Leaves a variable out altogether (e.g. JWT_SECRET when JWT_SECRET_FILE gives it).
    void removeEnvironmentValue(const QString &name) { m_removedEnvironment.append(name); }

    // Starts `nextup-server` and waits until GET /readyz answers 200. A start after stop() uses
    // the same port, so clients can reconnect to the same address; if that port is taken
    // meanwhile, start() moves to a free one unless the port is fixed.
    bool start(int timeoutMs = 20000);
    // Never move to another port (a restart for reconnect tests): start() fails instead.
    void setFixedPort(bool fixed) { m_fixedPort = fixed; }
    // Runs e.g. {"migrate"} or {"seed", "--demo"} with the same environment; true on exit code 0.
    bool runSubcommand(const QStringList &arguments, int timeoutMs = 60000);
    // SIGTERM, then SIGKILL after 5 s. Harmless when not running.
    void stop();

    bool isRunning() const;
    qint64 processId() const;
    int port() const { return m_port; }
    QUrl baseUrl() const;
    QUrl webSocketUrl(const QString &path = QStringLiteral("/ws/queues")) const;

    // Everything the server printed so far (stdout and stderr, merged).
    QByteArray output() const { return m_output; }
    // Shows the output printed since the last dump when the current test function failed.
    void dumpIfFailed();
    void dumpOutput(const char *reason);

signals:
    void exitedUnexpectedly(int exitCode);

private:
    QProcessEnvironment environment() const;
    bool waitReady(int timeoutMs);
    void readOutput();
    void onFinished(int exitCode, QProcess::ExitStatus status);

    QString m_databaseUrl;
    QString m_redisUrl;
    QStringList m_extraArguments;
    QProcessEnvironment m_extraEnvironment;
    QStringList m_removedEnvironment;
    QProcess m_process;
    QByteArray m_output;
    qsizetype m_dumpedUpTo = 0;
    int m_port = 0;
    bool m_fixedPort = false;
    bool m_stopping = false;
};
