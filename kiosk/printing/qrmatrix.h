#pragma once

#include <vector>

#include <QByteArray>
#include <QImage>

namespace Nextup {

// A QR code's modules, encoded by libqrencode (model 2, error correction M, 8-bit mode so that
// the base64url secret in a status link survives exactly as written). Used where the printer
// cannot draw the code itself: the raster fallback, the PNGs and the QPrinter page.
class QrMatrix
{
public:
    // Modules of white around the symbol, as ISO/IEC 18004 asks; scanners fail without it.
    static constexpr int kQuietZone = 4;

    // Empty (isNull) when the payload is empty or too long for a QR code.
    static QrMatrix encode(const QByteArray &payload);

    bool isNull() const { return m_width == 0; }
    int width() const { return m_width; } // modules per side, without the quiet zone
    bool dark(int x, int y) const { return m_modules[std::size_t(y) * m_width + x]; }

    // The symbol with its quiet zone, `moduleDots` pixels per module, black on white.
    QImage toImage(int moduleDots) const;

private:
    int m_width = 0;
    std::vector<bool> m_modules;
};

} // namespace Nextup
