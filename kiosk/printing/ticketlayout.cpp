#include "ticketlayout.h"

#include "codepage.h"
#include "qrmatrix.h"
#include "tickettext.h"

namespace Nextup {

namespace {
TicketBlock textBlock(const QString &text, const Ticket &ticket, const TicketFormat &format,
                      int scale = 1, bool bold = false)
{
    TicketBlock block;
    block.text = text;
    block.scale = scale;
    block.bold = bold;
    block.rightToLeft = ticket.rightToLeft;
    // Right-to-left text needs shaping and bidi ordering that a printer font never does, so an
    // RTL line is always a picture even when its characters happen to be in the code page.
    block.printerFont = format.text == TicketFormat::TextMode::PrinterFont && !ticket.rightToLeft &&
                        CodePage::toPc858(text).has_value();
    return block;
}

TicketBlock feed(int lines)
{
    TicketBlock block;
    block.kind = TicketBlock::Kind::Feed;
    block.lines = lines;
    return block;
}
} // namespace

QList<TicketBlock> TicketLayout::blocks(const Ticket &ticket, const TicketFormat &format)
{
    const TicketText text = TicketText::of(ticket);
    QList<TicketBlock> out;
    const auto addText = [&](const QString &line, int scale = 1, bool bold = false) {
        if (!line.isEmpty())
            out.append(textBlock(line, ticket, format, scale, bold));
    };
    addText(text.branch, 1, true);
    addText(text.service);
    out.append(feed(1));
    addText(text.number, format.numberScale == 2 ? 2 : 4, true);
    out.append(feed(1));
    addText(text.time);
    addText(text.position);
    addText(text.wait);
    if (!ticket.qrPayload.isEmpty()) {
        out.append(feed(1));
        TicketBlock qr;
        qr.kind = TicketBlock::Kind::Qr;
        qr.qrPayload = ticket.qrPayload;
        out.append(qr);
    }
    addText(text.message);
    return out;
}

int TicketLayout::qrModuleDots(const QByteArray &payload, const TicketFormat &format)
{
    const QrMatrix matrix = QrMatrix::encode(payload);
    const int modules = matrix.width() + 2 * QrMatrix::kQuietZone;
    const int fitting = modules > 0 ? paperGeometry(format.paper).dots / modules : 1;
    return std::max(1, std::min(format.qrModuleDots, fitting));
}

QStringList TicketLayout::wrap(const QString &text, int columns)
{
    QStringList lines;
    QString line;
    for (QString word : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (!line.isEmpty() && line.size() + 1 + word.size() <= columns) {
            line += QLatin1Char(' ') + word;
            continue;
        }
        if (!line.isEmpty())
            lines.append(line);
        while (word.size() > columns) {
            lines.append(word.left(columns));
            word = word.mid(columns);
        }
        line = word;
    }
    if (!line.isEmpty())
        lines.append(line);
    return lines;
}

} // namespace Nextup
