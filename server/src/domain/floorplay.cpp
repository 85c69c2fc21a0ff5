#include "domain/floorplay.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

namespace Nextup {

namespace {
double normalCdf(double x)
{
    return 0.5 * std::erfc(-x / std::sqrt(2.0));
}

// Acklam's rational approximation of the normal quantile (relative error below 1.2e-9).
double normalQuantile(double p)
{
    static const double a[] = {-3.969683028665376e+01, 2.209460984245205e+02,
                               -2.759285104469687e+02, 1.383577518672690e+02,
                               -3.066479806614716e+01, 2.506628277459239e+00};
    static const double b[] = {-5.447609879822406e+01, 1.615858368580409e+02,
                               -1.556989798598866e+02, 6.680131188771972e+01,
                               -1.328068155288572e+01};
    static const double c[] = {-7.784894002430293e-03, -3.223964580411365e-01,
                               -2.400758277161838e+00, -2.549732539343734e+00,
                               4.374664141464968e+00,  2.938163982698783e+00};
    static const double d[] = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
                               3.754408661907416e+00};
    const auto tail = [](double q) {
        return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
               ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    };
    if (p < 0.02425)
        return tail(std::sqrt(-2 * std::log(p)));
    if (p > 1 - 0.02425)
        return -tail(std::sqrt(-2 * std::log(1 - p)));
    const double q = p - 0.5;
    const double r = q * q;
    return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
           (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}
} // namespace

// Uniform numbers from a fixed seed (64-bit Mersenne Twister, the same on every platform) and
// counter times drawn from them: lognormal with the service's mean and spread, or exactly the
// mean when nothing was measured.
class FloorPlay::Draws
{
public:
    double uniform() { return std::clamp(double(m_rng() >> 11) * 0x1.0p-53, 1e-12, 1 - 1e-12); }
    bool happens(double chance) { return chance >= 1 || uniform() < chance; }
    double time(const WaitModel::CounterTime &t)
    {
        if (!t.measured)
            return t.mean;
        return std::exp(mu(t) + t.spread * normalQuantile(uniform()));
    }
    // What a customer `elapsed` seconds at the counter still takes: a time drawn above it.
    double left(const WaitModel::CounterTime &t, double elapsed)
    {
        if (!t.measured)
            return t.left(elapsed);
        if (elapsed <= 0)
            return time(t);
        const double below = normalCdf((std::log(elapsed) - mu(t)) / t.spread);
        const double u = std::clamp(below + (1 - below) * uniform(), 1e-12, 1 - 1e-12);
        return std::max(0.0, std::exp(mu(t) + t.spread * normalQuantile(u)) - elapsed);
    }

private:
    static double mu(const WaitModel::CounterTime &t)
    {
        return std::log(t.mean) - t.spread * t.spread / 2;
    }

