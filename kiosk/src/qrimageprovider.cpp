#include "qrimageprovider.h"

#include <QUrl>

#include "qrmatrix.h"

namespace Nextup::Kiosk {

QrImageProvider::QrImageProvider() : QQuickImageProvider(QQuickImageProvider::Image) {}

QImage QrImageProvider::requestImage(const QString &id, QSize *size, const QSize &requestedSize)
{
    const QrMatrix matrix = QrMatrix::encode(QUrl::fromPercentEncoding(id.toUtf8()).toUtf8());
    if (matrix.isNull())
        return {};
    const int modules = matrix.width() + 2 * QrMatrix::kQuietZone;
    // Whole pixels per module: a scaled QR blurs its edges and some phones then fail to read it.
    const int wanted = requestedSize.width() > 0 ? requestedSize.width() : 320;
    QImage image = matrix.toImage(qMax(1, wanted / modules));
    if (size)
        *size = image.size();
    return image;
}

} // namespace Nextup::Kiosk
