// The install-time commands of nextup-server, run as an admin runs them (the real binary, a real
// Postgres): create-admin, seed --demo, healthcheck, --version, settings from NAME_FILE and the
// refusal of an empty DATABASE_URL (the packaged env file's state before it is filled in).
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include "flowhelpers.h"
#include "httpclient.h"
#include "serverprocess.h"
#include "testservices.h"

namespace {
struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};
} // namespace

class TestServerCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void versionAndHelp();
    void seedNeedsDemo();
    void createAdminWithGeneratedPassword();
    void createAdminFromStdin();
    void createAdminRefusesBadInput_data();
    void createAdminRefusesBadInput();
    void emptyRequiredSettingIsRefused_data();
    void emptyRequiredSettingIsRefused();
    void settingsFromFiles();
    void healthcheck();
    void upgradeTurnsFutureSlotsIntoAppointments();
    void upgradePutsStaffInTheFirstBranch();

private:
    // A new database migrated with the migrations before `firstLeftOut` only (an earlier release);
    // the environment that migrates it (DATABASE_URL, NEXTUP_SQL_DIR of those migrations).
    bool migrateBefore(const QString &database, const QString &firstLeftOut, QTemporaryDir &sql,
                       QProcessEnvironment &env);
    Run run(const QStringList &arguments, const QProcessEnvironment &extra = {},
            const QByteArray &stdinText = {});
    QProcessEnvironment environmentFor(const QString &database) const;

    TestServices m_services;
};

void TestServerCli::initTestCase()
{
    if (ServerProcess::binaryPath().isEmpty())
        QSKIP("nextup-server is not built");
    QVERIFY(m_services.start());
    QVERIFY(m_services.createDatabase(QStringLiteral("cli")));
    QCOMPARE(run({QStringLiteral("migrate")}).exitCode, 0);
}

QProcessEnvironment TestServerCli::environmentFor(const QString &database) const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DATABASE_URL"), m_services.postgresUrl(database));
    env.insert(QStringLiteral("REDIS_URL"), m_services.redisUrl());
    env.insert(QStringLiteral("JWT_SECRET"), QString::fromLatin1(ServerProcess::testJwtSecret()));
    return env;
}

Run TestServerCli::run(const QStringList &arguments, const QProcessEnvironment &extra,
                       const QByteArray &stdinText)
{
    QProcessEnvironment env = environmentFor(QStringLiteral("cli"));
    for (const QString &key : extra.keys()) {
        if (extra.value(key) == u"<unset>")
            env.remove(key);
        else
            env.insert(key, extra.value(key));
    }
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(ServerProcess::binaryPath(), arguments);
    if (!process.waitForStarted(10000))
        return {};
    process.write(stdinText);
    process.closeWriteChannel();
    if (!process.waitForFinished(60000))
        process.kill();
    return Run{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
               process.readAllStandardOutput(), process.readAllStandardError()};
}

