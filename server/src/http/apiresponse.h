#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QPair>

#include "core/apierror.h"

namespace Nextup {

// A complete answer, built anywhere (worker threads included) and written on the HTTP thread.
struct ApiResponse
{
    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    bool closeConnection = false;
    bool headOnly = false; // the answer to a HEAD request: serialize() leaves the body out

    static ApiResponse json(const QJsonObject &object, int status = 200);
    static ApiResponse json(const QJsonArray &array, int status = 200);
    static ApiResponse error(const ApiError &error);
    static ApiResponse noContent();
    static ApiResponse raw(QByteArray body, QByteArray contentType, int status = 200);

    ApiResponse &withHeader(QByteArray name, QByteArray value);

    // The wire form: status line, headers (the given ones plus common ones) and body.
    QByteArray serialize(const QList<QPair<QByteArray, QByteArray>> &commonHeaders) const;
};

// The one place an ApiError becomes the JSON error shape.
QJsonObject errorBody(const ApiError &error);

// Turns a domain result into an answer: the value as JSON with `status`, or the error.
template <typename T> ApiResponse toResponse(const Result<T> &result, int status = 200)
{
    if (!result.ok())
        return ApiResponse::error(result.error());
    return ApiResponse::json(result.value(), status);
}

} // namespace Nextup
