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
Result<QJsonObject> compute(Database &db, QDate from, QDate to);
}

} // namespace Nextup
