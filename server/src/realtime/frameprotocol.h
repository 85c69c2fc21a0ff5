#pragma once

#include <optional>
#include <variant>

#include <QJsonValue>
#include <QString>
#include <QStringList>

namespace Nextup {

// The frames of /ws/queues, both ways, as text. Pure functions: no sockets, no state, any thread.
// Every key, type name, error code and error message a client sees is written here, so the wire
// format changes in this file or not at all.
//
// Client frames: {"type":"auth","token":...}, {"type":"subscribe","rooms":[...],"secret":...},
// {"type":"unsubscribe","rooms":[...]}, {"type":"ping"}; other keys are ignored.
// Server frames: events {"event","room","seq","at","data"} and replies {"type":"hello"|
// "authenticated"|"subscribed"|"unsubscribed"|"pong"|"resync"|"error", ...}. Objects are written
// compact with keys in QJsonObject's (sorted) order.

// A client frame that was understood.
struct ClientFrame
{
    enum class Type
    {
        Auth,
        Subscribe,
        Unsubscribe,
        Ping
    };
    Type type = Type::Ping;
    QByteArray token;  // auth: the access token ("" when absent or not text)
    QStringList rooms; // subscribe, unsubscribe: as sent ("" for an entry that is not text)
    QByteArray secret; // subscribe: a token room's secret, cut to maxSecretBytes
};

// An error frame: {"type":"error","code","message"[,"room"]}.
struct FrameError
{
    QString code;
    QString message;
    QString room; // the room it is about; "" = none, and no "room" key
    // The frame could not be read at all (not JSON, not an object, binary, unknown type): counted
    // in nextup_ws_bad_frames_total. A known frame with a bad field is answered but not counted.
    bool malformed = false;
};

// An event as EventPublisher puts it on the Redis channel: {"event","rooms","seq","at","data"},
// or {"resync": reason} when an event could not be numbered and so was lost.
struct EventEnvelope
{
    bool resync = false;
    qint64 seq = 0;
    QStringList rooms; // as published; may hold names that are not rooms
    QJsonValue event;  // passed through to the event frame as they are
    QJsonValue at;
    QJsonValue data;
};

namespace FrameProtocol {

// Secrets are base64url of 32 bytes; anything longer is cut before it is hashed.
constexpr int maxSecretBytes = 256;
// Error frames name an unknown room by at most this many characters of it.
constexpr int maxEchoedRoomChars = 64;

// A text frame: a ClientFrame, or the error to answer with.
std::variant<ClientFrame, FrameError> parse(const QString &text);

// Server replies.
QString hello(qint64 seq, int heartbeatMs);
QString pong(qint64 seq);
QString authenticated(int userId, const QString &role);
QString subscribed(const QStringList &rooms);
QString unsubscribed(const QStringList &rooms);
QString resync();
QString error(const FrameError &error);
// The event frame of `envelope` for a client that receives it through `room`.
QString event(const EventEnvelope &envelope, const QString &room);

// The errors a client can be sent, beside those of parse().
FrameError binaryFrame();
FrameError rateLimited();
FrameError unauthorized(const QString &message);
FrameError tooManyRooms(int maxRooms, const QString &room = {});
FrameError unknownRoom(const QString &room);
// The staff room asked for by anyone but staff (forbidden).
FrameError staffRoomRefused(const QString &room);
// A token room refused after its secret was checked: code is forbidden, not_found, or the code of
// the error that stopped the check.
FrameError tokenRoomRefused(const QString &code, const QString &room);

// Envelopes from the Redis channel.
EventEnvelope readEnvelope(const QByteArray &payload);
// The seq of an envelope without parsing it: nullopt when it has no "seq" key.
std::optional<qint64> peekSeq(const QByteArray &payload);

} // namespace FrameProtocol

} // namespace Nextup
