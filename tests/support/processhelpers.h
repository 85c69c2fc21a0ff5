#pragma once

#include <optional>

#include <sys/types.h>

#include <QByteArray>
#include <QByteArrayList>

class QProcess;

// Small pieces shared by TestServices and ServerProcess.
namespace TestSupport {

// A TCP port on 127.0.0.1 that was free a moment ago (bind to port 0, read it, close).
int freeTcpPort();

// True when nothing listens on 127.0.0.1:port (we can bind it ourselves).
bool tcpPortFree(int port);

struct SystemUser
{
    uid_t uid = 0;
    gid_t gid = 0;
};

// The account's ids, looked up in the parent: getpwnam is not safe between fork and exec.
std::optional<SystemUser> lookupUser(const char *name);

// The child gets SIGKILL when the test process dies (crash, qFatal, ctest timeout), so a failed
// test never leaves a Postgres, Redis or server behind. With `runAs`, the child first switches to
// that user (Postgres refuses to run as root). The parent-death signal is tied to the *thread*
// that starts the process: start children from the main (test) thread.
void bindChildToParent(QProcess &process, std::optional<SystemUser> runAs = std::nullopt);

// Sends one command to Redis over a fresh connection and returns the reply: the text of a simple
// string, error (with its leading '-'), integer or bulk string reply (a null QByteArray for nil;
// an array reply comes back as its raw RESP text).
// Returns std::nullopt when Redis cannot be reached or does not answer in time.
std::optional<QByteArray> redisCommand(int port, const QByteArrayList &arguments,
                                       int timeoutMs = 3000);

// The last `lines` lines of text, for log excerpts in failure messages.
QByteArray lastLines(const QByteArray &text, int lines);

} // namespace TestSupport
