// QueueClient's connection lifecycle as a table (common/nextup/client/connectionstates.h): every
// (state, event) pair checked against an expectation written here independently of the table,
// the table's shape (deterministic, every state reachable, Stop always stops, a Timeout only
// where a deadline exists), and short stories of a client written as event sequences.

#include <iterator>
#include <optional>
#include <set>
#include <vector>

#include <QMetaEnum>
#include <QTest>

#include "nextup/client/connectionstates.h"

using namespace Nextup::ConnectionStates;

namespace {

struct Expected
{
    State from;
    Event event;
    State to;
    Action action;
};

// The specification, one line per handled pair; every other pair must be ignored.
// clang-format off
const Expected kExpected[] = {
    {State::Stopped,      Event::Start,        State::Connecting,   Action::ConnectAfresh},
    {State::Backoff,      Event::Timeout,      State::Connecting,   Action::Connect},
    {State::Connecting,   Event::Opened,       State::Subscribing,  Action::Subscribe},
    {State::Connecting,   Event::Timeout,      State::Backoff,      Action::DisconnectAndBackOff},
    {State::Subscribing,  Event::ResyncNeeded, State::Fetching,     Action::Fetch},
    {State::Fetching,     Event::ResyncNeeded, State::Refetching,   Action::None},
    {State::Fetching,     Event::Fetched,      State::Live,         Action::Apply},
    {State::Fetching,     Event::FetchFailed,  State::FetchBackoff, Action::ReportAndBackOff},
    {State::Refetching,   Event::ResyncNeeded, State::Refetching,   Action::None},
    {State::Refetching,   Event::Fetched,      State::Fetching,     Action::Fetch},
    {State::Refetching,   Event::FetchFailed,  State::FetchBackoff, Action::ReportAndBackOff},
    {State::FetchBackoff, Event::Timeout,      State::Fetching,     Action::Fetch},
    {State::FetchBackoff, Event::ResyncNeeded, State::Fetching,     Action::Fetch},
    {State::Live,         Event::ResyncNeeded, State::Fetching,     Action::Fetch},
    // A lost socket, from wherever one exists.
    {State::Connecting,   Event::Lost,         State::Backoff,      Action::DisconnectAndBackOff},
    {State::Subscribing,  Event::Lost,         State::Backoff,      Action::DisconnectAndBackOff},
    {State::Fetching,     Event::Lost,         State::Backoff,      Action::DisconnectAndBackOff},
    {State::Refetching,   Event::Lost,         State::Backoff,      Action::DisconnectAndBackOff},
    {State::FetchBackoff, Event::Lost,         State::Backoff,      Action::DisconnectAndBackOff},
    {State::Live,         Event::Lost,         State::Backoff,      Action::DisconnectAndBackOff},
    // Signing out reconnects an open socket as nobody, at once.
    {State::Subscribing,  Event::SignedOut,    State::Connecting,   Action::Reconnect},
    {State::Fetching,     Event::SignedOut,    State::Connecting,   Action::Reconnect},
    {State::Refetching,   Event::SignedOut,    State::Connecting,   Action::Reconnect},
    {State::FetchBackoff, Event::SignedOut,    State::Connecting,   Action::Reconnect},
    {State::Live,         Event::SignedOut,    State::Connecting,   Action::Reconnect},
    // stop() from anywhere but Stopped.
    {State::Backoff,      Event::Stop,         State::Stopped,      Action::Disconnect},
    {State::Connecting,   Event::Stop,         State::Stopped,      Action::Disconnect},
    {State::Subscribing,  Event::Stop,         State::Stopped,      Action::Disconnect},
    {State::Fetching,     Event::Stop,         State::Stopped,      Action::Disconnect},
    {State::Refetching,   Event::Stop,         State::Stopped,      Action::Disconnect},
    {State::FetchBackoff, Event::Stop,         State::Stopped,      Action::Disconnect},
    {State::Live,         Event::Stop,         State::Stopped,      Action::Disconnect},
};
// clang-format on

template <typename Enum> const char *nameOf(Enum value)
{
    return QMetaEnum::fromType<Enum>().valueToKey(int(value));
}

template <typename Enum> Enum parse(const QString &name)
{
    bool ok = false;
    const int value = QMetaEnum::fromType<Enum>().keyToValue(name.toLatin1().constData(), &ok);
    if (!ok)
        qFatal("unknown name %s", qPrintable(name));
    return Enum(value);
}

const Expected *expectedFor(State state, Event event)
{
    for (const Expected &row : kExpected) {
        if (row.from == state && row.event == event)
            return &row;
    }
    return nullptr;
}

} // namespace

