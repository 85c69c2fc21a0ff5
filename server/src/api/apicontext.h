#pragma once

#include <optional>

#include <QJsonObject>

#include "core/principal.h"
#include "core/workercontext.h"
#include "domain/branchscope.h"
#include "domain/livequeues.h"
#include "http/apirequest.h"
#include "http/responder.h"
#include "http/workerpool.h"
#include "queue/redisconnection.h"
#include "store/database.h"

namespace Nextup {

class AccessTokens;
class RateLimiter;
struct RateDecision;

// The settings controllers read: a slice of the server's Config, which app/ owns and fills.
struct ApiSettings
{
    DatabaseEndpoint database; // the token batcher's own writers connect with these
    RedisEndpoint redis;
    int tokenRateLimitPerMinute = 120;
    int authRateLimitPerMinute = 20;
    int refreshTokenDays = 30;
    bool trustProxy = false;
    int deviceOfflineSeconds = 90; // a lobby device silent this long is offline
};

// What every controller is built with (no singletons: a test builds exactly what it needs).
struct ApiContext
{
    ApiSettings config;
    WorkerPool &pool;
    const AccessTokens &tokens;
    const RateLimiter &rateLimiter;
    QueueDeps deps;
};

// What handlers share once RouteTable has admitted the request (caller, :id and body are read
// there): handing work to the pool, rate limits.
namespace Handler {

// Runs `job` on a worker thread and answers with its result.
template <typename Job>
void run(const ApiContext &api, const Responder &responder, Job job, int successStatus = 200)
{
    api.pool.submit(responder, [job = std::move(job), successStatus](WorkerContext &ctx) {
        return toResponse(job(ctx), successStatus);
    });
}
// Runs `job` on a worker thread when the caller reaches the object `scope` names (another
// branch's object is 404, BranchScope); otherwise answers that refusal.
template <typename Job>
void runWithin(const ApiContext &api, const Responder &responder, BranchScope::Check scope, Job job,
               int successStatus = 200)
{
    run(
        api, responder,
        [scope = std::move(scope), job = std::move(job)](WorkerContext &ctx) -> decltype(job(ctx)) {
            if (auto reached = scope(ctx.db()); !reached.ok())
                return reached.error();
            return job(ctx);
        },
        successStatus);
}
// Runs job(ctx, input) on a worker thread when `input` parsed; otherwise answers its error (a
// 400 before any work is queued).
template <typename Input, typename Job>
void runParsed(const ApiContext &api, const Responder &responder, Result<Input> input, Job job,
               int successStatus = 200)
{
    if (!input.ok())
        return responder.send(input.error());
    run(
        api, responder,
        [job = std::move(job), input = std::move(*input)](WorkerContext &ctx) {
            return job(ctx, input);
        },
        successStatus);
}
// runParsed() for an object of a branch: runs only when the caller reaches it (runWithin).
template <typename Input, typename Job>
void runParsedWithin(const ApiContext &api, const Responder &responder, BranchScope::Check scope,
                     Result<Input> input, Job job, int successStatus = 200)
{
    if (!input.ok())
        return responder.send(input.error());
    runWithin(
        api, responder, std::move(scope),
        [job = std::move(job), input = std::move(*input)](WorkerContext &ctx) {
            return job(ctx, input);
        },
        successStatus);
}
// Counts a hit against `bucket` for this client; answers 429 with Retry-After when over `limit`
// a minute. Runs on the worker thread (Redis).
std::optional<ApiResponse> rateLimited(const ApiContext &api, WorkerContext &ctx,
                                       const ApiRequest &request, const QByteArray &bucket,
                                       int limit);
// For limits that count only failures (logins): answers 429 when `bucket` is already full for
// this client, counting nothing; countFailure() counts one once the request has failed.
std::optional<ApiResponse> rateLimitedWithoutCounting(const ApiContext &api, WorkerContext &ctx,
                                                      const ApiRequest &request,
                                                      const QByteArray &bucket, int limit);
void countFailure(const ApiContext &api, WorkerContext &ctx, const ApiRequest &request,
                  const QByteArray &bucket, int limit);
// The two halves of rateLimited(), for callers that count many hits at once: this client's
// bucket key, and the answer to a decision (nullopt when allowed).
QByteArray rateLimitKey(const ApiContext &api, const ApiRequest &request, const QByteArray &bucket);
std::optional<ApiResponse> rateRefusal(const Result<RateDecision> &decision);

} // namespace Handler

} // namespace Nextup
