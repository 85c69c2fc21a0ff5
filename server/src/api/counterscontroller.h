#pragma once

#include "api/apicontext.h"
#include "domain/counterdesk.h"

class Router;

// /api/counters: the list with live state, and every counter action.
class CountersController
{
public:
    explicit CountersController(const ApiContext &api);
    void registerRoutes(Router &router);

private:
    using Action = Result<QJsonObject> (CounterDesk::*)(WorkerContext &, int, const Principal &) const;
    void list(const ApiRequest &request, const Responder &responder);
    // call, recall, serve, complete, skip, open, close: no body, same checks.
    void act(const ApiRequest &request, const Responder &responder, Action action);
    void pause(const ApiRequest &request, const Responder &responder);
    void transfer(const ApiRequest &request, const Responder &responder);

    const ApiContext &m_api;
    CounterDesk m_desk;
};
