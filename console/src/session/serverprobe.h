#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include "session/backoff.h"

namespace Nextup {
class ApiClient;
class JsonJob;
struct Status;
} // namespace Nextup

namespace Nextup::Console {

// Waits for a server that does not answer. It asks GET /readyz of the ApiClient's server; while
// nothing answers (refused, timed out) or the server or the proxy in front of it says it is not
// ready (502, 503, 504), it asks again after the Backoff's waits (1 s, 2 s, 4 s … 30 s, with
// jitter) and says so through stateChanged() and countdownChanged(). Any other answer means the
// server is there: reachable() fires and the probe rests until started again. It never sends a
// session and changes nothing on the server, so it may ask as often as it likes.
class ServerProbe : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServerProbe)

public:
    enum class State
    {
        Idle,      // not watching
        Checking,  // a request is out
        Waiting,   // the last one failed: the next goes out in secondsUntilRetry()
        Reachable, // the server answered
    };
    Q_ENUM(State)

    explicit ServerProbe(ApiClient *api, QObject *parent = nullptr);
    ~ServerProbe() override;

    // Asks now; the waits start over.
    void start();
    // Someone else's request to the server just failed (e.g. the sign-in) with `status`: wait the
    // first delay, then keep asking. Statuses that do not mean "unreachable" are ignored.
    void retryAfter(const Status &status);
    // While waiting: ask at once (the waits keep growing if it fails again).
    void retryNow();
    void stop();

    State state() const { return m_state; }
    bool isRetrying() const { return m_state == State::Checking || m_state == State::Waiting; }
    // The server asked (the ApiClient's at the last request).
    QUrl server() const { return m_server; }
    // Failed attempts since the server last answered.
    int failures() const { return m_backoff.failures(); }
    // Why the last attempt failed ("Connection refused", "The server answered HTTP 503.").
    QString lastError() const { return m_lastError; }
    // The last failure was an answer (502, 503, 504), not silence.
    bool lastFailureAnswered() const { return m_lastAnswered; }
    // While waiting, rounded up; 0 otherwise.
    int secondsUntilRetry() const;

    // True when `status` means that nobody (or only a proxy) answered: worth asking again later.
    static bool meansUnreachable(const Status &status);

    static constexpr int kRequestTimeoutMs = 5000;

signals:
    void stateChanged(Nextup::Console::ServerProbe::State state);
    // Each second while waiting.
    void countdownChanged(int seconds);
    // The server answered; failedAttempts is how many attempts failed before (0: at once).
    void reachable(int failedAttempts);

private:
    void check();
    void onFailed(const Status &status);
    void wait();
    void tick();
    void setState(State state);
    void abandonRequest();

    ApiClient *m_api;
    Backoff m_backoff;
    QTimer m_retryTimer; // single shot: the next attempt
    QTimer m_tickTimer;  // the countdown shown to the user
    QElapsedTimer m_waitingSince;
    int m_waitMs = 0;
    int m_lastShown = -1;
    QPointer<JsonJob> m_job;
    State m_state = State::Idle;
    QUrl m_server;
    QString m_lastError;
    bool m_lastAnswered = false;
};

} // namespace Nextup::Console