void TestServerCli::versionAndHelp()
{
    const Run version = run({QStringLiteral("--version")});
    QCOMPARE(version.exitCode, 0);
    QVERIFY(QRegularExpression(QStringLiteral("^nextup-server \\d+\\.\\d+\\.\\d+\\n$"))
                .match(QString::fromUtf8(version.out))
                .hasMatch());
    const Run help = run({QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    for (const char *word : {"create-admin", "--password-stdin", "seed --demo", "healthcheck",
                             "DATABASE_PASSWORD", "NAME_FILE"})
        QVERIFY2(help.out.contains(word), word);
}

void TestServerCli::seedNeedsDemo()
{
    const Run refused = run({QStringLiteral("seed")});
    QCOMPARE(refused.exitCode, 2);
    QVERIFY(refused.err.contains("seed --demo"));
    // Nothing was loaded: create-admin still finds no user named admin.
    const Run admin = run({QStringLiteral("create-admin"), QStringLiteral("--username"),
                           QStringLiteral("admin"), QStringLiteral("--password-stdin")},
                          {}, QByteArrayLiteral("not-the-demo-password\n"));
    QCOMPARE(admin.exitCode, 0);
    QVERIFY2(admin.err.contains("admin admin created"), admin.err.constData());
}

void TestServerCli::createAdminWithGeneratedPassword()
{
    const Run created = run({QStringLiteral("create-admin"), QStringLiteral("--username"),
                             QStringLiteral("head.office")});
    QCOMPARE(created.exitCode, 0);
    const auto match = QRegularExpression(QStringLiteral("^password: ([A-Za-z0-9_-]{24})\\n$"))
                           .match(QString::fromUtf8(created.out));
    QVERIFY2(match.hasMatch(), created.out.constData());
    QVERIFY2(!created.err.contains(match.captured(1).toUtf8()), "the password reached the log");

    ServerProcess server(m_services.postgresUrl(QStringLiteral("cli")), m_services.redisUrl());
    QVERIFY(server.start());
    HttpClient client(server.baseUrl());
    const QString token = client.login(QStringLiteral("head.office"), match.captured(1));
    QVERIFY(!token.isEmpty());
    const HttpReply me = client.get(QStringLiteral("/api/auth/me"), token);
    QCOMPARE(me.status, 200);
    QCOMPARE(me.json.object()
                 .value(QStringLiteral("user"))
                 .toObject()
                 .value(QStringLiteral("role"))
                 .toString(),
             QStringLiteral("admin"));

    // Again: the account exists, so nothing changes and no password is printed.
    const Run again = run({QStringLiteral("create-admin"), QStringLiteral("--username"),
                           QStringLiteral("HEAD.OFFICE")});
    QCOMPARE(again.exitCode, 0);
    QVERIFY(again.out.isEmpty());
    QVERIFY(again.err.contains("already exists; nothing changed"));
    QVERIFY(!client.login(QStringLiteral("head.office"), match.captured(1)).isEmpty());
    server.dumpIfFailed();
}

void TestServerCli::createAdminFromStdin()
{
    const Run created = run({QStringLiteral("create-admin"), QStringLiteral("--username"),
                             QStringLiteral("root2"), QStringLiteral("--password-stdin")},
                            {}, QByteArrayLiteral("a long pass phrase\n"));
    QCOMPARE(created.exitCode, 0);
    QVERIFY(created.out.isEmpty());
    ServerProcess server(m_services.postgresUrl(QStringLiteral("cli")), m_services.redisUrl());
    QVERIFY(server.start());
    QVERIFY(!HttpClient(server.baseUrl())
                 .login(QStringLiteral("root2"), QStringLiteral("a long pass phrase"))
                 .isEmpty());
}

void TestServerCli::createAdminRefusesBadInput_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QByteArray>("message");
    const QString create = QStringLiteral("create-admin");
    const QString name = QStringLiteral("--username");
    const QString fromStdin = QStringLiteral("--password-stdin");
    QTest::newRow("no username") << QStringList{create} << QByteArray() << 2
                                 << QByteArray("needs --username");
    QTest::newRow("bad username") << QStringList{create, name, QStringLiteral("a b")}
                                  << QByteArray() << 1 << QByteArray("username: 3 to 32");
    QTest::newRow("short password")
        << QStringList{create, name, QStringLiteral("shorty"), fromStdin} << QByteArray("1234567\n")
        << 1 << QByteArray("password: 8 to 128");
    QTest::newRow("no password") << QStringList{create, name, QStringLiteral("nopass"), fromStdin}
                                 << QByteArray() << 1 << QByteArray("password: 8 to 128");
}

void TestServerCli::createAdminRefusesBadInput()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, input);
    QFETCH(int, exitCode);
    QFETCH(QByteArray, message);
    const Run refused = run(arguments, {}, input);
    QCOMPARE(refused.exitCode, exitCode);
    QVERIFY2(refused.err.contains(message), refused.err.constData());
    QVERIFY(refused.out.isEmpty());
}

void TestServerCli::emptyRequiredSettingIsRefused_data()
{
    QTest::addColumn<QString>("variable");
    QTest::newRow("DATABASE_URL") << QStringLiteral("DATABASE_URL");
    QTest::newRow("REDIS_URL") << QStringLiteral("REDIS_URL");
}

void TestServerCli::emptyRequiredSettingIsRefused()
{
    QFETCH(QString, variable);
    QProcessEnvironment empty;
    empty.insert(variable, QString());
    for (const char *command : {"migrate", "serve"}) {
        const Run refused = run({QLatin1String(command)}, empty);
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.err.contains((variable + QStringLiteral(" is empty")).toUtf8()),
                 refused.err.constData());
        QVERIFY(refused.err.contains("/etc/nextup/nextup.env"));
    }
}

