#include "realtime/framebudget.h"

namespace Nextup {

FrameBudget::FrameBudget(int framesPerSecond, qint64 nowMs)
    : m_framesPerSecond(framesPerSecond), m_frames(framesPerSecond * 2), m_lastMs(nowMs)
{
}

FrameBudget::Verdict FrameBudget::spend(qint64 nowMs)
{
    const double burst = m_framesPerSecond * 2.0;
    m_frames = qMin(burst, m_frames + (nowMs - m_lastMs) / 1000.0 * m_framesPerSecond);
    m_lastMs = nowMs;
    if (m_frames >= 1) {
        m_frames -= 1;
        return Verdict::Pass;
    }
    return ++m_refused > 3 * m_framesPerSecond ? Verdict::Close : Verdict::Refuse;
}

} // namespace Nextup
