#include "nextup/client/queuejobs.h"

#include <QJsonArray>

namespace Nextup {

namespace Key = Wire::Key;

GetQueuesJob::GetQueuesJob() : ApiJob("GET", QStringLiteral("/api/queues"), Auth::Optional) {}

Status GetQueuesJob::parseResponse(const QJsonDocument &json)
{
    const QJsonObject answer = json.object();
    if (!answer.value(Key::Services).isArray() || !answer.value(Key::Counters).isArray())
        return badResponse(QStringLiteral("no services and counters"));
    m_snapshot = QueueSnapshot::fromJson(answer);
    return {};
}

ListServicesJob::ListServicesJob(bool includeInactive)
    : ApiJob("GET", QStringLiteral("/api/services"), Auth::Optional)
{
    if (includeInactive)
        setQuery(QUrlQuery{{QStringLiteral("all"), QStringLiteral("true")}});
}

Status ListServicesJob::parseResponse(const QJsonDocument &json)
{
    if (!json.isArray())
        return badResponse(QStringLiteral("not a list"));
    for (const QJsonValue value : json.array())
        m_services.append(ServiceInfo::fromJson(value.toObject()));
    return {};
}

ListCountersJob::ListCountersJob() : ApiJob("GET", QStringLiteral("/api/counters"), Auth::Optional)
{
}

Status ListCountersJob::parseResponse(const QJsonDocument &json)
{
    if (!json.isArray())
        return badResponse(QStringLiteral("not a list"));
    for (const QJsonValue value : json.array())
        m_counters.append(CounterInfo::fromJson(value.toObject()));
    return {};
}

QString CounterActionJob::actionName(CounterAction action)
{
    switch (action) {
    case CounterAction::Open: return QStringLiteral("open");
    case CounterAction::Pause: return QStringLiteral("pause");
    case CounterAction::Close: return QStringLiteral("close");
    case CounterAction::Call: return QStringLiteral("call");
    case CounterAction::Recall: return QStringLiteral("recall");
    case CounterAction::Serve: return QStringLiteral("serve");
    case CounterAction::Complete: return QStringLiteral("complete");
    case CounterAction::Skip: return QStringLiteral("skip");
    case CounterAction::Transfer: return QStringLiteral("transfer");
    }
    return {};
}

bool CounterActionJob::answersWithCounter(CounterAction action)
{
    return action == CounterAction::Open || action == CounterAction::Pause ||
           action == CounterAction::Close;
}

CounterActionJob::CounterActionJob(int counterId, CounterAction action, const QString &reason,
                                   const QJsonObject &target)
    : ApiJob("POST", QStringLiteral("/api/counters/%1/%2").arg(counterId).arg(actionName(action))),
      m_counterId(counterId), m_action(action)
{
    QJsonObject body = target;
    if (!reason.isEmpty())
        body.insert(Key::Reason, reason);
    setBody(body);
}

Status CounterActionJob::parseResponse(const QJsonDocument &json)
{
    const QJsonObject answer = json.object();
    if (answer.value(Key::Token).isObject())
        m_token = TokenInfo::fromJson(answer.value(Key::Token).toObject());
    if (answer.value(Key::Counter).isObject())
        m_counter = CounterInfo::fromJson(answer.value(Key::Counter).toObject());
    const bool expected = answersWithCounter(m_action) ? hasCounter() : hasToken();
    return expected ? Status{} : badResponse(QStringLiteral("no token or counter"));
}

} // namespace Nextup
