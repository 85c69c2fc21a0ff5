// The ticket dispenser (kiosk --mode dispenser): the real Dispenser.qml offscreen, a real seeded
// server, and the fake thermal printer of tests/printing on a loopback port. A touch issues exactly
// one token and prints it (QR = the token's own link, cut); a retried touch creates nothing more;
// printer trouble still shows the number and QR and reaches staff as a device alert; scanned
// receipts check in or say why not; an offline start shows "unavailable" and the saved lines;
// idle reset; the assistance button's priority; Arabic mirrored; every control named; screenshots
// of each screen in en, es and ar, and PNGs of the tickets the dispenser printed.

#include <memory>

#include <QAccessible>
#include <QDir>
#include <QJsonArray>
#include <QProcess>
#include <QQmlExtensionPlugin>
#include <QQuickItem>
#include <QQuickView>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include "dispensercontroller.h"
#include "fakethermalprinter.h"
#include "httpclient.h"
#include "kioskqml.h"
#include "kiosktest.h"
#include "localizer.h"
#include "nextup/client/apiclient.h"
#include "nextup/client/devicereporter.h"
#include "nextup/client/tokenjobs.h"
#include "seededserver.h"
#include "testservices.h"
#include "ticketrenderer.h"
#include "tokenissuer.h"

Q_IMPORT_QML_PLUGIN(Nextup_KioskPlugin)

using namespace Nextup::Kiosk;

namespace {

// One dispenser as the app runs it: controller, translation and the real Dispenser.qml in an
// offscreen view (portrait, as dispensers stand).
class Dispenser
{
public:
    Dispenser(const KioskConfig &config, QSize size = QSize(1080, 1920))
        : m_localizer(std::make_unique<Localizer>()),
          m_controller(std::make_unique<DispenserController>(config)),
          m_view(std::make_unique<QQuickView>())
    {
        prepareEngine(*m_view->engine());
        m_localizer->setEngine(m_view->engine());
        m_localizer->setLanguage(config.language);
        QObject::connect(m_controller.get(), &DispenserController::languageRequested,
                         m_localizer.get(), &Localizer::setLanguage);
        m_view->setInitialProperties(
            {{QStringLiteral("controller"), QVariant::fromValue(m_controller.get())}});
        m_view->setResizeMode(QQuickView::SizeRootObjectToView);
        m_view->resize(size);
        m_view->setSource(QUrl(QString::fromLatin1(DispenserQmlUrl)));
        for (const QQmlError &error : m_view->errors())
            m_errors += error.toString() + u'\n';
        m_loaded = m_view->status() == QQuickView::Ready && m_view->rootObject();
        m_view->show();
        m_controller->setQueueTiming(KioskTest::fastTiming());
        DispenserController::Timing timing;
        timing.loginRetryMs = 300;
        timing.issueAttemptMs = 3000;
        timing.issueRetryMs = 100;
        m_controller->setTiming(timing);
        m_controller->start();
    }
    ~Dispenser()
    {
        m_view.reset();
        m_controller.reset();
    }
    Q_DISABLE_COPY_MOVE(Dispenser)

    bool isLoaded() const { return m_loaded; }
    QString errors() const { return m_errors; }
    DispenserController &controller() { return *m_controller; }
    QQuickView &view() { return *m_view; }
    QQuickItem *root() const { return m_view->rootObject(); }
    QQuickItem *item(const QString &name) const { return KioskTest::findItem(root(), name); }
    QString text(const QString &name) const
    {
        QQuickItem *found = item(name);
        return found ? found->property("text").toString()
                     : QStringLiteral("<missing %1>").arg(name);
    }
    bool isShown(const QString &name) const
    {
        for (QQuickItem *found = item(name); found; found = found->parentItem()) {
            if (!found->isVisible())
                return false;
            if (found == root())
                return true;
        }
        return false;
    }
    // A finger on the item's centre.
    bool touch(const QString &name)
    {
        // A new row is placed by its Column at the next polish: let a frame pass first.
        QTest::qWait(50);
        QQuickItem *found = item(name);
        if (!found || !isShown(name))
            return false;
        const QPointF centre = found->mapToScene(QPointF(found->width() / 2, found->height() / 2));
        QTest::mouseClick(m_view.get(), Qt::LeftButton, {}, centre.toPoint());
        return true;
    }
    bool shoot(const QString &path)
    {
        QTest::qWait(100); // the last frame of the screen change
        return m_view->grabWindow().save(path);
    }

private:
    std::unique_ptr<Localizer> m_localizer;
    std::unique_ptr<DispenserController> m_controller;
    std::unique_ptr<QQuickView> m_view;
    QString m_errors;
    bool m_loaded = false;
};

// A loopback hop in front of the server whose first two connections lose the answer: the
// request reaches the server (which acts on it), then the connection to the client is cut before
// the answer is relayed, as a flaky Wi-Fi would. Later connections pass both ways. (Two, because
// Qt's network access resends a request once by itself when a kept-alive connection closes
// before any answer; the second loss reaches the TokenIssuer.)
class LosingProxy : public QObject
{
public:
    explicit LosingProxy(quint16 serverPort) : m_serverPort(serverPort)
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *client = m_server.nextPendingConnection()) {
                const bool lose = m_connections++ < 2;
                auto *upstream = new QTcpSocket(client);
                upstream->connectToHost(QHostAddress::LocalHost, m_serverPort);
                connect(client, &QTcpSocket::readyRead, upstream,
                        [client, upstream] { upstream->write(client->readAll()); });
                connect(upstream, &QTcpSocket::readyRead, client, [client, upstream, lose] {
                    const QByteArray answer = upstream->readAll();
                    if (lose)
                        client->abort(); // the server answered; the client never hears it
                    else
                        client->write(answer);
                });
                connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
            }
        });
    }
    bool listen() { return m_server.listen(QHostAddress::LocalHost); }
    quint16 port() const { return m_server.serverPort(); }
    int connections() const { return m_connections; }

