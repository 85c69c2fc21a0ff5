#include "ticketrenderer.h"

#include <QFont>
#include <QFontMetrics>
#include <QPainter>
#include <QTextOption>

#include "qrmatrix.h"

namespace Nextup {

namespace {
// DejaVu Sans Mono advances 0.602 em: 20 px gives Font A's 12-dot cell. DejaVu Sans also has
// Arabic glyphs, so one family covers en/es/ar on a stock Debian.
constexpr int kMonoPixelSize = 20;
constexpr int kPixelSize = 22;

QFont fontFor(const TicketBlock &block, bool monospaced)
{
    QFont font(monospaced ? QStringLiteral("DejaVu Sans Mono") : QStringLiteral("DejaVu Sans"));
    font.setStyleHint(monospaced ? QFont::Monospace : QFont::SansSerif);
    font.setPixelSize((monospaced ? kMonoPixelSize : kPixelSize) * block.scale);
    font.setBold(block.bold);
    return font;
}

int textFlags()
{
    return Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap;
}

// Magnified text keeps the default spacing below it, as the printer does.
int linePitch(int scale)
{
    return TicketLayout::kCellHeight * scale + TicketLayout::kLinePitch - TicketLayout::kCellHeight;
}
} // namespace

TicketRenderer::TicketRenderer(TicketFormat format, Surface surface)
    : m_format(format), m_surface(surface)
{
}

bool TicketRenderer::monospaced(const TicketBlock &block) const
{
    return m_surface == Surface::Thermal && block.printerFont;
}

int TicketRenderer::blockHeight(const TicketBlock &block, int width) const
{
    switch (block.kind) {
    case TicketBlock::Kind::Feed: return block.lines * TicketLayout::kLinePitch;
    case TicketBlock::Kind::Qr: {
        const QrMatrix matrix = QrMatrix::encode(block.qrPayload);
        return (matrix.width() + 2 * QrMatrix::kQuietZone) *
               TicketLayout::qrModuleDots(block.qrPayload, m_format);
    }
    case TicketBlock::Kind::Text: break;
    }
    if (monospaced(block)) {
        const int columns = paperGeometry(m_format.paper).columns / block.scale;
        return int(TicketLayout::wrap(block.text, columns).size()) * linePitch(block.scale);
    }
    const QFontMetrics metrics(fontFor(block, false));
    const int textHeight =
        metrics.boundingRect(QRect(0, 0, width, 10000), textFlags(), block.text).height();
    return textHeight + linePitch(block.scale) - metrics.height();
}

void TicketRenderer::paintBlock(QPainter &painter, const TicketBlock &block, int top,
                                int width) const
{
    if (block.kind == TicketBlock::Kind::Feed)
        return;
    if (block.kind == TicketBlock::Kind::Qr) {
        const QrMatrix matrix = QrMatrix::encode(block.qrPayload);
        const int module = TicketLayout::qrModuleDots(block.qrPayload, m_format);
        const int side = (matrix.width() + 2 * QrMatrix::kQuietZone) * module;
        const int left = (width - side) / 2 + QrMatrix::kQuietZone * module;
        const int origin = top + QrMatrix::kQuietZone * module;
        // One rectangle per module: exact pixels on a QImage, sharp vectors on a page.
        for (int y = 0; y < matrix.width(); ++y)
            for (int x = 0; x < matrix.width(); ++x)
                if (matrix.dark(x, y))
                    painter.fillRect(left + x * module, origin + y * module, module, module,
                                     Qt::black);
        return;
    }
    painter.setFont(fontFor(block, monospaced(block)));
    painter.setPen(Qt::black);
    if (monospaced(block)) {
        const int columns = paperGeometry(m_format.paper).columns / block.scale;
        int y = top;
        for (const QString &line : TicketLayout::wrap(block.text, columns)) {
            painter.drawText(QRect(0, y, width, linePitch(block.scale)),
                             Qt::AlignHCenter | Qt::AlignTop, line);
            y += linePitch(block.scale);
        }
        return;
    }
    painter.setLayoutDirection(block.rightToLeft ? Qt::RightToLeft : Qt::LeftToRight);
    painter.drawText(QRect(0, top, width, blockHeight(block, width)), textFlags(), block.text);
}

int TicketRenderer::height(const QList<TicketBlock> &blocks, int width) const
{
    int total = 0;
    for (const TicketBlock &block : blocks)
        total += blockHeight(block, width);
    return total;
}

int TicketRenderer::paint(QPainter &painter, const QList<TicketBlock> &blocks, int width) const
{
    int top = 0;
    for (const TicketBlock &block : blocks) {
        paintBlock(painter, block, top, width);
        top += blockHeight(block, width);
    }
    return top;
}

QImage TicketRenderer::render(const Ticket &ticket) const
{
    const QList<TicketBlock> blocks = TicketLayout::blocks(ticket, m_format);
    const int width = paperGeometry(m_format.paper).dots;
    QImage image(width, std::max(1, height(blocks, width)), QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    paint(painter, blocks, width);
    return image;
}

QImage TicketRenderer::renderText(const TicketBlock &block) const
{
    const int width = paperGeometry(m_format.paper).dots;
    QImage image(width, std::max(1, blockHeight(block, width)), QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    paintBlock(painter, block, 0, width);
    return image;
}

} // namespace Nextup
