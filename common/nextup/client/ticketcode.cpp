#include "nextup/client/ticketcode.h"

#include <QRegularExpression>

#include "nextup/tokennumber.h"

namespace Nextup {

namespace {
// A secret is URL-safe base64 (auth/securerandom); anything up to the next separator is taken,
// so a scanner's trailing characters do not sneak in.
const QRegularExpression kFragment(QStringLiteral(R"(#t=(\d{1,18})\.([A-Za-z0-9_\-]+))"));
const QRegularExpression kStatusLink(
    QStringLiteral(R"(/api/tokens/(\d{1,18})/status(?:\?(?:.*&)?secret=([A-Za-z0-9_\-]+))?)"));
} // namespace

TicketCode TicketCode::parse(const QString &text)
{
    const QString code = text.trimmed();
    TicketCode ticket;
    for (const QRegularExpression *link : {&kFragment, &kStatusLink}) {
        const QRegularExpressionMatch m = link->match(code);
        if (m.hasMatch()) {
            ticket.kind = Kind::Token;
            ticket.tokenId = m.captured(1).toLongLong();
            ticket.secret = m.captured(2);
            return ticket;
        }
    }
    // "d7" and "D007" both mean D007; a number without its service's letter is ambiguous.
    if (const auto number = parseTokenNumber(code); number && !number->serviceCode.isEmpty()) {
        ticket.kind = Kind::Number;
        ticket.number = formatTokenNumber(number->serviceCode, number->number);
    }
    return ticket;
}

} // namespace Nextup
