#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>

namespace Nextup {

// The WebSocket hub's series for GET /metrics (Prometheus text): the counters it bumps as things
// happen, and text() for them with the gauges it measures at that moment. Series names, HELP and
// TYPE lines are what dashboards and tests read: change none without them. One thread.
struct HubMetrics
{
    quint64 eventsSent = 0;
    quint64 droppedSlow = 0; // slow consumers aborted
    quint64 droppedDead = 0; // peers that stopped answering pings
    quint64 badFrames = 0;   // client frames that could not be read (FrameError::malformed)

    // subscriptionsByKind: memberships by Room::kindName(); kinds without any are written as 0.
    QByteArray text(qsizetype connections, const QHash<QString, int> &subscriptionsByKind,
                    qint64 lastSeq) const;
};

} // namespace Nextup
