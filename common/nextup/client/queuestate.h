#pragma once

#include <optional>

#include <QJsonObject>
#include <QMap>

#include "nextup/client/types.h"

namespace Nextup {

// One realtime event frame: {"event","room","seq","at","data"}.
struct QueueEvent
{
    QString name; // Wire::EventType, as text: a newer server may send others
    QString room;
    qint64 seq = 0;
    QDateTime at;
    QJsonObject data;

    // nullopt unless the frame is an event with a seq: positive, or 0 for the events outside the
    // installation's sequence (the staff room's), which no queue state depends on.
    static std::optional<QueueEvent> fromFrame(const QJsonObject &frame);
    std::optional<Wire::EventType> type() const { return Wire::fromString<Wire::EventType>(name); }
};

// The live queues as a client sees them: a GET /api/queues snapshot moved forward by events, in
// seq order, each applied once.
//
// With strictSequence (the client is in room "global", so it sees every seq) an event that skips
// a seq is held back until the missing ones arrive; hasGap() then says the caller should resync
// if they do not come soon. Without it, any newer seq applies. Between beginResync() and reset()
// every event is held, and reset() applies those newer than the snapshot.
//
// No QObject, no I/O: QueueClient drives it, and tests feed it frames directly.
class QueueState
{
public:
    enum class Outcome
    {
        Applied,   // applied, possibly with held events that it made contiguous
        Duplicate, // seq already applied or already held: ignored
        Held,      // waits for a missing seq or for the resync snapshot
    };
    struct FeedResult
    {
        Outcome outcome = Outcome::Duplicate;
        QList<QueueEvent> applied; // in the order applied
    };

    void setStrictSequence(bool strict) { m_strict = strict; }
    bool strictSequence() const { return m_strict; }

    FeedResult feed(const QueueEvent &event);
    void beginResync() { m_resyncing = true; }
    // Replaces everything with the snapshot; returns the held events applied on top of it.
    QList<QueueEvent> reset(const QueueSnapshot &snapshot);
    // Forgets everything, e.g. when connecting to another server.
    void clear();

    bool isResyncing() const { return m_resyncing; }
    bool hasSnapshot() const { return m_hasSnapshot; }
    bool hasGap() const { return !m_resyncing && !m_held.isEmpty(); }
    int heldCount() const { return int(m_held.size()); }
    // The last seq applied (the snapshot's, or a later event's).
    qint64 lastSeq() const { return m_seq; }

    const QList<ServiceQueue> &services() const { return m_services; }
    const QList<CounterInfo> &counters() const { return m_counters; }
    const ServiceQueue *service(int id) const;
    const CounterInfo *counter(int id) const;
    QList<QueueToken> waiting(int serviceId) const;
    // The tokens of several services merged in call order.
    QList<QueueToken> waiting(const QList<int> &serviceIds) const;

    // Beyond this many held events the oldest are dropped; the caller resyncs anyway.
    static constexpr int MaxHeld = 10'000;

private:
    void hold(const QueueEvent &event);
    QList<QueueEvent> drain();
    void apply(const QueueEvent &event);
    void applyToken(const QJsonObject &json);
    void applyQueueUpdate(const QJsonObject &json);
    void applyCounter(const QJsonObject &json);
    void recountQueueSizes();
    ServiceQueue *findService(int id);
    CounterInfo *findCounter(int id);

    QList<ServiceQueue> m_services; // by id
    QList<CounterInfo> m_counters;  // by id
    QMap<qint64, QueueEvent> m_held;
    qint64 m_seq = 0;
    bool m_strict = true;
    bool m_resyncing = false;
    bool m_hasSnapshot = false;
};

} // namespace Nextup
