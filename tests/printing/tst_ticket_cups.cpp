// Real CUPS: a private scheduler (PrivateCups) with a CUPS-PDF queue, printed to through QPrinter
// exactly as the dispenser's system-printer setting does (CUPS_SERVER points libcups, and so Qt,
// at it), the PDF read back with pdftotext; a raw queue whose socket backend feeds the fake
// thermal printer; and QPrinter's own PDF output.
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "escposdecoder.h"
#include "fakethermalprinter.h"
#include "printersettings.h"
#include "privatecups.h"
#include "sampletickets.h"
#include "ticketprinter.h"
#include "tickettext.h"

using namespace Nextup;

class TestTicketCups : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void pdfFileThroughQPrinter();
    void cupsPdfThroughQPrinter();
    void rawQueueFeedsThermalPrinter();
    void missingQueueFails();

private:
    std::optional<PrintFailure> print(const QString &url, const Ticket &ticket);
    static QString pdfText(const QString &pdf);
    void verifyText(const QString &text, const Ticket &ticket);

    std::unique_ptr<PrivateCups> m_cups;
    QString m_cupsProblem;
    FakeThermalPrinter m_thermal;
    QTemporaryDir m_dir;
};

void TestTicketCups::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(m_thermal.listen());
    if (QStandardPaths::findExecutable(QStringLiteral("cupsd"), {QStringLiteral("/usr/sbin")})
            .isEmpty()) {
        m_cupsProblem = QStringLiteral("cupsd is not installed");
        return;
    }
    m_cups = std::make_unique<PrivateCups>();
    const QString problem = m_cups->start();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    // Before Qt's print support first asks libcups anything: libcups reads it once.
    qputenv("CUPS_SERVER", m_cups->server().toUtf8());
    QString added =
        m_cups->addQueue(QStringLiteral("nextup-pdf"),
                         {QStringLiteral("-v"), QStringLiteral("cups-pdf:/"), QStringLiteral("-P"),
                          QStringLiteral("/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd")});
    QVERIFY2(added.isEmpty(), qPrintable(added));
    added = m_cups->addQueue(QStringLiteral("nextup-raw"),
                             {QStringLiteral("-v"),
                              QStringLiteral("socket://127.0.0.1:%1").arg(m_thermal.port()),
                              QStringLiteral("-m"), QStringLiteral("raw")});
    QVERIFY2(added.isEmpty(), qPrintable(added));
}

std::optional<PrintFailure> TestTicketCups::print(const QString &url, const Ticket &ticket)
{
    const auto settings = PrinterSettings::fromUrl(url);
    if (!settings)
        return PrintFailure{PrintFailure::Reason::PrinterError, QStringLiteral("bad url")};
    TicketPrinter printer(*settings);
    QSignalSpy printed(&printer, &TicketPrinter::printed);
    QSignalSpy failed(&printer, &TicketPrinter::failed);
    printer.print(ticket);
    (void)QTest::qWaitFor([&] { return !printed.isEmpty() || !failed.isEmpty(); }, 20000);
    if (!failed.isEmpty())
        return failed.first().at(1).value<PrintFailure>();
    if (printed.isEmpty())
        return PrintFailure{PrintFailure::Reason::Timeout, QStringLiteral("no answer")};
    return std::nullopt;
}

