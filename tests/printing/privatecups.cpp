#include "privatecups.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

namespace {
bool writeFile(const QString &path, const QString &text)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(text.toUtf8()) == text.toUtf8().size();
}
} // namespace

PrivateCups::~PrivateCups()
{
    if (m_cupsd.state() != QProcess::NotRunning) {
        m_cupsd.terminate();
        if (!m_cupsd.waitForFinished(5000))
            m_cupsd.kill();
        m_cupsd.waitForFinished(2000);
    }
}

QString PrivateCups::server() const
{
    return QStringLiteral("127.0.0.1:%1").arg(m_port);
}

QString PrivateCups::start()
{
    const QString cupsd =
        QStandardPaths::findExecutable(QStringLiteral("cupsd"), {QStringLiteral("/usr/sbin")});
    if (cupsd.isEmpty())
        return QStringLiteral("cupsd is not installed");
    if (!m_dir.isValid())
        return QStringLiteral("no temporary folder");
    {
        QTcpServer probe; // a free port, released just before cupsd takes it
        if (!probe.listen(QHostAddress::LocalHost, 0))
            return QStringLiteral("no free port");
        m_port = probe.serverPort();
    }
    const QString root = m_dir.path();
    // Filters and backends run as lp and must reach the spool and PPDs below the folder.
    QFile::setPermissions(root, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                    QFileDevice::ExeOwner | QFileDevice::ReadGroup |
                                    QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                    QFileDevice::ExeOther);
    for (const char *sub : {"spool/tmp", "cache", "state", "log", "ppd"})
        QDir(root).mkpath(QLatin1String(sub));
    // No authentication anywhere: only this loopback port reaches it, and only for the test.
    const QString conf =
        QStringLiteral("Listen 127.0.0.1:%1\nLogLevel info\nBrowsing No\n"
                       "WebInterface No\nDefaultAuthType None\n"
                       "<Location />\n  Order allow,deny\n  Allow all\n</Location>\n"
                       "<Policy default>\n  <Limit All>\n    Order allow,deny\n"
                       "    Allow all\n  </Limit>\n</Policy>\n")
            .arg(m_port);
    const QString files =
        QStringLiteral("ServerRoot %1\nRequestRoot %1/spool\nTempDir %1/spool/tmp\n"
                       "CacheDir %1/cache\nStateDir %1/state\nAccessLog %1/log/access_log\n"
                       "ErrorLog %1/log/error_log\nPageLog %1/log/page_log\n"
                       "ServerBin /usr/lib/cups\nDataDir /usr/share/cups\nUser lp\nGroup lp\n"
                       "SystemGroup root\n")
            .arg(root);
    if (!writeFile(root + QStringLiteral("/cupsd.conf"), conf) ||
        !writeFile(root + QStringLiteral("/cups-files.conf"), files))
        return QStringLiteral("cannot write the configuration");
    m_cupsd.setProcessChannelMode(QProcess::MergedChannels);
    m_cupsd.start(cupsd,
                  {QStringLiteral("-f"), QStringLiteral("-c"), root + QStringLiteral("/cupsd.conf"),
                   QStringLiteral("-s"), root + QStringLiteral("/cups-files.conf")});
    if (!m_cupsd.waitForStarted(5000))
        return QStringLiteral("cupsd did not start: ") + m_cupsd.errorString();
    for (int attempt = 0; attempt < 100; ++attempt) {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_port);
        if (socket.waitForConnected(100))
            return {};
        if (m_cupsd.state() == QProcess::NotRunning)
            return QStringLiteral("cupsd exited: ") + QString::fromLocal8Bit(m_cupsd.readAll()) +
                   errorLog();
        QThread::msleep(50);
    }
    return QStringLiteral("cupsd does not listen on ") + server();
}

QString PrivateCups::addQueue(const QString &name, const QStringList &deviceAndModel)
{
    QProcess lpadmin;
    lpadmin.setProcessChannelMode(QProcess::MergedChannels);
    lpadmin.start(QStringLiteral("lpadmin"),
                  QStringList{QStringLiteral("-h"), server(), QStringLiteral("-p"), name,
                              QStringLiteral("-E")} +
                      deviceAndModel);
    if (!lpadmin.waitForFinished(15000) || lpadmin.exitCode() != 0)
        return QStringLiteral("lpadmin failed: ") + QString::fromLocal8Bit(lpadmin.readAll());
    return {};
}

QString PrivateCups::errorLog() const
{
    QFile log(m_dir.filePath(QStringLiteral("log/error_log")));
    return log.open(QIODevice::ReadOnly) ? QString::fromLocal8Bit(log.readAll()) : QString();
}
