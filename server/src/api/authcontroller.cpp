#include "api/authcontroller.h"

#include "api/jsonvalidator.h"
#include "nextup/wire/keys.h"

namespace Nextup {

namespace Key = Wire::Key;

AuthController::AuthController(const ApiContext &api)
    : m_api(api), m_auth(api.tokens, api.config.refreshTokenDays)
{
}

const QList<Route<AuthController>> &AuthController::routes()
{
    // Registration, login and the refresh-token routes never read the Authorization header: a
    // stale access token in a client must not stop it from signing in again.
    using C = AuthController;
    static const QList<Route<C>> table = {
        {"POST", "/api/auth/register", Access::Public, &C::registerUser, Body::Json},
        {"POST", "/api/auth/login", Access::Public, &C::login, Body::Json},
        {"POST", "/api/auth/refresh", Access::Public, &C::refresh, Body::Json},
        {"POST", "/api/auth/logout", Access::Public, &C::logout, Body::Json},
        {"GET", "/api/auth/me", Access::SignedIn, &C::me},
    };
    return table;
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
    const QString fromBody = body.value(Key::RefreshToken).toString();
    if (!fromBody.isEmpty())
        return fromBody.toUtf8().left(512);
    return request.cookie(cookieName).left(512);
}

// 201 {user}: a customer account (role user).
void AuthController::registerUser(const Call &call)
{
    JsonValidator check(call.body);
    const auto username = check.string(Key::Username, true, 1, 200);
    const auto password = check.string(Key::Password, true, 1, 1000);
    const auto fullName = check.string(Key::FullName, false, 0, 200);
    if (check.ok()) {
        const QJsonObject problems = AuthService::validateCredentials(*username, *password);
        for (auto it = problems.begin(); it != problems.end(); ++it)
            check.fail(it.key(), it.value().toString());
    }
    if (!check.ok())
        return call.responder.send(check.error());
    m_api.pool.submit(
        call.responder, [this, request = call.request, username = *username, password = *password,
                         fullName = fullName.value_or(QString())](WorkerContext &ctx) {
            if (auto limited = Handler::rateLimited(m_api, ctx, request, "rl:auth",
                                                    m_api.config.authRateLimitPerMinute))
                return *limited;
            return toResponse(m_auth.registerUser(ctx.db(), username, password, fullName), 201);
        });
}

// 200 {access_token, token_type, expires_in, refresh_token, user} + refresh cookie.
void AuthController::login(const Call &call)
{
    JsonValidator check(call.body);
    const auto username = check.string(Key::Username, true, 1, 200);
    const auto password = check.string(Key::Password, true, 1, 1000);
    if (!check.ok())
        return call.responder.send(check.error());
    m_api.pool.submit(call.responder, [this, request = call.request, username = *username,
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
void AuthController::refresh(const Call &call)
{
    m_api.pool.submit(call.responder,
                      [this, token = refreshTokenOf(call.request, call.body)](WorkerContext &ctx) {
                          auto session = m_auth.refresh(ctx.db(), token);
                          return session.ok() ? sessionResponse(*session)
                                              : ApiResponse::error(session.error());
                      });
}

// 204; revokes the refresh token's family and clears the cookie.
void AuthController::logout(const Call &call)
{
    m_api.pool.submit(call.responder, [this, token = refreshTokenOf(call.request, call.body)](
                                          WorkerContext &ctx) {
        const Outcome done = m_auth.logout(ctx.db(), token);
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
void AuthController::me(const Call &call)
{
    Handler::run(m_api, call.responder, [this, id = call.caller.userId](WorkerContext &ctx) {
        return m_auth.me(ctx.db(), id);
    });
}

} // namespace Nextup