private:
    QTcpServer m_server;
    quint16 m_serverPort;
    int m_connections = 0;
};

QString shotDir(const char *area)
{
    QString dir = QStringLiteral(NEXTUP_SCREENSHOT_ROOT "/") + QLatin1String(area);
    QDir().mkpath(dir);
    return dir;
}

} // namespace

class TestDispenser : public QObject
{
    Q_OBJECT

private:
    KioskConfig config(const QString &language = QStringLiteral("en")) const;
    QString printerUrl() const
    {
        return QStringLiteral("tcp://127.0.0.1:%1?paper=80&status=off").arg(m_printer->port());
    }
    int tokenCount();
    struct Booked
    {
        qint64 id = 0;
        QString number;
        QString link;
    };
    Booked book(int serviceId, int minutesAhead);
    Booked walkIn(int serviceId);
    Booked issued(const QJsonObject &body); // POST /api/tokens
    bool ready(Dispenser &dispenser)
    {
        return QTest::qWaitFor([&] { return dispenser.controller().canIssue(); }, 10000);
    }
    bool runSql(const QString &sql);

private slots:
    void initTestCase();
    void init() { m_printer->clear(); }
    void cleanup() { m_server->dumpIfFailed(); }

    void touchIssuesAndPrintsOnce();
    void retryWithTheSameKeyCreatesNothing();
    void lostAnswerIsRetriedWithTheSameKey();
    void configAndExample();
    void appStartsAsDispenser();
    void printerTroubleShowsNumberAndAlertsStaff();
    void scan_data();
    void scan();
    void idleReset();
    void priorityButton();
    void arabicIsMirrored();
    void everyControlIsNamed();
    void settingsAreSaved();
    void screenshots_data();
    void screenshots();
    void offlineStartShowsUnavailable(); // last: stops and restarts the server

private:
    TestServices m_services;
    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<HttpClient> m_http;
    std::unique_ptr<FakeThermalPrinter> m_printer;
    QString m_admin;
    QTemporaryDir m_dir;
    mutable int m_files = 0;
    int m_foreignService = 0;
};

KioskConfig TestDispenser::config(const QString &language) const
{
    KioskConfig c;
    c.mode = QStringLiteral("dispenser");
    c.serverUrl = m_server->baseUrl();
    c.username = QStringLiteral("kiosk");
    c.password = QStringLiteral("kiosk123");
    c.branchId = 1;
    c.branchName = QStringLiteral("Main Branch");
    c.language = language;
    c.printerUrl = printerUrl();
    c.pin = QStringLiteral("2468");
    c.statePath = m_dir.filePath(QStringLiteral("dispenser-%1.json").arg(++m_files));
    return c;
}

int TestDispenser::tokenCount()
{
    const HttpReply reply = m_http->get(QStringLiteral("/api/tokens?page_size=1"), m_admin);
    return reply.status == 200 ? reply.object().value(u"total").toInt() : -1;
}

TestDispenser::Booked TestDispenser::issued(const QJsonObject &body)
{
    const HttpReply reply = m_http->post(QStringLiteral("/api/tokens"), body);
    Booked out;
    if (reply.status != 201) {
        qWarning("POST /api/tokens: %d %s", reply.status, reply.body.constData());
        return out;
    }
    out.id = reply.object().value(u"token_id").toInteger();
    out.number = reply.object().value(u"token_number").toString();
    out.link = QStringLiteral("%1/#t=%2.%3")
                   .arg(m_server->baseUrl().toString(QUrl::StripTrailingSlash))
                   .arg(out.id)
                   .arg(reply.object().value(u"secret").toString());
    return out;
}

TestDispenser::Booked TestDispenser::walkIn(int serviceId)
{
    return issued({{QStringLiteral("service_id"), serviceId}});
}

