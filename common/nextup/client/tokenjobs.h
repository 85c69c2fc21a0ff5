#pragma once

#include "nextup/client/apijob.h"
#include "nextup/client/tokentypes.h"

namespace Nextup {

// POST /api/tokens. Anonymous unless signed in (a kiosk or staff session may set a priority).
class CreateTokenJob : public ApiJob
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CreateTokenJob)

public:
    explicit CreateTokenJob(const NewToken &token);
    CreatedToken token() const { return m_token; }

protected:
    Status parseResponse(const QJsonDocument &json) override;

private:
    CreatedToken m_token;
};

// GET /api/tokens/:id/status: the customer with the token's secret, or staff.
class TokenStatusJob : public ApiJob
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TokenStatusJob)

public:
    TokenStatusJob(qint64 tokenId, const QString &secret = {});
    TokenStatus tokenStatus() const { return m_status; }

protected:
    Status parseResponse(const QJsonDocument &json) override;

private:
    TokenStatus m_status;
};

// A call answering {token}: the shared half of the jobs below.
class TokenAnswerJob : public ApiJob
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TokenAnswerJob)

public:
    TokenInfo token() const { return m_token; }

protected:
    using ApiJob::ApiJob;
    Status parseResponse(const QJsonDocument &json) override;

private:
    TokenInfo m_token;
};

// GET /api/tokens/:id: the token with its timeline (staff).
class GetTokenJob : public TokenAnswerJob
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GetTokenJob)

public:
    explicit GetTokenJob(qint64 tokenId);
    QList<TokenEvent> events() const { return m_events; }

protected:
    Status parseResponse(const QJsonDocument &json) override;

private:
    QList<TokenEvent> m_events;
};

// POST /api/tokens/:id/cancel: the customer with the secret, or staff.
class CancelTokenJob : public TokenAnswerJob
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CancelTokenJob)

public:
    CancelTokenJob(qint64 tokenId, const QString &secret = {});
};

// POST /api/tokens/:id/assign: call this waiting token out of turn at a counter (staff).
class AssignTokenJob : public TokenAnswerJob
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AssignTokenJob)

public:
    AssignTokenJob(qint64 tokenId, int counterId, const QString &reason);
};

// GET /api/tokens: history, filtered and paged (staff).
class HistoryJob : public ApiJob
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryJob)

public:
    explicit HistoryJob(const HistoryFilter &filter);
    HistoryFilter filter() const { return m_filter; }
    HistoryPage page() const { return m_page; }

protected:
    Status parseResponse(const QJsonDocument &json) override;

private:
    HistoryFilter m_filter;
    HistoryPage m_page;
};

// GET /api/stats for whole days; invalid dates leave the server's default (today).
class StatsJob : public ApiJob
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatsJob)

public:
    StatsJob(const QDate &from = {}, const QDate &to = {});
    StatsReport report() const { return m_report; }

protected:
    Status parseResponse(const QJsonDocument &json) override;

private:
    StatsReport m_report;
};

} // namespace Nextup
