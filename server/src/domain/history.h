#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QUrlQuery>

#include "core/apierror.h"

namespace Nextup {

class Database;

// GET /api/tokens: tokens filtered by date range, service, counter, status and number, paged.
namespace History {

struct Filter
{
    QDate fromDate, toDate;     // business days, inclusive
    QDateTime fromTime, toTime; // or exact instants
    int serviceId = 0;
    int counterId = 0;
    int branchId = 0; // of the service the token is in now
    QString status;
    QString serviceCode; // from a number like "D007"
    qint64 number = 0;
    int page = 1;
    int pageSize = 50;

    // 400 validation_failed naming each bad parameter.
    static Result<Filter> fromQuery(const QUrlQuery &query);
};

Result<QJsonObject> search(Database &db, const Filter &filter);

} // namespace History

} // namespace Nextup
