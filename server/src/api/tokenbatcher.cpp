#include "api/tokenbatcher.h"

#include "queue/ratelimiter.h"

namespace Nextup {

TokenBatcher::TokenBatcher(const ApiContext &api, const TokenIssuer &issuer)
    : m_api(api), m_issuer(issuer)
{
}

TokenBatcher::~TokenBatcher()
{
    QList<Pending> unwritten;
    {
        QMutexLocker lock(&m_mutex);
        unwritten.swap(m_pending);
    }
    for (const Pending &pending : std::as_const(unwritten))
        pending.responder.send(
            ApiError{503,
                     QStringLiteral("shutting_down"),
                     QStringLiteral("The server is stopping; try again shortly."),
                     {}});
    m_pool.waitForDone(); // the batches being written (m_pool, destroyed first, would wait too)
}

void TokenBatcher::submit(Pending pending)
{
    bool startWriter = false;
    {
        QMutexLocker lock(&m_mutex);
        m_pending.append(std::move(pending));
        if (m_pending.size() == kFullBatch)
            m_filled.wakeOne();
        if (m_writers < kWriters) {
            ++m_writers;
            startWriter = true;
        }
    }
    if (startWriter)
        m_pool.post([this](WorkerContext &ctx) { drain(ctx); });
}

void TokenBatcher::drain(WorkerContext &ctx)
{
    QMutexLocker lock(&m_mutex);
    for (;;) {
        if (m_pending.isEmpty()) {
            --m_writers;
            return;
        }
        const auto waited = std::chrono::steady_clock::now() - m_pending.constFirst().queuedAt;
        if (m_writing > 0 && m_pending.size() < kFullBatch && waited < kGatherTime) {
            m_filled.wait(&m_mutex, QDeadlineTimer(kGatherTime - waited, Qt::PreciseTimer));
            continue;
        }
        const qsizetype take = qMin(m_pending.size(), kMaxBatch);
        QList<Pending> batch = m_pending.first(take);
        m_pending.remove(0, take);
        ++m_writing;
        lock.unlock();
        write(ctx, std::move(batch));
        lock.relock();
        --m_writing;
    }
}

void TokenBatcher::write(WorkerContext &ctx, QList<Pending> batch) const
{
    QList<QByteArray> keys;
    QList<qsizetype> limited;
    for (qsizetype i = 0; i < batch.size(); ++i) {
        if (!batch.at(i).rateLimitKey.isEmpty()) {
            keys.append(batch.at(i).rateLimitKey);
            limited.append(i);
        }
    }
    // The rate-limit hits go to Redis unwaited and Postgres reads the services meanwhile: under
    // load every round trip waits for a busy CPU to wake its peer, and the two overlap.
    QList<Result<RateDecision>> decisions;
    m_api.rateLimiter.sendEach(
        ctx.redis(), keys, m_api.config.tokenRateLimitPerMinute, 60,
        [&decisions](QList<Result<RateDecision>> answer) { decisions = std::move(answer); });
    const auto services = TokenIssuer::servicesById(ctx);
    ctx.redis().readDeferred();

    QList<bool> refused(batch.size(), false);
    for (qsizetype k = 0; k < limited.size(); ++k) {
        if (auto refusal = Handler::rateRefusal(decisions.value(k, ApiError::internal()))) {
            batch.at(limited.at(k)).responder.send(std::move(*refusal));
            refused[limited.at(k)] = true;
        }
    }
    QList<TokenIssuer::Request> requests;
    QList<const Responder *> responders;
    for (qsizetype i = 0; i < batch.size(); ++i) {
        if (refused.at(i))
            continue;
        requests.append(batch.at(i).request);
        responders.append(&batch.at(i).responder);
    }
    if (requests.isEmpty())
        return;
    if (!services.ok()) {
        for (const Responder *responder : std::as_const(responders))
            responder->send(ApiResponse::error(services.error()));
        return;
    }
    const QList<Result<QByteArray>> results = m_issuer.issueMany(ctx, requests, *services);
    for (qsizetype i = 0; i < results.size(); ++i) {
        const Result<QByteArray> &answer = results.at(i);
        responders.at(i)->send(answer.ok() ? ApiResponse::raw(*answer, "application/json", 201)
                                           : ApiResponse::error(answer.error()));
    }
    ctx.redis().readDeferred(); // the token_generated publishes, answered while the tokens went out
}

} // namespace Nextup
