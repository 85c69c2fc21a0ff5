#include "api/systemcontroller.h"

#include "app/metrics.h"
#include "http/router.h"
#include "queue/queueengine.h"

#include <QFile>

void SystemController::registerRoutes(Router &router)
{
    // {status:"ok"} while the process runs.
    router.add("GET", QStringLiteral("/healthz"), [](const ApiRequest &, const Responder &responder) {
        responder.send(ApiResponse::json(QJsonObject{{QStringLiteral("status"), QStringLiteral("ok")}}));
    });
    router.add("GET", QStringLiteral("/readyz"),
               [this](const ApiRequest &request, const Responder &responder) { ready(request, responder); });
    // Prometheus text.
    router.add("GET", QStringLiteral("/metrics"), [this](const ApiRequest &, const Responder &responder) {
        responder.send(ApiResponse::raw(m_metrics.render(), "text/plain; version=0.0.4"));
    });
    router.add("GET", QStringLiteral("/api/openapi.json"), [](const ApiRequest &, const Responder &responder) {
        resource(responder, QStringLiteral(":/openapi.json"), "application/json");
    });
    router.add("GET", QStringLiteral("/api/docs"), [](const ApiRequest &, const Responder &responder) {
        resource(responder, QStringLiteral(":/docs/index.html"), "text/html; charset=utf-8");
    });
    router.add("GET", QStringLiteral("/api/docs/docs.js"), [](const ApiRequest &, const Responder &responder) {
        resource(responder, QStringLiteral(":/docs/docs.js"), "text/javascript; charset=utf-8");
    });
    router.add("GET", QStringLiteral("/api/docs/docs.css"), [](const ApiRequest &, const Responder &responder) {
        resource(responder, QStringLiteral(":/docs/docs.css"), "text/css; charset=utf-8");
    });
}

// {status:"ready", postgres:true, redis:true}, or 503 with the failing part false.
void SystemController::ready(const ApiRequest &, const Responder &responder)
{
    m_api.pool.submit(responder, [this](WorkerContext &ctx) {
        const bool postgres = ctx.db().ping();
        const auto redis = m_api.deps.engine.ping(ctx.redis());
        const bool redisUp = redis.ok();
        const bool ok = postgres && redisUp;
        return ApiResponse::json(QJsonObject{{QStringLiteral("status"), ok ? QStringLiteral("ready")
                                                                            : QStringLiteral("unavailable")},
                                             {QStringLiteral("postgres"), postgres},
                                             {QStringLiteral("redis"), redisUp}},
                                 ok ? 200 : 503);
    });
}

void SystemController::resource(const Responder &responder, const QString &path, const QByteArray &type)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return responder.send(ApiError::notFound());
    ApiResponse response = ApiResponse::raw(file.readAll(), type);
    response.withHeader("Cache-Control", "public, max-age=300");
    if (type.startsWith("text/html"))
        response.withHeader("Content-Security-Policy",
                            "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:");
    responder.send(std::move(response));
}
