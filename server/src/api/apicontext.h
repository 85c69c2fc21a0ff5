#pragma once

#include "app/config.h"
#include "app/workerpool.h"
#include "domain/principal.h"
#include "domain/queuestate.h"
#include "http/apirequest.h"
#include "http/responder.h"

#include <QJsonObject>

#include <initializer_list>
#include <optional>

class AccessTokens;
class RateLimiter;
struct RateDecision;

// What every controller is built with (no singletons: a test builds exactly what it needs).
struct ApiContext
{
    const Config &config;
    WorkerPool &pool;
    const AccessTokens &tokens;
    const RateLimiter &rateLimiter;
    QueueDeps deps;
};

// The small steps every handler starts with. Each answers the request itself on failure and
// returns nullopt, so a handler reads as a straight line.
namespace Handler {

// The caller if it has one of `roles` (an empty list admits anonymous callers too).
std::optional<Principal> authorize(const ApiContext &api, const ApiRequest &request,
                                   const Responder &responder,
                                   std::initializer_list<QStringView> roles);
// The body as a JSON object; an empty body is {}.
std::optional<QJsonObject> jsonBody(const ApiRequest &request, const Responder &responder);
// A positive integer path parameter; anything else is 404 (no such resource).
std::optional<qint64> idParam(const ApiRequest &request, const Responder &responder,
                              const QString &name = QStringLiteral("id"));
// What a counter-staff action on one row (POST /api/<rows>/:id/<action> with a JSON body) needs.
struct StaffAction
{
    Principal caller;
    qint64 id = 0;
    QJsonObject body;
};
// An admin or operator caller, the :id parameter and the JSON body, checked in that order.
std::optional<StaffAction> staffAction(const ApiContext &api, const ApiRequest &request,
                                       const Responder &responder);
// Runs `job` on a worker thread and answers with its result.
template <typename Job>
void run(const ApiContext &api, const Responder &responder, Job job, int successStatus = 200)
{
    api.pool.submit(responder, [job = std::move(job), successStatus](WorkerContext &ctx) {
        return toResponse(job(ctx), successStatus);
    });
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
