#pragma once

#include <memory>
#include <optional>

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QTcpSocket>
#include <QVariant>

#include "httpclient.h"
#include "serverprocess.h"
#include "testservices.h"

// Shared by the token-flow and robustness suites: a real server on a freshly seeded database,
// direct SQL for effects the API does not show, and raw HTTP for what QNetworkAccessManager
// would normalise away.
namespace Flow {

// "D007" for code D and number 7.
QString tokenNumber(const QString &code, int number);
// A short description of an answer for failure messages: "HTTP 409 {...}".
QString describe(const HttpReply &reply);
// `{token: {...}}` answers unwrapped; the object itself when it has no `token` member.
QJsonObject tokenOf(const HttpReply &reply);
// `error.details` of the API's error shape ({} when there is none).
QJsonObject errorDetails(const HttpReply &reply);

// POST /api/tokens {service_id, ...extra}.
HttpReply issue(HttpClient &http, int serviceId, const QJsonObject &extra = {},
                const QString &bearer = {});
// POST /api/counters/:id/<action>.
HttpReply act(HttpClient &http, int counterId, const QString &action, const QString &bearer,
              const QJsonObject &body = {});
// GET /api/tokens/:id/status?secret=...
HttpReply status(HttpClient &http, qint64 tokenId, const QString &secret);
// The live queue's count of tokens waiting for a service (GET /api/queues); -1 if not listed.
int waitingFor(HttpClient &http, int serviceId);

// `count` GETs of `path` at the same moment, each on its own connection, so that several of the
// server's worker threads are busy at once: the statuses in request order (0 = no answer).
QList<int> concurrentGets(const QUrl &baseUrl, const QString &path, int count,
                          int timeoutMs = 10000);
// One POST of each body to `path` at the same moment, each on its own connection: the answers in
// request order (status 0 = no answer).
QList<HttpReply> concurrentPosts(const QUrl &baseUrl, const QString &path,
                                 const QList<QJsonObject> &bodies, const QString &bearer = {},
                                 int timeoutMs = 20000, const HttpHeaders &headers = {});

// The access tokens of the seed's demo users. They stay valid across servers that share the
// test JWT secret and a database cloned from the same template (same user ids).
struct Staff
{
    QString admin;
    QString operator1;
    QString operator2;
    QString kiosk;

    bool complete() const;
    const QString &byName(const QString &name) const; // "admin", "op1", "op2", "kiosk"; else ""
};

// One Postgres + Redis for the whole test executable and a migrated, seeded template database.
// restart() starts a server on a new copy of that template with an empty Redis; reset() brings
// the running server's database back to the seed's state (today's tokens gone, counters closed,
// added counters removed) and empties Redis, which the server then rebuilds from Postgres. Either
// way tests never see each other's tokens. Logins are done once (argon2 is slow on purpose).
class Cluster final
{
    Q_DISABLE_COPY_MOVE(Cluster)

public:
    Cluster();
    ~Cluster();

    // Starts Postgres and Redis, builds the template, starts a first server and logs in.
    bool start(const QMap<QString, QString> &serverEnvironment = {});
    // Stops the current server, flushes Redis, clones the template into a new database and
    // starts a server on it with the same environment. false (with a qWarning) on failure.
    bool restart();
    // A new server process (on a new port) over the same database and Redis: what a client
    // retrying across a server's restart meets.
    bool restartServer();
    // Cheaper than restart() (no new database, no new process); restarts when the server is down.
    bool reset();
    // Changes with every restart() and reset(): lets a test tell whether its data is still there.
    int generation() const { return m_generation; }

    TestServices &services() { return m_services; }
    bool hasServer() const { return m_server != nullptr; }
    ServerProcess &server() { return *m_server; }
    HttpClient &http() { return *m_http; }
    const Staff &staff() const { return m_staff; }
    QString database() const { return m_database; }
    QString postgresUrl() const { return m_services.postgresUrl(m_database); }

private:
    bool startServer();

    TestServices m_services;
    QMap<QString, QString> m_environment;
    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<HttpClient> m_http;
    Staff m_staff;
    QString m_database;
    int m_copies = 0;
    int m_generation = 0;
};

// A direct QPSQL connection for reading and arranging rows the API does not expose.
class Sql final
{
    Q_DISABLE_COPY_MOVE(Sql)

public:
    explicit Sql(const QString &postgresUrl);
    ~Sql();

    bool isOpen() const { return m_open; }
    // All rows, each a list of column values; std::nullopt (and a qWarning) on error.
    std::optional<QList<QVariantList>> rows(const QString &sql, const QVariantList &params = {});
    // The first column of the first row; an invalid QVariant when there is none or on error.
    QVariant scalar(const QString &sql, const QVariantList &params = {});
    bool exec(const QString &sql, const QVariantList &params = {});

private:
    QString m_connection;
    bool m_open = false;
};

// One HTTP/1.1 answer as it came off the wire.
struct RawResponse
{
    int status = 0;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;

    QByteArray header(const QByteArray &name) const; // case-insensitive; null when absent
    QJsonDocument json() const { return QJsonDocument::fromJson(body); }
    QString errorCode() const;
};

// A plain TCP connection to the server for hand-written requests (limits, pipelining).
class RawHttp final
{
    Q_DISABLE_COPY_MOVE(RawHttp)

public:
    RawHttp() = default;

    bool connectTo(quint16 port, int timeoutMs = 3000);
    bool send(const QByteArray &bytes);
    // The next complete answer, or std::nullopt when none arrives in time or the peer closed.
    std::optional<RawResponse> read(int timeoutMs = 5000);
    // True when the server closes the connection within the time (after draining what it sent).
    bool waitClosed(int timeoutMs);
    bool isConnected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    QByteArray pending() const { return m_buffer; }

private:
    std::optional<RawResponse> parse();

    QTcpSocket m_socket;
    QByteArray m_buffer;
};

// The one error shape: {"error": {"code": string, "message": string, "details": {...}}} and
// nothing else. An empty string when it is right, else what is wrong.
QString errorShapeProblem(const QJsonDocument &json, const QString &expectedCode);

} // namespace Flow

// QVERIFY that an answer has exactly this status, printing the answer when not.
#define FLOW_EXPECT(reply, expected)                                                               \
    QVERIFY2((reply).status == (expected),                                                         \
             qPrintable(                                                                           \
                 QStringLiteral("expected %1, got %2").arg(expected).arg(Flow::describe(reply))))

// QVERIFY an error answer: status and error code.
#define FLOW_EXPECT_ERROR(reply, expected, code)                                                   \
    do {                                                                                           \
        FLOW_EXPECT(reply, expected);                                                              \
        QCOMPARE((reply).errorCode(), QString(code));                                              \
    } while (false)
