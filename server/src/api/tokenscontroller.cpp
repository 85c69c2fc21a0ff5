#include "api/tokenscontroller.h"

#include <QJsonArray>
#include <QJsonDocument>

#include "api/catalogfields.h"
#include "domain/history.h"
#include "nextup/wire/enums.h"
#include "nextup/wire/keys.h"

namespace Nextup {

namespace Key = Wire::Key;

namespace {
const int kMaxCustomerInfoBytes = 2048;

} // namespace

TokensController::TokensController(const ApiContext &api)
    : m_api(api), m_issuer(api.deps), m_batcher(api, m_issuer), m_desk(api.deps),
      m_appointments(api.deps)
{
}

QByteArray TokensController::metricsText() const
{
    return "# HELP nextup_token_batches_split_total Batches of new tokens written one by one after "
           "their INSERT failed.\n# TYPE nextup_token_batches_split_total counter\n"
           "nextup_token_batches_split_total " +
           QByteArray::number(m_issuer.batchesSplit()) + '\n';
}

const QList<Route<TokensController>> &TokensController::routes()
{
    using C = TokensController;
    static const QList<Route<C>> table = {
        {"POST", "/api/tokens", Access::Anyone, &C::create, Body::Json},
        {"GET", "/api/tokens", Access::Staff, &C::history},
        {"GET", "/api/tokens/:id", Access::Staff, &C::details, Body::Ignored, Ids::Token},
        {"GET", "/api/tokens/:id/status", Access::Anyone, &C::status, Body::Ignored, Ids::Token},
        {"POST", "/api/tokens/:id/cancel", Access::Anyone, &C::cancel, Body::Json, Ids::Token},
        {"POST", "/api/tokens/:id/assign", Access::Staff, &C::assign, Body::Json, Ids::Token},
    };
    return table;
}

BranchScope::Check TokensController::scope(const Call &call)
{
    return {&BranchScope::token, call.id, call.caller};
}

QByteArray TokensController::secretOf(const ApiRequest &request, const QJsonObject &body)
{
    QByteArray secret = body.value(Key::Secret).toString().toUtf8();
    if (secret.isEmpty())
        secret = request.header("x-token-secret");
    if (secret.isEmpty())
        secret = request.queryValue(QStringLiteral("secret")).toUtf8();
    return secret.left(256);
}

// 201 {token_id, token_number, eta, position, secret, status, service_id, service_name, ...}.
// Anonymous callers are rate-limited per address.
void TokensController::create(const Call &call)
{
    JsonValidator check(call.body);
    TokenIssuer::Request issue;
    issue.caller = call.caller;
    issue.serviceId =
        int(check.integer(Key::ServiceId, true, 1, CatalogFields::kMaxId).value_or(0));
    if (check.has(Key::CustomerInfo)) {
        const QJsonValue info = call.body.value(Key::CustomerInfo);
        if (info.isString())
            issue.customerInfo = QJsonObject{{Key::Name, info.toString()}};
        else if (info.isObject())
            issue.customerInfo = info.toObject();
        else
            check.fail(Key::CustomerInfo, QStringLiteral("Must be an object or a string."));
        if (QJsonDocument(issue.customerInfo).toJson(QJsonDocument::Compact).size() >
            kMaxCustomerInfoBytes)
            check.fail(Key::CustomerInfo,
                       QStringLiteral("At most %1 bytes.").arg(kMaxCustomerInfoBytes));
    }
    const QDateTime slot = check.timestamp(Key::PreferredSlot, false).value_or(QDateTime());
    issue.priority = int(check.integer(Key::Priority, false, 0, 9).value_or(0));
    if (issue.priority > 0 && !call.caller.mayIssuePriority())
        check.fail(Key::Priority, QStringLiteral("Only staff and kiosks may set a priority."));
    if (!check.ok())
        return call.responder.send(check.error());
    // Anonymous callers and customers are rate-limited per address; staff and kiosks are not.
    const bool limited = issue.caller.isAnonymous() || issue.caller.role == Roles::User;
    if (slot.isValid())
        return book(call, issue, slot, limited);
    m_batcher.submit(
        {issue, limited ? Handler::rateLimitKey(m_api, call.request, "rl:tokens") : QByteArray(),
         call.responder});
}

// A token with a time is an appointment: booked in one transaction of its own (capacity, number)
// instead of joining a batch of walk-ins, and not in the live line until check-in.
void TokensController::book(const Call &call, const TokenIssuer::Request &issue,
                            const QDateTime &slot, bool limited)
{
    AppointmentDesk::Booking booking{issue.serviceId, slot, issue.customerInfo, issue.priority,
                                     issue.caller};
    m_api.pool.submit(call.responder, [this, request = call.request, booking,
                                       limited](WorkerContext &ctx) {
        if (auto reached = BranchScope::service(ctx.db(), booking.serviceId, booking.caller);
            !reached.ok())
            return toResponse(Result<QJsonObject>(reached.error()), 201);
        if (limited) {
            if (auto refused = Handler::rateLimited(m_api, ctx, request, "rl:tokens",
                                                    m_api.config.tokenRateLimitPerMinute))
                return *refused;
        }
        return toResponse(m_appointments.book(ctx, booking, QDateTime::currentDateTimeUtc()), 201);
    });
}

// {token_id, token_number, status, position, eta, ...}: the customer (with the secret) or staff.
void TokensController::status(const Call &call)
{
    Handler::run(m_api, call.responder,
                 [this, id = call.id, secret = secretOf(call.request),
                  caller = call.caller](WorkerContext &ctx) -> Result<QJsonObject> {
                     // Another branch's token: not found without its secret; with it, the
                     // caller reads it as its customer would (a dispenser tells a scanned
                     // ticket of another branch from an unknown one).
                     Principal reader = caller;
                     if (auto reached = BranchScope::token(ctx.db(), id, caller); !reached.ok()) {
                         if (secret.isEmpty())
                             return reached.error();
                         reader = Principal{};
                     }
                     auto progress = m_issuer.status(ctx, id, secret, reader);
                     if (!progress.ok())
                         return progress;
                     // A booked appointment's page shows its time and window, on any phone
                     // (a walk-in's status costs no further query).
                     const QString status = progress->value(Key::Status).toString();
                     if (status != Wire::toString(Wire::TokenStatus::Booked) &&
                         status != Wire::toString(Wire::TokenStatus::Expired))
                         return progress;
                     auto time = m_appointments.timeOf(ctx, id);
                     if (!time.ok())
                         return time.error();
                     for (auto it = time->begin(); it != time->end(); ++it)
                         progress->insert(it.key(), it.value());
                     return progress;
                 });
}

// {token}: a waiting token cancelled by its customer (secret) or by staff.
void TokensController::cancel(const Call &call)
{
    JsonValidator check(call.body);
    const auto reason = check.string(Key::Reason, false, 0, 500);
    if (!check.ok())
        return call.responder.send(check.error());
    Handler::runWithin(m_api, call.responder, scope(call),
                       [this, id = call.id, secret = secretOf(call.request, call.body),
                        caller = call.caller,
                        reason = reason.value_or(QString())](WorkerContext &ctx) {
                           return m_issuer.cancel(ctx, id, secret, reason, caller);
                       });
}

// {items, page, page_size, total}: filtered, paged history for staff.
void TokensController::history(const Call &call)
{
    auto filter = History::Filter::fromQuery(call.request.query);
    if (!filter.ok())
        return call.responder.send(filter.error());
    filter->branchId = call.caller.narrowed(filter->branchId);
    Handler::run(m_api, call.responder, [filter = *filter](WorkerContext &ctx) {
        return History::search(ctx.db(), filter);
    });
}

// {token} with its events timeline.
void TokensController::details(const Call &call)
{
    Handler::runWithin(
        m_api, call.responder, scope(call),
        [this, id = call.id](WorkerContext &ctx) { return m_issuer.details(ctx, id); });
}

// {token} now called at the given counter, out of turn; the reason is kept in its history.
void TokensController::assign(const Call &call)
{
    JsonValidator check(call.body);
    const auto counterId = check.integer(Key::CounterId, true, 1, CatalogFields::kMaxId);
    const auto reason = check.string(Key::Reason, false, 0, 500);
    if (!check.ok())
        return call.responder.send(check.error());
    Handler::runWithin(
        m_api, call.responder, scope(call),
        [this, id = call.id, counterId = int(*counterId), reason = reason.value_or(QString()),
         caller = call.caller](WorkerContext &ctx) -> Result<QJsonObject> {
            if (auto reached = BranchScope::counter(ctx.db(), counterId, caller); !reached.ok())
                return reached.error();
            return m_desk.assign(ctx, id, counterId, reason, caller);
        });
}

} // namespace Nextup
