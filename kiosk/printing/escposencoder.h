#pragma once

#include <QByteArray>
#include <QImage>

#include "ticketlayout.h"

namespace Nextup {

// Turns a ticket into the ESC/POS bytes of one print job (Epson's command set, which every
// 58/80 mm receipt printer we know of understands): initialise, PC858 code page, centred lines,
// the number magnified by GS !, the QR code (GS ( k, or a GS v 0 picture), feed and full cut.
// Pure: no I/O, safe on any thread.
class EscPosEncoder
{
public:
    explicit EscPosEncoder(TicketFormat format);

    QByteArray encode(const Ticket &ticket) const;

    // GS v 0 bit image of `image` (dark pixels print), in bands a printer's buffer can take.
    static QByteArray raster(const QImage &image);

    // The real-time status queries (DLE EOT n): the printer answers each with one byte at once.
    static QByteArray statusQuery();
    static constexpr int kStatusReplyBytes = 2;

private:
    QByteArray text(const TicketBlock &block) const;
    QByteArray nativeQr(const QByteArray &payload) const;

    TicketFormat m_format;
};

} // namespace Nextup
