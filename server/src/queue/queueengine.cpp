#include "queue/queueengine.h"

#include "queue/redisconnection.h"

namespace Nextup {

namespace {

constexpr qint64 maxTokenId = QueueEntry::maxTokenId;

ApiError invalidEntry()
{
    return ApiError::badRequest(QStringLiteral("Invalid queue entry."));
}

std::optional<qint64> parseId(const RedisReply &reply)
{
    bool ok = false;
    const qint64 id = reply.string.toLongLong(&ok);
    return ok ? std::optional<qint64>(id) : std::nullopt;
}

} // namespace

QueueEngine::QueueEngine(QByteArray prefix) : m_keys(std::move(prefix)), m_rebuilder(m_keys) {}

QByteArray QueueEngine::queueKey(const QueueEntry &entry) const
{
    return entry.targetCounterId > 0 ? m_keys.counterQueue(entry.targetCounterId)
                                     : m_keys.serviceQueue(entry.serviceId);
}

RedisReply QueueEngine::guarded(RedisConnection &conn, const QByteArray &key,
                                const QList<QByteArray> &commandAndArgs) const
{
    return m_guarded.run(conn, {m_keys.ready(), key}, commandAndArgs);
}

Outcome QueueEngine::enqueue(RedisConnection &conn, const QueueEntry &entry) const
{
    if (!entry.isValid())
        return invalidEntry();
    const RedisReply r =
        guarded(conn, queueKey(entry),
                {"ZADD", QByteArray::number(entry.score()), QueueKeys::member(entry.tokenId)});
    if (r.type != RedisReply::Type::Integer)
        return RedisErrors::fromReply(r);
    return Done{};
}

Result<QList<int>> QueueEngine::enqueueAndRank(RedisConnection &conn,
                                               const QList<QueueEntry> &entries) const
{
    if (entries.isEmpty())
        return QList<int>();
    QList<QByteArray> keys{m_keys.ready()};
    QList<QByteArray> args;
    keys.reserve(1 + entries.size());
    args.reserve(2 * entries.size());
    for (const QueueEntry &entry : entries) {
        if (!entry.isValid())
            return invalidEntry();
        keys.append(queueKey(entry));
        args << QByteArray::number(entry.score()) << QueueKeys::member(entry.tokenId);
    }
    const RedisReply r = m_enqueueRank.run(conn, keys, args);
    if (r.type != RedisReply::Type::Array || r.elements.size() != entries.size())
        return RedisErrors::fromReply(r);
    QList<int> ranks;
    ranks.reserve(entries.size());
    for (const RedisReply &rank : r.elements)
        ranks.append(int(rank.integer));
    return ranks;
}

QueueEngine::TakenResult QueueEngine::callNext(RedisConnection &conn, int counterId,
                                               const QList<int> &serviceIds) const
{
    QList<QByteArray> keys{m_keys.ready(), m_keys.current(counterId),
                           m_keys.counterQueue(counterId)};
    for (const int serviceId : serviceIds) {
        const QByteArray key = m_keys.serviceQueue(serviceId);
        if (!keys.contains(key))
            keys.append(key);
    }
    const RedisReply r = m_callNext.run(conn, keys);
    if (r.isNil())
        return std::optional<Taken>();
    if (r.type != RedisReply::Type::Array || r.elements.size() != 4 || !parseId(r.elements.at(0)))
        return RedisErrors::fromReply(r);
    return std::optional<Taken>(Taken{*parseId(r.elements.at(0)), r.elements.at(1).string,
                                      r.elements.at(2).string, r.elements.at(3).string});
}

Outcome QueueEngine::putBack(RedisConnection &conn, int counterId, const Taken &taken) const
{
    const RedisReply r =
        m_putBack.run(conn, {m_keys.ready(), taken.queue, m_keys.current(counterId)},
                      {QueueKeys::member(taken.tokenId), taken.score,
                       QByteArray::number(taken.tokenId), taken.previousCurrent});
    if (r.type != RedisReply::Type::Integer)
        return RedisErrors::fromReply(r);
    return Done{};
}

Result<bool> QueueEngine::remove(RedisConnection &conn, const QueueEntry &entry) const
{
    if (entry.tokenId <= 0 || entry.tokenId > maxTokenId)
        return invalidEntry();
    const RedisReply r = guarded(conn, queueKey(entry), {"ZREM", QueueKeys::member(entry.tokenId)});
    if (r.type != RedisReply::Type::Integer)
        return RedisErrors::fromReply(r);
    return r.integer > 0;
}

Outcome QueueEngine::setCurrent(RedisConnection &conn, int counterId, qint64 tokenId) const
{
    const RedisReply r =
        guarded(conn, m_keys.current(counterId), {"SET", QByteArray::number(tokenId)});
    if (r.type != RedisReply::Type::Status)
        return RedisErrors::fromReply(r);
    return Done{};
}

void QueueEngine::releaseCurrent(RedisConnection &conn, int counterId, qint64 tokenId) const
{
    m_deleteIfEqual.send(conn, {m_keys.current(counterId)}, {QByteArray::number(tokenId)}, {});
}

Result<std::optional<qint64>> QueueEngine::current(RedisConnection &conn, int counterId) const
{
    const RedisReply r = guarded(conn, m_keys.current(counterId), {"GET"});
    if (r.isNil())
        return std::optional<qint64>();
    if (r.type != RedisReply::Type::String || !parseId(r))
        return RedisErrors::fromReply(r);
    return parseId(r);
}

Result<int> QueueEngine::position(RedisConnection &conn, const QueueEntry &entry) const
{
    if (entry.tokenId <= 0 || entry.tokenId > maxTokenId)
        return invalidEntry();
    const RedisReply r =
        guarded(conn, queueKey(entry), {"ZRANK", QueueKeys::member(entry.tokenId)});
    if (r.isNil())
        return -1;
    if (r.type != RedisReply::Type::Integer)
        return RedisErrors::fromReply(r);
    return static_cast<int>(r.integer);
}

Result<QHash<int, int>> QueueEngine::waitingCounts(RedisConnection &conn,
                                                   const QList<int> &serviceIds) const
{
    QList<QByteArray> keys{m_keys.ready()};
    for (const int serviceId : serviceIds)
        keys.append(m_keys.serviceQueue(serviceId));
    const RedisReply r = m_counts.run(conn, keys);
    if (r.type != RedisReply::Type::Array || r.elements.size() != serviceIds.size())
        return RedisErrors::fromReply(r);
    QHash<int, int> counts;
    for (qsizetype i = 0; i < serviceIds.size(); ++i)
        counts.insert(serviceIds.at(i), static_cast<int>(r.elements.at(i).integer));
    return counts;
}

Result<QList<qint64>> QueueEngine::waitingTokens(RedisConnection &conn, int serviceId) const
{
    const RedisReply r = guarded(conn, m_keys.serviceQueue(serviceId), {"ZRANGE", "0", "-1"});
    if (r.type != RedisReply::Type::Array)
        return RedisErrors::fromReply(r);
    QList<qint64> ids;
    ids.reserve(r.elements.size());
    for (const RedisReply &member : r.elements)
        ids.append(member.string.toLongLong());
    return ids;
}

Result<qint64> QueueEngine::nextNumber(RedisConnection &conn, int serviceId,
                                       QDate businessDate) const
{
    QueueEntry entry;
    entry.serviceId = serviceId;
    auto reserved = reserve(conn, {Reservation{businessDate, entry}});
    if (!reserved.ok())
        return reserved.error();
    return reserved->constFirst().number;
}

Result<QList<QueueEngine::Reserved>> QueueEngine::reserve(RedisConnection &conn,
                                                          const QList<Reservation> &tokens) const
{
    QList<QByteArray> keys{m_keys.ready()};
    QList<QByteArray> args{QByteArray::number(QueueKeys::numberLifetimeSeconds)};
    for (const Reservation &token : tokens) {
        if (!token.businessDate.isValid())
            return ApiError::badRequest(QStringLiteral("Invalid business date."));
        keys << m_keys.number(token.entry.serviceId, token.businessDate) << queueKey(token.entry);
        args << QByteArray::number(token.entry.score());
    }
    const RedisReply r = m_reserve.run(conn, keys, args);
    if (r.type != RedisReply::Type::Array || r.elements.size() != 2 * tokens.size())
        return RedisErrors::fromReply(r);
    QList<Reserved> reserved;
    reserved.reserve(tokens.size());
    for (qsizetype i = 0; i < tokens.size(); ++i)
        reserved.append({r.elements.at(2 * i).integer, int(r.elements.at(2 * i + 1).integer)});
    return reserved;
}

Result<qint64> QueueEngine::nextEventSeq(RedisConnection &conn) const
{
    const RedisReply r = guarded(conn, m_keys.eventSeq(), {"INCR"});
    if (r.type != RedisReply::Type::Integer)
        return RedisErrors::fromReply(r);
    return r.integer;
}

Result<qint64> QueueEngine::lastEventSeq(RedisConnection &conn) const
{
    const RedisReply r = guarded(conn, m_keys.eventSeq(), {"GET"});
    if (r.isError())
        return RedisErrors::fromReply(r);
    return r.isNil() ? qint64(0) : r.string.toLongLong();
}

Outcome QueueEngine::ensureReady(RedisConnection &conn, const SnapshotLoader &loadSnapshot) const
{
    return m_rebuilder.ensureReady(conn, loadSnapshot);
}

Result<bool> QueueEngine::ping(RedisConnection &conn) const
{
    return m_rebuilder.checkMarker(conn);
}

} // namespace Nextup
