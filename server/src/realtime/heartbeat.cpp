#include "realtime/heartbeat.h"

#include <QList>
#include <QWebSocket>

namespace Nextup {

Heartbeat::Heartbeat(int intervalMs, int deadAfterMs, QObject *parent)
    : QObject(parent), m_deadAfterMs(deadAfterMs)
{
    m_clock.start();
    m_timer.setInterval(intervalMs);
    connect(&m_timer, &QTimer::timeout, this, &Heartbeat::beat);
    m_timer.start();
}

void Heartbeat::watch(QWebSocket *socket)
{
    m_lastSeen.insert(socket, m_clock.elapsed());
    connect(socket, &QWebSocket::pong, this, [this, socket] { seen(socket); });
}

void Heartbeat::seen(QWebSocket *socket)
{
    if (const auto it = m_lastSeen.find(socket); it != m_lastSeen.end())
        *it = m_clock.elapsed();
}

void Heartbeat::forget(QWebSocket *socket)
{
    if (m_lastSeen.remove(socket))
        socket->disconnect(this);
}

void Heartbeat::beat()
{
    const qint64 now = m_clock.elapsed();
    QList<QWebSocket *> gone;
    for (auto it = m_lastSeen.cbegin(); it != m_lastSeen.cend(); ++it) {
        if (now - it.value() > m_deadAfterMs)
            gone.append(it.key());
        else
            it.key()->ping();
    }
    for (QWebSocket *socket : std::as_const(gone))
        emit dead(socket);
}

} // namespace Nextup
