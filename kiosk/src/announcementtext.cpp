#include "announcementtext.h"

#include <QRegularExpression>

#include "callhistorymodel.h"

namespace Nextup::Kiosk {

QString AnnouncementText::spell(const QString &tokenNumber)
{
    QStringList parts;
    for (const QChar c : tokenNumber.trimmed()) {
        if (!c.isSpace())
            parts.append(QString(c));
    }
    return parts.join(u' ');
}

QString AnnouncementText::counterWords(const QString &counterName, const QString &override)
{
    if (!override.trimmed().isEmpty())
        return override.trimmed();
    static const QRegularExpression generic(QStringLiteral("^\\s*counter\\s+(\\S.*?)\\s*$"),
                                            QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = generic.match(counterName);
    if (match.hasMatch()) {
        //: Spoken and shown before a counter's letter or number: "counter B".
        return tr("counter %1").arg(match.captured(1));
    }
    return counterName.trimmed();
}

QString AnnouncementText::spoken(const Call &call, const QString &counterOverride)
{
    //: The announcement: %1 is the token number (spelled "D 0 0 7"), %2 the counter
    //: ("counter B").
    return tr("Token %1, %2")
        .arg(spell(call.tokenNumber), counterWords(call.counterName, counterOverride));
}

QString AnnouncementText::caption(const Call &call, const QString &counterOverride)
{
    return tr("Token %1, %2")
        .arg(call.tokenNumber.trimmed(), counterWords(call.counterName, counterOverride));
}

} // namespace Nextup::Kiosk
