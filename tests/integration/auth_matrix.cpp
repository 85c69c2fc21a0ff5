// The role matrix: every route of docs/api.md for each of anonymous, user, kiosk, operator, admin
// and a branch admin of branch 1, on a seeded database of its own. An allowed call must do its work
// (the route's success status, so a missing route or a wrong body cannot pass as "allowed"); a
// refused one must answer 401, 403 or 404 (another branch's object) in the one error shape. Before
// each row, the state the route needs is set up (a waiting token, counter 1 opened by operator1
// with a token called...), for the refused rows too, so a refusal is the role check's and not a
// side effect of the state.

#include <algorithm>
#include <iterator>

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QTimeZone>
#include <QUrl>

#include "authtest.h"
#include "rolematrix.h"

namespace {

// The state a row needs, made through the API as admin and operator1. Each step must succeed:
// a broken setup fails the row with its own message instead of passing or failing it by chance.
class Fixture
{
public:
    Fixture(HttpClient &http, const QString &admin, const QString &operator1)
        : m_http(http), m_admin(admin), m_operator1(operator1)
    {
    }

    bool prepare(const QString &setup, QHash<QString, QString> &vars);

private:
    bool step(const HttpReply &reply, int status, const char *what);
    QJsonObject counterOne();
    bool clearCounterOne();
    bool readyCounterOne(bool open);
    bool issue(QHash<QString, QString> &vars);
    bool book(QHash<QString, QString> &vars);
    bool create(const QString &path, const QJsonObject &body, const QString &var,
                QHash<QString, QString> &vars);

