#include "domain/idempotencystore.h"

#include "auth/idempotencyseal.h"
#include "store/database.h"

namespace Nextup {

namespace {
// A row's sealed text: "<status>\n<content type>\n<body>".
QByteArray packed(const IdempotencyStore::Answer &answer)
{
    return QByteArray::number(answer.status) + '\n' + answer.contentType + '\n' + answer.body;
}

std::optional<IdempotencyStore::Answer> unpacked(const QByteArray &text)
{
    const qsizetype first = text.indexOf('\n');
    const qsizetype second = first < 0 ? -1 : text.indexOf('\n', first + 1);
    if (second < 0)
        return std::nullopt;
    bool ok = false;
    const int status = text.left(first).toInt(&ok);
    if (!ok)
        return std::nullopt;
    return IdempotencyStore::Answer{status, text.mid(first + 1, second - first - 1),
                                    text.mid(second + 1)};
}
} // namespace

Result<IdempotencyStore::Claim> IdempotencyStore::claim(Database &db, const IdempotencySeal &seal,
                                                        const QByteArray &requestDigest)
{
    // A key of an expired answer, or of a claim a stopped server left, is claimed again.
    static const QString claimSql =
        QStringLiteral("INSERT INTO idempotency_keys AS k (key_hash, request_hash) VALUES (?, ?) "
                       "ON CONFLICT (key_hash) DO UPDATE SET request_hash = excluded.request_hash, "
                       "state = 'pending', answer = NULL, created_at = now(), "
                       "expires_at = now() + make_interval(hours => %1) "
                       "WHERE k.expires_at < now() OR (k.state = 'pending' AND "
                       "k.created_at < now() - make_interval(secs => %2)) RETURNING 1")
            .arg(kKeepHours)
            .arg(kStaleSeconds);
    static const QString readSql = QStringLiteral(
        "SELECT request_hash, state, answer FROM idempotency_keys WHERE key_hash = ?");
    const QString lookup = QString::fromLatin1(seal.lookup());
    // The row read may be released between the two statements: then claim again.
    for (int attempt = 0; attempt < 3; ++attempt) {
        auto claimed = db.exec(claimSql, {lookup, QString::fromLatin1(requestDigest)});
        if (!claimed.ok())
            return claimed.error();
        if (claimed->next())
            return Claim{};
        auto rows = db.exec(readSql, {lookup});
        if (!rows.ok())
            return rows.error();
        if (!rows->next())
            continue;
        if (rows->value(0).toString().toLatin1() != requestDigest)
            return Claim{Found::OtherRequest, {}};
        if (rows->value(1).toString() != u"done")
            return Claim{Found::InProgress, {}};
        const auto plain = seal.open(rows->value(2).toString().toLatin1());
        const auto answer = plain ? unpacked(*plain) : std::nullopt;
        if (!answer) // cannot happen unless the row was written by something else
            return ApiError::internal(QStringLiteral("The first answer could not be read."));
        return Claim{Found::Answered, *answer};
    }
    return Claim{Found::InProgress, {}}; // claimed and released again and again meanwhile
}

Result<bool> IdempotencyStore::record(Database &db, const IdempotencySeal &seal,
                                      const Answer &answer)
{
    // Expired answers go as new ones are written, a few at a time, in the same statement.
    static const QString sql = QStringLiteral(
        "WITH purged AS (DELETE FROM idempotency_keys WHERE key_hash IN (SELECT key_hash FROM "
        "idempotency_keys WHERE expires_at < now() LIMIT 20)) "
        "UPDATE idempotency_keys SET state = 'done', answer = ? "
        "WHERE key_hash = ? AND state = 'pending'");
    auto rows = db.exec(
        sql, {QString::fromLatin1(seal.seal(packed(answer))), QString::fromLatin1(seal.lookup())});
    if (!rows.ok())
        return rows.error();
    return rows->affected() == 1;
}

Result<bool> IdempotencyStore::release(Database &db, const IdempotencySeal &seal)
{
    auto rows = db.exec(
        QStringLiteral("DELETE FROM idempotency_keys WHERE key_hash = ? AND state = 'pending'"),
        {QString::fromLatin1(seal.lookup())});
    if (!rows.ok())
        return rows.error();
    return rows->affected() == 1;
}

} // namespace Nextup
