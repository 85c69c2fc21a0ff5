#pragma once

#include "domain/livequeues.h"
#include "domain/queueports.h"

namespace Nextup {

class WorkerContext;

// The production ports: one job's view of its worker's Postgres (the records) and Redis (the
// line, the entrance and the event channel). Built per job on the worker thread, from the
// shared QueueDeps and that thread's own connections; holds nothing else.
class StoredRecords final : public DeskRecords, public IssueRecords
{
public:
    StoredRecords(QueueDeps deps, WorkerContext &ctx) : m_deps(deps), m_ctx(ctx) {}

    Result<std::optional<CounterRecord>> counter(int counterId) override;
    Result<std::optional<ServiceRecord>> service(int serviceId) override;
    Result<std::optional<TokenRecord>> token(qint64 tokenId) override;
    Outcome setCounterStatus(int counterId, const QString &status, int operatorId,
                             const QString &reason) override;
    Result<std::optional<TokenRecord>> change(const TokenRepository::Change &change) override;
    Result<TokenRepository::AtCounter>
    changeAtCounter(int counterId, const Principal &caller,
                    const TokenRepository::Change &change) override;
    Result<QList<TokenRepository::Inserted>> insert(const QList<TokenRepository::TokenInsert> &rows,
                                                    QString *failedState) override;
    Result<TokenSecrets::Verdict> verifySecret(qint64 tokenId, QByteArrayView secret) override;
    Result<int> estimateWait(int serviceId, int configuredAverageSeconds, int tokensAhead,
                             qint64 placeMs) override;

private:
    QueueDeps m_deps;
    WorkerContext &m_ctx;
};

class RedisLine final : public LiveLine, public LineEntrance
{
public:
    RedisLine(QueueDeps deps, WorkerContext &ctx) : m_deps(deps), m_ctx(ctx) {}

    Result<std::optional<QueueEngine::Taken>> take(int counterId,
                                                   const QList<int> &serviceIds) override;
    Outcome putBack(int counterId, const QueueEngine::Taken &taken) override;
    void release(int counterId, qint64 tokenId) override;
    Outcome enqueue(const QueueEntry &entry) override;
    Result<bool> remove(const QueueEntry &entry) override;
    Outcome seat(int counterId, const QueueEntry &entry) override;
    void invalidate() override;
    Result<QList<QueueEngine::Reserved>>
    reserve(const QList<QueueEngine::Reservation> &tokens) override;
    Result<QList<int>> join(const QList<QueueEntry> &entries) override;
    Result<int> ahead(const QueueEntry &entry) override;

private:
    QueueDeps m_deps;
    WorkerContext &m_ctx;
};

class PublishedNotices final : public QueueNotices
{
public:
    PublishedNotices(QueueDeps deps, WorkerContext &ctx) : m_deps(deps), m_ctx(ctx) {}

    void tokenChanged(const QString &event, const TokenRecord &token, int branchId, int counterId,
                      int previousServiceId) override;
    void tokensIssued(const QString &event, const QList<TokenRecord> &tokens,
                      const QList<int> &branchIds) override;
    void counterChanged(const CounterRecord &counter) override;
    void waitInputsChanged(int serviceId) override;

private:
    QueueDeps m_deps;
    WorkerContext &m_ctx;
};

// All three for one job, handed out as the ports each service takes.
class WorkerPorts
{
public:
    WorkerPorts(const QueueDeps &deps, WorkerContext &ctx)
        : m_records(deps, ctx), m_line(deps, ctx), m_notices(deps, ctx)
    {
    }

    DeskPorts desk() { return {m_records, m_line, m_notices}; }
    IssuePorts issue() { return {m_records, m_line, m_line, m_notices}; }

private:
    StoredRecords m_records;
    RedisLine m_line;
    PublishedNotices m_notices;
};

} // namespace Nextup
