#pragma once

#include <chrono>
#include <functional>

namespace Nextup::Console {

struct BackoffPolicy
{
    std::chrono::milliseconds first{1000};
    std::chrono::milliseconds cap{30'000};
    double factor = 2.0;
    double jitter = 0.1; // ±10 %; a jittered wait never exceeds the cap
};

// The waits between attempts to reach a server that does not answer: first, then doubling up to a
// cap, each scaled by 1 ± jitter at random so that a floor of consoles restarted together (a power
// cut, a server update) do not all knock at the same instant. A value without Qt or timers, so
// that its arithmetic is tested on its own; ServerProbe does the waiting.
class Backoff
{
public:
    using Policy = BackoffPolicy;
    // random() gives a number in [0, 1); the default is QRandomGenerator::global().
    explicit Backoff(Policy policy = {}, std::function<double()> random = {});

    // The wait before the next attempt; every call grows the next one.
    std::chrono::milliseconds next();
    // Back to the first wait (the server answered).
    void reset() { m_failures = 0; }
    // How many waits were handed out since the last reset.
    int failures() const { return m_failures; }
    const Policy &policy() const { return m_policy; }

private:
    Policy m_policy;
    std::function<double()> m_random;
    int m_failures = 0;
};

} // namespace Nextup::Console
