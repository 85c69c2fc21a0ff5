#pragma once

#include <QDate>
#include <QJsonObject>

#include "core/apierror.h"

namespace Nextup {

class Database;

// GET /api/stats: counts, no-show rate, average and 90th percentile wait and service times and
// the share served within the service's target wait, for the whole range, per service and per
// counter; tokens per hour; and how good the ETA promised at issue turned out to be.
namespace Stats {
// The days and the branch an answer covers. A missing date is each branch's own today (branches
// in different time zones are at different dates at one instant): no dates is today; only
// `from`, from then to today; only `to`, that day.
struct Scope
{
    QDate from;
    QDate to;
    int branchId = 0; // 0: every branch
};
Result<QJsonObject> compute(Database &db, const Scope &scope);
} // namespace Stats

} // namespace Nextup
