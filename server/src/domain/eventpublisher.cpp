#include "domain/eventpublisher.h"

#include <QDateTime>
#include <QJsonDocument>

#include "domain/jsontext.h"
#include "domain/tokenrecord.h"
#include "queue/queueengine.h"
#include "queue/redisconnection.h"
#include "queue/redisscript.h"
#include "store/database.h"

namespace Nextup {

EventPublisher::EventPublisher(const QueueEngine &engine, QByteArray channel)
    : m_engine(engine), m_channel(std::move(channel))
{
}

void EventPublisher::publish(RedisConnection &redis, const QString &event, const QStringList &rooms,
                             const QJsonObject &data, const QList<int> &changedServices) const
{
    publishAll(
        redis, event,
        {Envelope{rooms, QJsonDocument(data).toJson(QJsonDocument::Compact), changedServices}});
}

void EventPublisher::publishAll(RedisConnection &redis, const QString &event,
                                const QList<Envelope> &envelopes) const
{
    if (envelopes.isEmpty())
        return;
    QByteArray name;
    JsonText::appendString(name, event);
    QByteArray at;
    JsonText::appendString(at, isoTimeOfMsecs(QDateTime::currentMSecsSinceEpoch()));
    QList<QByteArray> args{m_channel};
    args.reserve(1 + 2 * envelopes.size());
    for (const Envelope &envelope : envelopes) {
        // The envelope is split around `seq`, which the script fills in.
        args.append("{\"event\":" + name + ",\"rooms\":" + JsonText::stringArray(envelope.rooms) +
                    ",\"seq\":");
        args.append(",\"at\":" + at + ",\"data\":" + envelope.data + '}');
    }
    // Nobody waits for the seq: the command is written now (so Redis runs it before anything
    // this thread sends next) and the reply is read later, only to report a failure (or to load
    // the script and send the events again after Redis forgot it).
    m_script.send(redis, {m_engine.keys().ready(), m_engine.keys().eventSeq()}, args,
                  [event](const RedisReply &reply) {
                      if (reply.isError())
                          qWarning("Event %s not published: %s", qPrintable(event),
                                   reply.string.constData());
                  });
    // A lost event shows as a gap in seq (or a resync frame); clients then refetch the state.
    // After the publish was sent, not before: a queue_update computed from now on is normally
    // sequenced after this event, so it is the one clients keep (QueueUpdates also sends the
    // touched services once more on the flush after, for the rare publish Redis runs later).
    if (m_changeHook && event != u"queue_update") {
        QList<int> changed;
        for (const Envelope &envelope : envelopes)
            changed += envelope.changedServices;
        m_changeHook(changed);
    }
}

EventPublisher::Envelope EventPublisher::tokenEnvelope(const TokenRecord &token, int branchId,
                                                       int counterId, int previousServiceId)
{
    Envelope envelope{{QStringLiteral("global"), QStringLiteral("branch:%1").arg(branchId),
                       QStringLiteral("service:%1").arg(token.serviceId),
                       QStringLiteral("token:%1").arg(token.id)},
                      token.publicJson(),
                      {token.serviceId}};
    if (counterId > 0)
        envelope.rooms.append(QStringLiteral("counter:%1").arg(counterId));
    if (previousServiceId > 0 && previousServiceId != token.serviceId) {
        envelope.rooms.append(QStringLiteral("service:%1").arg(previousServiceId));
        envelope.changedServices.append(previousServiceId);
    }
    return envelope;
}

void EventPublisher::publishToken(RedisConnection &redis, const QString &event,
                                  const TokenRecord &token, int branchId, int counterId,
                                  int previousServiceId) const
{
    publishAll(redis, event, {tokenEnvelope(token, branchId, counterId, previousServiceId)});
}

void EventPublisher::publishTokens(RedisConnection &redis, const QString &event,
                                   const QList<TokenRecord> &tokens,
                                   const QList<int> &branchIds) const
{
    QList<Envelope> envelopes;
    envelopes.reserve(tokens.size());
    for (qsizetype i = 0; i < tokens.size(); ++i)
        envelopes.append(tokenEnvelope(tokens.at(i), branchIds.value(i), 0, 0));
    publishAll(redis, event, envelopes);
}

} // namespace Nextup
