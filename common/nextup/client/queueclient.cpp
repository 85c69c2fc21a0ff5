#include "nextup/client/queueclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QWebSocket>

#include "nextup/client/apiclient.h"
#include "nextup/client/queuejobs.h"

namespace Nextup {

using ConnectionStates::Action;
using ConnectionStates::Event;
using ConnectionStates::State;
using ConnectionStates::Transition;

namespace Key = Wire::Key;

namespace {
QJsonObject frameOf(Wire::FrameType type, QJsonObject members = {})
{
    members.insert(Key::Type, Wire::toString(type));
    return members;
}
} // namespace

QueueClient::QueueClient(ApiClient *api, QObject *parent) : QObject(parent), m_api(api)
{
    m_timeout.setSingleShot(true);
    m_stableTimer.setSingleShot(true);
    m_gapTimer.setSingleShot(true);
    m_subscribeTimer.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] { dispatch(Event::Timeout); });
    connect(&m_pingTimer, &QTimer::timeout, this, &QueueClient::onHeartbeat);
    connect(&m_stableTimer, &QTimer::timeout, this, [this] { m_attempts = 0; });
    connect(&m_gapTimer, &QTimer::timeout, this, &QueueClient::onGapTimeout);
    // No "subscribed" reply in time: resync anyway.
    connect(&m_subscribeTimer, &QTimer::timeout, this, &QueueClient::resync);
    if (m_api) {
        connect(m_api, &ApiClient::accessTokenChanged, this, [this](const QString &token) {
            if (!isConnected() || !m_authenticate)
                return;
            if (!token.isEmpty())
                sendAuthAndSubscribe(); // rooms refused under the old identity may pass now
            else if (m_sentAuth)
                dispatch(Event::SignedOut);
        });
    }
    m_state.setStrictSequence(false);
}

QueueClient::~QueueClient()
{
    dropSocket();
}

QUrl QueueClient::url() const
{
    if (m_url.isValid() || !m_api)
        return m_url;
    return m_api->webSocketUrl();
}

void QueueClient::setUrl(const QUrl &url)
{
    m_url = url;
}

void QueueClient::setRooms(const QStringList &rooms)
{
    if (rooms == m_rooms)
        return;
    const QStringList before = std::exchange(m_rooms, rooms);
    m_state.setStrictSequence(m_rooms.contains(Wire::roomName(Wire::RoomKind::Global)));
    emit roomsChanged();
    if (!isConnected())
        return;
    QJsonArray left;
    for (const QString &room : before) {
        if (!m_rooms.contains(room))
            left.append(room);
    }
    if (!left.isEmpty())
        sendFrame(frameOf(Wire::FrameType::Unsubscribe, {{Key::Rooms, left}}));
    // The state stays as it is (Live stays Live), but its next snapshot must be read after the
    // server joined the new rooms.
    m_subscribeTimer.start(m_timing.subscribeWaitMs);
    sendAuthAndSubscribe();
}

void QueueClient::setTokenSecret(const QString &secret)
{
    m_tokenSecret = secret;
}

void QueueClient::setAuthenticate(bool authenticate)
{
    m_authenticate = authenticate;
}

void QueueClient::setTiming(const Timing &timing)
{
    m_timing = timing;
}

void QueueClient::start()
{
    dispatch(Event::Start);
}

void QueueClient::stop()
{
    dispatch(Event::Stop);
}

void QueueClient::resync()
{
    if (m_api)
        dispatch(Event::ResyncNeeded);
}

void QueueClient::dispatch(Event event, GetQueuesJob *job)
{
    const std::optional<Transition> transition = ConnectionStates::next(m_connection, event);
    if (!transition)
        return; // ignored in this state (connectionstates.h)
    const State from = std::exchange(m_connection, transition->to);
    if (from != transition->to)
        m_timeout.stop(); // each deadline belongs to one state
    perform(transition->action, from, job);
}

