// Appointments in the console against a real server: the Appointments view lists a booked token;
// the scan field checks in what a USB scanner types (the receipt's QR code, then Enter), a typed
// number, and explains a ticket outside its window, an unknown one and one already checked in;
// the operator's line marks appointments with their slot time; a chosen token is called out of
// turn with a reason that the history shows; only one row of the line says "next". Screenshots of
// the view in English and Arabic.

#include <memory>

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include "admin/admincatalog.h"
#include "admin/historymodels.h"
#include "admin/historypage.h"
#include "admin/statsmodel.h"
#include "admin/statspage.h"
#include "app/consolesettings.h"
#include "app/mainwindow.h"
#include "app/translations.h"
#include "appointments/appointmentsmodel.h"
#include "appointments/appointmentspage.h"
#include "appointments/checkindesk.h"
#include "consoletest.h"
#include "nextup/client/apiclient.h"
#include "nextup/client/authjobs.h"
#include "nextup/client/queueclient.h"
#include "nextup/client/ticketcode.h"
#include "operator/directcalldialog.h"
#include "operator/operatorpage.h"
#include "operator/queuepanel.h"
#include "operator/waitingtablemodel.h"
#include "operator/workpanel.h"

using namespace Nextup;
using namespace Nextup::Console;
using namespace ConsoleTest;

class TestConsoleAppointments : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void ticketCodes_data();
    void ticketCodes();
    void openingRanges_data();
    void openingRanges();
    void listShowsBookedAppointment();
    void scanChecksInAndMarksTheLine();
    void scanOutsideTheWindow();
    void scanNumbersAndUnknownTickets();
    void statisticsShowAppointments();
    void directCallWithReason();
    void nextShownOnce();
    void screenshotsInEnglishAndArabic();

private:
    struct Booked
    {
        qint64 id = 0;
        QString number;
        QString secret;
        QDateTime slot;
        QString qr; // what the receipt's QR code holds
    };
    // Books the first slot at least `minutesAhead` minutes from now (15-minute slots, the branch
    // open all day); fails the test (QVERIFY) when the server refuses.
    Booked book(int serviceId, int minutesAhead, const QString &customer = {});
    MainWindow &window() { return *m_console->window; }
    AppointmentsPage *appointments() { return window().appointmentsPage(); }
    OperatorPage *counterPage() { return window().operatorPage(); }
    // Shows the Appointments tab on the slot's day.
    void showAppointmentsOf(const Booked &booked);
    // Types `text` into the scan field like a scanner, then Enter; the outcome.
    CheckInOutcome scan(const QString &text);
    QString statusOf(qint64 tokenId);
    QString stateShown(qint64 tokenId);
    bool openCounterOne();
    // An admin's own session (the console's is operator1's).
    bool signInAdmin(ApiClient &api);

    Backend m_backend;
    QTemporaryDir m_dir;
    std::unique_ptr<ConsoleTest::Console> m_console;
};

void TestConsoleAppointments::initTestCase()
{
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/nextup-test-bus");
    QVERIFY(m_dir.isValid());
    QVERIFY(m_backend.start(QStringLiteral("t_console_appt")));
    // Open all day, every day: there is a slot to book (and check in) at any hour of the run.
    QJsonObject week;
    for (const char *day : {"mon", "tue", "wed", "thu", "fri", "sat", "sun"})
        week.insert(QLatin1String(day), QJsonArray{QJsonArray{"00:00", "24:00"}});
    const HttpReply opened =
        m_backend.http().put(QStringLiteral("/api/branches/1/booking"),
                             {{QStringLiteral("opening_hours"), week}}, m_backend.adminToken());
    QVERIFY2(opened.status == 200, opened.body.constData());

    m_console = std::make_unique<ConsoleTest::Console>(m_dir.filePath(QStringLiteral("ap.ini")));
    m_console->settings->setLanguage(QStringLiteral("en"));
    m_console->translations->apply(QStringLiteral("en"));
    window().start();
    QVERIFY(QTest::qWaitForWindowActive(&window()));
    QVERIFY(signIn(window(), m_backend.baseUrl(), QStringLiteral("operator1"),
                   QStringLiteral("operator123")));
    QTRY_VERIFY_WITH_TIMEOUT(!window().queueClient()->isStale(), kConverge);
    QVERIFY(appointments());
    appointments()->setRefreshDelay(50);
}

