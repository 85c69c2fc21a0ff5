#include "web/qrsvg.h"

#include <memory>

#include <qrencode.h>

namespace Nextup {

namespace {
const int kQuietZone = 4; // modules of white around the symbol, as ISO/IEC 18004 asks

struct QrCodeDeleter
{
    void operator()(QRcode *code) const { QRcode_free(code); }
};
} // namespace

QByteArray QrSvg::render(const QByteArray &text)
{
    if (text.isEmpty() || text.size() > kMaxTextBytes)
        return {};
    // QR_MODE_8 with case sensitivity: the secret is base64url and must survive as written.
    const std::unique_ptr<QRcode, QrCodeDeleter> code(
        QRcode_encodeString(text.constData(), 0, QR_ECLEVEL_M, QR_MODE_8, 1));
    if (!code)
        return {};
    const int width = code->width;
    const int size = width + 2 * kQuietZone;

    // One horizontal run of dark modules per "M x y h n v1 h-n z" keeps the path short.
    QByteArray path;
    path.reserve(width * width / 2);
    for (int y = 0; y < width; ++y) {
        const unsigned char *row = code->data + std::ptrdiff_t(y) * width;
        for (int x = 0; x < width;) {
            if (!(row[x] & 1)) {
                ++x;
                continue;
            }
            int run = 1;
            while (x + run < width && (row[x + run] & 1))
                ++run;
            path += 'M' + QByteArray::number(x + kQuietZone) + ' ' +
                    QByteArray::number(y + kQuietZone) + 'h' + QByteArray::number(run) + "v1h-" +
                    QByteArray::number(run) + 'z';
            x += run;
        }
    }
    const QByteArray n = QByteArray::number(size);
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + n + ' ' + n +
           "\" width=\"" + QByteArray::number(size * 8) + "\" height=\"" +
           QByteArray::number(size * 8) +
           "\" shape-rendering=\"crispEdges\">"
           "<rect width=\"" +
           n + "\" height=\"" + n +
           "\" fill=\"#fff\"/>"
           "<path fill=\"#000\" d=\"" +
           path + "\"/></svg>\n";
}

} // namespace Nextup
