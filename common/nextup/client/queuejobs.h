#pragma once

#include "nextup/client/apijob.h"
#include "nextup/client/tokentypes.h"
#include "nextup/client/types.h"

namespace Nextup {

// GET /api/queues: the live state for a resync.
class GetQueuesJob : public ApiJob
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GetQueuesJob)

public:
    GetQueuesJob();
    QueueSnapshot snapshot() const { return m_snapshot; }

protected:
    Status parseResponse(const QJsonDocument &json) override;

private:
    QueueSnapshot m_snapshot;
};

// GET /api/services (admins may ask for inactive ones too).
class ListServicesJob : public ApiJob
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ListServicesJob)

public:
    explicit ListServicesJob(bool includeInactive = false);
    QList<ServiceInfo> services() const { return m_services; }

protected:
    Status parseResponse(const QJsonDocument &json) override;

private:
    QList<ServiceInfo> m_services;
};

// GET /api/counters.
class ListCountersJob : public ApiJob
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ListCountersJob)

public:
    ListCountersJob();
    QList<CounterInfo> counters() const { return m_counters; }

protected:
    Status parseResponse(const QJsonDocument &json) override;

private:
    QList<CounterInfo> m_counters;
};

enum class CounterAction
{
    Open,
    Pause,
    Close,
    Call,
    Recall,
    Serve,
    Complete,
    Skip,
    Transfer,
};

// POST /api/counters/:id/<action>. Open, pause and close answer {counter}; the others {token}.
class CounterActionJob : public ApiJob
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CounterActionJob)

public:
    // reason: pause and transfer. target: transfer, {"service_id": n} or {"counter_id": n}.
    CounterActionJob(int counterId, CounterAction action, const QString &reason = {},
                     const QJsonObject &target = {});

    static QString actionName(CounterAction action);
    static bool answersWithCounter(CounterAction action);

    int counterId() const { return m_counterId; }
    CounterAction action() const { return m_action; }
    bool hasToken() const { return m_token.id > 0; }
    TokenInfo token() const { return m_token; }
    bool hasCounter() const { return m_counter.id > 0; }
    CounterInfo counter() const { return m_counter; }

protected:
    Status parseResponse(const QJsonDocument &json) override;

private:
    int m_counterId;
    CounterAction m_action;
    TokenInfo m_token;
    CounterInfo m_counter;
};

} // namespace Nextup
