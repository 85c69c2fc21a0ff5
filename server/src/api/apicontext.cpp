#include "api/apicontext.h"

#include "queue/ratelimiter.h"

namespace Nextup {

namespace Handler {

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

} // namespace Nextup
