// nextup-console: reads the command line, then wires the settings, the language, the keychain and
// the window together. --help, --version and a wrong argument are answered before the
// QApplication exists, so they work without a display.

#include <cstdio>

#include <QApplication>

#include "app/commandline.h"
#include "app/consolesettings.h"
#include "app/mainwindow.h"
#include "app/translations.h"
#include "session/credentialstore.h"

namespace {
void print(std::FILE *stream, const QString &text)
{
    std::fputs(text.toLocal8Bit().constData(), stream);
    if (!text.endsWith(u'\n'))
        std::fputc('\n', stream);
}
} // namespace

int main(int argc, char *argv[])
{
    using Nextup::Console::CommandLine;
    using Action = Nextup::Console::CommandLineOptions::Action;

    const CommandLine::Result command = CommandLine::parse(CommandLine::arguments(argc, argv));
    if (!command.ok()) {
        print(stderr, QStringLiteral("nextup-console: ") + command.error);
        print(stderr, QStringLiteral("Try 'nextup-console --help'."));
        return CommandLine::kUsageError;
    }
    if (command.options.action == Action::ShowHelp) {
        print(stdout, CommandLine::helpText());
        return 0;
    }
    if (command.options.action == Action::ShowVersion) {
        print(stdout, CommandLine::versionText());
        return 0;
    }

    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Nextup"));
    QApplication::setApplicationName(QStringLiteral("nextup-console"));
    QApplication::setApplicationDisplayName(QStringLiteral("Nextup console"));
    QApplication::setApplicationVersion(CommandLine::versionText().section(u' ', 1));

    Nextup::Console::ConsoleSettings settings;
    settings.overrideServerUrl(command.options.server);
    settings.overrideLanguage(command.options.language);
    Nextup::Console::Translations translations;
    translations.apply(settings.language());
    Nextup::Console::CredentialStore keychain;
    Nextup::Console::MainWindow window(&settings, &translations, &keychain);
    window.show();
    window.start();
    return QApplication::exec();
}
