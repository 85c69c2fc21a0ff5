#include "domain/eventpublisher.h"

#include "domain/tokenrecord.h"
#include "queue/queueengine.h"
#include "queue/redisconnection.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

EventPublisher::EventPublisher(const QueueEngine &engine, QByteArray channel)
    : m_engine(engine), m_channel(std::move(channel))
{
}

void EventPublisher::publish(RedisConnection &redis, const QString &event, const QStringList &rooms,
                             const QJsonObject &data) const
{
    const auto seq = m_engine.nextEventSeq(redis);
    if (!seq.ok())
        return; // clients notice the missing event by the gap in seq, or by the stale timer
    const QJsonObject envelope{
        {QStringLiteral("event"), event},
        {QStringLiteral("rooms"), QJsonArray::fromStringList(rooms)},
        {QStringLiteral("seq"), *seq},
        {QStringLiteral("at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
        {QStringLiteral("data"), data},
    };
    redis.run({"PUBLISH", m_channel, QJsonDocument(envelope).toJson(QJsonDocument::Compact)});
}

QJsonObject EventPublisher::publicToken(const TokenRecord &token)
{
    QJsonObject json = token.toJson(false);
    json.remove(QStringLiteral("operator_id"));
    return json;
}

void EventPublisher::publishToken(RedisConnection &redis, const QString &event,
                                  const TokenRecord &token, int branchId, int counterId) const
{
    QStringList rooms{QStringLiteral("global"), QStringLiteral("branch:%1").arg(branchId),
                      QStringLiteral("service:%1").arg(token.serviceId),
                      QStringLiteral("token:%1").arg(token.id)};
    if (counterId > 0)
        rooms.append(QStringLiteral("counter:%1").arg(counterId));
    publish(redis, event, rooms, publicToken(token));
}
