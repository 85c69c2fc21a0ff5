// Printer trouble: every way a print can fail ends in failed() with a reason the dispenser can
// act on, quickly, without a crash; and a device file that works gets the whole ticket.
#include <sys/stat.h>

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include "deviceprintertransport.h"
#include "escposdecoder.h"
#include "escposencoder.h"
#include "fakethermalprinter.h"
#include "printersettings.h"
#include "sampletickets.h"
#include "tcpprintertransport.h"
#include "ticketprinter.h"

using namespace Nextup;
using Reason = PrintFailure::Reason;

class TestTicketTrouble : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void tcpTrouble_data();
    void tcpTrouble();
    void jammedPrinterWithoutStatus();
    void deviceTrouble_data();
    void deviceTrouble();
    void deviceFileGetsTicket();
    void queuedTicketsPrintInOrder();

private:
    // Prints through `url`; the failure, or nothing when it printed. `ms` receives the duration.
    std::optional<PrintFailure> printVia(const QString &url, qint64 *ms = nullptr);

    QTemporaryDir m_dir;
};

void TestTicketTrouble::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

std::optional<PrintFailure> TestTicketTrouble::printVia(const QString &url, qint64 *ms)
{
    const auto settings = PrinterSettings::fromUrl(url);
    if (!settings)
        return PrintFailure{Reason::PrinterError, QStringLiteral("bad test url ") + url};
    TicketPrinter printer(*settings);
    QSignalSpy printed(&printer, &TicketPrinter::printed);
    QSignalSpy failed(&printer, &TicketPrinter::failed);
    QElapsedTimer clock;
    clock.start();
    printer.print(sampleTicket());
    if (printed.isEmpty() && failed.isEmpty())
        (void)QTest::qWaitFor([&] { return !printed.isEmpty() || !failed.isEmpty(); }, 10000);
    if (ms)
        *ms = clock.elapsed();
    // One answer per ticket, never both.
    if (printed.size() + failed.size() != 1)
        return PrintFailure{Reason::PrinterError, QStringLiteral("no single answer")};
    if (!printed.isEmpty())
        return std::nullopt;
    if (failed.first().first().toString() != QLatin1String("D007"))
        return PrintFailure{Reason::PrinterError, QStringLiteral("wrong ticket in failed()")};
    return failed.first().at(1).value<PrintFailure>();
}

void TestTicketTrouble::tcpTrouble_data()
{
    QTest::addColumn<int>("behaviour"); // -1: nothing listens
    QTest::addColumn<int>("closeAfter");
    QTest::addColumn<int>("reason");
    QTest::addColumn<QString>("detail");
    using B = FakeThermalPrinter::Behaviour;
    QTest::newRow("connection refused") << -1 << 0 << int(Reason::NotReachable) << "cannot connect";
    QTest::newRow("closes mid-write")
        << int(B::CloseAfter) << 200 << int(Reason::WriteFailed) << "";
    QTest::newRow("never reads") << int(B::NeverRead) << 0 << int(Reason::Timeout)
                                 << "did not answer the status";
    QTest::newRow("paper out") << int(B::PaperOut) << 0 << int(Reason::PaperOut) << "paper out";
    QTest::newRow("cover open") << int(B::CoverOpen) << 0 << int(Reason::CoverOpen) << "cover";
}

void TestTicketTrouble::tcpTrouble()
{
    QFETCH(int, behaviour);
    QFETCH(int, closeAfter);
    QFETCH(int, reason);
    QFETCH(QString, detail);
    FakeThermalPrinter printer;
    quint16 port = 0;
    if (behaviour < 0) {
        // A port that was free a moment ago: nothing listens there now.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        port = probe.serverPort();
    } else {
        QVERIFY(printer.listen());
        printer.setBehaviour(FakeThermalPrinter::Behaviour(behaviour), closeAfter);
        port = printer.port();
    }
    qint64 ms = 0;
    const auto failure = printVia(QStringLiteral("tcp://127.0.0.1:%1?timeout=1500").arg(port), &ms);
    QVERIFY(failure.has_value());
    QVERIFY2(int(failure->reason) == reason, qPrintable(failure->code() + ": " + failure->detail));
    QVERIFY2(failure->detail.contains(detail), qPrintable(failure->detail));
    QVERIFY2(ms < 3000, qPrintable(QString::number(ms)));
    if (behaviour == int(FakeThermalPrinter::Behaviour::PaperOut))
        QVERIFY(decodeEscPos(printer.jobs().value(0)).lines.isEmpty()); // nothing was printed
}

