// nextup-console: wires the settings, the language, the keychain and the window together.

#include "app/consolesettings.h"
#include "app/mainwindow.h"
#include "app/translations.h"
#include "session/credentialstore.h"

#include <QApplication>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Nextup"));
    QApplication::setApplicationName(QStringLiteral("nextup-console"));
    QApplication::setApplicationDisplayName(QStringLiteral("Nextup console"));

    Nextup::Console::ConsoleSettings settings;
    Nextup::Console::Translations translations;
    translations.apply(settings.language());
    Nextup::Console::CredentialStore keychain;
    Nextup::Console::MainWindow window(&settings, &translations, &keychain);
    window.show();
    window.start();
    return QApplication::exec();
}
