#include <algorithm>

#include "domain/livequeues.h"
#include "memoryqueue.h"

namespace Nextup {

namespace {
ApiError redisDown()
{
    return ApiError::redisUnavailable();
}

QByteArray serviceQueue(int serviceId)
{
    return "q:" + QByteArray::number(serviceId);
}
} // namespace

QByteArray MemoryLine::queueOf(const QueueEntry &entry)
{
    return entry.targetCounterId > 0 ? "cq:" + QByteArray::number(entry.targetCounterId)
                                     : serviceQueue(entry.serviceId);
}

void MemoryLine::add(const QByteArray &queue, Member member)
{
    removeMember(queue, member.tokenId); // ZADD of a member again only moves it
    QList<Member> &members = m_queues[queue];
    members.insert(std::lower_bound(members.begin(), members.end(), member) - members.begin(),
                   member);
}

bool MemoryLine::removeMember(const QByteArray &queue, qint64 tokenId)
{
    const auto found = m_queues.find(queue);
    if (found == m_queues.end())
        return false;
    const bool removed =
        found->removeIf([tokenId](const Member &m) { return m.tokenId == tokenId; }) > 0;
    if (found->isEmpty())
        m_queues.erase(found);
    return removed;
}

// callnext.lua: the lowest score among the heads of the candidate queues, then the lower id.
Result<std::optional<QueueEngine::Taken>> MemoryLine::take(int counterId,
                                                           const QList<int> &serviceIds)
{
    if (failing.contains(u"take"))
        return redisDown();
    QList<QByteArray> keys{"cq:" + QByteArray::number(counterId)};
    for (int serviceId : serviceIds)
        keys.append(serviceQueue(serviceId));
    QByteArray bestKey;
    for (const QByteArray &key : std::as_const(keys)) {
        const QList<Member> members = m_queues.value(key);
        if (!members.isEmpty() &&
            (bestKey.isEmpty() || members.first() < m_queues.value(bestKey).first()))
            bestKey = key;
    }
    if (bestKey.isEmpty())
        return std::optional<QueueEngine::Taken>();
    const Member best = m_queues.value(bestKey).first();
    removeMember(bestKey, best.tokenId);
    const auto previous = current(counterId);
    m_current.insert(counterId, best.tokenId);
    return std::optional(
        QueueEngine::Taken{best.tokenId, bestKey, QByteArray::number(best.score),
                           previous ? QByteArray::number(*previous) : QByteArray()});
}

Outcome MemoryLine::putBack(int counterId, const QueueEngine::Taken &taken)
{
    if (failing.contains(u"putBack"))
        return redisDown();
    add(taken.queue, {taken.score.toLongLong(), taken.tokenId});
    if (current(counterId) == taken.tokenId) {
        if (taken.previousCurrent.isEmpty())
            m_current.remove(counterId);
        else
            m_current.insert(counterId, taken.previousCurrent.toLongLong());
    }
    return Done{};
}

void MemoryLine::release(int counterId, qint64 tokenId)
{
    if (current(counterId) == tokenId)
        m_current.remove(counterId);
}

Outcome MemoryLine::enqueue(const QueueEntry &entry)
{
    if (failing.contains(u"enqueue"))
        return redisDown();
    add(queueOf(entry), {entry.score(), entry.tokenId});
    return Done{};
}

Result<bool> MemoryLine::remove(const QueueEntry &entry)
{
    if (failing.contains(u"remove"))
        return redisDown();
    return removeMember(queueOf(entry), entry.tokenId);
}

Outcome MemoryLine::seat(int counterId, const QueueEntry &entry)
{
    if (failing.contains(u"seat"))
        return redisDown();
    removeMember(queueOf(entry), entry.tokenId);
    m_current.insert(counterId, entry.tokenId);
    return Done{};
}

// The rebuild (queue/queuerebuild.cpp) from LiveQueues::snapshot(): the waiting tokens, the
// counters' current ones, and the number sequences raised to the last number written.
void MemoryLine::invalidate()
{
    ++invalidations;
    m_queues.clear();
    m_current.clear();
    for (const TokenRecord &token : std::as_const(m_records.tokens)) {
        const QueueEntry entry = LiveQueues::entryOf(token);
        if (token.status == u"waiting")
            add(queueOf(entry), {entry.score(), entry.tokenId});
        else if (MemoryRecords::atCounter(token) && token.counterId > 0)
            m_current.insert(token.counterId, token.id);
    }
    for (auto it = m_records.numberFloors.cbegin(); it != m_records.numberFloors.cend(); ++it)
        numbers[it.key()] = qMax(numbers.value(it.key()), it.value());
}

// reserve.lua: INCR of the day's sequence, and ZCOUNT of the queue below the new token's score.
Result<QList<QueueEngine::Reserved>>
MemoryLine::reserve(const QList<QueueEngine::Reservation> &tokens)
{
    if (failing.contains(u"reserve"))
        return redisDown();
    QList<QueueEngine::Reserved> reserved;
    for (const QueueEngine::Reservation &token : tokens) {
        const QList<Member> members = m_queues.value(queueOf(token.entry));
        const auto below = std::count_if(members.cbegin(), members.cend(), [&](const Member &m) {
            return m.score < token.entry.score();
        });
        const QString key = MemoryRecords::numberKey(token.entry.serviceId,
                                                     token.businessDate.toString(Qt::ISODate));
        reserved.append({++numbers[key], int(below)});
    }
    return reserved;
}

Result<QList<int>> MemoryLine::join(const QList<QueueEntry> &entries)
{
    if (failing.contains(u"join"))
        return redisDown();
    for (const QueueEntry &entry : entries)
        add(queueOf(entry), {entry.score(), entry.tokenId});
    QList<int> ranks;
    for (const QueueEntry &entry : entries)
        ranks.append(rankOf(entry));
    return ranks;
}

Result<int> MemoryLine::ahead(const QueueEntry &entry)
{
    if (failing.contains(u"ahead"))
        return redisDown();
    return rankOf(entry);
}

int MemoryLine::rankOf(const QueueEntry &entry) const
{
    return int(waiting(queueOf(entry)).indexOf(entry.tokenId));
}

QList<qint64> MemoryLine::waiting(const QByteArray &queue) const
{
    QList<qint64> ids;
    for (const Member &member : m_queues.value(queue))
        ids.append(member.tokenId);
    return ids;
}

std::optional<qint64> MemoryLine::current(int counterId) const
{
    const auto found = m_current.constFind(counterId);
    return found == m_current.cend() ? std::nullopt : std::optional(*found);
}

QStringList MemoryLine::state() const
{
    QStringList lines;
    for (auto it = m_queues.cbegin(); it != m_queues.cend(); ++it) {
        QStringList ids;
        for (const Member &member : it.value())
            ids.append(QString::number(member.tokenId));
        lines.append(QString::fromLatin1(it.key()) + QStringLiteral(" = ") + ids.join(u','));
    }
    for (auto it = m_current.cbegin(); it != m_current.cend(); ++it)
        lines.append(QStringLiteral("cur:%1 = %2").arg(it.key()).arg(it.value()));
    for (auto it = numbers.cbegin(); it != numbers.cend(); ++it)
        lines.append(QStringLiteral("num:%1 = %2").arg(it.key()).arg(it.value()));
    return lines;
}

void MemoryNotices::tokenChanged(const QString &event, const TokenRecord &token, int branchId,
                                 int counterId, int previousServiceId)
{
    Q_UNUSED(branchId);
    QString line = event + u' ' + token.tokenNumber;
    if (counterId > 0)
        line += QStringLiteral(" counter:%1").arg(counterId);
    if (previousServiceId > 0 && previousServiceId != token.serviceId)
        line += QStringLiteral(" left service:%1").arg(previousServiceId);
    heard.append(line);
}

void MemoryNotices::tokensIssued(const QString &event, const QList<TokenRecord> &tokens,
                                 const QList<int> &branchIds)
{
    Q_UNUSED(branchIds);
    for (const TokenRecord &token : tokens)
        heard.append(event + u' ' + token.tokenNumber);
}

void MemoryNotices::counterChanged(const CounterRecord &counter)
{
    heard.append(QStringLiteral("counter_status %1 %2").arg(counter.id).arg(counter.status));
}

void MemoryNotices::waitInputsChanged(int serviceId)
{
    staleWaits.append(serviceId);
}

qint64 MemoryQueue::addWaiting(int serviceId, int priority, qint64 arrivalMs, int targetCounterId)
{
    const qint64 id = records.addWaiting(serviceId, priority, arrivalMs, targetCounterId);
    const TokenRecord &token = records.tokens[id];
    line.numbers[MemoryRecords::numberKey(serviceId, token.businessDate)] = token.number;
    line.enqueue(LiveQueues::entryOf(token));
    return id;
}

QStringList MemoryQueue::state() const
{
    return records.state() + line.state() + notices.heard;
}

} // namespace Nextup
