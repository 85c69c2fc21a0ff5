#include "domain/tokenissuer.h"

#include "auth/securerandom.h"
#include "domain/catalogrecords.h"
#include "domain/etaestimator.h"
#include "domain/eventpublisher.h"
#include "domain/tokenrepository.h"
#include "nextup/businessday.h"
#include "nextup/tokennumber.h"
#include "store/database.h"

namespace {
const int kNumberAttempts = 3;
}

Result<QJsonObject> TokenIssuer::issue(WorkerContext &ctx, const Request &request) const
{
    auto service = Catalog::service(ctx.db(), request.serviceId);
    if (!service.ok())
        return service.error();
    if (!service->has_value())
        return ApiError::notFound(QStringLiteral("Service %1 does not exist.").arg(request.serviceId));
    const ServiceRecord &svc = **service;
    if (!svc.active)
        return ApiError::conflict(QStringLiteral("service_closed"),
                                  QStringLiteral("Service %1 is not taking tokens.").arg(svc.name));

    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDate today = Nextup::businessDate(now, svc.timezone);
    if (request.preferredSlot.isValid()) {
        if (request.preferredSlot <= now || Nextup::businessDate(request.preferredSlot, svc.timezone) != today)
            return ApiError::validation(QJsonObject{
                {QStringLiteral("preferred_slot"), QStringLiteral("Must be a time later today.")}});
    }

    const QByteArray secret = SecureRandom::token(24);
    TokenRepository::NewToken row;
    row.serviceId = svc.id;
    row.businessDate = today.toString(Qt::ISODate);
    row.priority = request.priority;
    row.customerInfo = request.customerInfo;
    row.preferredSlot = request.preferredSlot.isValid()
                            ? request.preferredSlot.toUTC().toString(Qt::ISODateWithMs) : QString();
    row.createdBy = request.caller.userId;
    row.secretHash = SecureRandom::sha256Hex(secret);

    // The number comes from Redis; Postgres' unique (service, day, number) is the backstop should
    // Redis hand out a number twice after losing data.
    Result<TokenRecord> inserted = ApiError::internal();
    for (int attempt = 0; attempt < kNumberAttempts; ++attempt) {
        auto number = QueueState::live(m_deps, ctx, [&] {
            return m_deps.engine.nextNumber(ctx.redis(), svc.id, today);
        });
        if (!number.ok())
            return number.error();
        row.number = *number;
        row.tokenNumber = Nextup::formatTokenNumber(svc.code, row.number);
        inserted = TokenRepository::insert(ctx.db(), row);
        if (inserted.ok() || inserted.error().code != u"already_exists")
            break;
        QueueState::invalidate(m_deps, ctx); // Redis is behind Postgres: rebuild raises the floor
    }
    if (!inserted.ok())
        return inserted.error();

    TokenRecord &token = *inserted;
    const QueueEntry entry = QueueState::entryOf(token);
    auto queued = QueueState::live(m_deps, ctx, [&] { return m_deps.engine.enqueue(ctx.redis(), entry); });
    if (!queued.ok()) {
        // The token is safe in Postgres; make Redis rebuild (and so include it) when it is back.
        QueueState::invalidate(m_deps, ctx);
        return queued.error();
    }
    auto placement = positionAndEta(ctx, token, svc.avgServiceSeconds);
    if (!placement.ok())
        return placement.error();
    const auto [position, eta] = *placement;
    TokenRepository::setEta(ctx.db(), token.id, eta);
    token.eta = eta;

    m_deps.events.publishToken(ctx.redis(), QStringLiteral("token_generated"), token, svc.branchId);
    return QJsonObject{
        {QStringLiteral("token_id"), token.id},
        {QStringLiteral("token_number"), token.tokenNumber},
        {QStringLiteral("eta"), eta},
        {QStringLiteral("position"), position},
        {QStringLiteral("secret"), QString::fromLatin1(secret)},
        {QStringLiteral("status"), token.status},
        {QStringLiteral("service_id"), svc.id},
        {QStringLiteral("service_name"), svc.name},
        {QStringLiteral("priority"), token.priority},
        {QStringLiteral("created_at"), token.createdAt},
        {QStringLiteral("preferred_slot"),
         row.preferredSlot.isEmpty() ? QJsonValue() : QJsonValue(token.preferredSlot)},
        {QStringLiteral("status_url"),
         QStringLiteral("/api/tokens/%1/status?secret=%2")
             .arg(token.id)
             .arg(QString::fromLatin1(secret))},
    };
}

Result<std::pair<int, int>> TokenIssuer::positionAndEta(WorkerContext &ctx, const TokenRecord &token,
                                                        int configuredAverage) const
{
    if (token.status != u"waiting")
        return std::pair{0, 0};
    const QueueEntry entry = QueueState::entryOf(token);
    auto ahead = QueueState::live(m_deps, ctx, [&] { return m_deps.engine.position(ctx.redis(), entry); });
    if (!ahead.ok())
        return ahead.error();
    const int tokensAhead = qMax(0, *ahead);
    auto eta = m_deps.eta.estimate(ctx.db(), token.serviceId, configuredAverage, tokensAhead);
    if (!eta.ok())
        return eta.error();
    // position is the place in line, 1 = next to be called.
    return std::pair{tokensAhead + 1, *eta};
}

