#include "session/serverprobe.h"

#include "nextup/client/apiclient.h"
#include "nextup/client/apijob.h"

namespace Nextup::Console {

namespace {
const QString kReadyPath = QStringLiteral("/readyz");
constexpr int kTickMs = 250; // fine enough for a countdown in whole seconds
} // namespace

ServerProbe::ServerProbe(ApiClient *api, QObject *parent) : QObject(parent), m_api(api)
{
    m_retryTimer.setSingleShot(true);
    m_tickTimer.setInterval(kTickMs);
    connect(&m_retryTimer, &QTimer::timeout, this, &ServerProbe::check);
    connect(&m_tickTimer, &QTimer::timeout, this, &ServerProbe::tick);
}

ServerProbe::~ServerProbe()
{
    abandonRequest();
}

bool ServerProbe::meansUnreachable(const Status &status)
{
    if (status.code == Status::NetworkError || status.code == Status::Timeout)
        return true;
    return status.httpStatus == 502 || status.httpStatus == 503 || status.httpStatus == 504;
}

void ServerProbe::start()
{
    abandonRequest();
    m_retryTimer.stop();
    m_tickTimer.stop();
    m_backoff.reset();
    check();
}

void ServerProbe::retryAfter(const Status &status)
{
    if (!meansUnreachable(status))
        return;
    abandonRequest();
    m_backoff.reset();
    m_server = m_api->baseUrl();
    onFailed(status);
}

void ServerProbe::retryNow()
{
    if (m_state != State::Waiting)
        return;
    m_retryTimer.stop();
    m_tickTimer.stop();
    check();
}

void ServerProbe::stop()
{
    abandonRequest();
    m_retryTimer.stop();
    m_tickTimer.stop();
    setState(State::Idle);
}

int ServerProbe::secondsUntilRetry() const
{
    if (m_state != State::Waiting)
        return 0;
    const qint64 left = qMax<qint64>(0, m_waitMs - m_waitingSince.elapsed());
    return int((left + 999) / 1000);
}

void ServerProbe::check()
{
    abandonRequest();
    m_server = m_api->baseUrl();
    auto *job = m_api->callApi<JsonJob>(QByteArrayLiteral("GET"), kReadyPath, QJsonValue(),
                                        QUrlQuery(), ApiJob::Auth::None);
    job->setTimeout(kRequestTimeoutMs);
    m_job = job;
    setState(State::Checking);
    job->then(
        this,
        [this] {
            m_job = nullptr;
            const int failed = m_backoff.failures();
            m_backoff.reset();
            setState(State::Reachable);
            emit reachable(failed);
        },
        [this](const Status &status) {
            m_job = nullptr;
            if (!meansUnreachable(status)) {
                // An answer, even a 404 from a proxy that does not pass /readyz: someone is there,
                // and the sign-in will say precisely what is wrong, if anything.
                const int failed = m_backoff.failures();
                m_backoff.reset();
                setState(State::Reachable);
                emit reachable(failed);
                return;
            }
            onFailed(status);
        });
}

void ServerProbe::onFailed(const Status &status)
{
    m_lastError = status.message.isEmpty() ? status.code : status.message;
    m_lastAnswered = status.httpStatus != 0;
    m_waitMs = int(m_backoff.next().count());
    wait();
}

void ServerProbe::wait()
{
    m_waitingSince.start();
    m_lastShown = -1;
    m_retryTimer.start(m_waitMs);
    m_tickTimer.start();
    setState(State::Waiting);
    tick();
}

void ServerProbe::tick()
{
    if (m_state != State::Waiting) {
        m_tickTimer.stop();
        return;
    }
    const int seconds = secondsUntilRetry();
    if (seconds != m_lastShown) {
        m_lastShown = seconds;
        emit countdownChanged(seconds);
    }
}

void ServerProbe::setState(State state)
{
    // Waiting → Waiting (a failure right after another) is news too: the countdown starts over.
    if (m_state == state && state != State::Waiting)
        return;
    m_state = state;
    emit stateChanged(state);
}

void ServerProbe::abandonRequest()
{
    if (m_job)
        m_job->abandon();
    m_job = nullptr;
}

} // namespace Nextup::Console
