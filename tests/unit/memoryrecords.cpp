#include "auth/securerandom.h"
#include "core/principal.h"
#include "domain/waitmodel.h"
#include "memoryqueue.h"
#include "nextup/businessday.h"
#include "nextup/tokennumber.h"

namespace Nextup {

namespace {
// What Database::mapError answers for a statement that failed with this SQLSTATE.
ApiError sqlError(const QString &state)
{
    if (state == u"23505")
        return ApiError::conflict(QStringLiteral("already_exists"),
                                  QStringLiteral("A record with these values already exists."));
    if (state.startsWith(u"22") || state == u"23514")
        return ApiError::badRequest(QStringLiteral("A value is out of range or malformed."));
    if (state.startsWith(u"08"))
        return ApiError::postgresUnavailable();
    return ApiError::internal(QStringLiteral("Database error."));
}

QString numberOf(const TokenRepository::TokenInsert &row)
{
    return MemoryRecords::numberKey(row.serviceId, row.businessDate) +
           QStringLiteral(":%1").arg(row.number);
}
} // namespace

bool MemoryRecords::atCounter(const TokenRecord &token)
{
    return token.status == u"called" || token.status == u"serving";
}

QString MemoryRecords::numberKey(int serviceId, const QString &businessDate)
{
    return QStringLiteral("%1:%2").arg(serviceId).arg(businessDate);
}

Result<std::optional<CounterRecord>> MemoryRecords::counter(int counterId)
{
    const auto found = counters.constFind(counterId);
    if (found == counters.cend())
        return std::optional<CounterRecord>();
    CounterRecord row = *found;
    row.currentToken.reset();
    for (const TokenRecord &token : std::as_const(tokens)) {
        if (token.counterId == counterId && atCounter(token))
            row.currentToken =
                Wire::CurrentToken{token.id, token.tokenNumber, token.status, token.serviceId};
    }
    return std::optional<CounterRecord>(row);
}

Result<std::optional<ServiceRecord>> MemoryRecords::service(int serviceId)
{
    const auto found = services.constFind(serviceId);
    return found == services.cend() ? std::optional<ServiceRecord>() : std::optional(*found);
}

Result<std::optional<TokenRecord>> MemoryRecords::token(qint64 tokenId)
{
    const auto found = tokens.constFind(tokenId);
    return found == tokens.cend() ? std::optional<TokenRecord>() : std::optional(*found);
}

Outcome MemoryRecords::setCounterStatus(int counterId, const QString &status, int operatorId,
                                        const QString &reason)
{
    if (counters.contains(counterId)) {
        CounterRecord &row = counters[counterId];
        row.status = status;
        row.operatorId = operatorId;
        row.pauseReason = reason;
    }
    return Done{};
}

// TokenRepository's guarded UPDATE and its token_events row; the unique index of migration 0006
// refuses a second token at a counter.
Result<std::optional<TokenRecord>> MemoryRecords::apply(TokenRecord token,
                                                        const TokenRepository::Change &change)
{
    using Effect = TokenRepository::Change::CounterEffect;
    if (!change.fromStatuses.contains(token.status))
        return std::optional<TokenRecord>();
    token.status = change.toStatus; // (the time stamps are no decision's input: not kept)
    if (change.counterEffect == Effect::Set) {
        token.counterId = change.counterId;
        token.operatorId = change.actorId;
    } else if (change.counterEffect == Effect::Clear) {
        token.counterId = 0;
    }
    token.recallCount += change.incrementRecall ? 1 : 0;
    if (change.newServiceId > 0) {
        token.serviceId = change.newServiceId;
        token.serviceName = services.value(change.newServiceId).name;
    }
    if (change.newTargetCounterId >= 0)
        token.targetCounterId = change.newTargetCounterId;
    for (const TokenRecord &other : std::as_const(tokens)) {
        if (atCounter(token) && other.id != token.id && atCounter(other) &&
            other.counterId == token.counterId)
            return sqlError(QStringLiteral("23505"));
    }
    token.counterName = counters.value(token.counterId).name;
    tokens.insert(token.id, token);
    events.append(QStringLiteral("%1 %2").arg(token.id).arg(change.event));
    return std::optional<TokenRecord>(token);
}

Result<std::optional<TokenRecord>> MemoryRecords::change(const TokenRepository::Change &change)
{
    if (!failingChanges.isEmpty())
        return failingChanges.takeFirst();
    if (!tokens.contains(change.tokenId))
        return std::optional<TokenRecord>();
    return apply(tokens.value(change.tokenId), change);
}

Result<TokenRepository::AtCounter>
MemoryRecords::changeAtCounter(int counterId, const Principal &caller,
                               const TokenRepository::Change &change)
{
    if (!failingChanges.isEmpty())
        return failingChanges.takeFirst();
    TokenRepository::AtCounter result;
    result.counter = *counter(counterId); // as the statement read it, before the change
    if (!result.counter)
        return result;
    const CounterRecord &row = *result.counter;
    if (row.active && row.status != u"closed" &&
        (caller.isAdmin() || row.operatorId == caller.userId) && row.currentToken) {
        auto changed = apply(tokens.value(row.currentToken->id), change);
        if (!changed.ok())
            return changed.error();
        result.token = *changed;
    }
    return result;
}

Result<QList<TokenRepository::Inserted>>
MemoryRecords::insert(const QList<TokenRepository::TokenInsert> &rows, QString *failedState)
{
    QString refused;
    QSet<QString> batch;
    for (const TokenRepository::TokenInsert &row : rows) {
        if (m_numbersTaken.contains(numberOf(row)) || batch.contains(numberOf(row)))
            refused = QStringLiteral("23505"); // tokens' unique (service, day, number)
        batch.insert(numberOf(row));
        if (refuseRow && !refuseRow(row).isEmpty())
            refused = refuseRow(row);
    }
    if (failedState)
        *failedState = refused;
    if (!refused.isEmpty())
        return sqlError(refused);
    QList<TokenRepository::Inserted> inserted;
    for (const TokenRepository::TokenInsert &row : rows) {
        TokenRecord token;
        token.id = m_nextId++;
        token.tokenNumber = row.tokenNumber;
        token.number = row.number;
        token.serviceId = row.serviceId;
        token.serviceCode = services.value(row.serviceId).code;
        token.serviceName = services.value(row.serviceId).name;
        token.status = QStringLiteral("waiting");
        token.priority = row.priority;
        token.customerInfo = row.customerInfo;
        token.businessDate = row.businessDate;
        // Only the order of arrivals is kept: COALESCE(preferred_slot, clock_timestamp()).
        token.arrivalMs =
            row.preferredSlot.isValid() ? row.preferredSlot.toMSecsSinceEpoch() : clockMs++;
        token.eta = row.etaSeconds;
        tokens.insert(token.id, token);
        secretHashes.insert(token.id, row.secretHash);
        const QString key = numberKey(row.serviceId, row.businessDate);
        numberFloors[key] = qMax(numberFloors.value(key), row.number);
        m_numbersTaken.insert(numberOf(row));
        events.append(QStringLiteral("%1 generated").arg(token.id));
        TokenRepository::Inserted written;
        written.id = token.id;
        written.arrivalMs = token.arrivalMs;
        inserted.append(written);
    }
    return inserted;
}

Result<TokenSecrets::Verdict> MemoryRecords::verifySecret(qint64 tokenId, QByteArrayView secret)
{
    if (!tokens.contains(tokenId))
        return TokenSecrets::Verdict::UnknownToken;
    if (secret.isEmpty() || SecureRandom::sha256Hex(secret) != secretHashes.value(tokenId))
        return TokenSecrets::Verdict::WrongSecret;
    return TokenSecrets::Verdict::Matches;
}

Result<int> MemoryRecords::estimateWait(int serviceId, int configuredAverageSeconds,
                                        int tokensAhead, qint64 placeMs)
{
    if (estimate)
        return estimate(serviceId, configuredAverageSeconds, tokensAhead, placeMs);
    return WaitModel::evenWait(tokensAhead, configuredAverageSeconds, 1);
}

void MemoryRecords::addService(int id, const QString &code, bool active)
{
    ServiceRecord svc;
    svc.id = id;
    svc.branchId = 1;
    svc.code = code;
    svc.name = QStringLiteral("Service %1").arg(code);
    svc.avgServiceSeconds = 300;
    svc.active = active;
    svc.timezone = "UTC";
    services.insert(id, svc);
}

void MemoryRecords::addCounter(int id, const QList<int> &serviceIds, bool active)
{
    CounterRecord desk;
    desk.id = id;
    desk.branchId = 1;
    desk.name = QStringLiteral("Counter %1").arg(id);
    desk.status = QStringLiteral("closed");
    desk.active = active;
    desk.serviceIds = serviceIds;
    counters.insert(id, desk);
}

qint64 MemoryRecords::addWaiting(int serviceId, int priority, qint64 arrivalMs, int targetCounterId)
{
    const ServiceRecord svc = services.value(serviceId);
    const QString day =
        businessDate(QDateTime::currentDateTimeUtc(), svc.timezone).toString(Qt::ISODate);
    const QString key = numberKey(serviceId, day);
    TokenRecord token;
    token.id = m_nextId++;
    token.number = ++numberFloors[key];
    m_numbersTaken.insert(key + QStringLiteral(":%1").arg(token.number));
    token.tokenNumber = formatTokenNumber(svc.code, token.number);
    token.serviceId = serviceId;
    token.serviceCode = svc.code;
    token.serviceName = svc.name;
    token.status = QStringLiteral("waiting");
    token.priority = priority;
    token.businessDate = day;
    token.arrivalMs = arrivalMs;
    token.targetCounterId = targetCounterId;
    tokens.insert(token.id, token);
    secretHashes.insert(token.id, SecureRandom::sha256Hex(secretOf(token.id)));
    return token.id;
}

QByteArray MemoryRecords::secretOf(qint64 tokenId)
{
    return "secret-" + QByteArray::number(tokenId);
}

QStringList MemoryRecords::state() const
{
    QStringList lines;
    for (const TokenRecord &t : tokens)
        lines.append(QStringLiteral("token %1 %2 %3 service %4 counter %5 target %6 recalls %7")
                         .arg(t.id)
                         .arg(t.tokenNumber, t.status)
                         .arg(t.serviceId)
                         .arg(t.counterId)
                         .arg(t.targetCounterId)
                         .arg(t.recallCount));
    for (const CounterRecord &c : counters)
        lines.append(QStringLiteral("counter %1 %2 operator %3 %4")
                         .arg(c.id)
                         .arg(c.status)
                         .arg(c.operatorId)
                         .arg(c.pauseReason));
    lines.append(QStringLiteral("events: ") + events.join(u", "));
    return lines;
}

QString describe(const ApiError &error)
{
    return QStringLiteral("%1 %2: %3").arg(error.status).arg(error.code, error.message);
}

} // namespace Nextup
