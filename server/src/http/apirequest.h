#pragma once

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QString>
#include <QUrlQuery>

namespace Nextup {

// A request as the controllers see it: a plain value copied out of QHttpServerRequest on the HTTP
// thread, so that it may travel to a worker thread. Header names are lower-case.
struct ApiRequest
{
    QByteArray method; // "GET", "POST", ...
    QString path;
    QUrlQuery query;
    QHash<QByteArray, QByteArray> headers;
    QByteArray body;
    QHostAddress remoteAddress;
    QHash<QString, QString> pathParams; // ":id" segments of the matched route
    QByteArray requestId;

    QByteArray header(const QByteArray &lowerCaseName) const
    {
        return headers.value(lowerCaseName);
    }
    QString queryValue(const QString &name) const
    {
        return query.queryItemValue(name, QUrl::FullyDecoded);
    }
    // The value of one cookie, empty when absent.
    QByteArray cookie(const QByteArray &name) const;
    // The client's address as a string, for rate limits (the proxy's X-Forwarded-For is honoured
    // only when the server is configured to trust it).
    QString clientAddress(bool trustForwardedFor) const;
};

} // namespace Nextup
