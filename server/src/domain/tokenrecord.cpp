#include "domain/tokenrecord.h"

#include <QDateTime>
#include <QJsonDocument>

#include "domain/jsontext.h"
#include "store/database.h"

namespace Nextup {

const QString &TokenRecord::selectSql()
{
    static const QString sql = selectSqlFrom(QStringLiteral("tokens"));
    return sql;
}

QString TokenRecord::selectSqlFrom(const QString &tokensSource)
{
    return QStringLiteral(
               "SELECT t.id, t.token_number, t.number, t.service_id, s.code, s.name, t.status, "
               "t.priority, t.customer_info::text, t.business_date::text, t.preferred_slot, "
               "t.arrival_at, t.created_at, t.called_at, t.serving_at, t.finished_at, "
               "t.counter_id, c.name, t.target_counter_id, t.operator_id, t.recall_count, "
               "t.eta_seconds, "
               "(extract(epoch FROM t.arrival_at) * 1000)::bigint, t.checked_in_at "
               "FROM %1 t JOIN services s ON s.id = t.service_id "
               "LEFT JOIN counters c ON c.id = t.counter_id ")
        .arg(tokensSource);
}

TokenRecord TokenRecord::fromRow(const Rows &q)
{
    TokenRecord t;
    t.id = q.value(0).toLongLong();
    t.tokenNumber = q.value(1).toString();
    t.number = q.value(2).toLongLong();
    t.serviceId = q.value(3).toInt();
    t.serviceCode = q.value(4).toString();
    t.serviceName = q.value(5).toString();
    t.status = q.value(6).toString();
    t.priority = q.value(7).toInt();
    t.customerInfo = QJsonDocument::fromJson(q.value(8).toString().toUtf8()).object();
    t.businessDate = q.value(9).toString();
    t.preferredSlot = utcTime(q.value(10));
    t.arrivalAt = utcTime(q.value(11));
    t.createdAt = utcTime(q.value(12));
    t.calledAt = utcTime(q.value(13));
    t.servingAt = utcTime(q.value(14));
    t.finishedAt = utcTime(q.value(15));
    t.counterId = q.value(16).toInt();
    t.counterName = q.value(17).toString();
    t.targetCounterId = q.value(18).toInt();
    t.operatorId = q.value(19).toInt();
    t.recallCount = q.value(20).toInt();
    t.eta = q.value(21).toInt();
    t.arrivalMs = q.value(22).toLongLong();
    t.checkedInAt = utcTime(q.value(23));
    return t;
}

QByteArray TokenRecord::publicJson() const
{
    JsonText text;
    JsonTextIo io{text};
    members(*this, io, false, false);
    return text.finish();
}

} // namespace Nextup
