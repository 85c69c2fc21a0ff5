#pragma once

#include "api/apicontext.h"

#include <QJsonObject>

#include <optional>

// The shared first steps of every admin route (admin role only): like Handler's, each answers
// the request itself on failure, so a route handler is one call.
namespace AdminHandler {

// The caller if it is an admin; otherwise 401 (anonymous or bad token) or 403 is answered.
std::optional<Principal> admin(const ApiContext &api, const ApiRequest &request,
                               const Responder &responder);
// The :id of a catalogue or user row (int ids); anything else is 404.
std::optional<int> rowId(const ApiRequest &request, const Responder &responder);

// An admin route without id or body: answers job(ctx, caller).
template <typename Job>
void run(const ApiContext &api, const ApiRequest &request, const Responder &responder, Job job)
{
    const auto caller = admin(api, request, responder);
    if (!caller)
        return;
    Handler::run(api, responder, [job = std::move(job), caller = *caller](WorkerContext &ctx) {
        return job(ctx, caller);
    });
}

// A route on one row for a caller already checked (nullopt: refused and answered): answers
// job(ctx, id, caller).
template <typename Job>
void runOnRowFor(const ApiContext &api, const ApiRequest &request, const Responder &responder,
                 const std::optional<Principal> &caller, Job job)
{
    const auto id = caller ? rowId(request, responder) : std::nullopt;
    if (!id)
        return;
    Handler::run(api, responder,
                 [job = std::move(job), id = *id, caller = *caller](WorkerContext &ctx) {
                     return job(ctx, id, caller);
                 });
}

// An admin route on one row: answers job(ctx, id, caller).
template <typename Job>
void runOnRow(const ApiContext &api, const ApiRequest &request, const Responder &responder, Job job)
{
    runOnRowFor(api, request, responder, admin(api, request, responder), std::move(job));
}

// A read of one catalogue row that anyone may make (its list is public too): answers
// job(ctx, id, caller); the job decides what a non-admin may see.
template <typename Job>
void runOnPublicRow(const ApiContext &api, const ApiRequest &request, const Responder &responder,
                    Job job)
{
    runOnRowFor(api, request, responder, Handler::authorize(api, request, responder, {}),
                std::move(job));
}

// A create (POST, answers 201 job(ctx, input, caller)) or a partial update (PUT on :id, answers
// job(ctx, id, input, caller)). `parse(body, creating)` checks the body's fields: a bad one is a
// 400 before any work is queued.
template <typename Parse, typename Job>
void runCreate(const ApiContext &api, const ApiRequest &request, const Responder &responder,
               Parse parse, Job job)
{
    const auto caller = admin(api, request, responder);
    const auto body = caller ? Handler::jsonBody(request, responder) : std::nullopt;
    if (!body)
        return;
    auto input = parse(*body, true);
    if (!input.ok())
        return responder.send(input.error());
    Handler::run(
        api, responder,
        [job = std::move(job), input = *input, caller = *caller](WorkerContext &ctx) {
            return job(ctx, input, caller);
        },
        201);
}

template <typename Parse, typename Job>
void runUpdate(const ApiContext &api, const ApiRequest &request, const Responder &responder,
               Parse parse, Job job)
{
    const auto caller = admin(api, request, responder);
    const auto id = caller ? rowId(request, responder) : std::nullopt;
    const auto body = id ? Handler::jsonBody(request, responder) : std::nullopt;
    if (!body)
        return;
    auto input = parse(*body, false);
    if (!input.ok())
        return responder.send(input.error());
    Handler::run(api, responder,
                 [job = std::move(job), id = *id, input = *input,
                  caller = *caller](WorkerContext &ctx) { return job(ctx, id, input, caller); });
}

} // namespace AdminHandler
