// Smoke tests of the test support itself: the private Postgres and Redis really start, stop and
// come back, the HTTP client reports what was sent, and ServerProcess drives the real binary.

#include <signal.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QHostAddress>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include "httpclient.h"
#include "processhelpers.h"
#include "serverprocess.h"
#include "testservices.h"

using namespace TestSupport;

namespace {

// PING over a plain socket, independent of the helpers under test.
QByteArray rawPing(int port)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, quint16(port));
    if (!socket.waitForConnected(2000))
        return {};
    socket.write("PING\r\n");
    QByteArray reply;
    while (!reply.endsWith("\r\n") && socket.waitForReadyRead(2000))
        reply += socket.readAll();
    return reply;
}

// The reply as text, so QCOMPARE can print it.
QByteArray redis(int port, const QByteArrayList &command)
{
    return redisCommand(port, command).value_or(QByteArray("<no answer>"));
}

QByteArray cannedResponse(const QByteArray &statusLine, const QByteArray &headers,
                          const QByteArray &body)
{
    return "HTTP/1.1 " + statusLine + "\r\n" + headers +
           "Content-Length: " + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" +
           body;
}

// A scoped QPSQL connection to one database of the private cluster.
class Connection
{
public:
    Connection(int port, const QString &database)
        : m_name(QStringLiteral("tst-%1-%2").arg(database).arg(++s_counter))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_name);
        db.setHostName(QStringLiteral("127.0.0.1"));
        db.setPort(port);
        db.setUserName(QStringLiteral("postgres"));
        db.setDatabaseName(database);
        db.open();
    }
    ~Connection()
    {
        QSqlDatabase::database(m_name, false).close();
        QSqlDatabase::removeDatabase(m_name);
    }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }
    // The first column of the first row, or an invalid QVariant on error.
    QVariant scalar(const QString &sql) const
    {
        QSqlQuery query(db());
        if (!query.exec(sql) || !query.next())
            return {};
        return query.value(0);
    }

private:
    static inline int s_counter = 0;
    QString m_name;
};

// Answers every connection with one canned HTTP response and keeps the request it got.
class CannedHttpServer
{
public:
    explicit CannedHttpServer(QByteArray response) : m_response(std::move(response))
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        QObject::connect(&m_server, &QTcpServer::newConnection, &m_server, [this] {
            QTcpSocket *socket = m_server.nextPendingConnection();
            QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                m_request += socket->readAll();
                if (m_request.contains("\r\n\r\n") && !m_response.isEmpty())
                    socket->write(m_response);
            });
        });
    }
    QUrl url() const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()));
    }
    QByteArray request() const { return m_request; }

private:
    QTcpServer m_server;
    QByteArray m_response;
    QByteArray m_request;
};

} // namespace

class TestTestServices : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void urls();
    void createDatabaseAndQuery();
    void createDatabaseTwiceFails();
    void redisPing();
    void redisCommands_data();
    void redisCommands();
    void flushRedis();
    void redisRestartsOnSamePort();
    void postgresRestartKeepsData();
    void destructorCleansUp();
    void lastLines_data();
    void lastLines();
    void httpClientReportsAnswer();
    void httpClientDoesNotFollowRedirects();
    void httpClientTimesOut();
    void serverProcessRunsRealServer();
    void serverProcessSeedsAndLogsIn();
    void serverProcessReportsUnexpectedExit();

private:
    TestServices m_services;
};

void TestTestServices::initTestCase()
{
    QElapsedTimer timer;
    timer.start();
    QVERIFY(m_services.start());
    qInfo("Postgres and Redis up in %lld ms (postgres %d, redis %d, in %s)", timer.elapsed(),
          m_services.postgresPort(), m_services.redisPort(), qPrintable(m_services.path()));
    // About 1 s on an idle 2-core machine (2 s when the cluster template is made); no bound is
    // asserted because a machine busy compiling makes any bound flaky.
    QVERIFY(m_services.isPostgresRunning());
    QVERIFY(m_services.isRedisRunning());
}

