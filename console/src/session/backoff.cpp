#include "session/backoff.h"

#include <algorithm>
#include <cmath>

#include <QRandomGenerator>

namespace Nextup::Console {

Backoff::Backoff(Policy policy, std::function<double()> random)
    : m_policy(policy), m_random(std::move(random))
{
    if (!m_random)
        m_random = [] { return QRandomGenerator::global()->generateDouble(); };
}

std::chrono::milliseconds Backoff::next()
{
    const double cap = double(m_policy.cap.count());
    // Past the cap the exponent no longer matters; bounding it keeps pow() finite.
    const int exponent = std::min(m_failures, 30);
    const double base =
        std::min(cap, double(m_policy.first.count()) * std::pow(m_policy.factor, exponent));
    const double spread = (m_random() * 2.0 - 1.0) * m_policy.jitter;
    ++m_failures;
    return std::chrono::milliseconds(std::llround(std::clamp(base * (1.0 + spread), 1.0, cap)));
}

} // namespace Nextup::Console
