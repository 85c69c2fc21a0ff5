#include "flowhelpers.h"

#include <functional>
#include <vector>

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTimer>
#include <QUrl>
#include <QtDebug>

namespace Flow {

namespace {
const QString kTemplate = QStringLiteral("flow_template");
int g_sqlConnections = 0;

QJsonObject bodyWith(int serviceId, const QJsonObject &extra)
{
    QJsonObject body = extra;
    if (!body.contains(u"service_id"))
        body.insert(QStringLiteral("service_id"), serviceId);
    return body;
}
} // namespace

QString tokenNumber(const QString &code, int number)
{
    return code + QStringLiteral("%1").arg(number, 3, 10, QLatin1Char('0'));
}

QString describe(const HttpReply &reply)
{
    if (reply.status == 0)
        return QStringLiteral("no answer (%1)").arg(reply.error);
    return QStringLiteral("HTTP %1 %2")
        .arg(reply.status)
        .arg(QString::fromUtf8(reply.body.left(600)));
}

QJsonObject errorDetails(const HttpReply &reply)
{
    return reply.object().value(u"error").toObject().value(u"details").toObject();
}

QJsonObject tokenOf(const HttpReply &reply)
{
    const QJsonObject object = reply.object();
    return object.contains(u"token") ? object.value(u"token").toObject() : object;
}

HttpReply issue(HttpClient &http, int serviceId, const QJsonObject &extra, const QString &bearer)
{
    return http.post(QStringLiteral("/api/tokens"), bodyWith(serviceId, extra), bearer);
}

HttpReply act(HttpClient &http, int counterId, const QString &action, const QString &bearer,
              const QJsonObject &body)
{
    return http.post(QStringLiteral("/api/counters/%1/%2").arg(counterId).arg(action), body,
                     bearer);
}

HttpReply status(HttpClient &http, qint64 tokenId, const QString &secret)
{
    return http.get(QStringLiteral("/api/tokens/%1/status?secret=%2")
                        .arg(tokenId)
                        .arg(QString::fromLatin1(QUrl::toPercentEncoding(secret))));
}

int waitingFor(HttpClient &http, int serviceId)
{
    const HttpReply queues = http.get(QStringLiteral("/api/queues"));
    for (const QJsonValue &service : queues.object().value(u"services").toArray()) {
        if (service.toObject().value(u"id").toInt() == serviceId)
            return service.toObject().value(u"waiting").toInt();
    }
    return -1;
}

namespace {
// Sends every request at once, each through its own manager (so its own connection), and waits
// for all of them or the timeout.
QList<HttpReply>
sendAtOnce(const std::function<QNetworkReply *(QNetworkAccessManager &, int)> &send, int count,
           int timeoutMs)
{
    std::vector<std::unique_ptr<QNetworkAccessManager>> managers;
    std::vector<std::unique_ptr<QNetworkReply>> replies;
    QEventLoop loop;
    int pending = count;
    for (int i = 0; i < count; ++i) {
        managers.push_back(std::make_unique<QNetworkAccessManager>());
        managers.back()->setProxy(QNetworkProxy::NoProxy);
        replies.emplace_back(send(*managers.back(), i));
        QObject::connect(replies.back().get(), &QNetworkReply::finished, &loop, [&] {
            if (--pending == 0)
                loop.quit();
        });
    }
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    if (pending > 0)
        loop.exec();
    QList<HttpReply> answers;
    for (const auto &reply : replies) {
        HttpReply answer;
        if (reply->isFinished()) {
            answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            answer.body = reply->readAll();
            answer.headers = reply->rawHeaderPairs();
            answer.json = QJsonDocument::fromJson(answer.body);
        }
        answers.append(answer);
    }
    return answers;
}
} // namespace

QList<int> concurrentGets(const QUrl &baseUrl, const QString &path, int count, int timeoutMs)
{
    const QUrl url(baseUrl.toString(QUrl::StripTrailingSlash) + path);
    QList<int> statuses;
    for (const HttpReply &reply :
         sendAtOnce([&url](QNetworkAccessManager &manager,
                           int) { return manager.get(QNetworkRequest(url)); },
                    count, timeoutMs))
        statuses.append(reply.status);
    return statuses;
}

QList<HttpReply> concurrentPosts(const QUrl &baseUrl, const QString &path,
                                 const QList<QJsonObject> &bodies, const QString &bearer,
                                 int timeoutMs, const HttpHeaders &headers)
{
    const QUrl url(baseUrl.toString(QUrl::StripTrailingSlash) + path);
    return sendAtOnce(
        [&](QNetworkAccessManager &manager, int i) {
            QNetworkRequest request(url);
            request.setHeader(QNetworkRequest::ContentTypeHeader,
                              QByteArrayLiteral("application/json"));
            if (!bearer.isEmpty())
                request.setRawHeader("Authorization", "Bearer " + bearer.toUtf8());
            for (const auto &[name, value] : headers)
                request.setRawHeader(name, value);
            return manager.post(request,
                                QJsonDocument(bodies.at(i)).toJson(QJsonDocument::Compact));
        },
        int(bodies.size()), timeoutMs);
}

bool Staff::complete() const
{
    return !admin.isEmpty() && !operator1.isEmpty() && !operator2.isEmpty() && !kiosk.isEmpty();
}

const QString &Staff::byName(const QString &name) const
{
    static const QString none;
    if (name == u"admin")
        return admin;
    if (name == u"op1")
        return operator1;
    if (name == u"op2")
        return operator2;
    if (name == u"kiosk")
        return kiosk;
    return none;
}

Cluster::Cluster() = default;

Cluster::~Cluster()
{
    m_http.reset();
    m_server.reset();
}

bool Cluster::start(const QMap<QString, QString> &serverEnvironment)
{
    // Tests that are not about rate limits must never meet one.
    m_environment = {{QStringLiteral("TOKEN_RATE_PER_MINUTE"), QStringLiteral("100000")},
                     {QStringLiteral("AUTH_RATE_PER_MINUTE"), QStringLiteral("100000")}};
    for (auto it = serverEnvironment.cbegin(); it != serverEnvironment.cend(); ++it)
        m_environment.insert(it.key(), it.value());
    if (!m_services.start() || !m_services.createDatabase(kTemplate))
        return false;
    {
        ServerProcess migrator(m_services.postgresUrl(kTemplate), m_services.redisUrl());
        if (!migrator.runSubcommand({QStringLiteral("migrate")}) ||
            !migrator.runSubcommand({QStringLiteral("seed"), QStringLiteral("--demo")}))
            return false;
    }
    if (!restart())
        return false;
    HttpClient &client = *m_http;
    m_staff.admin = client.login(QStringLiteral("admin"), QStringLiteral("admin123"));
    m_staff.operator1 = client.login(QStringLiteral("operator1"), QStringLiteral("operator123"));
    m_staff.operator2 = client.login(QStringLiteral("operator2"), QStringLiteral("operator123"));
    m_staff.kiosk = client.login(QStringLiteral("kiosk"), QStringLiteral("kiosk123"));
    return m_staff.complete();
}

bool Cluster::restart()
{
    ++m_generation;
    m_http.reset();
    if (m_server) {
        m_server->dumpIfFailed();
        m_server.reset(); // SIGTERM: it must not rebuild the queue we are about to flush
    }
    if (!m_services.isRedisRunning() && !m_services.startRedis())
        return false;
    if (!m_services.isPostgresRunning() && !m_services.startPostgres())
        return false;
    if (!m_services.flushRedis())
        return false;
    m_database = QStringLiteral("flow_%1").arg(++m_copies);
    {
        Sql admin(m_services.postgresUrl(QStringLiteral("postgres")));
        if (!admin.exec(
                QStringLiteral("CREATE DATABASE %1 TEMPLATE %2").arg(m_database, kTemplate)))
            return false;
    }
    return startServer();
}

bool Cluster::reset()
{
    if (!m_server || !m_server->isRunning() || !m_services.isPostgresRunning() ||
        !m_services.isRedisRunning())
        return restart();
    ++m_generation;
    Sql sql(postgresUrl());
    // The seed's rows (yesterday's tokens, the three counters) stay; what tests add goes.
    const bool cleaned =
        sql.isOpen() &&
        sql.exec(QStringLiteral(
            "BEGIN; "
            "DELETE FROM token_events WHERE token_id IN "
            "(SELECT id FROM tokens WHERE business_date >= current_date); "
            "DELETE FROM tokens WHERE business_date >= current_date; "
            "DELETE FROM counter_services WHERE counter_id > 3; "
            "DELETE FROM counters WHERE id > 3; "
            "UPDATE counters SET status = 'closed', operator_id = NULL, pause_reason = NULL; "
            // Appointment settings back to the defaults of migration 0007.
            "DELETE FROM branch_closed_dates; "
            "UPDATE branches SET opening_hours = DEFAULT, booking_horizon_days = DEFAULT, "
            "checkin_early_minutes = DEFAULT, checkin_late_minutes = DEFAULT; "
            "UPDATE services SET slot_minutes = DEFAULT, slot_capacity = NULL; "
            "DELETE FROM idempotency_keys; "
            "DELETE FROM devices; "
            "COMMIT"));
    return cleaned && m_services.flushRedis();
}

bool Cluster::restartServer()
{
    m_http.reset();
    if (m_server) {
        m_server->dumpIfFailed();
        m_server.reset();
    }
    return startServer();
}

bool Cluster::startServer()
{
    m_server = std::make_unique<ServerProcess>(postgresUrl(), m_services.redisUrl());
    for (auto it = m_environment.cbegin(); it != m_environment.cend(); ++it)
        m_server->setEnvironmentValue(it.key(), it.value());
    const bool started = m_server->start();
    m_http = std::make_unique<HttpClient>(m_server->baseUrl()); // tests fail on answers, not crash
    return started;
}

Sql::Sql(const QString &postgresUrl)
    : m_connection(QStringLiteral("flow-sql-%1").arg(++g_sqlConnections))
{
    const QUrl url(postgresUrl);
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_connection);
    db.setHostName(url.host());
    db.setPort(url.port(5432));
    db.setUserName(url.userName());
    db.setDatabaseName(url.path().mid(1));
    m_open = db.open();
    if (!m_open)
        qWarning("Flow::Sql: cannot connect to %s: %s", qPrintable(postgresUrl),
                 qPrintable(db.lastError().text()));
    else
        QSqlQuery(db).exec(QStringLiteral("SET TIME ZONE 'UTC'"));
}