Status TokenIssuer::checkSecret(WorkerContext &ctx, qint64 tokenId, const QByteArray &secret,
                                const Principal &caller) const
{
    auto stored = TokenRepository::secretHash(ctx.db(), tokenId);
    if (!stored.ok())
        return stored.error();
    if (stored->isEmpty())
        return ApiError::notFound(QStringLiteral("Token %1 does not exist.").arg(tokenId));
    // Staff only: a kiosk is a shared lobby device, and its login must not let anyone read or
    // cancel other customers' tokens by id (api.md: "the customer (secret), or staff").
    if (caller.isStaff())
        return Done{};
    if (secret.isEmpty() || !SecureRandom::constantTimeEquals(SecureRandom::sha256Hex(secret), *stored))
        return ApiError::forbidden(QStringLiteral("The token's secret is missing or wrong."));
    return Done{};
}

Result<QJsonObject> TokenIssuer::status(WorkerContext &ctx, qint64 tokenId, const QByteArray &secret,
                                        const Principal &caller) const
{
    if (auto allowed = checkSecret(ctx, tokenId, secret, caller); !allowed.ok())
        return allowed.error();
    auto token = TokenRepository::find(ctx.db(), tokenId);
    if (!token.ok())
        return token.error();
    if (!token->has_value())
        return ApiError::notFound();
    const TokenRecord &t = **token;
    auto service = Catalog::service(ctx.db(), t.serviceId);
    if (!service.ok())
        return service.error();
    auto placement = positionAndEta(ctx, t, service->has_value() ? (*service)->avgServiceSeconds : 300);
    if (!placement.ok())
        return placement.error();
    auto orNull = [](const QString &s) { return s.isEmpty() ? QJsonValue() : QJsonValue(s); };
    return QJsonObject{
        {QStringLiteral("token_id"), t.id},
        {QStringLiteral("token_number"), t.tokenNumber},
        {QStringLiteral("status"), t.status},
        {QStringLiteral("position"), placement->first},
        {QStringLiteral("eta"), placement->second},
        {QStringLiteral("service_id"), t.serviceId},
        {QStringLiteral("service_name"), t.serviceName},
        {QStringLiteral("counter_id"), t.counterId ? QJsonValue(t.counterId) : QJsonValue()},
        {QStringLiteral("counter_name"), orNull(t.counterName)},
        {QStringLiteral("created_at"), t.createdAt},
        {QStringLiteral("called_at"), orNull(t.calledAt)},
        {QStringLiteral("recall_count"), t.recallCount},
    };
}

Result<QJsonObject> TokenIssuer::cancel(WorkerContext &ctx, qint64 tokenId, const QByteArray &secret,
                                        const Principal &caller) const
{
    if (auto allowed = checkSecret(ctx, tokenId, secret, caller); !allowed.ok())
        return allowed.error();
    auto before = TokenRepository::find(ctx.db(), tokenId);
    if (!before.ok() || !before->has_value())
        return before.ok() ? Result<QJsonObject>(ApiError::notFound()) : before.error();
    TokenRepository::Change change;
    change.tokenId = tokenId;
    change.fromStatuses = {QStringLiteral("waiting")};
    if (caller.isStaff())
        change.fromStatuses.append(QStringLiteral("called"));
    change.toStatus = QStringLiteral("cancelled");
    change.event = QStringLiteral("cancelled");
    change.stampColumn = QStringLiteral("finished_at");
    change.actorId = caller.userId;
    change.eventCounterId = (*before)->counterId;
    auto after = TokenRepository::apply(ctx.db(), change);
    if (!after.ok())
        return after.error();
    if (!after->has_value())
        return ApiError::conflict(QStringLiteral("invalid_state"),
                                  QStringLiteral("Only a waiting token can be cancelled (it is %1).")
                                      .arg((*before)->status));
    const TokenRecord &token = **after;
    const QueueEntry entry = QueueState::entryOf(**before);
    auto removed = QueueState::live(m_deps, ctx, [&] { return m_deps.engine.remove(ctx.redis(), entry); });
    if ((*before)->counterId > 0)
        m_deps.engine.clearCurrent(ctx.redis(), (*before)->counterId);
    if (!removed.ok())
        QueueState::invalidate(m_deps, ctx); // Postgres is right; Redis rebuilds from it
    auto service = Catalog::service(ctx.db(), token.serviceId);
    const int branchId = service.ok() && service->has_value() ? (*service)->branchId : 0;
    m_deps.events.publishToken(ctx.redis(), QStringLiteral("token_cancelled"), token, branchId,
                               (*before)->counterId);
    return QJsonObject{{QStringLiteral("token"), token.toJson(caller.isStaff())}};
}

Result<QJsonObject> TokenIssuer::details(WorkerContext &ctx, qint64 tokenId) const
{
    auto token = TokenRepository::find(ctx.db(), tokenId);
    if (!token.ok())
        return token.error();
    if (!token->has_value())
        return ApiError::notFound(QStringLiteral("Token %1 does not exist.").arg(tokenId));
    auto events = TokenRepository::events(ctx.db(), tokenId);
    if (!events.ok())
        return events.error();
    QJsonObject json = (*token)->toJson();
    json.insert(QStringLiteral("events"), *events);
    return QJsonObject{{QStringLiteral("token"), json}};
}
