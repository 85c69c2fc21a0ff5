#include "core/metrics.h"

namespace Nextup {

void Metrics::observeRequest(const QString &route, int status, qint64 micros)
{
    ++m_requests[{route, status}];
    Histogram &histogram = m_latency[route];
    const double seconds = double(micros) / 1e6;
    for (size_t i = 0; i < kBuckets.size(); ++i) {
        if (seconds <= kBuckets[i])
            ++histogram.counts[i];
    }
    ++histogram.count;
    histogram.sum += seconds;
}

QByteArray Metrics::render() const
{
    QByteArray out;
    out +=
        "# HELP nextup_http_requests_total HTTP requests answered, by route pattern and status.\n"
        "# TYPE nextup_http_requests_total counter\n";
    for (auto it = m_requests.cbegin(); it != m_requests.cend(); ++it)
        out += "nextup_http_requests_total{route=\"" + it.key().first.toUtf8() + "\",status=\"" +
               QByteArray::number(it.key().second) + "\"} " + QByteArray::number(it.value()) + '\n';
    out += "# HELP nextup_http_request_duration_seconds Time from request to answer, by route.\n"
           "# TYPE nextup_http_request_duration_seconds histogram\n";
    for (auto it = m_latency.cbegin(); it != m_latency.cend(); ++it) {
        const QByteArray label = "route=\"" + it.key().toUtf8() + '"';
        for (size_t i = 0; i < kBuckets.size(); ++i)
            out += "nextup_http_request_duration_seconds_bucket{" + label + ",le=\"" +
                   QByteArray::number(kBuckets[i]) + "\"} " + QByteArray::number(it->counts[i]) +
                   '\n';
        out += "nextup_http_request_duration_seconds_bucket{" + label + ",le=\"+Inf\"} " +
               QByteArray::number(it->count) + '\n';
        out += "nextup_http_request_duration_seconds_sum{" + label + "} " +
               QByteArray::number(it->sum) + '\n';
        out += "nextup_http_request_duration_seconds_count{" + label + "} " +
               QByteArray::number(it->count) + '\n';
    }
    for (const auto &source : m_sources)
        out += source();
    return out;
}

} // namespace Nextup
