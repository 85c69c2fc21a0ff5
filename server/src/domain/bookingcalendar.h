#pragma once

#include <array>
#include <optional>

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QSet>

#include "core/apierror.h"

namespace Nextup {

// A branch's weekly opening hours in its local wall time: for each weekday the ranges
// [open, close) it is open, e.g. {"mon": [["09:00", "12:30"], ["13:30", "17:00"]], "sat": []}.
// A day that is missing or empty is closed. Ranges end on the day they start (no overnight).
class OpeningHours
{
public:
    struct Range
    {
        QTime open;
        QTime close;
        bool operator==(const Range &) const = default;
    };

    // Monday to Friday 09:00-17:00: what a branch has until an admin sets its hours.
    static OpeningHours standard();
    // Reads the JSON form; a malformed one is a validation error naming `field`.
    static Result<OpeningHours> fromJson(const QJsonValue &json, const QString &field);
    QJsonObject toJson() const;

    // Qt's day numbering: 1 = Monday ... 7 = Sunday.
    const QList<Range> &on(int dayOfWeek) const { return m_week.at(dayOfWeek - 1); }
    bool operator==(const OpeningHours &) const = default;

private:
    std::array<QList<Range>, 7> m_week;
};

// What a branch allows of appointments (its row in `branches`, migration 0007).
struct BookingRules
{
    QByteArray timezone = "UTC";
    OpeningHours hours = OpeningHours::standard();
    QSet<QDate> closedDates;
    int horizonDays = 14;         // bookable up to this many days after today
    int checkInEarlyMinutes = 30; // the check-in window opens this long before the slot...
    int checkInLateMinutes = 15;  // ...and closes this long after it
};

// One bookable slot: UTC instants [start, end).
struct Slot
{
    QDateTime start;
    QDateTime end;
};

// The times an appointment may take for one service of one branch: slots of the service's
// length laid over the branch's opening hours in the branch's time zone. All the slot math is
// here, free of Postgres, so it is tested on its own (daylight-saving days included).
class BookingCalendar
{
public:
    BookingCalendar(BookingRules rules, int slotMinutes);

    // The slots of a local calendar date; none on a closed date or weekday. A wall time that does
    // not exist that day (the hour skipped when clocks go forward) has no slot.
    QList<Slot> slotsOn(const QDate &localDate) const;
    // Why `start` cannot be booked at `now`, naming `field` in the error: 400 validation_failed
    // (not a slot start, in the past, beyond the horizon) or 409 closed; nullopt when it can.
    std::optional<ApiError> refusal(const QDateTime &start, const QDateTime &now,
                                    const QString &field) const;
    // [opens, closes] of the check-in window of a slot starting at `start`.
    Slot checkInWindow(const QDateTime &start) const;
    QDate localDate(const QDateTime &instant) const;
    // The first and last local dates that can be booked at `now`.
    QDate firstDate(const QDateTime &now) const { return localDate(now); }
    QDate lastDate(const QDateTime &now) const
    {
        return localDate(now).addDays(m_rules.horizonDays);
    }

    const BookingRules &rules() const { return m_rules; }
    int slotMinutes() const { return m_slotMinutes; }

private:
    BookingRules m_rules;
    int m_slotMinutes;
};

// Places in one slot: the admin's number when set, else as many customers as the counters that
// serve the service get through in a slot at its expected service time (at least one place when
// any counter serves it).
int slotCapacity(std::optional<int> adminSet, int countersServing, int slotMinutes,
                 int avgServiceSeconds);

} // namespace Nextup
