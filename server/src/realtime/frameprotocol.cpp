#include "realtime/frameprotocol.h"

#include <cctype>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "nextup/wire/enums.h"
#include "nextup/wire/keys.h"

namespace Nextup {

namespace {
namespace Key = Wire::Key;
using Wire::FrameType;

// The member publish.lua sends instead of an event when one was lost without a seq.
constexpr QLatin1StringView kResync{"resync"};

// Error codes.
const QString kBadFrame = QStringLiteral("bad_frame");

QJsonObject frameOf(FrameType type, QJsonObject members = {})
{
    members.insert(Key::Type, Wire::toString(type));
    return members;
}

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
    const std::optional<FrameType> type =
        Wire::fromString<FrameType>(object.value(Key::Type).toString());
    ClientFrame frame;
    if (type == FrameType::Ping) {
        frame.type = ClientFrame::Type::Ping;
    } else if (type == FrameType::Auth) {
        frame.type = ClientFrame::Type::Auth;
        frame.token = object.value(Key::Token).toString().toUtf8();
    } else if (type == FrameType::Subscribe) {
        const QJsonValue rooms = object.value(Key::Rooms);
        if (!rooms.isArray())
            return refusal(kBadFrame, QStringLiteral("subscribe needs \"rooms\": [...]."));
        frame.type = ClientFrame::Type::Subscribe;
        frame.rooms = strings(rooms.toArray());
        frame.secret = object.value(Key::Secret).toString().toUtf8().left(maxSecretBytes);
    } else if (type == FrameType::Unsubscribe) {
        frame.type = ClientFrame::Type::Unsubscribe;
        frame.rooms = strings(object.value(Key::Rooms).toArray());
    } else {
        return malformed(
            QStringLiteral("unknown_type"),
            QStringLiteral("Unknown frame type; use auth, subscribe, unsubscribe or ping."));
    }
    return frame;
}

QString hello(qint64 seq, int heartbeatMs)
{
    return text(frameOf(FrameType::Hello, {{Key::Seq, seq}, {Key::HeartbeatMs, heartbeatMs}}));
}

QString pong(qint64 seq)
{
    return text(frameOf(FrameType::Pong, {{Key::Seq, seq}}));
}

QString authenticated(int userId, const QString &role)
{
    return text(frameOf(FrameType::Authenticated, {{Key::UserId, userId}, {Key::Role, role}}));
}

QString subscribed(const QStringList &rooms)
{
    return text(frameOf(FrameType::Subscribed, {{Key::Rooms, QJsonArray::fromStringList(rooms)}}));
}

QString unsubscribed(const QStringList &rooms)
{
    return text(
        frameOf(FrameType::Unsubscribed, {{Key::Rooms, QJsonArray::fromStringList(rooms)}}));
}

QString resync()
{
    return text(
        frameOf(FrameType::Resync, {{Key::Reason, QStringLiteral("events may have been lost")}}));
}

QString error(const FrameError &error)
{
    QJsonObject frame =
        frameOf(FrameType::Error, {{Key::Code, error.code}, {Key::Message, error.message}});
    if (!error.room.isEmpty())
        frame.insert(Key::Room, error.room);
    return text(frame);
}

QString event(const EventEnvelope &envelope, const QString &room)
{
    return text({{Key::Event, envelope.event},
                 {Key::Room, room},
                 {Key::Seq, envelope.seq},
                 {Key::At, envelope.at},
                 {Key::Data, envelope.data}});
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

FrameError staffRoomRefused(const QString &room)
{
    return refusal(QStringLiteral("forbidden"), QStringLiteral("This room is staff's alone."),
                   room);
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
    envelope.seq = object.value(Key::Seq).toInteger();
    envelope.rooms = strings(object.value(Key::Rooms).toArray());
    envelope.event = object.value(Key::Event);
    envelope.at = object.value(Key::At);
    envelope.data = object.value(Key::Data);
    return envelope;
}

// The envelope is ours (publish.lua writes "seq":<digits>), so a search is enough where only the
// seq matters: a hub with no subscribers reads every event of the installation.
std::optional<qint64> peekSeq(const QByteArray &payload)
{
    static const QByteArray key = '"' + QByteArray(Key::Seq.data(), Key::Seq.size()) + "\":";
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
