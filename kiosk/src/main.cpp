// nextup-kiosk: reads the configuration, then wires the board (or, with --mode dispenser, the
// ticket dispenser) controller, the translation and the QML window together. Everything else
// lives in nextup_kiosk_core.

#include <cstdio>

#include <QCommandLineParser>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQmlExtensionPlugin>
#include <QSysInfo>

#include "boardcontroller.h"
#include "dispensercontroller.h"
#include "kioskconfig.h"
#include "kioskqml.h"
#include "localizer.h"
#include "nextup/client/devicereporter.h"

Q_IMPORT_QML_PLUGIN(Nextup_KioskPlugin)

using namespace Nextup::Kiosk;

namespace {

// Dispenser mode: signed in with the kiosk account (it needs one: issuing with a priority and the
// device report are a kiosk's rights), reporting itself and its printer through its controller.
int runDispenser(QGuiApplication &app, QQmlApplicationEngine &engine, Localizer &localizer,
                 const KioskConfig &config)
{
    if (config.isPublic()) {
        std::fputs("nextup-kiosk: dispenser mode needs the kiosk account (--user)\n", stderr);
        return 2;
    }
    DispenserController dispenser(config);
    QObject::connect(&dispenser, &DispenserController::languageRequested, &localizer,
                     &Localizer::setLanguage);
    engine.setInitialProperties({{QStringLiteral("controller"), QVariant::fromValue(&dispenser)},
                                 {QStringLiteral("fullScreen"), config.fullScreen}});
    engine.load(QUrl(QString::fromLatin1(DispenserMainQmlUrl)));
    if (engine.rootObjects().isEmpty())
        return 1;
    dispenser.start();
    return app.exec();
}

} // namespace

int main(int argc, char *argv[])
{
    // The arguments are read before the GUI starts, so --help and a bad option work on a box
    // without a display.
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Nextup \"Now Serving\" lobby board, or ticket dispenser (--mode dispenser)"));
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
    QGuiApplication::setApplicationVersion(QStringLiteral(NEXTUP_VERSION));

    QQmlApplicationEngine engine;
    prepareEngine(engine);
    Localizer localizer;
    localizer.setEngine(&engine);
    localizer.setLanguage(config.language);

    if (config.isDispenser())
        return runDispenser(app, engine, localizer, config);

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