TestDispenser::Booked TestDispenser::book(int serviceId, int minutesAhead)
{
    constexpr qint64 step = qint64(15) * 60;
    const qint64 earliest = QDateTime::currentSecsSinceEpoch() + 60 + qint64(minutesAhead) * 60;
    const QDateTime slot =
        QDateTime::fromSecsSinceEpoch((earliest + step - 1) / step * step, Qt::UTC);
    return issued({{QStringLiteral("service_id"), serviceId},
                   {QStringLiteral("preferred_slot"), slot.toString(Qt::ISODateWithMs)}});
}

bool TestDispenser::runSql(const QString &sql)
{
    QProcess psql;
    psql.start(QStringLiteral("psql"),
               {m_services.postgresUrl(QStringLiteral("t_dispenser")), QStringLiteral("-v"),
                QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-qc"), sql});
    return psql.waitForFinished(10000) && psql.exitCode() == 0;
}

void TestDispenser::initTestCase()
{
    QQuickWindow::setGraphicsApi(QSGRendererInterface::Software);
    QVERIFY(m_dir.isValid());
    QVERIFY(m_services.start());
    m_server = startSeededServer(m_services, QStringLiteral("t_dispenser"), {}, true);
    QVERIFY(m_server);
    m_http = std::make_unique<HttpClient>(m_server->baseUrl());
    m_admin = m_http->login(QStringLiteral("admin"), QStringLiteral("admin123"));
    QVERIFY(!m_admin.isEmpty());
    // Open all day: an appointment can be booked (and checked in) at any hour of the run.
    QJsonObject week;
    for (const char *day : {"mon", "tue", "wed", "thu", "fri", "sat", "sun"})
        week.insert(QLatin1String(day), QJsonArray{QJsonArray{"00:00", "24:00"}});
    const HttpReply opened = m_http->put(QStringLiteral("/api/branches/1/booking"),
                                         {{QStringLiteral("opening_hours"), week}}, m_admin);
    QVERIFY2(opened.status == 200, opened.body.constData());
    // A second branch, whose receipts this dispenser must not take.
    const HttpReply branch = m_http->post(
        QStringLiteral("/api/branches"),
        {{QStringLiteral("name"), QStringLiteral("North")}, {QStringLiteral("timezone"), "UTC"}},
        m_admin);
    QVERIFY2(branch.status == 201, branch.body.constData());
    const HttpReply service =
        m_http->post(QStringLiteral("/api/services"),
                     {{QStringLiteral("branch_id"),
                       branch.object().value(u"branch").toObject().value(u"id").toInt(
                           branch.object().value(u"id").toInt())},
                      {QStringLiteral("code"), QStringLiteral("N")},
                      {QStringLiteral("name"), QStringLiteral("North desk")}},
                     m_admin);
    QVERIFY2(service.status == 201, service.body.constData());
    m_foreignService = service.object()
                           .value(u"service")
                           .toObject()
                           .value(u"id")
                           .toInt(service.object().value(u"id").toInt());
    QVERIFY2(m_foreignService > 0, service.body.constData());
    m_printer = std::make_unique<FakeThermalPrinter>();
    QVERIFY(m_printer->listen());
}

void TestDispenser::touchIssuesAndPrintsOnce()
{
    Dispenser dispenser(config());
    QVERIFY2(dispenser.isLoaded(), qPrintable(dispenser.errors()));
    QVERIFY(ready(dispenser));
    QTRY_VERIFY(dispenser.isShown(QStringLiteral("service_D")));
    QVERIFY(!dispenser.isShown(QStringLiteral("unavailableText")));
    const int before = tokenCount();
    QSignalSpy printed(&dispenser.controller(), &DispenserController::ticketPrinted);
    QVERIFY(dispenser.touch(QStringLiteral("service_D")));
    QVERIFY(printed.wait(5000));
    QCOMPARE(tokenCount(), before + 1);

    // The number on screen is the one the server issued, and the ticket carries its own link.
    const QVariantMap ticket = dispenser.controller().ticket();
    const qint64 id = ticket.value(QStringLiteral("tokenId")).toLongLong();
    const HttpReply token = m_http->get(QStringLiteral("/api/tokens/%1").arg(id), m_admin);
    QCOMPARE(token.status, 200);
    const QString number =
        token.object().value(u"token").toObject().value(u"token_number").toString();
    QCOMPARE(dispenser.text(QStringLiteral("issuedNumber")), number);
    QVERIFY(dispenser.isShown(QStringLiteral("issuedNumber")));
    QCOMPARE(dispenser.text(QStringLiteral("printMessage")),
             QStringLiteral("Please take your ticket."));

    QTRY_COMPARE(m_printer->jobs().size(), 1);
    const EscPosDocument document = m_printer->lastDocument();
    QVERIFY2(document.error.isEmpty(), qPrintable(document.error));
    QCOMPARE(document.qrCodes.size(), 1);
    const QString payload = QString::fromUtf8(document.qrCodes.first().payload);
    QCOMPARE(payload, ticket.value(QStringLiteral("qr")).toString());
    // The link opens that very token: its id, and a secret the server accepts.
    const QRegularExpressionMatch m =
        QRegularExpression(QStringLiteral(R"(/#t=(\d+)\.([A-Za-z0-9_\-]+)$)")).match(payload);
    QVERIFY2(m.hasMatch(), qPrintable(payload));
    QCOMPARE(m.captured(1).toLongLong(), id);
    const HttpReply status =
        m_http->get(QStringLiteral("/api/tokens/%1/status?secret=%2").arg(id).arg(m.captured(2)));
    QCOMPARE(status.status, 200);
    QCOMPARE(status.object().value(u"token_number").toString(), number);
    QVERIFY(document.lineContaining(number));
    QVERIFY(document.lineContaining(QStringLiteral("Main Branch")));
    QVERIFY(document.lineContaining(QStringLiteral("Deposit")));
    QVERIFY(document.endsWithCut);

    // A second touch while the first is shown does nothing; Done returns to the start.
    QVERIFY(!dispenser.controller().take(1));
    QCOMPARE(tokenCount(), before + 1);
    QVERIFY(dispenser.touch(QStringLiteral("doneButton")));
    QTRY_COMPARE(dispenser.controller().screen(), QStringLiteral("start"));
}

void TestDispenser::retryWithTheSameKeyCreatesNothing()
{
    Nextup::ApiClient api(m_server->baseUrl());
    QSignalSpy loggedIn(&api, &Nextup::ApiClient::sessionChanged);
    api.login(QStringLiteral("kiosk"), QStringLiteral("kiosk123"));
    QTRY_VERIFY(api.isLoggedIn());
    TokenIssuer issuer(&api);
    QSignalSpy issued(&issuer, &TokenIssuer::issued);
    QSignalSpy failed(&issuer, &TokenIssuer::failed);
    Nextup::NewToken token;
    token.serviceId = 2;
    const int before = tokenCount();
    QVERIFY(issuer.issue(token));
    QVERIFY(issued.wait(5000));
    const QByteArray key = issuer.lastKey();
    QVERIFY(!key.isEmpty());
    const auto first = issued.takeFirst().first().value<Nextup::CreatedToken>();
    // The same touch sent again (an answer lost on the way back): the first answer, no new token.
    QVERIFY(issuer.issue(token, key));
    QVERIFY(issued.wait(5000));
    const auto again = issued.takeFirst().first().value<Nextup::CreatedToken>();
    QCOMPARE(again.tokenId, first.tokenId);
    QCOMPARE(again.secret, first.secret);
    QCOMPARE(tokenCount(), before + 1);
    // The same key for another request is refused and changes nothing.
    token.serviceId = 3;
    QVERIFY(issuer.issue(token, key));
    QVERIFY(failed.wait(5000));
    QCOMPARE(failed.first().first().value<Nextup::Status>().code,
             QStringLiteral("idempotency_key_reused"));
    QCOMPARE(issuer.attempts(), 1); // a refusal is final: not retried
    QCOMPARE(tokenCount(), before + 1);
    // A new touch is a new key and a new token.
    token.serviceId = 2;
    QVERIFY(issuer.issue(token));
    QVERIFY(issued.wait(5000));
    QVERIFY(issuer.lastKey() != key);
    QCOMPARE(tokenCount(), before + 2);
}

void TestDispenser::lostAnswerIsRetriedWithTheSameKey()
{
    // Signed in directly; the token request alone goes through the losing hop.
    Nextup::ApiClient session(m_server->baseUrl());
    session.login(QStringLiteral("kiosk"), QStringLiteral("kiosk123"));
    QTRY_VERIFY(session.isLoggedIn());
    LosingProxy proxy(quint16(m_server->baseUrl().port()));
    QVERIFY(proxy.listen());
    QUrl viaProxy = m_server->baseUrl();
    viaProxy.setPort(proxy.port());
    Nextup::ApiClient api(viaProxy);
    api.setSession(session.accessToken(), session.refreshToken());
    TokenIssuer issuer(&api);
    issuer.setTiming(3000, 100);
    QSignalSpy issued(&issuer, &TokenIssuer::issued);
    const int before = tokenCount();
    Nextup::NewToken token;
    token.serviceId = 3;
    token.priority = 2; // a kiosk's right: the session did travel with the retry
    QVERIFY(issuer.issue(token));
    QVERIFY(issued.wait(10000));
    // The answers were lost, a retry of the issuer (same key) got the first one.
    QVERIFY2(issuer.attempts() >= 2, qPrintable(QString::number(issuer.attempts())));
    QVERIFY(proxy.connections() >= 3);
    QCOMPARE(tokenCount(), before + 1); // and the server issued one token, not two
    const auto created = issued.first().first().value<Nextup::CreatedToken>();
    QCOMPARE(created.priority, 2);
}

void TestDispenser::configAndExample()
{
    KioskConfig example;
    QString error;
    QVERIFY2(example.loadFile(QStringLiteral(NEXTUP_DISPENSER_EXAMPLE), &error), qPrintable(error));
    QVERIFY(example.isDispenser());
    QVERIFY(example.priorityButton);
    QCOMPARE(example.priorityClass, 5);
    QCOMPARE(example.idleSeconds, 30);
    QVERIFY(!example.printerUrl.isEmpty());
    QCOMPARE(example.pin, QStringLiteral("2468"));
    // Bad values stop the program with the key's name.
    const QList<std::pair<QByteArray, QString>> bad{
        {"[kiosk]\nmode=tv\n", QStringLiteral("mode")},
        {"[dispenser]\nprinter=fax:123\n", QStringLiteral("dispenser/printer")},
        {"[dispenser]\npriority=12\n", QStringLiteral("dispenser/priority")},
        {"[dispenser]\nidle_seconds=1\n", QStringLiteral("dispenser/idle_seconds")},
        {"[dispenser]\nservices=1,x\n", QStringLiteral("dispenser/services")},
        {"[dispenser]\npriority_button=maybe\n", QStringLiteral("dispenser/priority_button")}};
    for (const auto &[text, key] : bad) {
        const QString path = m_dir.filePath(QStringLiteral("bad-%1.ini").arg(++m_files));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(text);
        file.close();
        KioskConfig c;
        QVERIFY2(!c.loadFile(path, &error), text.constData());
        QVERIFY2(error.contains(key), qPrintable(error));
    }
}

void TestDispenser::appStartsAsDispenser()
{
    KioskTest::runUntilSignedIn(
        {QStringLiteral("--mode"), QStringLiteral("dispenser"), QStringLiteral("--server"),
         m_server->baseUrl().toString(), QStringLiteral("--user"), QStringLiteral("kiosk"),
         QStringLiteral("--branch"), QStringLiteral("1"), QStringLiteral("--printer"), printerUrl(),
         QStringLiteral("--priority"), QStringLiteral("4"), QStringLiteral("--windowed"),
         QStringLiteral("--language"), QStringLiteral("es"), QStringLiteral("--state-file"),
         QStringLiteral("none")});
    if (QTest::currentTestFailed())
        return;

    // Without the kiosk account a dispenser refuses to start.
    QProcess refused;
    refused.setProcessEnvironment(KioskTest::appEnvironment());
    refused.start(
        QStringLiteral(NEXTUP_KIOSK_BIN),
        {QStringLiteral("--mode"), QStringLiteral("dispenser"), QStringLiteral("--public")});
    QVERIFY(refused.waitForFinished(10000));
    QCOMPARE(refused.exitCode(), 2);
}

void TestDispenser::printerTroubleShowsNumberAndAlertsStaff()
{
    QTcpServer closed; // a port that nothing listens on once this closes
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const quint16 port = closed.serverPort();
    closed.close();
    KioskConfig c = config();
    c.printerUrl = QStringLiteral("tcp://127.0.0.1:%1?paper=58&timeout=1500").arg(port);
    Dispenser dispenser(c);
    QVERIFY2(dispenser.isLoaded(), qPrintable(dispenser.errors()));
    QVERIFY(ready(dispenser));
    QSignalSpy failed(&dispenser.controller(), &DispenserController::ticketFailed);
    QTRY_VERIFY(dispenser.isShown(QStringLiteral("service_W")));
    QVERIFY(dispenser.touch(QStringLiteral("service_W")));
    QVERIFY(failed.wait(8000));
    // The number and its QR stay on screen, with "ask staff".
    const QString number =
        dispenser.controller().ticket().value(QStringLiteral("number")).toString();
    QVERIFY2(number.startsWith(u'W'), qPrintable(number));
    QCOMPARE(dispenser.text(QStringLiteral("issuedNumber")), number);
    QVERIFY(dispenser.isShown(QStringLiteral("qrImage")));
    QVERIFY(dispenser.text(QStringLiteral("printMessage")).contains(QStringLiteral("ask staff")));
    QTRY_COMPARE(dispenser.item(QStringLiteral("qrImage"))->property("status").toInt(), 1); // Ready
    // Staff see it: the device's printer state on GET /api/devices.
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const HttpReply devices = m_http->get(QStringLiteral("/api/devices"), m_admin);
            const QJsonArray list = devices.array();
            for (const QJsonValue value : list) {
                const QJsonObject device = value.toObject();
                if (device.value(u"mode").toString() == u"dispenser" &&
                    device.value(u"printer_state").toString() == u"offline")
                    return true;
            }
            return false;
        }(),
        5000);
    QVERIFY(dispenser.shoot(shotDir("kiosk") + QStringLiteral("/dispenser_trouble_en.png")));
}

