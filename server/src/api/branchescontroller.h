#pragma once

#include "api/routetable.h"
#include "domain/catalogadmin.h"

namespace Nextup {

// /api/branches: the administration of branches (admin only).
class BranchesController
{
public:
    explicit BranchesController(const ApiContext &api) : m_api(api), m_catalog(api.deps) {}
    static const QList<Route<BranchesController>> &routes();

private:
    void directory(const Call &call);
    void list(const Call &call);
    void get(const Call &call);
    void create(const Call &call);
    void update(const Call &call);
    void remove(const Call &call);

    const ApiContext &m_api;
    CatalogAdmin m_catalog;
};

} // namespace Nextup
