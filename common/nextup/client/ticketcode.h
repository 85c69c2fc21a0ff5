#pragma once

#include <QString>

namespace Nextup {

// What a check-in scanner (the console's check-in desk, the dispenser) (or a person at the
// keyboard) typed: a USB scanner types the receipt's QR code like a keyboard and ends with Enter.
// The code is the token's status page,
// "<origin>/#t=<id>.<secret>" (server/src/web/webcontroller.cpp), or the status link an answer of
// POST /api/tokens carries ("/api/tokens/<id>/status?secret=<secret>"); a person may type the
// printed number instead ("D501").
struct TicketCode
{
    enum class Kind
    {
        Invalid,
        Token,  // tokenId (and secret) from a link
        Number, // a token number, to be found among the day's appointments
    };

    Kind kind = Kind::Invalid;
    qint64 tokenId = 0;
    QString secret;
    QString number; // upper case, e.g. "D501"

    static TicketCode parse(const QString &text);
};

} // namespace Nextup
