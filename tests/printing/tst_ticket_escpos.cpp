// ESC/POS tickets received by a fake thermal printer on a loopback port and decoded there: the
// number's size, the lines, the QR payload (native GS ( k, or a raster read back with ZXing),
// the cut; and the PNGs of every layout.
#include <QDir>
#include <QPainter>
#include <QSignalSpy>
#include <QStringDecoder>
#include <QTest>

#include "codepage.h"
#include "escposdecoder.h"
#include "fakethermalprinter.h"
#include "printersettings.h"
#include "sampletickets.h"
#include "systemprinter.h"
#include "ticketprinter.h"
#include "ticketrenderer.h"
#include "tickettext.h"

using namespace Nextup;

Q_DECLARE_METATYPE(Nextup::PaperWidth)
Q_DECLARE_METATYPE(Nextup::TicketFormat::QrMode)

class TestTicketEscPos : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void printsTicket_data();
    void printsTicket();
    void printsArabicLinesAsPictures();
    void printsWholeTicketAsPicture();
    void codePageMatchesIbm858_data();
    void codePageMatchesIbm858();
    void settingsFromUrl_data();
    void settingsFromUrl();
    void screenshots();

private:
    EscPosDocument printOverTcp(const Ticket &ticket, const QString &query);

    FakeThermalPrinter m_printer;
};

void TestTicketEscPos::initTestCase()
{
    QVERIFY(m_printer.listen());
}

EscPosDocument TestTicketEscPos::printOverTcp(const Ticket &ticket, const QString &query)
{
    const auto settings = PrinterSettings::fromUrl(
        QStringLiteral("tcp://127.0.0.1:%1?%2").arg(m_printer.port()).arg(query));
    if (!settings)
        return {};
    m_printer.clear();
    TicketPrinter printer(*settings);
    QSignalSpy printed(&printer, &TicketPrinter::printed);
    QSignalSpy failed(&printer, &TicketPrinter::failed);
    QSignalSpy received(&m_printer, &FakeThermalPrinter::jobReceived);
    printer.print(ticket);
    if (!printed.wait(5000) || printed.first().first().toString() != ticket.tokenNumber)
        return {};
    if (received.isEmpty())
        received.wait(2000);
    return m_printer.lastDocument();
}

void TestTicketEscPos::printsTicket_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("columns");
    QTest::addColumn<int>("numberScale");
    QTest::addColumn<bool>("rasterQr");
    QTest::newRow("80 mm, quadruple, native QR") << "en"
                                                 << "paper=80&number=4" << 48 << 4 << false;
    QTest::newRow("58 mm, double, native QR") << "en"
                                              << "paper=58&number=2" << 32 << 2 << false;
    QTest::newRow("58 mm, quadruple, native QR") << "en"
                                                 << "paper=58" << 32 << 4 << false;
    QTest::newRow("80 mm, raster QR") << "en"
                                      << "paper=80&qr=raster" << 48 << 4 << true;
    QTest::newRow("58 mm, raster QR") << "en"
                                      << "paper=58&qr=raster" << 32 << 4 << true;
    QTest::newRow("Spanish, PC858") << "es"
                                    << "paper=58" << 32 << 4 << false;
}

