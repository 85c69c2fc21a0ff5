#pragma once

#include <QHash>
#include <QList>
#include <QMap>

#include "domain/waitmodel.h"

namespace Nextup {

// The playing half of WaitModel::forecast(): a branch's floor as entries in queues and counters,
// played forward again and again with times drawn at random. In each play every counter, when
// free, takes the best entry present in its queues (priority class, then place, then the lower
// token id, as callnext.lua does) and is busy for a counter time drawn for that entry's
// service; a call time is the median of the plays (what minimises the mean absolute error of a
// promise). The draws come from a fixed seed, so a floor is always forecast the same.
class FloorPlay
{
public:
    // One thing that takes a counter's time: a waiting token, a walk-in joining now (takes no
    // time: it only asks when its turn comes), an appointment that comes with some chance, or a
    // walk-in expected later.
    struct Entry
    {
        qint64 score = 0;   // QueueEntry::score()
        qint64 tie = 0;     // equal scores: the lower token id first
        double enterAt = 0; // seconds after the floor; callable from then on
        double chance = 1;  // that it comes at all
        int serviceId = 0;
        int queue = 0;       // the service's id, or minus the counter's for a transfer queue
        bool asked = false;  // its call time is wanted
        bool joiner = false; // takes no time

        bool before(const Entry &other) const
        {
            return score != other.score ? score < other.score : tie < other.tie;
        }
    };

    // A counter: its queues, and when it can first call.
    struct Desk
    {
        QList<int> queues;      // its transfer queue (minus its id) and its services'
        double freeAt = 0;      // seconds after the floor (a break, its operator's pace)
        int currentService = 0; // or later, when a customer of this service is at it
        double currentElapsed = 0;
        // Its breaks to come, by `from` (seconds after the floor; AwayNow says when one is
        // taken); an infinite `seconds`: it closes.
        struct Away
        {
            double from = 0;
            double seconds = 0;
        };
        QList<Away> away;
    };

    explicit FloorPlay(QHash<int, WaitModel::CounterTime> times) : m_times(std::move(times)) {}

    void add(const Entry &entry) { m_entries.append(entry); }
    void add(const Desk &desk) { m_desks.append(desk); }
    // The entries of each queue in call order (indexes into entries()); call once all are in.
    const QMap<int, QList<int>> &arrange();
    const QList<Entry> &entries() const { return m_entries; }
    // When each asked entry is called, in seconds after the floor (NaN: in most plays never;
    // other entries: NaN). One play when nothing is random.
    QList<double> callTimes(int plays) const;

private:
    class Draws;
    WaitModel::CounterTime timeOf(int serviceId) const;
    void play(Draws &draws, QList<double> &calledAt) const;

    QHash<int, WaitModel::CounterTime> m_times;
    QList<Entry> m_entries;
    QList<Desk> m_desks;
    QMap<int, QList<int>> m_queues; // ordered: the same floor plays the same way
};

} // namespace Nextup
