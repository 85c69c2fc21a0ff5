#pragma once

#include <QDate>
#include <QHash>
#include <QList>
#include <QtGlobal>

namespace Nextup {

// A waiting token as the live queue sees it. Its place in line is
//   score = (9 - priority) * 1e13 + arrivalMs
// so a higher priority class always goes first, then the earlier arrival (walk-in time, or the
// booked slot), then the lower token id.
struct QueueEntry
{
    qint64 tokenId = 0;
    int serviceId = 0;
    int priority = 0;        // 0..9, higher first
    qint64 arrivalMs = 0;    // epoch ms of arrival or of the booked slot
    int targetCounterId = 0; // 0 = the service queue; else transferred to that counter only

    static constexpr qint64 priorityStep = 10'000'000'000'000LL; // 1e13 ms, about year 2286
    static constexpr qint64 maxTokenId = 999'999'999'999'999LL;  // fits the 15-digit member

    // Below 2^53, so exact as the double Redis keeps.
    qint64 score() const { return (9 - priority) * priorityStep + arrivalMs; }
    bool isValid() const
    {
        return tokenId > 0 && tokenId <= maxTokenId && priority >= 0 && priority <= 9 &&
               arrivalMs >= 0 && arrivalMs < priorityStep && targetCounterId >= 0 &&
               (serviceId > 0 || targetCounterId > 0);
    }
};

// The last token number Postgres holds for a service on a business day.
struct QueueNumberFloor
{
    int serviceId = 0;
    QDate date;
    qint64 lastNumber = 0;
};

// What Postgres says the live queue is: loaded by the service layer, written by
// QueueEngine::ensureReady() after Redis lost its data.
struct StoredQueue
{
    QList<QueueEntry> waiting;
    QHash<int, qint64> currentByCounter;
    QList<QueueNumberFloor> numbers;
    qint64 eventSeqFloor = 0; // the highest event seq already handed out (e.g. from token_events)
};

} // namespace Nextup
