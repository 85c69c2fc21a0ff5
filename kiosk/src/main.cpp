// nextup-kiosk: reads the configuration, then wires the board controller, the translation and
// the QML window together. Everything else lives in nextup_kiosk_core.

#include <cstdio>

#include <QCommandLineParser>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQmlExtensionPlugin>
#include <QSysInfo>

#include "boardcontroller.h"
#include "kioskconfig.h"
#include "kioskqml.h"
#include "localizer.h"
#include "nextup/client/devicereporter.h"

Q_IMPORT_QML_PLUGIN(Nextup_KioskPlugin)

using namespace Nextup::Kiosk;

int main(int argc, char *argv[])
{
    // The arguments are read before the GUI starts, so --help and a bad option work on a box
    // without a display.
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Nextup \"Now Serving\" lobby board"));
    const QCommandLineOption help = parser.addHelpOption();
    KioskConfig::addOptions(parser);
    KioskConfig config;
    QString error;
    if (!parser.parse(arguments)) {
        error = parser.errorText();
    } else if (parser.isSet(help)) {
        std::fputs(qPrintable(parser.helpText().replace(QStringLiteral("<executable_name>"),
                                                        QStringLiteral("nextup-kiosk"))),
                   stdout);
        return 0;
    } else {
        config.applyArguments(parser, &error);
    }
    if (!error.isEmpty()) {
        std::fprintf(stderr, "nextup-kiosk: %s\n", qPrintable(error));
        return 2;
    }

    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("nextup-kiosk"));
    // Docks and taskbars (Wayland) match the window to its menu entry and icon by this name.
    QGuiApplication::setDesktopFileName(QStringLiteral("org.nextup.Kiosk"));
    QGuiApplication::setOrganizationName(QStringLiteral("Nextup"));

    QQmlApplicationEngine engine;
    prepareEngine(engine);
    Localizer localizer;
    localizer.setEngine(&engine);
    localizer.setLanguage(config.language);

    BoardController board(config);
    QObject::connect(&board, &BoardController::languageRequested, &localizer,
                     &Localizer::setLanguage);
    engine.setInitialProperties({{QStringLiteral("controller"), QVariant::fromValue(&board)},
                                 {QStringLiteral("fullScreen"), config.fullScreen}});
    engine.load(QUrl(QString::fromLatin1(MainQmlUrl)));
    if (engine.rootObjects().isEmpty())
        return 1;
    board.start();
    // A board signed in with a kiosk account tells the server it is there (the console's
    // Devices page); a public one has no account to report with.
    std::unique_ptr<Nextup::DeviceReporter> reporter;
    if (!config.isPublic())
        reporter = std::make_unique<Nextup::DeviceReporter>(
            board.api(),
            Nextup::DeviceReporter::Identity{
                Nextup::DeviceReporter::stableId(QStringLiteral("board"), QStringLiteral("board")),
                QSysInfo::machineHostName(), config.branchId, QStringLiteral("board"),
                QStringLiteral(NEXTUP_VERSION)});
    return app.exec();
}
