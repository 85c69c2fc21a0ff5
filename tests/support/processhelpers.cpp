#include "processhelpers.h"

#include <pwd.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <QDeadlineTimer>
#include <QHostAddress>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>

namespace TestSupport {

int freeTcpPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    return server.serverPort();
}

bool tcpPortFree(int port)
{
    QTcpServer server;
    return server.listen(QHostAddress::LocalHost, quint16(port));
}

std::optional<SystemUser> lookupUser(const char *name)
{
    const passwd *entry = ::getpwnam(name);
    if (!entry)
        return std::nullopt;
    return SystemUser{entry->pw_uid, entry->pw_gid};
}

void bindChildToParent(QProcess &process, std::optional<SystemUser> runAs)
{
    const pid_t parent = ::getpid();
    process.setChildProcessModifier([parent, runAs] {
        // Raw system calls: they change only this thread's credentials, which is all a freshly
        // forked child has, and unlike glibc's wrappers they are safe between fork and exec.
        if (runAs) {
            const gid_t groups[] = {runAs->gid};
            if (::syscall(SYS_setgroups, 1, groups) != 0 ||
                ::syscall(SYS_setresgid, runAs->gid, runAs->gid, runAs->gid) != 0 ||
                ::syscall(SYS_setresuid, runAs->uid, runAs->uid, runAs->uid) != 0) {
                ::_exit(126);
            }
        }
        // After the switch: changing credentials clears the parent-death signal.
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (::getppid() != parent) // the parent died before prctl took effect
            ::_exit(125);
    });
}

namespace {

// Index just past the complete RESP value starting at pos, or -1 while it is incomplete.
qsizetype replyEnd(const QByteArray &buffer, qsizetype pos)
{
    if (pos >= buffer.size())
        return -1;
    const qsizetype lineEnd = buffer.indexOf("\r\n", pos);
    if (lineEnd < 0)
        return -1;
    const char type = buffer.at(pos);
    if (type == '+' || type == '-' || type == ':')
        return lineEnd + 2;
    const qsizetype count = buffer.mid(pos + 1, lineEnd - pos - 1).toLongLong();
    if (type == '$') {
        if (count < 0)
            return lineEnd + 2;
        const qsizetype end = lineEnd + 2 + count + 2;
        return end <= buffer.size() ? end : -1;
    }
    if (type == '*') {
        qsizetype next = lineEnd + 2;
        for (qsizetype i = 0; i < count && next >= 0; ++i)
            next = replyEnd(buffer, next);
        return next;
    }
    return lineEnd + 2; // unknown type: give back the line
}

QByteArray decodeReply(const QByteArray &reply)
{
    const qsizetype lineEnd = reply.indexOf("\r\n");
    switch (reply.at(0)) {
    case '+':
    case ':': return reply.mid(1, lineEnd - 1);
    case '-': return reply.left(lineEnd);
    case '$': {
        const qsizetype length = reply.mid(1, lineEnd - 1).toLongLong();
        return length < 0 ? QByteArray() : reply.mid(lineEnd + 2, length);
    }
    default: return reply;
    }
}

} // namespace

std::optional<QByteArray> redisCommand(int port, const QByteArrayList &arguments, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, quint16(port));
    if (!socket.waitForConnected(int(deadline.remainingTime())))
        return std::nullopt;

    QByteArray request = '*' + QByteArray::number(arguments.size()) + "\r\n";
    for (const QByteArray &argument : arguments)
        request += '$' + QByteArray::number(argument.size()) + "\r\n" + argument + "\r\n";
    socket.write(request);

    QByteArray buffer;
    while (true) {
        const qsizetype end = replyEnd(buffer, 0);
        if (end >= 0)
            return decodeReply(buffer.left(end));
        if (deadline.hasExpired() || !socket.waitForReadyRead(int(deadline.remainingTime())))
            return std::nullopt;
        buffer += socket.readAll();
    }
}

QByteArray lastLines(const QByteArray &text, int lines)
{
    qsizetype pos = text.size();
    if (text.endsWith('\n'))
        --pos;
    while (lines-- > 0 && pos > 0)
        pos = text.lastIndexOf('\n', pos - 1);
    return pos <= 0 ? text : text.mid(pos + 1);
}

} // namespace TestSupport
