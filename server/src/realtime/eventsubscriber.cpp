#include "realtime/eventsubscriber.h"

#include <memory>

#include <hiredis/hiredis.h>
#include <poll.h>

#include "realtime/hubmetrics.h"

namespace Nextup {

namespace {
struct ContextDeleter
{
    void operator()(redisContext *context) const { redisFree(context); }
};
struct ReplyDeleter
{
    void operator()(redisReply *reply) const { freeReplyObject(reply); }
};
using ContextPtr = std::unique_ptr<redisContext, ContextDeleter>;
using ReplyPtr = std::unique_ptr<redisReply, ReplyDeleter>;

ReplyPtr command(redisContext *context, const QList<QByteArray> &argv)
{
    std::vector<const char *> args;
    std::vector<size_t> lengths;
    for (const QByteArray &arg : argv) {
        args.push_back(arg.constData());
        lengths.push_back(size_t(arg.size()));
    }
    return ReplyPtr(static_cast<redisReply *>(
        redisCommandArgv(context, int(args.size()), args.data(), lengths.data())));
}
} // namespace

EventSubscriber::EventSubscriber(RedisEndpoint endpoint, QByteArray channel, QObject *parent)
    : QThread(parent), m_endpoint(std::move(endpoint)), m_channel(std::move(channel))
{
}

EventSubscriber::~EventSubscriber()
{
    stop();
}

void EventSubscriber::stop()
{
    m_stop = true;
    wait();
}

void EventSubscriber::run()
{
    int backoffMs = 100;
    while (!m_stop) {
        if (listenOnce())
            backoffMs = 100; // it was up; come back quickly
        m_subscribed = false;
        for (int waited = 0; waited < backoffMs && !m_stop; waited += 50)
            msleep(50);
        backoffMs = qMin(backoffMs * 2, 2000);
    }
}

bool EventSubscriber::listenOnce()
{
    const timeval timeout{1, 0};
    ContextPtr context(
        redisConnectWithTimeout(m_endpoint.host.toUtf8().constData(), m_endpoint.port, timeout));
    if (!context || context->err)
        return false;
    redisSetTimeout(context.get(), timeout);
    if (!m_endpoint.password.isEmpty()) {
        QList<QByteArray> auth{"AUTH"};
        if (!m_endpoint.username.isEmpty())
            auth.append(m_endpoint.username.toUtf8());
        auth.append(m_endpoint.password.toUtf8());
        ReplyPtr reply = command(context.get(), auth);
        if (!reply || reply->type == REDIS_REPLY_ERROR)
            return false;
    }
    ReplyPtr subscribed = command(context.get(), {"SUBSCRIBE", m_channel});
    if (!subscribed || subscribed->type != REDIS_REPLY_ARRAY)
        return false;
    m_subscribed = true;
    emit resubscribed(); // anything published while we were not listening is lost: resync

    pollfd descriptor{context->fd, POLLIN, 0};
    while (!m_stop) {
        void *raw = nullptr;
        if (redisGetReplyFromReader(context.get(), &raw) != REDIS_OK)
            return true;
        if (raw) {
            ReplyPtr reply(static_cast<redisReply *>(raw));
            if (reply->type == REDIS_REPLY_ARRAY && reply->elements == 3 &&
                reply->element[2]->type == REDIS_REPLY_STRING)
                emit messageReceived(
                    QByteArray(reply->element[2]->str, qsizetype(reply->element[2]->len)),
                    steadyNowNs());
            continue;
        }
        // Nothing buffered: wait for the socket, waking up twice a second to notice stop().
        descriptor.revents = 0;
        const int ready = ::poll(&descriptor, 1, 500);
        if (ready < 0)
            return true;
        if (ready > 0 && redisBufferRead(context.get()) != REDIS_OK)
            return true; // connection lost: reconnect
    }
    return true;
}

} // namespace Nextup