void TestDispenser::scan_data()
{
    QTest::addColumn<QString>("which");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("message");
    QTest::newRow("appointment in its window") << "inWindow"
                                               << "checkedIn"
                                               << "is checked in";
    QTest::newRow("appointment too early") << "early"
                                           << "tooEarly"
                                           << "check-in opens at";
    QTest::newRow("expired appointment") << "expired"
                                         << "expired"
                                         << "has passed";
    QTest::newRow("walk-in shows its status") << "walkIn"
                                              << "status"
                                              << "is waiting";
    QTest::newRow("other branch") << "foreign"
                                  << "foreign"
                                  << "another branch";
    QTest::newRow("wrong secret") << "wrongSecret"
                                  << "unknown"
                                  << "not known here";
    QTest::newRow("no such token") << "missing"
                                   << "unknown"
                                   << "not known here";
    QTest::newRow("not a code") << "garbage"
                                << "unknown"
                                << "not known here";
    QTest::newRow("typed number") << "number"
                                  << "numberOnly"
                                  << "scan the QR code";
}

void TestDispenser::scan()
{
    QFETCH(QString, which);
    QFETCH(QString, kind);
    QFETCH(QString, message);
    Booked target;
    QString code;
    if (which == u"inWindow") {
        target = book(1, 0); // the next slot: inside the window (30 min before to 15 after)
    } else if (which == u"early") {
        target = book(1, 120);
    } else if (which == u"expired") {
        target = book(1, 0);
        QVERIFY(runSql(
            QStringLiteral("UPDATE tokens SET status = 'expired' WHERE id = %1").arg(target.id)));
    } else if (which == u"walkIn") {
        target = walkIn(3);
    } else if (which == u"foreign") {
        target = walkIn(m_foreignService);
    } else if (which == u"wrongSecret") {
        target = walkIn(1);
        target.link = target.link.left(target.link.size() - 3) + QStringLiteral("xyz");
    } else if (which == u"missing") {
        code = m_server->baseUrl().toString(QUrl::StripTrailingSlash) +
               QStringLiteral("/#t=987654321.abcdefghijklmnop");
    } else if (which == u"garbage") {
        code = QStringLiteral("hello-world");
    } else {
        code = QStringLiteral("D501");
    }
    if (code.isEmpty()) {
        QVERIFY(target.id > 0);
        code = target.link;
    }
    Dispenser dispenser(config());
    QVERIFY2(dispenser.isLoaded(), qPrintable(dispenser.errors()));
    QVERIFY(ready(dispenser));
    QTRY_VERIFY(dispenser.controller().screen() == u"start");
    // The scanner types like a keyboard, then Enter; no field is focused.
    for (const QChar ch : std::as_const(code))
        QTest::keyClick(&dispenser.view(), ch.toLatin1());
    QTest::keyClick(&dispenser.view(), Qt::Key_Return);
    QTRY_COMPARE(dispenser.controller().screen(), QStringLiteral("scan"));
    QCOMPARE(dispenser.controller().scanResult().value(QStringLiteral("kind")).toString(), kind);
    const QString shown = dispenser.text(QStringLiteral("messageText"));
    QVERIFY2(shown.contains(message), qPrintable(shown));
    if (which == u"inWindow") {
        const HttpReply status =
            m_http->get(QStringLiteral("/api/tokens/%1").arg(target.id), m_admin);
        QCOMPARE(status.object().value(u"token").toObject().value(u"status").toString(),
                 QStringLiteral("waiting"));
        QVERIFY(shown.contains(target.number));
    }
    if (which == u"early") {
        const HttpReply status =
            m_http->get(QStringLiteral("/api/tokens/%1").arg(target.id), m_admin);
        QCOMPARE(status.object().value(u"token").toObject().value(u"status").toString(),
                 QStringLiteral("booked"));
    }
}