void TestConsoleAppointments::cleanup()
{
    m_backend.server().dumpIfFailed();
}

void TestConsoleAppointments::ticketCodes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("kind");
    QTest::addColumn<qint64>("id");
    QTest::addColumn<QString>("secret");
    QTest::addColumn<QString>("number");
    const int token = int(TicketCode::Kind::Token);
    const int number = int(TicketCode::Kind::Number);
    const int invalid = int(TicketCode::Kind::Invalid);
    QTest::newRow("qr code") << "http://127.0.0.1:8080/#t=42.aB-_9z" << token << qint64(42)
                             << "aB-_9z"
                             << "";
    QTest::newRow("qr code, scanner's spaces")
        << "  https://q.example/#t=7.s3cr3t \r" << token << qint64(7) << "s3cr3t"
        << "";
    QTest::newRow("status link") << "http://h/api/tokens/501/status?secret=xyz" << token
                                 << qint64(501) << "xyz"
                                 << "";
    QTest::newRow("number") << "D501" << number << qint64(0) << ""
                            << "D501";
    QTest::newRow("number, lower case, short") << "w7" << number << qint64(0) << ""
                                               << "W007";
    QTest::newRow("digits only") << "501" << invalid << qint64(0) << ""
                                 << "";
    QTest::newRow("words") << "hello world" << invalid << qint64(0) << ""
                           << "";
    QTest::newRow("empty") << "" << invalid << qint64(0) << ""
                           << "";
}

void TestConsoleAppointments::ticketCodes()
{
    QFETCH(QString, text);
    QFETCH(int, kind);
    QFETCH(qint64, id);
    QFETCH(QString, secret);
    QFETCH(QString, number);
    const TicketCode ticket = TicketCode::parse(text);
    QCOMPARE(int(ticket.kind), kind);
    QCOMPARE(ticket.tokenId, id);
    QCOMPARE(ticket.secret, secret);
    QCOMPARE(ticket.number, number);
}

void TestConsoleAppointments::openingRanges_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("normalised");
    QTest::newRow("closed") << "" << true << "";
    QTest::newRow("one") << "9:00-17:00" << true << "09:00-17:00";
    QTest::newRow("two, dashes and spaces")
        << "09:00 – 12:30 ,13:30-17:00" << true << "09:00-12:30, 13:30-17:00";
    QTest::newRow("to midnight") << "18:00-24:00" << true << "18:00-24:00";
    QTest::newRow("closes before it opens") << "17:00-09:00" << false << "";
    QTest::newRow("overlapping") << "09:00-13:00, 12:00-17:00" << false << "";
    QTest::newRow("out of order") << "13:00-17:00, 09:00-12:00" << false << "";
    QTest::newRow("not a time") << "9-5" << false << "";
}

void TestConsoleAppointments::openingRanges()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(QString, normalised);
    const auto ranges = BranchBooking::parseRanges(text);
    QCOMPARE(ranges.has_value(), valid);
    if (ranges)
        QCOMPARE(BranchBooking::rangesText(*ranges), normalised);
}

TestConsoleAppointments::Booked TestConsoleAppointments::book(int serviceId, int minutesAhead,
                                                              const QString &customer)
{
    constexpr qint64 step = 15 * 60;
    // A minute of margin, so the slot has not begun when the request arrives.
    const qint64 earliest = QDateTime::currentSecsSinceEpoch() + 60 + qint64(minutesAhead) * 60;
    const QDateTime slot =
        QDateTime::fromSecsSinceEpoch((earliest + step - 1) / step * step, Qt::UTC);
    QJsonObject body{{QStringLiteral("service_id"), serviceId},
                     {QStringLiteral("preferred_slot"), slot.toString(Qt::ISODateWithMs)}};
    if (!customer.isEmpty())
        body.insert(QStringLiteral("customer_info"), customer);
    const HttpReply reply = m_backend.http().post(QStringLiteral("/api/tokens"), body);
    Booked booked;
    if (reply.status != 201) {
        qWarning("booking %s: %d %s", qPrintable(slot.toString(Qt::ISODate)), reply.status,
                 reply.body.constData());
        return booked;
    }
    const QJsonObject json = reply.object();
    booked.id = json.value(u"token_id").toInteger();
    booked.number = json.value(u"token_number").toString();
    booked.secret = json.value(u"secret").toString();
    booked.slot = slot;
    booked.qr = QStringLiteral("%1/#t=%2.%3")
                    .arg(m_backend.baseUrl().toString(QUrl::StripTrailingSlash))
                    .arg(booked.id)
                    .arg(booked.secret);
    return booked;
}

