#include "api/tokenscontroller.h"

#include "api/jsonvalidator.h"
#include "domain/history.h"
#include "http/router.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace {
const int kMaxCustomerInfoBytes = 2048;

// Postgres' jsonb cannot store U+0000. Refused here, before a token number is taken, so such a
// request leaves no gap in the numbering.
bool containsNul(const QJsonValue &value)
{
    if (value.isString())
        return value.toString().contains(QChar(u'\0'));
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (const QJsonValue &item : array) {
            if (containsNul(item))
                return true;
        }
        return false;
    }
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.key().contains(QChar(u'\0')) || containsNul(it.value()))
            return true;
    }
    return false;
}
} // namespace

TokensController::TokensController(const ApiContext &api)
    : m_api(api), m_issuer(api.deps), m_batcher(api, m_issuer), m_desk(api.deps)
{
}

QByteArray TokensController::metricsText() const
{
    return "# HELP nextup_token_batches_split_total Batches of new tokens written one by one after "
           "their INSERT failed.\n# TYPE nextup_token_batches_split_total counter\n"
           "nextup_token_batches_split_total " +
           QByteArray::number(m_issuer.batchesSplit()) + '\n';
}

void TokensController::registerRoutes(Router &router)
{
    router.add("POST", QStringLiteral("/api/tokens"), this, &TokensController::create);
    router.add("GET", QStringLiteral("/api/tokens"), this, &TokensController::history);
    router.add("GET", QStringLiteral("/api/tokens/:id"), this, &TokensController::details);
    router.add("GET", QStringLiteral("/api/tokens/:id/status"), this, &TokensController::status);
    router.add("POST", QStringLiteral("/api/tokens/:id/cancel"), this, &TokensController::cancel);
    router.add("POST", QStringLiteral("/api/tokens/:id/assign"), this, &TokensController::assign);
}

QByteArray TokensController::secretOf(const ApiRequest &request, const QJsonObject &body)
{
    QByteArray secret = body.value(u"secret").toString().toUtf8();
    if (secret.isEmpty())
        secret = request.header("x-token-secret");
    if (secret.isEmpty())
        secret = request.queryValue(QStringLiteral("secret")).toUtf8();
    return secret.left(256);
}

// 201 {token_id, token_number, eta, position, secret, status, service_id, service_name, ...}.
// Anonymous callers are rate-limited per address.
void TokensController::create(const ApiRequest &request, const Responder &responder)
{
    const auto caller = Handler::authorize(m_api, request, responder, {});
    if (!caller)
        return;
    const auto body = Handler::jsonBody(request, responder);
    if (!body)
        return;
    JsonValidator check(*body);
    TokenIssuer::Request issue;
    issue.caller = *caller;
    issue.serviceId =
        int(check.integer(QStringLiteral("service_id"), true, 1, 2147483647).value_or(0));
    if (check.has(QStringLiteral("customer_info"))) {
        const QJsonValue info = body->value(u"customer_info");
        if (info.isString())
            issue.customerInfo = QJsonObject{{QStringLiteral("name"), info.toString()}};
        else if (info.isObject())
            issue.customerInfo = info.toObject();
        else
            check.fail(QStringLiteral("customer_info"),
                       QStringLiteral("Must be an object or a string."));
        if (QJsonDocument(issue.customerInfo).toJson(QJsonDocument::Compact).size() >
            kMaxCustomerInfoBytes)
            check.fail(QStringLiteral("customer_info"),
                       QStringLiteral("At most %1 bytes.").arg(kMaxCustomerInfoBytes));
        if (containsNul(issue.customerInfo))
            check.fail(QStringLiteral("customer_info"),
                       QStringLiteral("Must not contain NUL characters."));
    }
    issue.preferredSlot =
        check.timestamp(QStringLiteral("preferred_slot"), false).value_or(QDateTime());
    issue.priority = int(check.integer(QStringLiteral("priority"), false, 0, 9).value_or(0));
    if (issue.priority > 0 && !caller->mayIssuePriority())
        check.fail(QStringLiteral("priority"),
                   QStringLiteral("Only staff and kiosks may set a priority."));
    if (!check.ok())
        return responder.send(check.error());
    // Anonymous callers and customers are rate-limited per address; staff and kiosks are not.
    const bool limited = issue.caller.isAnonymous() || issue.caller.role == Roles::User;
    m_batcher.submit({issue,
                      limited ? Handler::rateLimitKey(m_api, request, "rl:tokens") : QByteArray(),
                      responder});
}

// {token_id, token_number, status, position, eta, ...}: the customer (with the secret) or staff.
void TokensController::status(const ApiRequest &request, const Responder &responder)
{
    const auto caller = Handler::authorize(m_api, request, responder, {});
    const auto id = caller ? Handler::idParam(request, responder) : std::nullopt;
    if (!id)
        return;
    Handler::run(m_api, responder,
                 [this, id = *id, secret = secretOf(request), caller = *caller](
                     WorkerContext &ctx) { return m_issuer.status(ctx, id, secret, caller); });
}

// {token}: a waiting token cancelled by its customer (secret) or by staff.
void TokensController::cancel(const ApiRequest &request, const Responder &responder)
{
    const auto caller = Handler::authorize(m_api, request, responder, {});
    const auto id = caller ? Handler::idParam(request, responder) : std::nullopt;
    const auto body = id ? Handler::jsonBody(request, responder) : std::nullopt;
    if (!body)
        return;
    JsonValidator check(*body);
    const auto reason = check.string(QStringLiteral("reason"), false, 0, 500);
    if (!check.ok())
        return responder.send(check.error());
    Handler::run(m_api, responder,
                 [this, id = *id, secret = secretOf(request, *body), caller = *caller,
                  reason = reason.value_or(QString())](WorkerContext &ctx) {
                     return m_issuer.cancel(ctx, id, secret, reason, caller);
                 });
}

// {items, page, page_size, total}: filtered, paged history for staff.
void TokensController::history(const ApiRequest &request, const Responder &responder)
{
    if (!Handler::authorize(m_api, request, responder, {Roles::Admin, Roles::Operator}))
        return;
    auto filter = History::Filter::fromQuery(request.query);
    if (!filter.ok())
        return responder.send(filter.error());
    Handler::run(m_api, responder, [filter = *filter](WorkerContext &ctx) {
        return History::search(ctx.db(), filter);
    });
}

// {token} with its events timeline.
void TokensController::details(const ApiRequest &request, const Responder &responder)
{
    const auto caller =
        Handler::authorize(m_api, request, responder, {Roles::Admin, Roles::Operator});
    const auto id = caller ? Handler::idParam(request, responder) : std::nullopt;
    if (!id)
        return;
    Handler::run(m_api, responder,
                 [this, id = *id](WorkerContext &ctx) { return m_issuer.details(ctx, id); });
}

// {token} now called at the given counter, out of turn; the reason is kept in its history.
void TokensController::assign(const ApiRequest &request, const Responder &responder)
{
    const auto action = Handler::staffAction(m_api, request, responder);
    if (!action)
        return;
    const Principal &caller = action->caller;
    const qint64 id = action->id;
    JsonValidator check(action->body);
    const auto counterId = check.integer(QStringLiteral("counter_id"), true, 1, 2147483647);
    const auto reason = check.string(QStringLiteral("reason"), false, 0, 500);
    if (!check.ok())
        return responder.send(check.error());
    Handler::run(
        m_api, responder,
        [this, id, counterId = int(*counterId), reason = reason.value_or(QString()),
         caller](WorkerContext &ctx) { return m_desk.assign(ctx, id, counterId, reason, caller); });
}
