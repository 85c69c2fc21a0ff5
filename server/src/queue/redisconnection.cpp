#include "queue/redisconnection.h"

#include <mutex>
#include <utility>
#include <vector>

#include <hiredis/hiredis.h>
#include <poll.h>
#include <signal.h>

#include <QLoggingCategory>
#include <QUrl>

namespace Nextup {

Q_LOGGING_CATEGORY(lcRedis, "nextup.redis")

namespace {

timeval toTimeval(std::chrono::milliseconds ms)
{
    timeval tv{};
    tv.tv_sec = static_cast<time_t>(ms.count() / 1000);
    tv.tv_usec = static_cast<suseconds_t>((ms.count() % 1000) * 1000);
    return tv;
}

RedisReply convert(const redisReply *raw)
{
    RedisReply reply;
    switch (raw->type) {
    case REDIS_REPLY_INTEGER:
        reply.type = RedisReply::Type::Integer;
        reply.integer = raw->integer;
        break;
    case REDIS_REPLY_STRING:
    case REDIS_REPLY_STATUS:
    case REDIS_REPLY_ERROR:
        reply.type = raw->type == REDIS_REPLY_STRING   ? RedisReply::Type::String
                     : raw->type == REDIS_REPLY_STATUS ? RedisReply::Type::Status
                                                       : RedisReply::Type::Error;
        reply.string = QByteArray(raw->str, static_cast<qsizetype>(raw->len));
        break;
    case REDIS_REPLY_ARRAY:
        reply.type = RedisReply::Type::Array;
        reply.elements.reserve(static_cast<qsizetype>(raw->elements));
        for (size_t i = 0; i < raw->elements; ++i)
            reply.elements.append(convert(raw->element[i]));
        break;
    default: // REDIS_REPLY_NIL
        reply.type = RedisReply::Type::Nil;
        break;
    }
    return reply;
}

struct ArgvView
{
    std::vector<const char *> data;
    std::vector<size_t> lengths;

