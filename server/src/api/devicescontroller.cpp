#include "api/devicescontroller.h"

#include <QRegularExpression>

#include "api/catalogfields.h"
#include "core/principal.h"
#include "nextup/wire/keys.h"
#include "store/database.h"

namespace Nextup {

namespace Key = Wire::Key;

namespace {
const QStringList kModes{QStringLiteral("board"), QStringLiteral("dispenser")};
const QStringList kPrinterStates{QStringLiteral("none"), QStringLiteral("ok"),
                                 QStringLiteral("offline"), QStringLiteral("paper_out"),
                                 QStringLiteral("error")};

// {id, name, branch_id?, mode, version?, printer?: {state, detail?}}
Result<DeviceReport> reportInput(const QJsonObject &body)
{
    JsonValidator check(body);
    DeviceReport report;
    static const QRegularExpression idPattern(QStringLiteral("^[A-Za-z0-9._-]{1,64}$"));
    report.id = check.string(Key::Id, true, 1, 64).value_or(QString());
    if (!report.id.isEmpty() && !idPattern.match(report.id).hasMatch())
        check.fail(Key::Id, QStringLiteral("1 to 64 letters, digits, '.', '_' or '-'."));
    report.name = check.string(Key::Name, true, 1, 100).value_or(QString());
    report.branchId =
        int(check.integer(Key::BranchId, false, 1, CatalogFields::kMaxId).value_or(0));
    report.mode = check.string(Key::Mode, true, 1, 20).value_or(QString());
    if (!report.mode.isEmpty() && !kModes.contains(report.mode))
        check.fail(Key::Mode, QStringLiteral("One of: %1.").arg(kModes.join(u", ")));
    report.version = check.string(Key::Version, false, 0, 40).value_or(QString());
    if (check.has(Key::Printer)) {
        const QJsonValue printer = body.value(Key::Printer);
        const QString state = printer.toObject().value(Key::State).toString();
        const QJsonValue detail = printer.toObject().value(Key::Detail);
        if (!printer.isObject() || !kPrinterStates.contains(state))
            check.fail(Key::Printer,
                       QStringLiteral("{state: %1, detail?}.").arg(kPrinterStates.join(u" | ")));
        else if (!detail.isUndefined() && (!detail.isString() || detail.toString().size() > 200))
            check.fail(Key::Printer, QStringLiteral("detail: a text of at most 200 characters."));
        report.printerState = state;
        report.printerDetail = detail.toString();
    }
    if (!check.ok())
        return check.error();
    return report;
}
} // namespace

DevicesController::DevicesController(const ApiContext &api)
    : m_api(api), m_registry(api.deps.events, api.config.deviceOfflineSeconds)
{
}

const QList<Route<DevicesController>> &DevicesController::routes()
{
    using C = DevicesController;
    static const QList<Route<C>> table = {
        {"POST", "/api/devices/heartbeat", Access::KioskOrStaff, &C::heartbeat, Body::Json},
        {"GET", "/api/devices", Access::Manager, &C::list},
    };
    return table;
}

// {device}: the device after its report. A device signed in with an account of a branch is of
// that branch (it may leave branch_id out; another branch is 403).
void DevicesController::heartbeat(const Call &call)
{
    auto input = reportInput(call.body);
    if (input.ok()) {
        input->userId = call.caller.userId;
        if (input->branchId == 0)
            input->branchId = call.caller.branchId;
        if (auto own = BranchScope::assignable(input->branchId, call.caller); !own.ok())
            return call.responder.send(own.error());
    }
    Handler::runParsed(
        m_api, call.responder, std::move(input),
        [this](WorkerContext &ctx, const DeviceReport &report) -> Result<QJsonObject> {
            auto device = m_registry.report(ctx, report);
            if (!device.ok())
                return device.error();
            return QJsonObject{{Key::Device, *device}};
        });
}

// [device]: every device, by name; ?branch_id= for one branch's (a branch admin's own only).
void DevicesController::list(const Call &call)
{
    const Result<int> branchId = CatalogFields::idQueryOr400(call.request, Key::BranchId);
    if (!branchId.ok())
        return call.responder.send(branchId.error());
    Handler::run(m_api, call.responder,
                 [this, branch = call.caller.narrowed(*branchId)](WorkerContext &ctx) {
                     return m_registry.list(ctx.db(), branch);
                 });
}

} // namespace Nextup
