#pragma once

#include <array>
#include <cstdint>
#include <initializer_list>
#include <optional>

#include <QObject>

// QueueClient's connection lifecycle as data: the states, the events that move it, and one table
// that says, for each state and event, the next state and what QueueClient does on the way. No
// I/O and nothing to construct (Q_NAMESPACE only names the enums): QueueClient looks a transition
// up and performs its action; tests read the table directly (tests/unit/tst_connectionstates.cpp).
//
//                 Start                 Timeout (the backoff delay is over)
//   Stopped -----------------> Connecting <------------------------------- Backoff
//                               |     |      Lost, Timeout (handshake hung)  ^  ^
//                               |     +--------------------------------------+  |
//                        Opened |                                               | Lost
//   +-- open -------------------v---------------------------------------+       |
//   | Subscribing --ResyncNeeded--> Fetching --Fetched--> Live          |-------+
//   |                               |  ^  ^                 |           |
//   |                  ResyncNeeded |  |  +--ResyncNeeded---+           |--SignedOut--+
//   |                               v  | Fetched (the answer            |             |
//   |                           Refetching   was too old: fetch again)  |             v
//   |   Fetching, Refetching --FetchFailed--> FetchBackoff              |       Connecting,
//   |   FetchBackoff --Timeout, ResyncNeeded--> Fetching                |       the backoff
//   +-------------------------------------------------------------------+       starting over
//   Stop, from any state but Stopped: Stopped.
//
// Every state has at most one deadline, and `Timeout` is that deadline passing: Backoff (the
// reconnect delay, doubling per attempt), Connecting (the handshake), FetchBackoff (the retry
// delay of GET /api/queues). QueueClient stops the deadline whenever the state changes.
//
// What is not a state, on purpose: waiting for the "subscribed" reply is a one-shot trigger that
// raises ResyncNeeded, armed by every subscribe (also when the rooms change while Live); the gap
// wait, the heartbeat and the "stable connection" clock are timers that run inside open states.
namespace Nextup::ConnectionStates {
Q_NAMESPACE

enum class State : std::uint8_t
{
    Stopped,      // not started, or stop(): no socket, no timer
    Backoff,      // waiting out the reconnect delay
    Connecting,   // WebSocket handshake under way
    Subscribing,  // open; auth and subscribe sent; events held until the snapshot
    Fetching,     // GET /api/queues in flight; events held
    Refetching,   // the answer in flight predates a newer reason to resync: fetch again after it
    FetchBackoff, // GET /api/queues failed: waiting out the retry delay; events held
    Live,         // the snapshot moved forward by events: what the server has
};
Q_ENUM_NS(State)

enum class Event : std::uint8_t
{
    Start,        // start()
    Stop,         // stop()
    Timeout,      // the state's deadline passed
    Opened,       // the WebSocket handshake finished
    Lost,         // the socket closed, or was silent for two heartbeats
    SignedOut,    // the ApiClient's session ended: the server must forget who this socket was
    ResyncNeeded, // "subscribed", subscribeWaitMs, a gap, a "resync" frame, resync()
    Fetched,      // GET /api/queues answered
    FetchFailed,  // GET /api/queues failed
};
Q_ENUM_NS(Event)

enum class Action : std::uint8_t
{
    None,
    Connect,              // a new socket opens, with the handshake deadline
    ConnectAfresh,        // the backoff starts over, then Connect
    Subscribe,            // heartbeats on, events held, auth + subscribe, the subscribed trigger
    Disconnect,           // socket and fetch dropped, connected and stale announced
    DisconnectAndBackOff, // Disconnect, then the next backoff delay
    Reconnect,            // Disconnect, then ConnectAfresh
    Fetch,                // events held, stale, GET /api/queues
    Apply,                // the snapshot replaces the state, held newer events go on top
    ReportAndBackOff,     // resyncFailed(status), then the next retry delay
};
Q_ENUM_NS(Action)

// A set of states, for rows that apply to several.
class States
{
public:
    constexpr States(std::initializer_list<State> states)
    {
        for (State state : states)
            m_bits |= bit(state);
    }
    constexpr bool contains(State state) const { return (m_bits & bit(state)) != 0; }

private:
    static constexpr std::uint16_t bit(State state) { return std::uint16_t(1u << unsigned(state)); }
    std::uint16_t m_bits = 0;
};

struct Transition
{
    States from;
    Event event;
    State to;
    Action action;
};

inline constexpr int StateCount = int(State::Live) + 1;
inline constexpr int EventCount = int(Event::FetchFailed) + 1;

// A socket exists (possibly still shaking hands).
inline constexpr States WithSocket{State::Connecting, State::Subscribing,  State::Fetching,
                                   State::Refetching, State::FetchBackoff, State::Live};
// The handshake is done: frames flow both ways.
inline constexpr States Open{State::Subscribing, State::Fetching, State::Refetching,
                             State::FetchBackoff, State::Live};
inline constexpr States Running{State::Backoff,  State::Connecting, State::Subscribing,
                                State::Fetching, State::Refetching, State::FetchBackoff,
                                State::Live};

// The whole lifecycle. A (state, event) pair that no row names is ignored: e.g. ResyncNeeded
// while not connected, Fetched after the fetch was abandoned, Start while running.
constexpr auto table()
{
    using enum State;
    using enum Event;
    using enum Action;
    // clang-format off
    return std::to_array<Transition>({
        // from                              event          to            action
        {{Stopped},                          Start,         Connecting,   ConnectAfresh},
        {{Backoff},                          Timeout,       Connecting,   Connect},
        {{Connecting},                       Opened,        Subscribing,  Subscribe},
        // A server that accepts TCP but never answers the handshake.
        {{Connecting},                       Timeout,       Backoff,      DisconnectAndBackOff},
        {WithSocket,                         Lost,          Backoff,      DisconnectAndBackOff},
        {Open,                               SignedOut,     Connecting,   Reconnect},
        {Running,                            Stop,          Stopped,      Disconnect},
        {{Subscribing, FetchBackoff, Live},  ResyncNeeded,  Fetching,     Fetch},
        {{FetchBackoff},                     Timeout,       Fetching,     Fetch},
        // The answer in flight may have been read before what made us resync: ask again after it.
        {{Fetching, Refetching},             ResyncNeeded,  Refetching,   None},
        {{Fetching},                         Fetched,       Live,         Apply},
        {{Refetching},                       Fetched,       Fetching,     Fetch},
        {{Fetching, Refetching},             FetchFailed,   FetchBackoff, ReportAndBackOff},
    });
    // clang-format on
}
inline constexpr auto Table = table();

// The row for this state and event; nullopt: the event is ignored in this state.
constexpr std::optional<Transition> next(State state, Event event)
{
    for (const Transition &row : Table) {
        if (row.event == event && row.from.contains(state))
            return row;
    }
    return std::nullopt;
}

// QueueClient's `connected` and `stale` in each state (stale: the state may be behind the server).
constexpr bool isConnected(State state)
{
    return Open.contains(state);
}
constexpr bool isStale(State state)
{
    return state != State::Live;
}
// The states with a deadline (see Event::Timeout).
constexpr bool hasDeadline(State state)
{
    return state == State::Backoff || state == State::Connecting || state == State::FetchBackoff;
}

} // namespace Nextup::ConnectionStates