void TestTestServices::urls()
{
    QCOMPARE(m_services.postgresUrl(QStringLiteral("abc")),
             QStringLiteral("postgres://postgres@127.0.0.1:%1/abc").arg(m_services.postgresPort()));
    QCOMPARE(m_services.redisUrl(),
             QStringLiteral("redis://127.0.0.1:%1/0").arg(m_services.redisPort()));
    QVERIFY(m_services.postgresPort() != m_services.redisPort());
}

void TestTestServices::createDatabaseAndQuery()
{
    QVERIFY(m_services.createDatabase(QStringLiteral("t_smoke")));
    Connection connection(m_services.postgresPort(), QStringLiteral("t_smoke"));
    QVERIFY2(connection.db().isOpen(), qPrintable(connection.db().lastError().text()));
    QCOMPARE(connection.scalar(QStringLiteral("SELECT 1")).toInt(), 1);
    QCOMPARE(connection.scalar(QStringLiteral("SELECT current_database()")).toString(),
             QStringLiteral("t_smoke"));
    QCOMPARE(connection.scalar(QStringLiteral("SHOW server_encoding")).toString(),
             QStringLiteral("UTF8"));
}

void TestTestServices::createDatabaseTwiceFails()
{
    QVERIFY(m_services.createDatabase(QStringLiteral("t_twice")));
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QStringLiteral("CREATE DATABASE t_twice failed")));
    QVERIFY(!m_services.createDatabase(QStringLiteral("t_twice")));
}

void TestTestServices::redisPing()
{
    QCOMPARE(rawPing(m_services.redisPort()), QByteArray("+PONG\r\n"));
}

void TestTestServices::redisCommands_data()
{
    QTest::addColumn<QByteArrayList>("command");
    QTest::addColumn<QByteArray>("expected");
    QTest::addColumn<bool>("nil");

    QTest::newRow("simple string")
        << QByteArrayList{"SET", "k", "v a l"} << QByteArray("OK") << false;
    QTest::newRow("bulk string") << QByteArrayList{"GET", "k"} << QByteArray("v a l") << false;
    QTest::newRow("integer") << QByteArrayList{"INCR", "n"} << QByteArray("1") << false;
    QTest::newRow("nil") << QByteArrayList{"GET", "missing"} << QByteArray() << true;
    QTest::newRow("empty string") << QByteArrayList{"ECHO", ""} << QByteArray("") << false;
    QTest::newRow("error") << QByteArrayList{"NOSUCHCOMMAND"} << QByteArray("-ERR") << false;
    QTest::newRow("array") << QByteArrayList{"MGET", "k", "missing"}
                           << QByteArray("*2\r\n$5\r\nv a l\r\n$-1\r\n") << false;
}

void TestTestServices::redisCommands()
{
    QFETCH(QByteArrayList, command);
    QFETCH(QByteArray, expected);
    QFETCH(bool, nil);

    const std::optional<QByteArray> reply = redisCommand(m_services.redisPort(), command);
    QVERIFY(reply.has_value());
    QCOMPARE(reply->isNull(), nil);
    if (expected.startsWith('-'))
        QVERIFY2(reply->startsWith(expected), reply->constData());
    else
        QCOMPARE(*reply, expected);
}

void TestTestServices::flushRedis()
{
    QCOMPARE(redis(m_services.redisPort(), {"SET", "flushme", "1"}), QByteArray("OK"));
    QVERIFY(m_services.flushRedis());
    QCOMPARE(redis(m_services.redisPort(), {"DBSIZE"}), QByteArray("0"));
}

void TestTestServices::redisRestartsOnSamePort()
{
    const int port = m_services.redisPort();
    QCOMPARE(redis(port, {"SET", "survives", "no"}), QByteArray("OK"));

    QVERIFY(m_services.stopRedis());
    QVERIFY(!m_services.isRedisRunning());
    QCOMPARE(rawPing(port), QByteArray());
    QVERIFY(!redisCommand(port, {"PING"}, 500).has_value());

    QVERIFY(m_services.startRedis());
    QCOMPARE(m_services.redisPort(), port);
    QCOMPARE(rawPing(port), QByteArray("+PONG\r\n"));
    // No persistence: a restarted Redis is empty, which is what the fault tests rely on.
    const std::optional<QByteArray> value = redisCommand(port, {"GET", "survives"});
    QVERIFY(value.has_value());
    QVERIFY(value->isNull());
}

