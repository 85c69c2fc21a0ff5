#pragma once

#include <QDateTime>
#include <QJsonValue>
#include <QString>

// Times on the wire are ISO 8601 in UTC with milliseconds: "2026-11-25T09:30:00.123Z".
namespace Nextup::Wire {

// What QDateTime::toString(Qt::ISODateWithMs) writes for the time in UTC; empty for an invalid
// time.
QString isoTime(const QDateTime &time);
// The same from milliseconds since the epoch.
QString isoTimeOfMsecs(qint64 msecs);
// The time in UTC; null, an empty or a malformed text give an invalid QDateTime.
QDateTime parseTime(const QJsonValue &value);

} // namespace Nextup::Wire
