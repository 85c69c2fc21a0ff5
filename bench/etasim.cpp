// nextup-etasim: how far the promised ETA is from the real wait, over simulated bank days
// (bench/etaday.h says what is simulated and what is the server's own code).
//
//   nextup-etasim [--seeds 1,2,3] [--hours 7.5] [--load 1] [--no-breaks] [--earlier-days 5]
//                 [--check] [--csv file]
//
// Prints, for each seed and for all seeds together, a table per estimator: the walk-ins'
// promise at issue against their wait to the first call (priority 0, as /api/stats'
// eta_accuracy counts them), and the same for appointments at check-in. bias is the mean of
// (promised − waited): negative means the promises were too short. The last line says whether
// the forecast met issue 15's target over all seeds (MAE at most 25 % of the mean wait, and
// below the naive estimator's). --load scales the walk-ins (1.3: a busy day); --no-breaks
// keeps every counter working (no lunch, pauses or early closing). --csv writes every promise.
// --check (the CTest smoke run) exits 1 unless the forecast's MAE is below 80 % of the naive
// one and of the robust-even one over all seeds, every token was called and the desk refused
// nothing the operators did.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include <QCoreApplication>
#include <QFile>
#include <QStringList>
#include <QTextStream>

#include "etaday.h"

using namespace Nextup;

namespace {

struct Accuracy
{
    int tokens = 0;
    double meanWait = 0;
    double mae = 0;
    double bias = 0;
    double p90 = 0;
    double share() const { return meanWait > 0 ? mae / meanWait : 0; }
};

Accuracy accuracyOf(const QList<EtaSample> &samples, Estimator estimator, bool appointments)
{
    Accuracy a;
    QList<double> errors;
    for (const EtaSample &s : samples) {
        if (s.appointment != appointments)
            continue;
        const double error = s.predicted[int(estimator)] - s.actual;
        ++a.tokens;
        a.meanWait += s.actual;
        a.mae += std::abs(error);
        a.bias += error;
        errors.append(std::abs(error));
    }
    if (a.tokens == 0)
        return a;
    a.meanWait /= a.tokens;
    a.mae /= a.tokens;
    a.bias /= a.tokens;
    std::sort(errors.begin(), errors.end());
    a.p90 = errors.at(std::min<qsizetype>(errors.size() - 1, qsizetype(0.9 * errors.size())));
    return a;
}

void printTable(const QString &title, const QList<EtaSample> &samples, bool appointments)
{
    std::printf("\n%s\n", qPrintable(title));
    std::printf("| estimator   | tokens | mean wait s | MAE s | bias s | p90 abs err s | MAE %% of "
                "mean |\n");
    std::printf("| ----------- | -----: | ----------: | ----: | -----: | ------------: | "
                "------------: |\n");
    for (int e = 0; e < kEstimators; ++e) {
        const Accuracy a = accuracyOf(samples, Estimator(e), appointments);
        std::printf("| %-11s | %6d | %11.0f | %5.0f | %6.0f | %13.0f | %12.1f%% |\n",
                    qPrintable(nameOf(Estimator(e))), a.tokens, a.meanWait, a.mae, a.bias, a.p90,
                    100 * a.share());
    }
}

// One row per promise, for a closer look (a spreadsheet, pandas).
void writeCsv(const QString &path, const QList<EtaSample> &samples)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text)) {
        std::fprintf(stderr, "nextup-etasim: cannot write %s\n", qPrintable(path));
        return;
    }
    QTextStream out(&file);
    out << "appointment,service,hour,ahead,actual";
    for (int e = 0; e < kEstimators; ++e)
        out << ',' << nameOf(Estimator(e));
    out << '\n';
    for (const EtaSample &s : samples) {
        out << int(s.appointment) << ',' << s.serviceId << ',' << s.hour << ',' << s.tokensAhead
            << ',' << s.actual;
        for (int e = 0; e < kEstimators; ++e)
            out << ',' << s.predicted[e];
        out << '\n';
    }
}

int usage()
{
    std::fprintf(stderr, "usage: nextup-etasim [--seeds 1,2,3] [--hours 0..7.5] [--load 0..3] "
                         "[--no-breaks] [--earlier-days 0..6] [--check] [--csv file]\n");
    return 2;
}

QList<quint64> seedsFrom(const QString &text)
{
    QList<quint64> seeds;
    for (const QString &part : text.split(u',', Qt::SkipEmptyParts))
        seeds.append(part.toULongLong());
    return seeds;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QList<quint64> seeds{1, 2, 3, 4, 5};
    EtaDayOptions options;
    bool check = false;
    QString csvPath;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        const bool valued = i + 1 < args.size();
        if (arg == u"--seeds" && valued)
            seeds = seedsFrom(args.at(++i));
        else if (arg == u"--hours" && valued)
            options.hours = args.at(++i).toDouble();
        else if (arg == u"--load" && valued)
            options.load = args.at(++i).toDouble();
        else if (arg == u"--earlier-days" && valued)
            options.earlierDays = args.at(++i).toInt();
        else if (arg == u"--no-breaks")
            options.breaks = false;
        else if (arg == u"--csv" && valued)
            csvPath = args.at(++i);
        else if (arg == u"--check")
            check = true;
        else
            return usage();
    }
    if (seeds.isEmpty() || options.hours <= 0 || options.hours > 7.5 || options.load <= 0 ||
        options.load > 3 || options.earlierDays < 0 || options.earlierDays > 6)
        return usage();

    QList<EtaSample> all;
    int troubles = 0;
    for (quint64 seed : std::as_const(seeds)) {
        options.seed = seed;
        const EtaDayResult day = runEtaDay(options);
        troubles += day.neverCalled + day.deskRefusals;
        std::printf("\n## seed %llu: %d walk-ins, %d appointments (%d missed), %d never called, "
                    "%d unexpected refusals\n",
                    static_cast<unsigned long long>(seed), day.walkIns, day.appointmentsBooked,
                    day.appointmentsMissed, day.neverCalled, day.deskRefusals);
        printTable(QStringLiteral("walk-ins, ETA at issue"), day.samples, false);
        printTable(QStringLiteral("appointments, ETA at check-in"), day.samples, true);
        all += day.samples;
    }
    if (!csvPath.isEmpty())
        writeCsv(csvPath, all);
    if (seeds.size() > 1) {
        std::printf("\n## all %lld seeds\n", static_cast<long long>(seeds.size()));
        printTable(QStringLiteral("walk-ins, ETA at issue"), all, false);
        printTable(QStringLiteral("appointments, ETA at check-in"), all, true);
    }
    const Accuracy forecast = accuracyOf(all, Estimator::Forecast, false);
    const Accuracy naive = accuracyOf(all, Estimator::Naive, false);
    const Accuracy even = accuracyOf(all, Estimator::EvenRobust, false);
    std::printf("\ntarget (forecast MAE <= 25 %% of the mean wait and below naive): %.1f %%, "
                "naive %.1f %%: %s\n",
                100 * forecast.share(), 100 * naive.share(),
                forecast.share() <= 0.25 && forecast.mae < naive.mae ? "met" : "not met");
    if (!check)
        return 0;
    const bool passed = forecast.tokens > 0 && troubles == 0 && forecast.mae < 0.8 * naive.mae &&
                        forecast.mae < 0.8 * even.mae;
    std::printf("check (forecast MAE below 80 %% of naive and of robust-even, every token called, "
                "nothing refused): %s\n",
                passed ? "passed" : "FAILED");
    return passed ? 0 : 1;
}
