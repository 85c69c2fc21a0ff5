#pragma once

#include <functional>
#include <optional>

#include <QJsonObject>
#include <QList>
#include <QStringList>

#include "api/apicontext.h"
#include "http/router.h"

namespace Nextup {

// Who may call a route: the API's one access policy. Every route declares one level, and the
// dispatcher checks it before the handler runs, so no handler looks at the Authorization header.
// Finer rules stay with the work itself (the operator of THAT counter, a token's secret, an
// inactive row that only an admin sees): those are the domain's and the controller's.
enum class Access
{
    Public,       // the caller is not looked at: not even a bad Bearer is refused (login, files)
    Anyone,       // anonymous or any role; a Bearer that is sent must verify (401 otherwise)
    SignedIn,     // any role: anonymous is 401
    Staff,        // admin, branch admin or operator: anonymous is 401, another role 403
    KioskOrStaff, // a kiosk account or staff: anonymous is 401, a customer 403
    Manager,      // admin or branch admin (its own branch only): anonymous 401, another role 403
    Admin,        // admin only (head office): anonymous is 401, another role 403
};

// Whether the dispatcher reads the body for the handler.
enum class Body
{
    Ignored, // never parsed: a malformed body cannot refuse the request
    Json,    // a JSON object, {} when empty; anything else is 400 before the handler runs
};

// The range of a route's ":id". Catalogue rows and users are `integer` columns, tokens
// `bigserial`: a row id beyond int is no row (404), never one truncated into range.
enum class Ids
{
    Row,
    Token,
};

// What a handler receives: the request already admitted. Built and used on the HTTP thread
// during the handler call only; copy what a worker job needs.
struct Call
{
    const ApiRequest &request;
    const Responder &responder;
    Principal caller; // anonymous on Access::Public routes and for anonymous callers
    qint64 id = 0;    // ":id" when the route has one (within int for Ids::Row), 0 otherwise
    QJsonObject body; // with Body::Json; {} otherwise

    int rowId() const { return int(id); }
};

// One line of a controller's route table: what the route is, who may call it, what the
// dispatcher reads for it, and the member function that does the work.
template <typename Controller> struct Route
{
    const char *method;
    const char *path; // Router pattern: "/api/tokens/:id/status"
    Access access;
    std::function<void(Controller &, const Call &)> handler;
    Body body = Body::Ignored;
    Ids ids = Ids::Row;
};

namespace RouteTable {

// The roles a level admits; empty for Public and Anyone, which admit anonymous callers too.
QStringList rolesOf(Access access);
// "public", "anyone", "signed-in", "staff", "admin": for messages and tests.
const char *nameOf(Access access);

// The checks every route shares, made once and in this order, each answering its own refusal:
// the caller for `access` (401, then 403), ":id" when the path has one (404 "No such id."),
// then the body for Body::Json (400). Returns nullopt once it has answered.
std::optional<Call> admit(const ApiContext &api, Access access, Body body, Ids ids,
                          const ApiRequest &request, const Responder &responder);

// Calls handler(call); through IdempotencyGate when `honoursKey` and the request has an
// Idempotency-Key (see honoursKey()).
void handle(const ApiContext &api, bool honoursKey, const Call &call,
            std::function<void(const Call &)> handler);
// Whether a route honours Idempotency-Key: IdempotencyGate::honours().
bool honoursKey(const char *method, const char *path);

// Registers `Controller::routes()` with `router`, each behind admit(). The controller and the
// context must outlive the router.
template <typename Controller>
void install(Router &router, const ApiContext &api, Controller &controller)
{
    for (const Route<Controller> &route : Controller::routes()) {
        router.add(route.method, QString::fromLatin1(route.path),
                   [&api, &controller, route, once = honoursKey(route.method, route.path)](
                       const ApiRequest &request, const Responder &responder) {
                       if (const auto call =
                               admit(api, route.access, route.body, route.ids, request, responder))
                           handle(api, once, *call, [&controller, &route](const Call &admitted) {
                               route.handler(controller, admitted);
                           });
                   });
    }
}

} // namespace RouteTable

} // namespace Nextup
