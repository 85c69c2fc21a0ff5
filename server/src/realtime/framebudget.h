#pragma once

#include <QtGlobal>

namespace Nextup {

// One client's allowance of frames (a token bucket): framesPerSecond on average, bursts of twice
// that. Every client frame costs the server an answer, so it is spent before a frame is read; a
// refused frame is answered with rate_limited, and a client refused more than three seconds'
// worth of frames is to be closed (it is not listening). Pure: the caller passes the time, in
// milliseconds of any monotonic clock, so tests drive it. Not thread-safe (one per socket).
class FrameBudget
{
public:
    enum class Verdict
    {
        Pass,   // read the frame
        Refuse, // answer rate_limited
        Close   // close the connection (policy violation)
    };

    FrameBudget(int framesPerSecond, qint64 nowMs);

    Verdict spend(qint64 nowMs);

private:
    int m_framesPerSecond;
    double m_frames;   // the allowance left, refilled continuously up to the burst
    qint64 m_lastMs;   // when m_frames was last refilled
    int m_refused = 0; // over the connection's whole life, never reset
};

} // namespace Nextup
