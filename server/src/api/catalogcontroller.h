#pragma once

#include "api/apicontext.h"

class Router;

// Public reads of the floor: GET /api/services, GET /api/queues; staff: GET /api/stats.
class CatalogController
{
public:
    explicit CatalogController(const ApiContext &api) : m_api(api) {}
    void registerRoutes(Router &router);

private:
    void services(const ApiRequest &request, const Responder &responder);
    void queues(const ApiRequest &request, const Responder &responder);
    void stats(const ApiRequest &request, const Responder &responder);

    const ApiContext &m_api;
};
