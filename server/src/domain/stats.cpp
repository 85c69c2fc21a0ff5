#include "domain/stats.h"

#include <cmath>

#include <QJsonArray>

#include "store/database.h"

namespace Nextup {

namespace Stats {

namespace {
const QString kBase = QStringLiteral(
    "WITH base AS (SELECT t.*, s.name AS service_name, s.target_wait_seconds, c.name AS "
    "counter_name, "
    "extract(epoch FROM t.called_at - greatest(t.arrival_at, t.created_at)) AS wait_s, "
    "CASE WHEN t.status = 'completed' THEN extract(epoch FROM t.finished_at - t.serving_at) END AS "
    "service_s "
    "FROM tokens t JOIN services s ON s.id = t.service_id LEFT JOIN counters c ON c.id = "
    "t.counter_id "
    "WHERE t.business_date BETWEEN ?::date AND ?::date) ");

QJsonValue seconds(const QVariant &value)
{
    return value.isNull() ? QJsonValue() : QJsonValue(std::round(value.toDouble() * 10) / 10);
}

QJsonObject block(const Rows &q, int at)
{
    const qint64 served = q.value(at + 2).toLongLong();
    const qint64 skipped = q.value(at + 3).toLongLong();
    return QJsonObject{
        {QStringLiteral("issued"), q.value(at).toLongLong()},
        {QStringLiteral("waiting"), q.value(at + 1).toLongLong()},
        {QStringLiteral("served"), served},
        {QStringLiteral("skipped"), skipped},
        {QStringLiteral("cancelled"), q.value(at + 4).toLongLong()},
        {QStringLiteral("no_show_rate"),
         served + skipped ? double(skipped) / double(served + skipped) : 0.0},
        {QStringLiteral("avg_wait_seconds"), seconds(q.value(at + 5))},
        {QStringLiteral("p90_wait_seconds"), seconds(q.value(at + 6))},
        {QStringLiteral("avg_service_seconds"), seconds(q.value(at + 7))},
        {QStringLiteral("p90_service_seconds"), seconds(q.value(at + 8))},
        {QStringLiteral("within_target_share"),
         q.value(at + 9).isNull() ? QJsonValue() : QJsonValue(q.value(at + 9).toDouble())},
    };
}
} // namespace

Result<QJsonObject> compute(Database &db, QDate from, QDate to)
{
    const QVariantList range{from.toString(Qt::ISODate), to.toString(Qt::ISODate)};
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
                "avg(CASE WHEN wait_s IS NOT NULL THEN (wait_s <= target_wait_seconds)::int END) "
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
            row.insert(QStringLiteral("service_id"), groups->value(2).toInt());
            row.insert(QStringLiteral("name"), groups->value(4).toString());
            perService.append(row);
        } else if (byCounter) {
            if (groups->value(3).isNull())
                continue; // tokens never called at a counter
            row.insert(QStringLiteral("counter_id"), groups->value(3).toInt());
            row.insert(QStringLiteral("name"), groups->value(5).toString());
            perCounter.append(row);
        } else {
            totals = row;
        }
    }
    if (totals.isEmpty()) {
        // No tokens in the range: the grand total row still exists, but be explicit.
        totals = QJsonObject{{QStringLiteral("issued"), 0}};
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
        perHour.append(QJsonObject{{QStringLiteral("hour"), isoTime(hours->value(0))},
                                   {QStringLiteral("issued"), hours->value(1).toLongLong()},
                                   {QStringLiteral("served"), hours->value(2).toLongLong()}});

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
        {QStringLiteral("from"), from.toString(Qt::ISODate)},
        {QStringLiteral("to"), to.toString(Qt::ISODate)},
        {QStringLiteral("totals"), totals},
        {QStringLiteral("per_service"), perService},
        {QStringLiteral("per_counter"), perCounter},
        {QStringLiteral("per_hour"), perHour},
        {QStringLiteral("eta_accuracy"),
         QJsonObject{{QStringLiteral("samples"), accuracy->value(0).toLongLong()},
                     {QStringLiteral("mean_abs_error_seconds"), seconds(accuracy->value(1))},
                     {QStringLiteral("mean_error_seconds"), seconds(accuracy->value(2))}}},
    };
}

} // namespace Stats

} // namespace Nextup