void QueueClient::perform(Action action, State from, GetQueuesJob *job)
{
    switch (action) {
    case Action::None: return;
    case Action::Connect: return connectSocket();
    case Action::ConnectAfresh: m_attempts = 0; return connectSocket();
    case Action::Subscribe: return subscribe();
    case Action::Disconnect: return disconnectSocket(from);
    case Action::DisconnectAndBackOff: disconnectSocket(from); return backOff();
    case Action::Reconnect:
        disconnectSocket(from);
        if (m_connection != State::Connecting)
            return; // a slot of connectedChanged or staleChanged stopped the client
        m_attempts = 0;
        return connectSocket();
    case Action::Fetch: return fetch();
    case Action::Apply: return applySnapshot(job->snapshot());
    case Action::ReportAndBackOff: return reportFetchFailure(job->status());
    }
}

void QueueClient::connectSocket()
{
    dropSocket();
    m_socket = std::make_unique<QWebSocket>();
    QWebSocket *socket = m_socket.get();
    connect(socket, &QWebSocket::connected, this, [this] { dispatch(Event::Opened); });
    connect(socket, &QWebSocket::textMessageReceived, this, &QueueClient::onText);
    connect(socket, &QWebSocket::stateChanged, this,
            [this, socket](QAbstractSocket::SocketState s) {
                if (s == QAbstractSocket::UnconnectedState)
                    onSocketGone(socket);
            });
    // Any frame, WebSocket pongs and the server's pings included, proves the peer is alive.
    connect(socket, &QWebSocket::pong, this, [this] { m_lastFrame.restart(); });
    m_timeout.start(m_timing.handshakeTimeoutMs);
    socket->open(url());
}

void QueueClient::subscribe()
{
    m_reauthTried = false;
    m_sentAuth = false;
    m_lastFrame.restart();
    m_heartbeatMs = m_timing.heartbeatMs > 0 ? m_timing.heartbeatMs : 15'000;
    m_pingTimer.start(qMax(50, m_heartbeatMs / 2));
    m_stableTimer.start(m_timing.stableAfterMs);
    // Events from here on wait for the snapshot that the "subscribed" reply triggers.
    m_state.beginResync();
    m_subscribeTimer.start(m_timing.subscribeWaitMs);
    sendAuthAndSubscribe();
    emit connectedChanged();
    updateStale();
}

void QueueClient::sendAuthAndSubscribe()
{
    const QString token = m_api && m_authenticate ? m_api->accessToken() : QString();
    if (!token.isEmpty()) {
        sendFrame(frameOf(Wire::FrameType::Auth, {{Key::Token, token}}));
        m_sentAuth = true;
    }
    if (m_rooms.isEmpty())
        return onSubscribed(); // no events will come, but the state still has to be fetched
    QJsonObject frame =
        frameOf(Wire::FrameType::Subscribe, {{Key::Rooms, QJsonArray::fromStringList(m_rooms)}});
    if (!m_tokenSecret.isEmpty())
        frame.insert(Key::Secret, m_tokenSecret);
    sendFrame(frame);
}

void QueueClient::onSubscribed()
{
    if (!m_subscribeTimer.isActive())
        return; // not waiting for this subscription (any more)
    m_subscribeTimer.stop();
    resync();
}

void QueueClient::sendFrame(const QJsonObject &frame)
{
    if (m_socket && isConnected())
        m_socket->sendTextMessage(
            QString::fromUtf8(QJsonDocument(frame).toJson(QJsonDocument::Compact)));
}

void QueueClient::onSocketGone(QWebSocket *socket)
{
    if (socket != m_socket.get())
        return; // an old socket's late signal
    dispatch(Event::Lost);
}

void QueueClient::disconnectSocket(State from)
{
    dropSocket();
    // A snapshot would be followed by no events; the next connection fetches its own.
    if (GetQueuesJob *job = std::exchange(m_resyncJob, nullptr))
        job->abandon();
    m_gapTimer.stop();
    if (ConnectionStates::isConnected(from))
        emit connectedChanged();
    updateStale();
}

