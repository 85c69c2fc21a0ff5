#include <QJsonArray>
#include <QTest>
#include <QTimeZone>

#include "flowhelpers.h"

// Appointments against the real server, Postgres and Redis: slots, booking and its refusals, the
// last place taken by two customers at once, check-in and its window, where a checked-in
// appointment stands in the line, rescheduling, cancelling, no-shows, and Redis losing its data
// while appointments are booked. The slot math itself (daylight-saving days) is
// tst_bookingcalendar.
class TestAppointments : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void slotsOfADay();
    void bookedTokenStaysOutOfTheLine();
    void refusedBookings_data();
    void refusedBookings();
    void lastPlaceRace();
    void checkInWindowEdges_data();
    void checkInWindowEdges();
    void checkInRefusals();
    void earlyAndLateArrivalsInLine();
    void rescheduleAndCancelFreeThePlace();
    void noShowsExpireOnce();
    void appointmentStatsPerService();
    void closedDatesThroughTheApi();
    void listDefaultsToTheBranchsToday_data();
    void listDefaultsToTheBranchsToday();
    void listRefusesBadRanges_data();
    void listRefusesBadRanges();
    void redisLossWhileBooked();

private:
    struct Booked
    {
        qint64 id = 0;
        QString number;
        QString secret;
    };
    HttpClient &http() { return m_cluster.http(); }
    const Flow::Staff &staff() const { return m_cluster.staff(); }
    // The next Monday (UTC, the seed branch's zone): always open and within the horizon.
    static QDate nextMonday()
    {
        const QDate today = QDate::currentDate();
        return today.addDays(8 - today.dayOfWeek());
    }
    static QString at(const QDate &day, int hour, int minute = 0)
    {
        return QDateTime(day, QTime(hour, minute), Qt::UTC).toString(Qt::ISODateWithMs);
    }
    Booked book(int serviceId, const QString &slot);
    // Moves a booked token's slot to now + `minutes` (may be negative), so the window is there.
    bool moveSlot(qint64 tokenId, int minutes);
    HttpReply checkIn(const Booked &token)
    {
        return http().post(QStringLiteral("/api/tokens/%1/check-in").arg(token.id),
                           {{"secret", token.secret}});
    }
    QString status(qint64 tokenId);
    // Opens counter 1 and calls, serves and completes until the line is empty: the ids called,
    // in order (-1 where a step failed).
    QList<qint64> drainCounterOne();

    Flow::Cluster m_cluster;
};

void TestAppointments::initTestCase()
{
    // The no-show sweep every second, so that expiry is seen within a test.
    QVERIFY(m_cluster.start({{QStringLiteral("APPOINTMENT_SWEEP_SECONDS"), QStringLiteral("1")}}));
}

void TestAppointments::init()
{
    QVERIFY(m_cluster.reset());
}

TestAppointments::Booked TestAppointments::book(int serviceId, const QString &slot)
{
    const HttpReply reply = Flow::issue(http(), serviceId, {{"preferred_slot", slot}});
    if (reply.status != 201) {
        qWarning("booking %s: %s", qPrintable(slot), qPrintable(Flow::describe(reply)));
        return {};
    }
    const QJsonObject json = reply.object();
    return {json.value(u"token_id").toInteger(), json.value(u"token_number").toString(),
            json.value(u"secret").toString()};
}

bool TestAppointments::moveSlot(qint64 tokenId, int minutes)
{
    Flow::Sql sql(m_cluster.postgresUrl());
    return sql.exec(
        QStringLiteral("UPDATE tokens SET preferred_slot = date_trunc('second', now()) "
                       "+ make_interval(mins => ?), arrival_at = date_trunc('second', "
                       "now()) + make_interval(mins => ?), business_date = current_date "
                       "WHERE id = ?"),
        {minutes, minutes, tokenId});
}

QString TestAppointments::status(qint64 tokenId)
{
    Flow::Sql sql(m_cluster.postgresUrl());
    return sql.scalar(QStringLiteral("SELECT status FROM tokens WHERE id = ?"), {tokenId})
        .toString();
}

