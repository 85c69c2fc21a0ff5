#include "nextup/client/apijob.h"

#include <QNetworkReply>
#include <QPointer>
#include <QTimer>
#include <QUuid>

#include "nextup/client/apiclient_p.h"

namespace Nextup {

struct ApiJob::Private
{
    QByteArray method;
    QString path;
    QUrlQuery query;
    QJsonValue body{QJsonValue::Undefined};
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray idempotencyKey;
    Auth auth = Auth::Required;
    int timeoutMs = -1; // -1: the client's default
    bool autoDelete = true;

    QPointer<ApiClient> client;
    QPointer<QNetworkReply> reply;
    QTimer timer;
    QString tokenUsed;
    bool retried = false; // one refresh-and-resend per job, so a 401 can never loop
    bool finished = false;
    bool abandoned = false;

    Status status;
    int httpStatus = 0;
    QJsonDocument json;
};

ApiJob::ApiJob(const QByteArray &method, const QString &path, Auth auth)
    : d(std::make_unique<Private>())
{
    d->method = method;
    d->path = path;
    d->auth = auth;
    d->timer.setSingleShot(true);
    connect(&d->timer, &QTimer::timeout, this, &ApiJob::onTimeout);
}

ApiJob::~ApiJob()
{
    stopRequest();
}

QByteArray ApiJob::method() const
{
    return d->method;
}
QString ApiJob::path() const
{
    return d->path;
}
Status ApiJob::status() const
{
    return d->status;
}
int ApiJob::httpStatus() const
{
    return d->httpStatus;
}
bool ApiJob::isFinished() const
{
    return d->finished;
}
QJsonDocument ApiJob::jsonDocument() const
{
    return d->json;
}
void ApiJob::setTimeout(int milliseconds)
{
    d->timeoutMs = milliseconds;
}
int ApiJob::timeout() const
{
    return d->timeoutMs;
}
void ApiJob::setIdempotencyKey(const QByteArray &key)
{
    d->idempotencyKey = key;
}
QByteArray ApiJob::idempotencyKey() const
{
    return d->idempotencyKey;
}
QByteArray ApiJob::newIdempotencyKey()
{
    return QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
}
void ApiJob::setAutoDelete(bool autoDelete)
{
    d->autoDelete = autoDelete;
}
void ApiJob::setQuery(const QUrlQuery &query)
{
    d->query = query;
}
void ApiJob::setBody(const QJsonValue &body)
{
    d->body = body;
}

void ApiJob::setRawHeader(const QByteArray &name, const QByteArray &value)
{
    d->headers.append({name, value});
}

Status ApiJob::parseResponse(const QJsonDocument &)
{
    return {};
}

Status ApiJob::badResponse(const QString &what) const
{
    return Status::failure(Status::BadResponse,
                           QStringLiteral("Unexpected answer to %1 %2: %3")
                               .arg(QString::fromLatin1(d->method), d->path, what),
                           d->httpStatus);
}

void ApiJob::start(ApiClient *client)
{
    if (d->finished || d->abandoned)
        return;
    d->client = client;
    if (d->timeoutMs < 0)
        d->timeoutMs = client->defaultTimeout();
    send();
}

void ApiJob::send()
{
    if (!d->client)
        return finish(
            Status::failure(Status::NetworkError, QStringLiteral("The API client is gone.")));
    const QString bearer = d->auth == Auth::None ? QString() : d->client->accessToken();
    if (d->auth == Auth::Required && bearer.isEmpty()) {
        if (!d->retried && !d->client->refreshToken().isEmpty()) {
            d->retried = true;
            return d->client->refreshFor(this, {});
        }
        return finish(Status::failure(Status::NotSignedIn, QStringLiteral("Sign in first.")));
    }
    d->tokenUsed = bearer;
    QByteArray payload;
    if (d->body.isObject())
        payload = QJsonDocument(d->body.toObject()).toJson(QJsonDocument::Compact);
    else if (d->body.isArray())
        payload = QJsonDocument(d->body.toArray()).toJson(QJsonDocument::Compact);
    else if (d->method == "POST" || d->method == "PUT" || d->method == "PATCH")
        payload = "{}"; // routes that read a body want a JSON object, even an empty one
    QNetworkRequest request = d->client->d->request(d->path, d->query, bearer);
    for (const auto &[name, value] : std::as_const(d->headers))
        request.setRawHeader(name, value);
    // The same key on the resend after a refreshed session too: it is the same action.
    if (!d->idempotencyKey.isEmpty())
        request.setRawHeader("Idempotency-Key", d->idempotencyKey);
    d->reply = d->client->d->network.sendCustomRequest(request, d->method, payload);
    connect(d->reply, &QNetworkReply::finished, this, &ApiJob::onReplyFinished);
    d->timer.start(qMax(1, d->timeoutMs));
}

void ApiJob::onReplyFinished()
{
    QNetworkReply *reply = d->reply.data();
    if (!reply)
        return;
    d->reply = nullptr;
    d->timer.stop();
    reply->deleteLater();
    const int http = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    d->httpStatus = http;
    if (http == 0)
        return finish(Status::failure(Status::NetworkError, reply->errorString()));
    d->json = QJsonDocument::fromJson(body);
    if (http == 401 && !d->tokenUsed.isEmpty() && !d->retried && d->client) {
        d->retried = true;
        d->status = Status::fromErrorBody(http, body);
        return d->client->refreshFor(this, d->tokenUsed);
    }
    if (http >= 200 && http < 300) {
        Status status = parseResponse(d->json);
        if (status.isOk())
            status = Status::success(http);
        return finish(status);
    }
    Status status = Status::fromErrorBody(http, body);
    if (http == 429)
        status.retryAfterSeconds = reply->rawHeader("Retry-After").toInt();
    finish(status);
}

void ApiJob::onTimeout()
{
    stopRequest();
    finish(Status::failure(Status::Timeout, QStringLiteral("No answer from the server within %1 s.")
                                                .arg(d->timeoutMs / 1000.0, 0, 'g', 3)));
}

void ApiJob::retryAfterRefresh()
{
    if (!d->finished && !d->abandoned)
        send();
}

void ApiJob::failAfterRefresh(const Status &refreshStatus)
{
    if (d->finished || d->abandoned)
        return;
    // A refused refresh means the call's own 401 stands; a refresh that could not reach the
    // server says more about why this call failed.
    const bool transient = refreshStatus.httpStatus == 0 || refreshStatus.httpStatus >= 500;
    if (transient)
        return finish(refreshStatus);
    finish(d->status.isOk() ? Status::failure(Status::NotSignedIn, QStringLiteral("Sign in first."))
                            : d->status);
}

void ApiJob::cancel()
{
    if (d->finished || d->abandoned)
        return;
    stopRequest();
    finish(Status::failure(Status::Cancelled, QStringLiteral("The call was cancelled.")));
}

void ApiJob::abandon()
{
    d->abandoned = true;
    stopRequest();
    deleteLater();
}

void ApiJob::finish(const Status &status)
{
    if (d->finished)
        return;
    d->finished = true;
    d->status = status;
    d->timer.stop();
    // Queued: a caller that cancels, or a reply that fails at once, must not see the signal
    // inside its own call.
    QMetaObject::invokeMethod(this, &ApiJob::report, Qt::QueuedConnection);
}

void ApiJob::report()
{
    if (d->abandoned)
        return;
    if (d->status.isOk())
        emit succeeded();
    else
        emit failed(d->status);
    emit finished();
    if (d->autoDelete)
        deleteLater();
}

void ApiJob::stopRequest()
{
    d->timer.stop();
    if (QNetworkReply *reply = d->reply.data()) {
        d->reply = nullptr;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
}

JsonJob::JsonJob(const QByteArray &method, const QString &path, const QJsonValue &body,
                 const QUrlQuery &query, Auth auth)
    : ApiJob(method, path, auth)
{
    setBody(body);
    setQuery(query);
}

QJsonArray JsonJob::array() const
{
    return jsonDocument().array();
}

} // namespace Nextup
