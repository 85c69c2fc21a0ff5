#pragma once

#include <QByteArray>

#include "core/apierror.h"

namespace Nextup {

class Database;
class IdempotencySeal;

// The table behind Idempotency-Key (sql/0008): who answers a key first, and that answer, sealed.
// A key is claimed by one request at a time: the claimant answers and records the answer (or
// releases the key when the answer was a refusal to retry, a 429 or 5xx); a request with the same
// key finds the answer to replay, the claim still pending, or another request under the key. A
// claim pending for more than kStaleSeconds was left by a server that stopped mid-request, and
// may be taken over; an answer is kept kKeepHours.
class IdempotencyStore
{
public:
    static constexpr int kStaleSeconds = 60;
    static constexpr int kKeepHours = 24;

    struct Answer
    {
        int status = 0;
        QByteArray contentType;
        QByteArray body;
    };
    enum class Found
    {
        Claimed,      // the caller answers the request, then record() or release()
        Answered,     // `answer` is the first answer
        InProgress,   // another request with the key is being answered now
        OtherRequest, // the key was used for a request with another method, path or body
    };
    struct Claim
    {
        Found found = Found::Claimed;
        Answer answer;
    };

    static Result<Claim> claim(Database &db, const IdempotencySeal &seal,
                               const QByteArray &requestDigest);
    static Result<bool> record(Database &db, const IdempotencySeal &seal, const Answer &answer);
    static Result<bool> release(Database &db, const IdempotencySeal &seal);
};

} // namespace Nextup
