#pragma once

#include <array>
#include <chrono>

#include <QByteArray>
#include <QHash>
#include <QString>

namespace Nextup {

// Now on std::chrono::steady_clock, in nanoseconds: comparable across threads.
inline qint64 steadyNowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

// The WebSocket hub's series for GET /metrics (Prometheus text): the counters it bumps as things
// happen, and text() for them with the gauges it measures at that moment. Series names, HELP and
// TYPE lines are what dashboards and tests read: change none without them. One thread.
struct HubMetrics
{
    quint64 eventsSent = 0;
    quint64 droppedSlow = 0; // slow consumers aborted
    quint64 droppedDead = 0; // peers that stopped answering pings
    quint64 badFrames = 0;   // client frames that could not be read (FrameError::malformed)

    // nextup_ws_fanout_seconds: an event read from Redis -> the last of its frames handed to the
    // kernel (or queued behind a socket's unsent bytes), for events with at least one receiver.
    static constexpr std::array<double, 13> kFanoutBuckets{
        0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5};
    std::array<quint64, kFanoutBuckets.size()> fanoutCounts{}; // cumulative, as written
    quint64 fanoutCount = 0;
    double fanoutSum = 0;
    void observeFanout(qint64 nanoseconds);
    QByteArray fanoutText() const;

    // subscriptionsByKind: memberships by Room::kindName(); kinds without any are written as 0.
    QByteArray text(qsizetype connections, const QHash<QString, int> &subscriptionsByKind,
                    qint64 lastSeq) const;
};

} // namespace Nextup
