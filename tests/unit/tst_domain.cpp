// Unit tests for the domain helpers in nextup_common: token numbers and business days.
#include <QTest>

#include "nextup/businessday.h"
#include "nextup/tokennumber.h"

using namespace Nextup;

class TestDomain : public QObject
{
    Q_OBJECT

private slots:
    void formatsNumbers_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<qint64>("number");
        QTest::addColumn<QString>("expected");
        QTest::newRow("first") << "D" << qint64(1) << "D001";
        QTest::newRow("seventh") << "D" << qint64(7) << "D007";
        QTest::newRow("hundreds") << "W" << qint64(123) << "W123";
        QTest::newRow("past 999 grows") << "P" << qint64(1234) << "P1234";
        QTest::newRow("multi-letter code") << "VIP" << qint64(5) << "VIP005";
    }
    void formatsNumbers()
    {
        QFETCH(QString, code);
        QFETCH(qint64, number);
        QFETCH(QString, expected);
        QCOMPARE(formatTokenNumber(code, number), expected);
    }

    void parsesNumbers_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("code");
        QTest::addColumn<qint64>("number");
        QTest::newRow("full") << "D007" << true << "D" << qint64(7);
        QTest::newRow("lowercase") << "d7" << true << "D" << qint64(7);
        QTest::newRow("digits only") << "42" << true << "" << qint64(42);
        QTest::newRow("spaces") << "  W010 " << true << "W" << qint64(10);
        QTest::newRow("zero") << "D000" << false << "" << qint64(0);
        QTest::newRow("letters only") << "D" << false << "" << qint64(0);
        QTest::newRow("sql") << "D1'; DROP TABLE tokens;--" << false << "" << qint64(0);
        QTest::newRow("empty") << "" << false << "" << qint64(0);
    }
    void parsesNumbers()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        const auto parsed = parseTokenNumber(text);
        QCOMPARE(parsed.has_value(), valid);
        if (valid) {
            QFETCH(QString, code);
            QFETCH(qint64, number);
            QCOMPARE(parsed->serviceCode, code);
            QCOMPARE(parsed->number, number);
        }
    }

    void businessDayFollowsZone_data()
    {
        QTest::addColumn<QDateTime>("instant");
        QTest::addColumn<QByteArray>("zone");
        QTest::addColumn<QDate>("expected");
        const QDateTime lateUtc(QDate(2026, 3, 10), QTime(23, 30), Qt::UTC);
        QTest::newRow("utc") << lateUtc << QByteArray("UTC") << QDate(2026, 3, 10);
        QTest::newRow("kolkata is already tomorrow")
            << lateUtc << QByteArray("Asia/Kolkata") << QDate(2026, 3, 11);
        QTest::newRow("new york is still today")
            << lateUtc << QByteArray("America/New_York") << QDate(2026, 3, 10);
        const QDateTime earlyUtc(QDate(2026, 3, 11), QTime(3, 0), Qt::UTC);
        QTest::newRow("los angeles is still yesterday")
            << earlyUtc << QByteArray("America/Los_Angeles") << QDate(2026, 3, 10);
        QTest::newRow("unknown zone falls back to utc")
            << earlyUtc << QByteArray("Mars/Olympus") << QDate(2026, 3, 11);
    }
    void businessDayFollowsZone()
    {
        QFETCH(QDateTime, instant);
        QFETCH(QByteArray, zone);
        QFETCH(QDate, expected);
        QCOMPARE(businessDate(instant, zone), expected);
    }

    void dayBoundsSpanLocalMidnights()
    {
        // Kolkata is UTC+05:30 all year.
        const auto bounds = dayBounds(QDate(2026, 3, 11), "Asia/Kolkata");
        QCOMPARE(bounds.start, QDateTime(QDate(2026, 3, 10), QTime(18, 30), Qt::UTC));
        QCOMPARE(bounds.end, QDateTime(QDate(2026, 3, 11), QTime(18, 30), Qt::UTC));
        // A DST change makes the local day 23 hours long (US spring forward, 8 March 2026).
        const auto dst = dayBounds(QDate(2026, 3, 8), "America/New_York");
        QCOMPARE(dst.start.secsTo(dst.end), qint64(23 * 3600));
    }

    void validatesZones()
    {
        QVERIFY(isValidTimeZone("Europe/Berlin"));
        QVERIFY(!isValidTimeZone("Not/AZone"));
        QVERIFY(!isValidTimeZone(""));
    }
};

QTEST_GUILESS_MAIN(TestDomain)
#include "tst_domain.moc"
