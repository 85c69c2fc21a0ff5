// Appointments' settings on the Booking page: a branch's weekly hours (several ranges a day),
// closed dates, horizon and check-in window, and a service's slot length and places, typed into
// the widgets, saved, and read back from the REST API and into the page again.

#include <QDateEdit>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTest>

#include "admin/bookingpage.h"
#include "admin/closeddatesedit.h"
#include "admin/openinghoursedit.h"
#include "admin/serviceslotsbox.h"
#include "consoleadmintest.h"

using namespace Nextup;
using namespace Nextup::Console;

namespace {
QJsonArray ranges(std::initializer_list<std::pair<const char *, const char *>> list)
{
    QJsonArray out;
    for (const auto &[open, close] : list)
        out.append(QJsonArray{QLatin1String(open), QLatin1String(close)});
    return out;
}

void retype(QLineEdit *edit, const QString &text)
{
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Delete);
    QTest::keyClicks(edit, text);
}

void retype(QSpinBox *spin, int value)
{
    spin->selectAll();
    QTest::keyClicks(spin, QString::number(value));
    QCOMPARE(spin->value(), value);
}

// The Booking page with branch 1's settings loaded.
BookingPage *openBooking(QTabWidget *tabs)
{
    auto *booking = tabs->findChild<BookingPage *>();
    QSignalSpy loaded(booking, &BookingPage::loaded);
    tabs->setCurrentWidget(booking);
    booking->reload();
    if (!loaded.wait(10000) || booking->branchId() != 1)
        return nullptr;
    return booking;
}
} // namespace

void TestConsoleAdmin::bookingHoursRoundTrip()
{
    BookingPage *booking = openBooking(m_tabs.get());
    QVERIFY(booking);
    // The server's default: Monday to Friday 09:00-17:00.
    QCOMPARE(booking->hoursEdit()->dayEdit(1)->text(), QStringLiteral("09:00-17:00"));
    QCOMPARE(booking->hoursEdit()->dayEdit(7)->text(), QString());

    retype(booking->hoursEdit()->dayEdit(1), QStringLiteral("8:30-12:00, 13:00-18:30"));
    QTest::mouseClick(booking->findChild<QPushButton *>(QStringLiteral("copyMondayButton")),
                      Qt::LeftButton);
    QCOMPARE(booking->hoursEdit()->dayEdit(5)->text(), QStringLiteral("8:30-12:00, 13:00-18:30"));
    retype(booking->hoursEdit()->dayEdit(6), QStringLiteral("09:00-13:00"));
    retype(booking->hoursEdit()->dayEdit(7), QStringLiteral("20:00-24:00"));
    const QDate holiday = QDate::currentDate().addDays(20);
    ClosedDatesEdit *closed = booking->closedDatesEdit();
    closed->newDate()->setDate(holiday);
    QTest::keyClicks(closed->newReason(), QStringLiteral("Inventory day"));
    QTest::mouseClick(closed->addButton(), Qt::LeftButton);
    QCOMPARE(closed->dates().size(), 1);
    retype(booking->horizonEdit(), 30);
    retype(booking->earlyEdit(), 20);
    retype(booking->lateEdit(), 10);
    QSignalSpy saved(booking, &BookingPage::saved);
    QTest::mouseClick(booking->saveButton(), Qt::LeftButton);
    QVERIFY(saved.wait(10000));

    const QJsonObject api = getObject(QStringLiteral("/api/branches/1/booking"));
    const QJsonObject hours = api.value(u"opening_hours").toObject();
    const QJsonArray weekday = ranges({{"08:30", "12:00"}, {"13:00", "18:30"}});
    QCOMPARE(hours.value(u"mon").toArray(), weekday);
    QCOMPARE(hours.value(u"fri").toArray(), weekday);
    QCOMPARE(hours.value(u"sat").toArray(), ranges({{"09:00", "13:00"}}));
    QCOMPARE(hours.value(u"sun").toArray(), ranges({{"20:00", "24:00"}}));
    QCOMPARE(api.value(u"closed_dates").toArray(),
             (QJsonArray{QJsonObject{{"date", holiday.toString(Qt::ISODate)},
                                     {"reason", "Inventory day"}}}));
    QCOMPARE(api.value(u"booking_horizon_days").toInt(), 30);
    QCOMPARE(api.value(u"checkin_early_minutes").toInt(), 20);
    QCOMPARE(api.value(u"checkin_late_minutes").toInt(), 10);

    // Read back into a page that forgot what was typed.
    retype(booking->hoursEdit()->dayEdit(1), QString());
    booking = openBooking(m_tabs.get());
    QVERIFY(booking);
    QCOMPARE(booking->hoursEdit()->dayEdit(1)->text(), QStringLiteral("08:30-12:00, 13:00-18:30"));
    QCOMPARE(booking->hoursEdit()->dayEdit(7)->text(), QStringLiteral("20:00-24:00"));
    QCOMPARE(booking->closedDatesEdit()->dates().value(0).reason, QStringLiteral("Inventory day"));
    QCOMPARE(booking->lateEdit()->value(), 10);
}

