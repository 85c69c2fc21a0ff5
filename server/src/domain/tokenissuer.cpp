#include "domain/tokenissuer.h"

#include "auth/securerandom.h"
#include "domain/catalogrecords.h"
#include "domain/jsontext.h"
#include "domain/tokenrepository.h"
#include "domain/tokensecrets.h"
#include "domain/workerports.h"
#include "nextup/businessday.h"
#include "nextup/tokennumber.h"
#include "nextup/wire/keys.h"
#include "store/database.h"

namespace Nextup {

namespace {
const int kNumberAttempts = 3;
}

// A request that passed the checks: its row (without a number yet) and the secret to hand back.
struct TokenIssuer::Accepted
{
    qsizetype index = 0; // in the batch
    ServiceRecord service;
    QDate day;
    QueueEntry entry; // where it will wait (no token id yet)
    TokenRepository::TokenInsert row;
    QByteArray secret;
    int waitingAhead = 0; // predicted before the insert
};

Result<TokenIssuer::Accepted> TokenIssuer::accept(const Request &request,
                                                  const QHash<int, ServiceRecord> &services,
                                                  const QDateTime &now) const
{
    const auto found = services.constFind(request.serviceId);
    if (found == services.cend() || !request.caller.reaches(found->branchId))
        return ApiError::notFound(
            QStringLiteral("Service %1 does not exist.").arg(request.serviceId));
    const ServiceRecord &svc = *found;
    if (!svc.active)
        return ApiError::conflict(QStringLiteral("service_closed"),
                                  QStringLiteral("Service %1 is not taking tokens.").arg(svc.name));
    const QDate today = Nextup::businessDate(now, svc.timezone);
    Accepted accepted;
    accepted.service = svc;
    accepted.day = today;
    accepted.secret = SecureRandom::token(24);
    accepted.entry.serviceId = svc.id;
    accepted.entry.priority = request.priority;
    accepted.entry.arrivalMs = now.toMSecsSinceEpoch();
    TokenRepository::TokenInsert &row = accepted.row;
    row.serviceId = svc.id;
    row.businessDate = today.toString(Qt::ISODate);
    row.priority = request.priority;
    row.customerInfo = request.customerInfo;
    row.createdBy = request.caller.userId;
    row.secretHash = SecureRandom::sha256Hex(accepted.secret);
    return accepted;
}

// Numbers come from Redis; Postgres' unique (service, day, number) is the backstop should Redis
// hand out a number twice after losing data. The same script counts who waits ahead of each new
// token, so its ETA is written with it (no second statement to record the promise).
Result<QList<TokenRecord>> TokenIssuer::insertNumbered(const IssuePorts &at,
                                                       QList<Accepted> &accepted,
                                                       QString *insertState) const
{
    QList<QueueEngine::Reservation> wanted;
    for (const Accepted &a : std::as_const(accepted))
        wanted.append({a.day, a.entry});
    Result<QList<TokenRepository::Inserted>> inserted = ApiError::internal();
    for (int attempt = 0; attempt < kNumberAttempts; ++attempt) {
        insertState->clear();
        auto reserved = at.entrance.reserve(wanted);
        if (!reserved.ok())
            return reserved.error();
        QList<TokenRepository::TokenInsert> rows;
        rows.reserve(accepted.size());
        for (qsizetype i = 0; i < accepted.size(); ++i) {
            Accepted &a = accepted[i];
            a.waitingAhead = reserved->at(i).waitingAhead + aheadInBatch(accepted, i);
            auto eta = at.records.estimateWait(a.service.id, a.service.avgServiceSeconds,
                                               a.waitingAhead, 0);
            if (!eta.ok())
                return eta.error();
            a.row.number = reserved->at(i).number;
            a.row.tokenNumber = Nextup::formatTokenNumber(a.service.code, a.row.number);
            a.row.etaSeconds = *eta;
            rows.append(a.row);
        }
        inserted = at.records.insert(rows, insertState);
        if (inserted.ok() || inserted.error().code != u"already_exists")
            break;
        at.line.invalidate(); // Redis is behind Postgres: rebuild raises the floor
    }
    if (!inserted.ok())
        return inserted.error();
    QList<TokenRecord> tokens;
    tokens.reserve(accepted.size());
    for (qsizetype i = 0; i < accepted.size(); ++i)
        tokens.append(recordOf(accepted.at(i), inserted->at(i)));
    return tokens;
}

namespace {
// Failures of a batch INSERT that one row can cause (bad data, a constraint, a trigger's
// exception) or that a smaller transaction avoids (a deadlock or serialization failure between
// batches); not an outage, a timeout or a bug in the statement, which every row would meet again.
bool rowMayBeAtFault(const QString &sqlState)
{
    return sqlState.startsWith(u"22") || sqlState.startsWith(u"23") || sqlState == u"P0001" ||
           sqlState == u"40P01" || sqlState == u"40001";
}
} // namespace

// The batch's INSERT failed as a whole for a reason that may be one row's (Postgres refused a
// value, or a deadlock with another batch over reused numbers after a Redis loss): each token is
// written alone, with the number already reserved for it, and only the ones that fail again are
// refused. `accepted` keeps only the tokens written, in the order of the answer.
QList<TokenRecord> TokenIssuer::insertOneByOne(const IssuePorts &at, QList<Accepted> &accepted,
                                               QList<Result<QByteArray>> &results) const
{
    ++m_batchesSplit;
    qWarning("A batch of %lld tokens could not be written at once; writing them one by one",
             static_cast<long long>(accepted.size()));
    QList<Accepted> written;
    QList<TokenRecord> tokens;
    for (const Accepted &a : std::as_const(accepted)) {
        auto one = at.records.insert({a.row}, nullptr);
        if (!one.ok()) {
            results[a.index] = one.error();
            continue;
        }
        tokens.append(recordOf(a, one->constFirst()));
        written.append(a);
    }
    accepted = std::move(written);
    return tokens;
}

// Members of the same batch that will wait ahead of accepted[i] in its queue.
int TokenIssuer::aheadInBatch(const QList<Accepted> &accepted, qsizetype i)
{
    const QueueEntry &mine = accepted.at(i).entry;
    int ahead = 0;
    for (qsizetype j = 0; j < accepted.size(); ++j) {
        const QueueEntry &other = accepted.at(j).entry;
        if (j != i && other.serviceId == mine.serviceId &&
            (other.score() < mine.score() || (other.score() == mine.score() && j < i)))
            ++ahead;
    }
    return ahead;
}

// The new token as find() would read it, from what the request said and Postgres decided.
TokenRecord TokenIssuer::recordOf(const Accepted &a, const TokenRepository::Inserted &inserted)
{
    TokenRecord token;
    token.id = inserted.id;
    token.tokenNumber = a.row.tokenNumber;
    token.number = a.row.number;
    token.serviceId = a.service.id;
    token.serviceCode = a.service.code;
    token.serviceName = a.service.name;
    token.status = QStringLiteral("waiting");
    token.priority = a.row.priority;
    token.customerInfo = a.row.customerInfo;
    token.businessDate = a.row.businessDate;
    token.preferredSlot = a.row.preferredSlot;
    token.arrivalAt = inserted.arrivalAt;
    token.arrivalMs = inserted.arrivalMs;
    token.createdAt = inserted.createdAt;
    token.eta = a.row.etaSeconds;
    return token;
}

Result<QHash<int, ServiceRecord>> TokenIssuer::servicesById(WorkerContext &ctx)
{
    auto services = Catalog::services(ctx.db(), true);
    if (!services.ok())
        return services.error();
    QHash<int, ServiceRecord> byId;
    for (const ServiceRecord &svc : std::as_const(*services))
        byId.insert(svc.id, svc);
    return byId;
}

QList<Result<QByteArray>> TokenIssuer::issueMany(const IssuePorts &at,
                                                 const QList<Request> &requests,
                                                 const QHash<int, ServiceRecord> &services) const
{
    QList<Result<QByteArray>> results(requests.size(), ApiError::internal());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<Accepted> accepted;
    for (qsizetype i = 0; i < requests.size(); ++i) {
        auto checked = accept(requests.at(i), services, now);
        if (!checked.ok()) {
            results[i] = checked.error();
            continue;
        }
        checked->index = i;
        accepted.append(std::move(*checked));
    }
    if (accepted.isEmpty())
        return results;

    QString insertState; // SQLSTATE of the batch's INSERT, if it ran and failed
    auto inserted = insertNumbered(at, accepted, &insertState);
    QList<TokenRecord> tokens;
    if (inserted.ok()) {
        tokens = std::move(*inserted);
    } else if (accepted.size() > 1 && !insertState.isEmpty() && rowMayBeAtFault(insertState)) {
        tokens = insertOneByOne(at, accepted, results);
    } else {
        for (const Accepted &a : std::as_const(accepted))
            results[a.index] = inserted.error();
        return results;
    }
    if (tokens.isEmpty())
        return results;

    QList<QueueEntry> entries;
    for (const TokenRecord &token : std::as_const(tokens))
        entries.append(LiveQueues::entryOf(token));
    // From here on the tokens are committed: every request gets its token, whatever fails next
    // (an error would leave customers without the secret of a token that will be called).
    auto ranks = at.entrance.join(entries);
    if (!ranks.ok()) {
        // Safe in Postgres; Redis rebuilds from it (and so includes them) when it is back. The
        // places are then the ones counted before the insert.
        at.line.invalidate();
    }

    QList<int> positions;
    QList<int> branchIds;
    for (qsizetype i = 0; i < tokens.size(); ++i) {
        const Accepted &a = accepted.at(i);
        const int tokensAhead = ranks.ok() ? qMax(0, ranks->at(i)) : a.waitingAhead;
        // Someone was called or joined between the count and the enqueue: answer the true place
        // (and keep the promised ETA should the estimate fail now).
        if (tokensAhead != a.waitingAhead) {
            auto eta =
                at.records.estimateWait(a.service.id, a.service.avgServiceSeconds, tokensAhead, 0);
            if (eta.ok())
                tokens[i].eta = *eta;
        }
        positions.append(tokensAhead + 1); // the place in line, 1 = next to be called
        branchIds.append(a.service.branchId);
    }
    at.notices.tokensIssued(Wire::toString(Wire::EventType::TokenGenerated), tokens, branchIds);

    for (qsizetype i = 0; i < tokens.size(); ++i) {
        const Accepted &a = accepted.at(i);
        const TokenRecord &token = tokens.at(i);
        const QString secret = QString::fromLatin1(a.secret);
        const Wire::CreatedToken created{token.id,
                                         token.tokenNumber,
                                         token.eta,
                                         positions.at(i),
                                         secret,
                                         token.status,
                                         a.service.id,
                                         a.service.name,
                                         token.priority,
                                         token.createdAt,
                                         token.preferredSlot,
                                         TokenSecrets::statusUrl(token.id, secret)};
        JsonText answer;
        JsonTextIo io{answer};
        Wire::CreatedToken::members(created, io);
        results[a.index] = answer.finish();
    }
    return results;
}

Result<std::pair<int, int>> TokenIssuer::positionAndEta(const IssuePorts &at,
                                                        const TokenRecord &token,
                                                        int configuredAverage) const
{
    if (token.status != u"waiting")
        return std::pair{0, 0};
    auto ahead = at.entrance.ahead(LiveQueues::entryOf(token));
    if (!ahead.ok())
        return ahead.error();
    const int tokensAhead = qMax(0, *ahead);
    auto eta =
        at.records.estimateWait(token.serviceId, configuredAverage, tokensAhead, token.arrivalMs);
    if (!eta.ok())
        return eta.error();
    // position is the place in line, 1 = next to be called.
    return std::pair{tokensAhead + 1, *eta};
}

Outcome TokenIssuer::checkSecret(const IssuePorts &at, qint64 tokenId, const QByteArray &secret,
                                 const Principal &caller) const
{
    const auto verdict = at.records.verifySecret(tokenId, secret);
    if (!verdict.ok())
        return verdict.error();
    if (*verdict == TokenSecrets::Verdict::UnknownToken)
        return ApiError::notFound(QStringLiteral("Token %1 does not exist.").arg(tokenId));
    // Staff only: a kiosk is a shared lobby device, and its login must not let anyone read or
    // cancel other customers' tokens by id (api.md: "the customer (secret), or staff").
    if (caller.isStaff() || *verdict == TokenSecrets::Verdict::Matches)
        return Done{};
    return ApiError::forbidden(QStringLiteral("The token's secret is missing or wrong."));
}

Result<QJsonObject> TokenIssuer::status(const IssuePorts &at, qint64 tokenId,
                                        const QByteArray &secret, const Principal &caller) const
{
    if (auto allowed = checkSecret(at, tokenId, secret, caller); !allowed.ok())
        return allowed.error();
    auto token = at.records.token(tokenId);
    if (!token.ok())
        return token.error();
    if (!token->has_value())
        return ApiError::notFound();
    const TokenRecord &t = **token;
    auto service = at.records.service(t.serviceId);
    if (!service.ok())
        return service.error();
    auto placement =
        positionAndEta(at, t, service->has_value() ? (*service)->avgServiceSeconds : 300);
    if (!placement.ok())
        return placement.error();
    return Wire::TokenProgress{
        t.id,        t.tokenNumber, t.status,    placement->first, placement->second,
        t.serviceId, t.serviceName, t.counterId, t.counterName,    t.createdAt,
        t.calledAt,  t.recallCount}
        .toJson();
}

Result<QJsonObject> TokenIssuer::cancel(const IssuePorts &at, qint64 tokenId,
                                        const QByteArray &secret, const QString &reason,
                                        const Principal &caller) const
{
    if (auto allowed = checkSecret(at, tokenId, secret, caller); !allowed.ok())
        return allowed.error();
    auto before = at.records.token(tokenId);
    if (!before.ok() || !before->has_value())
        return before.ok() ? Result<QJsonObject>(ApiError::notFound()) : before.error();
    TokenRepository::Change change;
    change.tokenId = tokenId;
    // A booked appointment (not in the live line yet) can be cancelled too: its place frees itself.
    change.fromStatuses = {QStringLiteral("waiting"), Wire::toString(Wire::TokenStatus::Booked)};
    if (caller.isStaff())
        change.fromStatuses.append(QStringLiteral("called"));
    change.toStatus = QStringLiteral("cancelled");
    change.event = QStringLiteral("cancelled");
    change.stampColumn = QStringLiteral("finished_at");
    change.actorId = caller.userId;
    change.eventCounterId = (*before)->counterId;
    change.reason = reason;
    auto after = at.records.change(change);
    if (!after.ok())
        return after.error();
    if (!after->has_value())
        return ApiError::conflict(
            QStringLiteral("invalid_state"),
            QStringLiteral("Only a %1 token can be cancelled (it is %2).")
                .arg(change.fromStatuses.join(QStringLiteral(" or ")), (*before)->status));
    const TokenRecord &token = **after;
    auto removed = at.line.remove(LiveQueues::entryOf(**before));
    if ((*before)->counterId > 0)
        at.line.release((*before)->counterId, token.id);
    if (!removed.ok())
        at.line.invalidate(); // Postgres is right; Redis rebuilds from it
    auto service = at.records.service(token.serviceId);
    const int branchId = service.ok() && service->has_value() ? (*service)->branchId : 0;
    at.notices.tokenChanged(Wire::toString(Wire::EventType::TokenCancelled), token, branchId,
                            (*before)->counterId, 0);
    return QJsonObject{{Wire::Key::Token, token.toJson(caller.isStaff())}};
}

WorkerPorts TokenIssuer::bind(WorkerContext &ctx) const
{
    return WorkerPorts(m_deps.value(), ctx); // only an issuer built with deps has a worker's ports
}

QList<Result<QByteArray>> TokenIssuer::issueMany(WorkerContext &ctx, const QList<Request> &requests,
                                                 const QHash<int, ServiceRecord> &services) const
{
    return issueMany(bind(ctx).issue(), requests, services);
}

Result<QJsonObject> TokenIssuer::status(WorkerContext &ctx, qint64 tokenId,
                                        const QByteArray &secret, const Principal &caller) const
{
    return status(bind(ctx).issue(), tokenId, secret, caller);
}

Result<QJsonObject> TokenIssuer::cancel(WorkerContext &ctx, qint64 tokenId,
                                        const QByteArray &secret, const QString &reason,
                                        const Principal &caller) const
{
    return cancel(bind(ctx).issue(), tokenId, secret, reason, caller);
}

Result<QJsonObject> TokenIssuer::details(WorkerContext &ctx, qint64 tokenId) const
{
    auto token = TokenRepository::find(ctx.db(), tokenId);
    if (!token.ok())
        return token.error();
    if (!token->has_value())
        return ApiError::notFound(QStringLiteral("Token %1 does not exist.").arg(tokenId));
    auto events = TokenRepository::events(ctx.db(), tokenId);
    if (!events.ok())
        return events.error();
    QJsonObject json = (*token)->toJson();
    json.insert(Wire::Key::Events, *events);
    return QJsonObject{{Wire::Key::Token, json}};
}

} // namespace Nextup
