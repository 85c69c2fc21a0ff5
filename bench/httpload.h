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

struct HttpLoadOptions
{
    QString host = QStringLiteral("127.0.0.1");
    quint16 port = 0;
    QByteArray method = "GET";
    QByteArray path = "/healthz";
    QList<QByteArray> bodies; // used round-robin, one per request; empty = no body
    QByteArray bearer;
    int connections = 1;
    double warmupSeconds = 0;   // requests sent before this are not counted
    double durationSeconds = 5; // measured time after the warm-up
    qint64 maxRequests = 1'000'000;
    int intervalMs = 0; // > 0: each connection sends at most one request per interval (a probe)
    int timeoutMs = 10'000;
};

// Closed-loop load: every connection sends its next request as soon as the previous answer came
// (or, with an interval, paces itself). Bounded by time and by request count; finished() fires
// once every connection is idle, or at the latest timeoutMs after the end of the run.
class HttpLoad : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpLoad)

public:
    explicit HttpLoad(HttpLoadOptions options, QObject *parent = nullptr);
    ~HttpLoad() override;

    void start();
    const LatencyStats &stats() const { return m_stats; }
    // From the end of the warm-up to the last counted answer.
    double measuredSeconds() const;
    // A few distinct failures ("503 {...}", "0 timeout"), for the report.
    const QMap<QByteArray, int> &failureSamples() const { return m_failures; }
    int connectsMade() const;
    // Every request sent, warm-up included.
    qint64 requestsSent() const { return m_sent; }

signals:
    void finished();

private:
    void sendNext(int index);
    void onReply(int index, qint64 micros, int status, const QByteArray &body,
                 const QString &error);
    bool timeLeft() const;
    void finishIfIdle();

    HttpLoadOptions m_options;
    std::vector<std::unique_ptr<HttpConnection>> m_connections;
    std::vector<bool> m_counted; // per connection: its request in flight was sent after warm-up
    QElapsedTimer m_clock;
    LatencyStats m_stats;
    QMap<QByteArray, int> m_failures;
    qint64 m_sent = 0;
    qint64 m_lastCountedNs = 0;
    int m_idle = 0;
    bool m_done = false;
};
