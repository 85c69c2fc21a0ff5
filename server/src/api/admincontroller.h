#pragma once

#include "api/apicontext.h"
#include "api/userscontroller.h"
#include "domain/catalogadmin.h"
#include "domain/counteradmin.h"

class Router;

// The administration API (admin role only): /api/branches, /api/services, /api/counters
// (create, read one, partial update, deactivate), and through UsersController /api/users and
// /api/audit. Wiring this one controller brings in all of them.
class AdminController
{
public:
    explicit AdminController(const ApiContext &api);
    void registerRoutes(Router &router);

private:
    void listBranches(const ApiRequest &request, const Responder &responder);
    void getBranch(const ApiRequest &request, const Responder &responder);
    void createBranch(const ApiRequest &request, const Responder &responder);
    void updateBranch(const ApiRequest &request, const Responder &responder);
    void deleteBranch(const ApiRequest &request, const Responder &responder);

    void getService(const ApiRequest &request, const Responder &responder);
    void createService(const ApiRequest &request, const Responder &responder);
    void updateService(const ApiRequest &request, const Responder &responder);
    void deleteService(const ApiRequest &request, const Responder &responder);

    void getCounter(const ApiRequest &request, const Responder &responder);
    void createCounter(const ApiRequest &request, const Responder &responder);
    void updateCounter(const ApiRequest &request, const Responder &responder);
    void deleteCounter(const ApiRequest &request, const Responder &responder);

    const ApiContext &m_api;
    CatalogAdmin m_catalog;
    CounterAdmin m_counters;
    UsersController m_users;
};
