#pragma once

// tst_queueclient: the client library (common/nextup/client) against a real nextup-server,
// Postgres and Redis, plus the QueueState model fed with frames directly.

#include <memory>
#include <utility>

#include <signal.h>

#include <QObject>
#include <QSignalSpy>

#include "httpclient.h"
#include "nextup/client/apijob.h"
#include "nextup/client/queueclient.h"
#include "nextup/client/queuestate.h"
#include "serverprocess.h"
#include "testservices.h"

namespace Nextup {
class ApiClient;
} // namespace Nextup

namespace QueueClientTest {

inline constexpr int kConverge = 10'000; // ms a client may take to agree with the server again

// Reconnects within a second, so outages in tests stay short.
Nextup::QueueClient::Timing fastTiming();
// The first argument of every recorded call (the event names of eventReceived).
QStringList namesOf(const QSignalSpy &spy);

// SIGSTOP for a scope: the process keeps its sockets open but answers nothing (a hung server).
class Frozen
{
public:
    explicit Frozen(qint64 pid) : m_pid(pid) { ::kill(pid_t(m_pid), SIGSTOP); }
    ~Frozen() { resume(); }
    void resume()
    {
        if (const qint64 pid = std::exchange(m_pid, 0))
            ::kill(pid_t(pid), SIGCONT);
    }
    Q_DISABLE_COPY_MOVE(Frozen)

private:
    qint64 m_pid;
};

// Waits until the job reports and hands it over (it no longer deletes itself).
template <typename Job> std::unique_ptr<Job> await(Job *job, int timeoutMs = 15000)
{
    job->setAutoDelete(false);
    std::unique_ptr<Job> owned(job);
    QSignalSpy done(job, &Nextup::ApiJob::finished);
    if (!done.wait(timeoutMs))
        qWarning("job %s %s did not finish", job->method().constData(), qPrintable(job->path()));
    return owned;
}

// Where the client's state differs from GET /api/queues (waiting token ids per service, waiting
// counts, each counter's current token); empty when they agree.
QString differences(const Nextup::QueueState &state, const QJsonObject &server);

// A valid-looking access token whose signature no longer matches: the server answers 401.
QString corrupted(const QString &accessToken);

Nextup::QueueEvent makeEvent(const char *name, qint64 seq, const QJsonObject &data);
QJsonObject waitingToken(qint64 id, int serviceId, int priority, const QString &arrivalAt);

} // namespace QueueClientTest

class TestQueueClient : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();

    // QueueState, frames fed directly (queueclient_state.cpp).
    void stateOrdersWaitingTokens_data();
    void stateOrdersWaitingTokens();
    void stateIgnoresDuplicates();
    void stateHoldsOutOfOrderEvents();
    void stateHoldsGapUntilResync();
    void stateReplaysEventsAfterSnapshot();
    void stateFollowsTokenLifecycle();
    void stateAppliesCounterAndQueueUpdates();
    void stateWithoutStrictSequence();

    // ApiClient and jobs (queueclient_api.cpp).
    void loginAndTypedCalls();
    void jobsReportExactlyOnceAndLater();
    void serverErrorsBecomeStatus();
    void unauthorizedRefreshesOnceAndRetries();
    void refusedRefreshExpiresSession();
    void networkErrorAndTimeout();

    // QueueClient (tst_queueclient.cpp).
    void eventsKeepStateEqualToServer();

    // QueueClient under concurrent traffic (queueclient_traffic.cpp).
    void countsConvergeUnderConcurrentTraffic();

    // QueueClient rooms (queueclient_rooms.cpp).
    void roomsNeedAuthOrSecret();
    void rejectedTokenIsRefreshedForTheSocket();

    // DeviceReporter (queueclient_devices.cpp).
    void deviceReportsItself();
    void deviceIdIsStable();

    // QueueClient recovery (tst_queueclient.cpp).
    void reconnectsAfterServerRestart();
    void silenceIsDetected();
    void convergesAfterRedisRestart();

private:
    std::unique_ptr<Nextup::ApiClient> signedIn(const QString &user, const QString &password);
    std::unique_ptr<Nextup::QueueClient> startedClient(Nextup::ApiClient *api,
                                                       const QStringList &rooms);
    // Another instance on the same Postgres and Redis: the floor keeps working while the first
    // one is down or hung.
    HttpClient &secondServer();
    QJsonObject serverQueues();
    qint64 issueToken(int serviceId, int priority = 0);
    QString m_admin;

    TestServices m_services;
    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<HttpClient> m_http;
    std::unique_ptr<ServerProcess> m_second;
    std::unique_ptr<HttpClient> m_secondHttp;
};
