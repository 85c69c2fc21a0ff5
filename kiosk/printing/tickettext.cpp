#include "tickettext.h"

#include <QLocale>

#include "ticket.h"

namespace Nextup {

namespace {
// Token numbers are Latin everywhere, so the time and figures of an Arabic ticket use the same
// digits (as the board does) instead of Arabic-Indic ones next to "D007".
QString latinDigits(QString text)
{
    for (QChar &c : text) {
        const char16_t u = c.unicode();
        if (u >= 0x0660 && u <= 0x0669)
            c = QChar(u'0' + (u - 0x0660));
        else if (u >= 0x06F0 && u <= 0x06F9)
            c = QChar(u'0' + (u - 0x06F0));
    }
    return text;
}
} // namespace

TicketText TicketText::of(const Ticket &ticket)
{
    const QLocale locale(ticket.language);
    TicketText text;
    text.branch = ticket.branchName.simplified();
    text.service = ticket.serviceName.simplified();
    text.number = ticket.tokenNumber.simplified();
    if (ticket.issuedAt.isValid()) {
        // Date and time in the branch's zone (the caller converted it): a customer compares it
        // with the clock on the wall, not with UTC.
        text.time = latinDigits(locale.toString(ticket.issuedAt.date(), QLocale::ShortFormat) +
                                QLatin1String("  ") +
                                locale.toString(ticket.issuedAt.time(), QStringLiteral("HH:mm")));
    }
    if (ticket.position > 0)
        text.position = tr("Position in line: %1").arg(ticket.position);
    if (ticket.waitMinutes >= 0)
        text.wait = tr("Estimated wait: %n min", nullptr, ticket.waitMinutes);
    text.message = ticket.message.simplified();
    return text;
}

} // namespace Nextup
