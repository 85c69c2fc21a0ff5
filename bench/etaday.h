// One simulated bank day for the ETA estimator (bench/etasim.cpp prints the tables; README.md
// says how to run it). A virtual clock replays arrivals, counters and appointments through the
// server's own decision code: TokenIssuer issues every walk-in and answers every status,
// CounterDesk opens, pauses, closes, calls, serves, completes and skips, all over the in-memory
// ports of tests/unit/memoryqueue.h (the line orders as callnext.lua does), and the ETA a
// customer is promised comes from the server's EtaEstimator (cache and WaitModel) reading the
// day's history and floor through DayLedger (what Postgres would hold, read as
// StoredWaitInputs' statements read it). The bank itself is etabank.h. Only the customers and
// the operators are modelled.
#pragma once

#include <QList>
#include <QString>
#include <QtGlobal>

namespace Nextup {

// The estimators compared on the same day, at the same moments, with the same tokens ahead.
enum class Estimator
{
    Naive,      // the estimator before issue 15: ahead × mean of the last 20 serving→complete
                // times (the configured average below 3) ÷ open counters serving the service
    EvenRobust, // ahead × WaitModel's robust counter time ÷ open counters serving the service
    Forecast,   // the server's EtaEstimator: the floor played forward (waitmodel.h)
    // Not a server estimator, a floor for the others: WaitModel's play of the floor told the
    // operators' whole schedule to come (breaks, pauses, openings, closings, as the day drew
    // them), but not the customers' service times or who else comes.
    Oracle,
    // The same told only what recurs every day (openings, closings, lunch breaks), not the
    // short pauses: the most that learning the schedule from earlier days could give.
    OracleRecurring,
};
inline constexpr int kEstimators = 5;
QString nameOf(Estimator estimator);

struct EtaDayOptions
{
    quint64 seed = 1;
    // Walk-ins come from 09:00 for this long (the full day: 7.5 h, to 16:30); appointments are
    // laid over the same span. Counters then serve whoever waits and close.
    double hours = 7.5;
    double load = 1; // walk-ins per hour × this (1: the bank's usual day)
    // Lunch breaks, short pauses and counters closing early (false: every counter works on
    // from its opening: what is left of the error is the customers' own randomness).
    bool breaks = true;
    // Days the branch worked before the measured one (the same counters and staff schedule,
    // other customers and pauses; not measured): their records are in the history the
    // estimator reads, so it can learn the counters' usual breaks, openings and closings.
    int earlierDays = 5;
};

// One promise and what came of it.
struct EtaSample
{
    bool appointment = false; // an appointment's ETA at check-in, not a walk-in's at issue
    int serviceId = 0;
    double hour = 0; // of the day when the promise was made (9.5: 09:30)
    int tokensAhead = 0;
    int predicted[kEstimators] = {};
    int actual = 0; // seconds from issue (check-in) to the first call
};

struct EtaDayResult
{
    QList<EtaSample> samples; // priority 0 tokens that were called
    int walkIns = 0;          // issued, all priorities
    int appointmentsBooked = 0;
    int appointmentsMissed = 0;
    int neverCalled = 0;  // waiting when the day ended (should be 0)
    int deskRefusals = 0; // CounterDesk or TokenIssuer refusals the operators did not expect
};

EtaDayResult runEtaDay(const EtaDayOptions &options);

} // namespace Nextup
