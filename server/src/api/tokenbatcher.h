#pragma once

#include <chrono>

#include <QList>
#include <QMutex>
#include <QWaitCondition>

#include "api/apicontext.h"
#include "domain/tokenissuer.h"

namespace Nextup {

// POST /api/tokens under load. Requests that arrive while tokens are being written wait for the
// next batch, so N tokens cost one rate-limit round trip, one number script, one INSERT with one
// commit, one enqueue script and one publish round trip, instead of N of each: the durable commit
// and the thread hand-offs, not the work per row, are what a token costs when taken one by one.
// A lone request is written at once (a batch of one). Up to kWriters batches are written at a
// time, on writer threads of their own (with their own connections): a batch mostly waits for its
// commit, and concurrent commits share one WAL flush, while the other routes keep the whole
// worker pool.
class TokenBatcher
{
    Q_DISABLE_COPY_MOVE(TokenBatcher)

public:
    TokenBatcher(const ApiContext &api, const TokenIssuer &issuer);
    // Requests not yet taken by a writer are answered 503; batches being written finish.
    ~TokenBatcher();

    struct Pending
    {
        TokenIssuer::Request request;
        QByteArray rateLimitKey; // empty: not rate-limited (staff, kiosks)
        Responder responder;
        std::chrono::steady_clock::time_point queuedAt = std::chrono::steady_clock::now();
    };
    // Any thread; the answer goes to the responder.
    void submit(Pending pending);

    static constexpr int kWriters = 3;
    static constexpr qsizetype kMaxBatch = 128;
    // While another batch is being written, a writer waits up to kGatherTime for kFullBatch
    // requests: fewer, larger batches cost less per token. With no batch in progress it writes
    // at once, so a lone request never waits.
    static constexpr qsizetype kFullBatch = 32;
    static constexpr std::chrono::microseconds kGatherTime{2000};

private:
    void drain(WorkerContext &ctx);
    void write(WorkerContext &ctx, QList<Pending> batch) const;

    const ApiContext &m_api;
    const TokenIssuer &m_issuer;
    QMutex m_mutex;
    QWaitCondition m_filled; // kFullBatch requests are pending
    QList<Pending> m_pending;
    int m_writers = 0;                                                      // drain() loops running
    int m_writing = 0;                                                      // batches being written
    WorkerPool m_pool{m_api.config.database, m_api.config.redis, kWriters}; // destroyed first
};

} // namespace Nextup
