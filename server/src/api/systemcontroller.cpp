#include "api/systemcontroller.h"

#include <QFile>

#include "core/metrics.h"
#include "nextup/wire/keys.h"
#include "queue/queueengine.h"

namespace Nextup {

namespace Key = Wire::Key;

const QList<Route<SystemController>> &SystemController::routes()
{
    using C = SystemController;
    static const QList<Route<C>> table = {
        {"GET", "/healthz", Access::Public, &C::health},
        {"GET", "/readyz", Access::Public, &C::ready},
        {"GET", "/metrics", Access::Public, &C::metrics},
        {"GET", "/api/openapi.json", Access::Public,
         resource(QStringLiteral(":/openapi.json"), "application/json")},
        {"GET", "/api/docs", Access::Public,
         resource(QStringLiteral(":/docs/index.html"), "text/html; charset=utf-8")},
        {"GET", "/api/docs/docs.js", Access::Public,
         resource(QStringLiteral(":/docs/docs.js"), "text/javascript; charset=utf-8")},
        {"GET", "/api/docs/docs.css", Access::Public,
         resource(QStringLiteral(":/docs/docs.css"), "text/css; charset=utf-8")},
    };
    return table;
}

// {status:"ok"} while the process runs.
void SystemController::health(const Call &call)
{
    call.responder.send(ApiResponse::json(QJsonObject{{Key::Status, QStringLiteral("ok")}}));
}

// {status:"ready", postgres:true, redis:true}, or 503 with the failing part false.
void SystemController::ready(const Call &call)
{
    m_api.pool.submit(call.responder, [this](WorkerContext &ctx) {
        const bool postgres = ctx.db().ping();
        const auto redis = m_api.deps.engine.ping(ctx.redis());
        const bool redisUp = redis.ok();
        const bool ok = postgres && redisUp;
        return ApiResponse::json(
            QJsonObject{{Key::Status, ok ? QStringLiteral("ready") : QStringLiteral("unavailable")},
                        {QStringLiteral("postgres"), postgres},
                        {QStringLiteral("redis"), redisUp}},
            ok ? 200 : 503);
    });
}

// Prometheus text.
void SystemController::metrics(const Call &call)
{
    call.responder.send(ApiResponse::raw(m_metrics.render(), "text/plain; version=0.0.4"));
}

std::function<void(SystemController &, const Call &)> SystemController::resource(QString path,
                                                                                 QByteArray type)
{
    return [path = std::move(path), type = std::move(type)](SystemController &, const Call &call) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return call.responder.send(ApiError::notFound());
        ApiResponse response = ApiResponse::raw(file.readAll(), type);
        response.withHeader("Cache-Control", "public, max-age=300");
        if (type.startsWith("text/html"))
            response.withHeader("Content-Security-Policy",
                                "default-src 'self'; style-src 'self' 'unsafe-inline'; "
                                "img-src 'self' data:");
        call.responder.send(std::move(response));
    };
}

} // namespace Nextup
