#include "realtime/websockethub.h"

#include <QPointer>
#include <QWebSocket>

#include "auth/accesstokens.h"
#include "core/principal.h"
#include "http/guardedsocket.h"
#include "http/httpserver.h"
#include "http/websocketframes.h"
#include "realtime/framebudget.h"
#include "realtime/frameprotocol.h"

namespace Nextup {

struct WebSocketHub::Client
{
    std::unique_ptr<QWebSocket> socket;
    Principal principal;
    FrameBudget budget;
    // The connection under the QWebSocket, where the hub writes its frames prebuilt; null for a
    // socket that is not one of HttpServer's (then QWebSocket writes them).
    QPointer<GuardedSocket> wire;
    quint64 id = 0;        // unique in this hub: a fan-out in progress finds it gone by it
    quint64 lastEvent = 0; // the fan-out that last listed it (an event goes out once)
    bool dropping = false; // a slow consumer being aborted: send it nothing more
};

// One event on its way: a frame per room it goes out through, and who gets which, listed when it
// arrived (a client that leaves meanwhile is passed over; one that joins meanwhile was told a
// hello seq that includes it).
struct WebSocketHub::Fanout
{
    struct Target
    {
        QWebSocket *socket;
        quint64 client; // Client::id
        quint32 frame;  // index in frames
    };
    qint64 receivedAtNs = 0;
    std::vector<QByteArray> frames;
    std::vector<Target> targets;
    size_t next = 0; // targets before it have been sent to
};

namespace {
// A fan-out hands the event loop back after this long, so that HTTP requests (and other events'
// sockets) are served between slices of a big room.
constexpr qint64 kSliceNs = 8'000'000;

// Every server frame is a text frame with its UTF-8 JSON.
QByteArray wireFrame(const QString &json)
{
    return ClientFrameReader::textFrame(json.toUtf8());
}
} // namespace

WebSocketHub::WebSocketHub(HttpServer &http, const AccessTokens &tokens, WorkerPool &pool,
                           HubLimits limits, QObject *parent)
    : QObject(parent), m_http(http), m_tokens(tokens), m_limits(limits), m_access(pool),
      m_heartbeat(m_limits.heartbeatMs, m_limits.deadAfterMs)
{
    m_clock.start();
    m_pump.setSingleShot(true);
    m_pump.setInterval(0);
    connect(&m_pump, &QTimer::timeout, this, &WebSocketHub::pump);
    connect(&m_http, &HttpServer::newWebSocketConnection, this, &WebSocketHub::accept);
    connect(&m_heartbeat, &Heartbeat::dead, this, &WebSocketHub::onDead);
}

WebSocketHub::~WebSocketHub()
{
    for (auto &[socket, client] : m_clients) {
        socket->disconnect(this);
        socket->close(QWebSocketProtocol::CloseCodeGoingAway,
                      QStringLiteral("server shutting down"));
    }
}

WebSocketHub::Client *WebSocketHub::find(QWebSocket *socket)
{
    const auto it = m_clients.find(socket);
    return it == m_clients.end() ? nullptr : it->second.get();
}

void WebSocketHub::accept()
{
    while (auto socket = m_http.nextPendingWebSocketConnection()) {
        QWebSocket *raw = socket.get();
        raw->setMaxAllowedIncomingMessageSize(quint64(m_limits.maxIncomingMessageBytes));
        raw->setMaxAllowedIncomingFrameSize(quint64(m_limits.maxIncomingMessageBytes));
        auto client = std::make_unique<Client>(
            Client{std::move(socket),
                   {},
                   FrameBudget(m_limits.framesPerSecond, m_clock.elapsed()),
                   m_http.takeUpgraded(raw->peerAddress(), raw->peerPort()),
                   ++m_clientIds});
        connect(raw, &QWebSocket::textMessageReceived, this,
                [this, raw](const QString &text) { onText(raw, text); });
        connect(raw, &QWebSocket::binaryMessageReceived, this, [this, raw] { onBinary(raw); });
        connect(raw, &QWebSocket::disconnected, this, [this, raw] { drop(raw); });
        m_heartbeat.watch(raw);
        if (!client->wire && !m_warnedNoWire) {
            m_warnedNoWire = true;
            qWarning("WebSocket hub: a socket without its connection underneath; its frames go "
                     "through QWebSocket, one serialisation per socket");
        }
        Client &ref = *client;
        m_clients.emplace(raw, std::move(client));
        send(ref, FrameProtocol::hello(m_lastSeq, m_limits.heartbeatMs));
    }
}

// Every client frame, text or binary, counts against the frame budget: each one costs an answer.
bool WebSocketHub::admit(Client &client)
{
    m_heartbeat.seen(client.socket.get());
    switch (client.budget.spend(m_clock.elapsed())) {
    case FrameBudget::Verdict::Pass: return true;
    case FrameBudget::Verdict::Refuse: sendError(client, FrameProtocol::rateLimited()); break;
    case FrameBudget::Verdict::Close:
        client.socket->close(QWebSocketProtocol::CloseCodePolicyViolated,
                             QStringLiteral("too many frames"));
        break;
    }
    return false;
}

void WebSocketHub::onBinary(QWebSocket *socket)
{
    Client *client = find(socket);
    if (!client || !admit(*client))
        return;
    ++m_metrics.badFrames;
    sendError(*client, FrameProtocol::binaryFrame());
}

void WebSocketHub::onText(QWebSocket *socket, const QString &text)
{
    Client *client = find(socket);
    if (!client || !admit(*client))
        return;
    const auto parsed = FrameProtocol::parse(text);
    if (const auto *error = std::get_if<FrameError>(&parsed)) {
        if (error->malformed)
            ++m_metrics.badFrames;
        return sendError(*client, *error);
    }
    const auto &frame = std::get<ClientFrame>(parsed);
    switch (frame.type) {
    case ClientFrame::Type::Ping: return send(*client, FrameProtocol::pong(m_lastSeq));
    case ClientFrame::Type::Auth: return handleAuth(*client, frame.token);
    case ClientFrame::Type::Subscribe: return handleSubscribe(*client, frame.rooms, frame.secret);
    case ClientFrame::Type::Unsubscribe: return handleUnsubscribe(*client, frame.rooms);
    }
}

void WebSocketHub::handleAuth(Client &client, const QByteArray &token)
{
    const auto principal = m_tokens.verify(token);
    if (!principal.ok())
        return sendError(client, FrameProtocol::unauthorized(principal.error().message));
    client.principal = *principal;
    QWebSocket *socket = client.socket.get();
    const QSet<QString> onStaffRights = m_rooms.roomsOnStaffRights(socket);
    for (const QString &room : RoomAccess::revokedOnReauth(onStaffRights, client.principal))
        m_rooms.leave(socket, room);
    send(client, FrameProtocol::authenticated(principal->userId, principal->role));
}

void WebSocketHub::handleSubscribe(Client &client, const QStringList &rooms,
                                   const QByteArray &secret)
{
    QWebSocket *socket = client.socket.get();
    const SubscribePlan plan = RoomAccess::plan(rooms, client.principal, m_rooms.rooms(socket),
                                                m_limits.maxRoomsPerClient);
    for (const QString &room : plan.join) {
        m_rooms.join(socket, room,
                     plan.joinOnStaffRights.contains(room) ? RoomMembership::Grant::StaffRights
                                                           : RoomMembership::Grant::Ordinary);
    }
    for (const FrameError &refusal : plan.refusals)
        sendError(client, refusal);
    if (!plan.subscribed.isEmpty())
        send(client, FrameProtocol::subscribed(plan.subscribed));
    if (plan.needSecret.isEmpty())
        return;
    QPointer<QWebSocket> guard(socket);
    m_access.checkSecret(plan.needSecret, secret, this,
                         [this, guard](const QList<RoomAccess::SecretVerdict> &verdicts) {
                             if (guard)
                                 onSecretChecked(guard.data(), verdicts);
                         });
}

void WebSocketHub::onSecretChecked(QWebSocket *socket,
                                   const QList<RoomAccess::SecretVerdict> &verdicts)
{
    Client *client = find(socket);
    if (!client)
        return;
    QStringList joined;
    for (const auto &[room, refusal] : verdicts) {
        if (refusal.isEmpty()) {
            m_rooms.join(socket, room);
            joined.append(room);
        } else {
            sendError(*client, FrameProtocol::tokenRoomRefused(refusal, room));
        }
    }
    if (!joined.isEmpty())
        send(*client, FrameProtocol::subscribed(joined));
}

void WebSocketHub::handleUnsubscribe(Client &client, const QStringList &rooms)
{
    QStringList left;
    for (const QString &room : rooms) {
        if (m_rooms.leave(client.socket.get(), room))
            left.append(room);
    }
    send(client, FrameProtocol::unsubscribed(left));
}

void WebSocketHub::deliver(const QByteArray &payload, qint64 receivedAtNs)
{
    if (receivedAtNs == 0)
        receivedAtNs = steadyNowNs();
    // Nobody to deliver to: only the seq matters (for hello and pong frames).
    if (m_rooms.isEmpty()) {
        if (const auto seq = FrameProtocol::peekSeq(payload)) {
            m_lastSeq = qMax(m_lastSeq, *seq);
            return;
        }
    }
    const EventEnvelope envelope = FrameProtocol::readEnvelope(payload);
    if (envelope.resync) // an event was lost without a seq (publish.lua)
        return requestResync();
    m_lastSeq = qMax(m_lastSeq, envelope.seq);
    // Each client gets an event once, through the most specific of its rooms: rooms are walked
    // most specific first, and a client listed already is passed over. One frame per room,
    // built once and written as it is to every member.
    Fanout fanout;
    fanout.receivedAtNs = receivedAtNs;
    const quint64 stamp = ++m_fanoutCount;
    for (const RoomMembership::Members &members : m_rooms.withMembers(envelope.rooms)) {
        const auto frame = quint32(fanout.frames.size());
        const size_t before = fanout.targets.size();
        for (QWebSocket *socket : *members.sockets) {
            Client *client = find(socket);
            if (!client || client->lastEvent == stamp)
                continue;
            client->lastEvent = stamp;
            fanout.targets.push_back({socket, client->id, frame});
        }
        if (fanout.targets.size() > before)
            fanout.frames.push_back(wireFrame(FrameProtocol::event(envelope, members.room.name())));
    }
    if (fanout.targets.empty())
        return;
    // Events go out in the order they arrived: one waits for those before it.
    m_fanouts.push_back(std::make_unique<Fanout>(std::move(fanout)));
    if (m_fanouts.size() == 1)
        pump();
}

void WebSocketHub::pump()
{
    QElapsedTimer slice;
    slice.start();
    while (!m_fanouts.empty()) {
        Fanout &fanout = *m_fanouts.front();
        while (fanout.next < fanout.targets.size()) {
            const Fanout::Target &target = fanout.targets[fanout.next++];
            Client *client = find(target.socket);
            if (client && client->id == target.client) {
                send(*client, fanout.frames[target.frame]);
                ++m_metrics.eventsSent;
            }
            if (fanout.next % 64 == 0 && slice.nsecsElapsed() > kSliceNs) {
                m_pump.start(); // the rest after what the event loop has waiting
                return;
            }
        }
        m_metrics.observeFanout(steadyNowNs() - fanout.receivedAtNs);
        m_fanouts.pop_front();
    }
}

void WebSocketHub::requestResync()
{
    const QByteArray frame = wireFrame(FrameProtocol::resync());
    for (auto &[socket, client] : m_clients)
        send(*client, frame);
}

void WebSocketHub::send(Client &client, const QString &frame)
{
    send(client, wireFrame(frame));
}

void WebSocketHub::send(Client &client, const QByteArray &frame)
{
    if (client.dropping)
        return;
    QWebSocket *socket = client.socket.get();
    if (client.wire)
        client.wire->writeFrame(frame);
    else
        socket->sendTextMessage(QString::fromUtf8(ClientFrameReader::textOf(frame)));
    if (socket->bytesToWrite() > m_limits.maxBufferedBytes) {
        // A slow consumer must not make the server buffer without bound; it reconnects and resyncs.
        // Queued: the caller may still be using this client (and events queued before the abort
        // must neither grow its buffer nor count it again).
        client.dropping = true;
        ++m_metrics.droppedSlow;
        QMetaObject::invokeMethod(socket, &QWebSocket::abort, Qt::QueuedConnection);
    }
}

void WebSocketHub::sendError(Client &client, const FrameError &error)
{
    send(client, FrameProtocol::error(error));
}

void WebSocketHub::onDead(QWebSocket *socket)
{
    ++m_metrics.droppedDead;
    socket->abort();
    drop(socket);
}

void WebSocketHub::drop(QWebSocket *socket)
{
    const auto it = m_clients.find(socket);
    if (it == m_clients.end())
        return;
    m_rooms.leaveAll(socket);
    m_heartbeat.forget(socket);
    // The socket may be inside one of its own signals: delete it later.
    it->second->socket.release()->deleteLater();
    m_clients.erase(it);
    m_trim.released();
}

QByteArray WebSocketHub::metricsText() const
{
    return m_metrics.text(qsizetype(m_clients.size()), m_rooms.countByKind(), m_lastSeq) +
           m_metrics.fanoutText();
}

} // namespace Nextup