void TestDispenser::idleReset()
{
    KioskConfig c = config();
    c.idleSeconds = 1; // below what the config file allows, to keep the test short
    c.printerUrl.clear();
    Dispenser dispenser(c);
    QVERIFY(ready(dispenser));
    QTRY_VERIFY(dispenser.isShown(QStringLiteral("language_es")));
    QVERIFY(dispenser.touch(QStringLiteral("language_es")));
    QCOMPARE(dispenser.controller().language(), QStringLiteral("es"));
    QVERIFY(dispenser.touch(QStringLiteral("service_P")));
    QTRY_COMPARE(dispenser.controller().screen(), QStringLiteral("issued"));
    // Nobody touches: back to the start screen, in the configured language.
    QTRY_COMPARE_WITH_TIMEOUT(dispenser.controller().screen(), QStringLiteral("start"), 3000);
    QCOMPARE(dispenser.controller().language(), QStringLiteral("en"));
}

void TestDispenser::priorityButton()
{
    KioskConfig c = config();
    c.priorityButton = true;
    c.priorityClass = 7;
    Dispenser dispenser(c);
    QVERIFY(ready(dispenser));
    QTRY_VERIFY(dispenser.isShown(QStringLiteral("priorityButton")));
    QVERIFY(dispenser.touch(QStringLiteral("priorityButton")));
    QTRY_VERIFY(dispenser.controller().isAssistance());
    QVERIFY(!dispenser.isShown(QStringLiteral("priorityButton")));
    QVERIFY(dispenser.touch(QStringLiteral("service_D")));
    QTRY_COMPARE(dispenser.controller().screen(), QStringLiteral("issued"));
    const qint64 id = dispenser.controller().ticket().value(QStringLiteral("tokenId")).toLongLong();
    const HttpReply token = m_http->get(QStringLiteral("/api/tokens/%1").arg(id), m_admin);
    QCOMPARE(token.object().value(u"token").toObject().value(u"priority").toInt(), 7);
    // Without the button nothing has a priority.
    QVERIFY(dispenser.touch(QStringLiteral("doneButton")));
    QTRY_COMPARE(dispenser.controller().screen(), QStringLiteral("start"));
    QVERIFY(!dispenser.controller().isAssistance());
}