void TestTestServices::postgresRestartKeepsData()
{
    QVERIFY(m_services.createDatabase(QStringLiteral("t_restart")));
    const int port = m_services.postgresPort();
    {
        Connection connection(port, QStringLiteral("t_restart"));
        QSqlQuery query(connection.db());
        QVERIFY(
            query.exec(QStringLiteral("CREATE TABLE kept (v int); INSERT INTO kept VALUES (42)")));

        QVERIFY(m_services.stopPostgres());
        QVERIFY(!m_services.isPostgresRunning());
        // The open connection was cut, and new ones are refused.
        QVERIFY(!connection.scalar(QStringLiteral("SELECT 1")).isValid());
    }
    {
        Connection refused(port, QStringLiteral("t_restart"));
        QVERIFY(!refused.db().isOpen());
    }

    QVERIFY(m_services.startPostgres());
    QCOMPARE(m_services.postgresPort(), port);
    Connection again(port, QStringLiteral("t_restart"));
    QVERIFY2(again.db().isOpen(), qPrintable(again.db().lastError().text()));
    QCOMPARE(again.scalar(QStringLiteral("SELECT v FROM kept")).toInt(), 42);
}

void TestTestServices::destructorCleansUp()
{
    QString path;
    int pgPort = 0;
    int redisPort = 0;
    {
        TestServices services;
        QVERIFY(services.start());
        path = services.path();
        pgPort = services.postgresPort();
        redisPort = services.redisPort();
        QVERIFY(pgPort != m_services.postgresPort());
        QCOMPARE(rawPing(redisPort), QByteArray("+PONG\r\n"));
    }
    QVERIFY(!QDir(path).exists());
    QVERIFY(tcpPortFree(pgPort));
    QVERIFY(tcpPortFree(redisPort));
}

void TestTestServices::lastLines_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("lines");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("fewer lines than asked") << QByteArray("a\nb\n") << 5 << QByteArray("a\nb\n");
    QTest::newRow("trailing newline") << QByteArray("a\nb\nc\n") << 2 << QByteArray("b\nc\n");
    QTest::newRow("no trailing newline") << QByteArray("a\nb\nc") << 1 << QByteArray("c");
    QTest::newRow("empty") << QByteArray() << 3 << QByteArray();
}

void TestTestServices::lastLines()
{
    QFETCH(QByteArray, text);
    QFETCH(int, lines);
    QFETCH(QByteArray, expected);
    QCOMPARE(TestSupport::lastLines(text, lines), expected);
}

void TestTestServices::httpClientReportsAnswer()
{
    CannedHttpServer server(
        cannedResponse("409 Conflict", "Content-Type: application/json\r\nX-Request-Id: abc\r\n",
                       R"({"error":{"code":"queue_empty","message":"none"}})"));
    HttpClient client(server.url());
    const HttpReply reply = client.post(QStringLiteral("/api/counters/1/call"),
                                        {{QStringLiteral("x"), 1}}, QStringLiteral("tok"));
    QCOMPARE(reply.status, 409);
    QCOMPARE(reply.errorCode(), QStringLiteral("queue_empty"));
    QCOMPARE(reply.header("x-request-id"), QByteArray("abc"));
    QVERIFY(reply.header("X-Missing").isNull());

    const QByteArray request = server.request();
    QVERIFY2(request.startsWith("POST /api/counters/1/call HTTP/1.1\r\n"), request.constData());
    QVERIFY2(request.contains("Authorization: Bearer tok\r\n"), request.constData());
    QVERIFY2(request.contains("Content-Type: application/json\r\n"), request.constData());
    QVERIFY2(request.endsWith("\r\n\r\n{\"x\":1}"), request.constData());
}

void TestTestServices::httpClientDoesNotFollowRedirects()
{
    CannedHttpServer server(
        cannedResponse("301 Moved Permanently", "Location: /elsewhere\r\n", {}));
    HttpClient client(server.url());
    const HttpReply reply = client.get(QStringLiteral("/api/docs"));
    QCOMPARE(reply.status, 301);
    QCOMPARE(reply.header("Location"), QByteArray("/elsewhere"));
    QVERIFY(reply.json.isNull());
}

