#include "domain/auditlog.h"

#include <QJsonArray>
#include <QJsonDocument>

#include "store/database.h"

namespace Nextup {

namespace AuditLog {

Outcome record(Database &db, const AuditEntry &entry)
{
    const QString details =
        QString::fromUtf8(QJsonDocument(entry.details).toJson(QJsonDocument::Compact));
    auto inserted =
        db.exec(QStringLiteral("INSERT INTO audit_log (actor_id, action, entity, entity_id, "
                               "details) VALUES (?, ?, ?, ?, ?::jsonb)"),
                {nullableId(entry.actorId), entry.action, entry.entity,
                 QString::number(entry.entityId), details});
    if (!inserted.ok())
        return inserted.error();
    return Done{};
}

Result<QJsonObject> page(Database &db, int page, int pageSize)
{
    auto total = db.exec(QStringLiteral("SELECT count(*) FROM audit_log"));
    if (!total.ok())
        return total.error();
    const qint64 count = total->next() ? total->value(0).toLongLong() : 0;
    auto rows = db.exec(QStringLiteral("SELECT a.id, a.actor_id, u.username, a.action, a.entity, "
                                       "a.entity_id, a.details::text, a.at FROM audit_log a "
                                       "LEFT JOIN users u ON u.id = a.actor_id "
                                       "ORDER BY a.id DESC LIMIT ? OFFSET ?"),
                        {pageSize, qint64(page - 1) * pageSize});
    if (!rows.ok())
        return rows.error();
    QJsonArray items;
    while (rows->next()) {
        const QVariant actorId = rows->value(1);
        items.append(
            QJsonObject{{QStringLiteral("id"), rows->value(0).toLongLong()},
                        {QStringLiteral("actor_id"),
                         actorId.isNull() ? QJsonValue() : QJsonValue(actorId.toInt())},
                        {QStringLiteral("actor"),
                         rows->value(2).isNull() ? QJsonValue() : rows->value(2).toString()},
                        {QStringLiteral("action"), rows->value(3).toString()},
                        {QStringLiteral("entity"), rows->value(4).toString()},
                        {QStringLiteral("entity_id"), rows->value(5).toString()},
                        {QStringLiteral("details"),
                         QJsonDocument::fromJson(rows->value(6).toString().toUtf8()).object()},
                        {QStringLiteral("at"), isoTime(rows->value(7))}});
    }
    return QJsonObject{{QStringLiteral("items"), items},
                       {QStringLiteral("page"), page},
                       {QStringLiteral("page_size"), pageSize},
                       {QStringLiteral("total"), count}};
}

} // namespace AuditLog

} // namespace Nextup