Sql::~Sql()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

std::optional<QList<QVariantList>> Sql::rows(const QString &sql, const QVariantList &params)
{
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    query.setForwardOnly(true);
    bool ok = false;
    if (params.isEmpty()) {
        ok = query.exec(sql); // unprepared: CREATE DATABASE and friends cannot be prepared
    } else {
        ok = query.prepare(sql);
        for (qsizetype i = 0; ok && i < params.size(); ++i)
            query.bindValue(int(i), params.at(i));
        ok = ok && query.exec();
    }
    if (!ok) {
        qWarning("Flow::Sql: [%s] failed: %s", qPrintable(sql),
                 qPrintable(query.lastError().text()));
        return std::nullopt;
    }
    QList<QVariantList> out;
    while (query.next()) {
        QVariantList row;
        for (int column = 0; column < query.record().count(); ++column)
            row.append(query.value(column));
        out.append(row);
    }
    return out;
}

QVariant Sql::scalar(const QString &sql, const QVariantList &params)
{
    const auto result = rows(sql, params);
    if (!result || result->isEmpty() || result->first().isEmpty())
        return {};
    return result->first().first();
}

bool Sql::exec(const QString &sql, const QVariantList &params)
{
    return rows(sql, params).has_value();
}

QByteArray RawResponse::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QString RawResponse::errorCode() const
{
    return json().object().value(u"error").toObject().value(u"code").toString();
}

