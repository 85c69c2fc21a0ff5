#include "queue/redisscript.h"

#include <QCryptographicHash>
#include <QFile>
#include <QLoggingCategory>

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

QList<QByteArray> RedisScript::evalsha(const QByteArray &sha, const Call &call) const
{
    QList<QByteArray> argv;
    argv.reserve(3 + call.keys.size() + call.args.size());
    argv << "EVALSHA" << sha << QByteArray::number(call.keys.size());
    argv << call.keys << call.args;
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
    return runEach(conn, {Call{keys, args}}).constFirst();
}

QList<QList<QByteArray>> RedisScript::evalshaEach(const QList<Call> &calls) const
{
    QList<QList<QByteArray>> commands;
    commands.reserve(calls.size());
    for (const Call &call : calls)
        commands.append(evalsha(m_sha, call));
    return commands;
}

QList<RedisReply> RedisScript::runEach(RedisConnection &conn, const QList<Call> &calls) const
{
    if (!isValid())
        return QList<RedisReply>(calls.size(), notCompiledIn());
    const QList<QList<QByteArray>> commands = evalshaEach(calls);
    QList<RedisReply> replies = commands.size() == 1
                                    ? QList<RedisReply>{conn.run(commands.constFirst())}
                                    : conn.pipeline(commands);
    retryNoscript(conn, calls, replies);
    return replies;
}

void RedisScript::sendEach(RedisConnection &conn, const QList<Call> &calls,
                           RedisConnection::RepliesHandler onReplies) const
{
    if (!isValid()) {
        if (onReplies)
            onReplies(QList<RedisReply>(calls.size(), notCompiledIn()));
        return;
    }
    // A copy of the script (implicitly shared strings) rides along: the reply may be read after
    // this object is gone (a test's engine), never after the connection.
    conn.sendDeferred(evalshaEach(calls),
                      [script = *this, &conn, calls, onReplies](const QList<RedisReply> &answered) {
                          QList<RedisReply> replies = answered;
                          script.retryNoscript(conn, calls, replies);
                          if (onReplies)
                              onReplies(replies);
                      });
}

// A NOSCRIPT reply means that call did not run: load the script and send those calls again.
void RedisScript::retryNoscript(RedisConnection &conn, const QList<Call> &calls,
                                QList<RedisReply> &replies) const
{
    QList<qsizetype> missing;
    for (qsizetype i = 0; i < replies.size(); ++i) {
        if (replies.at(i).errorCode() == "NOSCRIPT")
            missing.append(i);
    }
    if (missing.isEmpty())
        return;
    const RedisReply load = conn.run({"SCRIPT", "LOAD", m_source});
    if (load.isError()) {
        for (qsizetype i : missing)
            replies[i] = load;
        return;
    }
    if (load.string != m_sha)
        qCWarning(lcRedis) << "SCRIPT LOAD of" << m_name << "answered" << load.string
                           << "instead of" << m_sha;
    QList<QList<QByteArray>> again;
    for (qsizetype i : missing)
        again.append(evalsha(load.string, calls.at(i)));
    const QList<RedisReply> retried = conn.pipeline(again);
    for (qsizetype k = 0; k < missing.size(); ++k)
        replies[missing.at(k)] = retried.at(k);
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