void TestTicketTrouble::jammedPrinterWithoutStatus()
{
    // Without status queries only the write timeout can notice a printer that stopped reading:
    // a job larger than the socket buffers on both sides stays unsent.
    FakeThermalPrinter printer;
    QVERIFY(printer.listen());
    printer.setBehaviour(FakeThermalPrinter::Behaviour::NeverRead);
    TcpPrinterOptions options;
    options.host = QStringLiteral("127.0.0.1");
    options.port = printer.port();
    options.queryStatus = false;
    options.writeTimeoutMs = 800;
    TcpPrinterTransport transport(options);
    QSignalSpy sent(&transport, &PrinterTransport::sent);
    QSignalSpy failed(&transport, &PrinterTransport::failed);
    transport.send(QByteArray(64 * 1024 * 1024, 'x'));
    QVERIFY(failed.wait(5000));
    QVERIFY(sent.isEmpty());
    QCOMPARE(failed.first().first().value<PrintFailure>().reason, Reason::Timeout);
}

void TestTicketTrouble::deviceTrouble_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("reason");
    QTest::addColumn<QString>("detail");
    QTest::newRow("no such device")
        << m_dir.filePath(QStringLiteral("usb/lp9")) << int(Reason::NotReachable) << "No such file";
    // A FIFO nobody reads is a device with no printer behind it (ENXIO on a non-blocking open).
    QTest::newRow("nobody reading")
        << m_dir.filePath(QStringLiteral("fifo")) << int(Reason::NotReachable) << "cannot open";
    QTest::newRow("a directory") << m_dir.path() << int(Reason::NotReachable) << "cannot open";
}

void TestTicketTrouble::deviceTrouble()
{
    QFETCH(QString, path);
    QFETCH(int, reason);
    QFETCH(QString, detail);
    if (path.endsWith(QLatin1String("fifo")))
        QVERIFY(::mkfifo(QFile::encodeName(path).constData(), 0600) == 0 || errno == EEXIST);
    qint64 ms = 0;
    const auto failure = printVia(QStringLiteral("device:") + path, &ms);
    QVERIFY(failure.has_value());
    QVERIFY2(int(failure->reason) == reason, qPrintable(failure->code() + ": " + failure->detail));
    QVERIFY2(failure->detail.contains(detail), qPrintable(failure->detail));
    QVERIFY2(failure->detail.contains(path), qPrintable(failure->detail));
    QVERIFY(ms < 2000);
}

void TestTicketTrouble::deviceFileGetsTicket()
{
    // A plain file stands in for /dev/usb/lp0: the same open/write path, and the bytes can be read.
    const QString path = m_dir.filePath(QStringLiteral("lp0"));
    QFile device(path);
    QVERIFY(device.open(QIODevice::WriteOnly));
    device.close();
    QVERIFY(!printVia(QStringLiteral("device:") + path + QStringLiteral("?paper=58")).has_value());
    QVERIFY(device.open(QIODevice::ReadOnly));
    const EscPosDocument doc = decodeEscPos(device.readAll());
    QVERIFY2(doc.error.isEmpty(), qPrintable(doc.error));
    QVERIFY(doc.lineContaining(QStringLiteral("D007")));
    QCOMPARE(doc.qrCodes.value(0).payload, sampleTicket().qrPayload);
    QVERIFY(doc.endsWithCut);
    QVERIFY(doc.statusQueries.isEmpty()); // a one-way device is never asked
}

void TestTicketTrouble::queuedTicketsPrintInOrder()
{
    FakeThermalPrinter fake;
    QVERIFY(fake.listen());
    TicketPrinter printer(
        *PrinterSettings::fromUrl(QStringLiteral("tcp://127.0.0.1:%1").arg(fake.port())));
    QSignalSpy printed(&printer, &TicketPrinter::printed);
    const QStringList numbers = {QStringLiteral("A001"), QStringLiteral("A002"),
                                 QStringLiteral("B001")};
    for (const QString &number : numbers) {
        Ticket ticket = sampleTicket();
        ticket.tokenNumber = number;
        printer.print(ticket);
    }
    QTRY_COMPARE_WITH_TIMEOUT(printed.size(), 3, 10000);
    QStringList order;
    for (const auto &args : printed)
        order << args.first().toString();
    QCOMPARE(order, numbers);
    QTRY_COMPARE_WITH_TIMEOUT(fake.jobs().size(), 3, 2000);
    for (int i = 0; i < 3; ++i)
        QVERIFY(decodeEscPos(fake.jobs()[i]).lineContaining(numbers[i]));
}

QTEST_MAIN(TestTicketTrouble)
#include "tst_ticket_trouble.moc"