bool RawHttp::connectTo(quint16 port, int timeoutMs)
{
    m_buffer.clear();
    m_socket.connectToHost(QStringLiteral("127.0.0.1"), port);
    return m_socket.waitForConnected(timeoutMs);
}

bool RawHttp::send(const QByteArray &bytes)
{
    if (m_socket.write(bytes) != bytes.size())
        return false;
    while (m_socket.bytesToWrite() > 0) {
        if (!m_socket.waitForBytesWritten(3000))
            return false;
    }
    return true;
}

std::optional<RawResponse> RawHttp::parse()
{
    const qsizetype end = m_buffer.indexOf("\r\n\r\n");
    if (end < 0)
        return std::nullopt;
    const QList<QByteArray> lines = m_buffer.left(end).split('\n');
    RawResponse response;
    const QList<QByteArray> statusLine = lines.first().trimmed().split(' ');
    response.status = statusLine.size() > 1 ? statusLine.at(1).toInt() : -1;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines.at(i).indexOf(':');
        if (colon > 0)
            response.headers.append(
                {lines.at(i).left(colon).trimmed(), lines.at(i).mid(colon + 1).trimmed()});
    }
    const qsizetype length = response.header("Content-Length").toLongLong();
    if (m_buffer.size() < end + 4 + length)
        return std::nullopt;
    response.body = m_buffer.mid(end + 4, length);
    m_buffer.remove(0, end + 4 + length);
    return response;
}

std::optional<RawResponse> RawHttp::read(int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    for (;;) {
        m_buffer += m_socket.readAll();
        if (auto response = parse())
            return response;
        if (deadline.hasExpired() || m_socket.state() != QAbstractSocket::ConnectedState)
            return std::nullopt;
        m_socket.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())));
    }
}

bool RawHttp::waitClosed(int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (m_socket.state() == QAbstractSocket::ConnectedState) {
        if (deadline.hasExpired())
            return false;
        // waitForReadyRead notices the peer's FIN and moves the socket to Unconnected.
        m_socket.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())));
        m_buffer += m_socket.readAll();
    }
    return true;
}

QString errorShapeProblem(const QJsonDocument &json, const QString &expectedCode)
{
    if (!json.isObject())
        return QStringLiteral("the body is not a JSON object");
    const QJsonObject outer = json.object();
    if (outer.size() != 1 || !outer.value(u"error").isObject())
        return QStringLiteral("not {\"error\": {...}}: %1")
            .arg(QString::fromUtf8(json.toJson(QJsonDocument::Compact)));
    const QJsonObject error = outer.value(u"error").toObject();
    if (!error.value(u"code").isString() || !error.value(u"message").isString() ||
        error.value(u"message").toString().isEmpty())
        return QStringLiteral("error.code or error.message missing");
    if (!error.value(u"details").isObject())
        return QStringLiteral("error.details missing or not an object");
    for (auto it = error.constBegin(); it != error.constEnd(); ++it) {
        if (it.key() != u"code" && it.key() != u"message" && it.key() != u"details")
            return QStringLiteral("unexpected member error.%1").arg(it.key());
    }
    if (error.value(u"code").toString() != expectedCode)
        return QStringLiteral("code %1, expected %2")
            .arg(error.value(u"code").toString(), expectedCode);
    return {};
}

} // namespace Flow
