#pragma once

#include <optional>

#include <QByteArray>
#include <QString>

namespace Nextup {

// Text for the printer's own fonts. ESC/POS printers take one byte per character in a code
// page chosen by ESC t; PC858 (Epson table 19: PC850 with the euro sign) is in every Epson-
// compatible printer and covers English and Spanish (ñ, á, ¿, ¡, €). Qt 6 has no converter for
// it, hence the table here.
namespace CodePage {

// ESC t n: the printer's number for PC858.
inline constexpr char kPc858Table = 19;

// The text in PC858, or nothing when a character is missing from it (Arabic, CJK, emoji…):
// the caller then prints that line as an image instead of guessing a substitute.
std::optional<QByteArray> toPc858(const QString &text);

} // namespace CodePage

} // namespace Nextup
