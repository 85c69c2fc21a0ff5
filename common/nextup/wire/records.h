#pragma once

#include <optional>

#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QMap>
#include <QString>
#include <QVariantMap>

#include "nextup/wire/enums.h"
#include "nextup/wire/keys.h"

// The records the server writes and the clients read (docs/api.md), each defined once.
//
// Each record lists its members once, in members(): the key, the field, and whether an empty value
// is written as null. toJson() and fromJson() run that list with a QJsonObject writer or reader,
// and the server runs it with its fast text writer for the events of every token change, so a
// member cannot be written under one key and read under another. An `io` is called as
// io(key, field) or io(key, field, Empty::Null), with `field` const for writers.
//
// fromJson() is lenient: a member that is missing keeps its default, so a newer server that adds
// members or an older one that lacks one still reads; a null member reads as 0, "" or an invalid
// time. Values of closed vocabularies (statuses, roles) stay text, so a value that a newer server
// adds passes through; hasStatus() and fromString() read them.
namespace Nextup::Wire {

// How a writer shows a member's empty value (0, "", an invalid time, no object).
enum class Empty
{
    AsIs, // 0, "", "" for a time
    Null,
};

// A catalogue record as its own row (admin answers, counter_status events; what toJson() writes
// unless told), or with the live queue state that the public lists and GET /api/queues add: a
// service's waiting count and ETA, a counter's current token and queue size.
enum class Form
{
    Row,
    Live,
};

// A text in several languages (docs/api.md "Names in every language"): a language code ("es",
// "ar") -> the text in it, written as a JSON object. The record's plain member (name, description)
// is the default, for every language the map lacks.
using Texts = QMap<QString, QString>;
// The text for `language` ("es", or "es_ES" read as "es"), else `fallback`.
QString inLanguage(const Texts &texts, const QString &fallback, const QString &language);
QJsonObject textsJson(const Texts &texts);

// A token as staff see it (GET /api/tokens/:id, history items, counter actions); events and the
// customer's own answers leave some members out (toJson()'s flags).
struct Token
{
    qint64 id = 0;
    QString tokenNumber; // "D007"
    qint64 number = 0;   // 7: the day's sequence of the issuing service
    int serviceId = 0;
    QString serviceCode;
    QString serviceName;
    QString status; // TokenStatus
    int priority = 0;
    QJsonValue customerInfo; // an object; staff only (null when not shown)
    QString businessDate;    // YYYY-MM-DD
    QDateTime preferredSlot;
    QDateTime arrivalAt;
    QDateTime createdAt;
    QDateTime calledAt;
    QDateTime servingAt;
    QDateTime finishedAt;
    int counterId = 0;
    QString counterName;
    int targetCounterId = 0; // a transfer sent it to this counter, which alone calls it
    int operatorId = 0;
    int recallCount = 0;
    int eta = 0;           // seconds
    QDateTime checkedInAt; // an appointment's arrival (POST /api/tokens/:id/check-in)

    static Token fromJson(const QJsonObject &json);
    // Without customerInfo for anyone but staff.
    QJsonObject toJson(bool withCustomerInfo = true) const;
    bool hasStatus(TokenStatus value) const { return status == toString(value); }
    bool operator==(const Token &) const = default;

    // Public rooms see neither the customer's details nor the operator. The order is the one the
    // server's event text has always had.
    template <typename Self, typename Io>
    static void members(Self &token, Io &io, bool withCustomerInfo, bool withOperator);
};

// The answer to POST /api/tokens: what the customer needs to follow the token.
struct CreatedToken
{
    qint64 tokenId = 0;
    QString tokenNumber;
    int eta = 0;
    int position = 0; // 1 = next to be called
    QString secret;   // lets only this customer read the status or cancel
    QString status;
    int serviceId = 0;
    QString serviceName;
    int priority = 0;
    QDateTime createdAt;
    QDateTime preferredSlot;
    QString statusUrl; // the status route with the secret

    static CreatedToken fromJson(const QJsonObject &json);
    QJsonObject toJson() const;
    bool operator==(const CreatedToken &) const = default;

