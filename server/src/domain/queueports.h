#pragma once

#include <optional>

#include <QByteArrayView>
#include <QList>
#include <QString>

#include "core/apierror.h"
#include "domain/catalogrecords.h"
#include "domain/tokenrecord.h"
#include "domain/tokenrepository.h"
#include "domain/tokensecrets.h"
#include "queue/queueengine.h"

namespace Nextup {

struct Principal;

// What the queue's decisions (CounterDesk, TokenIssuer) need from the world around them, named
// for what they ask, not for the store that answers. Production binds them to one worker's
// Postgres and Redis (WorkerPorts); the unit tests to small in-memory ones, so that every
// decision can be checked without a server. Each call answers what today's statement or script
// answers, errors included: the decisions tell an outage from a refusal by the ApiError.

// The counter desk's records (Postgres).
class DeskRecords
{
public:
    virtual ~DeskRecords() = default;
    // The counter with its current token; nullopt when there is no such counter at all.
    virtual Result<std::optional<CounterRecord>> counter(int counterId) = 0;
    virtual Result<std::optional<ServiceRecord>> service(int serviceId) = 0;
    virtual Result<std::optional<TokenRecord>> token(qint64 tokenId) = 0;
    virtual Outcome setCounterStatus(int counterId, const QString &status, int operatorId,
                                     const QString &reason) = 0;
    // The guarded change of one token with its token_events row: nullopt when the token was not
    // in change.fromStatuses (nothing changed); 409 already_exists when it would put a second
    // token at a counter.
    virtual Result<std::optional<TokenRecord>> change(const TokenRepository::Change &change) = 0;
    // The same for the counter's current token, applied only when the counter is active and not
    // closed, the caller opened it (or is an admin) and that token is in change.fromStatuses;
    // answers the counter as the change saw it (TokenRepository::applyAtCounter).
    virtual Result<TokenRepository::AtCounter>
    changeAtCounter(int counterId, const Principal &caller,
                    const TokenRepository::Change &change) = 0;
};

// The token issuer's records (Postgres).
class IssueRecords
{
public:
    virtual ~IssueRecords() = default;
    virtual Result<std::optional<ServiceRecord>> service(int serviceId) = 0;
    virtual Result<std::optional<TokenRecord>> token(qint64 tokenId) = 0;
    virtual Result<std::optional<TokenRecord>> change(const TokenRepository::Change &change) = 0;
    // New tokens and their `generated` events, all or none (a clash of numbers fails the whole
    // batch with already_exists). failedState: the SQLSTATE when the statement ran and failed
    // (cleared otherwise), which tells a row at fault from an outage.
    virtual Result<QList<TokenRepository::Inserted>>
    insert(const QList<TokenRepository::TokenInsert> &rows, QString *failedState) = 0;
    virtual Result<TokenSecrets::Verdict> verifySecret(qint64 tokenId, QByteArrayView secret) = 0;
    // The wait, in seconds, of a token of the service with tokensAhead before it (EtaEstimator).
    // placeMs: its place in line (QueueEntry::arrivalMs) when that is later than now (an
    // appointment checked in early); 0 for a walk-in joining now.
    virtual Result<int> estimateWait(int serviceId, int configuredAverageSeconds, int tokensAhead,
                                     qint64 placeMs) = 0;
};

// The live line (Redis): the waiting tokens of each service and of each counter's transfer
// queue, and the token each counter holds. Reads and changes rebuild the line from the records
// first when it was lost, as LiveQueues::live() does.
class LiveLine
{
public:
    virtual ~LiveLine() = default;
    // Takes the best token waiting for the counter (its transfer queue and the queues of
    // serviceIds: priority class, then arrival, then the lower id) and makes it the counter's
    // current one; nullopt when none waits.
    virtual Result<std::optional<QueueEngine::Taken>> take(int counterId,
                                                           const QList<int> &serviceIds) = 0;
    // Undoes take(): the token back in its place, the counter's current token what it was.
    virtual Outcome putBack(int counterId, const QueueEngine::Taken &taken) = 0;
    // The counter is done with the token (nobody waits for the answer).
    virtual void release(int counterId, qint64 tokenId) = 0;
    virtual Outcome enqueue(const QueueEntry &entry) = 0;
    // True when the token was waiting.
    virtual Result<bool> remove(const QueueEntry &entry) = 0;
    // Out of the line and the counter's current token (a token assigned out of order).
    virtual Outcome seat(int counterId, const QueueEntry &entry) = 0;
    // Throws the live line away so the next operation rebuilds it from the records: for when
    // the two may disagree (the line changed, then the records refused or failed).
    virtual void invalidate() = 0;
};

// Where new tokens join the live line (Redis): their numbers, and their places.
class LineEntrance
{
public:
    virtual ~LineEntrance() = default;
    // A number for each new token (per service and business day) and the tokens already
    // waiting ahead of it, before any is written.
    virtual Result<QList<QueueEngine::Reserved>>
    reserve(const QList<QueueEngine::Reservation> &tokens) = 0;
    // Puts written tokens in line; how many wait ahead of each once all are in.
    virtual Result<QList<int>> join(const QList<QueueEntry> &entries) = 0;
    // Tokens ahead of this one in its queue; -1 when it is not waiting there.
    virtual Result<int> ahead(const QueueEntry &entry) = 0;
};

// What the decisions tell everyone else once a change is made: the events clients hear, and
// the estimate inputs that went stale.
class QueueNotices
{
public:
    virtual ~QueueNotices() = default;
    // previousServiceId: the service a transferred token left (0 if none), whose rooms hear too.
    virtual void tokenChanged(const QString &event, const TokenRecord &token, int branchId,
                              int counterId, int previousServiceId) = 0;
    // The same event for new tokens; branchIds[i] is tokens[i]'s branch.
    virtual void tokensIssued(const QString &event, const QList<TokenRecord> &tokens,
                              const QList<int> &branchIds) = 0;
    // counter_status: the counter opened, paused or closed.
    virtual void counterChanged(const CounterRecord &counter) = 0;
    // A wait estimate input of the service changed (its open counters, a finished service).
    virtual void waitInputsChanged(int serviceId) = 0;
};

// The ports of one counter-desk action.
struct DeskPorts
{
    DeskRecords &records;
    LiveLine &line;
    QueueNotices &notices;
};

// The ports of one issue, status or cancel.
struct IssuePorts
{
    IssueRecords &records;
    LiveLine &line;
    LineEntrance &entrance;
    QueueNotices &notices;
};

} // namespace Nextup
