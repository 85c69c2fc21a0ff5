#include "domain/bookingcalendar.h"

#include <QJsonArray>
#include <QTimeZone>

namespace Nextup {

namespace {
const std::array<const char *, 7> kDayNames{"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

QTimeZone zoneOf(const QByteArray &iana)
{
    QTimeZone zone(iana);
    return zone.isValid() ? zone : QTimeZone::utc();
}

ApiError fieldError(const QString &field, const QString &message)
{
    return ApiError::validation(QJsonObject{{field, message}});
}

std::optional<OpeningHours::Range> rangeOf(const QJsonValue &json)
{
    const QJsonArray pair = json.toArray();
    if (pair.size() != 2 || !pair.at(0).isString() || !pair.at(1).isString())
        return std::nullopt;
    const QTime open = QTime::fromString(pair.at(0).toString(), u"HH:mm");
    // "24:00" closes at midnight.
    const QString closeText = pair.at(1).toString();
    const QTime close =
        closeText == u"24:00" ? QTime(23, 59, 59, 999) : QTime::fromString(closeText, u"HH:mm");
    if (!open.isValid() || !close.isValid() || close <= open)
        return std::nullopt;
    return OpeningHours::Range{open, close};
}

QString timeText(const QTime &time)
{
    return time.msec() == 999 ? QStringLiteral("24:00") : time.toString(u"HH:mm");
}
} // namespace

OpeningHours OpeningHours::standard()
{
    OpeningHours hours;
    for (int day = 0; day < 5; ++day)
        hours.m_week[day] = {Range{QTime(9, 0), QTime(17, 0)}};
    return hours;
}

Result<OpeningHours> OpeningHours::fromJson(const QJsonValue &json, const QString &field)
{
    if (!json.isObject())
        return fieldError(field, QStringLiteral("Must be an object of weekdays (mon..sun)."));
    const QJsonObject week = json.toObject();
    OpeningHours hours;
    for (auto it = week.begin(); it != week.end(); ++it) {
        const auto day = std::find_if(kDayNames.begin(), kDayNames.end(), [&](const char *name) {
            return it.key() == QLatin1String(name);
        });
        if (day == kDayNames.end())
            return fieldError(field,
                              QStringLiteral("Unknown weekday '%1' (use mon..sun).").arg(it.key()));
        if (!it.value().isArray())
            return fieldError(
                field,
                QStringLiteral("%1: a list of [\"HH:mm\", \"HH:mm\"] ranges.").arg(it.key()));
        QList<Range> &ranges = hours.m_week[std::distance(kDayNames.begin(), day)];
        for (const QJsonValue item : it.value().toArray()) {
            const auto range = rangeOf(item);
            if (!range)
                return fieldError(field, QStringLiteral("%1: each range is [\"HH:mm\", \"HH:mm\"], "
                                                        "closing after it opens.")
                                             .arg(it.key()));
            if (!ranges.isEmpty() && range->open < ranges.last().close)
                return fieldError(
                    field,
                    QStringLiteral("%1: ranges must be in order and not overlap.").arg(it.key()));
            ranges.append(*range);
        }
    }
    return hours;
}

QJsonObject OpeningHours::toJson() const
{
    QJsonObject week;
    for (std::size_t day = 0; day < kDayNames.size(); ++day) {
        QJsonArray ranges;
        for (const Range &range : m_week.at(day))
            ranges.append(QJsonArray{range.open.toString(u"HH:mm"), timeText(range.close)});
        week.insert(QLatin1String(kDayNames.at(day)), ranges);
    }
    return week;
}

BookingCalendar::BookingCalendar(BookingRules rules, int slotMinutes)
    : m_rules(std::move(rules)), m_slotMinutes(qMax(1, slotMinutes))
{
}

QDate BookingCalendar::localDate(const QDateTime &instant) const
{
    return instant.toTimeZone(zoneOf(m_rules.timezone)).date();
}

QList<Slot> BookingCalendar::slotsOn(const QDate &localDate) const
{
    QList<Slot> daySlots;
    if (!localDate.isValid() || m_rules.closedDates.contains(localDate))
        return daySlots;
    const QTimeZone zone = zoneOf(m_rules.timezone);
    const int step = m_slotMinutes * 60;
    for (const OpeningHours::Range &range : m_rules.hours.on(localDate.dayOfWeek())) {
        // Walked in real time from opening to closing, so a day when clocks change has the daySlots
        // its hours really hold (one hour fewer or more of them when the range spans the change);
        // an opening time inside the skipped hour opens when the clocks say that hour again.
        const QDateTime open(localDate, range.open, zone);
        const QDateTime close = range.close.msec() == 999
                                    ? QDateTime(localDate.addDays(1), QTime(0, 0), zone)
                                    : QDateTime(localDate, range.close, zone);
        for (QDateTime start = open.toUTC(); start.addSecs(step) <= close;
             start = start.addSecs(step))
            daySlots.append(Slot{start, start.addSecs(step)});
    }
    return daySlots;
}

std::optional<ApiError> BookingCalendar::refusal(const QDateTime &start, const QDateTime &now,
                                                 const QString &field) const
{
    if (!start.isValid())
        return fieldError(field, QStringLiteral("Must be an ISO 8601 time."));
    if (start <= now)
        return fieldError(field, QStringLiteral("Must be in the future."));
    const QDate date = localDate(start);
    if (date > lastDate(now))
        return fieldError(field, QStringLiteral("Appointments can be booked up to %1 days ahead.")
                                     .arg(m_rules.horizonDays));
    const QList<Slot> daySlots = slotsOn(date);
    if (daySlots.isEmpty()) {
        ApiError closed = ApiError::conflict(
            QStringLiteral("closed"),
            QStringLiteral("The branch is closed on %1.").arg(date.toString(Qt::ISODate)));
        closed.details = QJsonObject{{field, QStringLiteral("The branch is closed that day.")}};
        return closed;
    }
    const bool onSlot = std::any_of(daySlots.begin(), daySlots.end(),
                                    [&](const Slot &slot) { return slot.start == start; });
    if (!onSlot)
        return fieldError(field,
                          QStringLiteral("Not the start of a slot: daySlots are %1 minutes long "
                                         "within the branch's opening hours.")
                              .arg(m_slotMinutes));
    return std::nullopt;
}

Slot BookingCalendar::checkInWindow(const QDateTime &start) const
{
    return Slot{start.addSecs(-60LL * m_rules.checkInEarlyMinutes),
                start.addSecs(60LL * m_rules.checkInLateMinutes)};
}

int slotCapacity(std::optional<int> adminSet, int countersServing, int slotMinutes,
                 int avgServiceSeconds)
{
    if (adminSet)
        return qMax(0, *adminSet);
    if (countersServing <= 0)
        return 0;
    const int perCounter = (slotMinutes * 60) / qMax(1, avgServiceSeconds);
    return qMax(1, countersServing * perCounter);
}

} // namespace Nextup
