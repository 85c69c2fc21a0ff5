// In-memory stand-ins for the queue's ports (server/src/domain/queueports.h): the records as
// Postgres keeps them, the live line as the Lua scripts of server/src/queue/lua keep it, and the
// notices as a list. Each answers what the real statement or script answers, so that the
// decisions of CounterDesk and TokenIssuer can be tested without a server. state() of each is
// one comparable value, for proving that a refused action changed nothing.
#pragma once

#include <compare>
#include <functional>

#include <QDateTime>
#include <QHash>
#include <QMap>
#include <QSet>
#include <QStringList>

#include "domain/queueports.h"

namespace Nextup {

// Postgres: services, counters, tokens and their token_events rows.
class MemoryRecords final : public DeskRecords, public IssueRecords
{
public:
    QMap<int, ServiceRecord> services;
    QMap<int, CounterRecord> counters; // `current` is read from the tokens, as the SQL does
    QMap<qint64, TokenRecord> tokens;
    QHash<qint64, QByteArray> secretHashes;
    QStringList events; // one "<token id> <event>" per token_events row
    // The last number written per "<service>:<business day>": what a rebuild raises Redis' number
    // sequences to.
    QMap<QString, qint64> numberFloors;
    // The next changes (change, changeAtCounter) fail with these errors, first one first: an
    // outage, or a race the decision must survive.
    QList<ApiError> failingChanges;
    // A row Postgres refuses, with its SQLSTATE (empty: accepted); the whole statement fails.
    std::function<QString(const TokenRepository::TokenInsert &)> refuseRow;
    // The arrival of walk-ins, one millisecond apart in write order, as clock_timestamp() gives.
    qint64 clockMs = QDateTime::currentMSecsSinceEpoch();
    // Answers estimateWait() when set (bench/etasim binds the real EtaEstimator to its day).
    std::function<Result<int>(int serviceId, int configuredAverageSeconds, int tokensAhead,
                              qint64 placeMs)>
        estimate;

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
    // `estimate`, or without it the estimator's answer when there is no history: the configured
    // average per token ahead, one counter.
    Result<int> estimateWait(int serviceId, int configuredAverageSeconds, int tokensAhead,
                             qint64 placeMs) override;

    // Catalogue rows of branch 1 (time zone UTC): a service with a 300 s average; a counter
    // named "Counter <id>", closed, serving serviceIds.
    void addService(int id, const QString &code, bool active = true);
    void addCounter(int id, const QList<int> &serviceIds, bool active = true);
    // A waiting token written directly (as if issued earlier), numbered next; its id. Its secret
    // is secretOf(id).
    qint64 addWaiting(int serviceId, int priority, qint64 arrivalMs, int targetCounterId = 0);
    static QByteArray secretOf(qint64 tokenId);
    QStringList state() const;

    // Called or serving: the token is at its counter.
    static bool atCounter(const TokenRecord &token);
    // "<service>:<business day>", the key of numberFloors and of MemoryLine::numbers.
    static QString numberKey(int serviceId, const QString &businessDate);

private:
    Result<std::optional<TokenRecord>> apply(TokenRecord token,
                                             const TokenRepository::Change &change);
    qint64 m_nextId = 1;
    QSet<QString> m_numbersTaken; // the unique (service, business day, number) of tokens
};

// Redis: the service queues (q:<service>), the counters' transfer queues (cq:<counter>), each
// counter's current token (cur:<counter>) and the number sequences.
class MemoryLine final : public LiveLine, public LineEntrance
{
public:
    // invalidate() rebuilds from these records at once, as the next operation would.
    explicit MemoryLine(MemoryRecords &records) : m_records(records) {}

    QStringList failing; // names of the operations that answer 503 redis_unavailable
    int invalidations = 0;
    QMap<QString, qint64> numbers; // "<service>:<business day>" -> the last number handed out

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

    // The tokens waiting in one queue ("q:1", "cq:2"), in call order.
    QList<qint64> waiting(const QByteArray &queue) const;
    std::optional<qint64> current(int counterId) const;
    QStringList state() const;

private:
    struct Member
    {
        qint64 score = 0;
        qint64 tokenId = 0;
        auto operator<=>(const Member &) const = default;
    };
    static QByteArray queueOf(const QueueEntry &entry);
    void add(const QByteArray &queue, Member member);
    bool removeMember(const QByteArray &queue, qint64 tokenId);
    int rankOf(const QueueEntry &entry) const; // ZRANK: -1 when not there

    MemoryRecords &m_records;
    QMap<QByteArray, QList<Member>> m_queues; // each sorted: score, then id (callnext.lua)
    QMap<int, qint64> m_current;
};

// The notices, as heard: "<event> <token number> <rooms' ids>" or "counter_status <id>".
class MemoryNotices final : public QueueNotices
{
public:
    QStringList heard;
    QList<int> staleWaits; // services whose wait inputs changed

    void tokenChanged(const QString &event, const TokenRecord &token, int branchId, int counterId,
                      int previousServiceId) override;
    void tokensIssued(const QString &event, const QList<TokenRecord> &tokens,
                      const QList<int> &branchIds) override;
    void counterChanged(const CounterRecord &counter) override;
    void waitInputsChanged(int serviceId) override;
};

// "409 invalid_state: <message>", for failure messages.
QString describe(const ApiError &error);

// The three together, handed out as ports.
struct MemoryQueue
{
    MemoryRecords records;
    MemoryLine line{records};
    MemoryNotices notices;

    DeskPorts desk() { return {records, line, notices}; }
    IssuePorts issue() { return {records, line, line, notices}; }
    // A waiting token in the records and in the line, numbered by both; its id.
    qint64 addWaiting(int serviceId, int priority, qint64 arrivalMs, int targetCounterId = 0);
    // Records, line and what was heard, as one comparable value.
    QStringList state() const;
};

} // namespace Nextup
