#pragma once

#include <array>
#include <functional>

#include <QByteArray>
#include <QHash>
#include <QString>

namespace Nextup {

// Request counters and latency histograms per route, in Prometheus text format. Lives on the
// HTTP thread (HttpServer's observer and the /metrics route both run there), so no locking.
class Metrics
{
public:
    void observeRequest(const QString &route, int status, qint64 micros);
    QByteArray render() const;
    // More text appended to render(): gauges owned by other parts (WebSocket hub, queues).
    void addSource(std::function<QByteArray()> source) { m_sources.append(std::move(source)); }

private:
    static constexpr std::array<double, 10> kBuckets{0.0005, 0.001, 0.0025, 0.005, 0.01,
                                                     0.025,  0.05,  0.1,    0.5,   2.5};
    struct Histogram
    {
        std::array<quint64, kBuckets.size()> counts{};
        quint64 count = 0;
        double sum = 0;
    };
    QHash<QPair<QString, int>, quint64> m_requests; // (route, status) -> count
    QHash<QString, Histogram> m_latency;
    QList<std::function<QByteArray()>> m_sources;
};

} // namespace Nextup
