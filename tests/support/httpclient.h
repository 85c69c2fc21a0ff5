#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QString>
#include <QUrl>

// One answer, read completely. status 0 means no HTTP answer at all (refused, reset, timeout);
// `error` then says why.
struct HttpReply
{
    int status = 0;
    QByteArray body;
    QJsonDocument json; // null when the body is not JSON
    QList<QNetworkReply::RawHeaderPair> headers;
    QString error;

    QJsonObject object() const { return json.object(); }
    QJsonArray array() const { return json.array(); }
    // The first header of that name (case-insensitive), or a null QByteArray.
    QByteArray header(const QByteArray &name) const;
    // `error.code` of the API's error shape, for QCOMPARE(reply.errorCode(), "queue_empty").
    QString errorCode() const;
};

using HttpHeaders = QList<QNetworkReply::RawHeaderPair>;

// Synchronous-looking HTTP for tests: each call spins a local event loop until the answer is
// complete or the timeout passes. Redirects are not followed and no cookies are stored, so a
// test sees exactly what the server sent (send cookies yourself with a "Cookie" header).
class HttpClient final
{
    Q_DISABLE_COPY_MOVE(HttpClient)

public:
    explicit HttpClient(const QUrl &baseUrl, int timeoutMs = 10000);
    ~HttpClient();

    // `path` is appended to the base URL as written ("/api/tokens?status=waiting").
    HttpReply get(const QString &path, const QString &bearer = {});
    HttpReply post(const QString &path, const QJsonObject &body = {}, const QString &bearer = {});
    HttpReply postRaw(const QString &path, const QByteArray &body, const QByteArray &contentType,
                      const QString &bearer = {});
    HttpReply put(const QString &path, const QJsonObject &body, const QString &bearer = {});
    HttpReply patch(const QString &path, const QJsonObject &body, const QString &bearer = {});
    HttpReply del(const QString &path, const QString &bearer = {});
    // Any method, body and headers (Qt adds Host, Content-Length, Accept-Encoding, User-Agent...).
    HttpReply request(const QByteArray &method, const QString &path, const QByteArray &body = {},
                      const HttpHeaders &headers = {});

    // POST /api/auth/login; the access token, or an empty string (with a qWarning) on failure.
    QString login(const QString &username, const QString &password);

    QUrl baseUrl() const { return m_baseUrl; }
    QUrl url(const QString &path) const;
    void setTimeout(int timeoutMs) { m_timeoutMs = timeoutMs; }

private:
    HttpReply send(const QByteArray &method, const QString &path, const QByteArray &body,
                   const HttpHeaders &headers);
    static HttpHeaders jsonHeaders(const QString &bearer);

    QUrl m_baseUrl;
    int m_timeoutMs;
    QNetworkAccessManager m_network;
};
