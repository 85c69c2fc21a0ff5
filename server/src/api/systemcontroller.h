#pragma once

#include "api/routetable.h"

namespace Nextup {

class Metrics;

// /healthz, /readyz, /metrics, /api/openapi.json and the offline docs page /api/docs: public, for
// probes, scrapers and people reading the API.
class SystemController
{
public:
    SystemController(const ApiContext &api, const Metrics &metrics) : m_api(api), m_metrics(metrics)
    {
    }
    static const QList<Route<SystemController>> &routes();

private:
    void health(const Call &call);
    void ready(const Call &call);
    void metrics(const Call &call);
    // The route handler that answers a compiled-in resource file as `type`.
    static std::function<void(SystemController &, const Call &)> resource(QString path,
                                                                          QByteArray type);

    const ApiContext &m_api;
    const Metrics &m_metrics;
};

} // namespace Nextup
