#pragma once

#include <optional>
#include <type_traits>

#include <QByteArray>
#include <QDate>
#include <QHash>
#include <QList>

#include "core/apierror.h"
#include "queue/queuekeys.h"
#include "queue/queuerebuild.h"
#include "queue/queuetypes.h"
#include "queue/redisscript.h"

namespace Nextup {

class RedisConnection;

// The live queue in Redis: waiting tokens per service and per counter, each counter's current
// token, per-day token number sequences and the installation-wide event sequence. Every state
// change is one Lua script, so concurrent callers on any number of server instances stay
// consistent. Postgres is the system of record: when Redis lost its data (the readiness marker is
// gone), operations fail with 503 queue_not_ready and ensureReady() rebuilds from a snapshot.
//
// Thread-safe: the object holds only its key prefix and immutable scripts; each thread passes its
// own RedisConnection.
class QueueEngine
{
public:
    using NumberFloor = QueueNumberFloor;
    using Snapshot = StoredQueue;
    using SnapshotLoader = QueueRebuilder::SnapshotLoader;

    explicit QueueEngine(QByteArray prefix = QByteArrayLiteral("nx:"));

    const QueueKeys &keys() const { return m_keys; }

    // Adds a token to its queue; adding it again only updates its place.
    Outcome enqueue(RedisConnection &conn, const QueueEntry &entry) const;
    // Adds tokens to their queues, then answers how many tokens are ahead of each once all are
    // in: one script run for a whole batch of new tokens.
    Result<QList<int>> enqueueAndRank(RedisConnection &conn,
                                      const QList<QueueEntry> &entries) const;
    // A token callNext took, with what it takes to put it back exactly as it was.
    struct Taken
    {
        qint64 tokenId = 0;
        QByteArray queue;
        QByteArray score;
        QByteArray previousCurrent; // the counter's current token before, "" if none
    };
    using TakenResult = Result<std::optional<Taken>>;
    // Atomically takes the best token from the counter's transfer queue and the queues of
    // `serviceIds`, and makes it the counter's current token. nullopt when all are empty.
    TakenResult callNext(RedisConnection &conn, int counterId, const QList<int> &serviceIds) const;
    // Undoes a callNext whose token was not called after all: back in its queue with its score,
    // and the counter's current token what it was (unless a later call changed it).
    Outcome putBack(RedisConnection &conn, int counterId, const Taken &taken) const;
    // True when the token was waiting (cancel, assign, transfer take it out of line).
    Result<bool> remove(RedisConnection &conn, const QueueEntry &entry) const;

    Outcome setCurrent(RedisConnection &conn, int counterId, qint64 tokenId) const;
    // The counter is done with this token: its current-token key is dropped if it still names
    // it (a later call may already have set the next one). Sent without waiting for the answer,
    // which only says whether the key was still there.
    void releaseCurrent(RedisConnection &conn, int counterId, qint64 tokenId) const;
    Result<std::optional<qint64>> current(RedisConnection &conn, int counterId) const;

    // Tokens ahead of this one in its own queue; -1 when it is not waiting there.
    Result<int> position(RedisConnection &conn, const QueueEntry &entry) const;
    // Tokens waiting in each service queue (transfer queues of counters are not included).
    Result<QHash<int, int>> waitingCounts(RedisConnection &conn,
                                          const QList<int> &serviceIds) const;
    // A service queue's tokens in call order.
    Result<QList<qint64>> waitingTokens(RedisConnection &conn, int serviceId) const;

    // The next token number of a service on a business day (a reserve() of one).
    Result<qint64> nextNumber(RedisConnection &conn, int serviceId, QDate businessDate) const;
    // A token about to be written: the day it is numbered on, and where it will wait.
    struct Reservation
    {
        QDate businessDate;
        QueueEntry entry; // tokenId not known yet
    };
    struct Reserved
    {
        qint64 number = 0;
        int waitingAhead = 0; // already in its queue with a lower score
    };
    // Numbers for a batch of new tokens and the tokens waiting ahead of each, in one script.
    Result<QList<Reserved>> reserve(RedisConnection &conn, const QList<Reservation> &tokens) const;
    Result<qint64> nextEventSeq(RedisConnection &conn) const;
    // The last event seq handed out (0 before the first). queue_not_ready while Redis needs a
    // rebuild: only the rebuild raises the sequence past every seq handed out before a loss.
    Result<qint64> lastEventSeq(RedisConnection &conn) const;

    // Returns at once (one EXISTS) when the queue is complete. Otherwise one caller across all
    // threads and instances takes the rebuild lock, loads the snapshot and rewrites the queue;
    // the others wait for it (up to ~10 s).
    Outcome ensureReady(RedisConnection &conn, const SnapshotLoader &loadSnapshot) const;

    // Runs `op` (returning Result<T>); on queue_not_ready rebuilds and runs it once more.
    template <typename Op>
    std::invoke_result_t<Op> withReady(RedisConnection &conn, const SnapshotLoader &loadSnapshot,
                                       Op &&op) const
    {
        auto result = op();
        if (result.ok() || !RedisErrors::isQueueNotReady(result.error()))
            return result;
        if (const Outcome ready = ensureReady(conn, loadSnapshot); !ready.ok())
            return ready.error();
        return op();
    }

    // Reachable and ready → true; reachable but needing a rebuild → false; unreachable → 503.
    // Also notices a Redis that restarted with persisted (stale) data and drops its readiness
    // marker, so the next operation rebuilds: call it now and then (e.g. from /readyz or a timer).
    Result<bool> ping(RedisConnection &conn) const;

private:
    RedisReply guarded(RedisConnection &conn, const QByteArray &key,
                       const QList<QByteArray> &commandAndArgs) const;
    QByteArray queueKey(const QueueEntry &entry) const;

    QueueKeys m_keys;
    QueueRebuilder m_rebuilder;

    RedisScript m_guarded{QStringLiteral("guarded")};
    RedisScript m_callNext{QStringLiteral("callnext")};
    RedisScript m_counts{QStringLiteral("counts")};
    RedisScript m_reserve{QStringLiteral("reserve")};
    RedisScript m_putBack{QStringLiteral("putback")};
    RedisScript m_enqueueRank{QStringLiteral("enqueuerank")};
    RedisScript m_deleteIfEqual{QStringLiteral("deleteifequal")};
};

} // namespace Nextup
