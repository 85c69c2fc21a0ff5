#pragma once

#include "domain/queuestate.h"

#include <QHash>
#include <QMutex>
#include <QObject>
#include <QTimer>

#include <atomic>

class WorkerPool;

// queue_update events (waiting count and ETA per service), sent when they change and coalesced:
// any number of changes within one interval cost one recomputation, so under load a service gets
// at most a few updates a second. markDirty() may be called from any thread.
class QueueUpdates : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QueueUpdates)

public:
    QueueUpdates(QueueDeps deps, WorkerPool &pool, int intervalMs = 300, QObject *parent = nullptr);

    void markDirty() { m_dirty = true; }

private:
    void flush();

    QueueDeps m_deps;
    WorkerPool &m_pool;
    QTimer m_timer;
    std::atomic_bool m_dirty{true};
    std::atomic_bool m_running{false};
    QMutex m_mutex;
    QHash<int, QPair<int, int>> m_lastSent; // service -> (waiting, eta)
};
