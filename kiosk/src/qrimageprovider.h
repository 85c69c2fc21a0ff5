#pragma once

#include <QQuickImageProvider>

namespace Nextup::Kiosk {

// "image://qr/<percent-encoded text>": the QR code of the text, for the dispenser's screen (the
// customer photographs it when the ticket did not print). Drawn by the same QrMatrix as the
// printed code, so both say exactly the same.
class QrImageProvider : public QQuickImageProvider
{
public:
    QrImageProvider();
    QImage requestImage(const QString &id, QSize *size, const QSize &requestedSize) override;
};

} // namespace Nextup::Kiosk