QList<qint64> TestAppointments::drainCounterOne()
{
    const auto act = [this](const char *action) {
        return Flow::act(http(), 1, QLatin1String(action), staff().operator1);
    };
    QList<qint64> called;
    if (act("open").status != 200)
        return {-1};
    for (int i = 0; i < 20; ++i) {
        const HttpReply call = act("call");
        if (call.status == 409 && call.errorCode() == u"queue_empty")
            return called;
        const bool done =
            call.status == 200 && act("serve").status == 200 && act("complete").status == 200;
        called.append(done ? Flow::tokenOf(call).value(u"id").toInteger() : -1);
    }
    return called;
}

void TestAppointments::slotsOfADay()
{
    const QDate monday = nextMonday();
    const HttpReply reply = http().get(
        QStringLiteral("/api/services/1/slots?date=%1").arg(monday.toString(Qt::ISODate)));
    QCOMPARE(reply.status, 200);
    const QJsonObject json = reply.object();
    QCOMPARE(json.value(u"timezone").toString(), u"UTC");
    QCOMPARE(json.value(u"slot_minutes").toInt(), 15);
    QCOMPARE(json.value(u"closed").toBool(), false);
    const QJsonArray daySlots = json.value(u"slots").toArray();
    QCOMPARE(daySlots.size(), 32); // 09:00-17:00, the default hours
    const QJsonObject first = daySlots.first().toObject();
    QCOMPARE(first.value(u"start").toString(), at(monday, 9));
    QCOMPARE(first.value(u"end").toString(), at(monday, 9, 15));
    // Counters A and C serve Deposit (240 s): 3 customers each in a quarter of an hour.
    QCOMPARE(first.value(u"capacity").toInt(), 6);
    QCOMPARE(first.value(u"places_left").toInt(), 6);
    // The days a picker may offer, so that it never has to ask past the horizon.
    QCOMPARE(json.value(u"first_date").toString(), QDate::currentDate().toString(Qt::ISODate));
    QCOMPARE(json.value(u"last_date").toString(),
             QDate::currentDate().addDays(14).toString(Qt::ISODate));

    // Sunday is closed; a day past the horizon and a malformed date are refused.
    const QDate sunday = monday.addDays(-1);
    if (sunday >= QDate::currentDate()) {
        const HttpReply closed = http().get(
            QStringLiteral("/api/services/1/slots?date=%1").arg(sunday.toString(Qt::ISODate)));
        QCOMPARE(closed.status, 200);
        QVERIFY(closed.object().value(u"closed").toBool());
        QVERIFY(closed.object().value(u"slots").toArray().isEmpty());
    }
    const HttpReply far =
        http().get(QStringLiteral("/api/services/1/slots?date=%1")
                       .arg(QDate::currentDate().addDays(15).toString(Qt::ISODate)));
    FLOW_EXPECT_ERROR(far, 400, "validation_failed");
    {
        const HttpReply reply_ = http().get(QStringLiteral("/api/services/1/slots?date=monday"));
        FLOW_EXPECT_ERROR(reply_, 400, "validation_failed");
    }
    QCOMPARE(http().get(QStringLiteral("/api/services/999/slots")).status, 404);
}

