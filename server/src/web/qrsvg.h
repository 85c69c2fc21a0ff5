#pragma once

#include <QByteArray>

namespace Nextup {

// QR codes as SVG, rendered with libqrencode.
namespace QrSvg {

// Longest text accepted: a status link is far shorter, and this bounds the work per request.
inline constexpr int kMaxTextBytes = 512;

// An SVG picture of `text` as a QR code (error correction level M, 4-module quiet zone), dark
// modules as one path so that it stays small (~2 KB for a status link); empty when the text is
// empty, too long or cannot be encoded.
QByteArray render(const QByteArray &text);

} // namespace QrSvg

} // namespace Nextup
