#pragma once

#include <atomic>

#include <QHash>
#include <QMutex>
#include <QObject>
#include <QSet>
#include <QTimer>

#include "domain/livequeues.h"

namespace Nextup {

class WorkerPool;

// queue_update events (waiting count and ETA per service), sent when they change and coalesced:
// any number of changes within one interval cost one recomputation, so under load a service gets
// at most a few updates a second. markDirty() may be called from any thread.
//
// Clients also move a token in or out of their copy of a line on each token event, so their count
// may differ from what was last sent here: a queue_update computed between a change in Redis and
// the publish of its token event counts the token once, and the event counts it again. A service
// named by a token event is therefore sent on the next two flushes even when its numbers look
// unchanged: the second one covers a publish that Redis ran after the first flush read the counts
// (events are published without waiting for Redis's reply).
class QueueUpdates : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QueueUpdates)

public:
    QueueUpdates(QueueDeps deps, WorkerPool &pool, int intervalMs = 300, QObject *parent = nullptr);

    void markDirty(const QList<int> &touchedServices = {});

private:
    void flush();

    QueueDeps m_deps;
    WorkerPool &m_pool;
    QTimer m_timer;
    std::atomic_bool m_dirty{true};
    std::atomic_bool m_running{false};
    QMutex m_mutex;
    QHash<int, QPair<int, int>> m_lastSent; // service -> (waiting, eta)
    QSet<int> m_touched;                    // services of token events since the last flush
    QSet<int> m_touchedBefore;              // those of the interval before it
};

} // namespace Nextup