    HttpClient &m_http;
    QString m_admin;
    QString m_operator1;
};

int g_unique = 0; // names the rows create: usernames, branch and counter names
int g_codes = 0;  // service codes, Q + two letters

QString uniqueCode()
{
    const int n = ++g_codes;
    return QStringLiteral("Q") + QChar(u'A' + (n / 26) % 26) + QChar(u'A' + n % 26);
}

bool Fixture::step(const HttpReply &reply, int status, const char *what)
{
    if (reply.status == status)
        return true;
    qWarning("setup step \"%s\" failed: %s", what, qPrintable(TestAuth::describe(reply)));
    return false;
}

QJsonObject Fixture::counterOne()
{
    const QJsonArray counters = m_http.get(QStringLiteral("/api/counters"), m_admin).array();
    for (const QJsonValue &counter : counters) {
        if (counter.toObject().value(u"id").toInt() == 1)
            return counter.toObject();
    }
    return {};
}

// No token at counter 1: a called one is skipped, a serving one completed.
bool Fixture::clearCounterOne()
{
    const QString current =
        counterOne().value(u"current_token").toObject().value(u"status").toString();
    if (current == u"called")
        return step(m_http.post(QStringLiteral("/api/counters/1/skip"), {}, m_admin), 200, "skip");
    if (current == u"serving")
        return step(m_http.post(QStringLiteral("/api/counters/1/complete"), {}, m_admin), 200,
                    "complete");
    return true;
}

// Counter 1 empty and either closed or open with operator1 (id 2) at it.
bool Fixture::readyCounterOne(bool open)
{
    if (!clearCounterOne())
        return false;
    QJsonObject counter = counterOne();
    const bool closed = counter.value(u"status").toString() == u"closed";
    const bool mine = counter.value(u"operator_id").toInt() == 2;
    if (!closed && (!open || !mine)) {
        if (!step(m_http.post(QStringLiteral("/api/counters/1/close"), {}, m_admin), 200, "close"))
            return false;
    }
    if (open && !step(m_http.post(QStringLiteral("/api/counters/1/open"), {}, m_operator1), 200,
                      "operator1 opens counter 1"))
        return false;
    counter = counterOne();
    const QString want = open ? QStringLiteral("open") : QStringLiteral("closed");
    if (counter.value(u"status").toString() == want && counter.value(u"current_token").isNull())
        return true;
    qWarning("counter 1 is not %s: %s", qPrintable(want),
             QJsonDocument(counter).toJson(QJsonDocument::Compact).constData());
    return false;
}

bool Fixture::issue(QHash<QString, QString> &vars)
{
    const HttpReply reply =
        m_http.post(QStringLiteral("/api/tokens"), {{QStringLiteral("service_id"), 1}}, m_admin);
    if (!step(reply, 201, "issue a token"))
        return false;
    vars.insert(QStringLiteral("token"),
                QString::number(reply.object().value(u"token_id").toInteger()));
    vars.insert(QStringLiteral("secret"), reply.object().value(u"secret").toString());
    return true;
}

// A booked token whose check-in window is open now: branch 1 open all day every day with room
// for everyone, booked for the first quarter hour at least two minutes ahead (the window opens 30
// minutes before). `later_slot` is the same time the next day, free for a reschedule.
bool Fixture::book(QHash<QString, QString> &vars)
{
    QJsonObject allDay;
    for (const char *day : {"mon", "tue", "wed", "thu", "fri", "sat", "sun"})
        allDay.insert(QLatin1String(day), QJsonArray{QJsonArray{"00:00", "24:00"}});
    if (!step(m_http.put(QStringLiteral("/api/branches/1/booking"), {{"opening_hours", allDay}},
                         m_admin),
              200, "open branch 1 all day") ||
        !step(m_http.put(QStringLiteral("/api/services/1/booking"), {{"slot_capacity", 1000}},
                         m_admin),
              200, "room in every slot"))
        return false;
    const qint64 quarter = 15 * 60 * 1000;
    const qint64 soon = QDateTime::currentMSecsSinceEpoch() + 2 * 60 * 1000;
    const QDateTime slot =
        QDateTime::fromMSecsSinceEpoch((soon + quarter - 1) / quarter * quarter, QTimeZone::utc());
    const HttpReply reply = m_http.post(
        QStringLiteral("/api/tokens"),
        {{"service_id", 1}, {"preferred_slot", slot.toString(Qt::ISODateWithMs)}}, m_admin);
    if (!step(reply, 201, "book an appointment"))
        return false;
    vars.insert(QStringLiteral("token"),
                QString::number(reply.object().value(u"token_id").toInteger()));
    vars.insert(QStringLiteral("secret"), reply.object().value(u"secret").toString());
    vars.insert(QStringLiteral("later_slot"), slot.addDays(1).toString(Qt::ISODateWithMs));
    return true;
}

// POSTs an admin create and keeps the new row's id as `var` (answers are {<entity>: {id...}}).
bool Fixture::create(const QString &path, const QJsonObject &body, const QString &var,
                     QHash<QString, QString> &vars)
{
    const HttpReply reply = m_http.post(path, body, m_admin);
    if (!step(reply, 201, qPrintable(QStringLiteral("create ") + var)))
        return false;
    const int id = reply.object().value(var).toObject().value(u"id").toInt();
    vars.insert(var, QString::number(id));
    return id > 0;
}

bool Fixture::prepare(const QString &setup, QHash<QString, QString> &vars)
{
    const QString n = QString::number(++g_unique);
    if (setup.isEmpty())
        return true;
    if (setup == u"token")
        return issue(vars);
    if (setup == u"appointment")
        return book(vars);
    if (setup == u"closed")
        return readyCounterOne(false);
    if (setup == u"desk" || setup == u"called" || setup == u"serving") {
        if (!readyCounterOne(true) || !issue(vars))
            return false;
        if (setup != u"desk" &&
            !step(m_http.post(QStringLiteral("/api/counters/1/call"), {}, m_operator1), 200,
                  "call"))
            return false;
        return setup != u"serving" ||
               step(m_http.post(QStringLiteral("/api/counters/1/serve"), {}, m_operator1), 200,
                    "serve");
    }
    if (setup == u"refresh") {
        const HttpReply login =
            m_http.post(QStringLiteral("/api/auth/login"),
                        {{QStringLiteral("username"), QStringLiteral("kiosk")},
                         {QStringLiteral("password"), QStringLiteral("kiosk123")}});
        vars.insert(QStringLiteral("refresh"), login.object().value(u"refresh_token").toString());
        return step(login, 200, "login");
    }
    if (setup == u"branch")
        return create(QStringLiteral("/api/branches"),
                      {{QStringLiteral("name"), QStringLiteral("Spare branch ") + n},
                       {QStringLiteral("timezone"), QStringLiteral("UTC")}},
                      QStringLiteral("branch"), vars);
    if (setup == u"service")
        return create(QStringLiteral("/api/services"),
                      {{QStringLiteral("branch_id"), 1},
                       {QStringLiteral("code"), uniqueCode()},
                       {QStringLiteral("name"), QStringLiteral("Spare service ") + n}},
                      QStringLiteral("service"), vars);
    if (setup == u"counter")
        return create(QStringLiteral("/api/counters"),
                      {{QStringLiteral("branch_id"), 1},
                       {QStringLiteral("name"), QStringLiteral("Spare desk ") + n},
                       {QStringLiteral("service_ids"), QJsonArray{3}}},
                      QStringLiteral("counter"), vars);
    if (setup == u"branchuser")
        return create(QStringLiteral("/api/users"),
                      {{QStringLiteral("username"), QStringLiteral("desk") + n},
                       {QStringLiteral("password"), QStringLiteral("spare-pass-1")},
                       {QStringLiteral("role"), QStringLiteral("operator")},
                       {QStringLiteral("branch_id"), 1}},
                      QStringLiteral("user"), vars);
    if (setup == u"user")
        return create(QStringLiteral("/api/users"),
                      {{QStringLiteral("username"), QStringLiteral("spare") + n},
                       {QStringLiteral("password"), QStringLiteral("spare-pass-1")},
                       {QStringLiteral("role"), QStringLiteral("user")}},
                      QStringLiteral("user"), vars);
    qWarning("unknown setup %s", qPrintable(setup));
    return false;
}

QString substitute(QString text, const QHash<QString, QString> &vars, bool forUrl)
{
    for (auto it = vars.cbegin(); it != vars.cend(); ++it) {
        const QString value =
            forUrl ? QString::fromLatin1(QUrl::toPercentEncoding(it.value())) : it.value();
        text.replace(QLatin1Char('{') + it.key() + QLatin1Char('}'), value);
    }
    return text;
}

} // namespace

