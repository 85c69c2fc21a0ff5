#include "http/apiresponse.h"

#include <QJsonDocument>

#include "nextup/wire/keys.h"

namespace Nextup {

namespace {
QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 204: return "No Content";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 409: return "Conflict";
    case 411: return "Length Required";
    case 413: return "Payload Too Large";
    case 415: return "Unsupported Media Type";
    case 426: return "Upgrade Required";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 503: return "Service Unavailable";
    case 505: return "HTTP Version Not Supported";
    default: return "Status";
    }
}
} // namespace

QJsonObject errorBody(const ApiError &error)
{
    // details is always there and always an object (DESIGN.md's shape), so a client can read
    // error.details.<field> without checking first.
    const QJsonValue details = error.details.isObject() ? error.details : QJsonValue(QJsonObject());
    namespace Key = Wire::Key;
    return QJsonObject{{Key::Error, QJsonObject{{Key::Code, error.code},
                                                {Key::Message, error.message},
                                                {Key::Details, details}}}};
}

ApiResponse ApiResponse::json(const QJsonObject &object, int status)
{
    return raw(QJsonDocument(object).toJson(QJsonDocument::Compact), "application/json", status);
}

ApiResponse ApiResponse::json(const QJsonArray &array, int status)
{
    return raw(QJsonDocument(array).toJson(QJsonDocument::Compact), "application/json", status);
}

ApiResponse ApiResponse::error(const ApiError &error)
{
    return json(errorBody(error), error.status);
}

ApiResponse ApiResponse::noContent()
{
    ApiResponse response;
    response.status = 204;
    response.contentType.clear();
    return response;
}

ApiResponse ApiResponse::raw(QByteArray body, QByteArray contentType, int status)
{
    ApiResponse response;
    response.status = status;
    response.body = std::move(body);
    response.contentType = std::move(contentType);
    return response;
}

ApiResponse &ApiResponse::withHeader(QByteArray name, QByteArray value)
{
    headers.append({std::move(name), std::move(value)});
    return *this;
}

QByteArray ApiResponse::serialize(const QList<QPair<QByteArray, QByteArray>> &commonHeaders) const
{
    QByteArray out;
    out.reserve(256 + body.size());
    out += "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    if (!contentType.isEmpty())
        out += "Content-Type: " + contentType + "\r\n";
    if (status != 204)
        out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    for (const auto &[name, value] : commonHeaders)
        out += name + ": " + value + "\r\n";
    for (const auto &[name, value] : headers)
        out += name + ": " + value + "\r\n";
    if (closeConnection)
        out += "Connection: close\r\n";
    out += "\r\n";
    if (status != 204 && !headOnly)
        out += body;
    return out;
}

} // namespace Nextup
