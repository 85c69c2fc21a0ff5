#pragma once

#include <atomic>
#include <optional>

#include <QDateTime>
#include <QHash>
#include <QJsonObject>

#include "core/apierror.h"
#include "core/principal.h"
#include "domain/catalogrecords.h"
#include "domain/livequeues.h"
#include "domain/queueports.h"

namespace Nextup {

class WorkerContext;
class WorkerPorts;

struct TokenRecord;
namespace TokenRepository {
struct Inserted;
}

// The customer's side of a token: taking one, following it, cancelling it.
//
// Issuing, status and cancel take their ports (queueports.h): the records, the live line and its
// entrance, and the notices. The WorkerContext overloads, which the API calls, bind them to the
// worker's own Postgres and Redis (WorkerPorts) and decide the same way.
class TokenIssuer
{
public:
    // An issuer that only takes ports (the unit tests); the WorkerContext overloads need deps.
    TokenIssuer() = default;
    explicit TokenIssuer(QueueDeps deps) : m_deps(deps) {}

    struct Request
    {
        int serviceId = 0;
        QJsonObject customerInfo;
        int priority = 0;
        Principal caller;
    };

    // The answer to each request, in the same order: {token_id, token_number, eta, position,
    // secret, status, ...} as JSON text (written directly: building QJsonObjects for a batch's
    // answers was a tenth of the writer's CPU). One number script, one INSERT (one commit), one
    // enqueue script and one publish round trip for the whole batch. When the batch's INSERT fails
    // for a reason that is not an outage (one row Postgres refuses, a deadlock with another batch),
    // each token is written on its own, so only the request at fault is refused.
    // `services` are the ones servicesById() read for this batch.
    QList<Result<QByteArray>> issueMany(const IssuePorts &at, const QList<Request> &requests,
                                        const QHash<int, ServiceRecord> &services) const;
    QList<Result<QByteArray>> issueMany(WorkerContext &ctx, const QList<Request> &requests,
                                        const QHash<int, ServiceRecord> &services) const;
    // Every service (the table is small: one read serves a whole batch), by id.
    static Result<QHash<int, ServiceRecord>> servicesById(WorkerContext &ctx);
    // How many batches were written token by token after their INSERT failed (for /metrics).
    quint64 batchesSplit() const { return m_batchesSplit; }
    // The customer's view: needs the secret unless the caller is staff.
    Result<QJsonObject> status(const IssuePorts &at, qint64 tokenId, const QByteArray &secret,
                               const Principal &caller) const;
    Result<QJsonObject> status(WorkerContext &ctx, qint64 tokenId, const QByteArray &secret,
                               const Principal &caller) const;
    // `reason` (may be empty) is kept on the cancelled event in the token's history.
    Result<QJsonObject> cancel(const IssuePorts &at, qint64 tokenId, const QByteArray &secret,
                               const QString &reason, const Principal &caller) const;
    Result<QJsonObject> cancel(WorkerContext &ctx, qint64 tokenId, const QByteArray &secret,
                               const QString &reason, const Principal &caller) const;
    // Staff: one token with its event timeline.
    Result<QJsonObject> details(WorkerContext &ctx, qint64 tokenId) const;

private:
    // The ports of one call on the worker's own connections.
    WorkerPorts bind(WorkerContext &ctx) const;

    struct Accepted;
    Result<Accepted> accept(const Request &request, const QHash<int, ServiceRecord> &services,
                            const QDateTime &now) const;
    // insertState: the SQLSTATE when the INSERT itself ran and failed (not set otherwise).
    Result<QList<TokenRecord>> insertNumbered(const IssuePorts &at, QList<Accepted> &accepted,
                                              QString *insertState) const;
    QList<TokenRecord> insertOneByOne(const IssuePorts &at, QList<Accepted> &accepted,
                                      QList<Result<QByteArray>> &results) const;
    static int aheadInBatch(const QList<Accepted> &accepted, qsizetype i);
    static TokenRecord recordOf(const Accepted &accepted,
                                const TokenRepository::Inserted &inserted);
    Outcome checkSecret(const IssuePorts &at, qint64 tokenId, const QByteArray &secret,
                        const Principal &caller) const;
    Result<std::pair<int, int>> positionAndEta(const IssuePorts &at, const TokenRecord &token,
                                               int configuredAverage) const;

    std::optional<QueueDeps> m_deps;
    mutable std::atomic<quint64> m_batchesSplit{0};
};

} // namespace Nextup
