#include "httpclient.h"

#include <memory>

#include <QEventLoop>
#include <QJsonParseError>
#include <QNetworkCookie>
#include <QNetworkCookieJar>
#include <QNetworkProxy>
#include <QNetworkRequest>
#include <QTimer>
#include <QtDebug>

namespace {

// Cookies only when a test sends them: a stored refresh cookie must not make a test pass.
class NoCookieJar final : public QNetworkCookieJar
{
public:
    using QNetworkCookieJar::QNetworkCookieJar;
    QList<QNetworkCookie> cookiesForUrl(const QUrl &) const override { return {}; }
    bool setCookiesFromUrl(const QList<QNetworkCookie> &, const QUrl &) override { return false; }
};

} // namespace

QByteArray HttpReply::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QString HttpReply::errorCode() const
{
    return object()
        .value(QLatin1String("error"))
        .toObject()
        .value(QLatin1String("code"))
        .toString();
}

HttpClient::HttpClient(const QUrl &baseUrl, int timeoutMs)
    : m_baseUrl(baseUrl), m_timeoutMs(timeoutMs)
{
    m_network.setProxy(QNetworkProxy::NoProxy);
    m_network.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    m_network.setCookieJar(new NoCookieJar(&m_network));
}

HttpClient::~HttpClient() = default;

QUrl HttpClient::url(const QString &path) const
{
    // Appended as written: resolving would normalise "..", which path tests must send as is.
    return QUrl(m_baseUrl.toString(QUrl::RemovePath | QUrl::StripTrailingSlash) + path,
                QUrl::TolerantMode);
}

HttpHeaders HttpClient::jsonHeaders(const QString &bearer)
{
    HttpHeaders headers{{"Content-Type", "application/json"}};
    if (!bearer.isEmpty())
        headers.append({"Authorization", "Bearer " + bearer.toUtf8()});
    return headers;
}

HttpReply HttpClient::get(const QString &path, const QString &bearer)
{
    HttpHeaders headers;
    if (!bearer.isEmpty())
        headers.append({"Authorization", "Bearer " + bearer.toUtf8()});
    return send("GET", path, {}, headers);
}

HttpReply HttpClient::post(const QString &path, const QJsonObject &body, const QString &bearer)
{
    return send("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact),
                jsonHeaders(bearer));
}

HttpReply HttpClient::postRaw(const QString &path, const QByteArray &body,
                              const QByteArray &contentType, const QString &bearer)
{
    HttpHeaders headers;
    if (!contentType.isEmpty())
        headers.append({"Content-Type", contentType});
    if (!bearer.isEmpty())
        headers.append({"Authorization", "Bearer " + bearer.toUtf8()});
    return send("POST", path, body, headers);
}

HttpReply HttpClient::put(const QString &path, const QJsonObject &body, const QString &bearer)
{
    return send("PUT", path, QJsonDocument(body).toJson(QJsonDocument::Compact),
                jsonHeaders(bearer));
}

HttpReply HttpClient::patch(const QString &path, const QJsonObject &body, const QString &bearer)
{
    return send("PATCH", path, QJsonDocument(body).toJson(QJsonDocument::Compact),
                jsonHeaders(bearer));
}

HttpReply HttpClient::del(const QString &path, const QString &bearer)
{
    HttpHeaders headers;
    if (!bearer.isEmpty())
        headers.append({"Authorization", "Bearer " + bearer.toUtf8()});
    return send("DELETE", path, {}, headers);
}

HttpReply HttpClient::request(const QByteArray &method, const QString &path, const QByteArray &body,
                              const HttpHeaders &headers)
{
    return send(method, path, body, headers);
}

HttpReply HttpClient::send(const QByteArray &method, const QString &path, const QByteArray &body,
                           const HttpHeaders &headers)
{
    QNetworkRequest request(url(path));
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);

    // Without a body, send none at all (not even "Content-Length: 0").
    std::unique_ptr<QNetworkReply> reply(body.isEmpty()
                                             ? m_network.sendCustomRequest(request, method)
                                             : m_network.sendCustomRequest(request, method, body));
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    timer.start(m_timeoutMs);
    if (!reply->isFinished())
        loop.exec();

    HttpReply result;
    if (!reply->isFinished()) {
        reply->abort();
        result.error = QStringLiteral("no answer to %1 %2 within %3 ms")
                           .arg(QString::fromLatin1(method), path)
                           .arg(m_timeoutMs);
        return result;
    }
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    result.headers = reply->rawHeaderPairs();
    if (result.status == 0)
        result.error = reply->errorString();
    QJsonParseError parseError;
    const QJsonDocument json = QJsonDocument::fromJson(result.body, &parseError);
    if (parseError.error == QJsonParseError::NoError)
        result.json = json;
    return result;
}

QString HttpClient::login(const QString &username, const QString &password)
{
    const HttpReply reply =
        post(QStringLiteral("/api/auth/login"),
             {{QStringLiteral("username"), username}, {QStringLiteral("password"), password}});
    const QString token = reply.object().value(QLatin1String("access_token")).toString();
    if (reply.status != 200 || token.isEmpty()) {
        qWarning("HttpClient::login(%s): HTTP %d %s %s", qPrintable(username), reply.status,
                 reply.body.constData(), qPrintable(reply.error));
        return {};
    }
    return token;
}
