#include "nextup/client/queuestate.h"

#include <algorithm>

namespace Nextup {

namespace Key = Wire::Key;

namespace {
template <typename T> void insertById(QList<T> &list, const T &item)
{
    const auto at = std::find_if(list.begin(), list.end(),
                                 [&item](const T &other) { return other.id > item.id; });
    list.insert(at, item);
}
} // namespace

std::optional<QueueEvent> QueueEvent::fromFrame(const QJsonObject &frame)
{
    QueueEvent event;
    event.name = frame.value(Key::Event).toString();
    event.seq = frame.value(Key::Seq).toInteger();
    if (event.name.isEmpty() || event.seq < 0 || !frame.value(Key::Seq).isDouble())
        return std::nullopt;
    event.room = frame.value(Key::Room).toString();
    event.at = parseTime(frame.value(Key::At));
    event.data = frame.value(Key::Data).toObject();
    return event;
}

QueueState::FeedResult QueueState::feed(const QueueEvent &event)
{
    if (m_resyncing) {
        if (m_held.contains(event.seq))
            return {};
        hold(event);
        return {Outcome::Held, {}};
    }
    if (event.seq <= m_seq || m_held.contains(event.seq))
        return {};
    if (m_strict && m_hasSnapshot && event.seq > m_seq + 1) {
        hold(event);
        return {Outcome::Held, {}};
    }
    apply(event);
    FeedResult result{Outcome::Applied, {event}};
    result.applied += drain();
    return result;
}

void QueueState::hold(const QueueEvent &event)
{
    m_held.insert(event.seq, event);
    while (m_held.size() > MaxHeld)
        m_held.erase(m_held.begin());
}

QList<QueueEvent> QueueState::drain()
{
    QList<QueueEvent> applied;
    while (!m_held.isEmpty()) {
        const auto first = m_held.begin();
        if (first.key() <= m_seq) {
            m_held.erase(first); // covered by the snapshot or already applied
            continue;
        }
        if (m_strict && first.key() != m_seq + 1)
            break;
        const QueueEvent event = first.value();
        m_held.erase(first);
        apply(event);
        applied.append(event);
    }
    return applied;
}

QList<QueueEvent> QueueState::reset(const QueueSnapshot &snapshot)
{
    m_services = snapshot.services;
    m_counters = snapshot.counters;
    std::sort(m_services.begin(), m_services.end(),
              [](const ServiceQueue &a, const ServiceQueue &b) { return a.id < b.id; });
    std::sort(m_counters.begin(), m_counters.end(),
              [](const CounterInfo &a, const CounterInfo &b) { return a.id < b.id; });
    m_seq = snapshot.seq;
    m_resyncing = false;
    m_hasSnapshot = true;
    return drain();
}

void QueueState::clear()
{
    *this = QueueState{};
}

const ServiceQueue *QueueState::service(int id) const
{
    const auto it = std::find_if(m_services.cbegin(), m_services.cend(),
                                 [id](const ServiceQueue &s) { return s.id == id; });
    return it == m_services.cend() ? nullptr : &*it;
}

const CounterInfo *QueueState::counter(int id) const
{
    const auto it = std::find_if(m_counters.cbegin(), m_counters.cend(),
                                 [id](const CounterInfo &c) { return c.id == id; });
    return it == m_counters.cend() ? nullptr : &*it;
}

ServiceQueue *QueueState::findService(int id)
{
    return const_cast<ServiceQueue *>(std::as_const(*this).service(id));
}

CounterInfo *QueueState::findCounter(int id)
{
    return const_cast<CounterInfo *>(std::as_const(*this).counter(id));
}

QList<QueueToken> QueueState::waiting(int serviceId) const
{
    const ServiceQueue *queue = service(serviceId);
    return queue ? queue->tokens : QList<QueueToken>{};
}

QList<QueueToken> QueueState::waiting(const QList<int> &serviceIds) const
{
    QList<QueueToken> merged;
    for (int id : serviceIds)
        merged += waiting(id);
    std::stable_sort(merged.begin(), merged.end(),
                     [](const QueueToken &a, const QueueToken &b) { return a.goesBefore(b); });
    return merged;
}

void QueueState::apply(const QueueEvent &event)
{
    const std::optional<Wire::EventType> type = event.type();
    if (type == Wire::EventType::QueueUpdate)
        applyQueueUpdate(event.data);
    else if (type == Wire::EventType::CounterStatus)
        applyCounter(event.data);
    else if (event.name.startsWith(u"token_")) // every token event, also those of newer servers
        applyToken(event.data);
    m_seq = qMax(m_seq, event.seq);
}

// Every token event carries the token as it is now, so one rule covers them all: take it out of
// wherever it was, and put it where its status says it is.
void QueueState::applyToken(const QJsonObject &json)
{
    const Wire::Token token = Wire::Token::fromJson(json);
    if (token.id <= 0)
        return;
    const qint64 id = token.id;
    for (ServiceQueue &queue : m_services) {
        const auto removed =
            queue.tokens.removeIf([id](const QueueToken &t) { return t.id == id; });
        if (removed > 0)
            queue.waiting = qMax(0, queue.waiting - int(removed));
    }
    for (CounterInfo &counter : m_counters) {
        if (counter.currentToken && counter.currentToken->id == id)
            counter.currentToken.reset();
    }
    if (token.hasStatus(Wire::TokenStatus::Waiting)) {
        if (ServiceQueue *queue = findService(token.serviceId)) {
            const QueueToken entry = QueueToken::fromJson(json, token.serviceId);
            const auto at =
                std::find_if(queue->tokens.begin(), queue->tokens.end(),
                             [&entry](const QueueToken &t) { return entry.goesBefore(t); });
            queue->tokens.insert(at, entry);
            ++queue->waiting;
        }
    } else if (token.hasStatus(Wire::TokenStatus::Called) ||
               token.hasStatus(Wire::TokenStatus::Serving)) {
        if (CounterInfo *counter = findCounter(token.counterId))
            counter->currentToken =
                CurrentToken{id, token.tokenNumber, token.status, token.serviceId};
    }
    recountQueueSizes();
}

void QueueState::applyQueueUpdate(const QJsonObject &json)
{
    const Wire::QueueUpdate update = Wire::QueueUpdate::fromJson(json);
    if (update.serviceId <= 0)
        return;
    ServiceQueue *queue = findService(update.serviceId);
    if (!queue) {
        ServiceQueue added;
        added.id = update.serviceId;
        insertById(m_services, added);
        queue = findService(update.serviceId);
    }
    // An update without code or name (an older server's) keeps them.
    if (json.contains(Key::Code))
        queue->code = update.code;
    if (json.contains(Key::Name))
        queue->name = update.name;
    queue->waiting = update.waiting;
    queue->eta = update.eta;
    recountQueueSizes();
}

void QueueState::applyCounter(const QJsonObject &json)
{
    const int id = json.value(Key::Id).toInt();
    if (id <= 0)
        return;
    CounterInfo *counter = findCounter(id);
    // GET /api/queues lists active counters only; keep the same view.
    if (!json.value(Key::Active).toBool(true)) {
        m_counters.removeIf([id](const CounterInfo &c) { return c.id == id; });
        return;
    }
    if (counter)
        counter->update(json);
    else
        insertById(m_counters, CounterInfo::fromJson(json));
    recountQueueSizes();
}

void QueueState::recountQueueSizes()
{
    for (CounterInfo &counter : m_counters) {
        int size = 0;
        for (int serviceId : std::as_const(counter.serviceIds)) {
            if (const ServiceQueue *queue = service(serviceId))
                size += queue->waiting;
        }
        counter.queueSize = size;
    }
}

} // namespace Nextup