bool TestAuth::startMatrixServer()
{
    m_matrixServer = startServer(QStringLiteral("auth_matrix"), {});
    if (!m_matrixServer)
        return false;
    m_matrixHttp = std::make_unique<HttpClient>(m_matrixServer->baseUrl());
    HttpClient &http = *m_matrixHttp;
    const HttpReply customer =
        http.post(QStringLiteral("/api/auth/register"),
                  {{QStringLiteral("username"), QStringLiteral("matrixuser")},
                   {QStringLiteral("password"), QStringLiteral("matrix-pass-1")}});
    if (customer.status != 201)
        return false;
    const QString admin = http.login(QStringLiteral("admin"), QStringLiteral("admin123"));
    const HttpReply branchAdmin =
        http.post(QStringLiteral("/api/users"),
                  {{QStringLiteral("username"), QStringLiteral("matrixbranch")},
                   {QStringLiteral("password"), QStringLiteral("matrix-pass-1")},
                   {QStringLiteral("role"), QStringLiteral("branch_admin")},
                   {QStringLiteral("branch_id"), 1}},
                  admin);
    if (branchAdmin.status != 201)
        return false;
    m_matrixTokens = {QString(),
                      http.login(QStringLiteral("matrixuser"), QStringLiteral("matrix-pass-1")),
                      http.login(QStringLiteral("kiosk"), QStringLiteral("kiosk123")),
                      http.login(QStringLiteral("operator1"), QStringLiteral("operator123")),
                      admin,
                      http.login(QStringLiteral("matrixbranch"), QStringLiteral("matrix-pass-1"))};
    return std::all_of(m_matrixTokens.cbegin() + 1, m_matrixTokens.cend(),
                       [](const QString &token) { return !token.isEmpty(); });
}

void TestAuth::roleMatrix_data()
{
    QTest::addColumn<int>("route");
    QTest::addColumn<int>("role");
    for (int route = 0; route < int(std::size(kRoutes)); ++route) {
        const RouteCase &c = kRoutes[route];
        for (int role = 0; role < int(std::size(kRoles)); ++role)
            QTest::addRow("%s %s%s | %s", c.method, c.path, c.variant, kRoles[role])
                << route << role;
    }
}

void TestAuth::roleMatrix()
{
    QFETCH(int, route);
    QFETCH(int, role);
    QVERIFY2(m_matrixHttp, "the matrix server did not start");
    const RouteCase &c = kRoutes[route];

    Fixture fixture(*m_matrixHttp, m_matrixTokens[4], m_matrixTokens[3]);
    QHash<QString, QString> vars;
    QVERIFY2(fixture.prepare(QLatin1String(c.setup), vars), c.setup);
    vars.insert(QStringLiteral("n"), QString::number(++g_unique));
    vars.insert(QStringLiteral("code"), uniqueCode());

    HttpHeaders headers;
    if (!m_matrixTokens[role].isEmpty())
        headers.append({"Authorization", "Bearer " + m_matrixTokens[role].toUtf8()});
    QByteArray body;
    if (c.body) {
        body = substitute(QString::fromUtf8(c.body), vars, false).toUtf8();
        headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
    }
    const QString path = substitute(QString::fromLatin1(c.path), vars, true);
    const HttpReply reply = m_matrixHttp->request(c.method, path, body, headers);

    const QString context = QStringLiteral("%1 %2 as %3")
                                .arg(QLatin1String(c.method), path, QLatin1String(kRoles[role]));
    switch (c.who[role]) {
    case 'a':
        QVERIFY2(reply.status == c.success, qPrintable(QStringLiteral("%1: expected %2, got %3")
                                                           .arg(context)
                                                           .arg(c.success)
                                                           .arg(describe(reply))));
        break;
    case 'u': checkError(reply, 401, QStringLiteral("unauthorized"), context); break;
    case 'f': checkError(reply, 403, QStringLiteral("forbidden"), context); break;
    case 'n': checkError(reply, 404, QStringLiteral("not_found"), context); break;
    default: QFAIL("bad who column");
    }
}
