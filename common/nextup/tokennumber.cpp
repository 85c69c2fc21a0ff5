#include "nextup/tokennumber.h"

#include <QRegularExpression>

namespace Nextup {

QString formatTokenNumber(const QString &serviceCode, qint64 number)
{
    return serviceCode + QStringLiteral("%1").arg(number, 3, 10, QLatin1Char('0'));
}

std::optional<ParsedTokenNumber> parseTokenNumber(const QString &text)
{
    static const QRegularExpression pattern(
        QStringLiteral("^\\s*([A-Za-z]{0,3})0*(\\d{1,9})\\s*$"));
    const auto match = pattern.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    const qint64 number = match.captured(2).toLongLong();
    if (number <= 0)
        return std::nullopt;
    return ParsedTokenNumber{match.captured(1).toUpper(), number};
}

} // namespace Nextup
