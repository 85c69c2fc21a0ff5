#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

class QCommandLineParser;

namespace Nextup::Kiosk {

// Everything a lobby board is told: where the server is, which part of the floor it shows, and
// how it speaks. Read from an INI file (kiosk/README.md shows every key) and then from the
// command line, which wins. Missing keys keep the defaults below, so an empty file is valid.
struct KioskConfig
{
    QUrl serverUrl = QUrl(QStringLiteral("http://127.0.0.1:8080"));
    // Empty username: public rooms only (no login). The kiosk device account is kiosk/kiosk123
    // in the demo data.
    QString username;
    QString password;

    int branchId = 0;      // 0: every branch
    QString branchName;    // shown in the header; the public API does not name branches
    QList<int> serviceIds; // empty: every service of the branch
    QList<int> counterIds; // empty: every counter of the branch
    int historySize = 6;   // recent calls kept under the current one

    QString language = QStringLiteral("en"); // en, es or ar
    bool voice = true;    // speak each call (where a speech engine and voice exist)
    bool chime = true;    // play the chime before it; chime_only = chime without voice
    QString speechEngine; // empty: the first engine Qt finds; "none" turns speech off
    // Per counter id: the words the voice says for it, when its name does not read well aloud.
    QHash<int, QString> spokenNames;

    QString pin; // the on-screen settings panel opens only with it; empty: no panel
    bool fullScreen = true;
    // Where the board keeps its last state for an offline start (empty: BoardState::defaultPath(),
    // in the cache location; "none": nothing is kept).
    QString statePath;

    // Dispenser mode (`[kiosk] mode=dispenser`, --mode dispenser): a touch screen that issues
    // tokens and prints tickets instead of the "Now Serving" board.
    QString mode = QStringLiteral("board"); // board, dispenser
    // PrinterSettings::fromUrl text; empty: no printer (the number and QR are shown only).
    QString printerUrl;
    QList<int> dispenserServiceIds; // the services offered as buttons; empty: every open one
    bool priorityButton = false;    // the "Assistance / priority" button
    int priorityClass = 5;          // the priority its tokens get (1..9)
    int idleSeconds = 30;           // back to the start screen after this long without a touch

    // The file the settings panel writes back to (empty: the panel's changes last until exit).
    QString filePath;

    static QStringList supportedLanguages();

    // Reads `path` over the current values. False (and `error`) when the file is unreadable or a
    // value is invalid; the values read so far stay.
    bool loadFile(const QString &path, QString *error);
    // Writes the settings the on-screen panel may change back into filePath (the board's, or
    // the dispenser's with its printer, services, priority button and idle time).
    bool saveSettings(QString *error) const;

    // The options applyArguments() understands, for the app's parser.
    static void addOptions(QCommandLineParser &parser);
    // Applies the parsed options (--config first, then the others over it).
    bool applyArguments(const QCommandLineParser &parser, QString *error);

    bool isPublic() const { return username.isEmpty(); }
    bool isDispenser() const { return mode == u"dispenser"; }
    bool chimeOnly() const { return chime && !voice; }
};

// "1, 2,3" -> {1, 2, 3}; false on anything that is not a list of positive integers.
bool parseIdList(const QString &text, QList<int> *ids);

} // namespace Nextup::Kiosk
