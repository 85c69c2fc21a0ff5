#include "realtime/websockethub.h"

#include "app/workerpool.h"
#include "auth/accesstokens.h"
#include "auth/securerandom.h"
#include "domain/tokenrepository.h"
#include "http/httpserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QWebSocket>

#include <cctype>

namespace {
QString frameText(const QJsonObject &frame)
{
    return QString::fromUtf8(QJsonDocument(frame).toJson(QJsonDocument::Compact));
}
} // namespace

WebSocketHub::WebSocketHub(HttpServer &http, const AccessTokens &tokens, WorkerPool &pool,
                           HubLimits limits, QObject *parent)
    : QObject(parent), m_http(http), m_tokens(tokens), m_pool(pool), m_limits(limits)
{
    connect(&m_http, &HttpServer::newWebSocketConnection, this, &WebSocketHub::accept);
    m_heartbeat.setInterval(m_limits.heartbeatMs);
    connect(&m_heartbeat, &QTimer::timeout, this, &WebSocketHub::heartbeat);
    m_heartbeat.start();
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
        auto client = std::make_unique<Client>();
        client->socket = std::move(socket);
        client->lastSeen.start();
        client->budgetClock.start();
        client->frameBudget = m_limits.framesPerSecond * 2;
        connect(raw, &QWebSocket::textMessageReceived, this,
                [this, raw](const QString &text) { onText(raw, text); });
        connect(raw, &QWebSocket::binaryMessageReceived, this, [this, raw](const QByteArray &) {
            if (Client *c = find(raw); c && admit(*c)) {
                ++m_badFrames;
                sendError(*c, QStringLiteral("bad_frame"),
                          QStringLiteral("Send JSON text frames."));
            }
        });
        connect(raw, &QWebSocket::pong, this, [this, raw](quint64, const QByteArray &) {
            if (Client *c = find(raw))
                c->lastSeen.restart();
        });
        connect(raw, &QWebSocket::disconnected, this, [this, raw] { drop(raw); });
        Client &ref = *client;
        m_clients.emplace(raw, std::move(client));
        send(ref, QJsonObject{{QStringLiteral("type"), QStringLiteral("hello")},
                              {QStringLiteral("seq"), m_lastSeq},
                              {QStringLiteral("heartbeat_ms"), m_limits.heartbeatMs}});
    }
}

bool WebSocketHub::spendFrameBudget(Client &client)
{
    const double capacity = m_limits.framesPerSecond * 2.0;
    client.frameBudget = qMin(capacity, client.frameBudget + client.budgetClock.restart() / 1000.0 *
                                                                 m_limits.framesPerSecond);
    if (client.frameBudget >= 1) {
        client.frameBudget -= 1;
        return true;
    }
    return false;
}

// Every client frame, text or binary, counts against the frame budget: each one costs an answer.
bool WebSocketHub::admit(Client &client)
{
    client.lastSeen.restart();
    if (spendFrameBudget(client))
        return true;
    if (++client.violations > 3 * m_limits.framesPerSecond)
        client.socket->close(QWebSocketProtocol::CloseCodePolicyViolated,
                             QStringLiteral("too many frames"));
    else
        sendError(client, QStringLiteral("rate_limited"),
                  QStringLiteral("Too many frames; slow down."));
    return false;
}

void WebSocketHub::onText(QWebSocket *socket, const QString &text)
{
    Client *client = find(socket);
    if (!client || !admit(*client))
        return;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        ++m_badFrames;
        return sendError(*client, QStringLiteral("bad_frame"),
                         QStringLiteral("Frames must be JSON objects."));
    }
    const QJsonObject frame = document.object();
    const QString type = frame.value(u"type").toString();
    if (type == u"ping")
        return send(*client, {{QStringLiteral("type"), QStringLiteral("pong")},
                              {QStringLiteral("seq"), m_lastSeq}});
    if (type == u"auth")
        return handleAuth(*client, frame);
    if (type == u"subscribe")
        return handleSubscribe(*client, frame);
    if (type == u"unsubscribe")
        return handleUnsubscribe(*client, frame);
    ++m_badFrames;
    sendError(*client, QStringLiteral("unknown_type"),
              QStringLiteral("Unknown frame type; use auth, subscribe, unsubscribe or ping."));
}

