#pragma once

#include <QByteArrayView>
#include <QString>

#include "core/apierror.h"

namespace Nextup {

class Database;

// The one check of a customer's token secret, for every door that takes one: the status and
// cancel routes, the QR code, and the WebSocket's token rooms. Only the secret's SHA-256 is
// stored; the presented secret is hashed and compared in constant time. Each caller turns the
// verdict into its own answer (an HTTP error or a WebSocket refusal), keeping the order every
// door shares: an unknown token first (404), then a missing or wrong secret (403).
namespace TokenSecrets {

enum class Verdict
{
    Matches,
    UnknownToken,
    WrongSecret, // empty or not the token's
};

// A database failure is the error; otherwise the verdict.
Result<Verdict> verify(Database &db, qint64 tokenId, QByteArrayView secret);

// The status route with the secret, as a new token's answer gives it to its customer.
QString statusUrl(qint64 tokenId, const QString &secret);

} // namespace TokenSecrets

} // namespace Nextup
