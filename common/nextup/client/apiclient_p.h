#pragma once

// Internal to the client library: not installed, not included by the console or the kiosk.

#include <QList>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QTimer>

#include "nextup/client/apiclient.h"

namespace Nextup {

struct ApiClient::Private
{
    QNetworkAccessManager network;
    QUrl baseUrl;
    QString accessToken;
    QString refreshToken;
    UserInfo user;
    QDateTime accessExpiry;
    QDateTime accessIssued;
    QTimer refreshTimer;
    int timeoutMs = 15'000;
    QPointer<RefreshJob> refreshing;
    QList<QPointer<ApiJob>> waitingForRefresh;

    // The request for `path` under the base URL; the bearer header when `bearer` is not empty.
    QNetworkRequest request(const QString &path, const QUrlQuery &query,
                            const QString &bearer) const;
};

} // namespace Nextup
