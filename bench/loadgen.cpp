// nextup-loadgen: the load generator of bench/run.sh. It prints numbers and never judges them:
//
//   nextup-loadgen http --port P [--method POST --path /api/tokens --body JSON ...]
//                       [--connections 64] [--warmup 1] [--duration 10] [--interval-ms 20]
//   nextup-loadgen callnext --port P --bearer TOKEN --counters 1,2,3 [--duration 10]
//                           [--interval-ms 100]
//
// Each run ends with "RESULT label=... rps=... p50_ms=... p99_ms=..." lines (see LatencyStats)
// that run.sh reads. Only 127.0.0.1 is ever contacted.
#include <cstdio>

#include <sys/resource.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include "callnextload.h"
#include "httpload.h"

namespace {

void printLine(const QByteArray &line)
{
    std::fputs(line.constData(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

void printFailures(const QString &label, const QMap<QByteArray, int> &failures)
{
    for (auto it = failures.cbegin(); it != failures.cend(); ++it)
        std::fprintf(stderr, "%s: %d x %s\n", qPrintable(label), it.value(), it.key().constData());
}

void addOptions(QCommandLineParser &parser)
{
    parser.addPositionalArgument(QStringLiteral("mode"), QStringLiteral("http | callnext"));
    const QList<QCommandLineOption> options{
        {QStringLiteral("port"), QStringLiteral("Server port on 127.0.0.1."),
         QStringLiteral("port")},
        {QStringLiteral("label"), QStringLiteral("Name in the RESULT line."),
         QStringLiteral("label")},
        {QStringLiteral("method"), QStringLiteral("HTTP method (GET)."), QStringLiteral("method")},
        {QStringLiteral("path"), QStringLiteral("Request path (/healthz)."),
         QStringLiteral("path")},
        {QStringLiteral("body"), QStringLiteral("Request body; repeat to rotate."),
         QStringLiteral("json")},
        {QStringLiteral("bearer"), QStringLiteral("Access token."), QStringLiteral("token")},
        {QStringLiteral("connections"), QStringLiteral("Concurrent connections (1)."),
         QStringLiteral("n")},
        {QStringLiteral("warmup"), QStringLiteral("Uncounted seconds first (0)."),
         QStringLiteral("s")},
        {QStringLiteral("duration"), QStringLiteral("Counted seconds (5)."), QStringLiteral("s")},
        {QStringLiteral("max-requests"), QStringLiteral("Request cap (1000000)."),
         QStringLiteral("n")},
        {QStringLiteral("interval-ms"),
         QStringLiteral("Pace per connection or counter (0 = none)."), QStringLiteral("ms")},
        {QStringLiteral("timeout-ms"), QStringLiteral("Per-request timeout (10000)."),
         QStringLiteral("ms")},
        {QStringLiteral("counters"), QStringLiteral("callnext: counter ids, comma-separated."),
         QStringLiteral("ids")},
    };
    parser.addOptions(options);
    parser.addHelpOption();
}

double number(const QCommandLineParser &parser, const QString &name, double fallback)
{
    bool ok = false;
    const double value = parser.value(name).toDouble(&ok);
    return parser.isSet(name) && ok ? value : fallback;
}

// User + system CPU time of this process so far.
double ownCpuMicros()
{
    rusage usage{};
    ::getrusage(RUSAGE_SELF, &usage);
    auto micros = [](const timeval &t) { return t.tv_sec * 1e6 + t.tv_usec; };
    return micros(usage.ru_utime) + micros(usage.ru_stime);
}

int runHttp(QCoreApplication &app, const QCommandLineParser &parser)
{
    HttpLoadOptions options;
    options.port = quint16(number(parser, QStringLiteral("port"), 0));
    if (parser.isSet(QStringLiteral("method")))
        options.method = parser.value(QStringLiteral("method")).toLatin1();
    if (parser.isSet(QStringLiteral("path")))
        options.path = parser.value(QStringLiteral("path")).toLatin1();
    for (const QString &body : parser.values(QStringLiteral("body")))
        options.bodies.append(body.toUtf8());
    options.bearer = parser.value(QStringLiteral("bearer")).toLatin1();
    options.connections = qBound(1, int(number(parser, QStringLiteral("connections"), 1)), 1000);
    options.warmupSeconds = number(parser, QStringLiteral("warmup"), 0);
    options.durationSeconds = qBound(0.1, number(parser, QStringLiteral("duration"), 5), 300.0);
    options.maxRequests = qint64(number(parser, QStringLiteral("max-requests"), 1'000'000));
    options.intervalMs = int(number(parser, QStringLiteral("interval-ms"), 0));
    options.timeoutMs = int(number(parser, QStringLiteral("timeout-ms"), 10'000));
    const QString label = parser.value(QStringLiteral("label")).isEmpty()
                              ? QString::fromLatin1(options.path)
                              : parser.value(QStringLiteral("label"));

    HttpLoad load(options);
    QObject::connect(&load, &HttpLoad::finished, &app, &QCoreApplication::quit);
    load.start();
    app.exec();
    const LatencyStats &stats = load.stats();
    // The load generator shares the machine's cores with what it measures: its own CPU per
    // request (warm-up included) says how much of the machine it took.
    const double cpuUsPerRequest = ownCpuMicros() / double(qMax<qint64>(1, load.requestsSent()));
    std::printf("%s: %lld requests on %d connections (%d connects), %.1f ok/s, p50 %.2f ms, "
                "p90 %.2f ms, p99 %.2f ms, max %.2f ms, errors %lld; load generator CPU %.0f us "
                "per request\n",
                qPrintable(label), qint64(stats.count()), options.connections, load.connectsMade(),
                stats.okCount() / qMax(1e-9, load.measuredSeconds()), stats.percentileMs(50),
                stats.percentileMs(90), stats.percentileMs(99), stats.maxMs(),
                qint64(stats.errorCount()), cpuUsPerRequest);
    printLine(stats.resultLine(label, load.measuredSeconds()) +
              " slow_over_1s=" + QByteArray::number(stats.slowerThan(1000)) +
              " loadgen_cpu_us=" + QByteArray::number(qRound(cpuUsPerRequest)));
    printFailures(label, load.failureSamples());
    return 0;
}

int runCallNext(QCoreApplication &app, const QCommandLineParser &parser)
{
    CallNextOptions options;
    options.port = quint16(number(parser, QStringLiteral("port"), 0));
    options.bearer = parser.value(QStringLiteral("bearer")).toLatin1();
    for (const QString &id :
         parser.value(QStringLiteral("counters")).split(u',', Qt::SkipEmptyParts))
        options.counters.append(id.toInt());
    options.warmupSeconds = number(parser, QStringLiteral("warmup"), 1);
    options.durationSeconds = qBound(0.1, number(parser, QStringLiteral("duration"), 10), 300.0);
    options.maxCallsPerCounter = qint64(number(parser, QStringLiteral("max-requests"), 100'000));
    options.timeoutMs = int(number(parser, QStringLiteral("timeout-ms"), 10'000));
    options.intervalMs = int(number(parser, QStringLiteral("interval-ms"), 0));
    const QString label = parser.value(QStringLiteral("label")).isEmpty()
                              ? QStringLiteral("callnext")
                              : parser.value(QStringLiteral("label"));

    CallNextLoad load(options);
    QObject::connect(&load, &CallNextLoad::finished, &app, &QCoreApplication::quit);
    load.start();
    app.exec();
    const double seconds = load.measuredSeconds();
    const LatencyStats &call = load.callStats();
    std::printf("%s: %lld calls on %lld counters, %.1f calls/s, call p50 %.2f ms, p90 %.2f ms, "
                "p99 %.2f ms, max %.2f ms, errors %lld, queues emptied %d; serve p99 %.2f ms, "
                "complete p99 %.2f ms\n",
                qPrintable(label), qint64(call.count()), qint64(options.counters.size()),
                call.okCount() / qMax(1e-9, seconds), call.percentileMs(50), call.percentileMs(90),
                call.percentileMs(99), call.maxMs(), qint64(call.errorCount()), load.emptyQueues(),
                load.serveStats().percentileMs(99), load.completeStats().percentileMs(99));
    printLine(call.resultLine(label, seconds) +
              " queue_empty=" + QByteArray::number(load.emptyQueues()));
    printLine(load.serveStats().resultLine(label + QStringLiteral("-serve"), seconds));
    printLine(load.completeStats().resultLine(label + QStringLiteral("-complete"), seconds));
    printFailures(label, load.failureSamples());
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("nextup-loadgen"));
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Load generator for nextup-server benchmarks (127.0.0.1 only)."));
    addOptions(parser);
    parser.process(app);
    const QString mode = parser.positionalArguments().value(0);
    if (number(parser, QStringLiteral("port"), 0) <= 0) {
        std::fprintf(stderr, "nextup-loadgen: --port is required\n");
        return 2;
    }
    if (mode == u"http")
        return runHttp(app, parser);
    if (mode == u"callnext")
        return runCallNext(app, parser);
    std::fprintf(stderr, "nextup-loadgen: mode must be http or callnext\n%s",
                 qPrintable(parser.helpText()));
    return 2;
}
