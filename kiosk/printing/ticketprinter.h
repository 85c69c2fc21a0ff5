#pragma once

#include <memory>

#include <QObject>
#include <QQueue>

#include "printersettings.h"
#include "ticket.h"

namespace Nextup {

class PrinterTransport;

// What the dispenser calls: print(ticket) and wait for printed() or failed() (exactly one per
// ticket, in the order they were asked for, never from inside print()). Tickets asked for while
// one is printing wait their turn. On failed() the dispenser keeps the number and QR on screen,
// says to ask staff and reports failure.code() as a device alert; it never prints a ticket the
// server did not issue (a Ticket is made from the server's answer only).
//
// ESC/POS tickets are encoded here (a few milliseconds) and carried by a PrinterTransport; the
// system printer path paints on a worker thread.
class TicketPrinter : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TicketPrinter)

public:
    explicit TicketPrinter(PrinterSettings settings, QObject *parent = nullptr);
    ~TicketPrinter() override;

    void print(const Ticket &ticket);
    bool isBusy() const { return m_busy; }
    const PrinterSettings &settings() const { return m_settings; }

signals:
    void printed(const QString &tokenNumber);
    void failed(const QString &tokenNumber, const Nextup::PrintFailure &failure);

private:
    void startNext();
    void finish(const std::optional<PrintFailure> &problem);

    PrinterSettings m_settings;
    std::unique_ptr<PrinterTransport> m_transport; // null for the system printer
    QQueue<Ticket> m_waiting;
    QString m_current; // the token number being printed
    bool m_busy = false;
};

} // namespace Nextup
