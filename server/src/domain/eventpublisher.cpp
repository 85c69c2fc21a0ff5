#include "domain/eventpublisher.h"

#include "domain/tokenrecord.h"
#include "queue/queueengine.h"
#include "queue/redisconnection.h"
#include "queue/redisscript.h"

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
    if (m_changeHook && event != u"queue_update")
        m_changeHook();
    auto json = [](const QJsonValue &value) {
        return QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact).mid(1).chopped(1);
    };
    // The envelope is split around `seq`, which the script fills in.
    const QByteArray head = "{\"event\":" + json(event) + ",\"rooms\":" +
                            json(QJsonArray::fromStringList(rooms)) + ",\"seq\":";
    const QByteArray tail = ",\"at\":" + json(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)) +
                            ",\"data\":" + json(data) + '}';
    const RedisReply reply = m_script.run(redis, {m_engine.keys().ready(), m_engine.keys().eventSeq()},
                                          {m_channel, head, tail});
    if (reply.isError())
        qWarning("Event %s not published: %s", qPrintable(event), reply.string.constData());
    // A lost event shows as a gap in seq (or a resync frame); clients then refetch the state.
}

QJsonObject EventPublisher::publicToken(const TokenRecord &token)
{
    QJsonObject json = token.toJson(false);
    json.remove(QStringLiteral("operator_id"));
    return json;
}

void EventPublisher::publishToken(RedisConnection &redis, const QString &event,
                                  const TokenRecord &token, int branchId, int counterId,
                                  int previousServiceId) const
{
    QStringList rooms{QStringLiteral("global"), QStringLiteral("branch:%1").arg(branchId),
                      QStringLiteral("service:%1").arg(token.serviceId),
                      QStringLiteral("token:%1").arg(token.id)};
    if (counterId > 0)
        rooms.append(QStringLiteral("counter:%1").arg(counterId));
    if (previousServiceId > 0 && previousServiceId != token.serviceId)
        rooms.append(QStringLiteral("service:%1").arg(previousServiceId));
    publish(redis, event, rooms, publicToken(token));
}
