#include "api/authcontroller.h"

#include "api/jsonvalidator.h"
#include "http/router.h"

AuthController::AuthController(const ApiContext &api)
    : m_api(api), m_auth(api.tokens, api.config.refreshTokenDays)
{
}

void AuthController::registerRoutes(Router &router)
{
    router.add("POST", QStringLiteral("/api/auth/register"), this, &AuthController::registerUser);
    router.add("POST", QStringLiteral("/api/auth/login"), this, &AuthController::login);
    router.add("POST", QStringLiteral("/api/auth/refresh"), this, &AuthController::refresh);
    router.add("POST", QStringLiteral("/api/auth/logout"), this, &AuthController::logout);
    router.add("GET", QStringLiteral("/api/auth/me"), this, &AuthController::me);
}

ApiResponse AuthController::sessionResponse(const AuthService::Session &session) const
{
    ApiResponse response = ApiResponse::json(session.body);
    response.withHeader("Set-Cookie",
                        QByteArray(cookieName) + '=' + session.refreshToken +
                            "; HttpOnly; Secure; SameSite=Strict; Path=/api/auth; Max-Age=" +
                            QByteArray::number(qint64(m_api.config.refreshTokenDays) * 86400));
    return response;
}

QByteArray AuthController::refreshTokenOf(const ApiRequest &request, const QJsonObject &body)
{
    const QString fromBody = body.value(u"refresh_token").toString();
    if (!fromBody.isEmpty())
        return fromBody.toUtf8().left(512);
    return request.cookie(cookieName).left(512);
}

// 201 {user}: a customer account (role user).
void AuthController::registerUser(const ApiRequest &request, const Responder &responder)
{
    const auto body = Handler::jsonBody(request, responder);
    if (!body)
        return;
    JsonValidator check(*body);
    const auto username = check.string(QStringLiteral("username"), true, 1, 200);
    const auto password = check.string(QStringLiteral("password"), true, 1, 1000);
    const auto fullName = check.string(QStringLiteral("full_name"), false, 0, 200);
    if (check.ok()) {
        const QJsonObject problems = AuthService::validateCredentials(*username, *password);
        for (auto it = problems.begin(); it != problems.end(); ++it)
            check.fail(it.key(), it.value().toString());
    }
    if (!check.ok())
        return responder.send(check.error());
    m_api.pool.submit(responder, [this, request, username = *username, password = *password,
                                  fullName = fullName.value_or(QString())](WorkerContext &ctx) {
        if (auto limited = Handler::rateLimited(m_api, ctx, request, "rl:auth",
                                                m_api.config.authRateLimitPerMinute))
            return *limited;
        return toResponse(m_auth.registerUser(ctx.db(), username, password, fullName), 201);
    });
}

// 200 {access_token, token_type, expires_in, refresh_token, user} + refresh cookie.
void AuthController::login(const ApiRequest &request, const Responder &responder)
{
    const auto body = Handler::jsonBody(request, responder);
    if (!body)
        return;
    JsonValidator check(*body);
    const auto username = check.string(QStringLiteral("username"), true, 1, 200);
    const auto password = check.string(QStringLiteral("password"), true, 1, 1000);
    if (!check.ok())
        return responder.send(check.error());
    m_api.pool.submit(responder, [this, request, username = *username,
                                  password = password->toUtf8()](WorkerContext &ctx) {
        // Only failed logins count: an office behind one address (or a test suite) signs in as
        // often as it likes, while guessing stops after the limit's failures, for everyone on
        // that address until the window resets.
        const int limit = m_api.config.authRateLimitPerMinute;
        if (auto limited =
                Handler::rateLimitedWithoutCounting(m_api, ctx, request, "rl:auth", limit))
            return *limited;
        auto session = m_auth.login(ctx.db(), username, password);
        if (session.ok())
            return sessionResponse(*session);
        if (session.error().status == 401)
            Handler::countFailure(m_api, ctx, request, "rl:auth", limit);
        return ApiResponse::error(session.error());
    });
}

// Same answer as login; the presented refresh token is spent.
void AuthController::refresh(const ApiRequest &request, const Responder &responder)
{
    const auto body = Handler::jsonBody(request, responder);
    if (!body)
        return;
    m_api.pool.submit(
        responder, [this, token = refreshTokenOf(request, *body)](WorkerContext &ctx) {
            auto session = m_auth.refresh(ctx.db(), token);
            return session.ok() ? sessionResponse(*session) : ApiResponse::error(session.error());
        });
}

// 204; revokes the refresh token's family and clears the cookie.
void AuthController::logout(const ApiRequest &request, const Responder &responder)
{
    const auto body = Handler::jsonBody(request, responder);
    if (!body)
        return;
    m_api.pool.submit(responder, [this,
                                  token = refreshTokenOf(request, *body)](WorkerContext &ctx) {
        const Status done = m_auth.logout(ctx.db(), token);
        if (!done.ok())
            return ApiResponse::error(done.error());
        ApiResponse response = ApiResponse::noContent();
        response.withHeader("Set-Cookie",
                            QByteArray(cookieName) +
                                "=; HttpOnly; Secure; SameSite=Strict; Path=/api/auth; Max-Age=0");
        return response;
    });
}

// {user} of the caller.
void AuthController::me(const ApiRequest &request, const Responder &responder)
{
    const auto caller = Handler::authorize(
        m_api, request, responder, {Roles::Admin, Roles::Operator, Roles::Kiosk, Roles::User});
    if (!caller)
        return;
    Handler::run(m_api, responder, [this, id = caller->userId](WorkerContext &ctx) {
        return m_auth.me(ctx.db(), id);
    });
}
