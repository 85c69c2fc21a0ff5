#pragma once

#include <QCoreApplication>
#include <QString>

namespace Nextup {

struct Ticket;

// The lines of a ticket as words, in the ticket's language. Made in one place so that the
// ESC/POS bytes, the raster image and the QPrinter page say exactly the same thing.
struct TicketText
{
    Q_DECLARE_TR_FUNCTIONS(TicketText)

public:
    QString branch;
    QString service;
    QString number;
    QString time;     // the issue time in the branch's zone, formatted for the language
    QString position; // empty when the ticket has no position
    QString wait;     // empty when the ticket has no estimate
    QString message;

    static TicketText of(const Ticket &ticket);
};

} // namespace Nextup
