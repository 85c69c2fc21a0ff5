#include "domain/eventpublisher.h"

#include <QDateTime>
#include <QJsonDocument>

#include "domain/jsontext.h"
#include "domain/tokenrecord.h"
#include "nextup/wire/enums.h"
#include "nextup/wire/keys.h"
#include "queue/queueengine.h"
#include "queue/redisconnection.h"
#include "queue/redisscript.h"
#include "store/database.h"

namespace Nextup {

namespace {
namespace Key = Wire::Key;

// `"key":`, for the envelope written around `seq`.
QByteArray member(QLatin1StringView key)
{
    return '"' + QByteArray(key.data(), key.size()) + "\":";
}

QByteArray quoted(const QString &text)
{
    QByteArray out;
    JsonText::appendString(out, text);
    return out;
}

QByteArray quotedNow()
{
    return quoted(isoTimeOfMsecs(QDateTime::currentMSecsSinceEpoch()));
}

// An event's envelope {"event","rooms","seq","at","data"} as the text before the seq's value and
// the text after it (name and at already quoted, data compact JSON).
std::pair<QByteArray, QByteArray> envelopeAround(const QByteArray &name, const QByteArray &at,
                                                 const QStringList &rooms, const QByteArray &data)
{
    static const QByteArray eventKey = '{' + member(Key::Event);
    static const QByteArray roomsKey = ',' + member(Key::Rooms);
    static const QByteArray seqKey = ',' + member(Key::Seq);
    static const QByteArray atKey = ',' + member(Key::At);
    static const QByteArray dataKey = ',' + member(Key::Data);
    return {eventKey + name + roomsKey + JsonText::stringArray(rooms) + seqKey,
            atKey + at + dataKey + data + '}'};
}
} // namespace

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

void EventPublisher::publishUnsequenced(RedisConnection &redis, const QString &event,
                                        const QStringList &rooms, const QJsonObject &data) const
{
    const auto [head, tail] = envelopeAround(quoted(event), quotedNow(), rooms,
                                             QJsonDocument(data).toJson(QJsonDocument::Compact));
    redis.sendDeferred({{"PUBLISH", m_channel, head + '0' + tail}},
                       [event](const QList<RedisReply> &replies) {
                           if (!replies.isEmpty() && replies.first().isError())
                               qWarning("Event %s not published: %s", qPrintable(event),
                                        replies.first().string.constData());
                       });
}

void EventPublisher::publishAll(RedisConnection &redis, const QString &event,
                                const QList<Envelope> &envelopes) const
{
    if (envelopes.isEmpty())
        return;
    const QByteArray name = quoted(event);
    const QByteArray at = quotedNow();
    QList<QByteArray> args{m_channel};
    args.reserve(1 + 2 * envelopes.size());
    for (const Envelope &envelope : envelopes) {
        // The script fills in the seq between the two parts.
        auto [head, tail] = envelopeAround(name, at, envelope.rooms, envelope.data);
        args.append(std::move(head));
        args.append(std::move(tail));
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
    if (m_changeHook && event != Wire::toString(Wire::EventType::QueueUpdate)) {
        QList<int> changed;
        for (const Envelope &envelope : envelopes)
            changed += envelope.changedServices;
        m_changeHook(changed);
    }
}

EventPublisher::Envelope EventPublisher::tokenEnvelope(const TokenRecord &token, int branchId,
                                                       int counterId, int previousServiceId)
{
    using Wire::RoomKind;
    Envelope envelope{{Wire::roomName(RoomKind::Global), Wire::roomName(RoomKind::Branch, branchId),
                       Wire::roomName(RoomKind::Service, token.serviceId),
                       Wire::roomName(RoomKind::Token, token.id)},
                      token.publicJson(),
                      {token.serviceId}};
    if (counterId > 0)
        envelope.rooms.append(Wire::roomName(RoomKind::Counter, counterId));
    if (previousServiceId > 0 && previousServiceId != token.serviceId) {
        envelope.rooms.append(Wire::roomName(RoomKind::Service, previousServiceId));
        envelope.changedServices.append(previousServiceId);
    }
    return envelope;
}

void EventPublisher::publishCounter(RedisConnection &redis, const Wire::Counter &counter) const
{
    using Wire::RoomKind;
    publish(redis, Wire::toString(Wire::EventType::CounterStatus),
            {Wire::roomName(RoomKind::Global), Wire::roomName(RoomKind::Branch, counter.branchId),
             Wire::roomName(RoomKind::Counter, counter.id)},
            counter.toJson(Wire::Form::Row));
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