void TestConsoleAppointments::showAppointmentsOf(const Booked &booked)
{
    window().workspace()->setCurrentWidget(appointments());
    QSignalSpy refreshed(appointments(), &AppointmentsPage::refreshed);
    // The branch keeps UTC: its business day is the slot's UTC date.
    appointments()->showDay(booked.slot.toUTC().date());
    QVERIFY(refreshed.wait(kConverge));
}

CheckInOutcome TestConsoleAppointments::scan(const QString &text)
{
    QLineEdit *field = appointments()->scanField();
    window().workspace()->setCurrentWidget(appointments());
    QSignalSpy finished(appointments(), &AppointmentsPage::checkInFinished);
    field->setFocus();
    QTest::keyClicks(field, text);
    QTest::keyClick(field, Qt::Key_Return);
    if (!finished.wait(kConverge)) {
        qWarning("no outcome for %s", qPrintable(text));
        return {};
    }
    return finished.last().at(0).value<CheckInOutcome>();
}

QString TestConsoleAppointments::statusOf(qint64 tokenId)
{
    return m_backend.http()
        .get(QStringLiteral("/api/tokens/%1").arg(tokenId), m_backend.adminToken())
        .object()
        .value(u"token")
        .toObject()
        .value(u"status")
        .toString();
}

QString TestConsoleAppointments::stateShown(qint64 tokenId)
{
    const AppointmentsModel *model = appointments()->model();
    const int row = model->rowOf(tokenId);
    return row < 0 ? QString()
                   : model->index(row, AppointmentsModel::StateColumn).data().toString();
}

bool TestConsoleAppointments::openCounterOne()
{
    if (!chooseCounter(window(), 1))
        return false;
    if (counterPage()->deskState().counterStatus == u"open")
        return true;
    auto *open = child<QPushButton>(counterPage(), "openButton");
    QSignalSpy finished(counterPage(), &OperatorPage::actionFinished);
    QTest::mouseClick(open, Qt::LeftButton);
    return finished.wait(kConverge) && finished.last().at(1).toBool();
}

bool TestConsoleAppointments::signInAdmin(ApiClient &api)
{
    QSignalSpy signedIn(api.login(QStringLiteral("admin"), QStringLiteral("admin123")),
                        &ApiJob::succeeded);
    return signedIn.wait(kConverge);
}

void TestConsoleAppointments::listShowsBookedAppointment()
{
    const Booked booked = book(1, 60, QStringLiteral("Rosa Díaz"));
    QVERIFY(booked.id > 0);
    QVERIFY(booked.number.startsWith(u'D'));
    showAppointmentsOf(booked);
    const AppointmentsModel *model = appointments()->model();
    const int row = model->rowOf(booked.id);
    QVERIFY(row >= 0);
    QCOMPARE(model->index(row, AppointmentsModel::NumberColumn).data().toString(), booked.number);
    QCOMPARE(model->index(row, AppointmentsModel::TimeColumn).data().toString(),
             booked.slot.toLocalTime().toString(QStringLiteral("HH:mm")));
    QCOMPARE(model->index(row, AppointmentsModel::ServiceColumn).data().toString(),
             QStringLiteral("Deposit"));
    QCOMPARE(model->index(row, AppointmentsModel::CustomerColumn).data().toString(),
             QStringLiteral("Rosa Díaz"));
    QCOMPARE(stateShown(booked.id), QStringLiteral("Booked"));
    QVERIFY(appointments()->checkInButton(booked.id));

    // One booked meanwhile appears by itself (token_booked on the live socket).
    const Booked later = book(2, 75);
    QVERIFY(later.id > 0);
    if (later.slot.toUTC().date() == booked.slot.toUTC().date())
        QTRY_VERIFY_WITH_TIMEOUT(model->rowOf(later.id) >= 0, kConverge);

    // Filters: by service, by state.
    auto *service = appointments()->serviceBox();
    service->setCurrentIndex(service->findData(2));
    QCOMPARE(model->rowOf(booked.id), -1);
    service->setCurrentIndex(0);
    QVERIFY(model->rowOf(booked.id) >= 0);
    auto *state = appointments()->stateBox();
    state->setCurrentIndex(state->findData(int(AppointmentState::CheckedIn)));
    QCOMPARE(model->rowOf(booked.id), -1);
    state->setCurrentIndex(0);
    QVERIFY(model->rowOf(booked.id) >= 0);
    QVERIFY2(unnamedControls(appointments()).isEmpty(),
             qPrintable(unnamedControls(appointments()).join(u' ')));
}

