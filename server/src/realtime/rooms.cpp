#include "realtime/rooms.h"

#include <QRegularExpression>

namespace Nextup {

std::optional<Room> Room::parse(const QString &name)
{
    if (name == Wire::toString(Kind::Global))
        return Room{};
    if (name == Wire::toString(Kind::Staff))
        return Room{Kind::Staff};
    static const QRegularExpression pattern(QStringLiteral("^([a-z]+):([1-9][0-9]{0,14})$"));
    const auto match = pattern.match(name);
    const auto kind =
        match.hasMatch() ? Wire::fromString<Kind>(match.capturedView(1)) : std::nullopt;
    if (!kind || *kind == Kind::Global || *kind == Kind::Staff)
        return std::nullopt;
    return Room{*kind, match.captured(2).toLongLong()};
}

QString Room::kindName() const
{
    return Wire::toString(kind);
}

QString Room::name() const
{
    return Wire::roomName(kind, id);
}

} // namespace Nextup