    std::mt19937_64 m_rng{0x6e65787475700015ULL};
};

const QMap<int, QList<int>> &FloorPlay::arrange()
{
    m_queues.clear();
    for (int i = 0; i < m_entries.size(); ++i)
        m_queues[m_entries.at(i).queue].append(i);
    for (QList<int> &queue : m_queues) {
        std::sort(queue.begin(), queue.end(),
                  [this](int a, int b) { return m_entries.at(a).before(m_entries.at(b)); });
    }
    return m_queues;
}

WaitModel::CounterTime FloorPlay::timeOf(int serviceId) const
{
    return m_times.value(serviceId, WaitModel::CounterTime{WaitModel::kUnknownServiceSeconds});
}

QList<double> FloorPlay::callTimes(int plays) const
{
    bool random = std::any_of(m_times.cbegin(), m_times.cend(),
                              [](const WaitModel::CounterTime &t) { return t.measured; });
    random = random || std::any_of(m_entries.cbegin(), m_entries.cend(),
                                   [](const Entry &e) { return e.chance < 1; });
    plays = random ? qMax(1, plays) : 1;
    QList<QList<double>> calls(m_entries.size());
    Draws draws;
    QList<double> calledAt;
    for (int i = 0; i < plays; ++i) {
        play(draws, calledAt);
        for (qsizetype e = 0; e < m_entries.size(); ++e) {
            if (m_entries.at(e).asked)
                calls[e].append(calledAt.at(e));
        }
    }
    QList<double> median(m_entries.size(), std::numeric_limits<double>::quiet_NaN());
    for (qsizetype e = 0; e < m_entries.size(); ++e) {
        QList<double> &times = calls[e];
        if (times.isEmpty())
            continue;
        const auto middle = times.begin() + times.size() / 2;
        std::nth_element(times.begin(), middle, times.end());
        if (std::isfinite(*middle))
            median[e] = *middle;
    }
    return median;
}

// One play: the counters take the best present entry of their queues, the one free soonest
// first, until every asked entry is called or no counter can take anything more.
void FloorPlay::play(Draws &draws, QList<double> &calledAt) const
{
    const double never = std::numeric_limits<double>::infinity();
    calledAt.fill(never, m_entries.size());
    QList<bool> gone(m_entries.size()); // taken, or never came
    qsizetype asked = 0;
    for (qsizetype e = 0; e < m_entries.size(); ++e) {
        gone[e] = !draws.happens(m_entries.at(e).chance);
        asked += m_entries.at(e).asked && !gone.at(e) ? 1 : 0;
    }
    QList<double> freeAt;
    for (const Desk &desk : m_desks) {
        freeAt.append(desk.freeAt +
                      (desk.currentService > 0
                           ? draws.left(timeOf(desk.currentService), desk.currentElapsed)
                           : 0));
    }
    QList<bool> retired(m_desks.size(), false);
    QList<qsizetype> nextAway(m_desks.size(), 0); // each desk's first break not yet due
    while (asked > 0) {
        qsizetype d = -1;
        for (qsizetype i = 0; i < m_desks.size(); ++i) {
            if (!retired.at(i) && (d < 0 || freeAt.at(i) < freeAt.at(d)))
                d = i;
        }
        if (d < 0)
            return;
        const double now = freeAt.at(d);
        const QList<Desk::Away> &away = m_desks.at(d).away;
        if (nextAway.at(d) < away.size() && away.at(nextAway.at(d)).from <= now) {
            // Free now with breaks due: the longest of them is taken, a closing closes.
            double longest = 0;
            for (; nextAway.at(d) < away.size() && away.at(nextAway.at(d)).from <= now;
                 ++nextAway[d])
                longest = std::max(longest, away.at(nextAway.at(d)).seconds);
            if (!std::isfinite(longest)) {
                retired[d] = true;
                continue;
            }
            freeAt[d] = now + longest;
            // Breaks that would begin during this one are not taken; a closing still is.
            while (nextAway.at(d) < away.size() && away.at(nextAway.at(d)).from < freeAt.at(d) &&
                   std::isfinite(away.at(nextAway.at(d)).seconds))
                ++nextAway[d];
            continue;
        }
        const double nextBreak =
            nextAway.at(d) < away.size() ? away.at(nextAway.at(d)).from : never;
        qsizetype best = -1;
        double nextEnter = never;
        for (int queue : m_desks.at(d).queues) {
            for (int index : m_queues.value(queue)) {
                if (gone.at(index))
                    continue;
                const Entry &entry = m_entries.at(index);
                if (entry.enterAt > now) {
                    nextEnter = std::min(nextEnter, entry.enterAt);
                    continue;
                }
                if (best < 0 || entry.before(m_entries.at(best)))
                    best = index;
                break; // the queue is in call order: its first present entry is its best
            }
        }
        if (best >= 0) {
            const Entry &entry = m_entries.at(best);
            gone[best] = true;
            if (entry.asked) {
                calledAt[best] = now;
                --asked;
            }
            if (!entry.joiner)
                freeAt[d] = now + draws.time(timeOf(entry.serviceId));
        } else if (std::min(nextEnter, nextBreak) < never) {
            freeAt[d] = std::min(nextEnter, nextBreak); // idle until a token comes or a break
        } else {
            retired[d] = true;
        }
    }
}

} // namespace Nextup
