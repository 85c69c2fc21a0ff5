#include "kioskconfig.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QSettings>

#include "printersettings.h"

namespace Nextup::Kiosk {

namespace {

// INI keys, as kiosk/README.md documents them.
constexpr auto KeyUrl = "server/url";
constexpr auto KeyUser = "server/username";
constexpr auto KeyPassword = "server/password";
constexpr auto KeyBranch = "board/branch";
constexpr auto KeyBranchName = "board/branch_name";
constexpr auto KeyServices = "board/services";
constexpr auto KeyCounters = "board/counters";
constexpr auto KeyHistory = "board/history";
constexpr auto KeyFullScreen = "board/fullscreen";
constexpr auto KeyStateFile = "board/state_file";
constexpr auto KeyLanguage = "voice/language";
constexpr auto KeyVoice = "voice/enabled";
constexpr auto KeyChime = "voice/chime";
constexpr auto KeyChimeOnly = "voice/chime_only";
constexpr auto KeyEngine = "voice/engine";
constexpr auto KeyPin = "settings/pin";
constexpr auto GroupSpoken = "spoken_names";
constexpr auto KeyMode = "kiosk/mode";
constexpr auto KeyPrinter = "dispenser/printer";
constexpr auto KeyDispenserServices = "dispenser/services";
constexpr auto KeyPriorityButton = "dispenser/priority_button";
constexpr auto KeyPriority = "dispenser/priority";
constexpr auto KeyIdle = "dispenser/idle_seconds";

bool parseBool(const QString &text, bool *value)
{
    const QString t = text.trimmed().toLower();
    if (t == u"true" || t == u"1" || t == u"yes" || t == u"on")
        *value = true;
    else if (t == u"false" || t == u"0" || t == u"no" || t == u"off")
        *value = false;
    else
        return false;
    return true;
}

bool setUrl(const QString &text, QUrl *url, QString *error)
{
    const QUrl parsed(text.trimmed());
    if (!parsed.isValid() || (parsed.scheme() != u"http" && parsed.scheme() != u"https") ||
        parsed.host().isEmpty()) {
        *error = QStringLiteral("server url must be http(s)://host[:port]: %1").arg(text);
        return false;
    }
    *url = parsed;
    return true;
}

bool setMode(const QString &text, QString *mode, QString *error)
{
    const QString m = text.trimmed().toLower();
    if (m != u"board" && m != u"dispenser") {
        *error = QStringLiteral("mode must be board or dispenser: %1").arg(text);
        return false;
    }
    *mode = m;
    return true;
}

bool setBounded(const QString &text, int low, int high, int *value)
{
    bool ok = false;
    const int v = text.trimmed().toInt(&ok);
    if (!ok || v < low || v > high)
        return false;
    *value = v;
    return true;
}

bool setLanguage(const QString &text, QString *language, QString *error)
{
    const QString lang = text.trimmed().toLower();
    if (!KioskConfig::supportedLanguages().contains(lang)) {
        *error = QStringLiteral("language must be one of %1: %2")
                     .arg(KioskConfig::supportedLanguages().join(u", "), text);
        return false;
    }
    *language = lang;
    return true;
}

// QSettings splits "1,2" into a list; join it back so both spellings parse the same.
QString stringValue(const QSettings &settings, const char *key)
{
    const QVariant value = settings.value(QLatin1String(key));
    return value.typeId() == QMetaType::QStringList ? value.toStringList().join(u',')
                                                    : value.toString();
}

// [spoken_names] <counter id>=<words>
bool readSpokenNames(QSettings &s, QHash<int, QString> *names)
{
    s.beginGroup(QLatin1String(GroupSpoken));
    const QStringList keys = s.childKeys();
    bool valid = true;
    for (const QString &key : keys) {
        bool ok = false;
        const int id = key.toInt(&ok);
        if (!ok || id <= 0) {
            valid = false;
            break;
        }
        const QVariant value = s.value(key);
        names->insert(id, value.typeId() == QMetaType::QStringList
                              ? value.toStringList().join(QStringLiteral(", "))
                              : value.toString());
    }
    s.endGroup();
    return valid;
}

} // namespace

QStringList KioskConfig::supportedLanguages()
{
    return {QStringLiteral("en"), QStringLiteral("es"), QStringLiteral("ar")};
}

bool parseIdList(const QString &text, QList<int> *ids)
{
    QList<int> out;
    for (const QString &part : text.split(u',', Qt::SkipEmptyParts)) {
        bool ok = false;
        const int id = part.trimmed().toInt(&ok);
        if (!ok || id <= 0)
            return false;
        out.append(id);
    }
    *ids = out;
    return true;
}

bool KioskConfig::loadFile(const QString &path, QString *error)
{
    if (!QFileInfo(path).isReadable()) {
        *error = QStringLiteral("cannot read the config file %1").arg(path);
        return false;
    }
    QSettings s(path, QSettings::IniFormat);
    if (s.status() != QSettings::NoError) {
        *error = QStringLiteral("%1 is not a valid INI file").arg(path);
        return false;
    }
    filePath = path;
    auto fail = [error, &path](const QString &what) {
        *error = QStringLiteral("%1: %2").arg(path, what);
        return false;
    };
    if (s.contains(KeyUrl) && !setUrl(stringValue(s, KeyUrl), &serverUrl, error))
        return fail(*error);
    username = s.value(KeyUser, username).toString();
    password = s.value(KeyPassword, password).toString();
    bool ok = true;
    if (s.contains(KeyBranch)) {
        branchId = s.value(KeyBranch).toInt(&ok);
        if (!ok || branchId < 0)
            return fail(QStringLiteral("board/branch must be a branch id"));
    }
    branchName = s.value(KeyBranchName, branchName).toString();
    if (s.contains(KeyServices) && !parseIdList(stringValue(s, KeyServices), &serviceIds))
        return fail(QStringLiteral("board/services must be a list of service ids"));
    if (s.contains(KeyCounters) && !parseIdList(stringValue(s, KeyCounters), &counterIds))
        return fail(QStringLiteral("board/counters must be a list of counter ids"));
    if (s.contains(KeyHistory)) {
        historySize = s.value(KeyHistory).toInt(&ok);
        if (!ok || historySize < 0 || historySize > 20)
            return fail(QStringLiteral("board/history must be 0..20"));
    }
    const std::pair<const char *, bool *> flags[] = {
        {KeyFullScreen, &fullScreen}, {KeyVoice, &voice}, {KeyChime, &chime}};
    for (const auto &[key, target] : flags) {
        if (s.contains(key) && !parseBool(stringValue(s, key), target))
            return fail(QStringLiteral("%1 must be true or false").arg(QLatin1String(key)));
    }
    bool chimeOnlyKey = false;
    if (s.contains(KeyChimeOnly) && !parseBool(stringValue(s, KeyChimeOnly), &chimeOnlyKey))
        return fail(QStringLiteral("voice/chime_only must be true or false"));
    if (chimeOnlyKey)
        voice = false, chime = true;
    if (s.contains(KeyLanguage) && !setLanguage(stringValue(s, KeyLanguage), &language, error))
        return fail(*error);
    speechEngine = s.value(KeyEngine, speechEngine).toString();
    statePath = s.value(KeyStateFile, statePath).toString();
    pin = s.value(KeyPin, pin).toString();
    if (!readSpokenNames(s, &spokenNames))
        return fail(QStringLiteral("spoken_names keys must be counter ids"));
    if (s.contains(KeyMode) && !setMode(stringValue(s, KeyMode), &mode, error))
        return fail(*error);
    printerUrl = s.value(KeyPrinter, printerUrl).toString().trimmed();
    if (!printerUrl.isEmpty() && !PrinterSettings::fromUrl(printerUrl))
        return fail(QStringLiteral("dispenser/printer is not a printer URL: %1").arg(printerUrl));
    if (s.contains(KeyDispenserServices) &&
        !parseIdList(stringValue(s, KeyDispenserServices), &dispenserServiceIds))
        return fail(QStringLiteral("dispenser/services must be a list of service ids"));
    if (s.contains(KeyPriorityButton) &&
        !parseBool(stringValue(s, KeyPriorityButton), &priorityButton))
        return fail(QStringLiteral("dispenser/priority_button must be true or false"));
    if (s.contains(KeyPriority) && !setBounded(stringValue(s, KeyPriority), 1, 9, &priorityClass))
        return fail(QStringLiteral("dispenser/priority must be 1..9"));
    if (s.contains(KeyIdle) && !setBounded(stringValue(s, KeyIdle), 5, 600, &idleSeconds))
        return fail(QStringLiteral("dispenser/idle_seconds must be 5..600"));
    return true;
}

bool KioskConfig::saveSettings(QString *error) const
{
    if (filePath.isEmpty()) {
        *error = QStringLiteral("no config file to save to");
        return false;
    }
    QSettings s(filePath, QSettings::IniFormat);
    s.setValue(KeyLanguage, language);
    s.setValue(KeyVoice, voice);
    s.setValue(KeyChime, chime);
    s.remove(KeyChimeOnly); // voice + chime say it all
    if (isDispenser()) {
        s.setValue(KeyPrinter, printerUrl);
        QStringList ids;
        for (int id : dispenserServiceIds)
            ids << QString::number(id);
        s.setValue(KeyDispenserServices, ids.join(u','));
        s.setValue(KeyPriorityButton, priorityButton);
        s.setValue(KeyPriority, priorityClass);
        s.setValue(KeyIdle, idleSeconds);
    }
    s.sync();
    if (s.status() != QSettings::NoError) {
        *error = QStringLiteral("cannot write %1").arg(filePath);
        return false;
    }
    return true;
}

void KioskConfig::addOptions(QCommandLineParser &parser)
{
    parser.addOptions({
        {{"c", "config"}, "Read settings from this INI file.", "file"},
        {{"s", "server"}, "Server address, e.g. http://127.0.0.1:8080.", "url"},
        {{"u", "user"}, "Kiosk device account (default: public rooms, no login).", "name"},
        {"password", "Password of the kiosk account (or NEXTUP_KIOSK_PASSWORD).", "password"},
        {"public", "Do not log in, even if the config file names an account."},
        {{"b", "branch"}, "Show this branch only (id).", "id"},
        {"branch-name", "Name shown in the header.", "text"},
        {"services", "Show these services only (ids, comma separated).", "ids"},
        {"counters", "Show calls of these counters only (ids, comma separated).", "ids"},
        {{"l", "language"}, "en, es or ar.", "lang"},
        {"voice", "Announce calls by voice (default)."},
        {"no-voice", "No voice (the chime still plays unless --no-chime)."},
        {"no-chime", "No chime before a call."},
        {"chime-only", "Chime and caption, no voice."},
        {"engine", "Qt TextToSpeech engine (e.g. flite), or none.", "name"},
        {"pin", "PIN of the on-screen settings panel.", "pin"},
        {"windowed", "Run in a window instead of full screen."},
        {"state-file", "Keep the last state here for an offline start (none: do not keep it).",
         "file"},
        {"mode", "board (default) or dispenser (touch screen that issues and prints tickets).",
         "mode"},
        {"printer", "Dispenser: ticket printer, e.g. tcp://192.168.1.50:9100?paper=80.", "url"},
        {"dispenser-services", "Dispenser: offer these services only (ids).", "ids"},
        {"priority", "Dispenser: show the assistance button, issuing with this priority (1..9).",
         "class"},
        {"idle", "Dispenser: seconds without a touch before the start screen (5..600).", "seconds"},
    });
}

bool KioskConfig::applyArguments(const QCommandLineParser &p, QString *error)
{
    if (p.isSet("config") && !loadFile(p.value("config"), error))
        return false;
    if (p.isSet("server") && !setUrl(p.value("server"), &serverUrl, error))
        return false;
    if (p.isSet("user"))
        username = p.value("user");
    const QString envPassword = qEnvironmentVariable("NEXTUP_KIOSK_PASSWORD");
    if (p.isSet("password"))
        password = p.value("password");
    else if (!envPassword.isEmpty())
        password = envPassword;
    if (p.isSet("public"))
        username.clear();
    bool ok = true;
    if (p.isSet("branch")) {
        branchId = p.value("branch").toInt(&ok);
        if (!ok || branchId < 0) {
            *error = QStringLiteral("--branch must be a branch id");
            return false;
        }
    }
    if (p.isSet("branch-name"))
        branchName = p.value("branch-name");
    if (p.isSet("services") && !parseIdList(p.value("services"), &serviceIds)) {
        *error = QStringLiteral("--services must be a list of ids");
        return false;
    }
    if (p.isSet("counters") && !parseIdList(p.value("counters"), &counterIds)) {
        *error = QStringLiteral("--counters must be a list of ids");
        return false;
    }
    if (p.isSet("language") && !setLanguage(p.value("language"), &language, error))
        return false;
    if (p.isSet("voice"))
        voice = true;
    if (p.isSet("no-voice"))
        voice = false;
    if (p.isSet("no-chime"))
        chime = false;
    if (p.isSet("chime-only"))
        voice = false, chime = true;
    if (p.isSet("engine"))
        speechEngine = p.value("engine");
    if (p.isSet("pin"))
        pin = p.value("pin");
    if (p.isSet("windowed"))
        fullScreen = false;
    if (p.isSet("state-file"))
        statePath = p.value("state-file");
    if (p.isSet("mode") && !setMode(p.value("mode"), &mode, error))
        return false;
    if (p.isSet("printer")) {
        printerUrl = p.value("printer").trimmed();
        if (!printerUrl.isEmpty() && !PrinterSettings::fromUrl(printerUrl)) {
            *error = QStringLiteral("--printer is not a printer URL: %1").arg(printerUrl);
            return false;
        }
    }
    if (p.isSet("dispenser-services") &&
        !parseIdList(p.value("dispenser-services"), &dispenserServiceIds)) {
        *error = QStringLiteral("--dispenser-services must be a list of ids");
        return false;
    }
    if (p.isSet("priority")) {
        if (!setBounded(p.value("priority"), 1, 9, &priorityClass)) {
            *error = QStringLiteral("--priority must be 1..9");
            return false;
        }
        priorityButton = true;
    }
    if (p.isSet("idle") && !setBounded(p.value("idle"), 5, 600, &idleSeconds)) {
        *error = QStringLiteral("--idle must be 5..600 seconds");
        return false;
    }
    return true;
}

} // namespace Nextup::Kiosk
