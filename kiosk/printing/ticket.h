#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace Nextup {

// One queue ticket as the dispenser prints it: everything comes from the server's answer to
// POST /api/tokens (a ticket is never made up locally), plus the words the caller has already
// translated into the customer's language.
struct Ticket
{
    QString branchName;
    QString serviceName;
    QString tokenNumber;  // "D007"
    QDateTime issuedAt;   // already in the branch's time zone (QDateTime::toTimeZone)
    int position = 0;     // people ahead + 1 when issued; 0 hides the line
    int waitMinutes = -1; // estimated wait; negative hides the line
    QByteArray qrPayload; // the token's status URL with its secret (`status_url`)
    QString message;      // a short closing line, already in the customer's language
    QString language = QStringLiteral("en"); // en, es, ar: formats the time and labels
    bool rightToLeft = false;                // Arabic: lines are laid out right to left
};

// Thermal paper: 203 dpi heads print 8 dots a millimetre; Font A is 12 dots wide.
enum class PaperWidth
{
    Mm58, // 48 mm printable: 384 dots, 32 characters
    Mm80, // 72 mm printable: 576 dots, 48 characters
};

struct PaperGeometry
{
    int dots = 0;    // printable width in dots
    int columns = 0; // Font A characters in a line
};

constexpr PaperGeometry paperGeometry(PaperWidth paper)
{
    return paper == PaperWidth::Mm58 ? PaperGeometry{384, 32} : PaperGeometry{576, 48};
}

} // namespace Nextup
