#include "qrmatrix.h"

#include <memory>

#include <qrencode.h>

namespace Nextup {

namespace {
struct QrCodeDeleter
{
    void operator()(QRcode *code) const { QRcode_free(code); }
};
} // namespace

QrMatrix QrMatrix::encode(const QByteArray &payload)
{
    QrMatrix matrix;
    if (payload.isEmpty())
        return matrix;
    // QRcode_encodeData takes the bytes with their length, so a NUL cannot cut the payload short.
    const std::unique_ptr<QRcode, QrCodeDeleter> code(QRcode_encodeData(
        int(payload.size()), reinterpret_cast<const unsigned char *>(payload.constData()), 0,
        QR_ECLEVEL_M));
    if (!code)
        return matrix;
    matrix.m_width = code->width;
    matrix.m_modules.resize(std::size_t(code->width) * code->width);
    for (std::size_t i = 0; i < matrix.m_modules.size(); ++i)
        matrix.m_modules[i] = code->data[i] & 1;
    return matrix;
}

QImage QrMatrix::toImage(int moduleDots) const
{
    if (isNull() || moduleDots < 1)
        return {};
    const int side = (m_width + 2 * kQuietZone) * moduleDots;
    QImage image(side, side, QImage::Format_Grayscale8);
    image.fill(Qt::white);
    for (int y = 0; y < m_width; ++y) {
        for (int x = 0; x < m_width; ++x) {
            if (!dark(x, y))
                continue;
            const int left = (x + kQuietZone) * moduleDots;
            const int top = (y + kQuietZone) * moduleDots;
            for (int row = top; row < top + moduleDots; ++row)
                std::fill_n(image.scanLine(row) + left, moduleDots, uchar(0));
        }
    }
    return image;
}

} // namespace Nextup
