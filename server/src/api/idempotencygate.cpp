#include "api/idempotencygate.h"

#include <memory>

#include <QJsonDocument>
#include <QThread>

#include "api/apicontext.h"
#include "auth/idempotencyseal.h"
#include "domain/idempotencystore.h"

namespace Nextup {

namespace {
const QString kHeader = QStringLiteral("Idempotency-Key");

bool visibleAscii(const QByteArray &key)
{
    return std::all_of(key.cbegin(), key.cend(), [](char c) { return c > 0x20 && c < 0x7f; });
}

QByteArray scopeOf(const ApiContext &api, const Call &call)
{
    if (!call.caller.isAnonymous())
        return "user:" + QByteArray::number(call.caller.userId);
    return "address:" + call.request.clientAddress(api.config.trustProxy).toUtf8();
}

ApiResponse replayed(const IdempotencyStore::Answer &answer)
{
    return ApiResponse::raw(answer.body, answer.contentType, answer.status)
        .withHeader("Idempotent-Replayed", "true");
}

// The first answer: kept for the key's later requests, or (a refusal to retry) released.
void keep(WorkerContext &ctx, const IdempotencySeal &seal, const ApiResponse &answer)
{
    const bool retryable = answer.status == 429 || answer.status >= 500;
    const Result<bool> kept =
        retryable ? IdempotencyStore::release(ctx.db(), seal)
                  : IdempotencyStore::record(ctx.db(), seal,
                                             {answer.status, answer.contentType, answer.body});
    // The answer goes out all the same; the claim left pending is taken over after
    // IdempotencyStore::kStaleSeconds.
    if (!kept.ok())
        qWarning("An Idempotency-Key's answer was not kept: %s", qPrintable(kept.error().code));
}
} // namespace

namespace IdempotencyGate {

bool honours(const char *method, const char *path)
{
    return qstrcmp(method, "POST") == 0 && !QByteArrayView(path).startsWith("/api/auth/");
}

void run(const ApiContext &api, const Call &call, std::function<void(const Call &)> handler)
{
    const QByteArray key = call.request.header("idempotency-key");
    if (key.size() > kMaxKeyLength || !visibleAscii(key))
        return call.responder.send(ApiError::validation(QJsonObject{
            {kHeader, QStringLiteral("1 to %1 visible ASCII characters.").arg(kMaxKeyLength)}}));
    auto seal = std::make_shared<const IdempotencySeal>(scopeOf(api, call), key);
    // The body as parsed (keys sorted, no spacing): the same request sent again matches.
    const QByteArray digest =
        IdempotencySeal::requestDigest(call.request.method, call.request.path.toUtf8(),
                                       QJsonDocument(call.body).toJson(QJsonDocument::Compact));
    api.pool.post([&api, seal, digest, handler = std::move(handler), request = call.request,
                   responder = call.responder, caller = call.caller, id = call.id,
                   body = call.body](WorkerContext &ctx) {
        for (int waited = 0;; waited += kPollMs) {
            const auto claim = IdempotencyStore::claim(ctx.db(), *seal, digest);
            if (!claim.ok())
                return responder.send(claim.error());
            switch (claim->found) {
            case IdempotencyStore::Found::Claimed: {
                const Responder recorder =
                    Responder::diverting([&api, seal, responder](ApiResponse answer) {
                        api.pool.post([seal, responder, answer](WorkerContext &ctx) {
                            keep(ctx, *seal, answer);
                            responder.send(answer);
                        });
                    });
                return handler(Call{request, recorder, caller, id, body});
            }
            case IdempotencyStore::Found::Answered: return responder.send(replayed(claim->answer));
            case IdempotencyStore::Found::OtherRequest:
                return responder.send(ApiError{
                    422, QStringLiteral("idempotency_key_reused"),
                    QStringLiteral("This Idempotency-Key was sent with another request."),
                    QJsonObject{
                        {kHeader, QStringLiteral("Used for another method, path or body.")}}});
            case IdempotencyStore::Found::InProgress:
                if (waited >= kWaitMs) {
                    ApiResponse busy = ApiResponse::error(ApiError::conflict(
                        QStringLiteral("idempotency_key_in_use"),
                        QStringLiteral("A request with this Idempotency-Key is still being "
                                       "answered; try again.")));
                    return responder.send(busy.withHeader("Retry-After", "1"));
                }
                QThread::msleep(kPollMs);
                break;
            }
        }
    });
}

} // namespace IdempotencyGate

} // namespace Nextup
