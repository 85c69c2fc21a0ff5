#include "testservices.h"

#include <errno.h>
#include <signal.h>
#include <unistd.h>

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtDebug>

#include "clustertemplate.h"

using namespace TestSupport;

namespace {

constexpr int kStartAttempts = 3; // a port picked as free can be taken before we bind it
constexpr int kPostgresStartMs = 30000;
constexpr int kRedisStartMs = 10000;

QByteArray logTail(const QString &file)
{
    QFile log(file);
    if (!log.open(QIODevice::ReadOnly))
        return "(no log)";
    return lastLines(log.readAll(), 20);
}

// SIGTERM/SIGINT/SIGQUIT, then SIGKILL when the process ignores it for timeoutMs.
bool stopChild(QProcess &process, int signal, int timeoutMs)
{
    if (process.state() == QProcess::NotRunning)
        return true;
    ::kill(pid_t(process.processId()), signal);
    if (process.waitForFinished(timeoutMs))
        return true;
    qWarning("TestServices: %s did not stop in %d ms, killing it", qPrintable(process.program()),
             timeoutMs);
    process.kill();
    return process.waitForFinished(5000);
}

// Folders of test processes that were killed (SIGKILL, ctest timeout) stay behind; their
// children died with them. Remove those whose owner process is gone.
void removeAbandonedFolders()
{
    const QDir tmp(QStringLiteral("/tmp"));
    const QStringList folders =
        tmp.entryList({QStringLiteral("nextup-test-*")}, QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &name : folders) {
        QFile owner(tmp.filePath(name + QStringLiteral("/owner.pid")));
        if (!owner.open(QIODevice::ReadOnly))
            continue; // being created right now, or not ours to judge
        bool ok = false;
        const pid_t pid = pid_t(owner.readAll().trimmed().toLongLong(&ok));
        if (ok && pid > 0 && ::kill(pid, 0) != 0 && errno == ESRCH)
            QDir(tmp.filePath(name)).removeRecursively();
    }
}

} // namespace

TestServices::TestServices() = default;

TestServices::~TestServices()
{
    // Nothing here is worth keeping: immediate shutdown for Postgres, and Redis has no data.
    if (m_redis)
        stopChild(*m_redis, SIGKILL, 5000);
    if (m_postgres)
        stopChild(*m_postgres, SIGQUIT, 10000);
}

bool TestServices::start()
{
    if (m_dir) {
        qWarning("TestServices::start: already started");
        return false;
    }
    if (!prepareFolder())
        return false;
    for (int attempt = 0; attempt < kStartAttempts; ++attempt) {
        m_redisPort = freeTcpPort();
        if (launchRedis())
            break;
        if (attempt + 1 == kStartAttempts || tcpPortFree(m_redisPort))
            return false; // not a port race: retrying will not help
    }
    return initCluster() && firstPostgresStart();
}

bool TestServices::prepareFolder()
{
    // Under /tmp, not TMPDIR: the socket path must stay short and the postgres user must reach it.
    m_dir = std::make_unique<QTemporaryDir>(QStringLiteral("/tmp/nextup-test-XXXXXX"));
    if (!m_dir->isValid()) {
        qWarning("TestServices: cannot create a folder in /tmp: %s",
                 qPrintable(m_dir->errorString()));
        return false;
    }
    QFile owner(path() + QStringLiteral("/owner.pid"));
    if (owner.open(QIODevice::WriteOnly))
        owner.write(QByteArray::number(QCoreApplication::applicationPid()));
    owner.close();
    removeAbandonedFolders();
    const QString pgDir = path() + QStringLiteral("/pg");
    if (!QDir().mkpath(pgDir) || !QDir().mkpath(path() + QStringLiteral("/redis")))
        return false;
    if (::geteuid() != 0)
        return true;
    m_postgresUser = lookupUser("postgres");
    if (!m_postgresUser) {
        qWarning("TestServices: running as root but there is no `postgres` user to run "
                 "PostgreSQL as (install postgresql-15: scripts/deps.sh)");
        return false;
    }
    // Traverse-only for others, so the postgres user can reach its folder.
    QFile::setPermissions(path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner |
                                      QFile::ExeGroup | QFile::ExeOther);
    if (::chown(QFile::encodeName(pgDir).constData(), m_postgresUser->uid, m_postgresUser->gid) !=
        0) {
        qWarning("TestServices: cannot hand %s to the postgres user", qPrintable(pgDir));
        return false;
    }
    return true;
}

