#include "domain/counterdesk.h"

#include "domain/workerports.h"
#include "nextup/wire/keys.h"

namespace Nextup {

namespace {
const int kCallAttempts = 8;

QJsonObject tokenAnswer(const TokenRecord &token)
{
    return QJsonObject{{Wire::Key::Token, token.toJson()}};
}

QJsonObject counterAnswer(const CounterRecord &counter)
{
    return QJsonObject{{Wire::Key::Counter, counter.toJson()}};
}

ApiError busyCounter(const CounterRecord &counter)
{
    return ApiError::conflict(
        QStringLiteral("invalid_state"),
        QStringLiteral("%1 already has a token at the counter.").arg(counter.name));
}

ApiError noCurrent(const CounterRecord &counter, const QString &needed)
{
    return ApiError::conflict(QStringLiteral("invalid_state"),
                              QStringLiteral("%1 has no %2 token.").arg(counter.name, needed));
}
} // namespace

Result<CounterRecord> CounterDesk::loadCounter(const DeskPorts &at, int counterId) const
{
    auto counter = at.records.counter(counterId);
    if (!counter.ok())
        return counter.error();
    if (auto refused = refusal(*counter, counterId, nullptr))
        return *refused;
    return **counter;
}

Result<CounterRecord> CounterDesk::workingCounter(const DeskPorts &at, int counterId,
                                                  const Principal &caller) const
{
    auto counter = at.records.counter(counterId);
    if (!counter.ok())
        return counter.error();
    if (auto refused = refusal(*counter, counterId, &caller))
        return *refused;
    return **counter;
}

std::optional<ApiError> CounterDesk::refusal(const std::optional<CounterRecord> &counter,
                                             int counterId, const Principal *worker)
{
    if (!counter || !counter->active)
        return ApiError::notFound(QStringLiteral("Counter %1 does not exist.").arg(counterId));
    if (!worker)
        return std::nullopt;
    if (counter->status == u"closed")
        return ApiError::conflict(
            QStringLiteral("counter_not_open"),
            QStringLiteral("%1 is closed; open it first.").arg(counter->name));
    if (!worker->isManager() && counter->operatorId != worker->userId)
        return ApiError::forbidden(
            QStringLiteral("%1 was opened by another operator.").arg(counter->name));
    return std::nullopt;
}

Result<CounterRecord> CounterDesk::setCounterStatus(const DeskPorts &at,
                                                    const CounterRecord &counter,
                                                    const QString &status, int operatorId,
                                                    const QString &reason) const
{
    auto updated = at.records.setCounterStatus(counter.id, status, operatorId, reason);
    if (!updated.ok())
        return updated.error();
    for (int serviceId : counter.serviceIds)
        at.notices.waitInputsChanged(serviceId); // open counters are the ETA's divisor
    auto reloaded = loadCounter(at, counter.id);
    if (reloaded.ok())
        at.notices.counterChanged(*reloaded);
    return reloaded;
}

Result<QJsonObject> CounterDesk::open(const DeskPorts &at, int counterId,
                                      const Principal &caller) const
{
    auto counter = loadCounter(at, counterId);
    if (!counter.ok())
        return counter.error();
    if (counter->status != u"closed" && counter->operatorId != caller.userId && !caller.isManager())
        return ApiError::conflict(
            QStringLiteral("counter_busy"),
            QStringLiteral("%1 is already open for another operator.").arg(counter->name));
    auto updated = setCounterStatus(at, *counter, QStringLiteral("open"), caller.userId, {});
    return updated.ok() ? Result<QJsonObject>(counterAnswer(*updated)) : updated.error();
}

Result<QJsonObject> CounterDesk::pause(const DeskPorts &at, int counterId, const QString &reason,
                                       const Principal &caller) const
{
    auto counter = workingCounter(at, counterId, caller);
    if (!counter.ok())
        return counter.error();
    auto updated =
        setCounterStatus(at, *counter, QStringLiteral("paused"), counter->operatorId, reason);
    return updated.ok() ? Result<QJsonObject>(counterAnswer(*updated)) : updated.error();
}

Result<QJsonObject> CounterDesk::close(const DeskPorts &at, int counterId,
                                       const Principal &caller) const
{
    auto counter = workingCounter(at, counterId, caller);
    if (!counter.ok())
        return counter.error();
    if (counter->currentToken)
        return ApiError::conflict(QStringLiteral("invalid_state"),
                                  QStringLiteral("Finish, skip or transfer %1 before closing.")
                                      .arg(counter->currentToken->tokenNumber));
    auto updated = setCounterStatus(at, *counter, QStringLiteral("closed"), 0, {});
    return updated.ok() ? Result<QJsonObject>(counterAnswer(*updated)) : updated.error();
}

Result<TokenRecord> CounterDesk::takeNext(const DeskPorts &at, const CounterRecord &counter,
                                          const Principal &caller,
                                          const std::function<Outcome()> &beforeCall) const
{
    for (int attempt = 0; attempt < kCallAttempts; ++attempt) {
        auto picked = at.line.take(counter.id, counter.serviceIds);
        if (!picked.ok())
            return picked.error();
        if (!picked->has_value())
            return ApiError::conflict(
                QStringLiteral("queue_empty"),
                QStringLiteral("No token is waiting for %1.").arg(counter.name));
        const QueueEngine::Taken &taken = **picked;
        if (attempt == 0 && beforeCall) {
            if (Outcome done = beforeCall(); !done.ok()) {
                // Taken from the line but not called (say a second click completed the serving
                // token first): back in its place, as if never taken.
                if (!at.line.putBack(counter.id, taken).ok())
                    at.line.invalidate(); // Postgres has it waiting: rebuild
                return done.error();
            }
        }
        TokenRepository::Change change;
        change.tokenId = taken.tokenId;
        change.fromStatuses = {QStringLiteral("waiting")};
        change.toStatus = QStringLiteral("called");
        change.event = QStringLiteral("called");
        change.stampColumn = QStringLiteral("called_at");
        change.actorId = caller.userId;
        change.eventCounterId = counter.id;
        change.counterEffect = TokenRepository::Change::CounterEffect::Set;
        change.counterId = counter.id;
        change.newTargetCounterId = 0;
        auto called = at.records.change(change);
        if (!called.ok() && called.error().code == u"already_exists") {
            // Another call at this counter got there first (migration 0006 allows one token at a
            // counter): this one never happened.
            if (!at.line.putBack(counter.id, taken).ok())
                at.line.invalidate();
            return busyCounter(counter);
        }
        if (!called.ok()) {
            // Redis already moved the token; Postgres did not. Rebuild Redis from Postgres.
            at.line.invalidate();
            return called.error();
        }
        if (called->has_value())
            return **called;
        // Redis offered a token Postgres no longer has waiting (stale after a Redis loss): the
        // guarded update refused it; drop it and take the next.
        at.line.release(counter.id, taken.tokenId);
    }
    return ApiError::conflict(
        QStringLiteral("queue_empty"),
        QStringLiteral("No callable token is waiting for %1.").arg(counter.name));
}

Result<QJsonObject> CounterDesk::callNext(const DeskPorts &at, int counterId,
                                          const Principal &caller) const
{
    auto counter = workingCounter(at, counterId, caller);
    if (!counter.ok())
        return counter.error();
    if (counter->status != u"open")
        return ApiError::conflict(
            QStringLiteral("counter_not_open"),
            QStringLiteral("%1 is paused; resume it to call.").arg(counter->name));
    if (counter->currentToken && counter->currentToken->hasStatus(Wire::TokenStatus::Called))
        return ApiError::conflict(
            QStringLiteral("invalid_state"),
            QStringLiteral("%1 is still called: serve, skip or transfer it first.")
                .arg(counter->currentToken->tokenNumber));
    // "Next" while serving ends the current service, as at any counter — but only once a next
    // token was taken from the line: with nobody waiting the serving token stays as it was.
    QJsonObject finished; // {token} of the serving token once completed
    const std::function<Outcome()> finishServing = [&]() -> Outcome {
        auto completed = complete(at, counterId, caller);
        if (!completed.ok())
            return completed.error();
        finished = *completed;
        return Done{};
    };
    auto token = takeNext(at, *counter, caller,
                          counter->currentToken ? finishServing : std::function<Outcome()>());
    if (!token.ok() && !finished.isEmpty()) {
        // The line offered a token Postgres no longer had waiting (stale after a Redis loss) and
        // then ran dry: the serving token is completed all the same, and the answer says so.
        ApiError error = token.error();
        error.message = QStringLiteral("%1 was completed. %2")
                            .arg(counter->currentToken->tokenNumber, error.message);
        error.details =
            QJsonObject{{QStringLiteral("completed"), finished.value(Wire::Key::Token)}};
        return error;
    }
    if (!token.ok())
        return token.error();
    announce(at, Wire::toString(Wire::EventType::TokenCalled), *token, *counter);
    return tokenAnswer(*token);
}

Result<TokenRecord> CounterDesk::changeCurrent(const DeskPorts &at, const CounterRecord &counter,
                                               TokenRepository::Change change,
                                               const QString &eventName) const
{
    const std::optional<Wire::CurrentToken> &current = counter.currentToken;
    if (!current || !change.fromStatuses.contains(current->status))
        return noCurrent(counter, change.fromStatuses.join(QStringLiteral(" or ")));
    change.tokenId = current->id;
    change.eventCounterId = counter.id;
    auto changed = at.records.change(change);
    if (!changed.ok())
        return changed.error();
    if (!changed->has_value())
        return noCurrent(counter, change.fromStatuses.join(QStringLiteral(" or ")));
    afterChange(at, counter, **changed, eventName);
    return **changed;
}

void CounterDesk::afterChange(const DeskPorts &at, const CounterRecord &counter,
                              const TokenRecord &token, const QString &eventName) const
{
    if (token.status != u"called" && token.status != u"serving")
        at.line.release(counter.id, token.id);
    announce(at, eventName, token, counter,
             counter.currentToken ? counter.currentToken->serviceId : 0);
}

struct CounterDesk::Step
{
    QString from;
    QString to;
    QString event;       // token_events.event
    QString stampColumn; // the time column the step sets, if any
    QString announceAs;  // the WebSocket event
    bool incrementRecall = false;
};

Result<TokenRecord> CounterDesk::stepCurrent(const DeskPorts &at, int counterId,
                                             const Principal &caller, const Step &step) const
{
    TokenRepository::Change change;
    change.fromStatuses = {step.from};
    change.toStatus = step.to;
    change.event = step.event;
    change.stampColumn = step.stampColumn;
    change.actorId = caller.userId;
    change.incrementRecall = step.incrementRecall;
    change.eventCounterId = counterId;
    auto applied = at.records.changeAtCounter(counterId, caller, change);
    if (!applied.ok())
        return applied.error();
    if (!applied->token) {
        // Nothing changed: the counter row, as the statement saw it, says why.
        if (auto refused = refusal(applied->counter, counterId, &caller))
            return *refused;
        return noCurrent(*applied->counter, step.from);
    }
    afterChange(at, *applied->counter, *applied->token, step.announceAs);
    return *applied->token;
}

Result<QJsonObject> CounterDesk::recall(const DeskPorts &at, int counterId,
                                        const Principal &caller) const
{
    static const Step step{QStringLiteral("called"),
                           QStringLiteral("called"),
                           QStringLiteral("recalled"),
                           {},
                           Wire::toString(Wire::EventType::TokenRecalled),
                           true};
    auto token = stepCurrent(at, counterId, caller, step);
    return token.ok() ? Result<QJsonObject>(tokenAnswer(*token)) : token.error();
}

Result<QJsonObject> CounterDesk::serve(const DeskPorts &at, int counterId,
                                       const Principal &caller) const
{
    static const Step step{QStringLiteral("called"), QStringLiteral("serving"),
                           QStringLiteral("served"), QStringLiteral("serving_at"),
                           Wire::toString(Wire::EventType::TokenServed)};
    auto token = stepCurrent(at, counterId, caller, step);
    return token.ok() ? Result<QJsonObject>(tokenAnswer(*token)) : token.error();
}

Result<QJsonObject> CounterDesk::complete(const DeskPorts &at, int counterId,
                                          const Principal &caller) const
{
    static const Step step{QStringLiteral("serving"), QStringLiteral("completed"),
                           QStringLiteral("completed"), QStringLiteral("finished_at"),
                           Wire::toString(Wire::EventType::TokenCompleted)};
    auto token = stepCurrent(at, counterId, caller, step);
    if (token.ok())
        at.notices.waitInputsChanged(token->serviceId); // a new service time for the average
    return token.ok() ? Result<QJsonObject>(tokenAnswer(*token)) : token.error();
}

Result<QJsonObject> CounterDesk::skip(const DeskPorts &at, int counterId,
                                      const Principal &caller) const
{
    static const Step step{QStringLiteral("called"), QStringLiteral("skipped"),
                           QStringLiteral("skipped"), QStringLiteral("finished_at"),
                           Wire::toString(Wire::EventType::TokenSkipped)};
    auto token = stepCurrent(at, counterId, caller, step);
    return token.ok() ? Result<QJsonObject>(tokenAnswer(*token)) : token.error();
}

Result<QJsonObject> CounterDesk::transfer(const DeskPorts &at, int counterId,
                                          const TransferTarget &target,
                                          const Principal &caller) const
{
    auto counter = workingCounter(at, counterId, caller);
    if (!counter.ok())
        return counter.error();
    TokenRepository::Change change;
    change.fromStatuses = {QStringLiteral("called"), QStringLiteral("serving")};
    change.toStatus = QStringLiteral("waiting");
    change.event = QStringLiteral("transferred");
    change.actorId = caller.userId;
    change.reason = target.reason;
    change.counterEffect = TokenRepository::Change::CounterEffect::Clear;
    if (target.serviceId > 0) {
        auto service = at.records.service(target.serviceId);
        if (!service.ok())
            return service.error();
        if (!service->has_value() || !(*service)->active)
            return ApiError::notFound(
                QStringLiteral("Service %1 does not exist.").arg(target.serviceId));
        change.newServiceId = target.serviceId;
        change.newTargetCounterId = 0;
    } else {
        auto destination = loadCounter(at, target.counterId);
        if (!destination.ok())
            return destination.error();
        if (destination->id == counter->id)
            return ApiError::validation(QJsonObject{
                {QStringLiteral("counter_id"), QStringLiteral("Must be another counter.")}});
        change.newTargetCounterId = destination->id;
    }
    auto token =
        changeCurrent(at, *counter, change, Wire::toString(Wire::EventType::TokenTransferred));
    if (!token.ok())
        return token.error();
    // Back in line with its original arrival time, so it keeps its place.
    if (!at.line.enqueue(LiveQueues::entryOf(*token)).ok())
        at.line.invalidate();
    return tokenAnswer(*token);
}

Result<QJsonObject> CounterDesk::assign(const DeskPorts &at, qint64 tokenId, int counterId,
                                        const QString &reason, const Principal &caller) const
{
    auto counter = workingCounter(at, counterId, caller);
    if (!counter.ok())
        return counter.error();
    if (counter->currentToken)
        return ApiError::conflict(QStringLiteral("invalid_state"),
                                  QStringLiteral("%1 is still at the counter; finish it first.")
                                      .arg(counter->currentToken->tokenNumber));
    auto before = at.records.token(tokenId);
    if (!before.ok())
        return before.error();
    if (!before->has_value())
        return ApiError::notFound(QStringLiteral("Token %1 does not exist.").arg(tokenId));
    TokenRepository::Change change;
    change.tokenId = tokenId;
    change.fromStatuses = {QStringLiteral("waiting")};
    change.toStatus = QStringLiteral("called");
    change.event = QStringLiteral("assigned");
    change.stampColumn = QStringLiteral("called_at");
    change.actorId = caller.userId;
    change.eventCounterId = counterId;
    change.reason = reason;
    change.counterEffect = TokenRepository::Change::CounterEffect::Set;
    change.counterId = counterId;
    change.newTargetCounterId = 0;
    auto called = at.records.change(change);
    if (!called.ok() && called.error().code == u"already_exists")
        return busyCounter(*counter); // a call at this counter got there first
    if (!called.ok())
        return called.error();
    if (!called->has_value())
        return ApiError::conflict(QStringLiteral("invalid_state"),
                                  QStringLiteral("%1 is %2, not waiting.")
                                      .arg((*before)->tokenNumber, (*before)->status));
    if (!at.line.seat(counterId, LiveQueues::entryOf(**before)).ok())
        at.line.invalidate();
    announce(at, Wire::toString(Wire::EventType::TokenCalled), **called, *counter);
    return tokenAnswer(**called);
}

void CounterDesk::announce(const DeskPorts &at, const QString &event, const TokenRecord &token,
                           const CounterRecord &counter, int previousServiceId) const
{
    at.notices.tokenChanged(event, token, counter.branchId, counter.id, previousServiceId);
}

WorkerPorts CounterDesk::bind(WorkerContext &ctx) const
{
    return WorkerPorts(m_deps.value(), ctx); // only a desk built with deps has a worker's ports
}

Result<QJsonObject> CounterDesk::open(WorkerContext &ctx, int counterId,
                                      const Principal &caller) const
{
    return open(bind(ctx).desk(), counterId, caller);
}

Result<QJsonObject> CounterDesk::pause(WorkerContext &ctx, int counterId, const QString &reason,
                                       const Principal &caller) const
{
    return pause(bind(ctx).desk(), counterId, reason, caller);
}

Result<QJsonObject> CounterDesk::close(WorkerContext &ctx, int counterId,
                                       const Principal &caller) const
{
    return close(bind(ctx).desk(), counterId, caller);
}

Result<QJsonObject> CounterDesk::callNext(WorkerContext &ctx, int counterId,
                                          const Principal &caller) const
{
    return callNext(bind(ctx).desk(), counterId, caller);
}

Result<QJsonObject> CounterDesk::recall(WorkerContext &ctx, int counterId,
                                        const Principal &caller) const
{
    return recall(bind(ctx).desk(), counterId, caller);
}

Result<QJsonObject> CounterDesk::serve(WorkerContext &ctx, int counterId,
                                       const Principal &caller) const
{
    return serve(bind(ctx).desk(), counterId, caller);
}

Result<QJsonObject> CounterDesk::complete(WorkerContext &ctx, int counterId,
                                          const Principal &caller) const
{
    return complete(bind(ctx).desk(), counterId, caller);
}

Result<QJsonObject> CounterDesk::skip(WorkerContext &ctx, int counterId,
                                      const Principal &caller) const
{
    return skip(bind(ctx).desk(), counterId, caller);
}

Result<QJsonObject> CounterDesk::transfer(WorkerContext &ctx, int counterId,
                                          const TransferTarget &target,
                                          const Principal &caller) const
{
    return transfer(bind(ctx).desk(), counterId, target, caller);
}

Result<QJsonObject> CounterDesk::assign(WorkerContext &ctx, qint64 tokenId, int counterId,
                                        const QString &reason, const Principal &caller) const
{
    return assign(bind(ctx).desk(), tokenId, counterId, reason, caller);
}

} // namespace Nextup
