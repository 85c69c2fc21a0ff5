#include "nextup/client/apiclient.h"

#include <limits>
#include <utility>

#include <QNetworkRequest>

#include "nextup/client/apiclient_p.h"
#include "nextup/client/authjobs.h"
#include "nextup/client/queuejobs.h"
#include "nextup/client/tokenjobs.h"
#include "nextup/jwt.h"

namespace Nextup {

namespace {
constexpr qint64 kMinRefreshMarginMs = 5'000;
constexpr qint64 kMaxRefreshMarginMs = 60'000;
constexpr int kRefreshRetryMs = 10'000; // after a refresh that could not reach the server
} // namespace

QNetworkRequest ApiClient::Private::request(const QString &path, const QUrlQuery &query,
                                            const QString &bearer) const
{
    QUrl url = baseUrl;
    QString basePath = url.path();
    if (basePath.endsWith(u'/'))
        basePath.chop(1);
    url.setPath(basePath + path);
    url.setQuery(query);
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("Accept", "application/json");
    if (!bearer.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + bearer.toUtf8());
    return request;
}

ApiClient::ApiClient(const QUrl &baseUrl, QObject *parent)
    : QObject(parent), d(std::make_unique<Private>())
{
    d->baseUrl = baseUrl;
    d->refreshTimer.setSingleShot(true);
    connect(&d->refreshTimer, &QTimer::timeout, this, [this] { refresh(); });
}

ApiClient::~ApiClient()
{
    // Jobs are children; they must go while the network manager they use still exists.
    const auto jobs = findChildren<ApiJob *>(Qt::FindDirectChildrenOnly);
    for (ApiJob *job : jobs)
        delete job;
}

QUrl ApiClient::baseUrl() const
{
    return d->baseUrl;
}

void ApiClient::setBaseUrl(const QUrl &url)
{
    if (url == d->baseUrl)
        return;
    d->baseUrl = url;
    emit baseUrlChanged();
}

QUrl ApiClient::webSocketUrl() const
{
    QUrl url = d->baseUrl;
    url.setScheme(url.scheme() == u"https" ? QStringLiteral("wss") : QStringLiteral("ws"));
    QString basePath = url.path();
    if (basePath.endsWith(u'/'))
        basePath.chop(1);
    url.setPath(basePath + QStringLiteral("/ws/queues"));
    url.setQuery(QString());
    return url;
}

bool ApiClient::isLoggedIn() const
{
    return !d->accessToken.isEmpty() || !d->refreshToken.isEmpty();
}
QString ApiClient::accessToken() const
{
    return d->accessToken;
}
QString ApiClient::refreshToken() const
{
    return d->refreshToken;
}
UserInfo ApiClient::user() const
{
    return d->user;
}
QDateTime ApiClient::accessTokenExpiry() const
{
    return d->accessExpiry;
}
int ApiClient::defaultTimeout() const
{
    return d->timeoutMs;
}
void ApiClient::setDefaultTimeout(int milliseconds)
{
    d->timeoutMs = milliseconds;
}

void ApiClient::setSession(const QString &accessToken, const QString &refreshToken)
{
    const QJsonObject claims = Jwt::unverifiedPayload(accessToken.toUtf8());
    UserInfo user;
    user.id = claims.value(Wire::Key::Subject).toVariant().toInt();
    user.role = claims.value(Wire::Key::Role).toString();
    user.username = claims.value(Wire::Key::Name).toString();
    storeSession({{Wire::Key::AccessToken, accessToken},
                  {Wire::Key::RefreshToken, refreshToken},
                  {Wire::Key::User, QJsonObject{{Wire::Key::Id, user.id},
                                                {Wire::Key::Username, user.username},
                                                {Wire::Key::Role, user.role}}}});
}

void ApiClient::clearSession()
{
    d->refreshTimer.stop();
    const bool hadSession = isLoggedIn();
    d->accessToken.clear();
    d->refreshToken.clear();
    d->user = {};
    d->accessExpiry = {};
    if (!hadSession)
        return;
    emit accessTokenChanged({});
    emit sessionChanged();
}

void ApiClient::storeSession(const QJsonObject &answer)
{
    d->accessToken = answer.value(Wire::Key::AccessToken).toString();
    const QString refresh = answer.value(Wire::Key::RefreshToken).toString();
    if (!refresh.isEmpty())
        d->refreshToken = refresh;
    const QJsonObject user = answer.value(Wire::Key::User).toObject();
    if (!user.isEmpty())
        d->user = UserInfo::fromJson(user);
    const QJsonObject claims = Jwt::unverifiedPayload(d->accessToken.toUtf8());
    const auto seconds = [&claims](QLatin1StringView key) {
        const qint64 value = qint64(claims.value(key).toDouble());
        return value > 0 ? QDateTime::fromSecsSinceEpoch(value, Qt::UTC) : QDateTime();
    };
    d->accessExpiry = seconds(Wire::Key::Expires);
    d->accessIssued = seconds(Wire::Key::IssuedAt);
    scheduleRefresh();
    emit accessTokenChanged(d->accessToken);
    emit sessionChanged();
}

void ApiClient::scheduleRefresh()
{
    d->refreshTimer.stop();
    if (d->refreshToken.isEmpty() || !d->accessExpiry.isValid())
        return;
    // Refresh a tenth of the lifetime early (5 s to 60 s): late enough to use the token, early
    // enough that a slow refresh still lands before calls start failing.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const qint64 lifetimeMs = d->accessIssued.isValid() ? d->accessIssued.msecsTo(d->accessExpiry)
                                                        : now.msecsTo(d->accessExpiry);
    const qint64 margin = qBound(kMinRefreshMarginMs, lifetimeMs / 10, kMaxRefreshMarginMs);
    const qint64 delay = qMax<qint64>(0, now.msecsTo(d->accessExpiry) - margin);
    d->refreshTimer.start(int(qMin<qint64>(delay, std::numeric_limits<int>::max())));
}

void ApiClient::run(std::unique_ptr<ApiJob> job)
{
    ApiJob *raw = job.release();
    raw->setParent(this); // owned by the client from here on; deletes itself when done
    QPointer<ApiJob> guard(raw);
    QMetaObject::invokeMethod(
        this,
        [this, guard] {
            if (guard)
                guard->start(this);
        },
        Qt::QueuedConnection);
}

LoginJob *ApiClient::login(const QString &username, const QString &password)
{
    auto *job = callApi<LoginJob>(username, password);
    // Connected before the caller can connect: the session is stored when the caller hears.
    connect(job, &ApiJob::succeeded, this, [this, job] {
        storeSession({{Wire::Key::AccessToken, job->accessToken()},
                      {Wire::Key::RefreshToken, job->refreshToken()},
                      {Wire::Key::User, job->jsonObject().value(Wire::Key::User)}});
    });
    return job;
}

RefreshJob *ApiClient::refresh()
{
    if (d->refreshing)
        return d->refreshing;
    auto *job = callApi<RefreshJob>(d->refreshToken);
    d->refreshing = job;
    connect(job, &ApiJob::succeeded, this, [this, job] { onRefreshFinished(job, job->status()); });
    connect(job, &ApiJob::failed, this,
            [this, job](const Status &status) { onRefreshFinished(job, status); });
    return job;
}

void ApiClient::onRefreshFinished(RefreshJob *job, const Status &status)
{
    if (d->refreshing == job)
        d->refreshing = nullptr;
    const auto waiting = std::exchange(d->waitingForRefresh, {});
    if (status.isOk()) {
        storeSession({{Wire::Key::AccessToken, job->accessToken()},
                      {Wire::Key::RefreshToken, job->refreshToken()},
                      {Wire::Key::User, job->jsonObject().value(Wire::Key::User)}});
        for (const QPointer<ApiJob> &waiter : waiting) {
            if (waiter)
                waiter->retryAfterRefresh();
        }
        return;
    }
    for (const QPointer<ApiJob> &waiter : waiting) {
        if (waiter)
            waiter->failAfterRefresh(status);
    }
    const bool transient =
        status.httpStatus == 0 || status.httpStatus >= 500 || status.httpStatus == 429;
    if (transient) {
        if (!d->refreshToken.isEmpty())
            d->refreshTimer.start(kRefreshRetryMs);
        return;
    }
    const bool hadSession = isLoggedIn();
    clearSession();
    if (hadSession)
        emit sessionExpired(status.message);
}

void ApiClient::refreshFor(ApiJob *job, const QString &tokenItUsed)
{
    if (!d->accessToken.isEmpty() && d->accessToken != tokenItUsed)
        return job->retryAfterRefresh(); // a refresh finished while the call was on its way
    if (d->refreshToken.isEmpty()) {
        job->failAfterRefresh(
            Status::failure(Status::NotSignedIn, QStringLiteral("Sign in first."), 401));
        if (!d->accessToken.isEmpty()) {
            clearSession();
            emit sessionExpired(QStringLiteral("The session has expired."));
        }
        return;
    }
    d->waitingForRefresh.append(job);
    refresh();
}

LogoutJob *ApiClient::logout()
{
    auto *job = callApi<LogoutJob>(d->refreshToken);
    clearSession();
    return job;
}

GetQueuesJob *ApiClient::getQueues()
{
    return callApi<GetQueuesJob>();
}

ListServicesJob *ApiClient::listServices(bool includeInactive)
{
    return callApi<ListServicesJob>(includeInactive);
}

ListCountersJob *ApiClient::listCounters()
{
    return callApi<ListCountersJob>();
}

CounterActionJob *ApiClient::counterAction(int counterId, CounterAction action,
                                           const QString &reason, const QJsonObject &target)
{
    return callApi<CounterActionJob>(counterId, action, reason, target);
}

CreateTokenJob *ApiClient::createToken(const NewToken &token)
{
    return callApi<CreateTokenJob>(token);
}

TokenStatusJob *ApiClient::tokenStatus(qint64 tokenId, const QString &secret)
{
    return callApi<TokenStatusJob>(tokenId, secret);
}

HistoryJob *ApiClient::history(const HistoryFilter &filter)
{
    return callApi<HistoryJob>(filter);
}
GetTokenJob *ApiClient::getToken(qint64 tokenId)
{
    return callApi<GetTokenJob>(tokenId);
}

StatsJob *ApiClient::stats(const QDate &from, const QDate &to)
{
    return callApi<StatsJob>(from, to);
}

AssignTokenJob *ApiClient::assignToken(qint64 tokenId, int counterId, const QString &reason)
{
    return callApi<AssignTokenJob>(tokenId, counterId, reason);
}

AppointmentsJob *ApiClient::appointments(const AppointmentFilter &filter)
{
    return callApi<AppointmentsJob>(filter);
}

CheckInJob *ApiClient::checkIn(qint64 tokenId, const QString &secret)
{
    return callApi<CheckInJob>(tokenId, secret);
}

JsonJob *ApiClient::callJson(const QByteArray &method, const QString &path, const QJsonValue &body,
                             const QUrlQuery &query)
{
    return callApi<JsonJob>(method, path, body, query);
}

} // namespace Nextup