void TestDispenser::arabicIsMirrored()
{
    Dispenser dispenser(config(QStringLiteral("ar")));
    QVERIFY(ready(dispenser));
    QTRY_VERIFY(dispenser.isShown(QStringLiteral("service_D")));
    QQuickItem *button = dispenser.item(QStringLiteral("service_D"));
    QQuickItem *wait = dispenser.item(QStringLiteral("serviceWait_D"));
    QVERIFY(button && wait);
    // The letter tile sits on the right, the words to its left.
    const QPointF waitAt = wait->mapToItem(button, QPointF(0, 0));
    QVERIFY2(waitAt.x() + wait->width() < button->width() * 0.9,
             qPrintable(QString::number(waitAt.x())));
    QQuickItem *branch = dispenser.item(QStringLiteral("branchName"));
    QVERIFY(branch->mapToScene(QPointF(0, 0)).x() > dispenser.root()->width() / 3);
    QCOMPARE(dispenser.item(QStringLiteral("startTitle"))->property("text").toString(),
             QStringLiteral("يرجى اختيار خدمة"));
}

void TestDispenser::everyControlIsNamed()
{
    KioskConfig c = config();
    c.priorityButton = true;
    Dispenser dispenser(c);
    QVERIFY(ready(dispenser));
    QTRY_VERIFY(dispenser.isShown(QStringLiteral("service_D")));
    QCOMPARE(KioskTest::unnamedControls(dispenser.root()), QStringList());
    QQuickItem *panel = dispenser.item(QStringLiteral("settingsPanel"));
    QVERIFY(panel);
    QMetaObject::invokeMethod(panel, "open");
    panel->setProperty("unlocked", true);
    QTRY_VERIFY(dispenser.isShown(QStringLiteral("dispenserOptions")));
    QCOMPARE(KioskTest::unnamedControls(dispenser.root()), QStringList());
    QAccessibleInterface *iface =
        QAccessible::queryAccessibleInterface(dispenser.item(QStringLiteral("service_D")));
    QVERIFY(iface);
    QCOMPARE(iface->role(), QAccessible::Button);
    QVERIFY2(iface->text(QAccessible::Name).startsWith(QStringLiteral("Deposit, letter D")),
             qPrintable(iface->text(QAccessible::Name)));
}

