#pragma once

#include <QObject>
#include <QTimer>

namespace Nextup {

// Gives memory back to the system after a burst of closed WebSocket connections. glibc's malloc
// keeps what connections freed in its arenas (the top of a heap can only shrink down to the
// highest block still in use), so the server's RSS stayed at its high-water mark after the
// sockets left: bench/README.md ("Memory"). malloc_trim(0) releases the free pages wherever
// they are. It costs a walk of the heap, so it runs once a burst is over (a quiet second after
// the first close counted) and only when at least minReleased connections closed. Lives on the
// hub's thread.
class AllocatorTrim : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AllocatorTrim)

public:
    explicit AllocatorTrim(int minReleased = 100, int delayMs = 1000, QObject *parent = nullptr);

    // One more connection is gone.
    void released();
    // How many times memory was given back (for tests and /metrics).
    quint64 trims() const { return m_trims; }

private:
    void trim();

    int m_minReleased;
    int m_released = 0;
    quint64 m_trims = 0;
    QTimer m_timer;
};

} // namespace Nextup
