#include "domain/tokenrepository.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

#include "core/principal.h"
#include "domain/jsontext.h"
#include "nextup/wire/keys.h"
#include "store/database.h"

namespace Nextup {

namespace Key = Wire::Key;

namespace TokenRepository {

namespace {
Result<std::optional<TokenRecord>> findWhere(Database &db, const QString &where,
                                             const QVariantList &params)
{
    auto query = db.exec(TokenRecord::selectSql() + where, params);
    if (!query.ok())
        return query.error();
    if (!query->next())
        return std::optional<TokenRecord>();
    return std::optional<TokenRecord>(TokenRecord::fromRow(*query));
}

// The UPDATE and event CTEs of a change, working on the rows of a CTE `old` (id, status) that
// the caller writes first; then its parameters after old's, in text order.
QString changeCtes(const Change &change)
{
    QString set = QStringLiteral("status = ?");
    if (!change.stampColumn.isEmpty())
        set += QStringLiteral(", %1 = clock_timestamp()").arg(change.stampColumn);
    if (change.counterEffect == Change::CounterEffect::Set)
        set += QStringLiteral(", counter_id = ?, operator_id = ?");
    else if (change.counterEffect == Change::CounterEffect::Clear)
        set += QStringLiteral(", counter_id = NULL");
    if (change.incrementRecall)
        set += QStringLiteral(", recall_count = t.recall_count + 1");
    if (change.newServiceId > 0)
        set += QStringLiteral(", service_id = ?");
    if (change.newTargetCounterId >= 0)
        set += QStringLiteral(", target_counter_id = ?");
    return QStringLiteral(
               "upd AS (UPDATE tokens t SET %1 FROM old WHERE t.id = old.id "
               "RETURNING t.*, old.status AS from_status), "
               "event AS (INSERT INTO token_events (token_id, event, from_status, to_status, "
               "service_id, counter_id, actor_id, reason) "
               "SELECT id, ?, from_status, status, service_id, ?, ?, ? FROM upd) ")
        .arg(set);
}

QVariantList changeParams(const Change &change)
{
    QVariantList params{change.toStatus};
    if (change.counterEffect == Change::CounterEffect::Set)
        params << change.counterId << nullableId(change.actorId);
    if (change.newServiceId > 0)
        params << change.newServiceId;
    if (change.newTargetCounterId >= 0)
        params << nullableId(change.newTargetCounterId);
    params << change.event << nullableId(change.eventCounterId) << nullableId(change.actorId)
           << nullable(change.reason);
    return params;
}

QString statusArray(const QStringList &statuses)
{
    return u'{' + statuses.join(u',') + u'}';
}
} // namespace

Result<QList<Inserted>> insertMany(Database &db, const QList<TokenInsert> &tokens)
{
    if (tokens.isEmpty())
        return QList<Inserted>();
    // One statement for the batch: the rows travel as one JSON document (no array-literal
    // quoting to get wrong) and each token gets its own event. clock_timestamp() gives each row
    // its own arrival time, in batch order. Only what Postgres decides comes back: the caller
    // knows the rest, and reading whole joined rows back cost more than the insert.
    static const QString sql = QStringLiteral(
        "WITH v AS (SELECT * FROM json_to_recordset(?::json) AS v(ord int, service_id int, "
        "business_date date, number bigint, token_number text, priority int, "
        "customer_info jsonb, preferred_slot timestamptz, created_by int, secret_hash text, "
        "eta_seconds int)), "
        "inserted AS (INSERT INTO tokens (service_id, number_service_id, business_date, number, "
        "token_number, priority, customer_info, preferred_slot, arrival_at, created_by, "
        "secret_hash, eta_seconds) "
        "SELECT service_id, service_id, business_date, number, token_number, priority, "
        "customer_info, preferred_slot, COALESCE(preferred_slot, clock_timestamp()), created_by, "
        "secret_hash, eta_seconds FROM v ORDER BY ord "
        "RETURNING id, service_id, created_by, created_at, arrival_at, secret_hash), "
        "event AS (INSERT INTO token_events (token_id, event, to_status, service_id, "
        "actor_id, at) SELECT id, 'generated', 'waiting', service_id, created_by, created_at "
        "FROM inserted) "
        "SELECT secret_hash, id, created_at, arrival_at, "
        "(extract(epoch FROM arrival_at) * 1000)::bigint FROM inserted");
    QByteArray rows = QByteArrayLiteral("[");
    for (qsizetype i = 0; i < tokens.size(); ++i) {
        const TokenInsert &token = tokens.at(i);
        JsonText row;
        row.number(u"ord", i);
        row.number(u"service_id", token.serviceId);
        row.text(u"business_date", token.businessDate);
        row.number(u"number", token.number);
        row.text(u"token_number", token.tokenNumber);
        row.number(u"priority", token.priority);
        row.object(u"customer_info", token.customerInfo);
        row.textOrNull(u"preferred_slot", Wire::isoTime(token.preferredSlot));
        row.idOrNull(u"created_by", token.createdBy);
        row.text(u"secret_hash", QString::fromLatin1(token.secretHash));
        row.number(u"eta_seconds", token.etaSeconds);
        if (i > 0)
            rows += ',';
        rows += row.finish();
    }
    rows += ']';
    auto query = db.exec(sql, {QString::fromUtf8(rows)});
    if (!query.ok())
        return query.error();
    // RETURNING promises no order: put each token back in its request's place by its secret's
    // hash, unique per token (a number is not: two business days can meet in one batch).
    QHash<QByteArray, Inserted> bySecret;
    while (query->next()) {
        bySecret.insert(query->value(0).toString().toLatin1(),
                        Inserted{query->value(1).toLongLong(), utcTime(query->value(2)),
                                 utcTime(query->value(3)), query->value(4).toLongLong()});
    }
    QList<Inserted> inserted;
    inserted.reserve(tokens.size());
    for (const TokenInsert &token : tokens) {
        auto it = bySecret.find(token.secretHash);
        if (it == bySecret.end())
            return ApiError::internal(
                QStringLiteral("Token insert returned fewer rows than it was given."));
        inserted.append(*it);
    }
    return inserted;
}

Result<std::optional<TokenRecord>> apply(Database &db, const Change &change)
{
    // The changed token is read back from the UPDATE's own RETURNING, the way find() reads it:
    // one round trip per state change instead of two.
    const QString sql = QStringLiteral("WITH old AS (SELECT id, status FROM tokens WHERE id = ? "
                                       "AND status = ANY(?::text[]) FOR UPDATE), ") +
                        changeCtes(change) + TokenRecord::selectSqlFrom(QStringLiteral("upd"));
    QVariantList params{change.tokenId, statusArray(change.fromStatuses)};
    params += changeParams(change);
    auto query = db.exec(sql, params);
    if (!query.ok())
        return query.error();
    if (!query->next())
        return std::optional<TokenRecord>();
    return std::optional<TokenRecord>(TokenRecord::fromRow(*query));
}

Result<AtCounter> applyAtCounter(Database &db, int counterId, const Principal &caller,
                                 const Change &change)
{
    // The counter (with its current token) is read in the statement that changes the token, and
    // the change applies only under the checks CounterDesk then makes on that row: the counter is
    // active and not closed, the caller opened it (or is an admin), and its current token is in
    // one of fromStatuses. One round trip for a whole counter action.
    const QString sql =
        QStringLiteral("WITH c (id, branch_id, name, status, operator_id, pause_reason, active, "
                       "services, cur_id, cur_status, cur_number, cur_service, names) AS (") +
        Catalog::counterSql() +
        QStringLiteral(
            "WHERE c.id = ?), "
            "old AS (SELECT t.id, t.status FROM tokens t JOIN c ON t.id = c.cur_id "
            "WHERE c.active AND c.status <> 'closed' AND (?::boolean OR c.operator_id = ?) "
            "AND t.status = ANY(?::text[]) FOR UPDATE OF t), ") +
        changeCtes(change) + QStringLiteral("SELECT c.*, u.* FROM c LEFT JOIN (") +
        TokenRecord::selectSqlFrom(QStringLiteral("upd")) + QStringLiteral(") u ON true");
    QVariantList params{counterId, caller.isManager(), caller.userId,
                        statusArray(change.fromStatuses)};
    params += changeParams(change);
    auto query = db.exec(sql, params);
    if (!query.ok())
        return query.error();
    AtCounter result;
    if (!query->next())
        return result;
    result.counter = Catalog::counterFromRow(*query);
    const Rows token = query->columnsFrom(Catalog::kCounterColumns);
    if (!token.value(0).isNull())
        result.token = TokenRecord::fromRow(token);
    return result;
}

Result<std::optional<TokenRecord>> find(Database &db, qint64 id)
{
    return findWhere(db, QStringLiteral("WHERE t.id = ?"), {id});
}

Result<QByteArray> secretHash(Database &db, qint64 id)
{
    auto query = db.exec(QStringLiteral("SELECT secret_hash FROM tokens WHERE id = ?"), {id});
    if (!query.ok())
        return query.error();
    return query->next() ? query->value(0).toString().toLatin1() : QByteArray();
}

Result<std::optional<TokenRecord>> currentAt(Database &db, int counterId)
{
    return findWhere(db,
                     QStringLiteral("WHERE t.counter_id = ? AND t.status IN ('called', 'serving') "
                                    "ORDER BY t.called_at DESC LIMIT 1"),
                     {counterId});
}

Result<QList<TokenRecord>> live(Database &db)
{
    auto query = db.exec(TokenRecord::selectSql() +
                         QStringLiteral("WHERE t.status IN ('waiting', 'called', 'serving') "
                                        "AND t.business_date >= current_date - 1 ORDER BY t.id"));
    if (!query.ok())
        return query.error();
    QList<TokenRecord> tokens;
    while (query->next())
        tokens.append(TokenRecord::fromRow(*query));
    return tokens;
}

Result<QJsonArray> events(Database &db, qint64 id)
{
    auto query = db.exec(
        QStringLiteral("SELECT e.event, e.from_status, e.to_status, e.service_id, e.counter_id, "
                       "e.actor_id, u.username, e.reason, e.at FROM token_events e "
                       "LEFT JOIN users u ON u.id = e.actor_id WHERE e.token_id = ? ORDER BY e.id"),
        {id});
    if (!query.ok())
        return query.error();
    QJsonArray events;
    auto orNull = [](const QVariant &v) {
        return v.isNull() ? QJsonValue() : QJsonValue::fromVariant(v);
    };
    while (query->next()) {
        events.append(QJsonObject{{Key::Event, query->value(0).toString()},
                                  {Key::FromStatus, orNull(query->value(1))},
                                  {Key::ToStatus, query->value(2).toString()},
                                  {Key::ServiceId, orNull(query->value(3))},
                                  {Key::CounterId, orNull(query->value(4))},
                                  {Key::ActorId, orNull(query->value(5))},
                                  {Key::Actor, orNull(query->value(6))},
                                  {Key::Reason, orNull(query->value(7))},
                                  {Key::At, isoTime(query->value(8))}});
    }
    return events;
}

} // namespace TokenRepository

} // namespace Nextup
