#include "nextup/client/tokenjobs.h"

#include <QJsonArray>

namespace Nextup {

namespace Key = Wire::Key;

namespace {
const QByteArray kSecretHeader = QByteArrayLiteral("X-Token-Secret");

QString tokenPath(qint64 tokenId, const char *action = nullptr)
{
    QString path = QStringLiteral("/api/tokens/%1").arg(tokenId);
    if (action)
        path += u'/' + QLatin1String(action);
    return path;
}
} // namespace

CreateTokenJob::CreateTokenJob(const NewToken &token)
    : ApiJob("POST", QStringLiteral("/api/tokens"), Auth::Optional)
{
    setBody(token.toJson());
}

Status CreateTokenJob::parseResponse(const QJsonDocument &json)
{
    m_token = CreatedToken::fromJson(json.object());
    return m_token.tokenId > 0 ? Status{} : badResponse(QStringLiteral("no token_id"));
}

TokenStatusJob::TokenStatusJob(qint64 tokenId, const QString &secret)
    : ApiJob("GET", tokenPath(tokenId, "status"), Auth::Optional)
{
    if (!secret.isEmpty())
        setRawHeader(kSecretHeader, secret.toUtf8()); // a header stays out of access logs
}

Status TokenStatusJob::parseResponse(const QJsonDocument &json)
{
    m_status = TokenStatus::fromJson(json.object());
    return m_status.tokenId > 0 ? Status{} : badResponse(QStringLiteral("no token_id"));
}

Status TokenAnswerJob::parseResponse(const QJsonDocument &json)
{
    const QJsonValue token = json.object().value(Key::Token);
    if (!token.isObject())
        return badResponse(QStringLiteral("no token"));
    m_token = TokenInfo::fromJson(token.toObject());
    return {};
}

GetTokenJob::GetTokenJob(qint64 tokenId) : TokenAnswerJob("GET", tokenPath(tokenId)) {}

Status GetTokenJob::parseResponse(const QJsonDocument &json)
{
    if (Status status = TokenAnswerJob::parseResponse(json); !status.isOk())
        return status;
    // The timeline sits inside the token object; accept it beside the token as well.
    const QJsonObject answer = json.object();
    QJsonValue events = answer.value(Key::Token).toObject().value(Key::Events);
    if (!events.isArray())
        events = answer.value(Key::Events);
    for (const QJsonValue value : events.toArray())
        m_events.append(TokenEvent::fromJson(value.toObject()));
    return {};
}

CancelTokenJob::CancelTokenJob(qint64 tokenId, const QString &secret)
    : TokenAnswerJob("POST", tokenPath(tokenId, "cancel"), Auth::Optional)
{
    if (!secret.isEmpty())
        setRawHeader(kSecretHeader, secret.toUtf8()); // a header stays out of access logs
}

AssignTokenJob::AssignTokenJob(qint64 tokenId, int counterId, const QString &reason)
    : TokenAnswerJob("POST", tokenPath(tokenId, "assign"))
{
    setBody(QJsonObject{{Key::CounterId, counterId}, {Key::Reason, reason}});
}

HistoryJob::HistoryJob(const HistoryFilter &filter)
    : ApiJob("GET", QStringLiteral("/api/tokens")), m_filter(filter)
{
    setQuery(filter.toQuery());
}

Status HistoryJob::parseResponse(const QJsonDocument &json)
{
    const QJsonObject answer = json.object();
    if (!answer.value(Key::Items).isArray())
        return badResponse(QStringLiteral("no items"));
    m_page = HistoryPage::fromJson(answer);
    return {};
}

StatsJob::StatsJob(const QDate &from, const QDate &to) : ApiJob("GET", QStringLiteral("/api/stats"))
{
    QUrlQuery query;
    if (from.isValid())
        query.addQueryItem(QStringLiteral("from"), from.toString(Qt::ISODate));
    if (to.isValid())
        query.addQueryItem(QStringLiteral("to"), to.toString(Qt::ISODate));
    setQuery(query);
}

Status StatsJob::parseResponse(const QJsonDocument &json)
{
    const QJsonObject answer = json.object();
    if (!answer.value(Key::Totals).isObject())
        return badResponse(QStringLiteral("no totals"));
    m_report = StatsReport::fromJson(answer);
    return {};
}

AppointmentsJob::AppointmentsJob(const AppointmentFilter &filter)
    : ApiJob("GET", QStringLiteral("/api/appointments")), m_filter(filter)
{
    setQuery(filter.toQuery());
}

Status AppointmentsJob::parseResponse(const QJsonDocument &json)
{
    const QJsonObject answer = json.object();
    if (!answer.value(Key::Items).isArray())
        return badResponse(QStringLiteral("no items"));
    m_from = QDate::fromString(answer.value(Key::From).toString(), Qt::ISODate);
    m_to = QDate::fromString(answer.value(Key::To).toString(), Qt::ISODate);
    for (const QJsonValue value : answer.value(Key::Items).toArray())
        m_items.append(Appointment::fromJson(value.toObject()));
    return {};
}

CheckInJob::CheckInJob(qint64 tokenId, const QString &secret)
    : TokenAnswerJob("POST", tokenPath(tokenId, "check-in"), Auth::Optional), m_tokenId(tokenId)
{
    if (!secret.isEmpty())
        setRawHeader(kSecretHeader, secret.toUtf8()); // a header stays out of access logs
}

Status CheckInJob::parseResponse(const QJsonDocument &json)
{
    if (Status status = TokenAnswerJob::parseResponse(json); !status.isOk())
        return status;
    m_position = json.object().value(Key::Position).toInt();
    m_window = CheckInWindow::fromJson(json.object());
    return {};
}

BranchBookingJob::BranchBookingJob(int branchId, const std::optional<BranchBooking> &change)
    : ApiJob(change ? "PUT" : "GET", QStringLiteral("/api/branches/%1/booking").arg(branchId))
{
    if (change)
        setBody(change->toJson());
}

Status BranchBookingJob::parseResponse(const QJsonDocument &json)
{
    if (!json.isObject())
        return badResponse(QStringLiteral("no booking settings"));
    m_booking = BranchBooking::fromJson(json.object());
    return {};
}

ServiceBookingJob::ServiceBookingJob(int serviceId, const std::optional<ServiceBooking> &change)
    : ApiJob(change ? "PUT" : "GET", QStringLiteral("/api/services/%1/booking").arg(serviceId))
{
    if (change)
        setBody(change->toJson());
}

Status ServiceBookingJob::parseResponse(const QJsonDocument &json)
{
    if (!json.isObject())
        return badResponse(QStringLiteral("no booking settings"));
    m_booking = ServiceBooking::fromJson(json.object());
    return {};
}

} // namespace Nextup
