// nextup-dispenserlatency: how long a customer waits at the dispenser. Each "touch" is
// DispenserController::take() — the dispenser's own code, without its QML — and is timed until
// the token's answer (issued) and until the ticket's last bytes (the cut) reach a thermal printer
// on a loopback port, while a moderate token load runs against the same server from another
// thread. It starts its own private Postgres, Redis and seeded nextup-server (tests/support), as
// the integration tests do. Prints p50/p99/max; asserts nothing.
//
//   nextup-dispenserlatency [--touches 200] [--load-connections 4] [--load-interval-ms 40]
//   (NEXTUP_SERVER_BIN and NEXTUP_SQL_DIR as for the tests)

#include <cstdio>
#include <functional>

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>

#include "dispensercontroller.h"
#include "httpload.h"
#include "latencystats.h"
#include "nextup/client/apiclient.h"
#include "seededserver.h"
#include "testservices.h"

using namespace Nextup::Kiosk;

namespace {

// A receipt printer that only notes when a ticket's cut (GS V) arrived.
class CutListener : public QObject
{
    Q_OBJECT

public:
    bool listen() { return m_server.listen(QHostAddress::LocalHost); }
    quint16 port() const { return m_server.serverPort(); }
    CutListener()
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
                    m_bytes += socket->readAll();
                    if (m_bytes.contains("\x1dV")) {
                        m_bytes.clear();
                        emit cut();
                    }
                });
            }
        });
    }

signals:
    void cut();

private:
    QTcpServer m_server;
    QByteArray m_bytes;
};

bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    while (!done() && clock.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 20);
    return done();
}

} // namespace

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv); // tickets are laid out with fonts
    QCommandLineParser parser;
    parser.addOptions(
        {{"touches", "Touches to time (default 200).", "n", "200"},
         {"load-connections", "Token load connections (default 4).", "n", "4"},
         {"load-interval-ms", "Each load connection's pace (default 40 ms).", "ms", "40"},
         {"service", "Service the dispenser issues for (default 1).", "id", "1"}});
    parser.addHelpOption();
    parser.process(app);
    const int touches = qBound(1, parser.value("touches").toInt(), 5000);

    TestServices services;
    if (!services.start())
        return 1;
    std::unique_ptr<ServerProcess> server =
        startSeededServer(services, QStringLiteral("b_dispenser"));
    if (!server)
        return 1;
    CutListener printer;
    if (!printer.listen())
        return 1;

    KioskConfig config;
    config.mode = QStringLiteral("dispenser");
    config.serverUrl = server->baseUrl();
    config.username = QStringLiteral("kiosk");
    config.password = QStringLiteral("kiosk123");
    config.branchId = 1;
    config.branchName = QStringLiteral("Main Branch");
    config.printerUrl =
        QStringLiteral("tcp://127.0.0.1:%1?paper=80&status=off").arg(printer.port());
    config.statePath = QStringLiteral("none");
    DispenserController dispenser(config);
    dispenser.start();
    if (!waitFor([&] { return dispenser.canIssue(); }, 15000)) {
        std::fputs("the dispenser never became ready\n", stderr);
        return 1;
    }

    // The moderate load: anonymous walk-ins on every service, on a thread of its own so that it
    // does not share the dispenser's event loop.
    HttpLoadOptions load;
    load.port = quint16(server->baseUrl().port());
    load.method = "POST";
    load.path = "/api/tokens";
    load.bodies = {R"({"service_id":1})", R"({"service_id":2})", R"({"service_id":3})"};
    load.connections = parser.value("load-connections").toInt();
    load.intervalMs = parser.value("load-interval-ms").toInt();
    load.durationSeconds = 3600; // stopped when the touches are done
    // HttpLoad and its sockets are made, used and deleted on the load thread.
    QThread loadThread;
    QObject loadHome;
    loadHome.moveToThread(&loadThread);
    loadThread.start();
    HttpLoad *httpLoad = nullptr;
    QMetaObject::invokeMethod(
        &loadHome,
        [&] {
            httpLoad = new HttpLoad(load, &loadHome);
            httpLoad->start();
        },
        Qt::BlockingQueuedConnection);
    QThread::msleep(1000); // the load settles first

    LatencyStats issuedStats;
    LatencyStats printedStats;
    QElapsedTimer clock;
    bool issued = false;
    bool cut = false;
    QObject::connect(&dispenser, &DispenserController::ticketChanged, &dispenser, [&] {
        if (!issued && dispenser.screen() != u"start") {
            issued = true;
            issuedStats.add(clock.nsecsElapsed() / 1000, 201, true);
        }
    });
    QObject::connect(&printer, &CutListener::cut, &dispenser, [&] {
        cut = true;
        printedStats.add(clock.nsecsElapsed() / 1000, 200, true);
    });
    int failures = 0;
    QElapsedTimer total;
    total.start();
    for (int i = 0; i < touches; ++i) {
        issued = cut = false;
        clock.start();
        if (!dispenser.take(parser.value("service").toInt()) ||
            !waitFor([&] { return issued && cut; }, 10000))
            ++failures;
        dispenser.reset();
        waitFor([&] { return dispenser.screen() == u"start"; }, 5000);
    }
    const double seconds = total.elapsed() / 1000.0;
    qint64 loadSent = 0;
    QMetaObject::invokeMethod(
        &loadHome,
        [&] {
            loadSent = httpLoad->requestsSent();
            delete httpLoad;
        },
        Qt::BlockingQueuedConnection);
    loadThread.quit();
    loadThread.wait();

    std::printf("dispenser: %d touches in %.1f s, %d failed; token load %.0f req/s from %d "
                "connections\n",
                touches, seconds, failures, loadSent / (seconds + 1.0), load.connections);
    std::printf("touch -> token issued:       p50 %.1f ms, p99 %.1f ms, max %.1f ms\n",
                issuedStats.percentileMs(50), issuedStats.percentileMs(99), issuedStats.maxMs());
    std::printf("touch -> ticket at printer:  p50 %.1f ms, p99 %.1f ms, max %.1f ms "
                "(target p99 < 300 ms)\n",
                printedStats.percentileMs(50), printedStats.percentileMs(99), printedStats.maxMs());
    std::printf("%s\n%s\n",
                issuedStats.resultLine(QStringLiteral("dispenser_issued"), seconds).constData(),
                printedStats.resultLine(QStringLiteral("dispenser_printed"), seconds).constData());
    return failures == 0 ? 0 : 3;
}

#include "dispenserlatency.moc"
