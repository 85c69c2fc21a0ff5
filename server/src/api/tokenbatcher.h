#pragma once

#include "api/apicontext.h"
#include "domain/tokenissuer.h"

#include <QList>
#include <QMutex>

// POST /api/tokens under load. Requests that arrive while tokens are being written wait for the
// next batch, so N tokens cost one rate-limit round trip, one number script, one INSERT with one
// commit, one enqueue script and one publish round trip, instead of N of each: the durable commit
// and the thread hand-offs, not the work per row, are what a token costs when taken one by one.
// A lone request is written at once (a batch of one). At most kWriters batches are written at a
// time, each on a worker thread, so the other routes keep the rest of the pool.
class TokenBatcher
{
    Q_DISABLE_COPY_MOVE(TokenBatcher)

public:
    TokenBatcher(const ApiContext &api, const TokenIssuer &issuer);

    struct Pending
    {
        TokenIssuer::Request request;
        QByteArray rateLimitKey; // empty: not rate-limited (staff, kiosks)
        Responder responder;
    };
    // Any thread; the answer goes to the responder.
    void submit(Pending pending);

    static constexpr int kWriters = 2;
    static constexpr qsizetype kMaxBatch = 128;

private:
    void drain(WorkerContext &ctx);
    void write(WorkerContext &ctx, QList<Pending> batch) const;

    const ApiContext &m_api;
    const TokenIssuer &m_issuer;
    QMutex m_mutex;
    QList<Pending> m_pending;
    int m_writers = 0;
};