bool TestServices::initCluster()
{
    m_clusterFromTemplate = copyClusterTemplate(dataDir(), m_postgresUser);
    return m_clusterFromTemplate || runInitdb(dataDir(), m_postgresUser);
}

bool TestServices::firstPostgresStart()
{
    for (int attempt = 0; attempt < kStartAttempts; ++attempt) {
        m_pgPort = freeTcpPort();
        if (launchPostgres() && waitPostgresReady())
            return true;
        if (!tcpPortFree(m_pgPort))
            continue; // someone took the port we picked: pick another
        if (!m_clusterFromTemplate)
            return false;
        qWarning("TestServices: a cluster copied from the template does not start; "
                 "discarding the template and running initdb");
        discardClusterTemplate();
        QDir(dataDir()).removeRecursively();
        m_clusterFromTemplate = false;
        if (!runInitdb(dataDir(), m_postgresUser))
            return false;
    }
    return false;
}

QString TestServices::path() const
{
    return m_dir ? m_dir->path() : QString();
}

QString TestServices::postgresLog() const
{
    return path() + QStringLiteral("/postgres.log");
}

QString TestServices::redisLog() const
{
    return path() + QStringLiteral("/redis.log");
}

QString TestServices::dataDir() const
{
    return path() + QStringLiteral("/pg/data");
}

bool TestServices::launchPostgres()
{
    m_postgres = std::make_unique<QProcess>();
    m_postgres->setProgram(postgresBinDir() + QStringLiteral("/postgres"));
    // Durability is pointless for a throw-away cluster; these make every commit much cheaper.
    m_postgres->setArguments({QStringLiteral("-D"), dataDir(), QStringLiteral("-p"),
                              QString::number(m_pgPort), QStringLiteral("-k"),
                              path() + QStringLiteral("/pg"), QStringLiteral("-c"),
                              QStringLiteral("listen_addresses=127.0.0.1"), QStringLiteral("-c"),
                              QStringLiteral("fsync=off"), QStringLiteral("-c"),
                              QStringLiteral("synchronous_commit=off"), QStringLiteral("-c"),
                              QStringLiteral("full_page_writes=off")});
    m_postgres->setStandardOutputFile(postgresLog(), QIODevice::Append);
    m_postgres->setStandardErrorFile(postgresLog(), QIODevice::Append);
    bindChildToParent(*m_postgres, m_postgresUser);
    m_postgres->start();
    if (!m_postgres->waitForStarted(5000)) {
        qWarning("TestServices: cannot run postgres: %s", qPrintable(m_postgres->errorString()));
        return false;
    }
    return true;
}

// The postmaster writes "ready" into line 8 of postmaster.pid once it accepts connections
// (what `pg_ctl -w` waits for).
bool TestServices::waitPostgresReady()
{
    const QString pidFile = dataDir() + QStringLiteral("/postmaster.pid");
    const QByteArray pid = QByteArray::number(m_postgres->processId());
    const QDeadlineTimer deadline(kPostgresStartMs);
    while (!deadline.hasExpired()) {
        QFile file(pidFile);
        if (file.open(QIODevice::ReadOnly)) {
            const QList<QByteArray> lines = file.readAll().split('\n');
            if (lines.size() >= 8 && lines.at(0).trimmed() == pid &&
                lines.at(7).trimmed() == "ready") {
                return true;
            }
        }
        if (m_postgres->waitForFinished(20)) { // doubles as the poll interval
            qWarning("TestServices: postgres exited during startup (port %d):\n%s", m_pgPort,
                     logTail(postgresLog()).constData());
            return false;
        }
    }
    qWarning("TestServices: postgres not ready after %d ms:\n%s", kPostgresStartMs,
             logTail(postgresLog()).constData());
    return false;
}

