// The live board: set-up, shared helpers, and calls reaching the screen through events, through
// a server restart and through a resync. (Declarations and the suite's summary: tst_kiosk.h.)

#include "tst_kiosk.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QProcess>
#include <QQmlExtensionPlugin>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTest>

#include "announcementtext.h"
#include "announcer.h"
#include "callhistorymodel.h"
#include "nextup/client/apiclient.h"
#include "seededserver.h"

Q_IMPORT_QML_PLUGIN(Nextup_KioskPlugin)

using namespace Nextup::Kiosk;
using KioskTest::Board;

Nextup::Kiosk::KioskConfig TestKiosk::config(const QString &language) const
{
    KioskConfig c;
    c.serverUrl = m_server->baseUrl();
    c.branchName = QStringLiteral("Main Branch");
    c.language = language;
    c.voice = false; // the voice has its own test; the others stay quiet
    c.chime = false;
    c.statePath = freshStatePath();
    return c;
}

// libspeechd autospawns speech-dispatcher with its socket under XDG_RUNTIME_DIR and its settings
// from XDG_CONFIG_HOME: a daemon of the test's own, which speaks into ALSA's null device (this
// machine has no sound card; without a device that works the daemon hangs on its first
// sentence) and quits three seconds after the last board.
void TestKiosk::privateSpeechDispatcher(const QString &dir)
{
    QDir root(dir);
    QVERIFY(root.mkpath(QStringLiteral("run")) &&
            root.mkpath(QStringLiteral("config/speech-dispatcher")));
    QFile::setPermissions(root.filePath(QStringLiteral("run")),
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    QFile system(QStringLiteral("/etc/speech-dispatcher/speechd.conf"));
    QByteArray conf = system.open(QIODevice::ReadOnly) ? system.readAll() : QByteArray();
    conf += "\nAudioOutputMethod \"alsa\"\nAudioALSADevice \"null\"\nTimeout 3\n";
    QFile own(root.filePath(QStringLiteral("config/speech-dispatcher/speechd.conf")));
    QVERIFY(own.open(QIODevice::WriteOnly) && own.write(conf) == conf.size());
    qputenv("XDG_RUNTIME_DIR", QFile::encodeName(root.filePath(QStringLiteral("run"))));
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(root.filePath(QStringLiteral("config"))));
}

QString TestKiosk::freshStatePath() const
{
    return m_stateDir.filePath(QStringLiteral("board-%1.json").arg(++m_stateFiles));
}

QString TestKiosk::takeToken(int serviceId)
{
    const HttpReply reply =
        m_http->post(QStringLiteral("/api/tokens"), {{QStringLiteral("service_id"), serviceId}});
    if (reply.status != 201)
        qWarning() << "take token:" << reply.status << reply.body;
    return reply.object().value(u"token_number").toString();
}

QString TestKiosk::callNext(int counterId)
{
    const HttpReply serve =
        m_http->post(QStringLiteral("/api/counters/%1/serve").arg(counterId), {}, m_admin);
    Q_UNUSED(serve) // 409 when the counter had none
    const HttpReply reply =
        m_http->post(QStringLiteral("/api/counters/%1/call").arg(counterId), {}, m_admin);
    if (reply.status != 200)
        qWarning() << "call:" << reply.status << reply.body;
    return reply.object().value(u"token").toObject().value(u"token_number").toString();
}

bool TestKiosk::waitForData(Board &board)
{
    return QTest::qWaitFor([&] { return board.controller().hasData(); }, 5000);
}

QString TestKiosk::mismatchWithServer(Board &board)
{
    const HttpReply queues = m_http->get(QStringLiteral("/api/queues"));
    QStringList out;
    for (const QJsonValue &value : queues.object().value(u"services").toArray()) {
        const QJsonObject service = value.toObject();
        const QString code = service.value(u"code").toString();
        const QString shown = board.text(QStringLiteral("waiting_") + code);
        const int waiting = service.value(u"waiting").toInt();
        if (shown != QString::number(waiting))
            out << QStringLiteral("%1 waiting: server %2, board %3")
                       .arg(code)
                       .arg(waiting)
                       .arg(shown);
    }
    QStringList onBoard = board.controller().history()->summary();
    onBoard << board.controller().currentToken() + QStringLiteral(" @ ") +
                   board.controller().current().counterName;
    for (const QJsonValue &value : queues.object().value(u"counters").toArray()) {
        const QJsonObject counter = value.toObject();
        const QJsonObject current = counter.value(u"current_token").toObject();
        if (current.isEmpty())
            continue;
        const QString row = current.value(u"token_number").toString() + QStringLiteral(" @ ") +
                            counter.value(u"name").toString();
        if (!onBoard.contains(row))
            out << QStringLiteral("%1 not on the board (%2)").arg(row, onBoard.join(u", "));
    }
    return out.join(u"; ");
}

