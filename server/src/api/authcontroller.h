#pragma once

#include "api/apicontext.h"
#include "domain/authservice.h"

class Router;

// POST /api/auth/register, /login, /refresh, /logout and GET /api/auth/me.
class AuthController
{
public:
    explicit AuthController(const ApiContext &api);
    void registerRoutes(Router &router);

    static constexpr auto cookieName = "nextup_refresh";

private:
    void registerUser(const ApiRequest &request, const Responder &responder);
    void login(const ApiRequest &request, const Responder &responder);
    void refresh(const ApiRequest &request, const Responder &responder);
    void logout(const ApiRequest &request, const Responder &responder);
    void me(const ApiRequest &request, const Responder &responder);

    ApiResponse sessionResponse(const AuthService::Session &session) const;
    // From the JSON body (desktop clients) or the HttpOnly cookie (browsers).
    static QByteArray refreshTokenOf(const ApiRequest &request, const QJsonObject &body);

    const ApiContext &m_api;
    AuthService m_auth;
};
