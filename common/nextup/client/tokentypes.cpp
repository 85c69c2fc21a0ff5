#include "nextup/client/tokentypes.h"

namespace Nextup {

namespace Key = Wire::Key;

TokenEvent TokenEvent::fromJson(const QJsonObject &json)
{
    TokenEvent e;
    e.event = json.value(Key::Event).toString();
    e.fromStatus = json.value(Key::FromStatus).toString();
    e.toStatus = json.value(Key::ToStatus).toString();
    e.serviceId = json.value(Key::ServiceId).toInt();
    e.counterId = json.value(Key::CounterId).toInt();
    e.actorId = json.value(Key::ActorId).toInt();
    e.actor = json.value(Key::Actor).toString();
    e.reason = json.value(Key::Reason).toString();
    e.at = parseTime(json.value(Key::At));
    return e;
}

QJsonObject NewToken::toJson() const
{
    QJsonObject json{{Key::ServiceId, serviceId}};
    if (!customerInfo.isNull() && !customerInfo.isUndefined())
        json.insert(Key::CustomerInfo, customerInfo);
    if (preferredSlot.isValid())
        json.insert(Key::PreferredSlot, Wire::isoTime(preferredSlot));
    if (priority)
        json.insert(Key::Priority, *priority);
    return json;
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
    for (const QJsonValue &value : json.value(Key::Items).toArray())
        page.items.append(TokenInfo::fromJson(value.toObject()));
    page.page = json.value(Key::Page).toInt();
    page.pageSize = json.value(Key::PageSize).toInt();
    page.total = json.value(Key::Total).toInt();
    return page;
}

StatsBlock StatsBlock::fromJson(const QJsonObject &json, const QString &idKey)
{
    StatsBlock b;
    if (!idKey.isEmpty())
        b.id = json.value(idKey).toInt();
    b.name = json.value(Key::Name).toString();
    b.issued = json.value(Key::Issued).toInteger();
    b.waiting = json.value(Key::Waiting).toInteger();
    b.served = json.value(Key::Served).toInteger();
    b.skipped = json.value(Key::Skipped).toInteger();
    b.cancelled = json.value(Key::Cancelled).toInteger();
    b.noShowRate = json.value(Key::NoShowRate).toDouble();
    b.avgWaitSeconds = json.value(Key::AvgWaitSeconds).toDouble();
    b.p90WaitSeconds = json.value(Key::P90WaitSeconds).toDouble();
    b.avgServiceSeconds = json.value(Key::AvgServiceSeconds).toDouble();
    b.p90ServiceSeconds = json.value(Key::P90ServiceSeconds).toDouble();
    b.withinTargetShare = json.value(Key::WithinTargetShare).toDouble();
    return b;
}

StatsReport StatsReport::fromJson(const QJsonObject &json)
{
    StatsReport r;
    r.from = QDate::fromString(json.value(Key::From).toString(), Qt::ISODate);
    r.to = QDate::fromString(json.value(Key::To).toString(), Qt::ISODate);
    r.totals = StatsBlock::fromJson(json.value(Key::Totals).toObject());
    for (const QJsonValue &value : json.value(Key::PerService).toArray())
        r.perService.append(StatsBlock::fromJson(value.toObject(), Key::ServiceId));
    for (const QJsonValue &value : json.value(Key::PerCounter).toArray())
        r.perCounter.append(StatsBlock::fromJson(value.toObject(), Key::CounterId));
    r.perHour = json.value(Key::PerHour).toArray();
    const QJsonObject accuracy = json.value(Key::EtaAccuracy).toObject();
    r.etaSamples = accuracy.value(Key::Samples).toInteger();
    r.etaMeanAbsErrorSeconds = accuracy.value(Key::MeanAbsErrorSeconds).toDouble();
    r.etaMeanErrorSeconds = accuracy.value(Key::MeanErrorSeconds).toDouble();
    return r;
}

} // namespace Nextup
