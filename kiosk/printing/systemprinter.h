#pragma once

#include <optional>

#include <QRectF>
#include <QString>

#include "printfailure.h"
#include "ticketlayout.h"

class QPainter;

namespace Nextup {

struct SystemPrinterOptions
{
    QString printerName;    // a Qt/CUPS printer name; empty: the system's default printer
    QString pdfFile;        // when set, a PDF file instead of a printer (QPrinter::PdfFormat)
    int ticketWidthMm = 80; // the ticket's width on the page (less when the page is narrower)
};

// A ticket on any printer the system knows (A4 office printers, label printers) through Qt Print
// Support: QPrinter and QPainter, never a dialog. The page carries text as text, so a PDF of it
// can be searched and read back. Blocking; the TicketPrinter runs it on a worker thread (QPainter
// on a QPrinter is allowed there).
namespace SystemPrinter {

// The ticket on a page: the thermal layout scaled to `widthMm` (or the paint rectangle's width
// when narrower), centred at its top. `paintRect` and `dotsPerInch` are the device's.
void paintPage(QPainter &painter, const QRectF &paintRect, qreal dotsPerInch, const Ticket &ticket,
               const TicketFormat &format, int widthMm);

std::optional<PrintFailure> print(const Ticket &ticket, const TicketFormat &format,
                                  const SystemPrinterOptions &options);

} // namespace SystemPrinter

} // namespace Nextup
