#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include "domain/bookingcalendar.h"

using namespace Nextup;

// The slot math of appointments: opening hours, slots in the branch's zone (daylight-saving days
// included), what can be booked, the check-in window and a slot's places.
class TestBookingCalendar : public QObject
{
    Q_OBJECT

private slots:
    void openingHoursRoundTrip();
    void openingHoursRefused_data();
    void openingHoursRefused();
    void slotsOfAStandardDay();
    void slotsFollowTheBranchZone_data();
    void slotsFollowTheBranchZone();
    void closedDatesAndWeekdaysHaveNoSlots();
    void refusal_data();
    void refusal();
    void checkInWindow();
    void capacity_data();
    void capacity();

private:
    static QDateTime utc(const char *iso)
    {
        return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toUTC();
    }
    static OpeningHours everyDay(const char *json)
    {
        QJsonObject week;
        for (const char *day : {"mon", "tue", "wed", "thu", "fri", "sat", "sun"})
            week.insert(QLatin1String(day), QJsonDocument::fromJson(json).array());
        return *OpeningHours::fromJson(week, QStringLiteral("opening_hours"));
    }
};

void TestBookingCalendar::openingHoursRoundTrip()
{
    const QByteArray json =
        R"({"mon":[["09:00","12:30"],["13:30","17:00"]],"sat":[["10:00","24:00"]]})";
    const auto hours =
        OpeningHours::fromJson(QJsonDocument::fromJson(json).object(), QStringLiteral("h"));
    QVERIFY(hours.ok());
    QCOMPARE(hours->on(1).size(), 2);
    QCOMPARE(hours->on(1).at(1).open, QTime(13, 30));
    QVERIFY(hours->on(2).isEmpty());
    const QJsonObject written = hours->toJson();
    QCOMPARE(written.value(u"sat").toArray().at(0).toArray().at(1).toString(), u"24:00");
    QCOMPARE(written.keys().size(), 7);
    QCOMPARE(*OpeningHours::fromJson(written, QStringLiteral("h")), *hours);
    QCOMPARE(*OpeningHours::fromJson(OpeningHours::standard().toJson(), QStringLiteral("h")),
             OpeningHours::standard());
}

void TestBookingCalendar::openingHoursRefused_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("not an object") << QByteArray(R"([])");
    QTest::newRow("unknown day") << QByteArray(R"({"monday":[]})");
    QTest::newRow("day not a list") << QByteArray(R"({"mon":"09:00-17:00"})");
    QTest::newRow("closes before it opens") << QByteArray(R"({"mon":[["17:00","09:00"]]})");
    QTest::newRow("empty range") << QByteArray(R"({"mon":[["09:00","09:00"]]})");
    QTest::newRow("not a time") << QByteArray(R"({"mon":[["9am","5pm"]]})");
    QTest::newRow("three ends") << QByteArray(R"({"mon":[["09:00","10:00","11:00"]]})");
    QTest::newRow("overlapping") << QByteArray(R"({"mon":[["09:00","12:00"],["11:00","13:00"]]})");
    QTest::newRow("out of order") << QByteArray(R"({"mon":[["13:00","14:00"],["09:00","10:00"]]})");
}

void TestBookingCalendar::openingHoursRefused()
{
    QFETCH(QByteArray, json);
    const QJsonDocument doc = QJsonDocument::fromJson(json);
    const QJsonValue value = doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
    const auto hours = OpeningHours::fromJson(value, QStringLiteral("opening_hours"));
    QVERIFY(!hours.ok());
    QCOMPARE(hours.error().status, 400);
    QCOMPARE(hours.error().code, u"validation_failed");
    QVERIFY(hours.error().details.toObject().contains(u"opening_hours"));
}

void TestBookingCalendar::slotsOfAStandardDay()
{
    const BookingCalendar calendar(BookingRules{}, 15);
    const QList<Slot> monday = calendar.slotsOn(QDate(2027, 1, 4));
    QCOMPARE(monday.size(), 32); // 09:00-17:00 in quarters
    QCOMPARE(monday.first().start, utc("2027-01-04T09:00:00Z"));
    QCOMPARE(monday.last().end, utc("2027-01-04T17:00:00Z"));
    for (qsizetype i = 1; i < monday.size(); ++i)
        QCOMPARE(monday.at(i).start, monday.at(i - 1).end);
    // A slot length that does not divide the hours: the last slot must end by closing time.
    QCOMPARE(BookingCalendar(BookingRules{}, 45).slotsOn(QDate(2027, 1, 4)).size(), 10);
}

