// Fuzzes what stands between a request's text and the database: RequestScreen::check
// (server/src/http/requestscreen.h), which every routed request passes, then what the controllers
// do with what it lets through: the body read as RouteTable::admit reads it (a JSON object, {} when
// empty), JsonValidator's field checks as the controllers call them (api/jsonvalidator.h,
// api/catalogfields.h), the opening hours of a branch (OpeningHours::fromJson) and the query of
// GET /api/tokens (History::Filter::fromQuery).
//
// The input is a query string, a newline, then the body; an input without a newline is a body
// alone.
//
// Invariants:
//  - a raw NUL in the body, a raw control character inside one of its strings (after a
//    backslash too), or a NUL in a decoded query parameter, is refused; a refusal is 400,
//    bad_request or validation_failed, the latter naming at least one field;
//  - what the screen lets through holds no NUL: no string and no member name of the body at any
//    depth, no query parameter. (That is the promise that keeps NUL out of Qt's Postgres driver.)
//  - each field check answers within its bounds or fails that field, and the validator's error
//    is a 400 naming the failed fields;
//  - opening hours that are accepted read back the same from their own JSON;
//  - a history filter that is accepted is within its documented ranges.

#include <algorithm>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>
#include <QUrlQuery>

#include "api/catalogfields.h"
#include "api/jsonvalidator.h"
#include "domain/bookingcalendar.h"
#include "domain/history.h"
#include "fuzzsupport.h"
#include "http/apirequest.h"
#include "http/requestscreen.h"
#include "nextup/wire/keys.h"

namespace Fuzz = Nextup::Fuzz;
namespace Key = Nextup::Wire::Key;
using Nextup::ApiError;
using Nextup::JsonValidator;

