#pragma once

#include <optional>

#include <QJsonValue>

#include "core/apierror.h"
#include "http/apirequest.h"

namespace Nextup {

// The one check of text every routed request passes before its handler runs, so no route can
// forget it: a NUL is refused wherever a caller can put one. Qt 6.4's Postgres driver writes
// parameters into the statement text, which ends at a NUL (a 500 "unterminated quoted string",
// or a value cut short), and jsonb cannot hold U+0000 at all.
//
//  - A raw control character (U+0000..U+001F) inside a JSON string, or a raw NUL anywhere in the
//    body: 400 bad_request. JSON allows neither (RFC 8259 §7); Qt's JSON reader takes both.
//  - "\u0000" in a string of the body, or in a member name, at any depth: 400 validation_failed
//    with details.<top-level member> (details.body when there is no member to name).
//  - A NUL in a query parameter once decoded (%00): 400 validation_failed, details.<parameter>.
//
// Header fields never reach this far with a NUL or any other control character: ConnectionGuard
// refuses them with the rest of the request's syntax (http/requestreader.h).
namespace RequestScreen {

// nullopt when the request may go on to its handler; otherwise the refusal.
std::optional<ApiError> check(const ApiRequest &request);

// A NUL in a string or a member name anywhere in `value`.
bool containsNul(const QJsonValue &value);

} // namespace RequestScreen

} // namespace Nextup
