#pragma once

#include <optional>

#include <QJsonArray>
#include <QJsonObject>

#include "core/apierror.h"
#include "core/principal.h"
#include "domain/catalogrecords.h"
#include "domain/livequeues.h"

namespace Nextup {

class WorkerContext;

// What a create or a partial update (PUT) sets; an empty optional keeps the stored value. The
// controller has checked each given field's shape; references and uniqueness are checked here.
struct BranchInput
{
    std::optional<QString> name;
    std::optional<QString> timezone;
    std::optional<QString> code;
    std::optional<QString> address;
    std::optional<Wire::Texts> names;
};

struct ServiceInput
{
    std::optional<int> branchId;
    std::optional<QString> code;
    std::optional<QString> name;
    std::optional<int> avgServiceSeconds;
    std::optional<int> targetWaitSeconds;
    std::optional<bool> active;
    std::optional<Wire::Texts> names;
    std::optional<QString> description;
    std::optional<Wire::Texts> descriptions;
};

// Admin changes to branches and services. Each change is one transaction together with its
// audit_log row, so a refused or failed request leaves nothing behind.
class CatalogAdmin
{
public:
    explicit CatalogAdmin(QueueDeps deps) : m_deps(deps) {}

    Result<QJsonArray> branches(WorkerContext &ctx) const;
    Result<QJsonObject> branch(WorkerContext &ctx, int id) const;
    Result<QJsonObject> createBranch(WorkerContext &ctx, const BranchInput &input,
                                     const Principal &caller) const;
    Result<QJsonObject> updateBranch(WorkerContext &ctx, int id, const BranchInput &input,
                                     const Principal &caller) const;
    // Deletes a branch nothing refers to yet (a typo, a branch never used); 409 otherwise.
    Result<QJsonObject> deleteBranch(WorkerContext &ctx, int id, const Principal &caller) const;

    Result<QJsonObject> service(WorkerContext &ctx, int id) const;
    Result<QJsonObject> createService(WorkerContext &ctx, const ServiceInput &input,
                                      const Principal &caller) const;
    Result<QJsonObject> updateService(WorkerContext &ctx, int id, const ServiceInput &input,
                                      const Principal &caller) const;
    // Sets active = false; history keeps referring to the row.
    Result<QJsonObject> deactivateService(WorkerContext &ctx, int id,
                                          const Principal &caller) const;

private:
    Result<QJsonObject> changeService(WorkerContext &ctx, int id, const ServiceInput &input,
                                      const Principal &caller, const QString &action) const;

    QueueDeps m_deps;
};

} // namespace Nextup
