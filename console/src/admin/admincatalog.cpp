#include "admin/admincatalog.h"

#include "nextup/client/apiclient.h"
#include "nextup/client/queuejobs.h"

namespace Nextup::Console {

AdminCatalog::AdminCatalog(ApiClient *api, QObject *parent) : QObject(parent), m_api(api) {}

AdminCatalog::~AdminCatalog() = default;

QString AdminCatalog::serviceName(int id) const
{
    for (const ServiceInfo &service : m_services)
        if (service.id == id)
            return service.name;
    return id ? QString::number(id) : QString();
}

QString AdminCatalog::counterName(int id) const
{
    for (const CounterInfo &counter : m_counters)
        if (counter.id == id)
            return counter.name;
    return id ? QString::number(id) : QString();
}

void AdminCatalog::reload()
{
    if (!m_api)
        return;
    if (m_pending > 0) {
        // A change may have happened after the running reads left: read once more afterwards.
        m_reloadAgain = true;
        return;
    }
    m_pending = 3;
    const int generation = ++m_generation;
    auto fail = [this, generation](const Status &status) {
        if (generation != m_generation)
            return;
        ++m_generation; // the other reads of this round no longer count
        m_pending = 0;
        m_reloadAgain = false;
        emit failed(status);
    };
    auto *services = m_api->listServices(true);
    services->then(
        this,
        [this, services, generation] {
            if (generation == m_generation) {
                m_services = services->services();
                partArrived();
            }
        },
        fail);
    auto *counters = m_api->listCounters();
    counters->then(
        this,
        [this, counters, generation] {
            if (generation == m_generation) {
                m_counters = counters->counters();
                partArrived();
            }
        },
        fail);
    auto *branches = m_api->callJson("GET", QStringLiteral("/api/branches"));
    branches->then(
        this,
        [this, branches, generation] {
            if (generation != m_generation)
                return;
            m_branches.clear();
            for (const QJsonValue value : branches->array())
                m_branches.append(BranchInfo::fromJson(value.toObject()));
            partArrived();
        },
        fail);
}

void AdminCatalog::partArrived()
{
    if (--m_pending > 0)
        return;
    m_loaded = true;
    emit changed();
    if (m_reloadAgain) {
        m_reloadAgain = false;
        reload();
    }
}

} // namespace Nextup::Console
