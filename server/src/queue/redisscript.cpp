#include "queue/redisscript.h"

#include <QCryptographicHash>
#include <QFile>
#include <QLoggingCategory>

namespace Nextup {

Q_DECLARE_LOGGING_CATEGORY(lcRedis)

RedisScript::RedisScript(const QString &name) : m_name(name)
{
    QFile file(QStringLiteral(":/nextup/queue/lua/%1.lua").arg(name));
    if (!file.open(QIODevice::ReadOnly)) {
        // Only a broken build gets here (the scripts are compiled in); every run then fails with
        // a 500 instead of crashing the server.
        qCCritical(lcRedis) << "missing Lua script resource" << file.fileName();
        return;
    }
    m_source = file.readAll();
    m_sha = QCryptographicHash::hash(m_source, QCryptographicHash::Sha1).toHex();
}

QList<QByteArray> RedisScript::evalsha(const QByteArray &sha, const QList<QByteArray> &keys,
                                       const QList<QByteArray> &args) const
{
    QList<QByteArray> argv;
    argv.reserve(3 + keys.size() + args.size());
    argv << "EVALSHA" << sha << QByteArray::number(keys.size());
    argv << keys << args;
    return argv;
}

RedisReply RedisScript::notCompiledIn() const
{
    RedisReply r;
    r.type = RedisReply::Type::Error;
    r.string = "ERR script " + m_name.toUtf8() + " is not compiled in";
    return r;
}

RedisReply RedisScript::run(RedisConnection &conn, const QList<QByteArray> &keys,
                            const QList<QByteArray> &args) const
{
    if (!isValid())
        return notCompiledIn();
    return retryIfNoscript(conn, keys, args, conn.run(evalsha(m_sha, keys, args)));
}

void RedisScript::send(RedisConnection &conn, const QList<QByteArray> &keys,
                       const QList<QByteArray> &args, ReplyHandler onReply) const
{
    if (!isValid()) {
        if (onReply)
            onReply(notCompiledIn());
        return;
    }
    // A copy of the script (implicitly shared strings) rides along: the reply may be read after
    // this object is gone (a test's engine), never after the connection.
    conn.sendDeferred({evalsha(m_sha, keys, args)}, [script = *this, &conn, keys, args,
                                                     onReply](const QList<RedisReply> &replies) {
        const RedisReply reply = script.retryIfNoscript(conn, keys, args, replies.constFirst());
        if (onReply)
            onReply(reply);
    });
}

RedisReply RedisScript::retryIfNoscript(RedisConnection &conn, const QList<QByteArray> &keys,
                                        const QList<QByteArray> &args, RedisReply reply) const
{
    if (reply.errorCode() != "NOSCRIPT")
        return reply;
    RedisReply load = conn.run({"SCRIPT", "LOAD", m_source});
    if (load.isError())
        return load;
    if (load.string != m_sha)
        qCWarning(lcRedis) << "SCRIPT LOAD of" << m_name << "answered" << load.string
                           << "instead of" << m_sha;
    return conn.run(evalsha(load.string, keys, args));
}

namespace RedisErrors {

ApiError queueNotReady()
{
    return {503,
            QStringLiteral("queue_not_ready"),
            QStringLiteral("The live queue is being rebuilt; try again shortly."),
            {}};
}

bool isQueueNotReady(const ApiError &error)
{
    return error.code == QLatin1String("queue_not_ready");
}

ApiError fromReply(const RedisReply &reply)
{
    if (reply.isIoError())
        return ApiError::redisUnavailable();
    const QByteArray code = reply.errorCode();
    if (code == notReadyPrefix)
        return queueNotReady();
    // Transient states of a live Redis: restarting from disk, a replica that lost its master,
    // a script over its time limit, memory full.
    static const QByteArrayList transient{"LOADING",  "BUSY", "MASTERDOWN", "READONLY",
                                          "TRYAGAIN", "OOM",  "NOAUTH",     "CLUSTERDOWN"};
    if (transient.contains(code))
        return ApiError::redisUnavailable();
    qCWarning(lcRedis) << "unexpected Redis answer:" << reply.string;
    return ApiError::internal(QStringLiteral("Unexpected answer from the queue store."));
}

} // namespace RedisErrors

} // namespace Nextup