void TestAppointments::bookedTokenStaysOutOfTheLine()
{
    const int waitingBefore = Flow::waitingFor(http(), 1);
    const HttpReply reply = Flow::issue(http(), 1, {{"preferred_slot", at(nextMonday(), 10)}});
    FLOW_EXPECT(reply, 201);
    const QJsonObject json = reply.object();
    QCOMPARE(json.value(u"status").toString(), u"booked");
    QCOMPARE(json.value(u"token_number").toString(), u"D501");
    QCOMPARE(json.value(u"position").toInt(-1), 0);
    QVERIFY(json.value(u"eta").toInt() > 0);
    QCOMPARE(json.value(u"check_in_opens_at").toString(), at(nextMonday(), 9, 30));
    QCOMPARE(json.value(u"check_in_closes_at").toString(), at(nextMonday(), 10, 15));
    QCOMPARE(Flow::waitingFor(http(), 1), waitingBefore);
    // Its status, read by any phone with the secret, carries the time and the window.
    const HttpReply progress = http().get(QStringLiteral("/api/tokens/%1/status?secret=%2")
                                              .arg(json.value(u"token_id").toInteger())
                                              .arg(json.value(u"secret").toString()));
    QCOMPARE(progress.status, 200);
    QCOMPARE(progress.object().value(u"preferred_slot").toString(), at(nextMonday(), 10));
    QCOMPARE(progress.object().value(u"check_in_opens_at").toString(), at(nextMonday(), 9, 30));
    QCOMPARE(progress.object().value(u"check_in_closes_at").toString(), at(nextMonday(), 10, 15));

    // A walk-in still gets the walk-ins' numbers, and a call never reaches the appointment.
    const HttpReply walkIn = Flow::issue(http(), 1);
    QCOMPARE(walkIn.object().value(u"token_number").toString(), u"D001");
    QCOMPARE(drainCounterOne(), QList<qint64>{walkIn.object().value(u"token_id").toInteger()});
    QCOMPARE(status(json.value(u"token_id").toInteger()), u"booked");

    // Staff see it in the day's appointments.
    const HttpReply list = http().get(
        QStringLiteral("/api/appointments?date=%1").arg(nextMonday().toString(Qt::ISODate)),
        staff().operator1);
    QCOMPARE(list.status, 200);
    const QJsonArray items = list.object().value(u"items").toArray();
    QCOMPARE(items.size(), 1);
    QCOMPARE(items.first().toObject().value(u"token_number").toString(), u"D501");
    QCOMPARE(http().get(QStringLiteral("/api/appointments")).status, 401);
    QCOMPARE(http().get(QStringLiteral("/api/appointments"), staff().kiosk).status, 403);
}

void TestAppointments::refusedBookings_data()
{
    QTest::addColumn<QString>("slot");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    const QDate monday = nextMonday();
    QTest::newRow("off a slot boundary") << at(monday, 10, 5) << 400 << "validation_failed";
    QTest::newRow("before opening") << at(monday, 8, 45) << 400 << "validation_failed";
    QTest::newRow("at closing") << at(monday, 17) << 400 << "validation_failed";
    QTest::newRow("in the past") << at(QDate::currentDate().addDays(-1), 10) << 400
                                 << "validation_failed";
    QTest::newRow("beyond the horizon") << at(monday.addDays(14), 10) << 400 << "validation_failed";
    QTest::newRow("a closed date") << at(monday.addDays(1), 10) << 409 << "closed";
    QTest::newRow("a Saturday") << at(monday.addDays(5), 10) << 409 << "closed";
    QTest::newRow("a full slot") << at(monday, 11) << 409 << "slot_full";
}

void TestAppointments::refusedBookings()
{
    QFETCH(QString, slot);
    QFETCH(int, status);
    QFETCH(QString, code);
    Flow::Sql sql(m_cluster.postgresUrl());
    QVERIFY(
        sql.exec(QStringLiteral("INSERT INTO branch_closed_dates (branch_id, day) VALUES (1, ?)"),
                 {nextMonday().addDays(1)}));
    QVERIFY(sql.exec(QStringLiteral("UPDATE services SET slot_capacity = 1 WHERE id = 1")));
    QVERIFY(book(1, at(nextMonday(), 11)).id > 0); // the one place of 11:00
    const qint64 before = sql.scalar(QStringLiteral("SELECT count(*) FROM tokens")).toLongLong();
    const HttpReply reply = Flow::issue(http(), 1, {{"preferred_slot", slot}});
    FLOW_EXPECT_ERROR(reply, status, qPrintable(code));
    QVERIFY2(reply.object()
                 .value(u"error")
                 .toObject()
                 .value(u"details")
                 .toObject()
                 .contains(u"preferred_slot"),
             reply.body.constData());
    QCOMPARE(sql.scalar(QStringLiteral("SELECT count(*) FROM tokens")).toLongLong(), before);
}

