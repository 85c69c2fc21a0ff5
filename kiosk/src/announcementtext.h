#pragma once

#include <QCoreApplication>
#include <QString>

namespace Nextup::Kiosk {

struct Call;

// The words of an announcement in the language of the installed translator:
// "Token D 0 0 7, counter B" for the voice (the number spelled so every engine reads it digit by
// digit, never "seven" or "double zero seven") and "Token D007, counter B" for the caption.
class AnnouncementText
{
    Q_DECLARE_TR_FUNCTIONS(AnnouncementText)

public:
    // "D007" -> "D 0 0 7".
    static QString spell(const QString &tokenNumber);
    // What the voice calls the counter: `override` (the config's spoken_names) when given;
    // the generic names of the demo data ("Counter B") in the board's language ("counter B",
    // "ventanilla B"); any other name as it is.
    static QString counterWords(const QString &counterName, const QString &override = {});
    static QString spoken(const Call &call, const QString &counterOverride = {});
    static QString caption(const Call &call, const QString &counterOverride = {});
};

} // namespace Nextup::Kiosk
