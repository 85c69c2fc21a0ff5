#pragma once

#include <utility>
#include <variant>

#include <QJsonValue>
#include <QString>

namespace Nextup {

// A failure that reaches the API boundary. Domain code returns these as values; exactly one
// function (HttpServer's reply path) turns them into the JSON error shape and status:
//   {"error": {"code": "...", "message": "...", "details": ...}}
struct ApiError
{
    int status = 500;
    QString code;
    QString message;
    QJsonValue details;

    static ApiError badRequest(QString message, QJsonValue details = {})
    {
        return {400, QStringLiteral("bad_request"), std::move(message), std::move(details)};
    }
    // Field-level schema failures: details is an object {"field": "what is wrong"}.
    static ApiError validation(QJsonValue fieldErrors)
    {
        return {400, QStringLiteral("validation_failed"),
                QStringLiteral("The request has invalid fields."), std::move(fieldErrors)};
    }
    static ApiError unauthorized(QString message = QStringLiteral("Authentication required."))
    {
        return {401, QStringLiteral("unauthorized"), std::move(message), {}};
    }
    static ApiError forbidden(QString message = QStringLiteral("Not allowed for this role."))
    {
        return {403, QStringLiteral("forbidden"), std::move(message), {}};
    }
    static ApiError notFound(QString message = QStringLiteral("Not found."))
    {
        return {404, QStringLiteral("not_found"), std::move(message), {}};
    }
    static ApiError conflict(QString code, QString message)
    {
        return {409, std::move(code), std::move(message), {}};
    }
    static ApiError redisUnavailable()
    {
        return {503,
                QStringLiteral("redis_unavailable"),
                QStringLiteral("The live queue store is unavailable; try again shortly."),
                {}};
    }
    static ApiError postgresUnavailable()
    {
        return {503,
                QStringLiteral("postgres_unavailable"),
                QStringLiteral("The database is unavailable; try again shortly."),
                {}};
    }
    static ApiError internal(QString message = QStringLiteral("Internal error."))
    {
        return {500, QStringLiteral("internal_error"), std::move(message), {}};
    }
};

// Either a value or an ApiError: the return type of every domain operation that can fail.
// (std::expected is C++23; GCC 12 lacks it.)
template <typename T> class Result
{
public:
    Result(T value) : m_data(std::in_place_index<0>, std::move(value)) {}
    Result(ApiError error) : m_data(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }
    T &value() { return std::get<0>(m_data); }
    const T &value() const { return std::get<0>(m_data); }
    T &operator*() { return value(); }
    const T &operator*() const { return value(); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    const ApiError &error() const { return std::get<1>(m_data); }

private:
    std::variant<T, ApiError> m_data;
};

// For operations whose success carries no value.
struct Done
{
};
// (Named Outcome, not Status: the client library's Nextup::Status is the answer of an API call.)
using Outcome = Result<Done>;

} // namespace Nextup
