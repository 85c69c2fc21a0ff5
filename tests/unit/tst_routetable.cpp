// The server's route table against the two other places that say who may call what: the OpenAPI
// document (server/resources/openapi.json, what clients read) and the role matrix
// (tests/integration/rolematrix.h, what tst_auth proves against a live server). The table comes
// from each controller's static routes(), the same lists that Application installs, so no server,
// database or controller is built. A route added to a controller without its OpenAPI operation
// and matrix rows, or declared with another access than they say, fails here.
//
// `tst_routetable table` prints the whole table.

#include <algorithm>
#include <iterator>

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include "api/appointmentscontroller.h"
#include "api/authcontroller.h"
#include "api/branchescontroller.h"
#include "api/counterscontroller.h"
#include "api/devicescontroller.h"
#include "api/queuescontroller.h"
#include "api/routetable.h"
#include "api/servicescontroller.h"
#include "api/statscontroller.h"
#include "api/systemcontroller.h"
#include "api/tokenscontroller.h"
#include "api/userscontroller.h"
#include "http/router.h"
#include "rolematrix.h"
#include "web/webcontroller.h"

using namespace Nextup;

namespace {

struct Entry
{
    QByteArray method;
    QString path;
    Access access;
    const char *controller;

    QString name() const { return QString::fromLatin1(method) + u' ' + path; }
};

template <typename Controller> void collect(QList<Entry> &table, const char *controller)
{
    for (const Route<Controller> &route : Controller::routes())
        table.append({route.method, QString::fromLatin1(route.path), route.access, controller});
}

// Every controller that Application installs, in its order.
QList<Entry> routeTable()
{
    QList<Entry> table;
    collect<AuthController>(table, "auth");
    collect<TokensController>(table, "tokens");
    collect<CountersController>(table, "counters");
    collect<ServicesController>(table, "services");
    collect<QueuesController>(table, "queues");
    collect<StatsController>(table, "stats");
    collect<SystemController>(table, "system");
    collect<BranchesController>(table, "branches");
    collect<UsersController>(table, "users");
    collect<AppointmentsController>(table, "appointments");
    collect<DevicesController>(table, "devices");
    collect<WebController>(table, "web");
    return table;
}

// Routes with no row in the role matrix, and why a role matrix row would prove nothing more.
// Each must exist and have no row: the list cannot outlive its reasons silently.
const struct
{
    const char *method;
    const char *path;
    const char *why;
} kNotInMatrix[] = {
    {"GET", "/", "the booking page: a static file (tst_webpage)"},
    {"GET", "/web/:file", "the booking page's files (tst_webpage)"},
    {"GET", "/api/tokens/:id/qr.svg", "guarded by the token's secret, not a role (tst_webpage)"},
    {"GET", "/api/docs/docs.js", "a file of the docs page, public like GET /api/docs"},
    {"GET", "/api/docs/docs.css", "a file of the docs page, public like GET /api/docs"},
};

// "/api/tokens/:id" as OpenAPI writes it: "/api/tokens/{id}".
QString openApiPath(const QString &pattern)
{
    static const QRegularExpression param(QStringLiteral(":([A-Za-z_][A-Za-z0-9_]*)"));
    return QString(pattern).replace(param, QStringLiteral("{\\1}"));
}

// A matrix row's path as a request would send it: placeholders filled, no query.
QString concretePath(const char *matrixPath)
{
    static const QRegularExpression placeholder(QStringLiteral("\\{[a-z]+\\}"));
    QString path = QString::fromLatin1(matrixPath);
    path.truncate(path.indexOf(u'?') < 0 ? path.size() : path.indexOf(u'?'));
    return path.replace(placeholder, QStringLiteral("1"));
}

QString roleName(int column)
{
    return QString::fromLatin1(kRoles[column]);
}

} // namespace

class TestRouteTable : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void table();
    void tableIsWellFormed();
    void everyRouteIsDocumented();
    void everyDocumentedOperationIsRouted();
    void accessAgreesWithSecurity();
    void accessAgreesWithDocumentedRoles();
    void everyMatrixRowIsRouted();
    void accessAgreesWithRoleMatrix();
    void everyRouteIsInTheRoleMatrix();

private:
    // The operation of `entry` in openapi.json; an empty object when there is none.
    QJsonObject operationOf(const Entry &entry) const;
    // The matrix rows whose request reaches `entry`.
    QList<const RouteCase *> matrixRowsOf(const Entry &entry) const;

    QList<Entry> m_table;
    QJsonObject m_paths;
    QHash<const RouteCase *, QString> m_rowRoute; // matrix row -> "METHOD pattern" it reaches
};

