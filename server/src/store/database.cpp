#include "store/database.h"

#include <QDateTime>
#include <QSqlError>
#include <QUrl>

namespace Nextup {

std::optional<DatabaseEndpoint> DatabaseEndpoint::fromUrl(const QString &text)
{
    const QUrl url(text);
    if (!url.isValid() || (url.scheme() != u"postgres" && url.scheme() != u"postgresql"))
        return std::nullopt;
    DatabaseEndpoint endpoint;
    endpoint.host = url.host().isEmpty() ? QStringLiteral("127.0.0.1") : url.host();
    endpoint.port = url.port(5432);
    endpoint.user = url.userName(QUrl::FullyDecoded);
    endpoint.password = url.password(QUrl::FullyDecoded);
    endpoint.database = url.path().mid(1);
    if (endpoint.database.isEmpty())
        return std::nullopt;
    return endpoint;
}

Database::Database(DatabaseEndpoint endpoint, QString connectionName)
    : m_endpoint(std::move(endpoint)), m_connectionName(std::move(connectionName))
{
}

Database::~Database()
{
    drop();
}

void Database::drop()
{
    m_prepared.clear();
    m_open = false;
    m_inTransaction = false;
    if (QSqlDatabase::contains(m_connectionName)) {
        {
            QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

Outcome Database::ensureOpen()
{
    if (m_open)
        return Done{};
    drop();
    bool opened = false;
    {
        // Scoped: removeDatabase() in drop() warns ("still in use") while a handle lives.
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_connectionName);
        db.setHostName(m_endpoint.host);
        db.setPort(m_endpoint.port);
        db.setUserName(m_endpoint.user);
        db.setPassword(m_endpoint.password);
        db.setDatabaseName(m_endpoint.database);
        db.setConnectOptions(
            QStringLiteral("connect_timeout=2") +
            (m_endpoint.options.isEmpty() ? QString() : u';' + m_endpoint.options));
        opened = db.open();
        if (opened) {
            QSqlQuery setup(db);
            setup.exec(QStringLiteral("SET TIME ZONE 'UTC'"));
        } else {
            qWarning("Postgres connection failed: %s", qPrintable(db.lastError().databaseText()));
        }
    }
    if (!opened) {
        drop();
        return ApiError::postgresUnavailable();
    }
    m_open = true;
    return Done{};
}

bool Database::ping()
{
    if (!ensureOpen().ok())
        return false;
    bool alive = false;
    {
        QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
        alive = query.exec(QStringLiteral("SELECT 1"));
    } // no query may outlive the connection drop() removes
    if (!alive)
        drop();
    return alive;
}

Result<Rows> Database::exec(const QString &sql, const QVariantList &params)
{
    const bool wasOpen = m_open;
    auto result = execOnce(sql, params);
    // A connection is found dead only when used, e.g. on the first statement after Postgres
    // restarted. Outside a transaction nothing else depended on it: reconnect and run the
    // statement once more instead of failing one request per worker thread.
    if (!result.ok() && wasOpen && !m_open && !m_inTransaction)
        return execOnce(sql, params);
    return result;
}

Result<Rows> Database::execOnce(const QString &sql, const QVariantList &params)
{
    m_lastErrorState.clear(); // a failure that never reaches Postgres must not report an old one
    if (auto opened = ensureOpen(); !opened.ok())
        return opened.error();
    auto it = m_prepared.find(sql);
    if (it == m_prepared.end()) {
        auto query = std::make_unique<QSqlQuery>(QSqlDatabase::database(m_connectionName, false));
        query->setForwardOnly(true);
        if (!query->prepare(sql))
            return mapError(query->lastError(), sql);
        it = m_prepared.emplace(sql, std::move(query)).first;
    }
    QSqlQuery &query = *it->second;
    for (qsizetype i = 0; i < params.size(); ++i)
        query.bindValue(int(i), params.at(i));
    if (!query.exec()) {
        const QSqlError error = query.lastError();
        return mapError(error, sql);
    }
    return Rows(&query);
}

Outcome Database::execScript(const QString &sql)
{
    if (auto opened = ensureOpen(); !opened.ok())
        return opened.error();
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    if (!query.exec(sql))
        return mapError(query.lastError(), sql);
    return Done{};
}

ApiError Database::mapError(const QSqlError &error, const QString &sql)
{
    const QString state = error.nativeErrorCode();
    m_lastErrorState = state;
    if (state == u"23505")
        return ApiError::conflict(QStringLiteral("already_exists"),
                                  QStringLiteral("A record with these values already exists."));
    if (state == u"23503")
        return ApiError::badRequest(QStringLiteral("A referenced record does not exist."));
    if (state.startsWith(u"22") || state == u"23514")
        return ApiError::badRequest(QStringLiteral("A value is out of range or malformed."));
    // No SQLSTATE, or a connection (08), shutdown (57), resources (53) or system (58) one, may
    // be a dead connection: check, and if so report 503 and reconnect later. Any other state is
    // the statement's own error on a live connection; pinging then would fail inside an aborted
    // transaction and misreport it as 503 (and drop a healthy connection).
    static const QStringList kConnectionClasses{QStringLiteral("08"), QStringLiteral("57"),
                                                QStringLiteral("53"), QStringLiteral("58")};
    if ((state.isEmpty() || kConnectionClasses.contains(state.left(2))) && !ping()) {
        drop();
        return ApiError::postgresUnavailable();
    }
    qWarning("SQL error %s in [%s]: %s", qPrintable(state), qPrintable(sql.left(120)),
             qPrintable(error.databaseText()));
    return ApiError::internal(QStringLiteral("Database error."));
}

// Transaction control cannot be a prepared statement in Postgres, so it goes through the driver.
Outcome Database::begin()
{
    if (auto opened = ensureOpen(); !opened.ok())
        return opened.error();
    if (QSqlDatabase::database(m_connectionName, false).transaction()) {
        m_inTransaction = true;
        return Done{};
    }
    drop();
    return ApiError::postgresUnavailable();
}

Outcome Database::commit()
{
    m_inTransaction = false;
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (db.commit())
        return Done{};
    const QSqlError error = db.lastError();
    rollback();
    return mapError(error, QStringLiteral("COMMIT"));
}

void Database::rollback()
{
    m_inTransaction = false;
    if (m_open)
        QSqlDatabase::database(m_connectionName, false).rollback();
}

QDateTime utcTime(const QVariant &timestamp)
{
    if (timestamp.isNull())
        return {};
    // Through milliseconds: QtSql's local time would cost a time zone lookup at every use.
    const QDateTime time = timestamp.toDateTime();
    return time.isValid() ? QDateTime::fromMSecsSinceEpoch(time.toMSecsSinceEpoch(), Qt::UTC)
                          : QDateTime();
}

QString isoTime(const QVariant &timestamp)
{
    return Wire::isoTime(timestamp.isNull() ? QDateTime() : timestamp.toDateTime());
}

QVariant nullable(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

QVariant nullableId(qint64 id)
{
    return id == 0 ? QVariant(QMetaType::fromType<qint64>()) : QVariant(id);
}

} // namespace Nextup