void TestConsoleAppointments::scanChecksInAndMarksTheLine()
{
    const Booked booked = book(1, 0);
    QVERIFY(booked.id > 0);
    showAppointmentsOf(booked);
    QCOMPARE(stateShown(booked.id), QStringLiteral("Booked"));

    const CheckInOutcome outcome = scan(booked.qr);
    QVERIFY2(outcome.kind == CheckInOutcome::Kind::CheckedIn, qPrintable(outcome.message));
    QCOMPARE(outcome.tokenId, booked.id);
    QVERIFY(outcome.position >= 1);
    const QString shown = appointments()->scanResult()->text();
    QVERIFY2(shown.contains(booked.number) && shown.contains(QStringLiteral("checked in")) &&
                 shown.contains(QString::number(outcome.position)),
             qPrintable(shown));
    QVERIFY(appointments()->scanField()->text().isEmpty()); // ready for the next ticket
    QCOMPARE(statusOf(booked.id), QStringLiteral("waiting"));
    QTRY_COMPARE_WITH_TIMEOUT(stateShown(booked.id), QStringLiteral("Checked in"), kConverge);
    QVERIFY(!appointments()->checkInButton(booked.id));

    // The same ticket again: already checked in, and nothing changes.
    const CheckInOutcome again = scan(booked.qr);
    QCOMPARE(int(again.kind), int(CheckInOutcome::Kind::AlreadyCheckedIn));
    QVERIFY2(appointments()->scanResult()->text().contains(QStringLiteral("already checked in")),
             qPrintable(appointments()->scanResult()->text()));
    QCOMPARE(statusOf(booked.id), QStringLiteral("waiting"));

    // In the operator's line it is marked with its slot time.
    window().workspace()->setCurrentWidget(counterPage());
    QVERIFY(chooseCounter(window(), 1));
    QTRY_VERIFY_WITH_TIMEOUT(listedTokens(window()).contains(booked.id), kConverge);
    const WaitingTableModel *line = counterPage()->queuePanel()->model();
    const int row = int(listedTokens(window()).indexOf(booked.id));
    QTRY_COMPARE_WITH_TIMEOUT(line->index(row, WaitingTableModel::SlotColumn).data().toString(),
                              booked.slot.toLocalTime().toString(QStringLiteral("HH:mm")),
                              kConverge);
    // A walk-in is not marked.
    const qint64 walkIn = m_backend.issueToken(1);
    QTRY_VERIFY_WITH_TIMEOUT(listedTokens(window()).contains(walkIn), kConverge);
    QCOMPARE(line->index(int(listedTokens(window()).indexOf(walkIn)), WaitingTableModel::SlotColumn)
                 .data()
                 .toString(),
             QString());
    QVERIFY(!saveScreenshot(&window(), QStringLiteral("operator_appointment_en")).isEmpty());
}

void TestConsoleAppointments::scanOutsideTheWindow()
{
    // Two hours ahead: the window (30 minutes before to 15 after) has not opened.
    const Booked booked = book(1, 120);
    QVERIFY(booked.id > 0);
    const CheckInOutcome outcome = scan(booked.qr);
    QCOMPARE(int(outcome.kind), int(CheckInOutcome::Kind::OutsideWindow));
    QCOMPARE(outcome.window.opensAt, booked.slot.addSecs(-30 * 60));
    QCOMPARE(outcome.window.closesAt, booked.slot.addSecs(15 * 60));
    const QString shown = appointments()->scanResult()->text();
    QVERIFY2(shown.startsWith(QStringLiteral("Too early")) && shown.contains(booked.number) &&
                 shown.contains(deskTime(outcome.window.opensAt)) &&
                 shown.contains(deskTime(outcome.window.closesAt)),
             qPrintable(shown));
    QCOMPARE(statusOf(booked.id), QStringLiteral("booked"));
}