void WebSocketHub::handleAuth(Client &client, const QJsonObject &frame)
{
    const auto principal = m_tokens.verify(frame.value(u"token").toString().toUtf8());
    if (!principal.ok())
        return sendError(client, QStringLiteral("unauthorized"), principal.error().message);
    client.principal = *principal;
    // Token rooms joined on staff rights stay only while the identity is staff.
    if (!client.principal.isStaff()) {
        for (const QString &name : std::as_const(client.roomsOfStaff)) {
            client.rooms.remove(name);
            leave(client.socket.get(), name);
        }
        client.roomsOfStaff.clear();
    }
    send(client, {{QStringLiteral("type"), QStringLiteral("authenticated")},
                  {QStringLiteral("user_id"), principal->userId},
                  {QStringLiteral("role"), principal->role}});
}

void WebSocketHub::handleSubscribe(Client &client, const QJsonObject &frame)
{
    const QJsonValue roomsValue = frame.value(u"rooms");
    if (!roomsValue.isArray())
        return sendError(client, QStringLiteral("bad_frame"),
                         QStringLiteral("subscribe needs \"rooms\": [...]."));
    const QJsonArray requested = roomsValue.toArray();
    // Checked before anything else: one error frame per listed room would let a 16 KiB frame
    // buy thousands of answers.
    if (requested.size() > m_limits.maxRoomsPerClient)
        return sendError(
            client, QStringLiteral("too_many_rooms"),
            QStringLiteral("At most %1 rooms per connection.").arg(m_limits.maxRoomsPerClient));
    QJsonArray joined;
    QList<Room> needSecret;
    for (const QJsonValue &value : requested) {
        const QString name = value.toString();
        const auto room = Room::parse(name);
        if (!room) {
            sendError(client, QStringLiteral("unknown_room"), QStringLiteral("No such room."),
                      name.left(64));
            continue;
        }
        if (client.rooms.contains(room->name())) {
            joined.append(room->name()); // already a member: a re-subscribe after reconnect or auth
            continue;
        }
        if (client.rooms.size() + joined.size() + needSecret.size() >= m_limits.maxRoomsPerClient) {
            sendError(
                client, QStringLiteral("too_many_rooms"),
                QStringLiteral("At most %1 rooms per connection.").arg(m_limits.maxRoomsPerClient),
                name);
            break;
        }
        if (!room->allows(client.principal)) {
            needSecret.append(*room); // a token room: its secret decides
            continue;
        }
        if (!room->isPublic())
            client.roomsOfStaff.insert(room->name());
        join(client, room->name());
        joined.append(room->name());
    }
    if (!joined.isEmpty())
        send(client, {{QStringLiteral("type"), QStringLiteral("subscribed")},
                      {QStringLiteral("rooms"), joined}});
    if (!needSecret.isEmpty())
        verifyTokenRooms(client.socket.get(), needSecret,
                         frame.value(u"secret").toString().toUtf8().left(256));
}

void WebSocketHub::verifyTokenRooms(QWebSocket *socket, const QList<Room> &rooms,
                                    const QByteArray &secret)
{
    QPointer<QWebSocket> guard(socket);
    m_pool.post([this, guard, rooms, secret](WorkerContext &ctx) {
        QList<QPair<QString, QString>> outcome; // room, error code ("" = allowed)
        for (const Room &room : rooms) {
            const auto stored = TokenRepository::secretHash(ctx.db(), room.id);
            QString code;
            if (!stored.ok())
                code = stored.error().code;
            else if (stored->isEmpty())
                code = QStringLiteral("not_found");
            else if (secret.isEmpty() ||
                     !SecureRandom::constantTimeEquals(SecureRandom::sha256Hex(secret), *stored))
                code = QStringLiteral("forbidden");
            outcome.append({room.name(), code});
        }
        QMetaObject::invokeMethod(this, [this, guard, outcome] {
            Client *client = guard ? find(guard.data()) : nullptr;
            if (!client)
                return;
            QJsonArray joined;
            for (const auto &[name, code] : outcome) {
                if (code.isEmpty()) {
                    join(*client, name);
                    joined.append(name);
                } else {
                    sendError(*client, code,
                              QStringLiteral("A token room needs that token's secret."), name);
                }
            }
            if (!joined.isEmpty())
                send(*client, {{QStringLiteral("type"), QStringLiteral("subscribed")},
                               {QStringLiteral("rooms"), joined}});
        });
    });
}

