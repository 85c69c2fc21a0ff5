#include "nextup/client/tokentypes.h"

namespace Nextup {

TokenInfo TokenInfo::fromJson(const QJsonObject &json)
{
    TokenInfo t;
    t.id = json.value(u"id").toInteger();
    t.tokenNumber = json.value(u"token_number").toString();
    t.number = json.value(u"number").toInteger();
    t.serviceId = json.value(u"service_id").toInt();
    t.serviceCode = json.value(u"service_code").toString();
    t.serviceName = json.value(u"service_name").toString();
    t.status = json.value(u"status").toString();
    t.priority = json.value(u"priority").toInt();
    t.customerInfo = json.value(u"customer_info");
    t.businessDate = json.value(u"business_date").toString();
    t.preferredSlot = parseTime(json.value(u"preferred_slot"));
    t.arrivalAt = parseTime(json.value(u"arrival_at"));
    t.createdAt = parseTime(json.value(u"created_at"));
    t.calledAt = parseTime(json.value(u"called_at"));
    t.servingAt = parseTime(json.value(u"serving_at"));
    t.finishedAt = parseTime(json.value(u"finished_at"));
    t.counterId = json.value(u"counter_id").toInt();
    t.counterName = json.value(u"counter_name").toString();
    t.targetCounterId = json.value(u"target_counter_id").toInt();
    t.operatorId = json.value(u"operator_id").toInt();
    t.recallCount = json.value(u"recall_count").toInt();
    t.eta = json.value(u"eta").toInt();
    return t;
}

TokenEvent TokenEvent::fromJson(const QJsonObject &json)
{
    TokenEvent e;
    e.event = json.value(u"event").toString();
    e.fromStatus = json.value(u"from_status").toString();
    e.toStatus = json.value(u"to_status").toString();
    e.serviceId = json.value(u"service_id").toInt();
    e.counterId = json.value(u"counter_id").toInt();
    e.actorId = json.value(u"actor_id").toInt();
    e.actor = json.value(u"actor").toString();
    e.reason = json.value(u"reason").toString();
    e.at = parseTime(json.value(u"at"));
    return e;
}

QJsonObject NewToken::toJson() const
{
    QJsonObject json{{QStringLiteral("service_id"), serviceId}};
    if (!customerInfo.isNull() && !customerInfo.isUndefined())
        json.insert(QStringLiteral("customer_info"), customerInfo);
    if (preferredSlot.isValid())
        json.insert(QStringLiteral("preferred_slot"),
                    preferredSlot.toUTC().toString(Qt::ISODateWithMs));
    if (priority)
        json.insert(QStringLiteral("priority"), *priority);
    return json;
}

CreatedToken CreatedToken::fromJson(const QJsonObject &json)
{
    CreatedToken t;
    t.tokenId = json.value(u"token_id").toInteger();
    t.tokenNumber = json.value(u"token_number").toString();
    t.eta = json.value(u"eta").toInt();
    t.position = json.value(u"position").toInt();
    t.secret = json.value(u"secret").toString();
    t.status = json.value(u"status").toString();
    t.serviceId = json.value(u"service_id").toInt();
    t.serviceName = json.value(u"service_name").toString();
    t.priority = json.value(u"priority").toInt();
    t.createdAt = parseTime(json.value(u"created_at"));
    t.preferredSlot = parseTime(json.value(u"preferred_slot"));
    return t;
}

TokenStatus TokenStatus::fromJson(const QJsonObject &json)
{
    TokenStatus s;
    s.tokenId = json.value(u"token_id").toInteger();
    s.tokenNumber = json.value(u"token_number").toString();
    s.status = json.value(u"status").toString();
    s.position = json.value(u"position").toInt();
    s.eta = json.value(u"eta").toInt();
    s.serviceId = json.value(u"service_id").toInt();
    s.serviceName = json.value(u"service_name").toString();
    s.counterId = json.value(u"counter_id").toInt();
    s.counterName = json.value(u"counter_name").toString();
    s.createdAt = parseTime(json.value(u"created_at"));
    s.calledAt = parseTime(json.value(u"called_at"));
    s.recallCount = json.value(u"recall_count").toInt();
    return s;
}

QUrlQuery HistoryFilter::toQuery() const
{
    QUrlQuery query;
    const auto add = [&query](const char *key, const QString &value) {
        if (!value.isEmpty())
            query.addQueryItem(QString::fromLatin1(key), value);
    };
    add("from", from);
    add("to", to);
    add("service_id", serviceId > 0 ? QString::number(serviceId) : QString());
    add("counter_id", counterId > 0 ? QString::number(counterId) : QString());
    add("status", status);
    add("number", number);
    add("page", page > 0 ? QString::number(page) : QString());
    add("page_size", pageSize > 0 ? QString::number(pageSize) : QString());
    return query;
}

HistoryPage HistoryPage::fromJson(const QJsonObject &json)
{
    HistoryPage page;
    for (const QJsonValue &value : json.value(u"items").toArray())
        page.items.append(TokenInfo::fromJson(value.toObject()));
    page.page = json.value(u"page").toInt();
    page.pageSize = json.value(u"page_size").toInt();
    page.total = json.value(u"total").toInt();
    return page;
}

StatsBlock StatsBlock::fromJson(const QJsonObject &json, const QString &idKey)
{
    StatsBlock b;
    if (!idKey.isEmpty())
        b.id = json.value(idKey).toInt();
    b.name = json.value(u"name").toString();
    b.issued = json.value(u"issued").toInteger();
    b.waiting = json.value(u"waiting").toInteger();
    b.served = json.value(u"served").toInteger();
    b.skipped = json.value(u"skipped").toInteger();
    b.cancelled = json.value(u"cancelled").toInteger();
    b.noShowRate = json.value(u"no_show_rate").toDouble();
    b.avgWaitSeconds = json.value(u"avg_wait_seconds").toDouble();
    b.p90WaitSeconds = json.value(u"p90_wait_seconds").toDouble();
    b.avgServiceSeconds = json.value(u"avg_service_seconds").toDouble();
    b.p90ServiceSeconds = json.value(u"p90_service_seconds").toDouble();
    b.withinTargetShare = json.value(u"within_target_share").toDouble();
    return b;
}

StatsReport StatsReport::fromJson(const QJsonObject &json)
{
    StatsReport r;
    r.from = QDate::fromString(json.value(u"from").toString(), Qt::ISODate);
    r.to = QDate::fromString(json.value(u"to").toString(), Qt::ISODate);
    r.totals = StatsBlock::fromJson(json.value(u"totals").toObject());
    for (const QJsonValue &value : json.value(u"per_service").toArray())
        r.perService.append(StatsBlock::fromJson(value.toObject(), QStringLiteral("service_id")));
    for (const QJsonValue &value : json.value(u"per_counter").toArray())
        r.perCounter.append(StatsBlock::fromJson(value.toObject(), QStringLiteral("counter_id")));
    r.perHour = json.value(u"per_hour").toArray();
    const QJsonObject accuracy = json.value(u"eta_accuracy").toObject();
    r.etaSamples = accuracy.value(u"samples").toInteger();
    r.etaMeanAbsErrorSeconds = accuracy.value(u"mean_abs_error_seconds").toDouble();
    r.etaMeanErrorSeconds = accuracy.value(u"mean_error_seconds").toDouble();
    return r;
}

} // namespace Nextup
