#pragma once

#include <functional>
#include <optional>

#include <QJsonObject>

#include "core/apierror.h"
#include "core/principal.h"
#include "domain/catalogrecords.h"
#include "domain/livequeues.h"
#include "domain/queueports.h"
#include "domain/tokenrepository.h"

namespace Nextup {

class WorkerContext;
class WorkerPorts;

// What counter staff do: open, pause and close a counter, and call, recall, serve, complete,
// skip, transfer and assign tokens at it. Every action checks that the caller is the counter's
// operator (or an admin), changes Postgres with a guarded update, then brings Redis in line and
// announces the event.
//
// Each action takes its ports (queueports.h): the records, the live line and the notices it
// works on. The WorkerContext overloads, which the API calls, bind them to the worker's own
// Postgres and Redis (WorkerPorts) and decide the same way.
class CounterDesk
{
public:
    // A desk that only takes ports (the unit tests); the WorkerContext overloads need deps.
    CounterDesk() = default;
    explicit CounterDesk(QueueDeps deps) : m_deps(deps) {}

    Result<QJsonObject> open(const DeskPorts &at, int counterId, const Principal &caller) const;
    Result<QJsonObject> pause(const DeskPorts &at, int counterId, const QString &reason,
                              const Principal &caller) const;
    Result<QJsonObject> close(const DeskPorts &at, int counterId, const Principal &caller) const;

    Result<QJsonObject> callNext(const DeskPorts &at, int counterId, const Principal &caller) const;
    Result<QJsonObject> recall(const DeskPorts &at, int counterId, const Principal &caller) const;
    Result<QJsonObject> serve(const DeskPorts &at, int counterId, const Principal &caller) const;
    Result<QJsonObject> complete(const DeskPorts &at, int counterId, const Principal &caller) const;
    Result<QJsonObject> skip(const DeskPorts &at, int counterId, const Principal &caller) const;

    struct TransferTarget
    {
        int serviceId = 0;
        int counterId = 0;
        QString reason;
    };
    Result<QJsonObject> transfer(const DeskPorts &at, int counterId, const TransferTarget &target,
                                 const Principal &caller) const;
    // Calls one chosen waiting token to the counter out of order, recording who and why.
    Result<QJsonObject> assign(const DeskPorts &at, qint64 tokenId, int counterId,
                               const QString &reason, const Principal &caller) const;

    // The same actions on the worker's own Postgres and Redis: what the API's routes call.
    Result<QJsonObject> open(WorkerContext &ctx, int counterId, const Principal &caller) const;
    Result<QJsonObject> pause(WorkerContext &ctx, int counterId, const QString &reason,
                              const Principal &caller) const;
    Result<QJsonObject> close(WorkerContext &ctx, int counterId, const Principal &caller) const;
    Result<QJsonObject> callNext(WorkerContext &ctx, int counterId, const Principal &caller) const;
    Result<QJsonObject> recall(WorkerContext &ctx, int counterId, const Principal &caller) const;
    Result<QJsonObject> serve(WorkerContext &ctx, int counterId, const Principal &caller) const;
    Result<QJsonObject> complete(WorkerContext &ctx, int counterId, const Principal &caller) const;
    Result<QJsonObject> skip(WorkerContext &ctx, int counterId, const Principal &caller) const;
    Result<QJsonObject> transfer(WorkerContext &ctx, int counterId, const TransferTarget &target,
                                 const Principal &caller) const;
    Result<QJsonObject> assign(WorkerContext &ctx, qint64 tokenId, int counterId,
                               const QString &reason, const Principal &caller) const;

private:
    // The ports of one action on the worker's own connections.
    WorkerPorts bind(WorkerContext &ctx) const;

    Result<CounterRecord> loadCounter(const DeskPorts &at, int counterId) const;
    Result<CounterRecord> workingCounter(const DeskPorts &at, int counterId,
                                         const Principal &caller) const;
    // Why an action at this counter is refused: it does not exist or is inactive (404) or, when
    // `worker` acts there, it is closed (409) or was opened by someone else (403; admins may).
    static std::optional<ApiError> refusal(const std::optional<CounterRecord> &counter,
                                           int counterId, const Principal *worker);
    Result<CounterRecord> setCounterStatus(const DeskPorts &at, const CounterRecord &counter,
                                           const QString &status, int operatorId,
                                           const QString &reason) const;
    // Applies a change to the counter's current token; 409 when it has none in `from`.
    Result<TokenRecord> changeCurrent(const DeskPorts &at, const CounterRecord &counter,
                                      TokenRepository::Change change,
                                      const QString &eventName) const;
    // What follows every change of a counter's token: the counter lets go of a finished token
    // and the event goes out.
    void afterChange(const DeskPorts &at, const CounterRecord &counter, const TokenRecord &token,
                     const QString &eventName) const;
    struct Step;
    // recall, serve, complete and skip: one Step each, applied to the counter's current token.
    Result<TokenRecord> stepCurrent(const DeskPorts &at, int counterId, const Principal &caller,
                                    const Step &step) const;
    // Takes the best waiting token from the line and calls it in the records; beforeCall, if
    // any, runs between the two (once a token was found), and its failure puts the token back in
    // its place.
    Result<TokenRecord> takeNext(const DeskPorts &at, const CounterRecord &counter,
                                 const Principal &caller,
                                 const std::function<Outcome()> &beforeCall = {}) const;
    // previousServiceId: the service a transferred token left, whose rooms must hear of it too.
    void announce(const DeskPorts &at, const QString &event, const TokenRecord &token,
                  const CounterRecord &counter, int previousServiceId = 0) const;

    std::optional<QueueDeps> m_deps;
};

} // namespace Nextup