void TestServerCli::settingsFromFiles()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    auto writeFile = [&](const QString &name, const QByteArray &text) {
        QFile file(dir.filePath(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(text);
    };
    writeFile(QStringLiteral("secret"), ServerProcess::testJwtSecret() + '\n');
    writeFile(QStringLiteral("url"), m_services.postgresUrl(QStringLiteral("cli")).toUtf8() + '\n');

    // JWT_SECRET and DATABASE_URL from files: the server starts and signs tokens with that secret.
    ServerProcess server(QString(), m_services.redisUrl());
    server.setEnvironmentValue(QStringLiteral("DATABASE_URL_FILE"),
                               dir.filePath(QStringLiteral("url")));
    server.setEnvironmentValue(QStringLiteral("JWT_SECRET_FILE"),
                               dir.filePath(QStringLiteral("secret")));
    server.removeEnvironmentValue(QStringLiteral("JWT_SECRET"));
    server.removeEnvironmentValue(QStringLiteral("DATABASE_URL"));
    QVERIFY(server.start());
    QVERIFY(!HttpClient(server.baseUrl())
                 .login(QStringLiteral("root2"), QStringLiteral("a long pass phrase"))
                 .isEmpty());
    server.stop();

    // A NAME_FILE that cannot be read stops the program with its name, never runs without it.
    QProcessEnvironment missing;
    missing.insert(QStringLiteral("JWT_SECRET"), QStringLiteral("<unset>"));
    missing.insert(QStringLiteral("JWT_SECRET_FILE"), dir.filePath(QStringLiteral("nope")));
    const Run refused = run({QStringLiteral("serve")}, missing);
    QCOMPARE(refused.exitCode, 2);
    QVERIFY(refused.err.contains("JWT_SECRET_FILE names"));
}

void TestServerCli::healthcheck()
{
    ServerProcess server(m_services.postgresUrl(QStringLiteral("cli")), m_services.redisUrl());
    QVERIFY(server.start());
    QProcessEnvironment port;
    port.insert(QStringLiteral("PORT"), QString::number(server.port()));
    const Run ready = run({QStringLiteral("healthcheck")}, port);
    QCOMPARE(ready.exitCode, 0);
    QVERIFY(ready.out.contains("ready"));
    server.stop();
    const Run down = run({QStringLiteral("healthcheck")}, port);
    QCOMPARE(down.exitCode, 1);
    QVERIFY(down.err.contains("nothing answers"));
}

bool TestServerCli::migrateBefore(const QString &database, const QString &firstLeftOut,
                                  QTemporaryDir &sql, QProcessEnvironment &env)
{
    if (!m_services.createDatabase(database))
        return false;
    const QDir sqlDir(QStringLiteral(NEXTUP_SOURCE_SQL_DIR));
    const QStringList migrations =
        sqlDir.entryList({QStringLiteral("0*.sql")}, QDir::Files, QDir::Name);
    if (!migrations.contains(firstLeftOut)) {
        qWarning("no migration %s", qPrintable(firstLeftOut));
        return false;
    }
    for (const QString &file : migrations) {
        if (file < firstLeftOut && !QFile::copy(sqlDir.filePath(file), sql.filePath(file)))
            return false;
    }
    env.insert(QStringLiteral("DATABASE_URL"), m_services.postgresUrl(database));
    env.insert(QStringLiteral("NEXTUP_SQL_DIR"), sql.path());
    return run({QStringLiteral("migrate")}, env).exitCode == 0;
}

void TestServerCli::upgradePutsStaffInTheFirstBranch()
{
    // An installation of the release before users had branches (migrations up to 0009), with
    // two branches and staff of every role.
    const QString database = QStringLiteral("upgrade_branches");
    QTemporaryDir before;
    QProcessEnvironment env;
    QVERIFY(migrateBefore(database, QStringLiteral("0010_user_branches.sql"), before, env));
    Flow::Sql sql(m_services.postgresUrl(database));
    QVERIFY(sql.exec(QStringLiteral(
        "INSERT INTO branches (name) VALUES ('Main'), ('North'); "
        "INSERT INTO users (username, password_hash, role) VALUES "
        "('boss', 'x', 'admin'), ('desk', 'x', 'operator'), ('lobby', 'x', 'kiosk'), "
        "('jane', 'x', 'user')")));

    env.insert(QStringLiteral("NEXTUP_SQL_DIR"), QStringLiteral(NEXTUP_SOURCE_SQL_DIR));
    QCOMPARE(run({QStringLiteral("migrate")}, env).exitCode, 0);
    const auto branchOf = [&](const char *username) {
        return sql
            .scalar(QStringLiteral("SELECT coalesce(branch_id, 0) FROM users WHERE "
                                   "username = ?"),
                    {QString::fromLatin1(username)})
            .toInt();
    };
    const int main = sql.scalar(QStringLiteral("SELECT min(id) FROM branches")).toInt();
    QVERIFY(main > 0);
    QCOMPARE(branchOf("desk"), main);
    QCOMPARE(branchOf("lobby"), main);
    QCOMPARE(branchOf("boss"), 0); // head office
    QCOMPARE(branchOf("jane"), 0); // a customer belongs to no branch
    // The new role exists, and never without a branch.
    QVERIFY(sql.exec(QStringLiteral("INSERT INTO users (username, password_hash, role, branch_id) "
                                    "VALUES ('north', 'x', 'branch_admin', %1)")
                         .arg(main + 1)));
    QVERIFY(!sql.exec(QStringLiteral("INSERT INTO users (username, password_hash, role) "
                                     "VALUES ('nobody', 'x', 'branch_admin')")));
}

QTEST_GUILESS_MAIN(TestServerCli)
void TestServerCli::upgradeTurnsFutureSlotsIntoAppointments()
{
    // A database of the release before appointments (migrations up to 0006) with tokens taken
    // the old way: preferred_slot was only a sort key of a waiting token.
    const QString database = QStringLiteral("upgrade");
    const QDir sqlDir(QStringLiteral(NEXTUP_SOURCE_SQL_DIR));
    QTemporaryDir before;
    QProcessEnvironment env;
    QVERIFY(migrateBefore(database, QStringLiteral("0007_appointments.sql"), before, env));

    Flow::Sql sql(m_services.postgresUrl(database));
    QVERIFY(sql.exec(
        QStringLiteral("INSERT INTO branches (name) VALUES ('Main'); "
                       "INSERT INTO services (branch_id, code, name) VALUES (1, 'D', 'Deposit')")));
    // A future slot, a slot already passed (it stays in line) and a walk-in; one future slot
    // already served stays served.
    // (make_interval is strict: no slot minutes, no slot, and the token arrived now.)
    const auto add = [&](int number, const char *status, const QVariant &slotMinutes) {
        const auto rows = sql.rows(
            QStringLiteral(
                "INSERT INTO tokens (service_id, business_date, number, token_number, "
                "status, preferred_slot, arrival_at, secret_hash) VALUES (1, current_date, ?, ?, "
                "?, "
                "now() + make_interval(mins => ?::int), coalesce(now() + "
                "make_interval(mins => ?::int), now()), md5(random()::text)) RETURNING id"),
            {number, QStringLiteral("D%1").arg(number, 3, 10, QLatin1Char('0')),
             QString::fromLatin1(status), slotMinutes, slotMinutes});
        return rows && !rows->isEmpty() ? rows->first().value(0).toLongLong() : -1;
    };
    const qint64 future = add(1, "waiting", 180);
    const qint64 passed = add(2, "waiting", -30);
    const qint64 walkIn = add(3, "waiting", QVariant());
    const qint64 served = add(4, "completed", 240);
    QVERIFY(future > 0 && passed > 0 && walkIn > 0 && served > 0);

    env.insert(QStringLiteral("NEXTUP_SQL_DIR"), sqlDir.path());
    QCOMPARE(run({QStringLiteral("migrate")}, env).exitCode, 0);
    const auto statusOf = [&](qint64 id) {
        return sql.scalar(QStringLiteral("SELECT status FROM tokens WHERE id = ?"), {id})
            .toString();
    };
    QCOMPARE(statusOf(future), u"booked");
    QCOMPARE(statusOf(passed), u"waiting");
    QCOMPARE(statusOf(walkIn), u"waiting");
    QCOMPARE(statusOf(served), u"completed");
    // The change is in the token's history, once.
    QCOMPARE(sql.scalar(QStringLiteral("SELECT count(*) FROM token_events WHERE token_id = ? AND "
                                       "event = 'booked' AND from_status = 'waiting'"),
                        {future})
                 .toInt(),
             1);
    QCOMPARE(sql.scalar(QStringLiteral("SELECT count(*) FROM token_events WHERE token_id <> ?"),
                        {future})
                 .toInt(),
             0);
}

#include "tst_servercli.moc"
