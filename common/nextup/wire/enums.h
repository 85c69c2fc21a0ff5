#pragma once

#include <concepts>
#include <optional>

#include <QAnyStringView>
#include <QLatin1StringView>
#include <QList>
#include <QString>

// The protocol's closed vocabularies (docs/api.md, DESIGN.md "Realtime"). Records keep such values
// as the text they arrived as, so that a value a newer peer adds passes through unharmed; code that
// decides on a value compares it with toString() or reads it with fromString().
namespace Nextup::Wire {

// A user's role: a claim of every access token and a member of every user.
enum class Role
{
    Admin,
    Operator,
    Kiosk,
    User,
    BranchAdmin, // an admin of one branch (the user's branch_id)
};

enum class TokenStatus
{
    Waiting,
    Called,
    Serving,
    Completed,
    Skipped,
    Cancelled,
    Booked,  // an appointment not checked in yet: in no line
    Expired, // an appointment nobody checked in within its window
};

enum class CounterStatus
{
    Open,
    Paused,
    Closed,
};

// The `event` of a realtime frame. Token events carry the token as it is now; queue_update a
// service's count and ETA; counter_status the counter's row.
enum class EventType
{
    TokenGenerated,
    TokenCalled,
    TokenRecalled,
    TokenServed,
    TokenCompleted,
    TokenSkipped,
    TokenTransferred,
    TokenCancelled,
    TokenBooked,
    TokenCheckedIn,
    TokenRescheduled,
    TokenExpired,
    QueueUpdate,
    CounterStatus,
    DeviceStatus, // a lobby device came, went, or its printer changed (room `staff`)
};

// The `type` of a WebSocket frame that is not an event.
enum class FrameType
{
    // client → server
    Auth,
    Subscribe,
    Unsubscribe,
    Ping,
    // server → client
    Hello,
    Pong,
    Authenticated,
    Subscribed,
    Unsubscribed,
    Resync,
    Error,
};

// The kind of a WebSocket room: "global", or "<kind>:<id>" (roomName()). Public rooms carry token
// numbers and counts only; a token room needs that token's secret. Least specific first.
enum class RoomKind
{
    Global,
    Branch,
    Service,
    Counter,
    Token,
    Staff, // "staff": admins' and operators' own events (devices); no id
};

template <typename E>
concept WireEnum =
    std::same_as<E, Role> || std::same_as<E, TokenStatus> || std::same_as<E, CounterStatus> ||
    std::same_as<E, EventType> || std::same_as<E, FrameType> || std::same_as<E, RoomKind>;

// The value's text on the wire.
template <WireEnum E> QLatin1StringView toString(E value);
// nullopt for any other text (case matters), e.g. from an older or newer peer: the caller decides.
template <WireEnum E> std::optional<E> fromString(QAnyStringView text);
// Every value of E in declaration order.
template <WireEnum E> QList<E> allValues();

// "global" and "staff" (the id is not used), "branch:3", "service:3", "counter:2", "token:77".
QString roomName(RoomKind kind, qint64 id = 0);

} // namespace Nextup::Wire
