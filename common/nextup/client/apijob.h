#pragma once

#include <memory>
#include <type_traits>

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QUrlQuery>

#include "nextup/client/status.h"

namespace Nextup {

class ApiClient;

// One REST call (libQuotient's BaseJob, made small). A job is created and started by ApiClient
// (callApi<Job>() or one of its shorthands) and then reports exactly once: succeeded() or
// failed(status), always from the event loop, never from inside the call that created it, then
// finished(), and then it deletes itself. Read the typed accessors in a slot connected to
// succeeded(); keep a QPointer if the job may be gone by the time you look.
//
// A call that needs a session and gets 401 asks the ApiClient to refresh the session once and is
// sent again; only if that fails does it report the 401. Each attempt has its own timeout
// (15 s by default, Status::Timeout). cancel() turns the job into a failure with
// Status::Cancelled; abandon() silences it completely.
class ApiJob : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiJob)

public:
    enum class Auth
    {
        None,     // never sends the access token
        Optional, // sends it when signed in (e.g. a kiosk issuing tokens with a priority)
        Required, // fails with Status::NotSignedIn without a session
    };

    ~ApiJob() override;

    QByteArray method() const;
    QString path() const;
    Status status() const;
    int httpStatus() const;
    bool isFinished() const;
    // The answer's body as JSON (null for an empty or non-JSON body).
    QJsonDocument jsonDocument() const;
    QJsonObject jsonObject() const { return jsonDocument().object(); }

    // Per attempt; set it before the job starts (right after it is created).
    void setTimeout(int milliseconds);
    int timeout() const;
    // Idempotency-Key: a POST sent again with the same key (a retry after a timeout or a network
    // error) gets the first answer from the server and does nothing twice. One key per user
    // action, reused by every retry of that action; set it before the job starts. Empty: none.
    void setIdempotencyKey(const QByteArray &key);
    QByteArray idempotencyKey() const;
    // A fresh random key (a UUID without braces).
    static QByteArray newIdempotencyKey();
    // By default a job deletes itself after finished(); a caller that owns the job's lifetime
    // (a test, a screen that keeps the last answer) turns that off and deletes it itself.
    void setAutoDelete(bool autoDelete);

    // Stops the request; the job fails with Status::Cancelled (later, from the event loop) unless
    // it has already reported.
    void cancel();
    // Stops the request; no signal fires any more and the job deletes itself.
    void abandon();

    // job->then(this, [job] { use(job->snapshot()); }, [](const Nextup::Status &s) { ... });
    template <typename OnSuccess, typename OnFailure = std::nullptr_t>
    void then(const QObject *context, OnSuccess &&onSuccess, OnFailure &&onFailure = nullptr)
    {
        connect(this, &ApiJob::succeeded, context, std::forward<OnSuccess>(onSuccess));
        if constexpr (!std::is_null_pointer_v<std::decay_t<OnFailure>>)
            connect(this, &ApiJob::failed, context, std::forward<OnFailure>(onFailure));
    }

signals:
    void succeeded();
    void failed(const Nextup::Status &status);
    // After either of the two; the job deletes itself once this returns.
    void finished();

protected:
    ApiJob(const QByteArray &method, const QString &path, Auth auth = Auth::Required);

    void setQuery(const QUrlQuery &query);
    // An object or array; undefined (the default) sends no body ("{}" for POST, PUT, PATCH).
    void setBody(const QJsonValue &body);
    void setRawHeader(const QByteArray &name, const QByteArray &value);
    // Reads the typed result out of a 2xx answer. A failed Status (usually badResponse()) turns
    // the job into a failure. The default accepts anything.
    virtual Status parseResponse(const QJsonDocument &json);
    Status badResponse(const QString &what) const;

private:
    friend class ApiClient;
    struct Private;

    void start(ApiClient *client);
    void send();
    void onReplyFinished();
    void onTimeout();
    void retryAfterRefresh();
    void failAfterRefresh(const Status &refreshStatus);
    void finish(const Status &status);
    void report();
    void stopRequest();

    std::unique_ptr<Private> d;
};

// Any call by method, path and body, answering plain JSON: the admin screens' CRUD.
class JsonJob : public ApiJob
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JsonJob)

public:
    JsonJob(const QByteArray &method, const QString &path, const QJsonValue &body = {},
            const QUrlQuery &query = {}, Auth auth = Auth::Required);

    QJsonDocument json() const { return jsonDocument(); }
    QJsonObject object() const { return jsonDocument().object(); }
    QJsonArray array() const;
};

} // namespace Nextup
