#pragma once

#include "api/routetable.h"
#include "domain/catalogadmin.h"

namespace Nextup {

// /api/services: the public list with live queue lengths and one active service for anyone;
// create, update and deactivate for admins.
class ServicesController
{
public:
    explicit ServicesController(const ApiContext &api) : m_api(api), m_catalog(api.deps) {}
    static const QList<Route<ServicesController>> &routes();

private:
    static BranchScope::Check scope(const Call &call); // the service of call's :id
    void list(const Call &call);
    void get(const Call &call);
    void create(const Call &call);
    void update(const Call &call);
    void remove(const Call &call);

    const ApiContext &m_api;
    CatalogAdmin m_catalog;
};

} // namespace Nextup
