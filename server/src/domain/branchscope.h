#pragma once

#include "core/apierror.h"
#include "core/principal.h"

namespace Nextup {

class Database;

// Whether a caller bound to a branch (Principal::branchId) reaches one object: a branch admin,
// operator or kiosk of branch 2 gets 404 for branch 1's service, counter, token, user, device or
// branch — the same answer as for one that does not exist, so ids of other branches are not
// probed. Head office and anonymous callers reach everything without a query. Lists narrow
// themselves with Principal::narrowed() instead.
namespace BranchScope {

Outcome branch(Database &db, qint64 branchId, const Principal &caller);
Outcome service(Database &db, qint64 serviceId, const Principal &caller);
Outcome counter(Database &db, qint64 counterId, const Principal &caller);
Outcome token(Database &db, qint64 tokenId, const Principal &caller);
Outcome user(Database &db, qint64 userId, const Principal &caller);

// One of the checks above, bound to its object and caller (Handler::runWithin runs it first).
struct Check
{
    Outcome (*check)(Database &, qint64, const Principal &);
    qint64 id;
    Principal caller;

    Outcome operator()(Database &db) const { return check(db, id, caller); }
};

// A branch given in a request body (a new service, counter, user or device): a bound caller may
// name only its own; 403 with details.branch_id otherwise.
Outcome assignable(int branchId, const Principal &caller);

} // namespace BranchScope

} // namespace Nextup