void TestAppointments::lastPlaceRace()
{
    Flow::Sql sql(m_cluster.postgresUrl());
    QVERIFY(sql.exec(QStringLiteral("UPDATE services SET slot_capacity = 1 WHERE id = 1")));
    // Rounds of two customers asking for the last place at the same instant, each on its own
    // connection (so on two worker threads): exactly one gets it every time.
    for (int round = 0; round < 6; ++round) {
        const QString slot = at(nextMonday(), 9 + round);
        const QJsonObject body{{"service_id", 1}, {"preferred_slot", slot}};
        const QList<HttpReply> replies = Flow::concurrentPosts(
            m_cluster.server().baseUrl(), QStringLiteral("/api/tokens"), {body, body, body});
        QList<int> statuses;
        for (const HttpReply &reply : replies)
            statuses.append(reply.status);
        std::sort(statuses.begin(), statuses.end());
        QCOMPARE(statuses, (QList<int>{201, 409, 409}));
        for (const HttpReply &reply : replies)
            if (reply.status == 409)
                QCOMPARE(reply.object().value(u"error").toObject().value(u"code").toString(),
                         u"slot_full");
        QCOMPARE(sql.scalar(QStringLiteral("SELECT count(*) FROM tokens WHERE preferred_slot = ?"),
                            {slot})
                     .toInt(),
                 1);
    }
    // Numbers stay unique and in the appointments' range.
    QCOMPARE(sql.scalar(QStringLiteral("SELECT string_agg(token_number, ',' ORDER BY number) "
                                       "FROM tokens WHERE status = 'booked'"))
                 .toString(),
             QStringLiteral("D501,D502,D503,D504,D505,D506"));
}

void TestAppointments::checkInWindowEdges_data()
{
    // minutes from now to the slot; the window is 30 before to 15 after.
    QTest::addColumn<int>("slotInMinutes");
    QTest::addColumn<bool>("open");
    QTest::newRow("31 minutes early") << 31 << false;
    QTest::newRow("29 minutes early") << 29 << true;
    QTest::newRow("on time") << 0 << true;
    QTest::newRow("14 minutes late") << -14 << true;
    QTest::newRow("16 minutes late") << -16 << false;
}

void TestAppointments::checkInWindowEdges()
{
    QFETCH(int, slotInMinutes);
    QFETCH(bool, open);
    const Booked token = book(1, at(nextMonday(), 10));
    QVERIFY(token.id > 0);
    QVERIFY(moveSlot(token.id, slotInMinutes));
    const HttpReply reply = checkIn(token);
    if (open) {
        FLOW_EXPECT(reply, 200);
        QCOMPARE(Flow::tokenOf(reply).value(u"status").toString(), u"waiting");
        QVERIFY(reply.object().value(u"position").toInt() >= 1);
        QCOMPARE(Flow::waitingFor(http(), 1), 1);
        {
            const HttpReply reply_ = checkIn(token);
            FLOW_EXPECT_ERROR(reply_, 409, "invalid_state");
        } // never twice
    } else {
        FLOW_EXPECT_ERROR(reply, 409, "outside_check_in_window");
        const QJsonObject details =
            reply.object().value(u"error").toObject().value(u"details").toObject();
        QVERIFY(details.contains(u"check_in_opens_at"));
        QVERIFY(details.contains(u"check_in_closes_at"));
        QVERIFY(status(token.id) == u"booked" || status(token.id) == u"expired");
        QCOMPARE(Flow::waitingFor(http(), 1), 0);
    }
}

