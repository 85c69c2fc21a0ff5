#pragma once

#include "api/apicontext.h"

class Metrics;
class Router;

// /healthz, /readyz, /metrics, /api/openapi.json and the offline docs page /api/docs.
class SystemController
{
public:
    SystemController(const ApiContext &api, const Metrics &metrics) : m_api(api), m_metrics(metrics) {}
    void registerRoutes(Router &router);

private:
    void ready(const ApiRequest &request, const Responder &responder);
    static void resource(const Responder &responder, const QString &path, const QByteArray &type);

    const ApiContext &m_api;
    const Metrics &m_metrics;
};
