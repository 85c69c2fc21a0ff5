#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTimer>

class QWebSocket;

namespace Nextup {

// Finds WebSocket peers that are gone without saying so (a dead NAT entry, a suspended laptop):
// every intervalMs it pings each watched socket, and reports through dead() a socket that showed
// no sign of life (a pong, or a frame reported through seen()) for longer than deadAfterMs. It
// reports and forgets nothing by itself: the owner closes the socket and calls forget(). Lives on
// the sockets' thread; does not own them.
class Heartbeat : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Heartbeat)

public:
    Heartbeat(int intervalMs, int deadAfterMs, QObject *parent = nullptr);

    // Starts the socket's clock, and restarts it on each of its pongs.
    void watch(QWebSocket *socket);
    // Any other sign of life. A socket not watched (or forgotten) is ignored.
    void seen(QWebSocket *socket);
    void forget(QWebSocket *socket);

signals:
    // Emitted after the round of pings, once per dead socket; the slot may forget() it.
    void dead(QWebSocket *socket);

private:
    void beat();

    int m_deadAfterMs;
    QElapsedTimer m_clock;
    QTimer m_timer;
    QHash<QWebSocket *, qint64> m_lastSeen; // socket -> m_clock time of its last sign of life
};

} // namespace Nextup
