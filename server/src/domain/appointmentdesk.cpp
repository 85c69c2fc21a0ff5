#include "domain/appointmentdesk.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

#include "auth/securerandom.h"
#include "domain/appointmentbook.h"
#include "domain/branchscope.h"
#include "domain/eventpublisher.h"
#include "domain/tokenrecord.h"
#include "domain/tokenrepository.h"
#include "domain/tokensecrets.h"
#include "nextup/tokennumber.h"
#include "nextup/wire/enums.h"
#include "nextup/wire/isotime.h"
#include "nextup/wire/keys.h"
#include "nextup/wire/records.h"
#include "store/database.h"

namespace Nextup {

namespace Key = Wire::Key;

namespace {
const QString kBooked = Wire::toString(Wire::TokenStatus::Booked);

ApiError notBooked(const TokenRecord &token, const QString &action)
{
    if (!token.preferredSlot.isValid())
        return ApiError::conflict(QStringLiteral("invalid_state"),
                                  QStringLiteral("%1 is a walk-in token; only appointments %2.")
                                      .arg(token.tokenNumber, action));
    return ApiError::conflict(QStringLiteral("invalid_state"),
                              QStringLiteral("Only a booked appointment can %1 (%2 is %3).")
                                  .arg(action, token.tokenNumber, token.status));
}

QJsonObject windowJson(const Slot &window)
{
    return QJsonObject{{Key::CheckInOpensAt, Wire::isoTime(window.start)},
                       {Key::CheckInClosesAt, Wire::isoTime(window.end)}};
}

Result<ServiceCalendar> activeCalendar(Database &db, int serviceId)
{
    auto service = AppointmentBook::calendarOf(db, serviceId);
    if (service.ok() && !service->active)
        return ApiError::conflict(
            QStringLiteral("service_closed"),
            QStringLiteral("Service %1 is not taking tokens.").arg(serviceId));
    return service;
}

Result<TokenRecord> load(Database &db, qint64 tokenId)
{
    auto token = TokenRepository::find(db, tokenId);
    if (!token.ok())
        return token.error();
    if (!token->has_value())
        return ApiError::notFound(QStringLiteral("Token %1 does not exist.").arg(tokenId));
    return **token;
}
} // namespace

Outcome AppointmentDesk::admit(WorkerContext &ctx, qint64 tokenId, const QByteArray &secret,
                               const Principal &caller) const
{
    const auto verdict = TokenSecrets::verify(ctx.db(), tokenId, secret);
    if (!verdict.ok())
        return verdict.error();
    if (*verdict == TokenSecrets::Verdict::UnknownToken)
        return ApiError::notFound(QStringLiteral("Token %1 does not exist.").arg(tokenId));
    // A kiosk or staff member of another branch: no such token for them.
    if (auto reached = BranchScope::token(ctx.db(), tokenId, caller); !reached.ok())
        return reached;
    // A lobby kiosk checks in whatever QR is scanned at it; staff check in from the console.
    if (caller.mayIssuePriority() || *verdict == TokenSecrets::Verdict::Matches)
        return Done{};
    return ApiError::forbidden(QStringLiteral("The token's secret is missing or wrong."));
}

QJsonObject AppointmentDesk::answer(const TokenRecord &token, const QJsonObject &window,
                                    bool staff) const
{
    QJsonObject json{{Key::Token, token.toJson(staff)}};
    for (auto it = window.begin(); it != window.end(); ++it)
        json.insert(it.key(), it.value());
    return json;
}

Result<QJsonObject> AppointmentDesk::book(WorkerContext &ctx, const Booking &booking,
                                          const QDateTime &now) const
{
    Database &db = ctx.db();
    auto service = activeCalendar(db, booking.serviceId);
    if (!service.ok())
        return service.error();
    const QByteArray secret = SecureRandom::token(24);
    auto inserted = db.transaction<qint64>([&]() -> Result<qint64> {
        if (auto place = AppointmentBook::reservePlace(db, *service, booking.slot, now);
            !place.ok())
            return place.error();
        const QDate day = service->calendar.localDate(booking.slot);
        auto number = AppointmentBook::nextNumber(db, service->serviceId, day);
        if (!number.ok())
            return number.error();
        auto rows = db.exec(
            QStringLiteral(
                "WITH inserted AS (INSERT INTO tokens (service_id, business_date, number, "
                "token_number, status, priority, customer_info, preferred_slot, arrival_at, "
                "created_by, secret_hash) VALUES (?, ?, ?, ?, 'booked', ?, ?::jsonb, ?, ?, ?, ?) "
                "RETURNING id, service_id, created_by) "
                "INSERT INTO token_events (token_id, event, to_status, service_id, actor_id) "
                "SELECT id, 'booked', 'booked', service_id, created_by FROM inserted "
                "RETURNING token_id"),
            {service->serviceId, day, *number, formatTokenNumber(service->code, *number),
             booking.priority,
             QString::fromUtf8(QJsonDocument(booking.customerInfo).toJson(QJsonDocument::Compact)),
             Wire::isoTime(booking.slot), Wire::isoTime(booking.slot),
             booking.caller.userId > 0 ? QVariant(booking.caller.userId) : QVariant(),
             QString::fromLatin1(SecureRandom::sha256Hex(secret))});
        if (!rows.ok())
            return rows.error();
        rows->next();
        return rows->value(0).toLongLong();
    });
    if (!inserted.ok())
        return inserted.error();
    auto token = load(db, *inserted);
    if (!token.ok())
        return token.error();
    m_deps.events.publishToken(ctx.redis(), Wire::toString(Wire::EventType::TokenBooked), *token,
                               service->branchId);
    // The walk-in's answer (Wire::CreatedToken) plus the check-in window. Until check-in the
    // wait is the time to the slot; a booked token has no place in line.
    Wire::CreatedToken created;
    created.tokenId = token->id;
    created.tokenNumber = token->tokenNumber;
    created.eta = int(qMax<qint64>(0, now.secsTo(booking.slot)));
    created.position = 0;
    created.secret = QString::fromLatin1(secret);
    created.status = token->status;
    created.serviceId = token->serviceId;
    created.serviceName = token->serviceName;
    created.priority = token->priority;
    created.createdAt = token->createdAt;
    created.preferredSlot = token->preferredSlot;
    created.statusUrl = TokenSecrets::statusUrl(token->id, created.secret);
    QJsonObject json = created.toJson();
    const QJsonObject window = windowJson(service->calendar.checkInWindow(booking.slot));
    for (auto it = window.begin(); it != window.end(); ++it)
        json.insert(it.key(), it.value());
    return json;
}

Result<QJsonObject> AppointmentDesk::checkIn(WorkerContext &ctx, qint64 tokenId,
                                             const QByteArray &secret, const Principal &caller,
                                             const QDateTime &now) const
{
    if (auto allowed = admit(ctx, tokenId, secret, caller); !allowed.ok())
        return allowed.error();
    auto token = load(ctx.db(), tokenId);
    if (!token.ok())
        return token.error();
    if (token->status != kBooked)
        return notBooked(*token, QStringLiteral("check in"));
    auto service = AppointmentBook::calendarOf(ctx.db(), token->serviceId);
    if (!service.ok())
        return service.error();
    const QDateTime slot = token->preferredSlot;
    const Slot window = service->calendar.checkInWindow(slot);
    if (now < window.start || now > window.end) {
        ApiError outside = ApiError::conflict(
            QStringLiteral("outside_check_in_window"),
            QStringLiteral("Check-in for %1 is open from %2 to %3.")
                .arg(token->tokenNumber, Wire::isoTime(window.start), Wire::isoTime(window.end)));
        outside.details = windowJson(window);
        return outside;
    }
    TokenRepository::Change change;
    change.tokenId = tokenId;
    change.fromStatuses = {kBooked};
    change.toStatus = QStringLiteral("waiting");
    change.event = QStringLiteral("checked_in");
    change.stampColumn = QStringLiteral("checked_in_at");
    change.actorId = caller.userId;
    auto changed = TokenRepository::apply(ctx.db(), change);
    if (!changed.ok())
        return changed.error();
    if (!changed->has_value()) // checked in (or cancelled) by another request meanwhile
        return notBooked(*token, QStringLiteral("check in"));
    const TokenRecord &waiting = **changed;
    // It joins the line at its slot's time (arrival_at is the slot).
    const QueueEntry entry = LiveQueues::entryOf(waiting);
    auto queued =
        LiveQueues::live(m_deps, ctx, [&] { return m_deps.engine.enqueue(ctx.redis(), entry); });
    if (!queued.ok())
        LiveQueues::invalidate(m_deps, ctx); // Postgres has it waiting: Redis rebuilds from it
    m_deps.events.publishToken(ctx.redis(), Wire::toString(Wire::EventType::TokenCheckedIn),
                               waiting, service->branchId);
    QJsonObject json = answer(waiting, windowJson(window), caller.isStaff());
    // The place in line, 1 = next (the engine counts those ahead).
    if (auto ahead = m_deps.engine.position(ctx.redis(), entry); ahead.ok() && *ahead >= 0)
        json.insert(Key::Position, *ahead + 1);
    return json;
}

Result<QJsonObject> AppointmentDesk::reschedule(WorkerContext &ctx, qint64 tokenId,
                                                const QByteArray &secret, const QDateTime &slot,
                                                const Principal &caller, const QDateTime &now) const
{
    if (auto allowed = admit(ctx, tokenId, secret, caller); !allowed.ok())
        return allowed.error();
    Database &db = ctx.db();
    auto token = load(ctx.db(), tokenId);
    if (!token.ok())
        return token.error();
    if (token->status != kBooked)
        return notBooked(*token, QStringLiteral("be rescheduled"));
    auto service = activeCalendar(db, token->serviceId);
    if (!service.ok())
        return service.error();
    const QString from = Wire::isoTime(token->preferredSlot);
    auto moved = db.transaction<bool>([&]() -> Result<bool> {
        if (auto place = AppointmentBook::reservePlace(db, *service, slot, now, tokenId);
            !place.ok())
            return place.error();
        const QDate day = service->calendar.localDate(slot);
        // Another day is another number: numbers are unique per service and day.
        qint64 number = token->number;
        if (day.toString(Qt::ISODate) != token->businessDate) {
            auto next = AppointmentBook::nextNumber(db, service->serviceId, day);
            if (!next.ok())
                return next.error();
            number = *next;
        }
        auto rows = db.exec(
            QStringLiteral(
                "WITH moved AS (UPDATE tokens SET preferred_slot = ?, arrival_at = ?, "
                "business_date = ?, number = ?, token_number = ? WHERE id = ? AND status = "
                "'booked' "
                "RETURNING id, service_id) "
                "INSERT INTO token_events (token_id, event, from_status, to_status, service_id, "
                "actor_id, reason) SELECT id, 'rescheduled', 'booked', 'booked', service_id, ?, ? "
                "FROM moved RETURNING token_id"),
            {Wire::isoTime(slot), Wire::isoTime(slot), day, number,
             formatTokenNumber(service->code, number), tokenId,
             caller.userId > 0 ? QVariant(caller.userId) : QVariant(),
             QStringLiteral("from %1 to %2").arg(from, Wire::isoTime(slot))});
        if (!rows.ok())
            return rows.error();
        return rows->next();
    });
    if (!moved.ok())
        return moved.error();
    if (!*moved)
        return notBooked(*token, QStringLiteral("be rescheduled"));
    auto after = load(db, tokenId);
    if (!after.ok())
        return after.error();
    m_deps.events.publishToken(ctx.redis(), Wire::toString(Wire::EventType::TokenRescheduled),
                               *after, service->branchId);
    return answer(*after, windowJson(service->calendar.checkInWindow(slot)), caller.isStaff());
}

Result<QJsonObject> AppointmentDesk::timeOf(WorkerContext &ctx, qint64 tokenId) const
{
    auto token = load(ctx.db(), tokenId);
    if (!token.ok())
        return token.error();
    if (!token->preferredSlot.isValid())
        return QJsonObject{};
    auto service = AppointmentBook::calendarOf(ctx.db(), token->serviceId);
    if (!service.ok())
        return service.error();
    QJsonObject json = windowJson(service->calendar.checkInWindow(token->preferredSlot));
    json.insert(Key::PreferredSlot, Wire::isoTime(token->preferredSlot));
    return json;
}

Result<int> AppointmentDesk::expireNoShows(WorkerContext &ctx) const
{
    // Every instance sweeps; SKIP LOCKED and the status guard expire each token exactly once.
    // One statement expires, records and reads back the tokens the events announce.
    auto rows = ctx.db().exec(
        QStringLiteral(
            "WITH due AS (SELECT t.id FROM tokens t JOIN services s ON s.id = t.service_id "
            "JOIN branches b ON b.id = s.branch_id WHERE t.status = 'booked' "
            "AND t.preferred_slot + make_interval(mins => b.checkin_late_minutes) < now() "
            "FOR UPDATE OF t SKIP LOCKED), "
            "expired AS (UPDATE tokens t SET status = 'expired', finished_at = clock_timestamp() "
            "FROM due WHERE t.id = due.id AND t.status = 'booked' RETURNING t.*), "
            "recorded AS (INSERT INTO token_events (token_id, event, from_status, to_status, "
            "service_id, reason) SELECT id, 'expired', 'booked', 'expired', service_id, "
            "'not checked in within the window' FROM expired) ") +
        TokenRecord::selectSqlFrom(QStringLiteral("expired")));
    if (!rows.ok())
        return rows.error();
    QList<TokenRecord> expired;
    while (rows->next())
        expired.append(TokenRecord::fromRow(*rows));
    QHash<int, int> branchOfService;
    for (const TokenRecord &token : std::as_const(expired)) {
        if (!branchOfService.contains(token.serviceId)) {
            auto service = AppointmentBook::calendarOf(ctx.db(), token.serviceId);
            branchOfService.insert(token.serviceId, service.ok() ? service->branchId : 0);
        }
        m_deps.events.publishToken(ctx.redis(), Wire::toString(Wire::EventType::TokenExpired),
                                   token, branchOfService.value(token.serviceId));
    }
    return int(expired.size());
}

Result<QJsonObject> AppointmentDesk::list(WorkerContext &ctx, std::optional<QDate> from,
                                          std::optional<QDate> to, int branchId,
                                          int serviceId) const
{
    if (!from) {
        // The branch's today, not the server's: a branch may be hours ahead of it.
        auto today = ctx.db().exec(
            QStringLiteral("SELECT (now() AT TIME ZONE coalesce((SELECT timezone FROM branches "
                           "WHERE id = ? OR ? = 0 ORDER BY id LIMIT 1), 'UTC'))::date"),
            {branchId, branchId});
        if (!today.ok())
            return today.error();
        today->next();
        from = today->value(0).toDate();
    }
    if (!to)
        to = from;
    if (*to < *from || from->daysTo(*to) > kMaxListDays)
        return ApiError::validation(
            QJsonObject{{Key::To, QStringLiteral("From 0 to 31 days after from.")}});
    auto rows = ctx.db().exec(
        TokenRecord::selectSql() +
            QStringLiteral("WHERE t.preferred_slot IS NOT NULL AND t.business_date BETWEEN ? AND ? "
                           "AND (? = 0 OR s.branch_id = ?) AND (? = 0 OR t.service_id = ?) "
                           "ORDER BY t.preferred_slot, t.id LIMIT 2000"),
        {*from, *to, branchId, branchId, serviceId, serviceId});
    if (!rows.ok())
        return rows.error();
    QJsonArray items;
    while (rows->next())
        items.append(TokenRecord::fromRow(*rows).toJson(true));
    return QJsonObject{{Key::From, from->toString(Qt::ISODate)},
                       {Key::To, to->toString(Qt::ISODate)},
                       {Key::Items, items}};
}

} // namespace Nextup