void WebSocketHub::handleUnsubscribe(Client &client, const QJsonObject &frame)
{
    QJsonArray left;
    for (const QJsonValue &value : frame.value(u"rooms").toArray()) {
        const QString name = value.toString();
        if (client.rooms.remove(name)) {
            client.roomsOfStaff.remove(name);
            leave(client.socket.get(), name);
            left.append(name);
        }
    }
    send(client, {{QStringLiteral("type"), QStringLiteral("unsubscribed")},
                  {QStringLiteral("rooms"), left}});
}

void WebSocketHub::join(Client &client, const QString &room)
{
    client.rooms.insert(room);
    m_members[room].insert(client.socket.get());
}

// Empty rooms go away: token rooms are many and short-lived.
void WebSocketHub::leave(QWebSocket *socket, const QString &room)
{
    const auto members = m_members.find(room);
    if (members == m_members.end())
        return;
    members->remove(socket);
    if (members->isEmpty())
        m_members.erase(members);
}

void WebSocketHub::deliver(const QByteArray &payload)
{
    if (m_members.isEmpty()) {
        // Nobody to deliver to: only the seq matters (for hello and pong frames), and the
        // envelope is ours (publish.lua): no need to parse the whole document.
        static const QByteArray key = QByteArrayLiteral("\"seq\":");
        if (const qsizetype at = payload.indexOf(key); at >= 0) {
            qsizetype end = at + key.size();
            while (end < payload.size() &&
                   std::isdigit(static_cast<unsigned char>(payload.at(end))))
                ++end;
            m_lastSeq =
                qMax(m_lastSeq, payload.mid(at + key.size(), end - at - key.size()).toLongLong());
            return;
        }
    }
    const QJsonObject envelope = QJsonDocument::fromJson(payload).object();
    if (envelope.contains(u"resync")) // an event was lost without a seq (publish.lua)
        return requestResync();
    const qint64 seq = envelope.value(u"seq").toInteger();
    m_lastSeq = qMax(m_lastSeq, seq);
    // Each client gets an event once, through its most specific room.
    QHash<QWebSocket *, Room> target;
    for (const QJsonValue &value : envelope.value(u"rooms").toArray()) {
        const auto room = Room::parse(value.toString());
        if (!room)
            continue;
        const auto members = m_members.constFind(room->name());
        if (members == m_members.cend())
            continue;
        for (QWebSocket *socket : *members) {
            auto it = target.find(socket);
            if (it == target.end() || it->specificity() < room->specificity())
                target.insert(socket, *room);
        }
    }
    QHash<QString, QString> frames; // one serialisation per room
    for (auto it = target.cbegin(); it != target.cend(); ++it) {
        Client *client = find(it.key());
        if (!client)
            continue;
        const QString room = it->name();
        auto frame = frames.find(room);
        if (frame == frames.end()) {
            frame =
                frames.insert(room, frameText({{QStringLiteral("event"), envelope.value(u"event")},
                                               {QStringLiteral("room"), room},
                                               {QStringLiteral("seq"), seq},
                                               {QStringLiteral("at"), envelope.value(u"at")},
                                               {QStringLiteral("data"), envelope.value(u"data")}}));
        }
        sendRaw(*client, *frame);
        ++m_eventsSent;
    }
}