void TestRouteTable::initTestCase()
{
    m_table = routeTable();
    QVERIFY(!m_table.isEmpty());

    QFile file(QStringLiteral(NEXTUP_OPENAPI_JSON));
    QVERIFY2(file.open(QIODevice::ReadOnly), NEXTUP_OPENAPI_JSON);
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    m_paths = document.object().value(u"paths").toObject();
    QVERIFY(!m_paths.isEmpty());

    // Matrix rows are matched as the server matches a request: by the Router, so a pattern
    // and a concrete path ("/api/counters/:id/call" and "/api/counters/1/call") meet.
    Router router;
    for (const Entry &entry : std::as_const(m_table))
        router.add(entry.method, entry.path, [](const ApiRequest &, const Responder &) {});
    for (const RouteCase &row : kRoutes) {
        const Router::Match match = router.match(row.method, concretePath(row.path));
        if (match.route)
            m_rowRoute.insert(&row, QString::fromLatin1(row.method) + u' ' + match.route->pattern);
    }
}

void TestRouteTable::table()
{
    for (const Entry &entry : std::as_const(m_table))
        qInfo("%-6s %-30s %-9s %s", entry.method.constData(), qPrintable(entry.path),
              RouteTable::nameOf(entry.access), entry.controller);
}

void TestRouteTable::tableIsWellFormed()
{
    static const QSet<QByteArray> methods{"GET", "POST", "PUT", "PATCH", "DELETE"};
    QStringList problems;
    QSet<QString> seen;
    for (const Entry &entry : std::as_const(m_table)) {
        if (!methods.contains(entry.method))
            problems.append(entry.name() + QStringLiteral(": unknown method"));
        if (!entry.path.startsWith(u'/'))
            problems.append(entry.name() + QStringLiteral(": the path must start with /"));
        // Two routes of one method and shape ("/x/:id", "/x/:name"): the second is never reached.
        static const QRegularExpression param(QStringLiteral(":[^/]+"));
        const QString key = QString::fromLatin1(entry.method) + u' ' +
                            QString(entry.path).replace(param, QStringLiteral(":"));
        if (seen.contains(key))
            problems.append(entry.name() + QStringLiteral(": registered twice"));
        seen.insert(key);
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

QJsonObject TestRouteTable::operationOf(const Entry &entry) const
{
    return m_paths.value(openApiPath(entry.path))
        .toObject()
        .value(QString::fromLatin1(entry.method.toLower()))
        .toObject();
}

void TestRouteTable::everyRouteIsDocumented()
{
    QStringList problems;
    for (const Entry &entry : std::as_const(m_table)) {
        if (operationOf(entry).isEmpty())
            problems.append(QStringLiteral("%1 (%2): no operation %3 %4 in openapi.json")
                                .arg(entry.name(), QLatin1String(entry.controller),
                                     QString::fromLatin1(entry.method), openApiPath(entry.path)));
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

void TestRouteTable::everyDocumentedOperationIsRouted()
{
    static const QStringList methods{QStringLiteral("get"), QStringLiteral("put"),
                                     QStringLiteral("post"), QStringLiteral("delete"),
                                     QStringLiteral("patch")};
    QSet<QString> routed;
    for (const Entry &entry : std::as_const(m_table))
        routed.insert(QString::fromLatin1(entry.method) + u' ' + openApiPath(entry.path));
    QStringList problems;
    for (auto path = m_paths.begin(); path != m_paths.end(); ++path) {
        const QJsonObject item = path.value().toObject();
        for (const QString &method : methods) {
            const QString name = method.toUpper() + u' ' + path.key();
            if (item.contains(method) && !routed.contains(name))
                problems.append(name + QStringLiteral(": documented, but no controller routes it"));
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

// Public: the Authorization header is not read, so the document offers no bearer. Anyone: a
// bearer is one way in, and so is nothing (an empty requirement) or another scheme (a token's
// secret). The signed-in levels: a bearer and nothing else.
void TestRouteTable::accessAgreesWithSecurity()
{
    const QString bearer = QStringLiteral("bearerAuth");
    QStringList problems;
    for (const Entry &entry : std::as_const(m_table)) {
        const QJsonValue security = operationOf(entry).value(u"security");
        if (!security.isArray()) {
            problems.append(entry.name() + QStringLiteral(": no security list"));
            continue;
        }
        bool mentionsBearer = false;
        bool bearerOnly = !security.toArray().isEmpty();
        for (const QJsonValue &requirement : security.toArray()) {
            const QStringList schemes = requirement.toObject().keys();
            mentionsBearer = mentionsBearer || schemes.contains(bearer);
            bearerOnly = bearerOnly && schemes == QStringList{bearer};
        }
        bool agrees = false;
        switch (entry.access) {
        case Access::Public: agrees = !mentionsBearer; break;
        case Access::Anyone: agrees = mentionsBearer && !bearerOnly; break;
        case Access::SignedIn:
        case Access::Staff:
        case Access::KioskOrStaff:
        case Access::Manager:
        case Access::Admin: agrees = bearerOnly; break;
        }
        if (!agrees)
            problems.append(
                QStringLiteral("%1: declared %2, but openapi.json's security is %3")
                    .arg(entry.name(), QLatin1String(RouteTable::nameOf(entry.access)),
                         QString::fromUtf8(
                             QJsonDocument(security.toArray()).toJson(QJsonDocument::Compact))));
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

// For the levels that name roles, x-roles lists the same roles ("operator (its own counter)"
// is the operator role with a rule of the domain's on top).
void TestRouteTable::accessAgreesWithDocumentedRoles()
{
    QStringList problems;
    for (const Entry &entry : std::as_const(m_table)) {
        const QStringList roles = RouteTable::rolesOf(entry.access);
        if (roles.isEmpty())
            continue;
        QSet<QString> documented;
        const QJsonArray xRoles = operationOf(entry).value(u"x-roles").toArray();
        for (const QJsonValue &role : xRoles)
            documented.insert(role.toString().section(u' ', 0, 0));
        if (documented != QSet<QString>(roles.cbegin(), roles.cend()))
            problems.append(
                QStringLiteral("%1: declared %2 (%3), but x-roles is %4")
                    .arg(entry.name(), QLatin1String(RouteTable::nameOf(entry.access)),
                         roles.join(u','),
                         QString::fromUtf8(QJsonDocument(xRoles).toJson(QJsonDocument::Compact))));
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

void TestRouteTable::everyMatrixRowIsRouted()
{
    QStringList problems;
    for (const RouteCase &row : kRoutes) {
        if (!m_rowRoute.contains(&row))
            problems.append(QStringLiteral("role matrix row %1 %2: no route of the table serves it")
                                .arg(QLatin1String(row.method), QLatin1String(row.path)));
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

QList<const RouteCase *> TestRouteTable::matrixRowsOf(const Entry &entry) const
{
    QList<const RouteCase *> rows;
    for (const RouteCase &row : kRoutes) {
        if (m_rowRoute.value(&row) == entry.name())
            rows.append(&row);
    }
    return rows;
}

// What the level implies for each column (anonymous, user, kiosk, operator, admin). A level
// with roles: anonymous is 401 (u), a role outside it 403 (f), a role inside it is never refused
// by the level and allowed (a) by at least one row; a rule of the domain's may still refuse it
// in another row (403 without a token's secret). Public and Anyone: no 401 anywhere, and every
// column, anonymous too, allowed by at least one row.
void TestRouteTable::accessAgreesWithRoleMatrix()
{
    QStringList problems;
    for (const Entry &entry : std::as_const(m_table)) {
        const QList<const RouteCase *> rows = matrixRowsOf(entry);
        if (rows.isEmpty())
            continue; // everyRouteIsInTheRoleMatrix() decides whether that is allowed
        const QStringList roles = RouteTable::rolesOf(entry.access);
        for (int column = 0; column < int(std::size(kRoles)); ++column) {
            const bool anonymous = column == 0;
            const bool admitted = roles.isEmpty() || roles.contains(roleName(column));
            char expected = 0; // 0: any of 'a' and 'f', 'a' in some row
            if (!roles.isEmpty() && anonymous)
                expected = 'u';
            else if (!admitted)
                expected = 'f';
            bool allowedSomewhere = false;
            for (const RouteCase *row : rows) {
                const char who = row->who[column];
                allowedSomewhere = allowedSomewhere || who == 'a';
                const bool agrees = expected ? who == expected : who != 'u';
                if (!agrees)
                    problems.append(
                        QStringLiteral("%1 %2%3 as %4: the matrix says '%5', but the route "
                                       "is declared %6")
                            .arg(QLatin1String(row->method), QLatin1String(row->path),
                                 QLatin1String(row->variant), roleName(column), QChar(who),
                                 QLatin1String(RouteTable::nameOf(entry.access))));
            }
            if (!expected && !allowedSomewhere)
                problems.append(QStringLiteral("%1 as %2: declared %3, but no matrix row allows it")
                                    .arg(entry.name(), roleName(column),
                                         QLatin1String(RouteTable::nameOf(entry.access))));
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

void TestRouteTable::everyRouteIsInTheRoleMatrix()
{
    QSet<QString> exempt;
    QStringList problems;
    for (const auto &route : kNotInMatrix) {
        const QString name = QString::fromLatin1(route.method) + u' ' + QLatin1String(route.path);
        exempt.insert(name);
        const auto it = std::find_if(m_table.cbegin(), m_table.cend(),
                                     [&](const Entry &entry) { return entry.name() == name; });
        if (it == m_table.cend())
            problems.append(name + QStringLiteral(": listed as not in the matrix, but not routed"));
        else if (!matrixRowsOf(*it).isEmpty())
            problems.append(name + QStringLiteral(": listed as not in the matrix, but it is"));
    }
    for (const Entry &entry : std::as_const(m_table)) {
        if (!exempt.contains(entry.name()) && matrixRowsOf(entry).isEmpty())
            problems.append(QStringLiteral("%1 (%2): no row in tests/integration/rolematrix.h")
                                .arg(entry.name(), QLatin1String(entry.controller)));
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

QTEST_GUILESS_MAIN(TestRouteTable)
#include "tst_routetable.moc"
