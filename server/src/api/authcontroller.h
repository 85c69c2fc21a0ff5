#pragma once

#include "api/routetable.h"
#include "domain/authservice.h"

namespace Nextup {

// POST /api/auth/register, /login, /refresh, /logout and GET /api/auth/me.
class AuthController
{
public:
    explicit AuthController(const ApiContext &api);
    static const QList<Route<AuthController>> &routes();

    static constexpr auto cookieName = "nextup_refresh";

private:
    void registerUser(const Call &call);
    void login(const Call &call);
    void refresh(const Call &call);
    void logout(const Call &call);
    void me(const Call &call);

    ApiResponse sessionResponse(const AuthService::Session &session) const;
    // From the JSON body (desktop clients) or the HttpOnly cookie (browsers).
    static QByteArray refreshTokenOf(const ApiRequest &request, const QJsonObject &body);

    const ApiContext &m_api;
    AuthService m_auth;
};

} // namespace Nextup
