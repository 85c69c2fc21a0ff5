#include "nextup/client/types.h"

namespace Nextup {

namespace {
QJsonValue orNull(int id)
{
    return id > 0 ? QJsonValue(id) : QJsonValue(QJsonValue::Null);
}
} // namespace

QDateTime parseTime(const QJsonValue &value)
{
    const QString text = value.toString();
    if (text.isEmpty())
        return {};
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    return time.isValid() ? time.toUTC() : time;
}

UserInfo UserInfo::fromJson(const QJsonObject &json)
{
    return UserInfo{json.value(u"id").toInt(), json.value(u"username").toString(),
                    json.value(u"role").toString(), json.value(u"full_name").toString(),
                    json.value(u"active").toBool(true)};
}

ServiceInfo ServiceInfo::fromJson(const QJsonObject &json)
{
    ServiceInfo s;
    s.id = json.value(u"id").toInt();
    s.branchId = json.value(u"branch_id").toInt();
    s.code = json.value(u"code").toString();
    s.name = json.value(u"name").toString();
    s.avgServiceSeconds = json.value(u"avg_service_seconds").toInt();
    s.targetWaitSeconds = json.value(u"target_wait_seconds").toInt();
    s.active = json.value(u"active").toBool(true);
    s.waiting = json.value(u"waiting").toInt();
    s.eta = json.value(u"eta").toInt();
    return s;
}

CurrentToken CurrentToken::fromJson(const QJsonObject &json)
{
    return CurrentToken{json.value(u"id").toInteger(), json.value(u"token_number").toString(),
                        json.value(u"status").toString(), json.value(u"service_id").toInt()};
}

QJsonObject CurrentToken::toJson() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("token_number"), tokenNumber},
            {QStringLiteral("status"), status},
            {QStringLiteral("service_id"), serviceId}};
}

CounterInfo CounterInfo::fromJson(const QJsonObject &json)
{
    CounterInfo c;
    c.update(json);
    return c;
}

void CounterInfo::update(const QJsonObject &json)
{
    if (json.contains(u"id"))
        id = json.value(u"id").toInt();
    if (json.contains(u"branch_id"))
        branchId = json.value(u"branch_id").toInt();
    if (json.contains(u"name"))
        name = json.value(u"name").toString();
    if (json.contains(u"status"))
        status = json.value(u"status").toString();
    if (json.contains(u"service_ids")) {
        serviceIds.clear();
        for (const QJsonValue &value : json.value(u"service_ids").toArray())
            serviceIds.append(value.toInt());
    }
    if (json.contains(u"operator_id"))
        operatorId = json.value(u"operator_id").toInt();
    if (json.contains(u"pause_reason"))
        pauseReason = json.value(u"pause_reason").toString();
    if (json.contains(u"active"))
        active = json.value(u"active").toBool(true);
    if (json.contains(u"current_token")) {
        const QJsonValue current = json.value(u"current_token");
        currentToken = current.isObject()
                           ? std::optional(CurrentToken::fromJson(current.toObject()))
                           : std::nullopt;
    }
    if (json.contains(u"queue_size"))
        queueSize = json.value(u"queue_size").toInt();
}

QJsonObject CounterInfo::toJson() const
{
    QJsonArray services;
    for (int serviceId : serviceIds)
        services.append(serviceId);
    return {{QStringLiteral("id"), id},
            {QStringLiteral("branch_id"), branchId},
            {QStringLiteral("name"), name},
            {QStringLiteral("status"), status},
            {QStringLiteral("service_ids"), services},
            {QStringLiteral("operator_id"), orNull(operatorId)},
            {QStringLiteral("pause_reason"),
             pauseReason.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(pauseReason)},
            {QStringLiteral("active"), active},
            {QStringLiteral("current_token"),
             currentToken ? QJsonValue(currentToken->toJson()) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("queue_size"), queueSize}};
}

QueueToken QueueToken::fromJson(const QJsonObject &json, int serviceId)
{
    QueueToken t;
    t.id = json.value(u"id").toInteger();
    t.tokenNumber = json.value(u"token_number").toString();
    t.serviceId = json.value(u"service_id").toInt(serviceId);
    t.priority = json.value(u"priority").toInt();
    t.arrivalAt = parseTime(json.value(u"arrival_at"));
    t.targetCounterId = json.value(u"target_counter_id").toInt();
    return t;
}

QJsonObject QueueToken::toJson() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("token_number"), tokenNumber},
            {QStringLiteral("service_id"), serviceId},
            {QStringLiteral("priority"), priority},
            {QStringLiteral("arrival_at"), arrivalAt.toString(Qt::ISODateWithMs)},
            {QStringLiteral("target_counter_id"), orNull(targetCounterId)}};
}

bool QueueToken::goesBefore(const QueueToken &other) const
{
    if (priority != other.priority)
        return priority > other.priority;
    if (arrivalAt != other.arrivalAt)
        return arrivalAt < other.arrivalAt;
    return id < other.id;
}

ServiceQueue ServiceQueue::fromJson(const QJsonObject &json)
{
    ServiceQueue s;
    s.id = json.value(u"id").toInt();
    s.code = json.value(u"code").toString();
    s.name = json.value(u"name").toString();
    s.waiting = json.value(u"waiting").toInt();
    s.eta = json.value(u"eta").toInt();
    for (const QJsonValue &value : json.value(u"tokens").toArray())
        s.tokens.append(QueueToken::fromJson(value.toObject(), s.id));
    return s;
}

QJsonObject ServiceQueue::toJson() const
{
    QJsonArray list;
    for (const QueueToken &token : tokens)
        list.append(token.toJson());
    return {{QStringLiteral("id"), id},     {QStringLiteral("code"), code},
            {QStringLiteral("name"), name}, {QStringLiteral("waiting"), waiting},
            {QStringLiteral("eta"), eta},   {QStringLiteral("tokens"), list}};
}

QueueSnapshot QueueSnapshot::fromJson(const QJsonObject &json)
{
    QueueSnapshot snapshot;
    snapshot.seq = json.value(u"seq").toInteger();
    snapshot.at = parseTime(json.value(u"at"));
    for (const QJsonValue &value : json.value(u"services").toArray())
        snapshot.services.append(ServiceQueue::fromJson(value.toObject()));
    for (const QJsonValue &value : json.value(u"counters").toArray())
        snapshot.counters.append(CounterInfo::fromJson(value.toObject()));
    return snapshot;
}

} // namespace Nextup