void QueueClient::dropSocket()
{
    m_pingTimer.stop();
    m_stableTimer.stop();
    m_subscribeTimer.stop();
    if (!m_socket)
        return;
    // The socket may be inside one of its own signals: disconnect now, delete later.
    QWebSocket *socket = m_socket.release();
    socket->disconnect(this);
    socket->abort();
    socket->deleteLater();
}

void QueueClient::backOff()
{
    if (m_connection != State::Backoff || m_timeout.isActive())
        return; // a slot of connectedChanged or staleChanged moved the client on
    const int exponent = qMin(m_attempts, 16);
    const double base = qMin<double>(m_timing.reconnectMaxMs,
                                     double(m_timing.reconnectInitialMs) * (1 << exponent));
    const double spread = (QRandomGenerator::global()->generateDouble() * 2 - 1) * m_timing.jitter;
    ++m_attempts;
    m_timeout.start(qMax(1, int(base * (1 + spread))));
}

void QueueClient::onHeartbeat()
{
    if (!isConnected())
        return;
    if (m_lastFrame.elapsed() > 2 * qint64(m_heartbeatMs)) {
        // Silence: the peer or the path is gone without telling us.
        return onSocketGone(m_socket.get());
    }
    sendFrame(frameOf(Wire::FrameType::Ping));
}

void QueueClient::onText(const QString &text)
{
    m_lastFrame.restart();
    const QJsonObject frame = QJsonDocument::fromJson(text.toUtf8()).object();
    if (frame.isEmpty())
        return;
    if (frame.contains(Key::Event)) {
        if (const auto event = QueueEvent::fromFrame(frame))
            onEvent(*event);
        return;
    }
    // A type this client does not know (a newer server's) is ignored.
    if (const auto type = Wire::fromString<Wire::FrameType>(frame.value(Key::Type).toString()))
        onControlFrame(*type, frame);
}

void QueueClient::onControlFrame(Wire::FrameType type, const QJsonObject &frame)
{
    switch (type) {
    case Wire::FrameType::Hello: {
        m_serverSeq = frame.value(Key::Seq).toInteger();
        const int heartbeat = frame.value(Key::HeartbeatMs).toInt();
        if (m_timing.heartbeatMs <= 0 && heartbeat > 0) {
            m_heartbeatMs = heartbeat;
            m_pingTimer.start(qMax(50, m_heartbeatMs / 2));
        }
        break;
    }
    case Wire::FrameType::Pong:
        m_serverSeq = qMax(m_serverSeq, frame.value(Key::Seq).toInteger());
        // The server delivered a seq we never saw, and nothing after it revealed the gap.
        if (m_state.strictSequence() && m_serverSeq > m_state.lastSeq() && !m_state.isResyncing() &&
            !m_gapTimer.isActive())
            m_gapTimer.start(m_timing.gapWaitMs);
        break;
    case Wire::FrameType::Subscribed: onSubscribed(); break;
    case Wire::FrameType::Authenticated:
        emit authenticated(frame.value(Key::Role).toString());
        break;
    case Wire::FrameType::Resync: resync(); break;
    case Wire::FrameType::Error: {
        const QString code = frame.value(Key::Code).toString();
        emit errorFrame(code, frame.value(Key::Message).toString(),
                        frame.value(Key::Room).toString());
        // An expired access token: one refresh, whose new token is sent again (accessTokenChanged).
        if (code == u"unauthorized" && m_api && !m_api->refreshToken().isEmpty() &&
            !std::exchange(m_reauthTried, true))
            m_api->refresh();
        break;
    }
    case Wire::FrameType::Auth:
    case Wire::FrameType::Subscribe:
    case Wire::FrameType::Unsubscribe:
    case Wire::FrameType::Unsubscribed:
    case Wire::FrameType::Ping: break; // ours, or nothing to do
    }
}

