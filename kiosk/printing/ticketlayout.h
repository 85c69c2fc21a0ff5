#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include "ticket.h"

namespace Nextup {

// How a ticket is laid out and fed to a thermal printer.
struct TicketFormat
{
    enum class QrMode
    {
        Native, // GS ( k: the printer encodes and draws the QR code itself
        Raster, // GS v 0: a picture of the code made here, for printers without GS ( k
    };
    enum class TextMode
    {
        // The printer's own font in PC858; a line the code page cannot hold (Arabic) is sent
        // as a picture of that line.
        PrinterFont,
        // The whole ticket as one picture: printers with no usable code page at all.
        Raster,
    };

    PaperWidth paper = PaperWidth::Mm80;
    QrMode qr = QrMode::Native;
    TextMode text = TextMode::PrinterFont;
    int numberScale = 4;  // GS ! magnification of the number: 2 (double) or 4 (quadruple)
    int qrModuleDots = 6; // dots per QR module; made smaller when the code would not fit
    int feedLines = 4;    // blank lines before the cut, so the QR clears the cutter
};

// One piece of a ticket, top to bottom. The ESC/POS encoder and the renderer walk the same list,
// so the bytes, the PNGs and the QPrinter page cannot drift apart.
struct TicketBlock
{
    enum class Kind
    {
        Text,
        Qr,
        Feed,
    };
    Kind kind = Kind::Text;
    QString text;             // Text: one paragraph (the encoder wraps it at word boundaries)
    QByteArray qrPayload;     // Qr
    int scale = 1;            // Text: GS ! magnification (width and height)
    bool bold = false;        // Text
    bool printerFont = true;  // Text: false when the line goes to the printer as a picture
    bool rightToLeft = false; // Text
    int lines = 1;            // Feed: blank lines
};

namespace TicketLayout {

// Line pitch of Font A (12 x 24 dots) with the default spacing, at magnification 1.
inline constexpr int kCellWidth = 12;
inline constexpr int kCellHeight = 24;
inline constexpr int kLinePitch = 30;

QList<TicketBlock> blocks(const Ticket &ticket, const TicketFormat &format);

// QR module size that fits the paper with the quiet zone (at least 1).
int qrModuleDots(const QByteArray &payload, const TicketFormat &format);

// `text` broken at spaces into lines of at most `columns` characters; a word longer than a line
// is cut (a printer would wrap it mid-word anyway).
QStringList wrap(const QString &text, int columns);

} // namespace TicketLayout

} // namespace Nextup
