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

// The one list of a token's JSON members, for both writers below. Empty texts and zero ids are
// null.
template <typename Writer>
void TokenRecord::writeFields(Writer &out, bool withCustomerInfo, bool withOperator) const
{
    out.number(u"id", id);
    out.text(u"token_number", tokenNumber);
    out.number(u"number", number);
    out.number(u"service_id", serviceId);
    out.text(u"service_code", serviceCode);
    out.text(u"service_name", serviceName);
    out.text(u"status", status);
    out.number(u"priority", priority);
    out.text(u"business_date", businessDate);
    out.textOrNull(u"preferred_slot", preferredSlot);
    out.text(u"arrival_at", arrivalAt);
    out.text(u"created_at", createdAt);
    out.textOrNull(u"called_at", calledAt);
    out.textOrNull(u"serving_at", servingAt);
    out.textOrNull(u"finished_at", finishedAt);
    out.idOrNull(u"counter_id", counterId);
    out.textOrNull(u"counter_name", counterName);
    out.idOrNull(u"target_counter_id", targetCounterId);
    if (withOperator)
        out.idOrNull(u"operator_id", operatorId);
    out.number(u"recall_count", recallCount);
    out.number(u"eta", eta);
    if (withCustomerInfo)
        out.object(u"customer_info", customerInfo);
}

namespace {
struct ObjectWriter
{
    QJsonObject json;
    void number(QStringView key, qint64 value) { json.insert(key, value); }
    void text(QStringView key, const QString &value) { json.insert(key, value); }
    void textOrNull(QStringView key, const QString &value)
    {
        json.insert(key, value.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(value));
    }
    void idOrNull(QStringView key, qint64 value)
    {
        json.insert(key, value == 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(value));
    }
    void object(QStringView key, const QJsonObject &value) { json.insert(key, value); }
};

} // namespace

QJsonObject TokenRecord::toJson(bool withCustomerInfo) const
{
    ObjectWriter writer;
    writeFields(writer, withCustomerInfo, true);
    return writer.json;
}

QByteArray TokenRecord::publicJson() const
{
    JsonText writer;
    writeFields(writer, false, false);
    return writer.finish();
}

} // namespace Nextup
