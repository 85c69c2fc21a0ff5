#include "api/apicontext.h"

#include "auth/accesstokens.h"
#include "queue/ratelimiter.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace Handler {

std::optional<Principal> authorize(const ApiContext &api, const ApiRequest &request,
                                   const Responder &responder,
                                   std::initializer_list<QStringView> roles)
{
    auto principal = api.tokens.authenticate(request);
    if (!principal.ok()) {
        responder.send(principal.error());
        return std::nullopt;
    }
    if (roles.size() == 0)
        return *principal;
    if (principal->isAnonymous()) {
        responder.send(ApiError::unauthorized());
        return std::nullopt;
    }
    for (QStringView role : roles) {
        if (principal->role == role)
            return *principal;
    }
    responder.send(ApiError::forbidden());
    return std::nullopt;
}

std::optional<QJsonObject> jsonBody(const ApiRequest &request, const Responder &responder)
{
    if (request.body.trimmed().isEmpty())
        return QJsonObject{};
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &error);
    if (error.error != QJsonParseError::NoError) {
        responder.send(ApiError::badRequest(QStringLiteral("Malformed JSON at offset %1: %2.")
                                                .arg(error.offset)
                                                .arg(error.errorString())));
        return std::nullopt;
    }
    if (!document.isObject()) {
        responder.send(ApiError::badRequest(QStringLiteral("The body must be a JSON object.")));
        return std::nullopt;
    }
    return document.object();
}

std::optional<qint64> idParam(const ApiRequest &request, const Responder &responder,
                              const QString &name)
{
    bool ok = false;
    const qint64 id = request.pathParams.value(name).toLongLong(&ok);
    if (!ok || id <= 0 || id > 2147483647LL * 1000) {
        responder.send(ApiError::notFound(QStringLiteral("No such %1.").arg(name)));
        return std::nullopt;
    }
    return id;
}

std::optional<StaffAction> staffAction(const ApiContext &api, const ApiRequest &request,
                                       const Responder &responder)
{
    const auto caller = authorize(api, request, responder, {Roles::Admin, Roles::Operator});
    const auto id = caller ? idParam(request, responder) : std::nullopt;
    const auto body = id ? jsonBody(request, responder) : std::nullopt;
    if (!body)
        return std::nullopt;
    return StaffAction{*caller, *id, *body};
}

QByteArray rateLimitKey(const ApiContext &api, const ApiRequest &request, const QByteArray &bucket)
{
    return bucket + ':' + request.clientAddress(api.config.trustProxy).toUtf8();
}

std::optional<ApiResponse> rateRefusal(const Result<RateDecision> &decision)
{
    if (!decision.ok())
        return ApiResponse::error(decision.error());
    if (decision->allowed)
        return std::nullopt;
    ApiResponse response = ApiResponse::error(
        {429,
         QStringLiteral("rate_limited"),
         QStringLiteral("Too many requests; try again in %1 s.").arg(decision->retryAfterSeconds),
         {}});
    response.withHeader("Retry-After", QByteArray::number(qMax(1, decision->retryAfterSeconds)));
    return response;
}

std::optional<ApiResponse> rateLimited(const ApiContext &api, WorkerContext &ctx,
                                       const ApiRequest &request, const QByteArray &bucket,
                                       int limit)
{
    return rateRefusal(
        api.rateLimiter.hit(ctx.redis(), rateLimitKey(api, request, bucket), limit, 60));
}

std::optional<ApiResponse> rateLimitedWithoutCounting(const ApiContext &api, WorkerContext &ctx,
                                                      const ApiRequest &request,
                                                      const QByteArray &bucket, int limit)
{
    return rateRefusal(
        api.rateLimiter.peek(ctx.redis(), rateLimitKey(api, request, bucket), limit, 60));
}

void countFailure(const ApiContext &api, WorkerContext &ctx, const ApiRequest &request,
                  const QByteArray &bucket, int limit)
{
    // The failure is answered either way; a bucket Redis could not count only forgives it.
    api.rateLimiter.hit(ctx.redis(), rateLimitKey(api, request, bucket), limit, 60);
}

} // namespace Handler
