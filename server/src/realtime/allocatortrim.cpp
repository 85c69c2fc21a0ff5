#include "realtime/allocatortrim.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace Nextup {

AllocatorTrim::AllocatorTrim(int minReleased, int delayMs, QObject *parent)
    : QObject(parent), m_minReleased(minReleased)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(delayMs);
    connect(&m_timer, &QTimer::timeout, this, &AllocatorTrim::trim);
}

void AllocatorTrim::released()
{
    ++m_released;
    if (!m_timer.isActive())
        m_timer.start();
}

void AllocatorTrim::trim()
{
    if (m_released < m_minReleased) {
        // Too few to be worth a walk of the heap; they count towards the next burst's.
        return;
    }
    m_released = 0;
    ++m_trims;
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
}

} // namespace Nextup