    explicit ArgvView(const QList<QByteArray> &argv)
    {
        data.reserve(argv.size());
        lengths.reserve(argv.size());
        for (const QByteArray &arg : argv) {
            data.push_back(arg.constData());
            lengths.push_back(static_cast<size_t>(arg.size()));
        }
    }
    int count() const { return static_cast<int>(data.size()); }
};

RedisReply errorReply(QByteArray text)
{
    RedisReply r;
    r.type = RedisReply::Type::Error;
    r.string = std::move(text);
    return r;
}

} // namespace

std::optional<RedisEndpoint> RedisEndpoint::parse(const QString &url)
{
    const QUrl u(url, QUrl::StrictMode);
    if (!u.isValid() || u.scheme() != QLatin1String("redis") || u.host().isEmpty() ||
        u.hasQuery() || u.hasFragment())
        return std::nullopt;
    RedisEndpoint e;
    e.host = u.host();
    e.port = u.port(6379);
    if (e.port <= 0 || e.port > 65535)
        return std::nullopt;
    const QString path = u.path();
    if (!path.isEmpty() && path != QLatin1String("/")) {
        bool ok = false;
        e.db = path.mid(1).toInt(&ok);
        if (!ok || e.db < 0 || !path.mid(1).front().isDigit())
            return std::nullopt;
    }
    e.username = u.userName(QUrl::FullyDecoded);
    e.password = u.password(QUrl::FullyDecoded);
    // AUTH needs a password; a lone user name is most likely a password written without ':'.
    if (!e.username.isEmpty() && e.password.isEmpty())
        return std::nullopt;
    return e;
}

QString RedisEndpoint::toDisplayString() const
{
    const QString auth = password.isEmpty() ? QString() : username + QStringLiteral(":***@");
    const QString hostPart = host.contains(u':') ? u'[' + host + u']' : host;
    return QStringLiteral("redis://%1%2:%3/%4").arg(auth, hostPart).arg(port).arg(db);
}

QByteArray RedisReply::errorCode() const
{
    if (type != Type::Error)
        return {};
    const qsizetype space = string.indexOf(' ');
    return space < 0 ? string : string.left(space);
}

void RedisConnection::ContextDeleter::operator()(redisContext *context) const
{
    redisFree(context);
}

RedisConnection::RedisConnection(RedisEndpoint endpoint, std::chrono::milliseconds timeout)
    : m_endpoint(std::move(endpoint)), m_timeout(timeout)
{
    // hiredis sends with write(2): a write to a link the peer just reset raises SIGPIPE, whose
    // default action kills the whole server. An EPIPE error is what we want instead.
    static std::once_flag ignoreSigpipe;
    std::call_once(ignoreSigpipe, [] { ::signal(SIGPIPE, SIG_IGN); });
}

RedisConnection::~RedisConnection() = default;

void RedisConnection::disconnect()
{
    m_context.reset();
}

RedisReply RedisConnection::run(const QList<QByteArray> &argv)
{
    QList<RedisReply> failed;
    if (!checkCommands({argv}, &failed, false))
        return failed.constFirst();
    ArgvView view(argv);
    void *raw =
        redisCommandArgv(m_context.get(), view.count(), view.data.data(), view.lengths.data());
    if (!raw)
        return failAndDrop();
    return takeReply(raw);
}

// Refuses an empty command, then makes sure of a link; on failure *failed holds one reply per
// command. Unread deferred replies are read first, unless `behindDeferred`: more deferred
// commands may queue behind them on a link that is known to be up.
bool RedisConnection::checkCommands(const QList<QList<QByteArray>> &commands,
                                    QList<RedisReply> *failed, bool behindDeferred)
{
    for (const auto &argv : commands) {
        if (argv.isEmpty()) {
            failed->fill(errorReply("ERR empty command"), commands.size());
            return false;
        }
    }
    if (behindDeferred && m_context && !m_deferred.isEmpty())
        return true; // replies are due on this socket: the liveness check would misread them
    readDeferred();
    QByteArray error;
    if (!commands.isEmpty() && !ensureConnected(&error)) {
        failed->fill(RedisReply::ioError(error), commands.size());
        return false;
    }
    return true;
}

QList<RedisReply> RedisConnection::pipeline(const QList<QList<QByteArray>> &commands)
{
    QList<RedisReply> replies;
    replies.reserve(commands.size());
    if (!checkCommands(commands, &replies, false))
        return replies;
    for (const auto &argv : commands) {
        ArgvView view(argv);
        redisAppendCommandArgv(m_context.get(), view.count(), view.data.data(),
                               view.lengths.data());
    }
    for (qsizetype i = 0; i < commands.size(); ++i) {
        void *raw = nullptr;
        if (redisGetReply(m_context.get(), &raw) != REDIS_OK || !raw) {
            const RedisReply failure = failAndDrop();
            while (replies.size() < commands.size())
                replies.append(failure);
            break;
        }
        replies.append(takeReply(raw));
    }
    return replies;
}

void RedisConnection::sendDeferred(const QList<QList<QByteArray>> &commands,
                                   RepliesHandler onReplies)
{
    if (commands.isEmpty())
        return;
    QList<RedisReply> failed;
    if (!checkCommands(commands, &failed, true)) {
        if (onReplies)
            onReplies(failed);
        return;
    }
    for (const auto &argv : commands) {
        ArgvView view(argv);
        redisAppendCommandArgv(m_context.get(), view.count(), view.data.data(),
                               view.lengths.data());
    }
    // Written now, so the commands run in Redis before anything the caller does next.
    int done = 0;
    while (!done) {
        if (redisBufferWrite(m_context.get(), &done) != REDIS_OK) {
            const RedisReply failure = failAndDrop();
            if (onReplies)
                onReplies(QList<RedisReply>(commands.size(), failure));
            return;
        }
    }
    m_deferred.append(Deferred{commands.size(), std::move(onReplies)});
}

void RedisConnection::readDeferred()
{
    while (!m_deferred.isEmpty()) {
        // Every reply due is read before any handler runs: a handler may use this connection (a
        // script reloaded and run again), and what it sends must follow what was sent before it.
        const QList<Deferred> due = std::exchange(m_deferred, {});
        QList<QList<RedisReply>> replies;
        replies.reserve(due.size());
        for (const Deferred &deferred : due) {
            QList<RedisReply> mine;
            mine.reserve(deferred.count);
            while (mine.size() < deferred.count) {
                void *raw = nullptr;
                if (!m_context || redisGetReply(m_context.get(), &raw) != REDIS_OK || !raw) {
                    const RedisReply failure =
                        m_context ? failAndDrop() : RedisReply::ioError("connection lost");
                    while (mine.size() < deferred.count)
                        mine.append(failure);
                    break;
                }
                mine.append(takeReply(raw));
            }
            replies.append(std::move(mine));
        }
        for (qsizetype i = 0; i < due.size(); ++i) {
            if (due.at(i).onReplies)
                due.at(i).onReplies(replies.at(i));
        }
    }
}

// One dial per call at most: when Redis is down every call costs a refused connect (or at worst
// the connect timeout), never a retry loop.
bool RedisConnection::ensureConnected(QByteArray *error)
{
    if (m_context && linkLooksDead()) {
        qCInfo(lcRedis) << "connection to" << m_endpoint.toDisplayString()
                        << "was closed by the peer; reconnecting";
        m_context.reset();
    }
    if (m_context)
        return true;
    if (dial(error)) {
        if (m_loggedDown)
            qCInfo(lcRedis) << "connected again to" << m_endpoint.toDisplayString();
        m_loggedDown = false;
        return true;
    }
    if (!m_loggedDown)
        qCWarning(lcRedis) << "cannot reach" << m_endpoint.toDisplayString() << ':' << *error;
    m_loggedDown = true;
    return false;
}

bool RedisConnection::dial(QByteArray *error)
{
    const timeval tv = toTimeval(m_timeout);
    redisContext *raw =
        redisConnectWithTimeout(m_endpoint.host.toUtf8().constData(), m_endpoint.port, tv);
    std::unique_ptr<redisContext, ContextDeleter> context(raw);
    if (!context) {
        *error = "cannot allocate a redis context";
        return false;
    }
    if (context->err) {
        *error = QByteArray(context->errstr);
        return false;
    }
    if (redisSetTimeout(context.get(), tv) != REDIS_OK) {
        *error = "cannot set the socket timeout";
        return false;
    }
    redisEnableKeepAlive(context.get());
    m_context = std::move(context);
    if (!handshake(error)) {
        m_context.reset();
        return false;
    }
    ++m_connectCount;
    return true;
}

bool RedisConnection::handshake(QByteArray *error)
{
    QList<QList<QByteArray>> commands;
    if (!m_endpoint.password.isEmpty()) {
        QList<QByteArray> auth{"AUTH"};
        if (!m_endpoint.username.isEmpty())
            auth.append(m_endpoint.username.toUtf8());
        auth.append(m_endpoint.password.toUtf8());
        commands.append(auth);
    }
    if (m_endpoint.db != 0)
        commands.append({"SELECT", QByteArray::number(m_endpoint.db)});
    for (const auto &argv : commands) {
        ArgvView view(argv);
        void *raw =
            redisCommandArgv(m_context.get(), view.count(), view.data.data(), view.lengths.data());
        if (!raw) {
            *error = QByteArray(m_context->errstr);
            return false;
        }
        const RedisReply reply = takeReply(raw);
        if (reply.isError()) {
            *error = argv.front() + " failed: " + reply.string;
            return false;
        }
    }
    return true;
}

// In request/response mode nothing may be readable on an idle link; if something is, the peer
// closed it (Redis restarted, idle timeout) or the stream is out of step. Checking before sending
// means a command is never written into a dead socket, so a restart costs no failed call.
bool RedisConnection::linkLooksDead() const
{
    pollfd p{};
    p.fd = m_context->fd;
    p.events = POLLIN;
    return ::poll(&p, 1, 0) > 0;
}

RedisReply RedisConnection::takeReply(void *raw)
{
    auto *reply = static_cast<redisReply *>(raw);
    RedisReply converted = convert(reply);
    freeReplyObject(reply);
    return converted;
}

// After an I/O or protocol error hiredis leaves the context unusable; the next call dials again.
RedisReply RedisConnection::failAndDrop()
{
    QByteArray reason =
        m_context && m_context->err ? QByteArray(m_context->errstr) : QByteArray("connection lost");
    if (reason.isEmpty())
        reason = "connection lost";
    if (!m_loggedDown)
        qCWarning(lcRedis) << "lost" << m_endpoint.toDisplayString() << ':' << reason;
    m_loggedDown = true;
    m_context.reset();
    return RedisReply::ioError(reason);
}

} // namespace Nextup
