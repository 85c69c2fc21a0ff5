#pragma once

#include "api/apicontext.h"

class Router;

// Admin only: GET, POST /api/users; GET, PUT, DELETE /api/users/:id; GET /api/audit.
// Registered by AdminController.
class UsersController
{
public:
    explicit UsersController(const ApiContext &api) : m_api(api) {}
    void registerRoutes(Router &router);

private:
    void list(const ApiRequest &request, const Responder &responder);
    void get(const ApiRequest &request, const Responder &responder);
    void create(const ApiRequest &request, const Responder &responder);
    void update(const ApiRequest &request, const Responder &responder);
    void remove(const ApiRequest &request, const Responder &responder);
    void audit(const ApiRequest &request, const Responder &responder);

    const ApiContext &m_api;
};
