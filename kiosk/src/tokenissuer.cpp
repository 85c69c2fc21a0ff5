#include "tokenissuer.h"

#include "nextup/client/apiclient.h"
#include "nextup/client/tokenjobs.h"

namespace Nextup::Kiosk {

TokenIssuer::TokenIssuer(ApiClient *api, QObject *parent) : QObject(parent), m_api(api)
{
    m_retry.setSingleShot(true);
    m_retry.setInterval(500);
    connect(&m_retry, &QTimer::timeout, this, &TokenIssuer::send);
}

void TokenIssuer::setTiming(int attemptTimeoutMs, int retryDelayMs)
{
    m_attemptTimeoutMs = attemptTimeoutMs;
    m_retry.setInterval(retryDelayMs);
}

bool TokenIssuer::issue(const NewToken &token, const QByteArray &key)
{
    if (isBusy() || !m_api)
        return false;
    m_token = token;
    m_key = key.isEmpty() ? ApiJob::newIdempotencyKey() : key;
    m_lastKey = m_key;
    m_attempt = 0;
    send();
    return true;
}

void TokenIssuer::send()
{
    if (!m_api)
        return onFailed(Status::failure(Status::NetworkError, QStringLiteral("No client.")));
    ++m_attempt;
    CreateTokenJob *job = m_api->createToken(m_token);
    job->setIdempotencyKey(m_key);
    job->setTimeout(m_attemptTimeoutMs);
    job->then(
        this,
        [this, job] {
            m_key.clear();
            emit issued(job->token());
        },
        [this](const Status &status) { onFailed(status); });
}

bool TokenIssuer::worthRetrying(const Status &status)
{
    return status.code == Status::NetworkError || status.code == Status::Timeout ||
           status.code == u"idempotency_key_in_use" || status.httpStatus >= 500;
}

void TokenIssuer::onFailed(const Status &status)
{
    if (worthRetrying(status) && m_attempt < kAttempts) {
        m_retry.start();
        return;
    }
    m_key.clear();
    emit failed(status);
}

} // namespace Nextup::Kiosk