void TestAppointments::checkInRefusals()
{
    const Booked token = book(1, at(nextMonday(), 10));
    QVERIFY(moveSlot(token.id, 5));
    // No secret, a wrong one: 403; an unknown token: 404.
    {
        const HttpReply reply_ =
            http().post(QStringLiteral("/api/tokens/%1/check-in").arg(token.id));
        FLOW_EXPECT_ERROR(reply_, 403, "forbidden");
    }
    {
        const HttpReply reply_ =
            http().post(QStringLiteral("/api/tokens/%1/check-in").arg(token.id),
                        {{"secret", "not-the-secret"}});
        FLOW_EXPECT_ERROR(reply_, 403, "forbidden");
    }
    {
        const HttpReply reply_ =
            http().post(QStringLiteral("/api/tokens/999999/check-in"), {{"secret", "x"}});
        FLOW_EXPECT_ERROR(reply_, 404, "not_found");
    }
    QCOMPARE(status(token.id), u"booked");
    // A walk-in has nothing to check in.
    const HttpReply walkIn = Flow::issue(http(), 1);
    {
        const HttpReply reply_ =
            http().post(QStringLiteral("/api/tokens/%1/check-in")
                            .arg(walkIn.object().value(u"token_id").toInteger()),
                        {{"secret", walkIn.object().value(u"secret").toString()}});
        FLOW_EXPECT_ERROR(reply_, 409, "invalid_state");
    }
    // A kiosk (the lobby's scanner) and staff need no secret.
    {
        const HttpReply reply_ =
            http().post(QStringLiteral("/api/tokens/%1/check-in").arg(token.id), {}, staff().kiosk);
        FLOW_EXPECT(reply_, 200);
    }
}

void TestAppointments::earlyAndLateArrivalsInLine()
{
    // A walk-in now, then an appointment 10 minutes ahead checks in early: it waits behind the
    // walk-in who came before its slot.
    const HttpReply walkIn = Flow::issue(http(), 1);
    const Booked early = book(1, at(nextMonday(), 10));
    const Booked late = book(1, at(nextMonday(), 11));
    QVERIFY(moveSlot(early.id, 10));
    {
        const HttpReply reply_ = checkIn(early);
        FLOW_EXPECT(reply_, 200);
    }
    // One whose slot was 10 minutes ago keeps its slot's place: ahead of the walk-in.
    QVERIFY(moveSlot(late.id, -10));
    const HttpReply lateIn = checkIn(late);
    FLOW_EXPECT(lateIn, 200);
    QCOMPARE(lateIn.object().value(u"position").toInt(), 1);
    // The token says when it checked in; a walk-in has no such time.
    const QJsonObject lateToken = Flow::tokenOf(lateIn);
    const QDateTime checkedIn =
        QDateTime::fromString(lateToken.value(u"checked_in_at").toString(), Qt::ISODateWithMs);
    QVERIFY2(checkedIn.isValid() && qAbs(checkedIn.secsTo(QDateTime::currentDateTimeUtc())) < 60,
             qPrintable(lateToken.value(u"checked_in_at").toString()));
    const qint64 walkInId = walkIn.object().value(u"token_id").toInteger();
    {
        const HttpReply shown =
            http().get(QStringLiteral("/api/tokens/%1").arg(walkInId), staff().admin);
        FLOW_EXPECT(shown, 200);
        QVERIFY(Flow::tokenOf(shown).value(u"checked_in_at").isNull());
    }
    // The public line marks the appointments with their booked time, in calling order.
    const HttpReply queues = http().get(QStringLiteral("/api/queues"));
    FLOW_EXPECT(queues, 200);
    QJsonArray line;
    for (const QJsonValue service : queues.object().value(u"services").toArray())
        if (service.toObject().value(u"id").toInt() == 1)
            line = service.toObject().value(u"tokens").toArray();
    QCOMPARE(line.size(), 3);
    QCOMPARE(line.at(0).toObject().value(u"id").toInteger(), late.id);
    QCOMPARE(line.at(0).toObject().value(u"preferred_slot").toString(),
             lateToken.value(u"preferred_slot").toString());
    QVERIFY(!line.at(0).toObject().value(u"preferred_slot").toString().isEmpty());
    QCOMPARE(line.at(1).toObject().value(u"id").toInteger(), walkInId);
    QVERIFY(line.at(1).toObject().value(u"preferred_slot").isNull());
    QCOMPARE(line.at(2).toObject().value(u"id").toInteger(), early.id);
    QVERIFY(line.at(2).toObject().value(u"preferred_slot").isString());
    QCOMPARE(drainCounterOne(),
             (QList<qint64>{late.id, walkIn.object().value(u"token_id").toInteger(), early.id}));
    // No wait is negative: the early one was called before its slot (its wait counts from the
    // slot, so it waited nothing), and before this fix it made the day's average -200 s.
    const HttpReply stats = http().get(QStringLiteral("/api/stats"), staff().admin);
    QCOMPARE(stats.status, 200);
    const QJsonObject totals = stats.object().value(u"totals").toObject();
    QCOMPARE(totals.value(u"served").toInt(), 3);
    const double wait = totals.value(u"avg_wait_seconds").toDouble(-1);
    QVERIFY2(wait >= 0 && wait < 60, stats.body.constData());
}

