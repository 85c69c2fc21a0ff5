// nextup-server: parses its configuration and runs one of serve | migrate | seed | create-admin |
// healthcheck.
#include <csignal>

#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <QCoreApplication>
#include <QSocketNotifier>

#include "app/application.h"
#include "app/clicommands.h"
#include "app/config.h"
#include "auth/securerandom.h"

using namespace Nextup;

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

// Every WebSocket is a descriptor: a lobby of phones passes the usual soft limit of 1024 long
// before the hard limit (65536 under the packaged unit and compose). Raising the soft limit to the
// hard one needs no privilege.
void raiseOpenFileLimit()
{
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur >= limit.rlim_max)
        return;
    const rlim_t before = limit.rlim_cur;
    limit.rlim_cur = limit.rlim_max;
    if (::setrlimit(RLIMIT_NOFILE, &limit) != 0)
        qWarning("Could not raise the open-file limit above %llu.",
                 static_cast<unsigned long long>(before));
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
    // Qt's glib event dispatcher keeps its socket notifiers in a list: turning one off searches
    // all of them, and every loop iteration walks them all, twice. With 10,000 WebSockets
    // (20,000 notifiers) that was the top of the profile, and glib's bookkeeping cost ~4 KB of
    // memory per socket. Qt's own UNIX dispatcher keeps them in a hash (bench/README.md,
    // "WebSocket fan-out at scale"; plain HTTP got faster too). QT_NO_GLIB set but empty keeps
    // glib's, for a comparison.
    if (!qEnvironmentVariableIsSet("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("nextup-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(NEXTUP_VERSION));
    SecureRandom::ensureInitialised();

    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.contains(u"--help") || arguments.contains(u"-h")) {
        fputs(qPrintable(Config::usage()), stdout);
        return 0;
    }
    if (arguments.contains(u"--version")) {
        fputs("nextup-server " NEXTUP_VERSION "\n", stdout);
        return 0;
    }
    auto config = Config::load(arguments, QProcessEnvironment::systemEnvironment());
    if (!config.ok()) {
        fprintf(stderr, "nextup-server: %s\n", qPrintable(config.error().message));
        return 2;
    }
    if (config->command != u"serve")
        return CliCommands::run(*config);

    raiseOpenFileLimit();
    quitOnSignals(app);
    Application server(*config);
    if (!server.start())
        return 1;
    return app.exec();
}
