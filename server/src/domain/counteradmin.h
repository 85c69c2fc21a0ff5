#pragma once

#include <optional>

#include <QJsonObject>
#include <QList>

#include "core/apierror.h"
#include "core/principal.h"
#include "domain/catalogrecords.h"
#include "domain/livequeues.h"

namespace Nextup {

class WorkerContext;

// What a create or a partial update (PUT) of a counter sets; an empty optional keeps the
// stored value.
struct CounterInput
{
    std::optional<int> branchId;
    std::optional<QString> name;
    std::optional<QList<int>> serviceIds;
    std::optional<bool> active;
    std::optional<Wire::Texts> names;
};

// Admin changes to counters: which branch, name and services. A counter's services decide what
// its "call next" picks and are the ETA's divisor, so every change refreshes the ETA of the
// services it had and has, and announces counter_status.
class CounterAdmin
{
public:
    explicit CounterAdmin(QueueDeps deps) : m_deps(deps) {}

    Result<QJsonObject> counter(WorkerContext &ctx, int id) const;
    Result<QJsonObject> create(WorkerContext &ctx, const CounterInput &input,
                               const Principal &caller) const;
    Result<QJsonObject> update(WorkerContext &ctx, int id, const CounterInput &input,
                               const Principal &caller) const;
    // Sets active = false; 409 while the counter is open or has a token at it.
    Result<QJsonObject> deactivate(WorkerContext &ctx, int id, const Principal &caller) const;

private:
    Result<QJsonObject> change(WorkerContext &ctx, int id, const CounterInput &input,
                               const Principal &caller, const QString &action) const;
    // After the commit: fresh ETAs for the services it served before and after, and the event.
    QJsonObject announce(WorkerContext &ctx, const QList<int> &servicesBefore,
                         const CounterRecord &counter) const;

    QueueDeps m_deps;
};

} // namespace Nextup
