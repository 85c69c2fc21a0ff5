#pragma once

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include "nextup/client/status.h"
#include "nextup/client/tokentypes.h"

namespace Nextup {
class ApiClient;
class CreateTokenJob;
} // namespace Nextup

namespace Nextup::Kiosk {

// One touch of a dispenser's service button → exactly one token. The touch gets one
// Idempotency-Key; a network error, a timeout, 409 idempotency_key_in_use or a 5xx sends the same
// request again with the same key (up to kAttempts in all), so a request that did reach the
// server but whose answer was lost gets that first answer back instead of a second token. Any
// other answer is final. One touch at a time: issue() while busy is refused (false).
class TokenIssuer : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TokenIssuer)

public:
    static constexpr int kAttempts = 4;

    explicit TokenIssuer(ApiClient *api, QObject *parent = nullptr);

    // Per attempt (the client's default otherwise) and between attempts.
    void setTiming(int attemptTimeoutMs, int retryDelayMs);
    // `key` empty: a new one for this touch.
    bool issue(const NewToken &token, const QByteArray &key = {});
    bool isBusy() const { return !m_key.isEmpty(); }
    QByteArray lastKey() const { return m_lastKey; }
    int attempts() const { return m_attempt; }

signals:
    void issued(const Nextup::CreatedToken &token);
    void failed(const Nextup::Status &status);

private:
    void send();
    void onFailed(const Status &status);
    static bool worthRetrying(const Status &status);

    QPointer<ApiClient> m_api;
    NewToken m_token;
    QByteArray m_key; // the current touch's; empty when idle
    QByteArray m_lastKey;
    QTimer m_retry;
    int m_attempt = 0;
    int m_attemptTimeoutMs = 5000;
};

} // namespace Nextup::Kiosk
