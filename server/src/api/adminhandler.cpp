#include "api/adminhandler.h"

#include <limits>

namespace AdminHandler {

std::optional<Principal> admin(const ApiContext &api, const ApiRequest &request,
                               const Responder &responder)
{
    return Handler::authorize(api, request, responder, {Roles::Admin});
}

std::optional<int> rowId(const ApiRequest &request, const Responder &responder)
{
    const auto id = Handler::idParam(request, responder);
    if (!id)
        return std::nullopt;
    if (*id > std::numeric_limits<int>::max()) {
        responder.send(ApiError::notFound(QStringLiteral("No such id.")));
        return std::nullopt;
    }
    return int(*id);
}

} // namespace AdminHandler
