#include "nextup/client/tokentypes.h"

#include <QRegularExpression>

namespace Nextup {

namespace Key = Wire::Key;

namespace {
const std::array<const char *, 7> kDayKeys{"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
const QString kMidnight = QStringLiteral("24:00");

std::optional<qint64> optionalCount(const QJsonObject &json, QLatin1StringView key)
{
    const QJsonValue value = json.value(key);
    return value.isDouble() ? std::optional<qint64>(value.toInteger()) : std::nullopt;
}

std::optional<double> optionalNumber(const QJsonObject &json, QLatin1StringView key)
{
    const QJsonValue value = json.value(key);
    return value.isDouble() ? std::optional<double>(value.toDouble()) : std::nullopt;
}

QString closeText(const OpeningRange &range)
{
    return range.closesAtMidnight() ? kMidnight : range.close.toString(u"HH:mm");
}
} // namespace

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
    for (const QJsonValue value : json.value(Key::Items).toArray())
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
    b.appointmentsBooked = optionalCount(json, Key::AppointmentsBooked);
    b.appointmentsCheckedIn = optionalCount(json, Key::AppointmentsCheckedIn);
    b.noShows = optionalCount(json, Key::NoShows);
    b.appointmentNoShowRate = optionalNumber(json, Key::AppointmentNoShowRate);
    b.punctualitySeconds = optionalNumber(json, Key::PunctualitySeconds);
    return b;
}

StatsReport StatsReport::fromJson(const QJsonObject &json)
{
    StatsReport r;
    r.from = QDate::fromString(json.value(Key::From).toString(), Qt::ISODate);
    r.to = QDate::fromString(json.value(Key::To).toString(), Qt::ISODate);
    r.totals = StatsBlock::fromJson(json.value(Key::Totals).toObject());
    for (const QJsonValue value : json.value(Key::PerService).toArray())
        r.perService.append(StatsBlock::fromJson(value.toObject(), Key::ServiceId));
    for (const QJsonValue value : json.value(Key::PerCounter).toArray())
        r.perCounter.append(StatsBlock::fromJson(value.toObject(), Key::CounterId));
    r.perHour = json.value(Key::PerHour).toArray();
    const QJsonObject accuracy = json.value(Key::EtaAccuracy).toObject();
    r.etaSamples = accuracy.value(Key::Samples).toInteger();
    r.etaMeanAbsErrorSeconds = accuracy.value(Key::MeanAbsErrorSeconds).toDouble();
    r.etaMeanErrorSeconds = accuracy.value(Key::MeanErrorSeconds).toDouble();
    return r;
}

CheckInWindow CheckInWindow::fromJson(const QJsonObject &json)
{
    return {parseTime(json.value(Key::CheckInOpensAt)),
            parseTime(json.value(Key::CheckInClosesAt))};
}

Appointment Appointment::fromJson(const QJsonObject &json)
{
    return {TokenInfo::fromJson(json), parseTime(json.value(Key::CheckedInAt))};
}

QUrlQuery AppointmentFilter::toQuery() const
{
    QUrlQuery query;
    const QDate last = to.isValid() ? to : from;
    if (from.isValid() && last == from) {
        query.addQueryItem(QStringLiteral("date"), from.toString(Qt::ISODate));
    } else if (from.isValid()) {
        query.addQueryItem(QStringLiteral("from"), from.toString(Qt::ISODate));
        query.addQueryItem(QStringLiteral("to"), last.toString(Qt::ISODate));
    }
    if (branchId > 0)
        query.addQueryItem(Key::BranchId.toString(), QString::number(branchId));
    if (serviceId > 0)
        query.addQueryItem(Key::ServiceId.toString(), QString::number(serviceId));
    return query;
}

QString OpeningRange::toText() const
{
    return QStringLiteral("%1-%2").arg(open.toString(u"HH:mm"), closeText(*this));
}

QString BranchBooking::dayKey(int dayOfWeek)
{
    return QLatin1String(kDayKeys.at(std::size_t(qBound(1, dayOfWeek, 7) - 1)));
}

BranchBooking BranchBooking::fromJson(const QJsonObject &json)
{
    BranchBooking b;
    b.branchId = json.value(Key::BranchId).toInt();
    b.timezone = json.value(Key::Timezone).toString();
    const QJsonObject hours = json.value(Key::OpeningHours).toObject();
    for (int day = 1; day <= 7; ++day) {
        for (const QJsonValue item : hours.value(dayKey(day)).toArray()) {
            const QJsonArray pair = item.toArray();
            const QString close = pair.at(1).toString();
            b.on(day).append({QTime::fromString(pair.at(0).toString(), u"HH:mm"),
                              close == kMidnight ? QTime() : QTime::fromString(close, u"HH:mm")});
        }
    }
    for (const QJsonValue item : json.value(Key::ClosedDates).toArray()) {
        // Items are {date, reason}; a plain "YYYY-MM-DD" is read too.
        const QJsonObject entry =
            item.isObject() ? item.toObject() : QJsonObject{{Key::Date, item}};
        b.closedDates.append({QDate::fromString(entry.value(Key::Date).toString(), Qt::ISODate),
                              entry.value(Key::Reason).toString()});
    }
    b.horizonDays = json.value(Key::BookingHorizonDays).toInt(b.horizonDays);
    b.checkInEarlyMinutes = json.value(Key::CheckinEarlyMinutes).toInt(b.checkInEarlyMinutes);
    b.checkInLateMinutes = json.value(Key::CheckinLateMinutes).toInt(b.checkInLateMinutes);
    return b;
}

QJsonObject BranchBooking::toJson() const
{
    QJsonObject hours;
    for (int day = 1; day <= 7; ++day) {
        QJsonArray ranges;
        for (const OpeningRange &range : on(day))
            ranges.append(QJsonArray{range.open.toString(u"HH:mm"), closeText(range)});
        hours.insert(dayKey(day), ranges);
    }
    QJsonArray closed;
    for (const ClosedDate &day : closedDates)
        closed.append(
            QJsonObject{{Key::Date, day.date.toString(Qt::ISODate)}, {Key::Reason, day.reason}});
    return QJsonObject{{Key::OpeningHours, hours},
                       {Key::ClosedDates, closed},
                       {Key::BookingHorizonDays, horizonDays},
                       {Key::CheckinEarlyMinutes, checkInEarlyMinutes},
                       {Key::CheckinLateMinutes, checkInLateMinutes}};
}

std::optional<QList<OpeningRange>> BranchBooking::parseRanges(const QString &text)
{
    QList<OpeningRange> ranges;
    // "9:00-12:30, 13:30 – 17:00": a hyphen, an en or an em dash, spaces anywhere.
    static const QRegularExpression range(
        QStringLiteral(R"(^\s*(\d{1,2}):(\d{2})\s*[-\x{2013}\x{2014}]\s*(\d{1,2}):(\d{2})\s*$)"));
    for (const QString &part : text.split(QRegularExpression(QStringLiteral("[,;]")))) {
        if (part.trimmed().isEmpty())
            continue;
        const QRegularExpressionMatch m = range.match(part);
        if (!m.hasMatch())
            return std::nullopt;
        const QTime open(m.captured(1).toInt(), m.captured(2).toInt());
        const bool midnight = m.captured(3).toInt() == 24 && m.captured(4).toInt() == 0;
        const QTime close =
            midnight ? QTime() : QTime(m.captured(3).toInt(), m.captured(4).toInt());
        if (!open.isValid() || (!midnight && (!close.isValid() || close <= open)))
            return std::nullopt;
        if (!ranges.isEmpty() && (ranges.last().closesAtMidnight() || open < ranges.last().close))
            return std::nullopt; // out of order or overlapping
        ranges.append({open, close});
    }
    return ranges;
}

QString BranchBooking::rangesText(const QList<OpeningRange> &ranges)
{
    QStringList parts;
    for (const OpeningRange &range : ranges)
        parts.append(range.toText());
    return parts.join(QStringLiteral(", "));
}

ServiceBooking ServiceBooking::fromJson(const QJsonObject &json)
{
    ServiceBooking b;
    b.serviceId = json.value(Key::ServiceId).toInt();
    b.slotMinutes = json.value(Key::SlotMinutes).toInt(b.slotMinutes);
    const QJsonValue places = json.value(Key::SlotCapacity);
    b.slotCapacity = places.isDouble() ? std::optional<int>(places.toInt()) : std::nullopt;
    b.capacity = json.value(Key::Capacity).toInt();
    return b;
}

QJsonObject ServiceBooking::toJson() const
{
    return QJsonObject{
        {Key::SlotMinutes, slotMinutes},
        {Key::SlotCapacity, slotCapacity ? QJsonValue(*slotCapacity) : QJsonValue()}};
}

} // namespace Nextup
