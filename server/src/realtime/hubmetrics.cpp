#include "realtime/hubmetrics.h"

#include <QLatin1String>

#include "nextup/wire/enums.h"

namespace Nextup {

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
