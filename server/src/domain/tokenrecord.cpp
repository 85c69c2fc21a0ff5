#include "domain/tokenrecord.h"

#include "store/database.h"

#include <QDateTime>
#include <QJsonDocument>

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
               "(extract(epoch FROM t.arrival_at) * 1000)::bigint "
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
    t.preferredSlot = isoTime(q.value(10));
    t.arrivalAt = isoTime(q.value(11));
    t.createdAt = isoTime(q.value(12));
    t.calledAt = isoTime(q.value(13));
    t.servingAt = isoTime(q.value(14));
    t.finishedAt = isoTime(q.value(15));
    t.counterId = q.value(16).toInt();
    t.counterName = q.value(17).toString();
    t.targetCounterId = q.value(18).toInt();
    t.operatorId = q.value(19).toInt();
    t.recallCount = q.value(20).toInt();
    t.eta = q.value(21).toInt();
    t.arrivalMs = q.value(22).toLongLong();
    return t;
}

namespace {
QJsonValue orNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}
QJsonValue orNull(int id)
{
    return id == 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(id);
}
} // namespace

QJsonObject TokenRecord::toJson(bool withCustomerInfo) const
{
    QJsonObject json{
        {QStringLiteral("id"), id},
        {QStringLiteral("token_number"), tokenNumber},
        {QStringLiteral("number"), number},
        {QStringLiteral("service_id"), serviceId},
        {QStringLiteral("service_code"), serviceCode},
        {QStringLiteral("service_name"), serviceName},
        {QStringLiteral("status"), status},
        {QStringLiteral("priority"), priority},
        {QStringLiteral("business_date"), businessDate},
        {QStringLiteral("preferred_slot"), orNull(preferredSlot)},
        {QStringLiteral("arrival_at"), arrivalAt},
        {QStringLiteral("created_at"), createdAt},
        {QStringLiteral("called_at"), orNull(calledAt)},
        {QStringLiteral("serving_at"), orNull(servingAt)},
        {QStringLiteral("finished_at"), orNull(finishedAt)},
        {QStringLiteral("counter_id"), orNull(counterId)},
        {QStringLiteral("counter_name"), orNull(counterName)},
        {QStringLiteral("target_counter_id"), orNull(targetCounterId)},
        {QStringLiteral("operator_id"), orNull(operatorId)},
        {QStringLiteral("recall_count"), recallCount},
        {QStringLiteral("eta"), eta},
    };
    if (withCustomerInfo)
        json.insert(QStringLiteral("customer_info"), customerInfo);
    return json;
}
