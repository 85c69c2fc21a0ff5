#pragma once

#include <limits>
#include <optional>

#include <QJsonObject>

#include "api/jsonvalidator.h"
#include "core/apierror.h"
#include "core/principal.h"
#include "domain/branchscope.h"
#include "http/apirequest.h"
#include "nextup/wire/records.h"

namespace Nextup {

// The fields that branches, services and counters share, checked the same way in each of their
// controllers, and what a read of one row shows to whom.
namespace CatalogFields {

// Ids of catalogue rows are `integer` columns.
inline constexpr qint64 kMaxId = std::numeric_limits<int>::max();

// A display name: 1 to 100 characters, not only spaces.
std::optional<QString> name(JsonValidator &check, bool required);
// Texts per language ({"es": "Depósito", "ar": "إيداع"}): keys are language codes ("es",
// "pt-BR"), values 1 to maxLength characters; at most 20. The object replaces the stored one.
std::optional<Wire::Texts> texts(JsonValidator &check, const QString &field, int maxLength);
// An integer field within [min, max].
std::optional<int> integer(JsonValidator &check, const QString &field, bool required, qint64 min,
                           qint64 max);
// What a read of one service or counter shows the caller: everything to an admin, an active row
// to anyone else (as the public lists do), an inactive one as if it did not exist (404).
// `key` names the row in the answer ({"service": {...}}), `what` in the message.
Result<QJsonObject> visibleTo(const Principal &caller, Result<QJsonObject> row,
                              QLatin1StringView key, const QString &what, int id);

// A row id in the query (?branch_id=3): 0 when absent, nullopt when not a positive id.
std::optional<int> idQuery(const ApiRequest &request, const QString &name);
// idQuery() or its 400 (validation_failed, details naming the parameter).
Result<int> idQueryOr400(const ApiRequest &request, const QString &name);

// `input` unless it names a branch the caller does not manage (403, BranchScope::assignable).
template <typename Input> Result<Input> inBranchOf(const Principal &caller, Result<Input> input)
{
    if (input.ok() && input->branchId) {
        if (auto allowed = BranchScope::assignable(*input->branchId, caller); !allowed.ok())
            return allowed.error();
    }
    return input;
}

} // namespace CatalogFields

} // namespace Nextup