QString TestTicketCups::pdfText(const QString &pdf)
{
    QProcess pdftotext;
    pdftotext.start(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
    if (!pdftotext.waitForFinished(15000))
        return {};
    return QString::fromUtf8(pdftotext.readAllStandardOutput());
}

void TestTicketCups::verifyText(const QString &text, const Ticket &ticket)
{
    const TicketText lines = TicketText::of(ticket);
    // NFKC: pdftotext gives ligatures ("ﬁ") where the font has them.
    const QString flat = text.normalized(QString::NormalizationForm_KC).simplified();
    for (const QString &expected : {lines.branch, lines.service, lines.number, lines.position,
                                    lines.wait, lines.message, lines.time.simplified()})
        QVERIFY2(flat.contains(expected),
                 qPrintable(expected + QStringLiteral(" not in: ") + flat));
}

void TestTicketCups::pdfFileThroughQPrinter()
{
    // QPrinter::PdfFormat, no CUPS at all: the same painting as on a system printer.
    const QString pdf = m_dir.filePath(QStringLiteral("ticket.pdf"));
    const Ticket ticket = sampleTicket(QStringLiteral("es"));
    const auto failure = print(QStringLiteral("pdf:") + pdf, ticket);
    QVERIFY2(!failure, failure ? qPrintable(failure->detail) : "");
    verifyText(pdfText(pdf), ticket);
}

void TestTicketCups::cupsPdfThroughQPrinter()
{
    if (!m_cups)
        QSKIP(qPrintable(m_cupsProblem));
    // CUPS-PDF writes to Out of /etc/cups/cups-pdf.conf, ${HOME}/PDF by default, named after the
    // job's title ("Nextup ticket <number>"): a number of this run's own finds our file.
    Ticket ticket = sampleTicket();
    ticket.tokenNumber =
        QStringLiteral("T%1").arg(QRandomGenerator::global()->bounded(100000, 999999));
    const QDir out(QDir::homePath() + QStringLiteral("/PDF"));
    const auto failure = print(QStringLiteral("system:nextup-pdf"), ticket);
    QVERIFY2(!failure, failure ? qPrintable(failure->detail) : "");
    QString pdf;
    qint64 lastSize = -1;
    const bool found = QTest::qWaitFor(
        [&] {
            const QStringList names =
                out.entryList({QStringLiteral("*%1*.pdf").arg(ticket.tokenNumber)}, QDir::Files);
            pdf = names.isEmpty() ? QString() : out.filePath(names.first());
            // Done when the file stops growing: CUPS-PDF writes it while Ghostscript runs.
            const qint64 size = pdf.isEmpty() ? 0 : QFileInfo(pdf).size();
            const bool stable = size > 0 && size == lastSize;
            lastSize = size;
            if (!stable)
                QTest::qWait(200);
            return stable;
        },
        30000);
    QVERIFY2(found, qPrintable(m_cups->errorLog().right(2000)));
    // CUPS-PDF takes the job as PostScript (pdftops) and remakes the PDF with Ghostscript, which
    // drops the text layer of Qt's embedded font subsets: pdftotext reads symbols there (the text
    // itself is checked on QPrinter's own PDF above). So read the page as a customer would: the
    // number's page renders, and the QR code on it scans to this token's own status link.
    const QString png = m_dir.filePath(QStringLiteral("cups-page"));
    QProcess pdftoppm;
    pdftoppm.start(QStringLiteral("pdftoppm"),
                   {QStringLiteral("-r"), QStringLiteral("150"), QStringLiteral("-png"),
                    QStringLiteral("-singlefile"), pdf, png});
    QVERIFY(pdftoppm.waitForFinished(20000) && pdftoppm.exitCode() == 0);
    const QImage page(png + QStringLiteral(".png"));
    QVERIFY(!page.isNull());
    QCOMPARE(readQrCode(page), ticket.qrPayload);
    QFile::remove(pdf);
}

void TestTicketCups::rawQueueFeedsThermalPrinter()
{
    if (!m_cups)
        QSKIP(qPrintable(m_cupsProblem));
    // lp -o raw into CUPS, CUPS's socket backend to the fake printer: the bytes arrive untouched.
    m_thermal.clear();
    QSignalSpy received(&m_thermal, &FakeThermalPrinter::jobReceived);
    const Ticket ticket = sampleTicket();
    const auto failure =
        print(QStringLiteral("cups://%1/nextup-raw?paper=58").arg(m_cups->server()), ticket);
    QVERIFY2(!failure, failure ? qPrintable(failure->detail) : "");
    QVERIFY2(received.wait(20000), qPrintable(m_cups->errorLog().right(2000)));
    const EscPosDocument doc = m_thermal.lastDocument();
    QVERIFY2(doc.error.isEmpty(), qPrintable(doc.error));
    QCOMPARE(doc.lineContaining(ticket.tokenNumber)->width, 4);
    QCOMPARE(doc.qrCodes.value(0).payload, ticket.qrPayload);
    QVERIFY(doc.endsWithCut);
}

void TestTicketCups::missingQueueFails()
{
    if (!m_cups)
        QSKIP(qPrintable(m_cupsProblem));
    const auto failure =
        print(QStringLiteral("cups://%1/no-such-queue").arg(m_cups->server()), sampleTicket());
    QVERIFY(failure.has_value());
    QCOMPARE(failure->reason, PrintFailure::Reason::NotReachable);
    QVERIFY2(failure->detail.contains(QStringLiteral("no-such-queue")),
             qPrintable(failure->detail));
    const auto system = print(QStringLiteral("system:no-such-printer"), sampleTicket());
    QVERIFY(system.has_value());
    QCOMPARE(system->reason, PrintFailure::Reason::NotReachable);
}

QTEST_MAIN(TestTicketCups)
#include "tst_ticket_cups.moc"
