#include "domain/tokensecrets.h"

#include "auth/securerandom.h"
#include "domain/tokenrepository.h"

namespace Nextup {

Result<TokenSecrets::Verdict> TokenSecrets::verify(Database &db, qint64 tokenId,
                                                   QByteArrayView secret)
{
    const auto stored = TokenRepository::secretHash(db, tokenId);
    if (!stored.ok())
        return stored.error();
    if (stored->isEmpty())
        return Verdict::UnknownToken;
    if (secret.isEmpty() ||
        !SecureRandom::constantTimeEquals(SecureRandom::sha256Hex(secret), *stored))
        return Verdict::WrongSecret;
    return Verdict::Matches;
}

QString TokenSecrets::statusUrl(qint64 tokenId, const QString &secret)
{
    return QStringLiteral("/api/tokens/%1/status?secret=%2").arg(QString::number(tokenId), secret);
}

} // namespace Nextup