    // In key order: the server writes this answer as text, as QJsonDocument would.
    template <typename Self, typename Io> static void members(Self &token, Io &io);
};

// GET /api/tokens/:id/status: where a token is, without anyone's personal data.
struct TokenProgress
{
    qint64 tokenId = 0;
    QString tokenNumber;
    QString status;
    int position = 0; // 0 unless waiting
    int eta = 0;
    int serviceId = 0;
    QString serviceName;
    int counterId = 0;
    QString counterName;
    QDateTime createdAt;
    QDateTime calledAt;
    int recallCount = 0;

    static TokenProgress fromJson(const QJsonObject &json);
    QJsonObject toJson() const;
    bool hasStatus(TokenStatus value) const { return status == toString(value); }
    bool operator==(const TokenProgress &) const = default;

    template <typename Self, typename Io> static void members(Self &token, Io &io);
};

// A counter's token, as GET /api/queues and /api/counters show it.
struct CurrentToken
{
    qint64 id = 0;
    QString tokenNumber;
    QString status; // called or serving
    int serviceId = 0;

    static CurrentToken fromJson(const QJsonObject &json);
    QJsonObject toJson() const;
    bool hasStatus(TokenStatus value) const { return status == toString(value); }
    bool operator==(const CurrentToken &) const = default;

    template <typename Self, typename Io> static void members(Self &token, Io &io);
};

struct Counter
{
    int id = 0;
    int branchId = 0;
    QString name;
    QString status; // CounterStatus
    QList<int> serviceIds;
    int operatorId = 0;
    QString pauseReason;
    bool active = true;
    Texts names; // the name in other languages
    // Form::Live only.
    std::optional<CurrentToken> currentToken;
    int queueSize = 0; // waiting tokens of the services it serves

    static Counter fromJson(const QJsonObject &json);
    // Takes every member that `json` carries and keeps the others: counter_status events carry
    // the counter's row without current_token and queue_size.
    void update(const QJsonObject &json);
    QJsonObject toJson(Form form = Form::Row) const;
    QVariantMap toVariantMap() const { return toJson(Form::Live).toVariantMap(); }
    bool serves(int serviceId) const { return serviceIds.contains(serviceId); }
    bool hasStatus(CounterStatus value) const { return status == toString(value); }
    bool operator==(const Counter &) const = default;

    template <typename Self, typename Io> static void members(Self &counter, Io &io, Form form);
};

struct Service
{
    int id = 0;
    int branchId = 0;
    QString code; // the letter of its token numbers
    QString name;
    int avgServiceSeconds = 300; // the server's estimate until tokens are served, and its default
    int targetWaitSeconds = 900;
    bool active = true;
    Texts names; // the name in other languages
    QString description;
    Texts descriptions;
    // Form::Live only.
    int waiting = 0;
    int eta = 0; // seconds, for a token taken now

    static Service fromJson(const QJsonObject &json);
    QJsonObject toJson(Form form = Form::Row) const;
    bool operator==(const Service &) const = default;

    template <typename Self, typename Io> static void members(Self &service, Io &io, Form form);
};

// One waiting token in a service's line.
struct QueueToken
{
    qint64 id = 0;
    QString tokenNumber;
    int serviceId = 0; // implied, and not written, inside its service's list
    int priority = 0;  // 0..9, higher first
    QDateTime arrivalAt;
    int targetCounterId = 0; // transferred to that counter only; 0 = anyone serving the service
    QDateTime preferredSlot; // an appointment's booked time (its place: arrivalAt is the same)

    // serviceId: the service whose list holds it, unless the token says otherwise.
    static QueueToken fromJson(const QJsonObject &json, int serviceId);
    QJsonObject toJson() const;
    // The server's call order: higher priority, then earlier arrival, then lower id.
    bool goesBefore(const QueueToken &other) const;
    bool operator==(const QueueToken &) const = default;

    template <typename Self, typename Io>
    static void members(Self &token, Io &io, bool withServiceId);
};

// A service with its waiting line, as GET /api/queues lists it.
struct ServiceQueue : Service
{
    QList<QueueToken> tokens; // in call order

