#include "realtime/frameprotocol.h"

#include <cctype>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Nextup {

namespace {
// Keys.
const QString kType = QStringLiteral("type");
const QString kToken = QStringLiteral("token");
const QString kRooms = QStringLiteral("rooms");
const QString kSecret = QStringLiteral("secret");
const QString kSeq = QStringLiteral("seq");
const QString kHeartbeatMs = QStringLiteral("heartbeat_ms");
const QString kUserId = QStringLiteral("user_id");
const QString kRole = QStringLiteral("role");
const QString kReason = QStringLiteral("reason");
const QString kCode = QStringLiteral("code");
const QString kMessage = QStringLiteral("message");
const QString kRoom = QStringLiteral("room");
const QString kEvent = QStringLiteral("event");
const QString kAt = QStringLiteral("at");
const QString kData = QStringLiteral("data");
const QString kResync = QStringLiteral("resync");

// Values of "type".
const QString kAuth = QStringLiteral("auth");
const QString kSubscribe = QStringLiteral("subscribe");
const QString kUnsubscribe = QStringLiteral("unsubscribe");
const QString kPing = QStringLiteral("ping");
const QString kHello = QStringLiteral("hello");
const QString kPong = QStringLiteral("pong");
const QString kAuthenticated = QStringLiteral("authenticated");
const QString kSubscribed = QStringLiteral("subscribed");
const QString kUnsubscribed = QStringLiteral("unsubscribed");
const QString kError = QStringLiteral("error");

// Error codes.
const QString kBadFrame = QStringLiteral("bad_frame");

QString text(const QJsonObject &frame)
{
    return QString::fromUtf8(QJsonDocument(frame).toJson(QJsonDocument::Compact));
}

QStringList strings(const QJsonArray &array)
{
    QStringList out;
    out.reserve(array.size());
    for (const auto &value : array)
        out.append(value.toString());
    return out;
}

FrameError refusal(const QString &code, const QString &message, const QString &room = {})
{
    return {code, message, room, false};
}

FrameError malformed(const QString &code, const QString &message)
{
    return {code, message, {}, true};
}
} // namespace

namespace FrameProtocol {

std::variant<ClientFrame, FrameError> parse(const QString &text)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return malformed(kBadFrame, QStringLiteral("Frames must be JSON objects."));
    const QJsonObject object = document.object();
    const QString type = object.value(kType).toString();
    ClientFrame frame;
    if (type == kPing) {
        frame.type = ClientFrame::Type::Ping;
    } else if (type == kAuth) {
        frame.type = ClientFrame::Type::Auth;
        frame.token = object.value(kToken).toString().toUtf8();
    } else if (type == kSubscribe) {
        const QJsonValue rooms = object.value(kRooms);
        if (!rooms.isArray())
            return refusal(kBadFrame, QStringLiteral("subscribe needs \"rooms\": [...]."));
        frame.type = ClientFrame::Type::Subscribe;
        frame.rooms = strings(rooms.toArray());
        frame.secret = object.value(kSecret).toString().toUtf8().left(maxSecretBytes);
    } else if (type == kUnsubscribe) {
        frame.type = ClientFrame::Type::Unsubscribe;
        frame.rooms = strings(object.value(kRooms).toArray());
    } else {
        return malformed(
            QStringLiteral("unknown_type"),
            QStringLiteral("Unknown frame type; use auth, subscribe, unsubscribe or ping."));
    }
    return frame;
}

QString hello(qint64 seq, int heartbeatMs)
{
    return text({{kType, kHello}, {kSeq, seq}, {kHeartbeatMs, heartbeatMs}});
}

QString pong(qint64 seq)
{
    return text({{kType, kPong}, {kSeq, seq}});
}

QString authenticated(int userId, const QString &role)
{
    return text({{kType, kAuthenticated}, {kUserId, userId}, {kRole, role}});
}

QString subscribed(const QStringList &rooms)
{
    return text({{kType, kSubscribed}, {kRooms, QJsonArray::fromStringList(rooms)}});
}

QString unsubscribed(const QStringList &rooms)
{
    return text({{kType, kUnsubscribed}, {kRooms, QJsonArray::fromStringList(rooms)}});
}

QString resync()
{
    return text({{kType, kResync}, {kReason, QStringLiteral("events may have been lost")}});
}

QString error(const FrameError &error)
{
    QJsonObject frame{{kType, kError}, {kCode, error.code}, {kMessage, error.message}};
    if (!error.room.isEmpty())
        frame.insert(kRoom, error.room);
    return text(frame);
}

QString event(const EventEnvelope &envelope, const QString &room)
{
    return text({{kEvent, envelope.event},
                 {kRoom, room},
                 {kSeq, envelope.seq},
                 {kAt, envelope.at},
                 {kData, envelope.data}});
}

FrameError binaryFrame()
{
    return malformed(kBadFrame, QStringLiteral("Send JSON text frames."));
}

FrameError rateLimited()
{
    return refusal(QStringLiteral("rate_limited"), QStringLiteral("Too many frames; slow down."));
}

FrameError unauthorized(const QString &message)
{
    return refusal(QStringLiteral("unauthorized"), message);
}

FrameError tooManyRooms(int maxRooms, const QString &room)
{
    return refusal(QStringLiteral("too_many_rooms"),
                   QStringLiteral("At most %1 rooms per connection.").arg(maxRooms), room);
}

FrameError unknownRoom(const QString &room)
{
    return refusal(QStringLiteral("unknown_room"), QStringLiteral("No such room."),
                   room.left(maxEchoedRoomChars));
}

FrameError tokenRoomRefused(const QString &code, const QString &room)
{
    return refusal(code, QStringLiteral("A token room needs that token's secret."), room);
}

EventEnvelope readEnvelope(const QByteArray &payload)
{
    const QJsonObject object = QJsonDocument::fromJson(payload).object();
    EventEnvelope envelope;
    if (object.contains(kResync)) {
        envelope.resync = true;
        return envelope;
    }
    envelope.seq = object.value(kSeq).toInteger();
    envelope.rooms = strings(object.value(kRooms).toArray());
    envelope.event = object.value(kEvent);
    envelope.at = object.value(kAt);
    envelope.data = object.value(kData);
    return envelope;
}

// The envelope is ours (publish.lua writes "seq":<digits>), so a search is enough where only the
// seq matters: a hub with no subscribers reads every event of the installation.
std::optional<qint64> peekSeq(const QByteArray &payload)
{
    static const QByteArray key = QByteArrayLiteral("\"seq\":");
    const qsizetype at = payload.indexOf(key);
    if (at < 0)
        return std::nullopt;
    const qsizetype start = at + key.size();
    qsizetype end = start;
    while (end < payload.size() && std::isdigit(static_cast<unsigned char>(payload.at(end))))
        ++end;
    return payload.mid(start, end - start).toLongLong();
}

} // namespace FrameProtocol

} // namespace Nextup