void TestConsoleAppointments::scanNumbersAndUnknownTickets()
{
    const Booked booked = book(2, 0);
    QVERIFY(booked.id > 0);
    if (booked.slot.toUTC().date() != QDate::currentDate())
        QSKIP("the next slot is tomorrow: a number is looked up among today's appointments");
    // Typed by a person, in lower case.
    const CheckInOutcome byNumber = scan(booked.number.toLower());
    QVERIFY2(byNumber.kind == CheckInOutcome::Kind::CheckedIn, qPrintable(byNumber.message));
    QCOMPARE(byNumber.tokenId, booked.id);
    QCOMPARE(statusOf(booked.id), QStringLiteral("waiting"));

    const CheckInOutcome unknownToken = scan(QStringLiteral("http://elsewhere/#t=999999.abc"));
    QCOMPARE(int(unknownToken.kind), int(CheckInOutcome::Kind::NotFound));
    QVERIFY2(appointments()->scanResult()->text().contains(QStringLiteral("not found")),
             qPrintable(appointments()->scanResult()->text()));
    const CheckInOutcome unknownNumber = scan(QStringLiteral("D499"));
    QCOMPARE(int(unknownNumber.kind), int(CheckInOutcome::Kind::NotFound));
    QCOMPARE(appointments()->scanResult()->text(), QStringLiteral("No appointment D499 today."));
    const CheckInOutcome nonsense = scan(QStringLiteral("hello"));
    QCOMPARE(int(nonsense.kind), int(CheckInOutcome::Kind::NotFound));

    // A walk-in's number: nothing to check in.
    const qint64 walkIn = m_backend.issueToken(3);
    const QString walkInNumber =
        m_backend.http()
            .get(QStringLiteral("/api/tokens/%1").arg(walkIn), m_backend.adminToken())
            .object()
            .value(u"token")
            .toObject()
            .value(u"token_number")
            .toString();
    const CheckInOutcome notAnAppointment = scan(walkInNumber);
    QCOMPARE(int(notAnAppointment.kind), int(CheckInOutcome::Kind::NotFound));
}

void TestConsoleAppointments::statisticsShowAppointments()
{
    // The tests above booked and checked in appointments today: the Statistics table shows the
    // server's figures per service.
    ApiClient admin(m_backend.baseUrl());
    QVERIFY(signInAdmin(admin));
    StatsPage stats(&admin, nullptr);
    QSignalSpy refreshed(&stats, &StatsPage::refreshed);
    stats.refresh();
    QVERIFY(refreshed.wait(kConverge));
    const QJsonObject api =
        m_backend.http().get(QStringLiteral("/api/stats"), m_backend.adminToken()).object();
    const StatsTableModel *model = stats.model();
    int checked = 0;
    for (const QJsonValue &value : api.value(u"per_service").toArray()) {
        const QJsonObject block = value.toObject();
        const int row = model->rowOf(QStringLiteral("service"), block.value(u"service_id").toInt());
        QVERIFY(row >= 0);
        const auto shown = [&](int column) { return model->index(row, column).data().toString(); };
        QCOMPARE(shown(StatsTableModel::BookedColumn),
                 QString::number(block.value(u"appointments_booked").toInt()));
        QCOMPARE(shown(StatsTableModel::CheckedInColumn),
                 QString::number(block.value(u"appointments_checked_in").toInt()));
        QCOMPARE(shown(StatsTableModel::NoShowsColumn),
                 QString::number(block.value(u"no_shows").toInt()));
        const QJsonValue punctuality = block.value(u"punctuality_seconds");
        QCOMPARE(shown(StatsTableModel::PunctualityColumn),
                 StatsTableModel::punctualityText(punctuality.isDouble()
                                                      ? std::optional(punctuality.toDouble())
                                                      : std::nullopt));
        if (block.value(u"appointments_checked_in").toInt() > 0) {
            ++checked;
            QVERIFY(shown(StatsTableModel::PunctualityColumn) != QStringLiteral("—"));
        }
    }
    QVERIFY(checked >= 1);
    // Nobody was a no-show yet: the rate is 0 %, not missing.
    const int total = model->rowOf(QStringLiteral("total"));
    QCOMPARE(model->index(total, StatsTableModel::NoShowRateColumn).data().toString(),
             QStringLiteral("0%"));
    QVERIFY(!stats.accuracyLabel()->text().isEmpty());
}

