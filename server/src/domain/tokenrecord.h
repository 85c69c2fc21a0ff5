#pragma once

#include <QJsonObject>
#include <QString>

namespace Nextup {

class Rows;

// One row of `tokens` joined with its service and counter names, as every token route returns it.
struct TokenRecord
{
    qint64 id = 0;
    QString tokenNumber;
    qint64 number = 0;
    int serviceId = 0;
    QString serviceCode;
    QString serviceName;
    QString status;
    int priority = 0;
    QJsonObject customerInfo;
    QString businessDate;
    QString preferredSlot;
    QString arrivalAt;
    qint64 arrivalMs = 0;
    QString createdAt;
    QString calledAt;
    QString servingAt;
    QString finishedAt;
    int counterId = 0;
    QString counterName;
    int targetCounterId = 0;
    int operatorId = 0;
    int recallCount = 0;
    int eta = 0;

    // The SELECT list (and FROM/JOINs) that fromRow() reads, for `SELECT <columns> WHERE ...`.
    static const QString &selectSql();
    // The same over another row source with the tokens' columns, e.g. a CTE named `inserted`
    // holding an INSERT's RETURNING *.
    static QString selectSqlFrom(const QString &tokensSource);
    static TokenRecord fromRow(const Rows &query);
    QJsonObject toJson(bool withCustomerInfo = true) const;
    // What a public room may see (no customer details, no operator), as compact JSON text: the
    // same members as toJson() minus those, written directly (events are published for every
    // token change, and building a QJsonObject first cost more than the rest of the publish).
    QByteArray publicJson() const;

private:
    template <typename Writer>
    void writeFields(Writer &out, bool withCustomerInfo, bool withOperator) const;
};

} // namespace Nextup