    static ServiceQueue fromJson(const QJsonObject &json);
    QJsonObject toJson() const;
    bool operator==(const ServiceQueue &) const = default;
};

// GET /api/queues: the whole live state at event sequence number `seq`.
struct QueueSnapshot
{
    qint64 seq = 0;
    QDateTime at;
    QList<ServiceQueue> services;
    QList<Counter> counters; // Form::Live

    static QueueSnapshot fromJson(const QJsonObject &json);
    QJsonObject toJson() const;
    bool operator==(const QueueSnapshot &) const = default;
};

// The data of a queue_update event: a service's waiting count and ETA now.
struct QueueUpdate
{
    int serviceId = 0;
    QString code;
    QString name;
    int waiting = 0;
    int eta = 0;

    static QueueUpdate fromJson(const QJsonObject &json);
    QJsonObject toJson() const;
    bool operator==(const QueueUpdate &) const = default;

    template <typename Self, typename Io> static void members(Self &update, Io &io);
};

struct Branch
{
    int id = 0;
    QString name;
    QString timezone; // IANA, e.g. "Europe/Madrid": its business days and hours follow it
    QString code;     // short and unique, for links (/?branch=<code>) and posters
    QString address;
    Texts names; // the name in other languages

    static Branch fromJson(const QJsonObject &json);
    QJsonObject toJson() const;
    bool operator==(const Branch &) const = default;

    template <typename Self, typename Io> static void members(Self &branch, Io &io);
};

struct User
{
    int id = 0;
    QString username;
    QString role; // Role
    QString fullName;
    bool active = true;
    int branchId = 0; // 0 (null on the wire): head office, every branch

    static User fromJson(const QJsonObject &json);
    QJsonObject toJson() const;
    bool hasRole(Role value) const { return role == toString(value); }
    // An admin or a branch admin (of branchId): manages the catalogue, users and devices.
    bool isManager() const { return hasRole(Role::Admin) || hasRole(Role::BranchAdmin); }
    bool operator==(const User &) const = default;

