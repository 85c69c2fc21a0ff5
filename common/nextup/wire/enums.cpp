#include "nextup/wire/enums.h"

#include <array>
#include <cstddef>

namespace Nextup::Wire {

namespace {

template <WireEnum E> struct Entry
{
    E value;
    QLatin1StringView text;
};

// One table per enum, in the enum's order, so that a value's text is at its index.
template <WireEnum E> struct Names;

template <> struct Names<Role>
{
    static constexpr std::array<Entry<Role>, 5> table{{
        {Role::Admin, QLatin1StringView("admin")},
        {Role::Operator, QLatin1StringView("operator")},
        {Role::Kiosk, QLatin1StringView("kiosk")},
        {Role::User, QLatin1StringView("user")},
        {Role::BranchAdmin, QLatin1StringView("branch_admin")},
    }};
};

template <> struct Names<TokenStatus>
{
    static constexpr std::array<Entry<TokenStatus>, 8> table{{
        {TokenStatus::Waiting, QLatin1StringView("waiting")},
        {TokenStatus::Called, QLatin1StringView("called")},
        {TokenStatus::Serving, QLatin1StringView("serving")},
        {TokenStatus::Completed, QLatin1StringView("completed")},
        {TokenStatus::Skipped, QLatin1StringView("skipped")},
        {TokenStatus::Cancelled, QLatin1StringView("cancelled")},
        {TokenStatus::Booked, QLatin1StringView("booked")},
        {TokenStatus::Expired, QLatin1StringView("expired")},
    }};
};

template <> struct Names<CounterStatus>
{
    static constexpr std::array<Entry<CounterStatus>, 3> table{{
        {CounterStatus::Open, QLatin1StringView("open")},
        {CounterStatus::Paused, QLatin1StringView("paused")},
        {CounterStatus::Closed, QLatin1StringView("closed")},
    }};
};

template <> struct Names<EventType>
{
    static constexpr std::array<Entry<EventType>, 15> table{{
        {EventType::TokenGenerated, QLatin1StringView("token_generated")},
        {EventType::TokenCalled, QLatin1StringView("token_called")},
        {EventType::TokenRecalled, QLatin1StringView("token_recalled")},
        {EventType::TokenServed, QLatin1StringView("token_served")},
        {EventType::TokenCompleted, QLatin1StringView("token_completed")},
        {EventType::TokenSkipped, QLatin1StringView("token_skipped")},
        {EventType::TokenTransferred, QLatin1StringView("token_transferred")},
        {EventType::TokenCancelled, QLatin1StringView("token_cancelled")},
        {EventType::TokenBooked, QLatin1StringView("token_booked")},
        {EventType::TokenCheckedIn, QLatin1StringView("token_checked_in")},
        {EventType::TokenRescheduled, QLatin1StringView("token_rescheduled")},
        {EventType::TokenExpired, QLatin1StringView("token_expired")},
        {EventType::QueueUpdate, QLatin1StringView("queue_update")},
        {EventType::CounterStatus, QLatin1StringView("counter_status")},
        {EventType::DeviceStatus, QLatin1StringView("device_status")},
    }};
};

template <> struct Names<FrameType>
{
    static constexpr std::array<Entry<FrameType>, 11> table{{
        {FrameType::Auth, QLatin1StringView("auth")},
        {FrameType::Subscribe, QLatin1StringView("subscribe")},
        {FrameType::Unsubscribe, QLatin1StringView("unsubscribe")},
        {FrameType::Ping, QLatin1StringView("ping")},
        {FrameType::Hello, QLatin1StringView("hello")},
        {FrameType::Pong, QLatin1StringView("pong")},
        {FrameType::Authenticated, QLatin1StringView("authenticated")},
        {FrameType::Subscribed, QLatin1StringView("subscribed")},
        {FrameType::Unsubscribed, QLatin1StringView("unsubscribed")},
        {FrameType::Resync, QLatin1StringView("resync")},
        {FrameType::Error, QLatin1StringView("error")},
    }};
};

template <> struct Names<RoomKind>
{
    static constexpr std::array<Entry<RoomKind>, 6> table{{
        {RoomKind::Global, QLatin1StringView("global")},
        {RoomKind::Branch, QLatin1StringView("branch")},
        {RoomKind::Service, QLatin1StringView("service")},
        {RoomKind::Counter, QLatin1StringView("counter")},
        {RoomKind::Token, QLatin1StringView("token")},
        {RoomKind::Staff, QLatin1StringView("staff")},
    }};
};

template <WireEnum E> constexpr bool inEnumOrder()
{
    for (std::size_t i = 0; i < Names<E>::table.size(); ++i) {
        if (Names<E>::table[i].value != E(i))
            return false;
    }
    return true;
}
static_assert(inEnumOrder<Role>() && inEnumOrder<TokenStatus>() && inEnumOrder<CounterStatus>() &&
              inEnumOrder<EventType>() && inEnumOrder<FrameType>() && inEnumOrder<RoomKind>());

} // namespace

template <WireEnum E> QLatin1StringView toString(E value)
{
    const auto index = std::size_t(value);
    Q_ASSERT(index < Names<E>::table.size());
    return Names<E>::table[index].text;
}

template <WireEnum E> std::optional<E> fromString(QAnyStringView text)
{
    for (const Entry<E> &entry : Names<E>::table) {
        if (QAnyStringView::equal(text, entry.text))
            return entry.value;
    }
    return std::nullopt;
}

template <WireEnum E> QList<E> allValues()
{
    QList<E> values;
    for (const Entry<E> &entry : Names<E>::table)
        values.append(entry.value);
    return values;
}

#define NEXTUP_WIRE_ENUM(E)                                                                        \
    template QLatin1StringView toString<E>(E);                                                     \
    template std::optional<E> fromString<E>(QAnyStringView);                                       \
    template QList<E> allValues<E>();
NEXTUP_WIRE_ENUM(Role)
NEXTUP_WIRE_ENUM(TokenStatus)
NEXTUP_WIRE_ENUM(CounterStatus)
NEXTUP_WIRE_ENUM(EventType)
NEXTUP_WIRE_ENUM(FrameType)
NEXTUP_WIRE_ENUM(RoomKind)
#undef NEXTUP_WIRE_ENUM

QString roomName(RoomKind kind, qint64 id)
{
    if (kind == RoomKind::Global || kind == RoomKind::Staff)
        return toString(kind);
    return toString(kind) + u':' + QString::number(id);
}

} // namespace Nextup::Wire