class TestConnectionStates : public QObject
{
    Q_OBJECT

private slots:
    void handledPairs_data();
    void handledPairs();
    void everyOtherPairIsIgnored();
    void tableIsDeterministic();
    void everyStateIsReachableAndStops();
    void timeoutOnlyWhereADeadlineRuns();
    void connectedAndStale_data();
    void connectedAndStale();
    void stories_data();
    void stories();
};

void TestConnectionStates::handledPairs_data()
{
    QTest::addColumn<State>("from");
    QTest::addColumn<Event>("event");
    QTest::addColumn<State>("to");
    QTest::addColumn<Action>("action");
    for (const Expected &row : kExpected)
        QTest::addRow("%s + %s", nameOf(row.from), nameOf(row.event))
            << row.from << row.event << row.to << row.action;
}

void TestConnectionStates::handledPairs()
{
    QFETCH(State, from);
    QFETCH(Event, event);
    QFETCH(State, to);
    QFETCH(Action, action);
    const std::optional<Transition> transition = next(from, event);
    QVERIFY(transition.has_value());
    QCOMPARE(transition->to, to);
    QCOMPARE(transition->action, action);
}

void TestConnectionStates::everyOtherPairIsIgnored()
{
    int handled = 0;
    for (int s = 0; s < StateCount; ++s) {
        for (int e = 0; e < EventCount; ++e) {
            const auto state = State(s);
            const auto event = Event(e);
            if (expectedFor(state, event)) {
                ++handled;
                continue;
            }
            QVERIFY2(
                !next(state, event).has_value(),
                qPrintable(QStringLiteral("%1 + %2 should be ignored")
                               .arg(QLatin1String(nameOf(state)), QLatin1String(nameOf(event)))));
        }
    }
    QCOMPARE(handled, int(std::size(kExpected)));
}

void TestConnectionStates::tableIsDeterministic()
{
    // At most one row per pair: the order of the rows must not matter.
    for (int s = 0; s < StateCount; ++s) {
        for (int e = 0; e < EventCount; ++e) {
            int rows = 0;
            for (const Transition &row : Table)
                rows += row.event == Event(e) && row.from.contains(State(s)) ? 1 : 0;
            QVERIFY2(rows <= 1, qPrintable(QStringLiteral("%1 rows for %2 + %3")
                                               .arg(rows)
                                               .arg(QLatin1String(nameOf(State(s))),
                                                    QLatin1String(nameOf(Event(e))))));
        }
    }
}

void TestConnectionStates::everyStateIsReachableAndStops()
{
    std::set<State> reached{State::Stopped};
    std::vector<State> todo{State::Stopped};
    while (!todo.empty()) {
        const State state = todo.back();
        todo.pop_back();
        for (int e = 0; e < EventCount; ++e) {
            if (const auto transition = next(state, Event(e));
                transition && reached.insert(transition->to).second)
                todo.push_back(transition->to);
        }
    }
    QCOMPARE(int(reached.size()), StateCount);
    for (int s = 1; s < StateCount; ++s) {
        const auto stop = next(State(s), Event::Stop);
        QVERIFY(stop.has_value());
        QCOMPARE(stop->to, State::Stopped);
    }
    QVERIFY(!next(State::Stopped, Event::Stop).has_value());
}

void TestConnectionStates::timeoutOnlyWhereADeadlineRuns()
{
    for (int s = 0; s < StateCount; ++s) {
        const auto state = State(s);
        QCOMPARE(next(state, Event::Timeout).has_value(), hasDeadline(state));
    }
}

void TestConnectionStates::connectedAndStale_data()
{
    QTest::addColumn<State>("state");
    QTest::addColumn<bool>("connected");
    QTest::addColumn<bool>("stale");
    QTest::newRow("Stopped") << State::Stopped << false << true;
    QTest::newRow("Backoff") << State::Backoff << false << true;
    QTest::newRow("Connecting") << State::Connecting << false << true;
    QTest::newRow("Subscribing") << State::Subscribing << true << true;
    QTest::newRow("Fetching") << State::Fetching << true << true;
    QTest::newRow("Refetching") << State::Refetching << true << true;
    QTest::newRow("FetchBackoff") << State::FetchBackoff << true << true;
    QTest::newRow("Live") << State::Live << true << false;
}

