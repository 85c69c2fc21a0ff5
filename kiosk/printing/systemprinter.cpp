#include "systemprinter.h"

#include <QPainter>
#include <QPrinter>
#include <QPrinterInfo>

#include "ticketrenderer.h"

namespace Nextup {

void SystemPrinter::paintPage(QPainter &painter, const QRectF &paintRect, qreal dotsPerInch,
                              const Ticket &ticket, const TicketFormat &format, int widthMm)
{
    const int dots = paperGeometry(format.paper).dots;
    const qreal wanted = widthMm / 25.4 * dotsPerInch;
    const qreal scale = std::min(wanted, paintRect.width()) / dots;
    painter.save();
    painter.translate((paintRect.width() - dots * scale) / 2, 0);
    painter.scale(scale, scale);
    TicketRenderer(format, TicketRenderer::Surface::Page)
        .paint(painter, TicketLayout::blocks(ticket, format), dots);
    painter.restore();
}

std::optional<PrintFailure> SystemPrinter::print(const Ticket &ticket, const TicketFormat &format,
                                                 const SystemPrinterOptions &options)
{
    using Reason = PrintFailure::Reason;
    QPrinter printer(QPrinter::HighResolution);
    if (!options.pdfFile.isEmpty()) {
        printer.setOutputFormat(QPrinter::PdfFormat);
        printer.setOutputFileName(options.pdfFile);
        printer.setPageSize(QPageSize(QPageSize::A4));
    } else {
        const QPrinterInfo info = options.printerName.isEmpty()
                                      ? QPrinterInfo::defaultPrinter()
                                      : QPrinterInfo::printerInfo(options.printerName);
        if (info.isNull())
            return PrintFailure{
                Reason::NotReachable,
                options.printerName.isEmpty()
                    ? QStringLiteral("the system has no default printer")
                    : QStringLiteral("no printer named %1").arg(options.printerName)};
        if (info.state() == QPrinter::Error)
            return PrintFailure{Reason::PrinterError,
                                QStringLiteral("printer %1 is stopped").arg(info.printerName())};
        printer.setPrinterName(info.printerName());
    }
    // The job title: what a print queue (and CUPS-PDF's file name) shows.
    printer.setDocName(QStringLiteral("Nextup ticket %1").arg(ticket.tokenNumber));

    QPainter painter;
    if (!painter.begin(&printer))
        return PrintFailure{
            Reason::PrinterError,
            QStringLiteral("cannot start a print job on %1")
                .arg(options.pdfFile.isEmpty() ? printer.printerName() : options.pdfFile)};
    paintPage(painter, printer.pageLayout().paintRectPixels(printer.resolution()),
              printer.resolution(), ticket, format, options.ticketWidthMm);
    if (!painter.end() || printer.printerState() == QPrinter::Error)
        return PrintFailure{Reason::WriteFailed, QStringLiteral("the print job failed")};
    return std::nullopt;
}

} // namespace Nextup