namespace {

constexpr QChar kNul(u'\0');
constexpr qint64 kMaxId = Nextup::CatalogFields::kMaxId;

// A raw control character (below U+0020) where RFC 8259 §7 forbids one: inside a string, the
// character after a backslash included (Qt 6.4's reader reads a backslash and a raw NUL as a
// NUL, and any other unknown escape as the character itself).
bool rawControlInString(const QByteArray &body)
{
    bool inString = false;
    for (qsizetype i = 0; i < body.size(); ++i) {
        const auto c = static_cast<unsigned char>(body.at(i));
        if (!inString) {
            inString = c == '"';
        } else if (c < 0x20) {
            return true;
        } else if (c == '"') {
            inString = false;
        } else if (c == '\\' && ++i < body.size() &&
                   static_cast<unsigned char>(body.at(i)) < 0x20) {
            return true;
        }
    }
    return false;
}

bool queryHasNul(const QUrlQuery &query)
{
    const auto items = query.queryItems(QUrl::FullyDecoded);
    return std::any_of(items.begin(), items.end(), [](const auto &item) {
        return item.first.contains(kNul) || item.second.contains(kNul);
    });
}

void checkValidationError(const ApiError &error)
{
    FUZZ_CHECK(error.status == 400);
    FUZZ_CHECK(error.code == QLatin1String("validation_failed"));
    FUZZ_CHECK(error.details.isObject() && !error.details.toObject().isEmpty());
}

// The body's fields checked the way the controllers check them (tokens, counters, services,
// users, auth, appointments), each answer within its bounds.
void checkFields(const QJsonObject &body)
{
    JsonValidator check(body);
    struct IntegerField
    {
        QLatin1StringView name;
        qint64 min;
        qint64 max;
    };
    const IntegerField integers[] = {
        {Key::ServiceId, 1, kMaxId},
        {Key::CounterId, 1, kMaxId},
        {Key::BranchId, 1, kMaxId},
        {Key::Priority, 0, 9},
        {QLatin1StringView("slot_minutes"), 5, 240},
        {QLatin1StringView("slot_capacity"), 0, 1000},
        {QLatin1StringView("booking_horizon_days"), 0, 366},
        {QLatin1StringView("token_id"), 1, kMaxId * 1000}, // bigserial ids, as routes take them
    };
    for (const IntegerField &field : integers) {
        const auto value = check.integer(field.name, false, field.min, field.max);
        FUZZ_CHECK(!value || (*value >= field.min && *value <= field.max));
        FUZZ_CHECK(value || !check.has(field.name) || !check.ok());
    }
    struct StringField
    {
        QLatin1StringView name;
        int min;
        int max;
    };
    const StringField strings[] = {
        {Key::Username, 1, 200}, {Key::Password, 1, 1000}, {Key::FullName, 0, 200},
        {Key::Reason, 0, 500},   {Key::Code, 1, 3},        {QLatin1StringView("timezone"), 1, 64},
    };
    for (const StringField &field : strings) {
        const auto value = check.string(field.name, false, field.min, field.max);
        FUZZ_CHECK(!value || (value->size() >= field.min && value->size() <= field.max));
        FUZZ_CHECK(!value || !value->contains(kNul));
    }
    if (const auto name = Nextup::CatalogFields::name(check, false))
        FUZZ_CHECK(name->size() >= 1 && name->size() <= 100 && !name->trimmed().isEmpty());
    if (const auto seconds =
            Nextup::CatalogFields::integer(check, Key::AvgServiceSeconds, false, 1, 86400))
        FUZZ_CHECK(*seconds >= 1 && *seconds <= 86400);
    if (const auto active = check.boolean(Key::Active, false))
        FUZZ_CHECK(body.value(Key::Active).toBool() == *active);
    if (const auto slot = check.timestamp(Key::PreferredSlot, false))
        FUZZ_CHECK(slot->isValid() && slot->timeSpec() == Qt::UTC);
    if (const auto ids = check.idList(Key::ServiceIds, false)) {
        for (qsizetype i = 0; i < ids->size(); ++i) {
            FUZZ_CHECK(ids->at(i) >= 1);
            FUZZ_CHECK(ids->indexOf(ids->at(i)) == i); // each id once
        }
    }
    if (!check.ok())
        checkValidationError(check.error());
}

void checkOpeningHours(const QJsonObject &body)
{
    const QString field = QStringLiteral("opening_hours");
    if (!body.contains(field))
        return;
    const auto hours = Nextup::OpeningHours::fromJson(body.value(field), field);
    if (!hours.ok()) {
        checkValidationError(hours.error());
        FUZZ_CHECK(hours.error().details.toObject().contains(field));
        return;
    }
    const auto again = Nextup::OpeningHours::fromJson(hours->toJson(), field);
    FUZZ_CHECK(again.ok() && *again == *hours);
}

void checkHistoryFilter(const QUrlQuery &query)
{
    const auto filter = Nextup::History::Filter::fromQuery(query);
    if (!filter.ok()) {
        checkValidationError(filter.error());
        return;
    }
    FUZZ_CHECK(filter->serviceId >= 0 && filter->counterId >= 0);
    FUZZ_CHECK(filter->page >= 1 && filter->page <= 1000000);
    FUZZ_CHECK(filter->pageSize >= 1 && filter->pageSize <= 200);
    FUZZ_CHECK(filter->number >= 0);
    FUZZ_CHECK(!filter->status.contains(kNul) && !filter->serviceCode.contains(kNul));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView input = Fuzz::bytesOf(data, size);
    const qsizetype newline = input.indexOf('\n');
    Nextup::ApiRequest request;
    request.method = "POST";
    request.path = QStringLiteral("/api/tokens");
    if (newline >= 0) {
        // As QHttpServerRequest::query() builds it from the request target.
        const QUrl url = QUrl::fromEncoded(QByteArray("http://nextup/api/tokens?") +
                                           input.first(newline).toByteArray());
        request.query = QUrlQuery(url.query());
    }
    request.body = input.sliced(newline + 1).toByteArray();

    const auto refusal = Nextup::RequestScreen::check(request);
    if (request.body.contains('\0') || rawControlInString(request.body) ||
        queryHasNul(request.query))
        FUZZ_CHECK(refusal.has_value());
    if (refusal) {
        FUZZ_CHECK(refusal->status == 400);
        if (refusal->code != QLatin1String("bad_request"))
            checkValidationError(*refusal);
        return 0;
    }

    checkHistoryFilter(request.query);
    // RouteTable::admit: an empty body is {}, anything but a JSON object is its own 400.
    if (request.body.trimmed().isEmpty())
        return 0;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &error);
    if (error.error != QJsonParseError::NoError)
        return 0;
    FUZZ_CHECK(!Nextup::RequestScreen::containsNul(
        document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object())));
    if (!document.isObject())
        return 0;
    checkFields(document.object());
    checkOpeningHours(document.object());
    return 0;
}
