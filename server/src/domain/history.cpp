#include "domain/history.h"

#include <QJsonArray>

#include "domain/tokenrecord.h"
#include "nextup/tokennumber.h"
#include "nextup/wire/enums.h"
#include "nextup/wire/keys.h"
#include "store/database.h"

namespace Nextup {

namespace History {

namespace {
namespace Key = Wire::Key;

const QStringList kStatuses = [] {
    QStringList texts;
    for (Wire::TokenStatus status : Wire::allValues<Wire::TokenStatus>())
        texts.append(Wire::toString(status));
    return texts;
}();

// A date (YYYY-MM-DD) fills `date`, an ISO time fills `time`; false when it is neither.
bool parseBound(const QString &text, QDate *date, QDateTime *time)
{
    if (text.size() == 10) {
        *date = QDate::fromString(text, Qt::ISODate);
        return date->isValid();
    }
    *time = QDateTime::fromString(text, Qt::ISODateWithMs);
    return time->isValid();
}

int positiveInt(const QString &text, int min, int max, bool *ok)
{
    const int value = text.toInt(ok);
    *ok = *ok && value >= min && value <= max;
    return value;
}
} // namespace

Result<Filter> Filter::fromQuery(const QUrlQuery &query)
{
    Filter filter;
    QJsonObject problems;
    auto value = [&](const char *name) {
        return query.queryItemValue(QLatin1String(name), QUrl::FullyDecoded);
    };
    if (const QString from = value("from");
        !from.isEmpty() && !parseBound(from, &filter.fromDate, &filter.fromTime))
        problems.insert(QStringLiteral("from"),
                        QStringLiteral("A date YYYY-MM-DD or an ISO time."));
    if (const QString to = value("to");
        !to.isEmpty() && !parseBound(to, &filter.toDate, &filter.toTime))
        problems.insert(QStringLiteral("to"), QStringLiteral("A date YYYY-MM-DD or an ISO time."));
    bool ok = true;
    if (const QString id = value("service_id"); !id.isEmpty()) {
        filter.serviceId = positiveInt(id, 1, 2147483647, &ok);
        if (!ok)
            problems.insert(QStringLiteral("service_id"), QStringLiteral("A positive integer."));
    }
    if (const QString id = value("branch_id"); !id.isEmpty()) {
        filter.branchId = positiveInt(id, 1, 2147483647, &ok);
        if (!ok)
            problems.insert(QStringLiteral("branch_id"), QStringLiteral("A positive integer."));
    }
    if (const QString id = value("counter_id"); !id.isEmpty()) {
        filter.counterId = positiveInt(id, 1, 2147483647, &ok);
        if (!ok)
            problems.insert(QStringLiteral("counter_id"), QStringLiteral("A positive integer."));
    }
    filter.status = value("status");
    if (!filter.status.isEmpty() && !kStatuses.contains(filter.status))
        problems.insert(QStringLiteral("status"),
                        QStringLiteral("One of %1.").arg(kStatuses.join(u", ")));
    if (const QString number = value("number"); !number.isEmpty()) {
        const auto parsed = Nextup::parseTokenNumber(number);
        if (!parsed)
            problems.insert(QStringLiteral("number"),
                            QStringLiteral("A token number such as D007 or 7."));
        else
            filter.serviceCode = parsed->serviceCode, filter.number = parsed->number;
    }
    if (const QString page = value("page"); !page.isEmpty()) {
        filter.page = positiveInt(page, 1, 1000000, &ok);
        if (!ok)
            problems.insert(QStringLiteral("page"), QStringLiteral("From 1."));
    }
    if (const QString size = value("page_size"); !size.isEmpty()) {
        filter.pageSize = positiveInt(size, 1, 200, &ok);
        if (!ok)
            problems.insert(QStringLiteral("page_size"), QStringLiteral("From 1 to 200."));
    }
    if (!problems.isEmpty())
        return ApiError::validation(problems);
    return filter;
}

Result<QJsonObject> search(Database &db, const Filter &filter)
{
    // Every condition is fixed text; values are bound, never spliced in.
    QStringList where{QStringLiteral("TRUE")};
    QVariantList params;
    auto add = [&](const QString &condition, const QVariant &value) {
        where.append(condition);
        params.append(value);
    };
    if (filter.fromDate.isValid())
        add(QStringLiteral("t.business_date >= ?::date"), filter.fromDate.toString(Qt::ISODate));
    if (filter.toDate.isValid())
        add(QStringLiteral("t.business_date <= ?::date"), filter.toDate.toString(Qt::ISODate));
    if (filter.fromTime.isValid())
        add(QStringLiteral("t.created_at >= ?::timestamptz"),
            filter.fromTime.toUTC().toString(Qt::ISODateWithMs));
    if (filter.toTime.isValid())
        add(QStringLiteral("t.created_at <= ?::timestamptz"),
            filter.toTime.toUTC().toString(Qt::ISODateWithMs));
    if (filter.serviceId)
        add(QStringLiteral("t.service_id = ?"), filter.serviceId);
    if (filter.counterId)
        add(QStringLiteral("t.counter_id = ?"), filter.counterId);
    if (filter.branchId)
        add(QStringLiteral("s.branch_id = ?"), filter.branchId);
    if (!filter.status.isEmpty())
        add(QStringLiteral("t.status = ?"), filter.status);
    if (filter.number)
        add(QStringLiteral("t.number = ?"), filter.number);
    // The letters are those of the number as issued: a transferred token keeps its number while
    // its service (and so s.code) changes.
    if (!filter.serviceCode.isEmpty())
        add(QStringLiteral("t.token_number ~ ?"),
            QStringLiteral("^%1[0-9]").arg(filter.serviceCode));
    const QString condition = QStringLiteral("WHERE ") + where.join(QStringLiteral(" AND "));

    auto total = db.exec(
        QStringLiteral("SELECT count(*) FROM tokens t JOIN services s ON s.id = t.service_id ") +
            condition,
        params);
    if (!total.ok())
        return total.error();
    const qint64 count = total->next() ? total->value(0).toLongLong() : 0;

    QVariantList pageParams = params;
    pageParams << filter.pageSize << qint64(filter.page - 1) * filter.pageSize;
    auto rows =
        db.exec(TokenRecord::selectSql() + condition +
                    QStringLiteral(" ORDER BY t.created_at DESC, t.id DESC LIMIT ? OFFSET ?"),
                pageParams);
    if (!rows.ok())
        return rows.error();
    QJsonArray items;
    while (rows->next())
        items.append(TokenRecord::fromRow(*rows).toJson());
    return QJsonObject{{Key::Items, items},
                       {Key::Page, filter.page},
                       {Key::PageSize, filter.pageSize},
                       {Key::Total, count}};
}

} // namespace History

} // namespace Nextup
