#pragma once

#include <optional>

#include <QJsonObject>
#include <QList>
#include <QString>

#include "core/apierror.h"
#include "nextup/wire/records.h"

namespace Nextup {

class Database;

using BranchRecord = Wire::Branch;

struct ServiceRecord : Wire::Service
{
    QByteArray timezone; // the branch's, for the business day
};

// currentToken is read in the same statement as the counter, so that a counter action needs no
// second query to find the token at it.
using CounterRecord = Wire::Counter;

class Rows;

// Reads of the catalogue (branches, services, counters) that the queue flow needs.
namespace Catalog {
// A jsonb column of texts per language ({"es": "..."}) as read, and as bound (cast ?::jsonb).
Wire::Texts textsFrom(const QVariant &column);
QString textsColumn(const Wire::Texts &texts);

// A counter row with its current token, for statements that read a counter along with their own
// work: `counterSql()` + "WHERE c.id = ?" reads one; counterFromRow() reads its kCounterColumns.
const QString &counterSql();
inline constexpr int kCounterColumns = 13;
CounterRecord counterFromRow(const Rows &q);

Result<std::optional<ServiceRecord>> service(Database &db, int id);
Result<QList<ServiceRecord>> services(Database &db, bool includeInactive);
Result<std::optional<CounterRecord>> counter(Database &db, int id);
Result<QList<CounterRecord>> counters(Database &db, bool includeInactive);
Result<std::optional<BranchRecord>> branch(Database &db, int id);
Result<QList<BranchRecord>> branches(Database &db);
// Counters that are open and serve the service: the divisor of the ETA.
Result<int> openCountersServing(Database &db, int serviceId);
} // namespace Catalog

} // namespace Nextup
