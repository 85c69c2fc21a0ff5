#include "latencystats.h"

#include <algorithm>
#include <cmath>

void LatencyStats::add(qint64 micros, int status, bool ok)
{
    m_micros.push_back(micros);
    m_sorted = false;
    if (ok)
        ++m_ok;
    ++m_statuses[status];
}

void LatencyStats::sortIfNeeded() const
{
    if (!m_sorted) {
        std::sort(m_micros.begin(), m_micros.end());
        m_sorted = true;
    }
}

double LatencyStats::percentileMs(double p) const
{
    if (m_micros.empty())
        return 0;
    sortIfNeeded();
    const auto n = m_micros.size();
    // Nearest rank: the smallest sample with at least p% of the samples at or below it.
    auto rank = std::size_t(std::ceil(p / 100.0 * double(n)));
    rank = std::clamp<std::size_t>(rank, 1, n);
    return double(m_micros[rank - 1]) / 1000.0;
}

qsizetype LatencyStats::slowerThan(double thresholdMs) const
{
    const auto limit = qint64(thresholdMs * 1000);
    return std::count_if(m_micros.begin(), m_micros.end(),
                         [limit](qint64 us) { return us > limit; });
}

QByteArray LatencyStats::statusSummary() const
{
    QByteArrayList parts;
    for (auto it = m_statuses.cbegin(); it != m_statuses.cend(); ++it)
        parts.append(QByteArray::number(it.key()) + ':' + QByteArray::number(it.value()));
    return parts.isEmpty() ? QByteArray("none") : parts.join(',');
}

QByteArray LatencyStats::resultLine(const QString &label, double seconds) const
{
    const double rate = seconds > 0 ? double(m_ok) / seconds : 0;
    auto ms = [](double v) { return QByteArray::number(v, 'f', 3); };
    return "RESULT label=" + label.toUtf8() + " requests=" + QByteArray::number(count()) +
           " ok=" + QByteArray::number(m_ok) + " errors=" + QByteArray::number(errorCount()) +
           " rps=" + QByteArray::number(rate, 'f', 1) + " p50_ms=" + ms(percentileMs(50)) +
           " p90_ms=" + ms(percentileMs(90)) + " p99_ms=" + ms(percentileMs(99)) +
           " max_ms=" + ms(maxMs()) + " seconds=" + QByteArray::number(seconds, 'f', 2) +
           " statuses=" + statusSummary();
}