void TestBookingCalendar::slotsFollowTheBranchZone_data()
{
    QTest::addColumn<QByteArray>("zone");
    QTest::addColumn<QDate>("date");
    QTest::addColumn<QByteArray>("hours");
    QTest::addColumn<int>("count");
    QTest::addColumn<QDateTime>("first");
    QTest::addColumn<QDateTime>("last");

    const QByteArray nineToFive = R"([["09:00","17:00"]])";
    const QByteArray allDay = R"([["00:00","24:00"]])";
    // New York: clocks go forward at 02:00 on 2027-03-14 and back at 02:00 on 2027-11-07.
    QTest::newRow("NY the day before spring")
        << QByteArray("America/New_York") << QDate(2027, 3, 13) << nineToFive << 8
        << utc("2027-03-13T14:00:00Z") << utc("2027-03-13T21:00:00Z");
    QTest::newRow("NY spring forward")
        << QByteArray("America/New_York") << QDate(2027, 3, 14) << nineToFive << 8
        << utc("2027-03-14T13:00:00Z") << utc("2027-03-14T20:00:00Z");
    QTest::newRow("NY fall back") << QByteArray("America/New_York") << QDate(2027, 11, 7)
                                  << nineToFive << 8 << utc("2027-11-07T14:00:00Z")
                                  << utc("2027-11-07T21:00:00Z");
    QTest::newRow("NY spring, open all day: 23 hours")
        << QByteArray("America/New_York") << QDate(2027, 3, 14) << allDay << 23
        << utc("2027-03-14T05:00:00Z") << utc("2027-03-15T03:00:00Z");
    QTest::newRow("NY fall, open all day: 25 hours")
        << QByteArray("America/New_York") << QDate(2027, 11, 7) << allDay << 25
        << utc("2027-11-07T04:00:00Z") << utc("2027-11-08T04:00:00Z");
    QTest::newRow("Riyadh, no DST")
        << QByteArray("Asia/Riyadh") << QDate(2027, 3, 14) << nineToFive << 8
        << utc("2027-03-14T06:00:00Z") << utc("2027-03-14T13:00:00Z");
    QTest::newRow("unknown zone is UTC")
        << QByteArray("Mars/Olympus") << QDate(2027, 3, 14) << nineToFive << 8
        << utc("2027-03-14T09:00:00Z") << utc("2027-03-14T16:00:00Z");
}

void TestBookingCalendar::slotsFollowTheBranchZone()
{
    QFETCH(QByteArray, zone);
    QFETCH(QDate, date);
    QFETCH(QByteArray, hours);
    QFETCH(int, count);
    QFETCH(QDateTime, first);
    QFETCH(QDateTime, last);
    BookingRules rules;
    rules.timezone = zone;
    rules.hours = everyDay(hours);
    const QList<Slot> daySlots = BookingCalendar(rules, 60).slotsOn(date);
    QCOMPARE(daySlots.size(), count);
    QCOMPARE(daySlots.first().start, first);
    QCOMPARE(daySlots.last().start, last);
    for (const Slot &slot : daySlots)
        QCOMPARE(slot.start.secsTo(slot.end), 3600);
}

void TestBookingCalendar::closedDatesAndWeekdaysHaveNoSlots()
{
    BookingRules rules;
    rules.closedDates = {QDate(2027, 1, 6)};
    const BookingCalendar calendar(rules, 30);
    QVERIFY(calendar.slotsOn(QDate(2027, 1, 6)).isEmpty()); // a closed Wednesday
    QVERIFY(calendar.slotsOn(QDate(2027, 1, 9)).isEmpty()); // Saturday: standard hours
    QVERIFY(calendar.slotsOn(QDate()).isEmpty());
    QCOMPARE(calendar.slotsOn(QDate(2027, 1, 7)).size(), 16);
}