void TestTestServices::httpClientTimesOut()
{
    CannedHttpServer silent({}); // accepts and never answers
    HttpClient client(silent.url(), 300);
    QElapsedTimer timer;
    timer.start();
    const HttpReply reply = client.get(QStringLiteral("/healthz"));
    QCOMPARE(reply.status, 0);
    QVERIFY2(reply.error.contains(QStringLiteral("within 300 ms")), qPrintable(reply.error));
    QVERIFY(timer.elapsed() < 5000);
}

void TestTestServices::serverProcessRunsRealServer()
{
    const QString binary = qEnvironmentVariable("NEXTUP_SERVER_BIN");
    if (binary.isEmpty() || !QFileInfo::exists(binary))
        QSKIP("nextup-server is not built");
    QCOMPARE(ServerProcess::testJwtSecret().size(), 48);

    QVERIFY(m_services.createDatabase(QStringLiteral("t_server")));
    ServerProcess server(m_services.postgresUrl(QStringLiteral("t_server")), m_services.redisUrl());
    QVERIFY(server.runSubcommand({QStringLiteral("migrate")}));
    QVERIFY(server.start());
    QVERIFY(server.isRunning());
    HttpClient client(server.baseUrl());
    QCOMPARE(client.get(QStringLiteral("/healthz")).status, 200);
    QCOMPARE(client.get(QStringLiteral("/readyz")).status, 200);
    server.stop();
    QVERIFY(!server.isRunning());
    QCOMPARE(client.get(QStringLiteral("/healthz")).status, 0);

    // A database that does not exist: migrate must fail, and say so.
    ServerProcess broken(m_services.postgresUrl(QStringLiteral("t_no_such_db")),
                         m_services.redisUrl());
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("nextup-server migrate")));
    QVERIFY(!broken.runSubcommand({QStringLiteral("migrate")}));
}

void TestTestServices::serverProcessSeedsAndLogsIn()
{
    if (!QFileInfo::exists(qEnvironmentVariable("NEXTUP_SERVER_BIN")))
        QSKIP("nextup-server is not built");
    QVERIFY(m_services.createDatabase(QStringLiteral("t_login")));
    ServerProcess server(m_services.postgresUrl(QStringLiteral("t_login")), m_services.redisUrl());
    QVERIFY(server.runSubcommand({QStringLiteral("migrate")}));
    QVERIFY(server.runSubcommand({QStringLiteral("seed"), QStringLiteral("--demo")}));
    QVERIFY(server.start());
    HttpClient client(server.baseUrl());
    const QString token = client.login(QStringLiteral("admin"), QStringLiteral("admin123"));
    QVERIFY(!token.isEmpty());
    QCOMPARE(client.get(QStringLiteral("/api/auth/me"), token).status, 200);
    QCOMPARE(client.get(QStringLiteral("/api/auth/me")).status, 401);

    QTest::ignoreMessage(
        QtWarningMsg, QRegularExpression(QStringLiteral("HttpClient::login\\(admin\\): HTTP 401")));
    QVERIFY(client.login(QStringLiteral("admin"), QStringLiteral("wrong")).isEmpty());
    server.dumpIfFailed();
}

void TestTestServices::serverProcessReportsUnexpectedExit()
{
    if (!QFileInfo::exists(qEnvironmentVariable("NEXTUP_SERVER_BIN")))
        QSKIP("nextup-server is not built");
    QVERIFY(m_services.createDatabase(QStringLiteral("t_crash")));
    ServerProcess server(m_services.postgresUrl(QStringLiteral("t_crash")), m_services.redisUrl());
    QVERIFY(server.runSubcommand({QStringLiteral("migrate")}));
    QVERIFY(server.start());
    QSignalSpy exited(&server, &ServerProcess::exitedUnexpectedly);
    QTest::ignoreMessage(
        QtWarningMsg,
        QRegularExpression(QStringLiteral("^nextup-server \\(port \\d+\\) crashed or was killed")));
    ::kill(pid_t(server.processId()), SIGKILL);
    QVERIFY(exited.wait(5000));
    QVERIFY(!server.isRunning());
}

QTEST_GUILESS_MAIN(TestTestServices)
#include "tst_testservices.moc"
