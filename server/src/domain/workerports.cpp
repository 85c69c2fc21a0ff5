#include "domain/workerports.h"

#include "domain/etaestimator.h"
#include "domain/eventpublisher.h"
#include "store/database.h"

namespace Nextup {

Result<std::optional<CounterRecord>> StoredRecords::counter(int counterId)
{
    return Catalog::counter(m_ctx.db(), counterId);
}

Result<std::optional<ServiceRecord>> StoredRecords::service(int serviceId)
{
    return Catalog::service(m_ctx.db(), serviceId);
}

Result<std::optional<TokenRecord>> StoredRecords::token(qint64 tokenId)
{
    return TokenRepository::find(m_ctx.db(), tokenId);
}

Outcome StoredRecords::setCounterStatus(int counterId, const QString &status, int operatorId,
                                        const QString &reason)
{
    auto updated = m_ctx.db().exec(
        QStringLiteral(
            "UPDATE counters SET status = ?, operator_id = ?, pause_reason = ? WHERE id = ?"),
        {status, nullableId(operatorId), nullable(reason), counterId});
    if (!updated.ok())
        return updated.error();
    return Done{};
}

Result<std::optional<TokenRecord>> StoredRecords::change(const TokenRepository::Change &change)
{
    return TokenRepository::apply(m_ctx.db(), change);
}

Result<TokenRepository::AtCounter>
StoredRecords::changeAtCounter(int counterId, const Principal &caller,
                               const TokenRepository::Change &change)
{
    return TokenRepository::applyAtCounter(m_ctx.db(), counterId, caller, change);
}

Result<QList<TokenRepository::Inserted>>
StoredRecords::insert(const QList<TokenRepository::TokenInsert> &rows, QString *failedState)
{
    auto inserted = TokenRepository::insertMany(m_ctx.db(), rows);
    if (failedState)
        *failedState = inserted.ok() ? QString() : m_ctx.db().lastErrorState();
    return inserted;
}

Result<TokenSecrets::Verdict> StoredRecords::verifySecret(qint64 tokenId, QByteArrayView secret)
{
    return TokenSecrets::verify(m_ctx.db(), tokenId, secret);
}

Result<int> StoredRecords::estimateWait(int serviceId, int configuredAverageSeconds,
                                        int tokensAhead, qint64 placeMs)
{
    return m_deps.eta.estimate(m_ctx.db(), serviceId, configuredAverageSeconds, tokensAhead,
                               placeMs);
}

Result<std::optional<QueueEngine::Taken>> RedisLine::take(int counterId,
                                                          const QList<int> &serviceIds)
{
    return LiveQueues::live(m_deps, m_ctx, [&] {
        return m_deps.engine.callNext(m_ctx.redis(), counterId, serviceIds);
    });
}

// Not through live(): after a loss the rebuild from Postgres, where the token still waits, puts
// it back by itself (the caller invalidates when this fails).
Outcome RedisLine::putBack(int counterId, const QueueEngine::Taken &taken)
{
    return m_deps.engine.putBack(m_ctx.redis(), counterId, taken);
}

void RedisLine::release(int counterId, qint64 tokenId)
{
    m_deps.engine.releaseCurrent(m_ctx.redis(), counterId, tokenId);
}

Outcome RedisLine::enqueue(const QueueEntry &entry)
{
    return LiveQueues::live(m_deps, m_ctx,
                            [&] { return m_deps.engine.enqueue(m_ctx.redis(), entry); });
}

Result<bool> RedisLine::remove(const QueueEntry &entry)
{
    return LiveQueues::live(m_deps, m_ctx,
                            [&] { return m_deps.engine.remove(m_ctx.redis(), entry); });
}

Outcome RedisLine::seat(int counterId, const QueueEntry &entry)
{
    return LiveQueues::live(m_deps, m_ctx, [&]() -> Outcome {
        if (auto removed = m_deps.engine.remove(m_ctx.redis(), entry); !removed.ok())
            return removed.error();
        return m_deps.engine.setCurrent(m_ctx.redis(), counterId, entry.tokenId);
    });
}

void RedisLine::invalidate()
{
    LiveQueues::invalidate(m_deps, m_ctx);
}

Result<QList<QueueEngine::Reserved>>
RedisLine::reserve(const QList<QueueEngine::Reservation> &tokens)
{
    return LiveQueues::live(m_deps, m_ctx,
                            [&] { return m_deps.engine.reserve(m_ctx.redis(), tokens); });
}

Result<QList<int>> RedisLine::join(const QList<QueueEntry> &entries)
{
    return LiveQueues::live(m_deps, m_ctx,
                            [&] { return m_deps.engine.enqueueAndRank(m_ctx.redis(), entries); });
}

Result<int> RedisLine::ahead(const QueueEntry &entry)
{
    return LiveQueues::live(m_deps, m_ctx,
                            [&] { return m_deps.engine.position(m_ctx.redis(), entry); });
}

void PublishedNotices::tokenChanged(const QString &event, const TokenRecord &token, int branchId,
                                    int counterId, int previousServiceId)
{
    m_deps.events.publishToken(m_ctx.redis(), event, token, branchId, counterId, previousServiceId);
}

void PublishedNotices::tokensIssued(const QString &event, const QList<TokenRecord> &tokens,
                                    const QList<int> &branchIds)
{
    m_deps.events.publishTokens(m_ctx.redis(), event, tokens, branchIds);
}

void PublishedNotices::counterChanged(const CounterRecord &counter)
{
    m_deps.events.publishCounter(m_ctx.redis(), counter);
}

void PublishedNotices::waitInputsChanged(int serviceId)
{
    m_deps.eta.invalidate(serviceId);
}

} // namespace Nextup
