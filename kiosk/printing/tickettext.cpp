#include "tickettext.h"

#include <QLocale>

#include "ticket.h"

namespace Nextup {

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
        text.time = locale.toString(ticket.issuedAt.date(), QLocale::ShortFormat) +
                    QLatin1String("  ") +
                    locale.toString(ticket.issuedAt.time(), QStringLiteral("HH:mm"));
    }
    if (ticket.position > 0)
        text.position = tr("Position in line: %1").arg(locale.toString(ticket.position));
    if (ticket.waitMinutes >= 0)
        text.wait = tr("Estimated wait: %n min", nullptr, ticket.waitMinutes);
    text.message = ticket.message.simplified();
    return text;
}

} // namespace Nextup
