// nextup-server: parses its configuration and runs one of serve | migrate | seed.
#include "app/application.h"
#include "app/config.h"
#include "auth/securerandom.h"
#include "store/database.h"
#include "store/migrator.h"

#include <QCoreApplication>
#include <QSocketNotifier>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace {
int g_signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(g_signalPipe[1], &byte, 1);
}

// SIGTERM/SIGINT end the event loop cleanly (workers finish, connections close).
void quitOnSignals(QCoreApplication &app)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalPipe) != 0)
        return;
    auto *notifier = new QSocketNotifier(g_signalPipe[0], QSocketNotifier::Read, &app);
    QObject::connect(notifier, &QSocketNotifier::activated, &app, &QCoreApplication::quit);
    std::signal(SIGTERM, onSignal);
    std::signal(SIGINT, onSignal);
    std::signal(SIGPIPE, SIG_IGN);
}

int runOnce(const Config &config)
{
    Database db(config.database, QStringLiteral("nextup-cli"));
    if (config.command == u"migrate") {
        auto applied = Migrator(db, config.sqlDir).migrate();
        if (!applied.ok()) {
            qCritical("migrate failed: %s", qPrintable(applied.error().message));
            return 1;
        }
        qInfo("migrate: %lld migration(s) applied%s", qint64(applied->size()),
              applied->isEmpty() ? " (schema up to date)" : "");
        for (const QString &name : *applied)
            qInfo("  %s", qPrintable(name));
        return 0;
    }
    auto seeded = Seeder(db, config.sqlDir).seed();
    if (!seeded.ok()) {
        qCritical("seed failed: %s", qPrintable(seeded.error().message));
        return 1;
    }
    qInfo(*seeded ? "seed: demo data loaded" : "seed: database already has users; nothing changed");
    return 0;
}
} // namespace

int main(int argc, char *argv[])
{
    // Without TZ, glibc's tzset() (which Qt calls on every local-time conversion, several per
    // token row read from Postgres) stats /etc/localtime each time: 2 us a call, 5% of the
    // server's CPU when issuing tokens. Naming the same file explicitly makes it read once; a
    // change of the system's zone then needs a restart, like any other configuration.
    if (!qEnvironmentVariableIsSet("TZ"))
        qputenv("TZ", ":/etc/localtime");
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("nextup-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(NEXTUP_VERSION));
    SecureRandom::ensureInitialised();

    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.contains(u"--help") || arguments.contains(u"-h")) {
        fputs(qPrintable(Config::usage()), stdout);
        return 0;
    }
    auto config = Config::load(arguments, QProcessEnvironment::systemEnvironment());
    if (!config.ok()) {
        fprintf(stderr, "nextup-server: %s\n", qPrintable(config.error().message));
        return 2;
    }
    if (config->command != u"serve")
        return runOnce(*config);

    quitOnSignals(app);
    Application server(*config);
    if (!server.start())
        return 1;
    return app.exec();
}
