#pragma once

#include <QByteArray>
#include <QString>

#include "nextup/wire/records.h"

namespace Nextup {

class Rows;

// One row of `tokens` joined with its service and counter names: the wire token, which every token
// route returns, and what the server alone needs.
struct TokenRecord : Wire::Token
{
    qint64 arrivalMs = 0; // arrivalAt as Postgres rounds it: the live queue's order

    // The SELECT list (and FROM/JOINs) that fromRow() reads, for `SELECT <columns> WHERE ...`.
    static const QString &selectSql();
    // The same over another row source with the tokens' columns, e.g. a CTE named `inserted`
    // holding an INSERT's RETURNING *.
    static QString selectSqlFrom(const QString &tokensSource);
    static TokenRecord fromRow(const Rows &query);
    // What a public room may see (no customer details, no operator), as compact JSON text: the
    // same members as toJson() minus those, written directly (events are published for every
    // token change, and building a QJsonObject first cost more than the rest of the publish).
    QByteArray publicJson() const;
};

} // namespace Nextup
