#include "clustertemplate.h"

#include <unistd.h>

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QProcess>
#include <QtDebug>

namespace TestSupport {

namespace {

constexpr int kLockWaitMs = 120000; // another test may be running initdb right now

QStringList initdbArguments(const QString &dataDir)
{
    return {QStringLiteral("-D"), dataDir, QStringLiteral("-A"), QStringLiteral("trust"),
            QStringLiteral("-U"), QStringLiteral("postgres"), QStringLiteral("-E"),
            QStringLiteral("UTF8"), QStringLiteral("--locale=C.UTF-8"), QStringLiteral("--no-sync"),
            // 1 MB WAL segments instead of 16: a smaller cluster to create and to copy.
            QStringLiteral("--wal-segsize=1")};
}

QString templatePath()
{
    const QFileInfo initdb(postgresBinDir() + QStringLiteral("/initdb"));
    const QByteArray key = initdb.absoluteFilePath().toUtf8() + '|' +
                           QByteArray::number(initdb.lastModified().toMSecsSinceEpoch()) + '|' +
                           QByteArray::number(initdb.size()) + '|' +
                           QByteArray::number(::geteuid()) + '|' +
                           initdbArguments({}).join(u' ').toUtf8();
    return QStringLiteral("/tmp/nextup-pg-template-") +
           QString::fromLatin1(
               QCryptographicHash::hash(key, QCryptographicHash::Sha1).toHex().left(12));
}

QString completeMarker(const QString &templateDir)
{
    return templateDir + QStringLiteral("/complete");
}

bool makeTemplate(const QString &templateDir, std::optional<SystemUser> runAs)
{
    QDir(templateDir).removeRecursively();
    if (!QDir().mkpath(templateDir))
        return false;
    if (runAs) {
        QFile::setPermissions(templateDir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner |
                                               QFile::ExeGroup | QFile::ExeOther);
        if (::chown(QFile::encodeName(templateDir).constData(), runAs->uid, runAs->gid) != 0)
            return false;
    }
    QFile marker(completeMarker(templateDir));
    if (!runInitdb(templateDir + QStringLiteral("/data"), runAs) ||
        !marker.open(QIODevice::WriteOnly)) {
        QDir(templateDir).removeRecursively();
        return false;
    }
    return true;
}

} // namespace

QString postgresBinDir()
{
    const QString dir = qEnvironmentVariable("NEXTUP_PG_BIN");
    return dir.isEmpty() ? QStringLiteral("/usr/lib/postgresql/15/bin") : dir;
}

bool runInitdb(const QString &dataDir, std::optional<SystemUser> runAs)
{
    QProcess initdb;
    initdb.setProgram(postgresBinDir() + QStringLiteral("/initdb"));
    initdb.setArguments(initdbArguments(dataDir));
    initdb.setProcessChannelMode(QProcess::MergedChannels);
    bindChildToParent(initdb, runAs);
    initdb.start();
    if (!initdb.waitForFinished(60000) || initdb.exitStatus() != QProcess::NormalExit ||
        initdb.exitCode() != 0) {
        qWarning("TestServices: initdb failed (%s, exit code %d):\n%s",
                 qPrintable(initdb.errorString()), initdb.exitCode(), initdb.readAll().constData());
        return false;
    }
    return true;
}

bool copyClusterTemplate(const QString &dataDir, std::optional<SystemUser> runAs)
{
    if (qEnvironmentVariableIntValue("NEXTUP_TEST_NO_PG_TEMPLATE") != 0)
        return false;
    const QString templateDir = templatePath();
    QLockFile lock(templateDir + QStringLiteral(".lock"));
    lock.setStaleLockTime(kLockWaitMs);
    if (!lock.tryLock(kLockWaitMs))
        return false;
    if (!QFile::exists(completeMarker(templateDir)) && !makeTemplate(templateDir, runAs))
        return false;
    // cp -a keeps the owner (postgres, when we are root) and the 0700 mode Postgres insists on.
    QProcess copy;
    copy.setProcessChannelMode(QProcess::MergedChannels);
    copy.start(QStringLiteral("cp"),
               {QStringLiteral("-a"), templateDir + QStringLiteral("/data"), dataDir});
    if (!copy.waitForFinished(60000) || copy.exitStatus() != QProcess::NormalExit ||
        copy.exitCode() != 0) {
        qWarning("TestServices: copying the cluster template failed: %s",
                 copy.readAll().constData());
        QDir(dataDir).removeRecursively();
        return false;
    }
    return true;
}

void discardClusterTemplate()
{
    const QString templateDir = templatePath();
    QLockFile lock(templateDir + QStringLiteral(".lock"));
    lock.setStaleLockTime(kLockWaitMs);
    if (lock.tryLock(kLockWaitMs))
        QDir(templateDir).removeRecursively();
}

} // namespace TestSupport
