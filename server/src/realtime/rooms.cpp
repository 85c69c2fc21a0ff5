#include "realtime/rooms.h"

#include <QRegularExpression>

namespace Nextup {

std::optional<Room> Room::parse(const QString &name)
{
    if (name == u"global")
        return Room{};
    static const QRegularExpression pattern(
        QStringLiteral("^(branch|service|counter|token):([1-9][0-9]{0,14})$"));
    const auto match = pattern.match(name);
    if (!match.hasMatch())
        return std::nullopt;
    const QString kind = match.captured(1);
    Room room;
    room.id = match.captured(2).toLongLong();
    room.kind = kind == u"branch"    ? Kind::Branch
                : kind == u"service" ? Kind::Service
                : kind == u"counter" ? Kind::Counter
                                     : Kind::Token;
    return room;
}

QString Room::kindName() const
{
    switch (kind) {
    case Kind::Global: return QStringLiteral("global");
    case Kind::Branch: return QStringLiteral("branch");
    case Kind::Service: return QStringLiteral("service");
    case Kind::Counter: return QStringLiteral("counter");
    case Kind::Token: return QStringLiteral("token");
    }
    return {};
}

QString Room::name() const
{
    return kind == Kind::Global ? kindName() : kindName() + u':' + QString::number(id);
}

} // namespace Nextup
