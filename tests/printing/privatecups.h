#pragma once

#include <QProcess>
#include <QString>
#include <QTemporaryDir>

// A CUPS scheduler of the test's own: its configuration, spool, cache and logs in a temporary
// folder, listening on a free loopback port, in the foreground as a child process. The system's
// /etc/cups and its cups service are never touched; clients reach this one by -h or CUPS_SERVER.
class PrivateCups
{
public:
    PrivateCups() = default;
    ~PrivateCups();
    PrivateCups(const PrivateCups &) = delete;
    PrivateCups &operator=(const PrivateCups &) = delete;

    // Empty on success, otherwise why it could not start.
    QString start();
    QString server() const; // "127.0.0.1:<port>"
    // lpadmin against this scheduler; empty on success, otherwise lpadmin's complaint.
    QString addQueue(const QString &name, const QStringList &deviceAndModel);
    QString errorLog() const;

private:
    QTemporaryDir m_dir;
    QProcess m_cupsd;
    quint16 m_port = 0;
};
