#pragma once

#include <vector>

#include <QByteArray>
#include <QMap>
#include <QString>
#include <QtGlobal>

// Latencies of one kind of request, kept whole (a bounded run holds at most a few hundred
// thousand samples), so percentiles are exact rather than estimated from buckets.
class LatencyStats
{
public:
    // micros: the request's latency; status: its HTTP status, 0 for no answer (timeout, reset).
    void add(qint64 micros, int status, bool ok);

    qsizetype count() const { return qsizetype(m_micros.size()); }
    qsizetype okCount() const { return m_ok; }
    qsizetype errorCount() const { return count() - m_ok; }
    // Nearest-rank percentile in milliseconds, 0 when empty; p in [0, 100].
    double percentileMs(double p) const;
    double maxMs() const { return percentileMs(100); }
    // Samples slower than thresholdMs.
    qsizetype slowerThan(double thresholdMs) const;
    // "201:1234,409:2"
    QByteArray statusSummary() const;

    // One machine-readable line, parsed by bench/run.sh:
    // RESULT label=<label> requests=N ok=N errors=N rps=X p50_ms=X p90_ms=X p99_ms=X max_ms=X
    // statuses=201:N,...
    QByteArray resultLine(const QString &label, double seconds) const;

private:
    void sortIfNeeded() const;

    mutable std::vector<qint64> m_micros;
    mutable bool m_sorted = true;
    qsizetype m_ok = 0;
    QMap<int, qsizetype> m_statuses;
};
