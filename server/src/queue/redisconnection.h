#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

#include <QByteArray>
#include <QList>
#include <QString>
#include <QtGlobal>

struct redisContext;

namespace Nextup {

// Where Redis lives: redis://[[user]:password@]host[:port][/db]. Redis has no TLS here (it stays on
// a private network, see DESIGN.md), so rediss:// and unix sockets are refused rather than
// half-supported.
struct RedisEndpoint
{
    QString host = QStringLiteral("127.0.0.1");
    int port = 6379;
    int db = 0;
    QString username; // Redis 6 ACL user; empty = the default user
    QString password; // empty = no AUTH

    static std::optional<RedisEndpoint> parse(const QString &url);
    // The URL with the password masked, for logs.
    QString toDisplayString() const;
};

// One reply, copied out of hiredis so that it outlives the connection. IoError is not a Redis
// reply: it means the command could not be sent or its answer not read (Redis down, timeout,
// connection lost); `string` then carries the reason.
struct RedisReply
{
    enum class Type
    {
        Nil,
        Integer,
        String,
        Status,
        Array,
        Error,
        IoError
    };

    Type type = Type::Nil;
    qint64 integer = 0;
    QByteArray string; // String, Status, Error and IoError text
    QList<RedisReply> elements;

    static RedisReply ioError(QByteArray reason)
    {
        RedisReply r;
        r.type = Type::IoError;
        r.string = std::move(reason);
        return r;
    }
    bool isNil() const { return type == Type::Nil; }
    bool isIoError() const { return type == Type::IoError; }
    bool isError() const { return type == Type::Error || type == Type::IoError; }
    // "NOSCRIPT", "LOADING", "WRONGTYPE"...: the first word of an Error reply.
    QByteArray errorCode() const;
};

// A synchronous hiredis connection. Not thread-safe: each worker thread owns one, and the HTTP
// thread never has one. Every call either answers within the timeout or fails with IoError; a
// broken link is dropped and re-dialled by the next call, so a RedisConnection recovers by itself
// once Redis is back. The first connection object sets SIGPIPE to ignored for the process (a
// vanished peer must give EPIPE, not kill the server).
class RedisConnection
{
public:
    explicit RedisConnection(RedisEndpoint endpoint,
                             std::chrono::milliseconds timeout = std::chrono::milliseconds(1000));
    ~RedisConnection();
    Q_DISABLE_COPY_MOVE(RedisConnection)

    // argv[0] is the command; arguments are binary safe.
    RedisReply run(const QList<QByteArray> &argv);
    // Several commands in one round trip; one reply per command, in order. After an I/O failure
    // the remaining replies are IoError.
    QList<RedisReply> pipeline(const QList<QList<QByteArray>> &commands);

    // Sends commands and returns without waiting for their replies: for work nobody waits on
    // (publishing an event), it saves the caller a round trip. The replies are read by
    // readDeferred(), which every call except sendDeferred runs first, and handed to onReplies,
    // one per command, in order (IoError when the link failed). onReplies may use this connection.
    using RepliesHandler = std::function<void(const QList<RedisReply> &)>;
    void sendDeferred(const QList<QList<QByteArray>> &commands, RepliesHandler onReplies);
    void readDeferred();

    bool isConnected() const { return m_context != nullptr; }
    void disconnect();
    const RedisEndpoint &endpoint() const { return m_endpoint; }
    // How many times a link was established; lets tests see a reconnect happen.
    quint64 connectCount() const { return m_connectCount; }

private:
    struct ContextDeleter
    {
        void operator()(redisContext *context) const;
    };

    bool ensureConnected(QByteArray *error);
    bool dial(QByteArray *error);
    bool handshake(QByteArray *error);
    bool linkLooksDead() const;
    RedisReply takeReply(void *raw);
    RedisReply failAndDrop();
    bool checkCommands(const QList<QList<QByteArray>> &commands, QList<RedisReply> *failed,
                       bool behindDeferred);

    struct Deferred
    {
        qsizetype count = 0;
        RepliesHandler onReplies;
    };

    RedisEndpoint m_endpoint;
    std::chrono::milliseconds m_timeout;
    std::unique_ptr<redisContext, ContextDeleter> m_context;
    QList<Deferred> m_deferred;
    quint64 m_connectCount = 0;
    bool m_loggedDown = false;
};

} // namespace Nextup
