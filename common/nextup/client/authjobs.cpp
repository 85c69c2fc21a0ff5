#include "nextup/client/authjobs.h"

namespace Nextup {

namespace {
const QString kRefreshToken = QStringLiteral("refresh_token");
} // namespace

SessionJob::SessionJob(const QString &path, const QJsonObject &body)
    : ApiJob("POST", path, Auth::None)
{
    setBody(body);
}

Status SessionJob::parseResponse(const QJsonDocument &json)
{
    const QJsonObject answer = json.object();
    m_accessToken = answer.value(u"access_token").toString();
    m_refreshToken = answer.value(kRefreshToken).toString();
    m_expiresIn = answer.value(u"expires_in").toInt();
    m_user = UserInfo::fromJson(answer.value(u"user").toObject());
    if (m_accessToken.isEmpty())
        return badResponse(QStringLiteral("no access_token"));
    return {};
}

LoginJob::LoginJob(const QString &username, const QString &password)
    : SessionJob(QStringLiteral("/api/auth/login"),
                 {{QStringLiteral("username"), username}, {QStringLiteral("password"), password}})
{
}

RefreshJob::RefreshJob(const QString &refreshToken)
    : SessionJob(QStringLiteral("/api/auth/refresh"), {{kRefreshToken, refreshToken}})
{
}

LogoutJob::LogoutJob(const QString &refreshToken)
    : ApiJob("POST", QStringLiteral("/api/auth/logout"), Auth::None)
{
    setBody(QJsonObject{{kRefreshToken, refreshToken}});
}

} // namespace Nextup
