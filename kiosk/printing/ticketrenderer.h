#pragma once

#include <QImage>
#include <QList>

#include "ticketlayout.h"

class QPainter;

namespace Nextup {

// Paints a ticket with QPainter, in printer dots (203 dpi). Three users:
// - the ESC/POS encoder: the pictures of lines the printer font cannot print (Arabic) and, in
//   TextMode::Raster, the whole ticket, so what is fed is exactly what render() returns;
// - the QPrinter path: paint() onto a page, where text stays text (searchable in a PDF);
// - the PNGs people look at.
// Safe to use from a worker thread (QImage and fonts only; no widgets).
class TicketRenderer
{
public:
    enum class Surface
    {
        Thermal, // printer-font lines drawn in a monospaced font at Font A's cell size
        Page,    // every line in the proportional font: a page printer has no Font A
    };

    explicit TicketRenderer(TicketFormat format, Surface surface = Surface::Thermal);

    // The whole ticket, paper width in dots, black on white, without the feed before the cut.
    QImage render(const Ticket &ticket) const;
    // One text block as the picture the encoder sends for it (paper width).
    QImage renderText(const TicketBlock &block) const;
    // The ticket on any painter, `width` units wide from the painter's origin; returns its height.
    int paint(QPainter &painter, const QList<TicketBlock> &blocks, int width) const;
    int height(const QList<TicketBlock> &blocks, int width) const;

private:
    int blockHeight(const TicketBlock &block, int width) const;
    void paintBlock(QPainter &painter, const TicketBlock &block, int top, int width) const;
    bool monospaced(const TicketBlock &block) const;

    TicketFormat m_format;
    Surface m_surface;
};

} // namespace Nextup