void TestAppointments::rescheduleAndCancelFreeThePlace()
{
    Flow::Sql sql(m_cluster.postgresUrl());
    QVERIFY(sql.exec(QStringLiteral("UPDATE services SET slot_capacity = 1 WHERE id = 1")));
    const Booked token = book(1, at(nextMonday(), 10));
    QCOMPARE(book(1, at(nextMonday(), 10)).id, 0); // full
    const QString path = QStringLiteral("/api/tokens/%1/reschedule").arg(token.id);
    // To a free slot the next day: a new day, a new number.
    const HttpReply moved = http().post(
        path, {{"secret", token.secret}, {"preferred_slot", at(nextMonday().addDays(1), 14)}});
    FLOW_EXPECT(moved, 200);
    QCOMPARE(Flow::tokenOf(moved).value(u"preferred_slot").toString(),
             at(nextMonday().addDays(1), 14));
    QCOMPARE(Flow::tokenOf(moved).value(u"token_number").toString(), u"D501");
    // 10:00 is free again; 14:00 the next day is now full; a refused move changes nothing.
    const Booked other = book(1, at(nextMonday(), 10));
    QVERIFY(other.id > 0);
    {
        const HttpReply reply_ = http().post(
            QStringLiteral("/api/tokens/%1/reschedule").arg(other.id),
            {{"secret", other.secret}, {"preferred_slot", at(nextMonday().addDays(1), 14)}});
        FLOW_EXPECT_ERROR(reply_, 409, "slot_full");
    }
    {
        const HttpReply reply_ =
            http().post(path, {{"secret", "wrong"}, {"preferred_slot", at(nextMonday(), 15)}});
        FLOW_EXPECT_ERROR(reply_, 403, "forbidden");
    }
    // Cancelled, its place is free.
    {
        const HttpReply reply_ = http().post(QStringLiteral("/api/tokens/%1/cancel").arg(other.id),
                                             {{"secret", other.secret}});
        FLOW_EXPECT(reply_, 200);
    }
    QVERIFY(book(1, at(nextMonday(), 10)).id > 0);
    QCOMPARE(sql.scalar(QStringLiteral("SELECT count(*) FROM token_events WHERE token_id = ? AND "
                                       "event = 'rescheduled'"),
                        {token.id})
                 .toInt(),
             1);
}

void TestAppointments::noShowsExpireOnce()
{
    const Booked token = book(1, at(nextMonday(), 10));
    QVERIFY(moveSlot(token.id, -20)); // the window closed 5 minutes ago
    QTRY_COMPARE_WITH_TIMEOUT(status(token.id), QStringLiteral("expired"), 10000);
    Flow::Sql sql(m_cluster.postgresUrl());
    QTest::qWait(2500); // more sweeps: still one event
    QCOMPARE(sql.scalar(QStringLiteral("SELECT count(*) FROM token_events WHERE token_id = ? AND "
                                       "event = 'expired'"),
                        {token.id})
                 .toInt(),
             1);
    {
        const HttpReply reply_ = checkIn(token);
        FLOW_EXPECT_ERROR(reply_, 409, "invalid_state");
    }
}

