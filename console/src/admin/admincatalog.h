#pragma once

#include <QObject>
#include <QPointer>

#include "nextup/client/apiclient.h"
#include "nextup/client/status.h"
#include "nextup/client/types.h"

namespace Nextup::Console {

using BranchInfo = Wire::Branch;

// What every admin page needs to name things: branches, services (inactive ones included) and
// counters, read once and again after each change, so that a service created on the Services
// page shows up on the Counters page and in the History filters without a manual refresh.
class AdminCatalog : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AdminCatalog)

public:
    explicit AdminCatalog(ApiClient *api, QObject *parent = nullptr);
    ~AdminCatalog() override;

    ApiClient *api() const { return m_api; }
    bool isLoaded() const { return m_loaded; }
    const QList<BranchInfo> &branches() const { return m_branches; }
    const QList<ServiceInfo> &services() const { return m_services; }
    // GET /api/counters lists active counters only (the server has no ?all for counters).
    const QList<CounterInfo> &counters() const { return m_counters; }
    QString serviceName(int id) const;
    QString counterName(int id) const;

public slots:
    // Reads all three lists again; changed() follows once all have arrived.
    void reload();

signals:
    void changed();
    void failed(const Nextup::Status &status);

private:
    void partArrived();

    QPointer<ApiClient> m_api;
    QList<BranchInfo> m_branches;
    QList<ServiceInfo> m_services;
    QList<CounterInfo> m_counters;
    int m_pending = 0;
    int m_generation = 0;
    bool m_loaded = false;
    bool m_reloadAgain = false;
};

} // namespace Nextup::Console