void TestKiosk::initTestCase()
{
    // Offscreen has no GPU: the software scene graph renders and grabs the same pixels.
    QQuickWindow::setGraphicsApi(QSGRendererInterface::Software);
    QVERIFY(m_runtimeDir.isValid());
    QVERIFY(m_stateDir.isValid());
    privateSpeechDispatcher(m_runtimeDir.path());
    if (QTest::currentTestFailed())
        return;
    QVERIFY(m_services.start());
    // Restarted in place: the board reconnects to the same address
    m_server = startSeededServer(m_services, QStringLiteral("t_kiosk"), {}, true);
    QVERIFY(m_server);
    m_http = std::make_unique<HttpClient>(m_server->baseUrl());
    m_admin = m_http->login(QStringLiteral("admin"), QStringLiteral("admin123"));
    QVERIFY(!m_admin.isEmpty());
    for (int counter = 1; counter <= 3; ++counter) {
        const HttpReply open =
            m_http->post(QStringLiteral("/api/counters/%1/open").arg(counter), {}, m_admin);
        QCOMPARE(open.status, 200);
    }
}

void TestKiosk::callShowsWithinOneSecond()
{
    KioskConfig c = config();
    c.username = QStringLiteral("kiosk"); // the device account of the demo data
    c.password = QStringLiteral("kiosk123");
    Board board(c, QSize(1920, 1080));
    QVERIFY2(board.isLoaded(), qPrintable(board.errors()));
    QVERIFY(waitForData(board));
    QTRY_VERIFY(board.controller().api()->isLoggedIn());
    QCOMPARE(board.controller().api()->role(), QStringLiteral("kiosk"));
    QVERIFY(!board.isShown(QStringLiteral("reconnectingMark")));
    QQuickItem *panel = board.item(QStringLiteral("nowServingPanel"));
    QVERIFY(panel);

    const QString first = takeToken(1);
    const QString second = takeToken(1);
    QVERIFY(!first.isEmpty() && !second.isEmpty());
    QElapsedTimer clock;
    clock.start();
    QCOMPARE(callNext(1), first);
    QTRY_COMPARE_WITH_TIMEOUT(board.text(QStringLiteral("currentToken")), first, 1000);
    QVERIFY2(clock.elapsed() < 1000, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(board.text(QStringLiteral("currentCounter")), QStringLiteral("Counter A"));
    QTRY_VERIFY_WITH_TIMEOUT(panel->property("flash").toDouble() > 0.5, 1000); // it flashes
    QTRY_COMPARE(board.text(QStringLiteral("captionText")),
                 QStringLiteral("Token ") + first + QStringLiteral(", counter A"));
    QCOMPARE(board.controller().announcer()->lastSpoken(), QStringLiteral("Token ") +
                                                               AnnouncementText::spell(first) +
                                                               QStringLiteral(", counter A"));

    // The next call takes the big panel; the first moves to the earlier calls.
    clock.restart();
    QCOMPARE(callNext(1), second);
    QTRY_COMPARE_WITH_TIMEOUT(board.text(QStringLiteral("currentToken")), second, 1000);
    QVERIFY2(clock.elapsed() < 1000, qPrintable(QString::number(clock.elapsed())));
    QTRY_COMPARE(board.text(QStringLiteral("historyToken_0")), first);
    QCOMPARE(board.text(QStringLiteral("historyCounter_0")), QStringLiteral("Counter A"));
    QTRY_COMPARE(mismatchWithServer(board), QString());

    // A recall flashes and announces the same call again.
    QTRY_VERIFY(!board.controller().announcer()->isBusy());
    const int serial = board.controller().callSerial();
    QCOMPARE(m_http->post(QStringLiteral("/api/counters/1/recall"), {}, m_admin).status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(board.controller().callSerial(), serial + 1, 1000);
    QCOMPARE(board.text(QStringLiteral("currentToken")), second);
    QTRY_VERIFY(
        board.controller().announcer()->isBusy() ||
        board.controller().announcer()->lastSpoken().contains(AnnouncementText::spell(second)));
}

void TestKiosk::serverRestartKeepsStateAndResyncs()
{
    Board board(config(), QSize(1920, 1080));
    QVERIFY2(board.isLoaded(), qPrintable(board.errors()));
    QVERIFY(waitForData(board));
    takeToken(2);
    const QString called = takeToken(3);
    takeToken(3);
    QCOMPARE(callNext(2), called);
    QTRY_COMPARE(board.text(QStringLiteral("currentToken")), called);
    QTRY_COMPARE(mismatchWithServer(board), QString());
    const QString waitingP = board.text(QStringLiteral("waiting_P"));

    m_server->stop();
    QTRY_VERIFY_WITH_TIMEOUT(board.isShown(QStringLiteral("reconnectingMark")), 3000);
    // The last state stays: no blank board, no error text.
    QTest::qWait(500);
    QCOMPARE(board.text(QStringLiteral("currentToken")), called);
    QCOMPARE(board.text(QStringLiteral("waiting_P")), waitingP);
    QVERIFY(board.isShown(QStringLiteral("currentToken")));

    QVERIFY(m_server->start());
    // Changes made right after the restart reach the board by event or by the resync.
    const QString next = callNext(2);
    QVERIFY(!next.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(!board.isShown(QStringLiteral("reconnectingMark")), 5000);
    QTRY_COMPARE(board.text(QStringLiteral("currentToken")), next);
    QTRY_COMPARE(mismatchWithServer(board), QString());
}

void TestKiosk::missedCallsArriveSilently()
{
    Board board(config(), QSize(1920, 1080));
    QVERIFY2(board.isLoaded(), qPrintable(board.errors()));
    QVERIFY(waitForData(board));
    takeToken(1);
    const QString heard = callNext(3);
    QTRY_COMPARE(board.text(QStringLiteral("currentToken")), heard);
    QTRY_VERIFY(!board.controller().announcer()->isBusy());
    const QString lastSpoken = board.controller().announcer()->lastSpoken();

    // The board is away (its connection stops) while a call happens.
    board.controller().queueClient()->stop();
    QTRY_VERIFY(board.isShown(QStringLiteral("reconnectingMark")));
    takeToken(2);
    const QString missed = callNext(3);
    takeToken(3);
    QTest::qWait(300);
    QCOMPARE(board.text(QStringLiteral("currentToken")), heard);

    // Back: the snapshot brings the call and the counts, and nobody announces a stale call.
    const int serial = board.controller().callSerial();
    board.controller().queueClient()->start();
    QTRY_VERIFY_WITH_TIMEOUT(!board.isShown(QStringLiteral("reconnectingMark")), 3000);
    QTRY_COMPARE(board.text(QStringLiteral("currentToken")), missed);
    QTRY_COMPARE(board.text(QStringLiteral("historyToken_0")), heard);
    QTRY_COMPARE(mismatchWithServer(board), QString());
    QCOMPARE(board.controller().callSerial(), serial);
    QCOMPARE(board.controller().announcer()->lastSpoken(), lastSpoken);
}

void TestKiosk::filters()
{
    KioskConfig c = config();
    c.counterIds = {2}; // Counter B: Passbook only
    c.serviceIds = {3};
    Board board(c, QSize(1920, 1080));
    QVERIFY2(board.isLoaded(), qPrintable(board.errors()));
    QVERIFY(waitForData(board));
    QVERIFY(board.item(QStringLiteral("waiting_P")));
    QVERIFY(!board.item(QStringLiteral("waiting_D")));
    QVERIFY(!board.item(QStringLiteral("waiting_W")));

    takeToken(1);
    takeToken(3);
    const QString otherCounter = callNext(1);
    const QString shown = callNext(2);
    QVERIFY(!otherCounter.isEmpty() && !shown.isEmpty());
    QTRY_COMPARE(board.text(QStringLiteral("currentToken")), shown);
    QTest::qWait(300);
    QVERIFY2(!board.controller().history()->summary().join(u",").contains(otherCounter),
             "a call at a counter the board does not show");
    QVERIFY(board.controller().currentToken() == shown);
}

// The application itself: Main.qml loads, the board runs against the server with the device
// account, and nothing prints a QML error.
void TestKiosk::appStarts()
{
    KioskTest::runUntilSignedIn(
        {QStringLiteral("--server"), m_server->baseUrl().toString(), QStringLiteral("--user"),
         QStringLiteral("kiosk"), QStringLiteral("--windowed"), QStringLiteral("--no-voice"),
         QStringLiteral("--no-chime"), QStringLiteral("--language"), QStringLiteral("ar"),
         QStringLiteral("--state-file"), freshStatePath()});
}

QTEST_MAIN(TestKiosk)