void TestBookingCalendar::refusal_data()
{
    QTest::addColumn<QDateTime>("start");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");

    // now = Monday 2027-01-04 10:07 UTC; standard hours, 15-minute slots, 14 days' horizon,
    // closed on Wednesday 2027-01-06.
    QTest::newRow("a slot later today") << utc("2027-01-04T10:15:00Z") << 0 << QString();
    QTest::newRow("the last slot of the horizon") << utc("2027-01-18T16:45:00Z") << 0 << QString();
    QTest::newRow("the slot that started")
        << utc("2027-01-04T10:00:00Z") << 400 << QStringLiteral("validation_failed");
    QTest::newRow("yesterday") << utc("2027-01-03T10:00:00Z") << 400
                               << QStringLiteral("validation_failed");
    QTest::newRow("off the boundary")
        << utc("2027-01-05T10:20:00Z") << 400 << QStringLiteral("validation_failed");
    QTest::newRow("after closing")
        << utc("2027-01-05T17:00:00Z") << 400 << QStringLiteral("validation_failed");
    QTest::newRow("beyond the horizon")
        << utc("2027-01-19T10:00:00Z") << 400 << QStringLiteral("validation_failed");
    QTest::newRow("a closed date")
        << utc("2027-01-06T10:00:00Z") << 409 << QStringLiteral("closed");
    QTest::newRow("a Sunday") << utc("2027-01-10T10:00:00Z") << 409 << QStringLiteral("closed");
    QTest::newRow("not a time") << QDateTime() << 400 << QStringLiteral("validation_failed");
}

void TestBookingCalendar::refusal()
{
    QFETCH(QDateTime, start);
    QFETCH(int, status);
    QFETCH(QString, code);
    BookingRules rules;
    rules.closedDates = {QDate(2027, 1, 6)};
    const BookingCalendar calendar(rules, 15);
    const auto refused =
        calendar.refusal(start, utc("2027-01-04T10:07:00Z"), QStringLiteral("preferred_slot"));
    if (status == 0) {
        QVERIFY2(!refused, refused ? qPrintable(refused->message) : "");
        return;
    }
    QVERIFY(refused);
    QCOMPARE(refused->status, status);
    QCOMPARE(refused->code, code);
    QVERIFY(refused->details.toObject().contains(u"preferred_slot"));
}

void TestBookingCalendar::checkInWindow()
{
    BookingRules rules;
    rules.checkInEarlyMinutes = 20;
    rules.checkInLateMinutes = 5;
    const Slot window = BookingCalendar(rules, 15).checkInWindow(utc("2027-01-04T10:00:00Z"));
    QCOMPARE(window.start, utc("2027-01-04T09:40:00Z"));
    QCOMPARE(window.end, utc("2027-01-04T10:05:00Z"));
}

void TestBookingCalendar::capacity_data()
{
    QTest::addColumn<int>("adminSet");
    QTest::addColumn<int>("counters");
    QTest::addColumn<int>("slotMinutes");
    QTest::addColumn<int>("avgSeconds");
    QTest::addColumn<int>("places");
    QTest::newRow("admin number wins") << 7 << 3 << 15 << 300 << 7;
    QTest::newRow("admin closes the slots") << 0 << 3 << 15 << 300 << 0;
    QTest::newRow("two counters, 5 min, 15 min slots") << -1 << 2 << 15 << 300 << 6;
    QTest::newRow("slow service still has a place") << -1 << 1 << 10 << 1800 << 1;
    QTest::newRow("nobody serves it") << -1 << 0 << 15 << 300 << 0;
}

void TestBookingCalendar::capacity()
{
    QFETCH(int, adminSet);
    QFETCH(int, counters);
    QFETCH(int, slotMinutes);
    QFETCH(int, avgSeconds);
    QFETCH(int, places);
    const std::optional<int> set = adminSet < 0 ? std::nullopt : std::optional<int>(adminSet);
    QCOMPARE(slotCapacity(set, counters, slotMinutes, avgSeconds), places);
}

QTEST_GUILESS_MAIN(TestBookingCalendar)
#include "tst_bookingcalendar.moc"
