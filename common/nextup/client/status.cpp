#include "nextup/client/status.h"

#include <QJsonDocument>

#include "nextup/wire/keys.h"

namespace Nextup {

QString Status::fieldError(const QString &field) const
{
    return details.toObject().value(field).toString();
}

QString Status::toString() const
{
    if (isOk())
        return QStringLiteral("ok (HTTP %1)").arg(httpStatus);
    return httpStatus > 0 ? QStringLiteral("%1: %2 (HTTP %3)").arg(code, message).arg(httpStatus)
                          : QStringLiteral("%1: %2").arg(code, message);
}

Status Status::fromErrorBody(int httpStatus, const QByteArray &body)
{
    const QJsonObject error =
        QJsonDocument::fromJson(body).object().value(Wire::Key::Error).toObject();
    Status status;
    status.httpStatus = httpStatus;
    status.code = error.value(Wire::Key::Code).toString();
    status.message = error.value(Wire::Key::Message).toString();
    status.details = error.value(Wire::Key::Details);
    if (status.code.isEmpty())
        status.code =
            httpStatus == 401 ? QStringLiteral("unauthorized") : QStringLiteral("http_error");
    if (status.message.isEmpty())
        status.message = QStringLiteral("The server answered HTTP %1.").arg(httpStatus);
    return status;
}

} // namespace Nextup
