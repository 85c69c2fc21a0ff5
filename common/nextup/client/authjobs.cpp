#include "nextup/client/authjobs.h"

namespace Nextup {

namespace Key = Wire::Key;

SessionJob::SessionJob(const QString &path, const QJsonObject &body)
    : ApiJob("POST", path, Auth::None)
{
    setBody(body);
}

Status SessionJob::parseResponse(const QJsonDocument &json)
{
    const QJsonObject answer = json.object();
    m_accessToken = answer.value(Key::AccessToken).toString();
    m_refreshToken = answer.value(Key::RefreshToken).toString();
    m_expiresIn = answer.value(Key::ExpiresIn).toInt();
    m_user = UserInfo::fromJson(answer.value(Key::User).toObject());
    if (m_accessToken.isEmpty())
        return badResponse(QStringLiteral("no access_token"));
    return {};
}

LoginJob::LoginJob(const QString &username, const QString &password)
    : SessionJob(QStringLiteral("/api/auth/login"),
                 {{Key::Username, username}, {Key::Password, password}})
{
}

RefreshJob::RefreshJob(const QString &refreshToken)
    : SessionJob(QStringLiteral("/api/auth/refresh"), {{Key::RefreshToken, refreshToken}})
{
}

LogoutJob::LogoutJob(const QString &refreshToken)
    : ApiJob("POST", QStringLiteral("/api/auth/logout"), Auth::None)
{
    setBody(QJsonObject{{Key::RefreshToken, refreshToken}});
}

} // namespace Nextup
