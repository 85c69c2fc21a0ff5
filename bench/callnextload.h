#pragma once

#include <memory>
#include <vector>

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QMap>
#include <QObject>
#include <QString>

#include "latencystats.h"

class HttpConnection;

struct CallNextOptions
{
    QString host = QStringLiteral("127.0.0.1");
    quint16 port = 0;
    QByteArray bearer; // admin or the counters' operator
    QList<int> counters;
    double warmupSeconds = 1;
    double durationSeconds = 10;
    qint64 maxCallsPerCounter = 100'000;
    int timeoutMs = 10'000;
    // > 0: each counter starts a call at most once per interval (an operator's pace) instead of
    // as soon as its last token was completed; the counters' starts are spread over one interval.
    int intervalMs = 0;
};

// One client per counter, each looping call -> serve -> complete on its own connection, as an
// operator clicking "next" as fast as the server lets them. Only the call is timed (the other two
// steps are kept separately). A call answered 409 invalid_state means the counter still has a
// called token (left by an earlier run): it is served and completed, then calling resumes. A
// call answered 409 queue_empty ends that client.
class CallNextLoad : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CallNextLoad)

public:
    explicit CallNextLoad(CallNextOptions options, QObject *parent = nullptr);
    ~CallNextLoad() override;

    void start();
    const LatencyStats &callStats() const { return m_call; }
    const LatencyStats &serveStats() const { return m_serve; }
    const LatencyStats &completeStats() const { return m_complete; }
    double measuredSeconds() const;
    int emptyQueues() const { return m_emptyQueues; }
    const QMap<QByteArray, int> &failureSamples() const { return m_failures; }

signals:
    void finished();

private:
    enum class Step
    {
        Call,
        Serve,
        Complete
    };
    struct Client
    {
        int counterId = 0;
        std::unique_ptr<HttpConnection> connection;
        Step step = Step::Call;
        bool counted = false; // the request in flight was sent after the warm-up
        qint64 calls = 0;
        qint64 callStartedNs = 0;
        int errors = 0;
        bool done = false;
    };

    void send(Client &client, Step step);
    void onReply(Client &client, qint64 micros, int status, const QByteArray &body,
                 const QString &error);
    void afterCall(Client &client, int status, const QByteArray &body);
    void retryOrStop(Client &client, int status, const QByteArray &body, const QString &error);
    bool timeLeft(const Client &client) const;
    void stop(Client &client);
    void callAfterPause(Client &client);

    CallNextOptions m_options;
    std::vector<std::unique_ptr<Client>> m_clients;
    QElapsedTimer m_clock;
    LatencyStats m_call;
    LatencyStats m_serve;
    LatencyStats m_complete;
    QMap<QByteArray, int> m_failures;
    qint64 m_lastCountedNs = 0;
    int m_stopped = 0;
    int m_emptyQueues = 0;
    bool m_done = false;
};
