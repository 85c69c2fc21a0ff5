#pragma once

#include "api/routetable.h"
#include "domain/deviceregistry.h"

namespace Nextup {

// /api/devices: lobby boards and ticket dispensers report themselves (kiosk accounts and staff),
// admins see them all with their printers' state.
class DevicesController
{
public:
    explicit DevicesController(const ApiContext &api);
    static const QList<Route<DevicesController>> &routes();

private:
    void heartbeat(const Call &call);
    void list(const Call &call);

    const ApiContext &m_api;
    DeviceRegistry m_registry;
};

} // namespace Nextup
