#include "domain/storedwaitinputs.h"

#include <QDateTime>

#include "store/database.h"

namespace Nextup {

namespace {
// Every service of the branch of the service asked about, with the walk-ins of the last hour
// (and of them those with a priority) and how many of the last 30 days' appointments came
// (checked in) or not (expired).
const QString kServicesSql = QStringLiteral(
    "SELECT s.id, s.branch_id, s.avg_service_seconds, w.walk_ins, w.priority, "
    "(SELECT count(*) FROM tokens t WHERE t.service_id = s.id "
    "AND t.preferred_slot > now() - interval '30 days' AND t.preferred_slot < now() "
    "AND t.checked_in_at IS NOT NULL), "
    "(SELECT count(*) FROM tokens t WHERE t.service_id = s.id "
    "AND t.preferred_slot > now() - interval '30 days' AND t.status = 'expired') "
    "FROM services s CROSS JOIN LATERAL (SELECT count(*) AS walk_ins, "
    "count(*) FILTER (WHERE t.priority > 0) AS priority FROM tokens t WHERE t.service_id = s.id "
    "AND t.preferred_slot IS NULL AND t.created_at > now() - interval '1 hour') w "
    "WHERE s.branch_id = (SELECT branch_id FROM services WHERE id = ?)");

// Counter time per token (waitmodel.h), the newest WaitModel::kMaxSamples of each service of
// the branch, newest first: from each call to its finish, and from that finish to the same
// counter's next call when the token called next had already joined the line at the finish.
const QString kSamplesSql = QStringLiteral(
    "WITH calls AS (SELECT t.service_id, t.called_at, t.finished_at, "
    "lead(t.called_at) OVER w AS next_called, "
    "lead(greatest(t.arrival_at, t.created_at, t.checked_in_at)) OVER w AS next_joined "
    "FROM tokens t JOIN counters c ON c.id = t.counter_id WHERE c.branch_id = ? "
    "AND t.created_at > now() - interval '8 days' AND t.called_at > now() - interval '7 days' "
    "WINDOW w AS (PARTITION BY t.counter_id ORDER BY t.called_at)), "
    "samples AS (SELECT service_id, extract(epoch FROM finished_at - called_at) AS at_counter, "
    "CASE WHEN next_joined <= finished_at AND next_called >= finished_at "
    "THEN extract(epoch FROM next_called - finished_at) END AS handover, "
    "row_number() OVER (PARTITION BY service_id ORDER BY called_at DESC) AS newest "
    "FROM calls WHERE finished_at >= called_at) "
    "SELECT service_id, at_counter, handover FROM samples WHERE newest <= ? "
    "ORDER BY service_id, newest");

// Each counter's times away on the last WaitModel::kAwayDays days (waitmodel.h, AwayBefore),
// moved to today's date at the same local time, and one row (kind -1) for each day it called
// anyone. A break: from a finish to the counter's next call, when a token of its services was
// waiting halfway through (called later by any counter) or other counters called two of them
// meanwhile (an open counter with nothing to do would have called one); a late opening: from the
// day's first call of a token of its services to its own first call; an early closing (not today's:
// the day is not over): from its last finish to the day's last call of a token of its services.
// Each at least WaitModel::kMinAwaySeconds.
const QString kAwaySql = QStringLiteral(
    "WITH z AS (SELECT timezone AS tz, (now() AT TIME ZONE timezone)::date AS today "
    "FROM branches WHERE id = ?), "
    "calls AS (SELECT t.counter_id, t.service_id, t.called_at, t.finished_at, "
    "(t.called_at AT TIME ZONE z.tz)::date AS day, lead(t.called_at) OVER w AS next_called, "
    "greatest(t.arrival_at, t.created_at, t.checked_in_at) AS joined "
    "FROM tokens t JOIN counters c ON c.id = t.counter_id CROSS JOIN z "
    "WHERE c.branch_id = ? AND t.created_at > now() - make_interval(days => ? + 1) "
    "AND t.called_at > now() - make_interval(days => ?) "
    "WINDOW w AS (PARTITION BY t.counter_id, (t.called_at AT TIME ZONE z.tz)::date "
    "ORDER BY t.called_at)), "
    "days AS (SELECT counter_id, day, min(called_at) AS first_call, "
    "max(coalesce(finished_at, called_at)) AS last_finish FROM calls GROUP BY counter_id, day), "
    "served AS (SELECT d.counter_id, d.day, min(a.called_at) AS first_any, "
    "max(a.called_at) AS last_any FROM days d "
    "JOIN counter_services cs ON cs.counter_id = d.counter_id "
    "JOIN calls a ON a.service_id = cs.service_id AND a.day = d.day GROUP BY d.counter_id, d.day), "
    "away AS (SELECT g.counter_id, g.day, 0 AS kind, g.finished_at AS from_at, "
    "g.next_called AS until_at FROM calls g "
    "WHERE g.next_called - g.finished_at >= make_interval(secs => ?) AND (EXISTS (SELECT 1 "
    "FROM calls a JOIN counter_services cs ON cs.service_id = a.service_id "
    "AND cs.counter_id = g.counter_id WHERE a.day = g.day "
    "AND a.joined <= g.finished_at + (g.next_called - g.finished_at) / 2 "
    "AND a.called_at >= g.finished_at + (g.next_called - g.finished_at) / 2) "
    "OR (SELECT count(*) FROM calls a JOIN counter_services cs ON cs.service_id = a.service_id "
    "AND cs.counter_id = g.counter_id WHERE a.day = g.day AND a.counter_id <> g.counter_id "
    "AND a.called_at >= g.finished_at AND a.called_at < g.next_called) >= 2) "
    "UNION ALL SELECT d.counter_id, d.day, 1, s.first_any, d.first_call FROM days d "
    "JOIN served s USING (counter_id, day) "
    "WHERE d.first_call - s.first_any >= make_interval(secs => ?) "
    "UNION ALL SELECT d.counter_id, d.day, 2, d.last_finish, s.last_any FROM days d "
    "JOIN served s USING (counter_id, day) CROSS JOIN z WHERE d.day < z.today "
    "AND s.last_any - d.last_finish >= make_interval(secs => ?) "
    "UNION ALL SELECT counter_id, day, -1, NULL, NULL FROM days) "
    "SELECT a.counter_id, z.today - a.day, a.kind, "
    "(extract(epoch FROM (z.today + (a.from_at AT TIME ZONE z.tz)::time) AT TIME ZONE z.tz) "
    "* 1000)::bigint, "
    "(extract(epoch FROM (z.today + (a.until_at AT TIME ZONE z.tz)::time) AT TIME ZONE z.tz) "
    "* 1000)::bigint FROM away a CROSS JOIN z ORDER BY 1, 2, 3, 4");

// The branch's counters, each with the service of the token at it and when that was called,
// and for a paused one when its last customer of the day finished (about when its break began:
// counters keep no time of their status).
const QString kCountersSql = QStringLiteral(
    "SELECT c.id, c.status = 'open' AND c.active, c.status = 'paused' AND c.active, "
    "COALESCE((SELECT string_agg(service_id::text, ',') FROM counter_services "
    "WHERE counter_id = c.id), ''), cur.service_id, "
    "(extract(epoch FROM cur.called_at) * 1000)::bigint, "
    "(extract(epoch FROM last.finished_at) * 1000)::bigint FROM counters c "
    "LEFT JOIN LATERAL (SELECT t.service_id, t.called_at FROM tokens t WHERE t.counter_id = c.id "
    "AND t.status IN ('called', 'serving') ORDER BY t.called_at DESC LIMIT 1) cur ON true "
    "LEFT JOIN LATERAL (SELECT t.finished_at FROM tokens t WHERE c.status = 'paused' "
    "AND t.counter_id = c.id AND t.created_at > now() - interval '1 day' "
    "AND t.finished_at IS NOT NULL ORDER BY t.finished_at DESC LIMIT 1) last ON true "
    "WHERE c.branch_id = ?");

// The waiting tokens (booked = 0) and the appointments not checked in with their check-in
// windows (booked = 1): the line as Postgres, the system of record, has it. Only the first 200
// waiting of each service, in call order: the floor is played 64 times at every refresh, and a
// token further back is promised what the play says of one joining behind them plus its share
// per token (WaitForecast::waitSeconds); a line of 20,000 made every refresh cost seconds.
const QString kLineSql = QStringLiteral(
    "SELECT id, service_id, priority, arrival_ms, target, 0, 0, 0 FROM (SELECT t.id, "
    "t.service_id, t.priority, (extract(epoch FROM t.arrival_at) * 1000)::bigint AS arrival_ms, "
    "COALESCE(t.target_counter_id, 0) AS target, row_number() OVER (PARTITION BY t.service_id "
    "ORDER BY t.priority DESC, t.arrival_at, t.id) AS place FROM tokens t "
    "JOIN services s ON s.id = t.service_id WHERE s.branch_id = ? AND t.status = 'waiting' "
    "AND t.business_date >= current_date - 1) w WHERE place <= 200 "
    "UNION ALL SELECT t.id, t.service_id, t.priority, "
    "(extract(epoch FROM t.preferred_slot) * 1000)::bigint, 0, 1, "
    "(extract(epoch FROM t.preferred_slot - make_interval(mins => b.checkin_early_minutes)) "
    "* 1000)::bigint, "
    "(extract(epoch FROM t.preferred_slot + make_interval(mins => b.checkin_late_minutes)) "
    "* 1000)::bigint FROM tokens t JOIN services s ON s.id = t.service_id "
    "JOIN branches b ON b.id = s.branch_id WHERE s.branch_id = ? AND t.status = 'booked' "
    "AND t.preferred_slot < now() + interval '1 day'");
} // namespace

qint64 StoredWaitInputs::nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

Result<WaitHistory> StoredWaitInputs::history(int serviceId)
{
    auto services = m_db.exec(kServicesSql, {serviceId});
    if (!services.ok())
        return services.error();
    WaitHistory history;
    while (services->next()) {
        ServiceHistory service;
        service.serviceId = services->value(0).toInt();
        history.branchId = services->value(1).toInt();
        service.configuredSeconds = services->value(2).toInt();
        service.walkInsPerHour = services->value(3).toDouble();
        service.priorityPerHour = services->value(4).toDouble();
        service.appointmentsShown = services->value(5).toInt();
        service.appointmentsMissed = services->value(6).toInt();
        history.services.insert(service.serviceId, service);
    }
    if (history.services.isEmpty())
        return history;
    auto samples = m_db.exec(kSamplesSql, {history.branchId, WaitModel::kMaxSamples});
    if (!samples.ok())
        return samples.error();
    while (samples->next()) {
        const auto found = history.services.find(samples->value(0).toInt());
        if (found == history.services.end())
            continue;
        found->atCounterSeconds.append(samples->value(1).toDouble());
        if (!samples->value(2).isNull())
            found->handoverSeconds.append(samples->value(2).toDouble());
    }
    const double minAway = WaitModel::kMinAwaySeconds;
    auto away = m_db.exec(kAwaySql, {history.branchId, history.branchId, WaitModel::kAwayDays,
                                     WaitModel::kAwayDays, minAway, minAway, minAway});
    if (!away.ok())
        return away.error();
    while (away->next()) {
        const int counterId = away->value(0).toInt();
        const int daysAgo = away->value(1).toInt();
        const int kind = away->value(2).toInt();
        if (kind < 0) {
            if (daysAgo > 0)
                ++history.counterDays[counterId];
            else
                history.workedToday.append(counterId);
        } else {
            history.away.append({counterId, daysAgo, AwayBefore::Kind(kind),
                                 away->value(3).toLongLong(), away->value(4).toLongLong()});
        }
    }
    return history;
}

Result<WaitFloor> StoredWaitInputs::floor(int branchId)
{
    auto counters = m_db.exec(kCountersSql, {branchId});
    if (!counters.ok())
        return counters.error();
    WaitFloor floor;
    while (counters->next()) {
        CounterNow counter;
        counter.counterId = counters->value(0).toInt();
        counter.open = counters->value(1).toBool();
        counter.paused = counters->value(2).toBool();
        const QStringList ids = counters->value(3).toString().split(u',', Qt::SkipEmptyParts);
        for (const QString &id : ids)
            counter.serviceIds.append(id.toInt());
        counter.currentServiceId = counters->value(4).toInt();
        counter.currentSinceMs = counters->value(5).toLongLong();
        counter.pausedSinceMs = counters->value(6).toLongLong();
        floor.counters.append(counter);
    }
    auto line = m_db.exec(kLineSql, {branchId, branchId});
    if (!line.ok())
        return line.error();
    while (line->next()) {
        if (line->value(5).toInt() == 0) {
            floor.waiting.append({line->value(0).toLongLong(), line->value(1).toInt(),
                                  line->value(2).toInt(), line->value(3).toLongLong(),
                                  line->value(4).toInt()});
        } else {
            floor.booked.append({line->value(1).toInt(), line->value(2).toInt(),
                                 line->value(3).toLongLong(), line->value(6).toLongLong(),
                                 line->value(7).toLongLong()});
        }
    }
    floor.atMs = nowMs();
    return floor;
}

} // namespace Nextup