void QueueClient::onEvent(const QueueEvent &event)
{
    if (event.seq == 0) { // outside the sequence (the staff room's): passed on as it comes
        emit eventReceived(event.name, event.data, 0);
        return;
    }
    const QueueState::FeedResult result = m_state.feed(event);
    emitApplied(result.applied);
    if (m_state.hasGap()) {
        if (!m_gapTimer.isActive())
            m_gapTimer.start(m_timing.gapWaitMs);
    } else if (m_serverSeq <= m_state.lastSeq()) {
        m_gapTimer.stop();
    }
}

void QueueClient::emitApplied(const QList<QueueEvent> &events)
{
    for (const QueueEvent &event : events)
        emit eventReceived(event.name, event.data, event.seq);
    if (!events.isEmpty())
        emit stateChanged();
}

void QueueClient::onGapTimeout()
{
    const bool missing =
        m_state.hasGap() || (m_state.strictSequence() && m_serverSeq > m_state.lastSeq());
    if (missing && m_connection == State::Live)
        resync();
}

void QueueClient::fetch()
{
    m_gapTimer.stop();
    m_state.beginResync();
    updateStale();
    // A slot of staleChanged may have moved the client on: stopped it (no fetch), or asked for
    // a resync (Refetching, and this fetch is the one in flight).
    const bool fetching = m_connection == State::Fetching || m_connection == State::Refetching;
    if (!m_api || !fetching || m_resyncJob)
        return;
    GetQueuesJob *job = m_api->getQueues();
    m_resyncJob = job;
    connect(job, &ApiJob::succeeded, this, [this, job] {
        if (m_resyncJob != job)
            return; // not the fetch the state machine waits for
        m_resyncJob = nullptr;
        m_resyncRetryMs = 0; // the server answers again, even if this answer is thrown away
        dispatch(Event::Fetched, job);
    });
    connect(job, &ApiJob::failed, this, [this, job] {
        if (m_resyncJob != job)
            return;
        m_resyncJob = nullptr;
        dispatch(Event::FetchFailed, job);
    });
}

void QueueClient::applySnapshot(const QueueSnapshot &snapshot)
{
    m_serverSeq = qMax(m_serverSeq, snapshot.seq);
    const QList<QueueEvent> applied = m_state.reset(snapshot);
    updateStale();
    emit resynced();
    for (const QueueEvent &event : applied)
        emit eventReceived(event.name, event.data, event.seq);
    emit stateChanged();
    if (m_connection == State::Live && m_state.hasGap())
        m_gapTimer.start(m_timing.gapWaitMs);
}

void QueueClient::reportFetchFailure(const Status &status)
{
    emit resyncFailed(status);
    m_resyncRetryMs = qBound(250, m_resyncRetryMs * 2, m_timing.resyncRetryMaxMs);
    if (m_connection == State::FetchBackoff && !m_timeout.isActive())
        m_timeout.start(m_resyncRetryMs); // unless a slot of resyncFailed moved the client on
}

void QueueClient::updateStale()
{
    const bool stale = ConnectionStates::isStale(m_connection);
    if (stale == m_stale)
        return;
    m_stale = stale;
    emit staleChanged();
}

std::optional<CounterInfo> QueueClient::counter(int id) const
{
    const CounterInfo *found = m_state.counter(id);
    return found ? std::optional(*found) : std::nullopt;
}

QVariantList QueueClient::servicesVariant() const
{
    QVariantList list;
    for (const ServiceQueue &service : m_state.services())
        list.append(service.toJson().toVariantMap());
    return list;
}

QVariantList QueueClient::countersVariant() const
{
    QVariantList list;
    for (const CounterInfo &counter : m_state.counters())
        list.append(counter.toVariantMap());
    return list;
}

QVariantList QueueClient::waitingTokens(int serviceId) const
{
    QVariantList list;
    for (const QueueToken &token : m_state.waiting(serviceId))
        list.append(token.toJson().toVariantMap());
    return list;
}

QVariantMap QueueClient::counterMap(int counterId) const
{
    const CounterInfo *found = m_state.counter(counterId);
    return found ? found->toVariantMap() : QVariantMap{};
}

} // namespace Nextup
