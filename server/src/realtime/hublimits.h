#pragma once

#include <QtGlobal>

namespace Nextup {

// The WebSocket hub's limits, read from the configuration (app/config.cpp). Defaults are part of
// the wire contract: clients learn heartbeatMs from the hello frame.
struct HubLimits
{
    qint64 maxIncomingMessageBytes = qint64{16} * 1024;
    qint64 maxBufferedBytes =
        qint64{1024} * 1024; // a client whose send buffer passes this is dropped
    int maxRoomsPerClient = 64;
    int framesPerSecond = 20; // client frames, averaged; bursts of twice that pass
    int heartbeatMs = 15'000; // WebSocket ping interval
    int deadAfterMs = 45'000; // no pong or frame for this long: dropped
};

} // namespace Nextup