void TestConnectionStates::connectedAndStale()
{
    QFETCH(State, state);
    QFETCH(bool, connected);
    QFETCH(bool, stale);
    QCOMPARE(isConnected(state), connected);
    QCOMPARE(isStale(state), stale);
}

void TestConnectionStates::stories_data()
{
    // Events from Stopped, the state they end in, and the action of each ("-": ignored).
    QTest::addColumn<QString>("events");
    QTest::addColumn<State>("end");
    QTest::addColumn<QString>("actions");
    QTest::newRow("first connection") << "Start Opened ResyncNeeded Fetched" << State::Live
                                      << "ConnectAfresh Subscribe Fetch Apply";
    QTest::newRow("server down at start")
        << "Start Lost Timeout Lost Timeout" << State::Connecting
        << "ConnectAfresh DisconnectAndBackOff Connect DisconnectAndBackOff Connect";
    QTest::newRow("hung handshake")
        << "Start Timeout" << State::Backoff << "ConnectAfresh DisconnectAndBackOff";
    QTest::newRow("resync asked while the first fetch is out")
        << "Start Opened ResyncNeeded ResyncNeeded ResyncNeeded Fetched Fetched" << State::Live
        << "ConnectAfresh Subscribe Fetch None None Fetch Apply";
    QTest::newRow("gap while live")
        << "Start Opened ResyncNeeded Fetched ResyncNeeded Fetched" << State::Live
        << "ConnectAfresh Subscribe Fetch Apply Fetch Apply";
    QTest::newRow("fetch fails, the retry works")
        << "Start Opened ResyncNeeded FetchFailed Timeout Fetched" << State::Live
        << "ConnectAfresh Subscribe Fetch ReportAndBackOff Fetch Apply";
    QTest::newRow("a resync does not wait for the retry")
        << "Start Opened ResyncNeeded FetchFailed ResyncNeeded" << State::Fetching
        << "ConnectAfresh Subscribe Fetch ReportAndBackOff Fetch";
    QTest::newRow("the answer of a lost connection is not applied")
        << "Start Opened ResyncNeeded Lost Fetched FetchFailed" << State::Backoff
        << "ConnectAfresh Subscribe Fetch DisconnectAndBackOff - -";
    QTest::newRow("back after a lost connection")
        << "Start Opened ResyncNeeded Fetched Lost Timeout Opened ResyncNeeded Fetched"
        << State::Live
        << "ConnectAfresh Subscribe Fetch Apply DisconnectAndBackOff Connect Subscribe Fetch "
           "Apply";
    QTest::newRow("signed out while live")
        << "Start Opened ResyncNeeded Fetched SignedOut Opened" << State::Subscribing
        << "ConnectAfresh Subscribe Fetch Apply Reconnect Subscribe";
    QTest::newRow("nothing to resync while offline")
        << "ResyncNeeded Start ResyncNeeded SignedOut Lost ResyncNeeded" << State::Backoff
        << "- ConnectAfresh - - DisconnectAndBackOff -";
    QTest::newRow("start twice, stop twice")
        << "Start Start Stop Stop" << State::Stopped << "ConnectAfresh - Disconnect -";
    QTest::newRow("stop while live, start again")
        << "Start Opened ResyncNeeded Fetched Stop Start" << State::Connecting
        << "ConnectAfresh Subscribe Fetch Apply Disconnect ConnectAfresh";
}

void TestConnectionStates::stories()
{
    QFETCH(QString, events);
    QFETCH(State, end);
    QFETCH(QString, actions);
    State state = State::Stopped;
    QStringList performed;
    for (const QString &name : events.split(u' ')) {
        const std::optional<Transition> transition = next(state, parse<Event>(name));
        if (!transition) {
            performed << QStringLiteral("-");
            continue;
        }
        state = transition->to;
        performed << QLatin1String(nameOf(transition->action));
    }
    QCOMPARE(performed.join(u' '), actions);
    QCOMPARE(state, end);
}

// The table is usable at compile time, so a broken row can also fail the build.
static_assert(next(State::Fetching, Event::Fetched)->to == State::Live);
static_assert(!next(State::Stopped, Event::ResyncNeeded));

QTEST_GUILESS_MAIN(TestConnectionStates)
#include "tst_connectionstates.moc"