void TestDispenser::settingsAreSaved()
{
    const QString ini = m_dir.filePath(QStringLiteral("dispenser.ini"));
    QFile file(ini);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("[kiosk]\nmode=dispenser\n[dispenser]\nidle_seconds=30\n");
    file.close();
    KioskConfig c = config();
    QString error;
    QVERIFY2(c.loadFile(ini, &error), qPrintable(error));
    QVERIFY(c.isDispenser());
    Dispenser dispenser(c);
    QVERIFY(ready(dispenser));
    QVERIFY(!dispenser.controller().applySettings(QStringLiteral("fax:nowhere"), {}, true, 3, 60));
    QVERIFY(dispenser.controller().applySettings(printerUrl(), {2, 3}, true, 3, 60));
    QTRY_VERIFY(!dispenser.isShown(QStringLiteral("service_D")));
    QVERIFY(dispenser.isShown(QStringLiteral("service_W")));
    QVERIFY(dispenser.isShown(QStringLiteral("priorityButton")));
    KioskConfig again;
    QVERIFY2(again.loadFile(ini, &error), qPrintable(error));
    QCOMPARE(again.dispenserServiceIds, QList<int>({2, 3}));
    QVERIFY(again.priorityButton);
    QCOMPARE(again.priorityClass, 3);
    QCOMPARE(again.idleSeconds, 60);
    QCOMPARE(again.printerUrl, printerUrl());
}

void TestDispenser::screenshots_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("en") << "en";
    QTest::newRow("es") << "es";
    QTest::newRow("ar") << "ar";
}

