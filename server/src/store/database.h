#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <unordered_map>

#include <QDateTime>
#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include "core/apierror.h"
#include "nextup/wire/isotime.h"

namespace Nextup {

// Where Postgres is, parsed from DATABASE_URL (postgres://user:pass@host:port/db).
struct DatabaseEndpoint
{
    QString host = QStringLiteral("127.0.0.1");
    int port = 5432;
    QString user;
    QString password;
    QString database;
    QString options; // extra QPSQL connect options

    static std::optional<DatabaseEndpoint> fromUrl(const QString &text);
};

// The rows of one statement: a cursor over a prepared query cached by Database. Valid until the
// same statement text runs again on that Database.
class Rows
{
public:
    explicit Rows(QSqlQuery *query, int firstColumn = 0) : m_query(query), m_first(firstColumn) {}
    bool next() { return m_query->next(); }
    QVariant value(int index) const { return m_query->value(m_first + index); }
    int affected() const { return m_query->numRowsAffected(); }
    // The same cursor, with column `offset` seen as column 0: one row that joins two records is
    // read by each record's own fromRow().
    Rows columnsFrom(int offset) const { return Rows(m_query, m_first + offset); }

private:
    QSqlQuery *m_query;
    int m_first = 0;
};

// One thread's Postgres connection with a cache of prepared statements. Failures come back as
// ApiError values: a lost connection is 503 postgres_unavailable (and the connection is dropped
// and re-opened on the next call, so the server recovers by itself; outside a transaction a
// statement that finds its connection dead is retried once on a new one), a unique violation is
// 409, bad data is 400, anything else 500.
class Database
{
    Q_DISABLE_COPY_MOVE(Database)

public:
    Database(DatabaseEndpoint endpoint, QString connectionName);
    ~Database();

    // Runs one statement with positional (?) parameters. Null QVariants bind SQL NULL.
    Result<Rows> exec(const QString &sql, const QVariantList &params = {});
    // Runs a whole SQL script (many statements, no parameters) unprepared.
    Outcome execScript(const QString &sql);
    // Runs fn inside BEGIN/COMMIT; rolls back when fn returns an error.
    template <typename T> Result<T> transaction(const std::function<Result<T>()> &fn)
    {
        if (auto begun = begin(); !begun.ok())
            return begun.error();
        Result<T> result = fn();
        if (!result.ok()) {
            rollback();
            return result;
        }
        if (auto committed = commit(); !committed.ok())
            return committed.error();
        return result;
    }
    bool ping();
    // The current connection; opens it if needed. Empty error means it is usable.
    Outcome ensureOpen();
    // The SQLSTATE of the last statement that failed on this connection ("" if it did not reach
    // Postgres): lets a caller tell a row's fault (22..., 23..., P0001) or a deadlock (40P01)
    // from an outage.
    const QString &lastErrorState() const { return m_lastErrorState; }

private:
    Outcome begin();
    Outcome commit();
    void rollback();
    Result<Rows> execOnce(const QString &sql, const QVariantList &params);
    ApiError mapError(const QSqlError &error, const QString &sql);
    void drop();

    DatabaseEndpoint m_endpoint;
    QString m_connectionName;
    std::unordered_map<QString, std::unique_ptr<QSqlQuery>> m_prepared; // stable addresses
    bool m_open = false;
    bool m_inTransaction = false;
    QString m_lastErrorState;
};

// Small helpers for reading rows.
QDateTime utcTime(const QVariant &timestamp); // in UTC, or invalid for NULL
QString isoTime(const QVariant &timestamp);   // UTC ISO 8601 with ms, or empty for NULL
using Wire::isoTimeOfMsecs;                   // the same, from milliseconds since the epoch
QVariant nullable(const QString &text);       // empty string -> SQL NULL
QVariant nullableId(qint64 id);               // 0 -> SQL NULL

} // namespace Nextup