QString TestServices::postgresUrl(const QString &database) const
{
    return QStringLiteral("postgres://postgres@127.0.0.1:%1/%2").arg(m_pgPort).arg(database);
}

bool TestServices::createDatabase(const QString &name)
{
    const QString connection = QStringLiteral("nextup-testservices-%1-%2")
                                   .arg(quintptr(this), 0, 16)
                                   .arg(++m_connectionCounter);
    bool created = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connection);
        db.setHostName(QStringLiteral("127.0.0.1"));
        db.setPort(m_pgPort);
        db.setUserName(QStringLiteral("postgres"));
        db.setDatabaseName(QStringLiteral("postgres"));
        if (!db.open()) {
            qWarning("TestServices: cannot connect to postgres: %s",
                     qPrintable(db.lastError().text()));
        } else {
            QString quoted = name;
            quoted.replace(u'"', QStringLiteral("\"\""));
            QSqlQuery query(db);
            created = query.exec(QStringLiteral("CREATE DATABASE \"%1\"").arg(quoted));
            if (!created)
                qWarning("TestServices: CREATE DATABASE %s failed: %s", qPrintable(name),
                         qPrintable(query.lastError().text()));
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    return created;
}

bool TestServices::stopPostgres()
{
    // SIGINT = fast shutdown: open connections are cut, as when the database really goes away.
    return !m_postgres || stopChild(*m_postgres, SIGINT, 30000);
}

bool TestServices::startPostgres()
{
    if (isPostgresRunning())
        return true;
    return launchPostgres() && waitPostgresReady();
}

bool TestServices::isPostgresRunning() const
{
    return m_postgres && m_postgres->state() != QProcess::NotRunning;
}

QString TestServices::redisUrl() const
{
    return QStringLiteral("redis://127.0.0.1:%1/0").arg(m_redisPort);
}

bool TestServices::launchRedis()
{
    m_redis = std::make_unique<QProcess>();
    m_redis->setProgram(QStringLiteral("redis-server"));
    m_redis->setArguments(
        {QStringLiteral("--port"), QString::number(m_redisPort), QStringLiteral("--bind"),
         QStringLiteral("127.0.0.1"), QStringLiteral("--save"), QString(),
         QStringLiteral("--appendonly"), QStringLiteral("no"), QStringLiteral("--daemonize"),
         QStringLiteral("no"), QStringLiteral("--dir"), path() + QStringLiteral("/redis")});
    m_redis->setStandardOutputFile(redisLog(), QIODevice::Append);
    m_redis->setStandardErrorFile(redisLog(), QIODevice::Append);
    bindChildToParent(*m_redis);
    m_redis->start();
    if (!m_redis->waitForStarted(5000)) {
        qWarning("TestServices: cannot run redis-server: %s", qPrintable(m_redis->errorString()));
        return false;
    }
    const QDeadlineTimer deadline(kRedisStartMs);
    while (!deadline.hasExpired()) {
        if (redisCommand(m_redisPort, {"PING"}, 500) == QByteArray("PONG"))
            return true;
        if (m_redis->waitForFinished(20)) {
            qWarning("TestServices: redis-server exited during startup (port %d):\n%s", m_redisPort,
                     logTail(redisLog()).constData());
            return false;
        }
    }
    qWarning("TestServices: redis-server does not answer PING after %d ms:\n%s", kRedisStartMs,
             logTail(redisLog()).constData());
    return false;
}

bool TestServices::stopRedis()
{
    return !m_redis || stopChild(*m_redis, SIGTERM, 5000);
}

bool TestServices::startRedis()
{
    if (isRedisRunning())
        return true;
    return launchRedis();
}

bool TestServices::flushRedis()
{
    return redisCommand(m_redisPort, {"FLUSHALL"}) == QByteArray("OK");
}

bool TestServices::isRedisRunning() const
{
    return m_redis && m_redis->state() != QProcess::NotRunning;
}