void WebSocketHub::requestResync()
{
    for (auto &[socket, client] : m_clients)
        send(*client, {{QStringLiteral("type"), QStringLiteral("resync")},
                       {QStringLiteral("reason"), QStringLiteral("events may have been lost")}});
}

void WebSocketHub::send(Client &client, const QJsonObject &frame)
{
    sendRaw(client, frameText(frame));
}

void WebSocketHub::sendRaw(Client &client, const QString &text)
{
    if (client.dropping)
        return;
    QWebSocket *socket = client.socket.get();
    socket->sendTextMessage(text);
    if (socket->bytesToWrite() > m_limits.maxBufferedBytes) {
        // A slow consumer must not make the server buffer without bound; it reconnects and resyncs.
        // Queued: the caller may still be using this client (and events queued before the abort
        // must neither grow its buffer nor count it again).
        client.dropping = true;
        ++m_droppedSlow;
        QMetaObject::invokeMethod(socket, &QWebSocket::abort, Qt::QueuedConnection);
    }
}

void WebSocketHub::sendError(Client &client, const QString &code, const QString &message,
                             const QString &room)
{
    QJsonObject frame{{QStringLiteral("type"), QStringLiteral("error")},
                      {QStringLiteral("code"), code},
                      {QStringLiteral("message"), message}};
    if (!room.isEmpty())
        frame.insert(QStringLiteral("room"), room);
    send(client, frame);
}

void WebSocketHub::drop(QWebSocket *socket)
{
    const auto it = m_clients.find(socket);
    if (it == m_clients.end())
        return;
    for (const QString &room : std::as_const(it->second->rooms))
        leave(socket, room);
    // The socket may be inside one of its own signals: delete it later.
    it->second->socket.release()->deleteLater();
    m_clients.erase(it);
}

void WebSocketHub::heartbeat()
{
    QList<QWebSocket *> dead;
    for (auto &[socket, client] : m_clients) {
        if (client->lastSeen.elapsed() > m_limits.deadAfterMs)
            dead.append(socket);
        else
            socket->ping();
    }
    for (QWebSocket *socket : std::as_const(dead)) {
        ++m_droppedDead;
        socket->abort();
        drop(socket);
    }
}

QByteArray WebSocketHub::metricsText() const
{
    QHash<QString, int> byKind;
    for (const auto &[socket, client] : m_clients) {
        for (const QString &name : std::as_const(client->rooms)) {
            if (const auto room = Room::parse(name))
                ++byKind[room->kindName()];
        }
    }
    QByteArray out = "# HELP nextup_ws_connections Open WebSocket connections on this instance.\n"
                     "# TYPE nextup_ws_connections gauge\nnextup_ws_connections " +
                     QByteArray::number(qulonglong(m_clients.size())) + '\n';
    out += "# HELP nextup_ws_subscriptions Room subscriptions by room kind.\n# TYPE "
           "nextup_ws_subscriptions gauge\n";
    for (const char *kind : {"global", "branch", "service", "counter", "token"})
        out += "nextup_ws_subscriptions{kind=\"" + QByteArray(kind) + "\"} " +
               QByteArray::number(byKind.value(QLatin1String(kind))) + '\n';
    out += "# TYPE nextup_ws_events_sent_total counter\nnextup_ws_events_sent_total " +
           QByteArray::number(m_eventsSent) + '\n';
    out += "# TYPE nextup_ws_dropped_slow_consumers_total "
           "counter\nnextup_ws_dropped_slow_consumers_total " +
           QByteArray::number(m_droppedSlow) + '\n';
    out +=
        "# TYPE nextup_ws_dropped_dead_peers_total counter\nnextup_ws_dropped_dead_peers_total " +
        QByteArray::number(m_droppedDead) + '\n';
    out += "# TYPE nextup_ws_bad_frames_total counter\nnextup_ws_bad_frames_total " +
           QByteArray::number(m_badFrames) + '\n';
    out += "# TYPE nextup_ws_last_seq gauge\nnextup_ws_last_seq " + QByteArray::number(m_lastSeq) +
           '\n';
    return out;
}
