#include "domain/stats.h"

#include <cmath>

#include <QJsonArray>

#include "nextup/wire/keys.h"
#include "store/database.h"

namespace Nextup {

namespace Stats {

namespace {
namespace Key = Wire::Key;

const QString kBase = QStringLiteral(
    "WITH base AS (SELECT t.*, s.name AS service_name, s.target_wait_seconds, c.name AS "
    "counter_name, "
    // An appointment waits from the later of its slot (arrival_at) and its check-in; a token
    // called before that (an early check-in with nobody else waiting) waited nothing, not less.
    // (greatest() skips NULLs, so the CASE keeps a token never called out of the waits.)
    "CASE WHEN t.called_at IS NOT NULL THEN greatest(0, extract(epoch FROM t.called_at - "
    "greatest(t.arrival_at, t.created_at, t.checked_in_at))) END AS wait_s, "
    "CASE WHEN t.status = 'completed' THEN extract(epoch FROM t.finished_at - t.serving_at) END AS "
    "service_s "
    "FROM tokens t JOIN services s ON s.id = t.service_id JOIN branches br ON br.id = s.branch_id "
    "LEFT JOIN counters c ON c.id = t.counter_id "
    "WHERE (?::int = 0 OR s.branch_id = ?::int) AND t.business_date BETWEEN "
    "coalesce(?::date, ?::date, (now() AT TIME ZONE br.timezone)::date) AND "
    "coalesce(?::date, greatest(?::date, (now() AT TIME ZONE br.timezone)::date))) ");

// kBase's parameters.
QVariantList baseParameters(const Scope &scope)
{
    const auto date = [](const QDate &day) {
        return day.isValid() ? QVariant(day.toString(Qt::ISODate))
                             : QVariant(QMetaType::fromType<QString>());
    };
    return {scope.branchId, scope.branchId, date(scope.from),
            date(scope.to), date(scope.to), date(scope.from)};
}

QJsonValue seconds(const QVariant &value)
{
    return value.isNull() ? QJsonValue() : QJsonValue(std::round(value.toDouble() * 10) / 10);
}

QJsonObject block(const Rows &q, int at)
{
    const qint64 served = q.value(at + 2).toLongLong();
    const qint64 skipped = q.value(at + 3).toLongLong();
    const qint64 booked = q.value(at + 10).toLongLong();
    const qint64 checkedIn = q.value(at + 11).toLongLong();
    const qint64 noShows = q.value(at + 12).toLongLong();
    return QJsonObject{
        {Key::Issued, q.value(at).toLongLong()},
        {Key::Waiting, q.value(at + 1).toLongLong()},
        {Key::Served, served},
        {Key::Skipped, skipped},
        {Key::Cancelled, q.value(at + 4).toLongLong()},
        {Key::NoShowRate, served + skipped ? double(skipped) / double(served + skipped) : 0.0},
        {Key::AvgWaitSeconds, seconds(q.value(at + 5))},
        {Key::P90WaitSeconds, seconds(q.value(at + 6))},
        {Key::AvgServiceSeconds, seconds(q.value(at + 7))},
        {Key::P90ServiceSeconds, seconds(q.value(at + 8))},
        {Key::WithinTargetShare,
         q.value(at + 9).isNull() ? QJsonValue() : QJsonValue(q.value(at + 9).toDouble())},
        {Key::AppointmentsBooked, booked},
        {Key::AppointmentsCheckedIn, checkedIn},
        {Key::NoShows, noShows},
        {Key::AppointmentNoShowRate, checkedIn + noShows
                                         ? QJsonValue(double(noShows) / double(checkedIn + noShows))
                                         : QJsonValue()},
        {Key::PunctualitySeconds, seconds(q.value(at + 13))},
    };
}
} // namespace

Result<QJsonObject> compute(Database &db, const Scope &scope)
{
    const QVariantList range = baseParameters(scope);
    // The dates covered, for the answer: with each branch's own today, from the earliest to the
    // latest of them.
    auto days = db.exec(
        QStringLiteral(
            "SELECT min(coalesce(?::date, ?::date, (now() AT TIME ZONE timezone)::date)), "
            "max(coalesce(?::date, greatest(?::date, (now() AT TIME ZONE "
            "timezone)::date))) FROM branches WHERE ?::int = 0 OR id = ?::int"),
        {range.at(2), range.at(3), range.at(4), range.at(5), scope.branchId, scope.branchId});
    if (!days.ok())
        return days.error();
    days->next();
    const QDate today = QDate::currentDate();
    const QDate from = days->value(0).isNull() ? scope.from.isValid() ? scope.from : today
                                               : days->value(0).toDate();
    const QDate to =
        days->value(1).isNull() ? scope.to.isValid() ? scope.to : from : days->value(1).toDate();
    auto groups = db.exec(
        kBase +
            QStringLiteral(
                "SELECT grouping(service_id), grouping(counter_id), service_id, counter_id, "
                "max(service_name), max(counter_name), count(*), "
                "count(*) FILTER (WHERE status = 'waiting'), count(*) FILTER (WHERE status = "
                "'completed'), "
                "count(*) FILTER (WHERE status = 'skipped'), count(*) FILTER (WHERE status = "
                "'cancelled'), "
                "avg(wait_s), percentile_cont(0.9) WITHIN GROUP (ORDER BY wait_s), avg(service_s), "
                "percentile_cont(0.9) WITHIN GROUP (ORDER BY service_s), "
                "avg(CASE WHEN wait_s IS NOT NULL THEN (wait_s <= target_wait_seconds)::int END), "
                // Appointments: those not cancelled, checked in, no-shows (expired), and the
                // punctuality of those who came (check-in minus slot; negative is early).
                "count(*) FILTER (WHERE preferred_slot IS NOT NULL AND status <> 'cancelled'), "
                "count(*) FILTER (WHERE preferred_slot IS NOT NULL AND checked_in_at IS NOT NULL), "
                "count(*) FILTER (WHERE preferred_slot IS NOT NULL AND status = 'expired'), "
                "avg(extract(epoch FROM checked_in_at - preferred_slot)) "
                "FROM base GROUP BY GROUPING SETS ((), (service_id), (counter_id)) "
                "ORDER BY 1, 2, 3, 4"),
        range);
    if (!groups.ok())
        return groups.error();
    QJsonObject totals;
    QJsonArray perService, perCounter;
    while (groups->next()) {
        const bool byService = groups->value(0).toInt() == 0;
        const bool byCounter = groups->value(1).toInt() == 0;
        QJsonObject row = block(*groups, 6);
        if (byService) {
            row.insert(Key::ServiceId, groups->value(2).toInt());
            row.insert(Key::Name, groups->value(4).toString());
            perService.append(row);
        } else if (byCounter) {
            if (groups->value(3).isNull())
                continue; // tokens never called at a counter
            row.insert(Key::CounterId, groups->value(3).toInt());
            row.insert(Key::Name, groups->value(5).toString());
            perCounter.append(row);
        } else {
            totals = row;
        }
    }
    if (totals.isEmpty()) {
        // No tokens in the range: the grand total row still exists, but be explicit.
        totals = QJsonObject{{Key::Issued, 0}};
    }

    // Hours of the branch's own clock (a half-hour time zone has its own hour boundaries).
    auto hours = db.exec(
        kBase + QStringLiteral("SELECT date_trunc('hour', base.created_at AT TIME ZONE b.timezone) "
                               "AT TIME ZONE b.timezone, count(*), "
                               "count(*) FILTER (WHERE base.status = 'completed') FROM base "
                               "JOIN services hs ON hs.id = base.service_id "
                               "JOIN branches b ON b.id = hs.branch_id GROUP BY 1 ORDER BY 1"),
        range);
    if (!hours.ok())
        return hours.error();
    QJsonArray perHour;
    while (hours->next())
        perHour.append(QJsonObject{{Key::Hour, isoTime(hours->value(0))},
                                   {Key::Issued, hours->value(1).toLongLong()},
                                   {Key::Served, hours->value(2).toLongLong()}});

    auto accuracy = db.exec(
        kBase +
            QStringLiteral(
                "SELECT count(*), avg(abs(wait_s - eta_seconds)), avg(wait_s - eta_seconds) "
                "FROM base WHERE wait_s IS NOT NULL AND priority = 0 AND preferred_slot IS NULL"),
        range);
    if (!accuracy.ok())
        return accuracy.error();
    accuracy->next();
    return QJsonObject{
        {Key::From, from.toString(Qt::ISODate)},
        {Key::To, to.toString(Qt::ISODate)},
        {Key::Totals, totals},
        {Key::PerService, perService},
        {Key::PerCounter, perCounter},
        {Key::PerHour, perHour},
        {Key::EtaAccuracy, QJsonObject{{Key::Samples, accuracy->value(0).toLongLong()},
                                       {Key::MeanAbsErrorSeconds, seconds(accuracy->value(1))},
                                       {Key::MeanErrorSeconds, seconds(accuracy->value(2))}}},
    };
}

} // namespace Stats

} // namespace Nextup
