#include "realtime/hubmetrics.h"

#include <QLatin1String>

#include "nextup/wire/enums.h"

namespace Nextup {

void HubMetrics::observeFanout(qint64 nanoseconds)
{
    const double seconds = double(nanoseconds) / 1e9;
    for (size_t i = 0; i < kFanoutBuckets.size(); ++i) {
        if (seconds <= kFanoutBuckets[i])
            ++fanoutCounts[i];
    }
    ++fanoutCount;
    fanoutSum += seconds;
}

QByteArray HubMetrics::fanoutText() const
{
    QByteArray out;
    out += "# HELP nextup_ws_fanout_seconds An event read from Redis until the last of its frames "
           "was handed to the kernel.\n# TYPE nextup_ws_fanout_seconds histogram\n";
    for (size_t i = 0; i < kFanoutBuckets.size(); ++i)
        out += "nextup_ws_fanout_seconds_bucket{le=\"" + QByteArray::number(kFanoutBuckets[i]) +
               "\"} " + QByteArray::number(fanoutCounts[i]) + '\n';
    out += "nextup_ws_fanout_seconds_bucket{le=\"+Inf\"} " + QByteArray::number(fanoutCount) +
           "\nnextup_ws_fanout_seconds_sum " + QByteArray::number(fanoutSum) +
           "\nnextup_ws_fanout_seconds_count " + QByteArray::number(fanoutCount) + '\n';
    return out;
}

QByteArray HubMetrics::text(qsizetype connections, const QHash<QString, int> &subscriptionsByKind,
                            qint64 lastSeq) const
{
    QByteArray out = "# HELP nextup_ws_connections Open WebSocket connections on this instance.\n"
                     "# TYPE nextup_ws_connections gauge\nnextup_ws_connections " +
                     QByteArray::number(qulonglong(connections)) + '\n';
    out += "# HELP nextup_ws_subscriptions Room subscriptions by room kind.\n# TYPE "
           "nextup_ws_subscriptions gauge\n";
    for (Wire::RoomKind kind : Wire::allValues<Wire::RoomKind>()) {
        const QLatin1StringView name = Wire::toString(kind);
        out += "nextup_ws_subscriptions{kind=\"" + QByteArray(name.data(), name.size()) + "\"} " +
               QByteArray::number(subscriptionsByKind.value(name)) + '\n';
    }
    out += "# TYPE nextup_ws_events_sent_total counter\nnextup_ws_events_sent_total " +
           QByteArray::number(eventsSent) + '\n';
    out += "# TYPE nextup_ws_dropped_slow_consumers_total "
           "counter\nnextup_ws_dropped_slow_consumers_total " +
           QByteArray::number(droppedSlow) + '\n';
    out +=
        "# TYPE nextup_ws_dropped_dead_peers_total counter\nnextup_ws_dropped_dead_peers_total " +
        QByteArray::number(droppedDead) + '\n';
    out += "# TYPE nextup_ws_bad_frames_total counter\nnextup_ws_bad_frames_total " +
           QByteArray::number(badFrames) + '\n';
    out +=
        "# TYPE nextup_ws_last_seq gauge\nnextup_ws_last_seq " + QByteArray::number(lastSeq) + '\n';
    return out;
}

} // namespace Nextup
