#pragma once

#include <QDate>
#include <QJsonArray>
#include <QJsonValue>
#include <QList>
#include <QUrlQuery>

#include "nextup/client/types.h"

// Typed views of tokens, their history and the statistics (docs/api.md, "Tokens" and "Stats").
namespace Nextup {

using TokenInfo = Wire::Token;
using CreatedToken = Wire::CreatedToken;
// Not Wire::TokenStatus, the enum of its `status`.
using TokenStatus = Wire::TokenProgress;

// One line of a token's timeline.
struct TokenEvent
{
    QString event; // issued, called, recalled, serving, completed, skipped, transferred, ...
    QString fromStatus;
    QString toStatus;
    int serviceId = 0;
    int counterId = 0;
    int actorId = 0;
    QString actor;
    QString reason;
    QDateTime at;

    static TokenEvent fromJson(const QJsonObject &json);
};

// POST /api/tokens.
struct NewToken
{
    int serviceId = 0;
    QJsonValue customerInfo;     // object or string; staff only ever see it
    QDateTime preferredSlot;     // later today, or invalid for "now"
    std::optional<int> priority; // 0..9; needs a staff or kiosk session

    QJsonObject toJson() const;
};

// GET /api/tokens filters; empty or zero fields are not sent.
struct HistoryFilter
{
    QString from; // YYYY-MM-DD or an ISO time, inclusive
    QString to;
    int serviceId = 0;
    int counterId = 0;
    QString status;
    QString number; // "D007" or "7"
    int page = 1;
    int pageSize = 50; // 1..200

    QUrlQuery toQuery() const;
};

struct HistoryPage
{
    QList<TokenInfo> items;
    int page = 0;
    int pageSize = 0;
    int total = 0;

    static HistoryPage fromJson(const QJsonObject &json);
    int pageCount() const { return pageSize > 0 ? (total + pageSize - 1) / pageSize : 0; }
};

// One block of GET /api/stats (totals, or one service, or one counter).
struct StatsBlock
{
    int id = 0; // service_id or counter_id; 0 for totals
    QString name;
    qint64 issued = 0;
    qint64 waiting = 0;
    qint64 served = 0;
    qint64 skipped = 0;
    qint64 cancelled = 0;
    double noShowRate = 0;
    double avgWaitSeconds = 0;
    double p90WaitSeconds = 0;
    double avgServiceSeconds = 0;
    double p90ServiceSeconds = 0;
    double withinTargetShare = 0;

    static StatsBlock fromJson(const QJsonObject &json, const QString &idKey = {});
};

struct StatsReport
{
    QDate from;
    QDate to;
    StatsBlock totals;
    QList<StatsBlock> perService;
    QList<StatsBlock> perCounter;
    QJsonArray perHour; // [{hour, issued, served}]
    qint64 etaSamples = 0;
    double etaMeanAbsErrorSeconds = 0;
    double etaMeanErrorSeconds = 0;

    static StatsReport fromJson(const QJsonObject &json);
};

} // namespace Nextup
