#include "api/routetable.h"

#include <limits>

#include <QJsonDocument>
#include <QJsonParseError>

#include "api/idempotencygate.h"
#include "auth/accesstokens.h"

namespace Nextup {

namespace {
const QString kIdParam = QStringLiteral("id");
const qint64 kMaxRowId = std::numeric_limits<int>::max();
// Token ids are bigserial; far beyond any installation's count, and short of what a client's
// JSON number (a double) still carries exactly.
const qint64 kMaxTokenId = kMaxRowId * 1000;

// The caller if `access` admits it; otherwise answers 401 (a bad token, or anonymous where a
// role is needed) or 403 (a role the level does not list).
std::optional<Principal> admitCaller(const ApiContext &api, Access access,
                                     const ApiRequest &request, const Responder &responder)
{
    if (access == Access::Public)
        return Principal{};
    auto principal = api.tokens.authenticate(request.header("authorization"));
    if (!principal.ok()) {
        responder.send(principal.error());
        return std::nullopt;
    }
    const QStringList roles = RouteTable::rolesOf(access);
    if (roles.isEmpty())
        return *principal;
    if (principal->isAnonymous()) {
        responder.send(ApiError::unauthorized());
        return std::nullopt;
    }
    if (!roles.contains(principal->role)) {
        responder.send(ApiError::forbidden());
        return std::nullopt;
    }
    return *principal;
}

// ":id" as a positive integer within the resource's range; anything else is no such resource.
std::optional<qint64> admitId(Ids ids, const ApiRequest &request, const Responder &responder)
{
    bool ok = false;
    const qint64 id = request.pathParams.value(kIdParam).toLongLong(&ok);
    const qint64 max = ids == Ids::Token ? kMaxTokenId : kMaxRowId;
    if (!ok || id <= 0 || id > max) {
        responder.send(ApiError::notFound(QStringLiteral("No such %1.").arg(kIdParam)));
        return std::nullopt;
    }
    return id;
}

// The body as a JSON object; an empty body is {}. Anything else answers 400.
std::optional<QJsonObject> admitBody(const ApiRequest &request, const Responder &responder)
{
    if (request.body.trimmed().isEmpty())
        return QJsonObject{};
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &error);
    if (error.error != QJsonParseError::NoError) {
        responder.send(ApiError::badRequest(QStringLiteral("Malformed JSON at offset %1: %2.")
                                                .arg(error.offset)
                                                .arg(error.errorString())));
        return std::nullopt;
    }
    if (!document.isObject()) {
        responder.send(ApiError::badRequest(QStringLiteral("The body must be a JSON object.")));
        return std::nullopt;
    }
    return document.object();
}
} // namespace

namespace RouteTable {

QStringList rolesOf(Access access)
{
    switch (access) {
    case Access::Public:
    case Access::Anyone: return {};
    case Access::SignedIn:
        return {Roles::Admin, Roles::BranchAdmin, Roles::Operator, Roles::Kiosk, Roles::User};
    case Access::Staff: return {Roles::Admin, Roles::BranchAdmin, Roles::Operator};
    case Access::KioskOrStaff:
        return {Roles::Admin, Roles::BranchAdmin, Roles::Operator, Roles::Kiosk};
    case Access::Manager: return {Roles::Admin, Roles::BranchAdmin};
    case Access::Admin: return {Roles::Admin};
    }
    return {Roles::Admin}; // a value the switch does not name admits the fewest: fail closed
}

const char *nameOf(Access access)
{
    switch (access) {
    case Access::Public: return "public";
    case Access::Anyone: return "anyone";
    case Access::SignedIn: return "signed-in";
    case Access::Staff: return "staff";
    case Access::KioskOrStaff: return "kiosk-or-staff";
    case Access::Manager: return "manager";
    case Access::Admin: return "admin";
    }
    return "admin";
}

void handle(const ApiContext &api, bool honoursKey, const Call &call,
            std::function<void(const Call &)> handler)
{
    if (honoursKey && !call.request.header("idempotency-key").isEmpty())
        return IdempotencyGate::run(api, call, std::move(handler));
    handler(call);
}

bool honoursKey(const char *method, const char *path)
{
    return IdempotencyGate::honours(method, path);
}

std::optional<Call> admit(const ApiContext &api, Access access, Body body, Ids ids,
                          const ApiRequest &request, const Responder &responder)
{
    const auto caller = admitCaller(api, access, request, responder);
    if (!caller)
        return std::nullopt;
    Call call{request, responder, *caller, 0, {}};
    if (request.pathParams.contains(kIdParam)) {
        const auto id = admitId(ids, request, responder);
        if (!id)
            return std::nullopt;
        call.id = *id;
    }
    if (body == Body::Json) {
        auto object = admitBody(request, responder);
        if (!object)
            return std::nullopt;
        call.body = std::move(*object);
    }
    return call;
}

} // namespace RouteTable

} // namespace Nextup
