#pragma once

#include <optional>

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QVariantMap>

// Typed views of the server's JSON (docs/api.md). Each fromJson() is lenient: a missing field
// keeps its default, so a newer server that adds fields or a older one that lacks one still reads.
namespace Nextup {

// An ISO 8601 time as the server writes it ("2026-11-25T09:30:00.123Z"); null gives an invalid
// QDateTime.
QDateTime parseTime(const QJsonValue &value);

struct UserInfo
{
    int id = 0;
    QString username;
    QString role; // admin, operator, kiosk, user
    QString fullName;
    bool active = true;

    static UserInfo fromJson(const QJsonObject &json);
};

struct ServiceInfo
{
    int id = 0;
    int branchId = 0;
    QString code;
    QString name;
    int avgServiceSeconds = 0;
    int targetWaitSeconds = 0;
    bool active = true;
    int waiting = 0;
    int eta = 0; // seconds for a token taken now

    static ServiceInfo fromJson(const QJsonObject &json);
};

// A counter's token as GET /api/queues and /api/counters show it.
struct CurrentToken
{
    qint64 id = 0;
    QString tokenNumber;
    QString status; // called or serving
    int serviceId = 0;

    static CurrentToken fromJson(const QJsonObject &json);
    QJsonObject toJson() const;
    bool operator==(const CurrentToken &) const = default;
};

struct CounterInfo
{
    int id = 0;
    int branchId = 0;
    QString name;
    QString status; // open, paused, closed
    QList<int> serviceIds;
    int operatorId = 0;
    QString pauseReason;
    bool active = true;
    std::optional<CurrentToken> currentToken;
    int queueSize = 0;

    static CounterInfo fromJson(const QJsonObject &json);
    // Takes every field that `json` carries and keeps the others: counter_status events carry the
    // counter row without current_token and queue_size.
    void update(const QJsonObject &json);
    QJsonObject toJson() const;
    QVariantMap toVariantMap() const { return toJson().toVariantMap(); }
    bool serves(int serviceId) const { return serviceIds.contains(serviceId); }
};

// One waiting token in a service's line.
struct QueueToken
{
    qint64 id = 0;
    QString tokenNumber;
    int serviceId = 0;
    int priority = 0; // 0..9, higher first
    QDateTime arrivalAt;
    int targetCounterId = 0; // transferred to that counter only; 0 = anyone serving the service

    static QueueToken fromJson(const QJsonObject &json, int serviceId);
    QJsonObject toJson() const;
    // The server's call order: higher priority, then earlier arrival, then lower id.
    bool goesBefore(const QueueToken &other) const;
};

struct ServiceQueue
{
    int id = 0;
    QString code;
    QString name;
    int waiting = 0;
    int eta = 0;
    QList<QueueToken> tokens; // in call order

    static ServiceQueue fromJson(const QJsonObject &json);
    QJsonObject toJson() const;
};

// GET /api/queues: the whole live state at event sequence number `seq`.
struct QueueSnapshot
{
    qint64 seq = 0;
    QDateTime at;
    QList<ServiceQueue> services;
    QList<CounterInfo> counters;

    static QueueSnapshot fromJson(const QJsonObject &json);
};

} // namespace Nextup
