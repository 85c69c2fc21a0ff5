#pragma once

#include <optional>

#include <QDateTime>
#include <QJsonObject>
#include <QStringList>

#include "core/apierror.h"
#include "domain/catalogrecords.h"
#include "domain/tokenrecord.h"

namespace Nextup {

class Database;
struct Principal;

// The SQL of tokens and token_events. Every state change is one statement that updates the token
// only if it is still in an expected status (the second guard against a double call, whatever
// Redis said) and appends its token_events row in the same statement, so the two cannot part.
namespace TokenRepository {

struct TokenInsert
{
    int serviceId = 0;
    QString businessDate; // YYYY-MM-DD in the branch's zone
    qint64 number = 0;
    QString tokenNumber;
    int priority = 0;
    QJsonObject customerInfo;
    QDateTime preferredSlot; // invalid = walk-in
    int createdBy = 0;
    QByteArray secretHash;
    int etaSeconds = 0; // the wait promised at issue
};

// What Postgres decided for a new token.
struct Inserted
{
    qint64 id = 0;
    QDateTime createdAt;
    QDateTime arrivalAt;
    qint64 arrivalMs = 0;
};

struct Change
{
    qint64 tokenId = 0;
    QStringList fromStatuses;
    QString toStatus;
    QString event;       // token_events.event
    QString stampColumn; // called_at | serving_at | finished_at | empty
    int actorId = 0;
    int eventCounterId = 0; // the counter where it happened, for the event row
    QString reason;
    enum class CounterEffect
    {
        Keep,
        Set,
        Clear
    } counterEffect = CounterEffect::Keep;
    int counterId = 0; // with Set
    bool incrementRecall = false;
    int newServiceId = 0;        // transfer to another service
    int newTargetCounterId = -1; // -1 keep, 0 clear, >0 transfer to that counter
};

// Inserts the tokens and their `generated` events in one statement (one commit for the whole
// batch); answers what Postgres decided for each, in the order given. All or none: a clash of
// numbers fails the whole batch with already_exists.
Result<QList<Inserted>> insertMany(Database &db, const QList<TokenInsert> &tokens);
// Applies the change; nullopt when the token was not in one of fromStatuses (nothing changed).
Result<std::optional<TokenRecord>> apply(Database &db, const Change &change);
// A change to the token at a counter (change.tokenId is not used), read with the counter in one
// statement. counter: nullopt when there is no such counter. token: the changed token, nullopt
// when nothing changed because a check failed (inactive or closed counter, opened by another
// operator than the caller, no current token in one of fromStatuses): the counter row says which.
struct AtCounter
{
    std::optional<CounterRecord> counter;
    std::optional<TokenRecord> token;
};
Result<AtCounter> applyAtCounter(Database &db, int counterId, const Principal &caller,
                                 const Change &change);
Result<std::optional<TokenRecord>> find(Database &db, qint64 id);
Result<QByteArray> secretHash(Database &db, qint64 id);
// The token a counter is working on (called or serving), if any.
Result<std::optional<TokenRecord>> currentAt(Database &db, int counterId);
// Today's live tokens for rebuilding Redis: waiting ones and the ones at counters.
Result<QList<TokenRecord>> live(Database &db);
Result<QJsonArray> events(Database &db, qint64 id);

} // namespace TokenRepository

} // namespace Nextup