void TestAppointments::appointmentStatsPerService()
{
    // Today: one came 10 minutes early, one 4 minutes late, one never came; one more is booked
    // for later today, and a cancelled one counts nowhere.
    const Booked early = book(1, at(nextMonday(), 10));
    const Booked late = book(1, at(nextMonday(), 11));
    const Booked missed = book(1, at(nextMonday(), 12));
    const Booked later = book(1, at(nextMonday(), 13));
    const Booked cancelled = book(1, at(nextMonday(), 14));
    QVERIFY(moveSlot(early.id, 10));
    QVERIFY(moveSlot(late.id, -4));
    QVERIFY(moveSlot(missed.id, -20));
    QVERIFY(moveSlot(later.id, 120));
    QVERIFY(moveSlot(cancelled.id, 60));
    {
        const HttpReply reply_ =
            http().post(QStringLiteral("/api/tokens/%1/cancel").arg(cancelled.id),
                        {{"secret", cancelled.secret}});
        FLOW_EXPECT(reply_, 200);
    }
    QTRY_COMPARE_WITH_TIMEOUT(status(missed.id), QStringLiteral("expired"), 10000);
    for (const Booked &token : {early, late}) {
        const HttpReply reply_ = checkIn(token);
        FLOW_EXPECT(reply_, 200);
    }
    Flow::issue(http(), 1); // a walk-in is no appointment

    const HttpReply stats = http().get(QStringLiteral("/api/stats"), staff().admin);
    QCOMPARE(stats.status, 200);
    QJsonObject deposit;
    for (const QJsonValue &row : stats.object().value(u"per_service").toArray())
        if (row.toObject().value(u"service_id").toInt() == 1)
            deposit = row.toObject();
    QVERIFY2(!deposit.isEmpty(), stats.body.constData());
    QCOMPARE(deposit.value(u"appointments_booked").toInt(), 4);
    QCOMPARE(deposit.value(u"appointments_checked_in").toInt(), 2);
    QCOMPARE(deposit.value(u"no_shows").toInt(), 1);
    QCOMPARE(deposit.value(u"appointment_no_show_rate").toDouble(), 1.0 / 3.0);
    // (-600 + 240) / 2, give or take the seconds the test itself took.
    const double punctuality = deposit.value(u"punctuality_seconds").toDouble(1e9);
    QVERIFY2(punctuality >= -185 && punctuality <= -170, stats.body.constData());
    // A service without appointments has none, and no rate rather than a made-up 0.
    for (const QJsonValue &row : stats.object().value(u"per_service").toArray()) {
        if (row.toObject().value(u"service_id").toInt() == 1)
            continue;
        QCOMPARE(row.toObject().value(u"appointments_booked").toInt(-1), 0);
        QVERIFY(row.toObject().value(u"appointment_no_show_rate").isNull());
    }
}

void TestAppointments::closedDatesThroughTheApi()
{
    // Both documented forms of a closed date: a bare date, and one with a reason.
    const QDate tuesday = nextMonday().addDays(1);
    const QDate wednesday = nextMonday().addDays(2);
    const HttpReply put = http().put(
        QStringLiteral("/api/branches/1/booking"),
        {{"closed_dates", QJsonArray{tuesday.toString(Qt::ISODate),
                                     QJsonObject{{"date", wednesday.toString(Qt::ISODate)},
                                                 {"reason", "Inventory"}}}}},
        staff().admin);
    FLOW_EXPECT(put, 200);
    const HttpReply got = http().get(QStringLiteral("/api/branches/1/booking"), staff().admin);
    QCOMPARE(got.status, 200);
    const QJsonArray closed = got.object().value(u"closed_dates").toArray();
    QCOMPARE(closed.size(), 2);
    QCOMPARE(closed.at(0).toObject().value(u"date").toString(), tuesday.toString(Qt::ISODate));
    QCOMPARE(closed.at(0).toObject().value(u"reason"), QJsonValue(QString()));
    QCOMPARE(closed.at(1).toObject().value(u"reason").toString(), u"Inventory");
    const HttpReply day = http().get(
        QStringLiteral("/api/services/1/slots?date=%1").arg(tuesday.toString(Qt::ISODate)));
    QVERIFY(day.object().value(u"closed").toBool());
    const HttpReply refused = Flow::issue(http(), 1, {{"preferred_slot", at(wednesday, 10)}});
    FLOW_EXPECT_ERROR(refused, 409, "closed");
}