void TestConsoleAppointments::directCallWithReason()
{
    window().workspace()->setCurrentWidget(counterPage());
    QVERIFY(openCounterOne());
    // Three walk-ins; the last one is called out of turn.
    QList<qint64> tokens;
    for (int i = 0; i < 3; ++i)
        tokens.append(m_backend.issueToken(1));
    QTRY_VERIFY_WITH_TIMEOUT(listedTokens(window()).contains(tokens.last()), kConverge);
    QueuePanel *panel = counterPage()->queuePanel();
    QPushButton *callChosen = panel->callChosenButton();
    QVERIFY(!callChosen->isEnabled()); // nothing chosen yet
    const int row = int(listedTokens(window()).indexOf(tokens.last()));
    QVERIFY(row > 0); // not the one "call next" would take
    panel->view()->selectionModel()->select(panel->model()->index(row, 0),
                                            QItemSelectionModel::ClearAndSelect |
                                                QItemSelectionModel::Rows);
    QTRY_VERIFY_WITH_TIMEOUT(callChosen->isEnabled(), kConverge);
    QTest::mouseClick(callChosen, Qt::LeftButton);
    DirectCallDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = counterPage()->findChild<DirectCallDialog *>()));
    QTRY_VERIFY(dialog->isVisible());
    QVERIFY(!dialog->callButton()->isEnabled()); // a reason is required
    QTest::keyClick(dialog->reasonField(), Qt::Key_Return);
    QVERIFY(dialog->isVisible());
    const QString reason = QStringLiteral("Elderly customer, documents already checked");
    QTest::keyClicks(dialog->reasonField(), reason);
    QVERIFY(dialog->callButton()->isEnabled());
    QSignalSpy finished(counterPage(), &OperatorPage::directCallFinished);
    QTest::mouseClick(dialog->callButton(), Qt::LeftButton);
    QVERIFY(finished.wait(kConverge));
    QVERIFY2(finished.last().at(0).toBool(), qPrintable(counterPage()->workPanel()->message()));

    // Called at Counter A, shown at the counter, and the reason is in its history.
    const QJsonObject token =
        m_backend.http()
            .get(QStringLiteral("/api/tokens/%1").arg(tokens.last()), m_backend.adminToken())
            .object()
            .value(u"token")
            .toObject();
    QCOMPARE(token.value(u"status").toString(), QStringLiteral("called"));
    QCOMPARE(token.value(u"counter_id").toInt(), 1);
    QCOMPARE(counterPage()->workPanel()->token()->id, tokens.last());
    QCOMPARE(child<QLabel>(counterPage(), "currentNumber")->text(),
             token.value(u"token_number").toString());
    QVERIFY(!callChosen->isEnabled()); // someone is at the counter now

    // The admin's History page shows the event and its reason.
    ApiClient admin(m_backend.baseUrl());
    QVERIFY(signInAdmin(admin));
    AdminCatalog catalog(&admin);
    TokenHistoryPage history(&admin, &catalog);
    QSignalSpy shown(&history, &TokenHistoryPage::timelineShown);
    history.showTimeline(tokens.last());
    QVERIFY(shown.wait(kConverge));
    const TokenEventsModel *events = history.eventsModel();
    int assigned = -1;
    for (int i = 0; i < events->rowCount(); ++i)
        if (events->events().at(i).event == u"assigned")
            assigned = i;
    QVERIFY(assigned >= 0);
    QCOMPARE(events->index(assigned, TokenEventsModel::ReasonColumn).data().toString(), reason);
    QCOMPARE(events->index(assigned, TokenEventsModel::EventColumn).data().toString(),
             QStringLiteral("Called out of turn"));

    // Done with it: the counter is free for the next test.
    QCOMPARE(m_backend.adminPost(QStringLiteral("/api/counters/1/serve")), 200);
    QCOMPARE(m_backend.adminPost(QStringLiteral("/api/counters/1/complete")), 200);
}

