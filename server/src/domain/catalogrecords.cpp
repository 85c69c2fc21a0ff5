#include "domain/catalogrecords.h"

#include <QJsonArray>
#include <QJsonDocument>

#include "store/database.h"

namespace Nextup {

namespace {
const QString kServiceSql = QStringLiteral(
    "SELECT s.id, s.branch_id, s.code, s.name, s.avg_service_seconds, s.target_wait_seconds, "
    "s.active, b.timezone, s.names, s.description, s.descriptions "
    "FROM services s JOIN branches b ON b.id = s.branch_id ");
const QString kCounterSql = QStringLiteral(
    "SELECT c.id, c.branch_id, c.name, c.status, c.operator_id, c.pause_reason, c.active, "
    "COALESCE((SELECT string_agg(service_id::text, ',' ORDER BY service_id) FROM counter_services "
    "WHERE counter_id = c.id), ''), cur.id, cur.status, cur.token_number, cur.service_id, c.names "
    "FROM counters c LEFT JOIN LATERAL (SELECT t.id, t.status, t.token_number, t.service_id "
    "FROM tokens t WHERE t.counter_id = c.id AND t.status IN ('called', 'serving') "
    "ORDER BY t.called_at DESC LIMIT 1) cur ON true ");

ServiceRecord serviceFromRow(const Rows &q)
{
    ServiceRecord s;
    s.id = q.value(0).toInt();
    s.branchId = q.value(1).toInt();
    s.code = q.value(2).toString();
    s.name = q.value(3).toString();
    s.avgServiceSeconds = q.value(4).toInt();
    s.targetWaitSeconds = q.value(5).toInt();
    s.active = q.value(6).toBool();
    s.timezone = q.value(7).toString().toUtf8();
    s.names = Catalog::textsFrom(q.value(8));
    s.description = q.value(9).toString();
    s.descriptions = Catalog::textsFrom(q.value(10));
    return s;
}

const QString kBranchSql =
    QStringLiteral("SELECT id, name, timezone, code, address, names FROM branches ");

BranchRecord branchFromRow(const Rows &q)
{
    BranchRecord b;
    b.id = q.value(0).toInt();
    b.name = q.value(1).toString();
    b.timezone = q.value(2).toString();
    b.code = q.value(3).toString();
    b.address = q.value(4).toString();
    b.names = Catalog::textsFrom(q.value(5));
    return b;
}

} // namespace

CounterRecord Catalog::counterFromRow(const Rows &q)
{
    CounterRecord c;
    c.id = q.value(0).toInt();
    c.branchId = q.value(1).toInt();
    c.name = q.value(2).toString();
    c.status = q.value(3).toString();
    c.operatorId = q.value(4).toInt();
    c.pauseReason = q.value(5).toString();
    c.active = q.value(6).toBool();
    const QStringList ids = q.value(7).toString().split(u',', Qt::SkipEmptyParts);
    for (const QString &id : ids)
        c.serviceIds.append(id.toInt());
    if (const qint64 current = q.value(8).toLongLong(); current > 0)
        c.currentToken = Wire::CurrentToken{current, q.value(10).toString(), q.value(9).toString(),
                                            q.value(11).toInt()};
    c.names = textsFrom(q.value(12));
    return c;
}

Wire::Texts Catalog::textsFrom(const QVariant &column)
{
    Wire::Texts texts;
    const QJsonObject object = QJsonDocument::fromJson(column.toString().toUtf8()).object();
    for (auto it = object.constBegin(); it != object.constEnd(); ++it)
        texts.insert(it.key(), it.value().toString());
    return texts;
}

QString Catalog::textsColumn(const Wire::Texts &texts)
{
    return QString::fromUtf8(QJsonDocument(Wire::textsJson(texts)).toJson(QJsonDocument::Compact));
}

const QString &Catalog::counterSql()
{
    return kCounterSql;
}

namespace {

template <typename T, typename FromRow>
Result<QList<T>> readAll(Database &db, const QString &sql, const QVariantList &params,
                         FromRow fromRow)
{
    auto query = db.exec(sql, params);
    if (!query.ok())
        return query.error();
    QList<T> rows;
    while (query->next())
        rows.append(fromRow(*query));
    return rows;
}

template <typename T> Result<std::optional<T>> firstOf(Result<QList<T>> rows)
{
    if (!rows.ok())
        return rows.error();
    if (rows->isEmpty())
        return std::optional<T>();
    return std::optional<T>(rows->first());
}
} // namespace

namespace Catalog {

Result<std::optional<ServiceRecord>> service(Database &db, int id)
{
    return firstOf(readAll<ServiceRecord>(db, kServiceSql + QStringLiteral("WHERE s.id = ?"), {id},
                                          serviceFromRow));
}

Result<QList<ServiceRecord>> services(Database &db, bool includeInactive)
{
    return readAll<ServiceRecord>(
        db,
        kServiceSql + (includeInactive ? QString() : QStringLiteral("WHERE s.active ")) +
            QStringLiteral("ORDER BY s.id"),
        {}, serviceFromRow);
}

Result<std::optional<CounterRecord>> counter(Database &db, int id)
{
    return firstOf(readAll<CounterRecord>(db, kCounterSql + QStringLiteral("WHERE c.id = ?"), {id},
                                          Catalog::counterFromRow));
}

Result<QList<CounterRecord>> counters(Database &db, bool includeInactive)
{
    return readAll<CounterRecord>(
        db,
        kCounterSql + (includeInactive ? QString() : QStringLiteral("WHERE c.active ")) +
            QStringLiteral("ORDER BY c.id"),
        {}, Catalog::counterFromRow);
}

Result<std::optional<BranchRecord>> branch(Database &db, int id)
{
    return firstOf(readAll<BranchRecord>(db, kBranchSql + QStringLiteral("WHERE id = ?"), {id},
                                         branchFromRow));
}

Result<QList<BranchRecord>> branches(Database &db)
{
    return readAll<BranchRecord>(db, kBranchSql + QStringLiteral("ORDER BY id"), {}, branchFromRow);
}

Result<int> openCountersServing(Database &db, int serviceId)
{
    auto query = db.exec(
        QStringLiteral(
            "SELECT count(*) FROM counters c JOIN counter_services cs ON "
            "cs.counter_id = c.id WHERE cs.service_id = ? AND c.status = 'open' AND c.active"),
        {serviceId});
    if (!query.ok())
        return query.error();
    return query->next() ? query->value(0).toInt() : 0;
}

} // namespace Catalog

} // namespace Nextup
