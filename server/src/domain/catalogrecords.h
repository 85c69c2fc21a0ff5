#pragma once

#include <optional>

#include <QJsonObject>
#include <QList>
#include <QString>

#include "core/apierror.h"

namespace Nextup {

class Database;

struct BranchRecord
{
    int id = 0;
    QString name;
    QString timezone;
    QJsonObject toJson() const;
};

struct ServiceRecord
{
    int id = 0;
    int branchId = 0;
    QString code;
    QString name;
    int avgServiceSeconds = 300;
    int targetWaitSeconds = 900;
    bool active = true;
    QByteArray timezone; // the branch's, for the business day
    QJsonObject toJson() const;
};

struct CounterRecord
{
    int id = 0;
    int branchId = 0;
    QString name;
    QString status; // open | paused | closed
    int operatorId = 0;
    QString pauseReason;
    bool active = true;
    QList<int> serviceIds;
    // The token at the counter (called or serving), read in the same statement as the counter,
    // so that a counter action needs no second query to find it. id 0 when there is none.
    struct Current
    {
        qint64 id = 0;
        QString status;
        QString tokenNumber;
        int serviceId = 0;
    } current;
    QJsonObject toJson() const;
};

class Rows;

// Reads of the catalogue (branches, services, counters) that the queue flow needs.
namespace Catalog {
// A counter row with its current token, for statements that read a counter along with their own
// work: `counterSql()` + "WHERE c.id = ?" reads one; counterFromRow() reads its kCounterColumns.
const QString &counterSql();
inline constexpr int kCounterColumns = 12;
CounterRecord counterFromRow(const Rows &row);

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