void TestTicketEscPos::printsTicket()
{
    QFETCH(QString, language);
    QFETCH(QString, query);
    QFETCH(int, columns);
    QFETCH(int, numberScale);
    QFETCH(bool, rasterQr);
    const Ticket ticket = sampleTicket(language);
    const EscPosDocument doc = printOverTcp(ticket, query);
    QVERIFY2(doc.error.isEmpty(), qPrintable(doc.error));
    QVERIFY(doc.initialised);
    QCOMPARE(doc.codeTable, 19);
    // Status asked before and after the ticket (paper, cover), and the cut is the last thing.
    QCOMPARE(doc.statusQueries, QList<int>({2, 4, 2, 4}));
    QCOMPARE(doc.cuts, 1);
    QVERIFY(doc.endsWithCut);

    const EscPosDocument::Line *number = doc.lineContaining(ticket.tokenNumber);
    QVERIFY(number);
    QCOMPARE(number->text, ticket.tokenNumber);
    QCOMPARE(number->width, numberScale);
    QCOMPARE(number->height, numberScale);
    QVERIFY(number->bold);
    QCOMPARE(number->align, 1);

    // Every line in the printer's font fits the paper (no mid-word wrap by the printer), and
    // the long Spanish branch name was wrapped at a space rather than lost.
    QString allText;
    for (const EscPosDocument::Line &line : doc.lines) {
        QVERIFY2(line.text.size() * line.width <= columns, qPrintable(line.text));
        allText += line.text + QLatin1Char(' ');
    }
    const TicketText text = TicketText::of(ticket);
    for (const QString &expected :
         {text.branch, text.service, text.time, text.position, text.wait, text.message})
        QVERIFY2(allText.simplified().contains(expected.simplified()), qPrintable(expected));
    if (language == QLatin1String("es"))
        QVERIFY(allText.contains(QStringLiteral("Renovación y año nuevo")));

    if (rasterQr) {
        QVERIFY(doc.qrCodes.isEmpty());
        QCOMPARE(doc.images.size(), 1);
        QCOMPARE(doc.images.first().width(), columns == 48 ? 576 : 384);
        QCOMPARE(readQrCode(doc.images.first()), ticket.qrPayload);
    } else {
        QCOMPARE(doc.qrCodes.size(), 1);
        const EscPosDocument::Qr &qr = doc.qrCodes.first();
        QCOMPARE(qr.payload, ticket.qrPayload);
        QCOMPARE(qr.model, 50);
        QCOMPARE(qr.errorCorrection, 49);
        QVERIFY(qr.moduleSize >= 3 && qr.moduleSize <= 8);
        QVERIFY(qr.printed);
        QVERIFY(doc.images.isEmpty());
    }
}

void TestTicketEscPos::printsArabicLinesAsPictures()
{
    // No code page of the printer holds shaped Arabic: every line goes as a picture, the QR stays
    // native, and the pictures read back: the number by size, the code by ZXing on the page.
    const Ticket ticket = sampleTicket(QStringLiteral("ar"));
    const EscPosDocument doc = printOverTcp(ticket, QStringLiteral("paper=80"));
    QVERIFY2(doc.error.isEmpty(), qPrintable(doc.error));
    QVERIFY(doc.lines.isEmpty());
    // Lines in a row join into one picture; feeds and the QR split them into four groups.
    QCOMPARE(doc.images.size(), 4);
    for (const QImage &image : doc.images)
        QCOMPARE(image.width(), 576);
    QCOMPARE(doc.qrCodes.size(), 1);
    QCOMPARE(doc.qrCodes.first().payload, ticket.qrPayload);
    QVERIFY(doc.endsWithCut);
}

void TestTicketEscPos::printsWholeTicketAsPicture()
{
    const Ticket ticket = sampleTicket();
    const EscPosDocument doc = printOverTcp(ticket, QStringLiteral("paper=58&text=raster"));
    QVERIFY2(doc.error.isEmpty(), qPrintable(doc.error));
    QVERIFY(doc.lines.isEmpty());
    QVERIFY(doc.qrCodes.isEmpty());
    QCOMPARE(doc.images.size(), 1);
    // What was fed is exactly the renderer's picture of the ticket.
    TicketFormat format;
    format.paper = PaperWidth::Mm58;
    format.text = TicketFormat::TextMode::Raster;
    const QImage expected = TicketRenderer(format).render(ticket);
    QCOMPARE(doc.images.first().size(), expected.size());
    QCOMPARE(readQrCode(doc.images.first()), ticket.qrPayload);
    QVERIFY(doc.endsWithCut);
}

void TestTicketEscPos::codePageMatchesIbm858_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("printable");
    QTest::newRow("ascii") << QStringLiteral("D007 Position 4") << true;
    QTest::newRow("spanish") << QStringLiteral("¿Año? ¡Atención! ÁÉÍÓÚ üÜ ñÑ") << true;
    QTest::newRow("euro") << QStringLiteral("5 €") << true;
    QTest::newRow("arabic") << QStringLiteral("مكتب") << false;
    QTest::newRow("control byte") << QStringLiteral("a\x1b@b") << false;
}

void TestTicketEscPos::codePageMatchesIbm858()
{
    QFETCH(QString, text);
    QFETCH(bool, printable);
    const auto bytes = CodePage::toPc858(text);
    QCOMPARE(bytes.has_value(), printable);
    if (printable) {
        QStringDecoder ibm858("IBM858"); // ICU's table, not ours
        QVERIFY(ibm858.isValid());
        QCOMPARE(QString(ibm858(*bytes)), text);
    }
}

