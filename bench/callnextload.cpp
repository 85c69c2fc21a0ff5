#include "callnextload.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include "httpconnection.h"

namespace {
const int kMaxErrorsPerClient = 50;
const int kRetryDelayMs = 10;
const int kMaxFailureSamples = 5;

QString errorCode(const QByteArray &body)
{
    return QJsonDocument::fromJson(body)
        .object()
        .value(u"error")
        .toObject()
        .value(u"code")
        .toString();
}
} // namespace

CallNextLoad::CallNextLoad(CallNextOptions options, QObject *parent)
    : QObject(parent), m_options(std::move(options))
{
    for (const int counterId : std::as_const(m_options.counters)) {
        auto client = std::make_unique<Client>();
        client->counterId = counterId;
        client->connection =
            std::make_unique<HttpConnection>(m_options.host, m_options.port, m_options.timeoutMs);
        Client *raw = client.get();
        connect(raw->connection.get(), &HttpConnection::finished, this,
                [this, raw](const HttpConnection::Reply &reply) {
                    onReply(*raw, reply.micros, reply.status, reply.body, reply.error);
                });
        m_clients.push_back(std::move(client));
    }
}

CallNextLoad::~CallNextLoad() = default;

void CallNextLoad::start()
{
    m_clock.start();
    const double runMs = (m_options.warmupSeconds + m_options.durationSeconds) * 1000;
    // Hard stop: a client stuck on an answer that never comes must not keep the run alive.
    QTimer::singleShot(int(runMs) + 3 * m_options.timeoutMs + 2000, this, [this] {
        if (!m_done) {
            m_done = true;
            emit finished();
        }
    });
    if (m_clients.empty()) {
        m_done = true;
        return QTimer::singleShot(0, this, &CallNextLoad::finished);
    }
    for (std::size_t i = 0; i < m_clients.size(); ++i) {
        Client *client = m_clients[i].get();
        const int offset = int(m_options.intervalMs * qint64(i) / qint64(m_clients.size()));
        QTimer::singleShot(offset, this, [this, client] { send(*client, Step::Call); });
    }
}

bool CallNextLoad::timeLeft(const Client &client) const
{
    const double runNs = (m_options.warmupSeconds + m_options.durationSeconds) * 1e9;
    return m_clock.nsecsElapsed() < qint64(runNs) && client.calls < m_options.maxCallsPerCounter;
}

void CallNextLoad::send(Client &client, Step step)
{
    if (m_done)
        return;
    static const char *const kActions[] = {"call", "serve", "complete"};
    client.step = step;
    if (step == Step::Call)
        client.callStartedNs = m_clock.nsecsElapsed();
    client.counted = m_clock.nsecsElapsed() >= qint64(m_options.warmupSeconds * 1e9);
    const QByteArray path =
        "/api/counters/" + QByteArray::number(client.counterId) + '/' + kActions[int(step)];
    client.connection->send("POST", path, "{}", m_options.bearer);
}

void CallNextLoad::onReply(Client &client, qint64 micros, int status, const QByteArray &body,
                           const QString &error)
{
    LatencyStats &stats = client.step == Step::Call    ? m_call
                          : client.step == Step::Serve ? m_serve
                                                       : m_complete;
    const bool queueEmpty =
        client.step == Step::Call && status == 409 && errorCode(body) == u"queue_empty";
    if (client.counted && !queueEmpty) {
        stats.add(micros, status, status == 200);
        m_lastCountedNs = m_clock.nsecsElapsed();
    }
    if (client.step == Step::Call)
        return afterCall(client, status, body);
    if (status != 200)
        return retryOrStop(client, status, body, error);
    if (client.step == Step::Serve)
        return send(client, Step::Complete);
    // Completed: the counter is free again.
    if (!timeLeft(client))
        return stop(client);
    callAfterPause(client);
}

void CallNextLoad::callAfterPause(Client &client)
{
    const qint64 sinceCallMs = (m_clock.nsecsElapsed() - client.callStartedNs) / 1'000'000;
    const qint64 pause = qMax<qint64>(0, m_options.intervalMs - sinceCallMs);
    if (pause == 0)
        return send(client, Step::Call);
    Client *raw = &client;
    QTimer::singleShot(int(pause), this, [this, raw] { send(*raw, Step::Call); });
}

void CallNextLoad::afterCall(Client &client, int status, const QByteArray &body)
{
    if (status == 200) {
        ++client.calls;
        return send(client, Step::Serve);
    }
    const QString code = status == 409 ? errorCode(body) : QString();
    if (code == u"invalid_state")
        return send(client, Step::Serve); // a called token left from before: finish it first
    if (code == u"queue_empty") {
        ++m_emptyQueues;
        return stop(client);
    }
    retryOrStop(client, status, body, {});
}

void CallNextLoad::retryOrStop(Client &client, int status, const QByteArray &body,
                               const QString &error)
{
    const QByteArray what =
        QByteArray::number(status) + ' ' + (status ? body.left(160) : error.toUtf8());
    if (m_failures.contains(what) || m_failures.size() < kMaxFailureSamples)
        ++m_failures[what];
    if (++client.errors >= kMaxErrorsPerClient || !timeLeft(client))
        return stop(client);
    Client *raw = &client;
    QTimer::singleShot(kRetryDelayMs, this, [this, raw] { send(*raw, Step::Call); });
}

void CallNextLoad::stop(Client &client)
{
    if (client.done)
        return;
    client.done = true;
    if (++m_stopped == int(m_clients.size()) && !m_done) {
        m_done = true;
        emit finished();
    }
}

double CallNextLoad::measuredSeconds() const
{
    return qMax(0.0, double(m_lastCountedNs) / 1e9 - m_options.warmupSeconds);
}
