#include "app/commandline.h"

#include <QCommandLineOption>
#include <QCommandLineParser>

#include "app/consolesettings.h"
#include "app/translations.h"

#ifndef NEXTUP_VERSION
#error "NEXTUP_VERSION must be defined by the build (PROJECT_VERSION)"
#endif

namespace Nextup::Console {

namespace {
const QString kHelp = QStringLiteral("help");
const QString kVersion = QStringLiteral("version");
const QString kServer = QStringLiteral("server");
const QString kLanguage = QStringLiteral("language");

// QGuiApplication's and QApplication's own options: QApplication takes them out of argv later.
// Listed here so that they are not refused as unknown ones.
struct QtOption
{
    const char *name;
    bool takesValue;
};
constexpr QtOption kQtOptions[] = {
    {"platform", true},        {"platformpluginpath", true},
    {"platformtheme", true},   {"plugin", true},
    {"qwindowgeometry", true}, {"qwindowicon", true},
    {"qwindowtitle", true},    {"display", true},
    {"geometry", true},        {"session", true},
    {"style", true},           {"stylesheet", true},
    {"qmljsdebugger", true},   {"reverse", false},
    {"widgetcount", false},    {"nograb", false},
    {"dograb", false},         {"sync", false},
};
} // namespace

QStringList CommandLine::arguments(int argc, const char *const argv[])
{
    QStringList list;
    list.reserve(argc);
    for (int i = 0; i < argc; ++i)
        list.append(QString::fromLocal8Bit(argv[i]));
    return list;
}

QString CommandLine::checkServerUrl(const QString &text, QUrl *url)
{
    const QUrl parsed(text.trimmed(), QUrl::StrictMode);
    const QString scheme = parsed.scheme().toLower();
    const auto bad = [&text](const QString &why) {
        return tr("--server: \"%1\" is not a server address (%2). Give one such as "
                  "http://127.0.0.1:8080 or https://queue.example.org.")
            .arg(text, why);
    };
    if (text.trimmed().isEmpty())
        return tr("--server needs an address, such as http://127.0.0.1:8080.");
    if (!parsed.isValid())
        return bad(parsed.errorString());
    if (scheme != u"http" && scheme != u"https")
        return bad(tr("it must start with http:// or https://"));
    if (parsed.host().isEmpty())
        return bad(tr("no host"));
    if (!parsed.userInfo().isEmpty())
        return bad(tr("user names and passwords do not belong in it"));
    if (parsed.hasQuery() || parsed.hasFragment())
        return bad(tr("no query or fragment"));
    if (url)
        *url = ConsoleSettings::normalizedServer(parsed);
    return {};
}

CommandLine::Result CommandLine::parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    // "-platform offscreen" as Qt writes its options; "--server=URL" and "--server URL" both work.
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addOption({{QStringLiteral("h"), kHelp}, QString()});
    parser.addOption({kVersion, QString()});
    parser.addOption({kServer, QString(), QStringLiteral("url")});
    parser.addOption({kLanguage, QString(), QStringLiteral("code")});
    for (const QtOption &qt : kQtOptions) {
        QCommandLineOption option(QString::fromLatin1(qt.name));
        if (qt.takesValue)
            option.setValueName(QStringLiteral("value"));
        parser.addOption(option);
    }

    Result result;
    if (!parser.parse(arguments)) {
        result.error = parser.errorText();
        return result;
    }
    if (!parser.positionalArguments().isEmpty()) {
        result.error = tr("Unexpected argument \"%1\".").arg(parser.positionalArguments().first());
        return result;
    }
    // Asking for help or the version is never an error, whatever else is on the line.
    if (parser.isSet(kHelp)) {
        result.options.action = CommandLineOptions::Action::ShowHelp;
        return result;
    }
    if (parser.isSet(kVersion)) {
        result.options.action = CommandLineOptions::Action::ShowVersion;
        return result;
    }
    if (parser.isSet(kServer)) {
        // The last one wins, as with most programs.
        result.error = checkServerUrl(parser.values(kServer).constLast(), &result.options.server);
        if (!result.ok())
            return result;
    }
    if (parser.isSet(kLanguage)) {
        const QString code = parser.values(kLanguage).constLast().trimmed().toLower();
        if (!Translations::languages().contains(code)) {
            result.error = tr("--language: \"%1\" is not one of the console's languages (%2).")
                               .arg(parser.values(kLanguage).constLast(),
                                    Translations::languages().join(QStringLiteral(", ")));
            return result;
        }
        result.options.language = code;
    }
    return result;
}

QString CommandLine::helpText()
{
    return tr("Usage: nextup-console [options]\n"
              "The Nextup desktop console for counter staff and administrators.\n"
              "\n"
              "Options:\n"
              "  -h, --help          Show this help and exit.\n"
              "      --version       Show the version and exit.\n"
              "      --server URL    Use this server for this run instead of the saved one\n"
              "                      (http:// or https://, e.g. http://127.0.0.1:8080).\n"
              "      --language LANG Use this language for this run: %1.\n"
              "\n"
              "Neither option changes the saved settings. Qt's own options (-platform, -style,\n"
              "-reverse, ...) are accepted too. Exit status: 0, or %2 for a wrong argument.\n")
        .arg(Translations::languages().join(QStringLiteral(", ")))
        .arg(kUsageError);
}

QString CommandLine::versionText()
{
    return QStringLiteral("nextup-console " NEXTUP_VERSION);
}

} // namespace Nextup::Console
