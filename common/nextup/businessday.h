#pragma once

#include <QByteArray>
#include <QDate>
#include <QDateTime>

namespace Nextup {

// The business day of a branch follows its IANA time zone: a token taken at 23:30 local time
// belongs to that local date even when UTC has already moved on, and numbering restarts at local
// midnight. An unknown zone name falls back to UTC.
QDate businessDate(const QDateTime &instant, const QByteArray &ianaZone);

// The UTC instants [start, end) that make up a branch's local calendar day.
struct DayBounds
{
    QDateTime start;
    QDateTime end;
};
DayBounds dayBounds(const QDate &day, const QByteArray &ianaZone);

bool isValidTimeZone(const QByteArray &ianaZone);

} // namespace Nextup