void TestTicketEscPos::settingsFromUrl_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("target");
    using Kind = PrinterSettings::Kind;
    QTest::newRow("tcp") << "tcp://192.168.1.50?paper=58" << true << int(Kind::Tcp)
                         << "192.168.1.50:9100";
    QTest::newRow("tcp port") << "tcp://printer.lan:9200" << true << int(Kind::Tcp)
                              << "printer.lan:9200";
    QTest::newRow("device") << "device:/dev/usb/lp0" << true << int(Kind::Device) << "/dev/usb/lp0";
    QTest::newRow("cups") << "cups:lobby" << true << int(Kind::CupsRaw) << "lobby@";
    QTest::newRow("cups server") << "cups://10.0.0.2:631/lobby" << true << int(Kind::CupsRaw)
                                 << "lobby@10.0.0.2:631";
    QTest::newRow("system default") << "system:" << true << int(Kind::System) << "";
    QTest::newRow("system named") << "system:Office_A4" << true << int(Kind::System) << "Office_A4";
    QTest::newRow("pdf") << "pdf:/tmp/t.pdf" << true << int(Kind::System) << "/tmp/t.pdf";
    QTest::newRow("bad paper") << "tcp://p?paper=57" << false << 0 << "";
    QTest::newRow("bad scheme") << "lpr://p" << false << 0 << "";
    QTest::newRow("relative device") << "device:lp0" << false << 0 << "";
}

void TestTicketEscPos::settingsFromUrl()
{
    QFETCH(QString, url);
    QFETCH(bool, valid);
    QFETCH(int, kind);
    QFETCH(QString, target);
    const auto settings = PrinterSettings::fromUrl(url);
    QCOMPARE(settings.has_value(), valid);
    if (!valid)
        return;
    QCOMPARE(int(settings->kind), kind);
    QString actual;
    switch (settings->kind) {
    case PrinterSettings::Kind::Tcp:
        actual = settings->tcp.host + ':' + QString::number(settings->tcp.port);
        break;
    case PrinterSettings::Kind::Device: actual = settings->device.path; break;
    case PrinterSettings::Kind::CupsRaw:
        actual = settings->cups.queue + '@' + settings->cups.server;
        break;
    case PrinterSettings::Kind::System:
        actual = settings->system.pdfFile.isEmpty() ? settings->system.printerName
                                                    : settings->system.pdfFile;
        break;
    }
    QCOMPARE(actual, target);
}

void TestTicketEscPos::screenshots()
{
    // NEXTUP_TICKET_SHOTS points the PNGs where people look at screenshots.
    const QString dir =
        qEnvironmentVariable("NEXTUP_TICKET_SHOTS", QStringLiteral(NEXTUP_SHOTS_DIR));
    QVERIFY(QDir().mkpath(dir));
    struct Layout
    {
        const char *name;
        QString language;
        PaperWidth paper;
        TicketFormat::QrMode qr;
    };
    const Layout layouts[] = {
        {"58mm", QStringLiteral("en"), PaperWidth::Mm58, TicketFormat::QrMode::Native},
        {"80mm", QStringLiteral("en"), PaperWidth::Mm80, TicketFormat::QrMode::Native},
        {"80mm-es", QStringLiteral("es"), PaperWidth::Mm80, TicketFormat::QrMode::Native},
        {"58mm-raster-qr", QStringLiteral("en"), PaperWidth::Mm58, TicketFormat::QrMode::Raster},
        {"80mm-ar", QStringLiteral("ar"), PaperWidth::Mm80, TicketFormat::QrMode::Native},
    };
    for (const Layout &layout : layouts) {
        TicketFormat format;
        format.paper = layout.paper;
        format.qr = layout.qr;
        const Ticket ticket = sampleTicket(layout.language);
        const QImage image = TicketRenderer(format).render(ticket);
        QCOMPARE(image.width(), paperGeometry(layout.paper).dots);
        // The code in the picture scans: quiet zone and module size are right.
        QCOMPARE(readQrCode(image), ticket.qrPayload);
        QVERIFY(image.save(dir + QStringLiteral("/ticket-%1.png").arg(layout.name)));
    }
    // The QPrinter page (A4 at 100 dpi), painted by the same code SystemPrinter uses.
    QImage page(827, 1169, QImage::Format_RGB32);
    page.fill(Qt::white);
    {
        QPainter painter(&page);
        SystemPrinter::paintPage(painter, QRectF(page.rect()), 100, sampleTicket(), TicketFormat{},
                                 80);
    }
    QCOMPARE(readQrCode(page), sampleTicket().qrPayload);
    QVERIFY(page.save(dir + QStringLiteral("/ticket-a4.png")));
}

QTEST_MAIN(TestTicketEscPos)
#include "tst_ticket_escpos.moc"