void TestConsoleAppointments::nextShownOnce()
{
    // The head of Deposit's line and the head of Withdrawal's: both first in their service, one
    // of them next at Counter A.
    window().workspace()->setCurrentWidget(counterPage());
    QVERIFY(chooseCounter(window(), 1));
    const qint64 deposit = m_backend.issueToken(1);
    const qint64 withdrawal = m_backend.issueToken(2);
    QTRY_VERIFY_WITH_TIMEOUT(listedTokens(window()).contains(deposit) &&
                                 listedTokens(window()).contains(withdrawal),
                             kConverge);
    QTRY_COMPARE_WITH_TIMEOUT(listedTokens(window()), m_backend.callableAt(1), kConverge);
    const WaitingTableModel *line = counterPage()->queuePanel()->model();
    QVERIFY(line->rowCount() >= 2);
    int next = 0;
    for (int row = 0; row < line->rowCount(); ++row) {
        const QString eta = line->index(row, WaitingTableModel::EtaColumn).data().toString();
        if (eta == QStringLiteral("next")) {
            ++next;
            QCOMPARE(row, 0);
        } else {
            QVERIFY2(eta.startsWith(u'~') && !eta.contains(u'<'), qPrintable(eta));
        }
    }
    QCOMPARE(next, 1);
    QCOMPARE(WaitingTableModel::etaText(0, 600), QStringLiteral("next"));
    QCOMPARE(WaitingTableModel::etaText(1, 0), QStringLiteral("~1 min"));
    QCOMPARE(WaitingTableModel::etaText(3, 300), QStringLiteral("~5 min"));
}

void TestConsoleAppointments::screenshotsInEnglishAndArabic()
{
    // A day with every kind of row: booked, checked in, served, cancelled.
    const Booked first = book(1, 0, QStringLiteral("Ana Pérez"));
    const Booked second = book(2, 0, QStringLiteral("Omar Haddad"));
    const Booked third = book(1, 40, QStringLiteral("Lena Fischer"));
    const Booked fourth = book(2, 45);
    for (const Booked *b : {&first, &second, &third, &fourth})
        QVERIFY(b->id > 0);
    QCOMPARE(m_backend.http()
                 .post(QStringLiteral("/api/tokens/%1/cancel").arg(fourth.id),
                       {{QStringLiteral("secret"), fourth.secret}})
                 .status,
             200);
    showAppointmentsOf(first);
    QCOMPARE(int(scan(second.qr).kind), int(CheckInOutcome::Kind::CheckedIn));
    QTRY_COMPARE_WITH_TIMEOUT(stateShown(second.id), QStringLiteral("Checked in"), kConverge);
    QCOMPARE(stateShown(fourth.id), QStringLiteral("Cancelled"));
    QVERIFY(!saveScreenshot(&window(), QStringLiteral("appointments_en")).isEmpty());

    window().setLanguage(QStringLiteral("ar"));
    QCOMPARE(QApplication::layoutDirection(), Qt::RightToLeft);
    QVERIFY(appointments());
    window().workspace()->setCurrentWidget(appointments());
    QSignalSpy refreshed(appointments(), &AppointmentsPage::refreshed);
    appointments()->showDay(first.slot.toUTC().date());
    QVERIFY(refreshed.wait(kConverge));
    QVERIFY(appointments()->model()->rowOf(first.id) >= 0);
    QVERIFY(stateShown(first.id) != QStringLiteral("Booked")); // translated
    QCOMPARE(int(scan(third.qr).kind), int(CheckInOutcome::Kind::OutsideWindow));
    QVERIFY(appointments()->scanResult()->text().contains(third.number));
    QVERIFY(!appointments()->scanResult()->text().startsWith(QStringLiteral("Too early")));
    QVERIFY(!saveScreenshot(&window(), QStringLiteral("appointments_ar")).isEmpty());
    window().setLanguage(QStringLiteral("en"));
}

QTEST_MAIN(TestConsoleAppointments)
#include "tst_console_appointments.moc"