void TestConsoleAdmin::bookingHoursRefusedBeforeSending()
{
    BookingPage *booking = openBooking(m_tabs.get());
    QVERIFY(booking);
    const QJsonObject before = getObject(QStringLiteral("/api/branches/1/booking"));
    retype(booking->hoursEdit()->dayEdit(2), QStringLiteral("9-5"));
    retype(booking->hoursEdit()->dayEdit(3), QStringLiteral("13:00-17:00, 09:00-12:00"));
    QSignalSpy failed(booking, &BookingPage::saveFailed);
    QSignalSpy saved(booking, &BookingPage::saved);
    QTest::mouseClick(booking->saveButton(), Qt::LeftButton);
    QCOMPARE(failed.count(), 1);
    for (const char *day : {"tueError", "wedError"}) {
        auto *label = booking->findChild<QLabel *>(QLatin1String(day));
        QVERIFY(label);
        QVERIFY(label->isVisible());
        QVERIFY(!label->text().isEmpty());
    }
    QVERIFY(!booking->findChild<QLabel *>(QStringLiteral("monError"))->isVisible());
    QVERIFY(!saved.wait(500));
    QCOMPARE(getObject(QStringLiteral("/api/branches/1/booking")), before);
}

void TestConsoleAdmin::serviceSlotsRoundTrip()
{
    BookingPage *booking = openBooking(m_tabs.get());
    QVERIFY(booking);
    ServiceSlotsBox *slotBox = booking->slotsBox();
    QTRY_VERIFY_WITH_TIMEOUT(slotBox->booking(1).has_value(), 10000);
    slotBox->selectService(1);
    QCOMPARE(slotBox->currentServiceId(), 1);
    // Until an admin sets it, places come from the counters.
    QCOMPARE(slotBox->placesEdit()->value(), slotBox->placesEdit()->minimum());
    QCOMPARE(slotBox->placesEdit()->text(), QStringLiteral("From the counters"));

    retype(slotBox->slotMinutesEdit(), 20);
    retype(slotBox->placesEdit(), 4);
    QSignalSpy saved(slotBox, &ServiceSlotsBox::saved);
    QTest::mouseClick(slotBox->saveButton(), Qt::LeftButton);
    QVERIFY(saved.wait(10000));
    QJsonObject api = getObject(QStringLiteral("/api/services/1/booking"));
    QCOMPARE(api.value(u"slot_minutes").toInt(), 20);
    QCOMPARE(api.value(u"slot_capacity").toInt(), 4);
    QCOMPARE(api.value(u"capacity").toInt(), 4);
    const QTableWidget *table = slotBox->table();
    QCOMPARE(table->item(0, 1)->text(), QStringLiteral("20 min"));
    QCOMPARE(table->item(0, 2)->text(), QStringLiteral("4"));

    // Back to the counters' figure: "empty" is the lowest value.
    slotBox->placesEdit()->setValue(slotBox->placesEdit()->minimum());
    retype(slotBox->slotMinutesEdit(), 15);
    QTest::mouseClick(slotBox->saveButton(), Qt::LeftButton);
    QVERIFY(saved.wait(10000));
    api = getObject(QStringLiteral("/api/services/1/booking"));
    QCOMPARE(api.value(u"slot_minutes").toInt(), 15);
    QVERIFY(api.value(u"slot_capacity").isNull());
    QVERIFY(table->item(0, 2)->text().contains(QStringLiteral("from the counters")));
}
