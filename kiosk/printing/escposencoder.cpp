#include "escposencoder.h"

#include <algorithm>

#include "codepage.h"
#include "qrmatrix.h"
#include "ticketrenderer.h"

namespace Nextup {

namespace {
constexpr char ESC = 0x1B;
constexpr char GS = 0x1D;
constexpr char DLE = 0x10;
constexpr char EOT = 0x04;
constexpr char LF = 0x0A;

// Printers take a GS v 0 image into a limited buffer; bands of this many rows are safe on the
// smallest ones and print without visible seams.
constexpr int kRasterBandRows = 128;
// QR store payload limit of GS ( k function 180 (pL pH carry length + 3).
constexpr int kMaxQrStoreBytes = 7089;

QByteArray command(std::initializer_list<int> bytes)
{
    QByteArray out;
    for (const int b : bytes)
        out += char(b);
    return out;
}

QByteArray feed(int lines)
{
    return command({ESC, 'd', std::clamp(lines, 0, 255)});
}

// GS ! n: bits 4-6 width - 1, bits 0-2 height - 1.
QByteArray magnify(int scale)
{
    return command({GS, '!', ((scale - 1) << 4) | (scale - 1)});
}

QByteArray qrFunction(int fn, const QByteArray &data)
{
    const int length = int(data.size()) + 2; // cn ('1' = QR) and fn count too
    return command({GS, '(', 'k', length & 0xFF, length >> 8, '1', fn}) + data;
}
// The picture on a white strip as wide as the paper: not every printer centres a bit image by
// ESC a, but every one prints a full-width image where it is.
QImage centred(const QImage &image, int width)
{
    if (image.width() >= width)
        return image;
    QImage strip(width, image.height(), QImage::Format_Grayscale8);
    strip.fill(Qt::white);
    const QImage gray = image.convertToFormat(QImage::Format_Grayscale8);
    const int left = (width - gray.width()) / 2;
    for (int y = 0; y < gray.height(); ++y)
        std::copy_n(gray.constScanLine(y), gray.width(), strip.scanLine(y) + left);
    return strip;
}
} // namespace

EscPosEncoder::EscPosEncoder(TicketFormat format) : m_format(format) {}

QByteArray EscPosEncoder::statusQuery()
{
    // n = 2: offline cause (cover open, stopped by paper end, error); n = 4: paper roll sensor.
    return command({DLE, EOT, 2, DLE, EOT, 4});
}

QByteArray EscPosEncoder::raster(const QImage &image)
{
    const QImage gray = image.convertToFormat(QImage::Format_Grayscale8);
    const int rowBytes = (gray.width() + 7) / 8;
    QByteArray out;
    for (int top = 0; top < gray.height(); top += kRasterBandRows) {
        const int rows = std::min(kRasterBandRows, gray.height() - top);
        out += command({GS, 'v', '0', 0, rowBytes & 0xFF, rowBytes >> 8, rows & 0xFF, rows >> 8});
        for (int y = top; y < top + rows; ++y) {
            const uchar *line = gray.constScanLine(y);
            for (int byte = 0; byte < rowBytes; ++byte) {
                int bits = 0;
                for (int bit = 0; bit < 8; ++bit) {
                    const int x = byte * 8 + bit;
                    if (x < gray.width() && line[x] < 128)
                        bits |= 0x80 >> bit; // the leftmost dot is the high bit
                }
                out += char(bits);
            }
        }
    }
    return out;
}

QByteArray EscPosEncoder::text(const TicketBlock &block) const
{
    if (!block.printerFont)
        return raster(TicketRenderer(m_format).renderText(block));
    const int columns = paperGeometry(m_format.paper).columns / block.scale;
    QByteArray out = magnify(block.scale) + command({ESC, 'E', block.bold ? 1 : 0});
    for (const QString &line : TicketLayout::wrap(block.text, columns))
        out += CodePage::toPc858(line).value_or(QByteArray()) + LF;
    return out + magnify(1) + command({ESC, 'E', 0});
}

QByteArray EscPosEncoder::nativeQr(const QByteArray &payload) const
{
    if (payload.size() > kMaxQrStoreBytes)
        return {};
    const int module = TicketLayout::qrModuleDots(payload, m_format);
    return qrFunction(65, command({'2', 0}))   // model 2
           + qrFunction(67, command({module})) // module size in dots
           + qrFunction(69, command({'1'}))    // error correction M, as the raster path
           + qrFunction(80, '0' + payload)     // store
           + qrFunction(81, "0")               // print
           + LF;
}

QByteArray EscPosEncoder::encode(const Ticket &ticket) const
{
    // ESC @ clears whatever a previous job left (sizes, alignment); ESC t picks PC858.
    QByteArray out = command({ESC, '@', ESC, 't', CodePage::kPc858Table, ESC, 'a', 1});
    if (m_format.text == TicketFormat::TextMode::Raster) {
        out += raster(TicketRenderer(m_format).render(ticket));
    } else {
        for (const TicketBlock &block : TicketLayout::blocks(ticket, m_format)) {
            switch (block.kind) {
            case TicketBlock::Kind::Text: out += text(block); break;
            case TicketBlock::Kind::Feed: out += feed(block.lines); break;
            case TicketBlock::Kind::Qr:
                if (m_format.qr == TicketFormat::QrMode::Native) {
                    out += nativeQr(block.qrPayload);
                } else {
                    out += raster(
                        centred(QrMatrix::encode(block.qrPayload)
                                    .toImage(TicketLayout::qrModuleDots(block.qrPayload, m_format)),
                                paperGeometry(m_format.paper).dots));
                }
                break;
            }
        }
    }
    // GS V 65 n: feed to the cutter plus n lines, then a full cut (a dispenser's ticket must come
    // off whole; a partial cut leaves it hanging).
    return out + feed(m_format.feedLines) + command({GS, 'V', 65, 0});
}

} // namespace Nextup