void TestAppointments::listDefaultsToTheBranchsToday_data()
{
    // 25 hours apart: at any instant at least one of them is not on UTC's date.
    QTest::addColumn<QString>("zone");
    QTest::newRow("UTC+14") << QStringLiteral("Pacific/Kiritimati");
    QTest::newRow("UTC-11") << QStringLiteral("Pacific/Pago_Pago");
    QTest::newRow("UTC") << QStringLiteral("UTC");
}

void TestAppointments::listDefaultsToTheBranchsToday()
{
    QFETCH(QString, zone);
    const HttpReply branch = http().post(
        QStringLiteral("/api/branches"),
        {{"name", QStringLiteral("Zone %1").arg(zone)}, {"timezone", zone}}, staff().admin);
    FLOW_EXPECT(branch, 201);
    const qint64 branchId = branch.object().value(u"branch").toObject().value(u"id").toInteger();
    const QDate before =
        QDateTime::currentDateTimeUtc().toTimeZone(QTimeZone(zone.toUtf8())).date();
    const HttpReply list =
        http().get(QStringLiteral("/api/appointments?branch_id=%1").arg(branchId), staff().admin);
    const QDate after = QDateTime::currentDateTimeUtc().toTimeZone(QTimeZone(zone.toUtf8())).date();
    FLOW_EXPECT(list, 200);
    const QDate from = QDate::fromString(list.object().value(u"from").toString(), Qt::ISODate);
    QVERIFY2(from == before || from == after, qPrintable(from.toString(Qt::ISODate)));
    QCOMPARE(list.object().value(u"to").toString(), from.toString(Qt::ISODate));
}

void TestAppointments::listRefusesBadRanges_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("field");
    const QString monday = nextMonday().toString(Qt::ISODate);
    QTest::newRow("to before from")
        << QStringLiteral("from=%1&to=%2")
               .arg(monday, nextMonday().addDays(-1).toString(Qt::ISODate))
        << QStringLiteral("to");
    QTest::newRow("32 days") << QStringLiteral("from=%1&to=%2")
                                    .arg(monday, nextMonday().addDays(32).toString(Qt::ISODate))
                             << QStringLiteral("to");
    QTest::newRow("not a date") << QStringLiteral("date=2026-02-30") << QStringLiteral("date");
    QTest::newRow("bad branch") << QStringLiteral("branch_id=x") << QStringLiteral("branch_id");
}

void TestAppointments::listRefusesBadRanges()
{
    QFETCH(QString, query);
    QFETCH(QString, field);
    const HttpReply list =
        http().get(QStringLiteral("/api/appointments?") + query, staff().operator1);
    FLOW_EXPECT(list, 400);
    const QJsonObject error = list.object().value(u"error").toObject();
    QCOMPARE(error.value(u"code").toString(), u"validation_failed");
    QVERIFY2(error.value(u"details").toObject().contains(field), list.body.constData());
}

void TestAppointments::redisLossWhileBooked()
{
    const Booked waiting = book(1, at(nextMonday(), 10));
    const Booked booked = book(1, at(nextMonday(), 11));
    QVERIFY(moveSlot(waiting.id, 5));
    QVERIFY(moveSlot(booked.id, 60));
    {
        const HttpReply reply_ = checkIn(waiting);
        FLOW_EXPECT(reply_, 200);
    }
    QVERIFY(m_cluster.services().flushRedis());
    // Rebuilt from Postgres: the checked-in one is in line once, the booked one is not.
    QTRY_COMPARE_WITH_TIMEOUT(Flow::waitingFor(http(), 1), 1, 10000);
    {
        const HttpReply reply_ = checkIn(waiting);
        FLOW_EXPECT_ERROR(reply_, 409, "invalid_state");
    }
    QCOMPARE(drainCounterOne(), QList<qint64>{waiting.id});
    QCOMPARE(status(booked.id), u"booked");
}

QTEST_GUILESS_MAIN(TestAppointments)
#include "tst_appointments.moc"
