#include "httpload.h"

#include <QTimer>

#include "httpconnection.h"

namespace {
const int kMaxFailureSamples = 5;
}

HttpLoad::HttpLoad(HttpLoadOptions options, QObject *parent)
    : QObject(parent), m_options(std::move(options))
{
    for (int i = 0; i < m_options.connections; ++i) {
        auto connection =
            std::make_unique<HttpConnection>(m_options.host, m_options.port, m_options.timeoutMs);
        connect(connection.get(), &HttpConnection::finished, this,
                [this, i](const HttpConnection::Reply &reply) {
                    onReply(i, reply.micros, reply.status, reply.body, reply.error);
                });
        m_connections.push_back(std::move(connection));
    }
    m_counted.assign(m_connections.size(), false);
}

HttpLoad::~HttpLoad() = default;

void HttpLoad::start()
{
    m_clock.start();
    // The hard stop: answers that never come must not keep the run alive.
    const double runMs = (m_options.warmupSeconds + m_options.durationSeconds) * 1000;
    QTimer::singleShot(int(runMs) + m_options.timeoutMs + 2000, this, [this] {
        if (!m_done) {
            m_done = true;
            emit finished();
        }
    });
    for (int i = 0; i < int(m_connections.size()); ++i)
        sendNext(i);
}

bool HttpLoad::timeLeft() const
{
    const double runNs = (m_options.warmupSeconds + m_options.durationSeconds) * 1e9;
    return m_clock.nsecsElapsed() < qint64(runNs) && m_sent < m_options.maxRequests;
}

void HttpLoad::sendNext(int index)
{
    if (m_done)
        return;
    if (!timeLeft()) {
        ++m_idle;
        return finishIfIdle();
    }
    const QByteArray body = m_options.bodies.isEmpty()
                                ? QByteArray()
                                : m_options.bodies.at(m_sent % m_options.bodies.size());
    ++m_sent;
    m_counted[index] = m_clock.nsecsElapsed() >= qint64(m_options.warmupSeconds * 1e9);
    m_connections[index]->send(m_options.method, m_options.path, body, m_options.bearer);
}

void HttpLoad::onReply(int index, qint64 micros, int status, const QByteArray &body,
                       const QString &error)
{
    const bool ok = status >= 200 && status < 300;
    if (m_counted[index]) {
        m_stats.add(micros, status, ok);
        m_lastCountedNs = m_clock.nsecsElapsed();
    }
    if (!ok) {
        const QByteArray what =
            QByteArray::number(status) + ' ' + (status ? body.left(160) : error.toUtf8());
        if (m_failures.contains(what) || m_failures.size() < kMaxFailureSamples)
            ++m_failures[what];
    }
    if (m_options.intervalMs <= 0)
        return sendNext(index);
    const int wait = qMax(0, m_options.intervalMs - int(micros / 1000));
    QTimer::singleShot(wait, this, [this, index] { sendNext(index); });
}

void HttpLoad::finishIfIdle()
{
    if (m_idle == int(m_connections.size()) && !m_done) {
        m_done = true;
        emit finished();
    }
}

double HttpLoad::measuredSeconds() const
{
    const double end = double(m_lastCountedNs) / 1e9;
    return qMax(0.0, end - m_options.warmupSeconds);
}

int HttpLoad::connectsMade() const
{
    int total = 0;
    for (const auto &connection : m_connections)
        total += connection->connectsMade();
    return total;
}
