#include "nextup/businessday.h"

#include <QTimeZone>

namespace Nextup {

namespace {
QTimeZone zoneOrUtc(const QByteArray &ianaZone)
{
    QTimeZone zone(ianaZone);
    return zone.isValid() ? zone : QTimeZone::utc();
}
} // namespace

QDate businessDate(const QDateTime &instant, const QByteArray &ianaZone)
{
    return instant.toTimeZone(zoneOrUtc(ianaZone)).date();
}

DayBounds dayBounds(const QDate &day, const QByteArray &ianaZone)
{
    const QTimeZone zone = zoneOrUtc(ianaZone);
    const QDateTime start(day, QTime(0, 0), zone);
    const QDateTime end(day.addDays(1), QTime(0, 0), zone);
    return {start.toUTC(), end.toUTC()};
}

bool isValidTimeZone(const QByteArray &ianaZone)
{
    return !ianaZone.isEmpty() && QTimeZone::isTimeZoneIdAvailable(ianaZone);
}

} // namespace Nextup