    template <typename Self, typename Io> static void members(Self &user, Io &io);
};

template <typename Self, typename Io>
void Token::members(Self &token, Io &io, bool withCustomerInfo, bool withOperator)
{
    io(Key::Id, token.id);
    io(Key::TokenNumber, token.tokenNumber);
    io(Key::Number, token.number);
    io(Key::ServiceId, token.serviceId);
    io(Key::ServiceCode, token.serviceCode);
    io(Key::ServiceName, token.serviceName);
    io(Key::Status, token.status);
    io(Key::Priority, token.priority);
    io(Key::BusinessDate, token.businessDate);
    io(Key::PreferredSlot, token.preferredSlot, Empty::Null);
    io(Key::CheckedInAt, token.checkedInAt, Empty::Null);
    io(Key::ArrivalAt, token.arrivalAt);
    io(Key::CreatedAt, token.createdAt);
    io(Key::CalledAt, token.calledAt, Empty::Null);
    io(Key::ServingAt, token.servingAt, Empty::Null);
    io(Key::FinishedAt, token.finishedAt, Empty::Null);
    io(Key::CounterId, token.counterId, Empty::Null);
    io(Key::CounterName, token.counterName, Empty::Null);
    io(Key::TargetCounterId, token.targetCounterId, Empty::Null);
    if (withOperator)
        io(Key::OperatorId, token.operatorId, Empty::Null);
    io(Key::RecallCount, token.recallCount);
    io(Key::Eta, token.eta);
    if (withCustomerInfo)
        io(Key::CustomerInfo, token.customerInfo);
}

template <typename Self, typename Io> void CreatedToken::members(Self &token, Io &io)
{
    io(Key::CreatedAt, token.createdAt);
    io(Key::Eta, token.eta);
    io(Key::Position, token.position);
    io(Key::PreferredSlot, token.preferredSlot, Empty::Null);
    io(Key::Priority, token.priority);
    io(Key::Secret, token.secret);
    io(Key::ServiceId, token.serviceId);
    io(Key::ServiceName, token.serviceName);
    io(Key::Status, token.status);
    io(Key::StatusUrl, token.statusUrl);
    io(Key::TokenId, token.tokenId);
    io(Key::TokenNumber, token.tokenNumber);
}

template <typename Self, typename Io> void TokenProgress::members(Self &token, Io &io)
{
    io(Key::TokenId, token.tokenId);
    io(Key::TokenNumber, token.tokenNumber);
    io(Key::Status, token.status);
    io(Key::Position, token.position);
    io(Key::Eta, token.eta);
    io(Key::ServiceId, token.serviceId);
    io(Key::ServiceName, token.serviceName);
    io(Key::CounterId, token.counterId, Empty::Null);
    io(Key::CounterName, token.counterName, Empty::Null);
    io(Key::CreatedAt, token.createdAt);
    io(Key::CalledAt, token.calledAt, Empty::Null);
    io(Key::RecallCount, token.recallCount);
}

template <typename Self, typename Io> void CurrentToken::members(Self &token, Io &io)
{
    io(Key::Id, token.id);
    io(Key::TokenNumber, token.tokenNumber);
    io(Key::Status, token.status);
    io(Key::ServiceId, token.serviceId);
}

template <typename Self, typename Io> void Counter::members(Self &counter, Io &io, Form form)
{
    io(Key::Id, counter.id);
    io(Key::BranchId, counter.branchId);
    io(Key::Name, counter.name);
    io(Key::Status, counter.status);
    io(Key::ServiceIds, counter.serviceIds);
    io(Key::OperatorId, counter.operatorId, Empty::Null);
    io(Key::PauseReason, counter.pauseReason, Empty::Null);
    io(Key::Active, counter.active);
    io(Key::Names, counter.names);
    if (form == Form::Live) {
        io(Key::CurrentToken, counter.currentToken, Empty::Null);
        io(Key::QueueSize, counter.queueSize);
    }
}

template <typename Self, typename Io> void Service::members(Self &service, Io &io, Form form)
{
    io(Key::Id, service.id);
    io(Key::BranchId, service.branchId);
    io(Key::Code, service.code);
    io(Key::Name, service.name);
    io(Key::AvgServiceSeconds, service.avgServiceSeconds);
    io(Key::TargetWaitSeconds, service.targetWaitSeconds);
    io(Key::Active, service.active);
    io(Key::Names, service.names);
    io(Key::Description, service.description);
    io(Key::Descriptions, service.descriptions);
    if (form == Form::Live) {
        io(Key::Waiting, service.waiting);
        io(Key::Eta, service.eta);
    }
}

template <typename Self, typename Io>
void QueueToken::members(Self &token, Io &io, bool withServiceId)
{
    io(Key::Id, token.id);
    io(Key::TokenNumber, token.tokenNumber);
    if (withServiceId)
        io(Key::ServiceId, token.serviceId);
    io(Key::Priority, token.priority);
    io(Key::ArrivalAt, token.arrivalAt);
    io(Key::TargetCounterId, token.targetCounterId, Empty::Null);
    io(Key::PreferredSlot, token.preferredSlot, Empty::Null);
}

template <typename Self, typename Io> void QueueUpdate::members(Self &update, Io &io)
{
    io(Key::ServiceId, update.serviceId);
    io(Key::Code, update.code);
    io(Key::Name, update.name);
    io(Key::Waiting, update.waiting);
    io(Key::Eta, update.eta);
}

template <typename Self, typename Io> void Branch::members(Self &branch, Io &io)
{
    io(Key::Id, branch.id);
    io(Key::Name, branch.name);
    io(Key::Timezone, branch.timezone);
    io(Key::Code, branch.code);
    io(Key::Address, branch.address);
    io(Key::Names, branch.names);
}

template <typename Self, typename Io> void User::members(Self &user, Io &io)
{
    io(Key::Id, user.id);
    io(Key::Username, user.username);
    io(Key::Role, user.role);
    io(Key::FullName, user.fullName);
    io(Key::Active, user.active);
    io(Key::BranchId, user.branchId, Empty::Null);
}

} // namespace Nextup::Wire
