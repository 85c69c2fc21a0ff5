#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QMetaType>
#include <QString>

namespace Nextup {

// The outcome of one API call, as a value. Success has an empty code. A failure carries either the
// server's error shape {"error": {code, message, details}} with its HTTP status, or one of the
// client-side codes below with httpStatus 0.
struct Status
{
    Q_GADGET
    Q_PROPERTY(QString code MEMBER code)
    Q_PROPERTY(QString message MEMBER message)
    Q_PROPERTY(int httpStatus MEMBER httpStatus)
    Q_PROPERTY(bool ok READ isOk)

public:
    // Client-side codes (the server's own codes are listed in docs/api.md).
    static inline const QString NetworkError = QStringLiteral("network_error");
    static inline const QString Timeout = QStringLiteral("timeout");
    static inline const QString Cancelled = QStringLiteral("cancelled");
    // The server answered, but not with what the call expects (not JSON, missing fields).
    static inline const QString BadResponse = QStringLiteral("bad_response");
    // The call needs a signed-in session and there is none.
    static inline const QString NotSignedIn = QStringLiteral("not_signed_in");

    QString code;
    QString message;
    int httpStatus = 0;
    // validation_failed: {"field": "what is wrong"}; otherwise whatever the server sent.
    QJsonValue details;
    // 429 answers: seconds from the Retry-After header; 0 otherwise.
    int retryAfterSeconds = 0;

    bool isOk() const { return code.isEmpty(); }
    explicit operator bool() const { return isOk(); }
    // The message for one field of a validation_failed answer, or an empty string.
    QString fieldError(const QString &field) const;
    QJsonObject fieldErrors() const { return details.toObject(); }
    // "code: message (HTTP n)" for logs.
    QString toString() const;

    static Status success(int httpStatus) { return Status{{}, {}, httpStatus, {}, 0}; }
    static Status failure(const QString &code, const QString &message, int httpStatus = 0)
    {
        return Status{code, message, httpStatus, {}, 0};
    }
    // Reads the server's error shape; a body without it still fails with the HTTP status.
    static Status fromErrorBody(int httpStatus, const QByteArray &body);
};

} // namespace Nextup

Q_DECLARE_METATYPE(Nextup::Status)
