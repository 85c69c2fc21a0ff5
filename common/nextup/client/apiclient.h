#pragma once

#include <memory>

#include <QDate>
#include <QObject>
#include <QUrl>

#include "nextup/client/apijob.h"
#include "nextup/client/types.h"

namespace Nextup {

class AppointmentsJob;
class AssignTokenJob;
class CheckInJob;
class CounterActionJob;
class CreateTokenJob;
class GetQueuesJob;
class GetTokenJob;
class HistoryJob;
class ListCountersJob;
class ListServicesJob;
class LoginJob;
class LogoutJob;
class RefreshJob;
class StatsJob;
class TokenStatusJob;
struct AppointmentFilter;
struct HistoryFilter;
struct NewToken;
enum class CounterAction;

// The console's and the kiosk's only way to the REST API: holds the server address and the
// session (access + refresh token), starts typed jobs and keeps the session alive. The access
// token is refreshed shortly before its "exp", and once more when a call meets 401 (the call is
// then sent again). When the server refuses the refresh token, the session is dropped and
// sessionExpired() fires: the application shows its login screen.
class ApiClient : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiClient)
    Q_PROPERTY(QUrl baseUrl READ baseUrl WRITE setBaseUrl NOTIFY baseUrlChanged)
    Q_PROPERTY(bool loggedIn READ isLoggedIn NOTIFY sessionChanged)
    Q_PROPERTY(QString role READ role NOTIFY sessionChanged)
    Q_PROPERTY(QString username READ username NOTIFY sessionChanged)

public:
    explicit ApiClient(const QUrl &baseUrl = {}, QObject *parent = nullptr);
    ~ApiClient() override;

    QUrl baseUrl() const;
    void setBaseUrl(const QUrl &url);
    // ws(s)://host:port/ws/queues for the same server.
    QUrl webSocketUrl() const;

    // Session. setSession() restores a saved one (e.g. from the keychain); the user is read from
    // the access token's claims until a login or refresh brings the full record.
    bool isLoggedIn() const;
    QString accessToken() const;
    QString refreshToken() const;
    UserInfo user() const;
    QString role() const { return user().role; }
    QString username() const { return user().username; }
    QDateTime accessTokenExpiry() const;
    void setSession(const QString &accessToken, const QString &refreshToken);
    // Forgets the session locally without telling the server.
    void clearSession();

    // Default per-attempt timeout of new jobs (15 s).
    int defaultTimeout() const;
    void setDefaultTimeout(int milliseconds);

    // Creates JobT(args...), owned by this client, and starts it on the next event loop pass.
    template <typename JobT, typename... Args> JobT *callApi(Args &&...args)
    {
        static_assert(std::is_base_of_v<ApiJob, JobT>);
        auto job = std::make_unique<JobT>(std::forward<Args>(args)...);
        JobT *raw = job.get();
        run(std::move(job));
        return raw;
    }

    // Signs in; on success the session is stored before the job's succeeded() reaches you.
    LoginJob *login(const QString &username, const QString &password);
    // One refresh at a time: while one runs, this returns the same job.
    RefreshJob *refresh();
    // Revokes the refresh token's family on the server and forgets the session at once.
    LogoutJob *logout();

    GetQueuesJob *getQueues();
    ListServicesJob *listServices(bool includeInactive = false);
    ListCountersJob *listCounters();
    // reason: pause and transfer; target: transfer ({"service_id": n} or {"counter_id": n}).
    CounterActionJob *counterAction(int counterId, CounterAction action, const QString &reason = {},
                                    const QJsonObject &target = {});
    CreateTokenJob *createToken(const NewToken &token);
    TokenStatusJob *tokenStatus(qint64 tokenId, const QString &secret = {});
    HistoryJob *history(const HistoryFilter &filter);
    GetTokenJob *getToken(qint64 tokenId);
    StatsJob *stats(const QDate &from = {}, const QDate &to = {});
    // Calls a waiting token out of turn at a counter; the reason is kept in its history.
    AssignTokenJob *assignToken(qint64 tokenId, int counterId, const QString &reason);
    AppointmentsJob *appointments(const AppointmentFilter &filter);
    // Staff and kiosks check in without the secret.
    CheckInJob *checkIn(qint64 tokenId, const QString &secret = {});
    JsonJob *callJson(const QByteArray &method, const QString &path, const QJsonValue &body = {},
                      const QUrlQuery &query = {});

signals:
    void baseUrlChanged();
    // Logged in, refreshed, restored, logged out or expired.
    void sessionChanged();
    // A new access token (empty when the session ended): the WebSocket re-authenticates with it.
    void accessTokenChanged(const QString &accessToken);
    // The server refused to refresh the session (expired, revoked, reused): sign in again.
    void sessionExpired(const QString &reason);

private:
    friend class ApiJob;
    struct Private;

    void run(std::unique_ptr<ApiJob> job);
    void storeSession(const QJsonObject &answer);
    void scheduleRefresh();
    void onRefreshFinished(RefreshJob *job, const Status &status);
    // A job met 401 (or needs a token it does not have): refresh, then resend or fail it.
    void refreshFor(ApiJob *job, const QString &tokenItUsed);

    std::unique_ptr<Private> d;
};

} // namespace Nextup