void TestDispenser::screenshots()
{
    QFETCH(QString, language);
    const QString dir = shotDir("kiosk");
    KioskConfig c = config(language);
    c.priorityButton = true;
    Dispenser dispenser(c);
    QVERIFY(ready(dispenser));
    QTRY_VERIFY(dispenser.isShown(QStringLiteral("service_D")));
    QVERIFY(dispenser.shoot(dir + QStringLiteral("/dispenser_start_%1.png").arg(language)));

    QSignalSpy printed(&dispenser.controller(), &DispenserController::ticketPrinted);
    QVERIFY(dispenser.touch(QStringLiteral("service_D")));
    QVERIFY(printed.wait(5000));
    QTRY_COMPARE(dispenser.item(QStringLiteral("qrImage"))->property("status").toInt(), 1);
    QVERIFY(dispenser.shoot(dir + QStringLiteral("/dispenser_issued_%1.png").arg(language)));

    // The ticket the printer was fed, as pictures (58 and 80 mm) for people to look at.
    const QString printing = shotDir("printing");
    for (const auto &[paper, name] :
         {std::pair{Nextup::PaperWidth::Mm58, "58"}, std::pair{Nextup::PaperWidth::Mm80, "80"}}) {
        Nextup::TicketFormat format;
        format.paper = paper;
        const QImage image =
            Nextup::TicketRenderer(format).render(dispenser.controller().lastTicket());
        QVERIFY(!image.isNull());
        QVERIFY(image.save(
            printing +
            QStringLiteral("/dispenser_ticket_%1mm_%2.png").arg(QLatin1String(name), language)));
    }

    QVERIFY(dispenser.touch(QStringLiteral("doneButton")));
    QTRY_COMPARE(dispenser.controller().screen(), QStringLiteral("start"));
    const Booked booked = book(1, 0);
    QVERIFY(booked.id > 0);
    QVERIFY(dispenser.controller().scan(booked.link));
    QTRY_COMPARE(dispenser.controller().screen(), QStringLiteral("scan"));
    QVERIFY(dispenser.shoot(dir + QStringLiteral("/dispenser_scan_%1.png").arg(language)));
    QVERIFY(dispenser.controller().scan(QStringLiteral("nonsense")));
    QTRY_COMPARE(dispenser.controller().scanResult().value(QStringLiteral("kind")).toString(),
                 QStringLiteral("unknown"));
    QVERIFY(dispenser.shoot(dir + QStringLiteral("/dispenser_scan_unknown_%1.png").arg(language)));

    // Printer trouble, in this language.
    KioskConfig down = config(language);
    down.printerUrl = QStringLiteral("tcp://127.0.0.1:1?paper=80&timeout=1000");
    Dispenser broken(down);
    QVERIFY(ready(broken));
    QSignalSpy failed(&broken.controller(), &DispenserController::ticketFailed);
    QTRY_VERIFY(broken.isShown(QStringLiteral("service_W")));
    QVERIFY(broken.touch(QStringLiteral("service_W")));
    QVERIFY(failed.wait(8000));
    QTRY_COMPARE(broken.item(QStringLiteral("qrImage"))->property("status").toInt(), 1);
    QVERIFY(broken.shoot(dir + QStringLiteral("/dispenser_trouble_%1.png").arg(language)));
}

void TestDispenser::offlineStartShowsUnavailable()
{
    KioskConfig c = config();
    {
        Dispenser live(c);
        QVERIFY(ready(live));
        QSignalSpy saved(&live.controller(), &DispenserController::stateSaved);
        QVERIFY(saved.wait(5000));
    }
    m_server->stop();
    const QStringList languages{QStringLiteral("en"), QStringLiteral("es"), QStringLiteral("ar")};
    for (const QString &language : languages) {
        KioskConfig offline = c;
        offline.language = language;
        Dispenser dispenser(offline);
        QVERIFY2(dispenser.isLoaded(), qPrintable(dispenser.errors()));
        QTRY_VERIFY(dispenser.controller().isShowingSaved());
        QVERIFY(!dispenser.controller().canIssue());
        QVERIFY(dispenser.isShown(QStringLiteral("unavailableText")));
        QVERIFY(!dispenser.isShown(QStringLiteral("service_D")));
        QVERIFY(dispenser.isShown(QStringLiteral("savedMark")));
        QVERIFY(dispenser.isShown(QStringLiteral("savedService_D")));
        QVERIFY(!dispenser.controller().take(1));
        QVERIFY(dispenser.shoot(shotDir("kiosk") +
                                QStringLiteral("/dispenser_unavailable_%1.png").arg(language)));
        if (language != u"ar")
            continue;
        // The server comes back: the dispenser recovers by itself.
        QVERIFY(m_server->start());
        QTRY_VERIFY_WITH_TIMEOUT(dispenser.controller().canIssue(), 15000);
        QTRY_VERIFY(dispenser.isShown(QStringLiteral("service_D")));
        QVERIFY(!dispenser.isShown(QStringLiteral("unavailableText")));
        QVERIFY(!dispenser.controller().isShowingSaved());
    }
}

QTEST_MAIN(TestDispenser)
#include "tst_dispenser.moc"
