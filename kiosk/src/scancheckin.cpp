#include "scancheckin.h"

#include <QTimer>

#include "nextup/client/apiclient.h"
#include "nextup/client/ticketcode.h"
#include "nextup/client/tokenjobs.h"

namespace Nextup::Kiosk {

ScanCheckIn::ScanCheckIn(ApiClient *api, std::function<bool(int)> isOurs, QObject *parent)
    : QObject(parent), m_api(api), m_isOurs(std::move(isOurs))
{
}

bool ScanCheckIn::scan(const QString &text)
{
    if (m_busy || !m_api)
        return false;
    m_busy = true;
    const TicketCode code = TicketCode::parse(text);
    if (code.kind != TicketCode::Kind::Token || code.secret.isEmpty()) {
        ScanResult result;
        result.kind = code.kind == TicketCode::Kind::Number ? ScanResult::Kind::NumberOnly
                                                            : ScanResult::Kind::Unknown;
        result.tokenNumber = code.number;
        // Reported from the event loop, like an answer from the server.
        QTimer::singleShot(0, this, [this, result] { done(result); });
        return true;
    }
    TokenStatusJob *job = m_api->tokenStatus(code.tokenId, code.secret);
    job->then(
        this,
        [this, job, code] {
            const TokenStatus token = job->tokenStatus();
            ScanResult result;
            result.tokenNumber = token.tokenNumber;
            result.status = token.status;
            result.position = token.position;
            result.etaSeconds = token.eta;
            result.counterName = token.counterName;
            if (m_isOurs && !m_isOurs(token.serviceId)) {
                result.kind = ScanResult::Kind::Foreign;
            } else if (token.status == u"booked") {
                return checkIn(code.tokenId, code.secret, token.tokenNumber);
            } else {
                result.kind = token.status == u"expired" ? ScanResult::Kind::Expired
                                                         : ScanResult::Kind::Status;
            }
            done(result);
        },
        [this](const Status &status) { done(failure(status, {})); });
    return true;
}

void ScanCheckIn::checkIn(qint64 tokenId, const QString &secret, const QString &number)
{
    CheckInJob *job = m_api->checkIn(tokenId, secret);
    job->then(
        this,
        [this, job] {
            ScanResult result;
            result.kind = ScanResult::Kind::CheckedIn;
            result.tokenNumber = job->token().tokenNumber;
            result.status = job->token().status;
            result.position = job->position();
            result.etaSeconds = job->token().eta;
            done(result);
        },
        [this, number](const Status &status) { done(failure(status, number)); });
}

ScanResult ScanCheckIn::failure(const Status &status, const QString &number)
{
    ScanResult result;
    result.tokenNumber = number;
    if (status.code == u"outside_check_in_window") {
        const CheckInWindow window = CheckInWindow::fromJson(status.details.toObject());
        const bool early = window.isValid() && QDateTime::currentDateTimeUtc() < window.opensAt;
        result.kind = early ? ScanResult::Kind::TooEarly : ScanResult::Kind::Expired;
        result.opensAt = window.opensAt;
    } else if (status.httpStatus == 404 || status.httpStatus == 403 ||
               status.code == u"validation_failed") {
        result.kind = ScanResult::Kind::Unknown;
    } else if (status.code == u"invalid_state") {
        result.kind = ScanResult::Kind::Status; // checked in meanwhile (another scan, staff)
    } else {
        result.kind = ScanResult::Kind::Unavailable;
    }
    return result;
}

void ScanCheckIn::done(const ScanResult &result)
{
    m_busy = false;
    emit finished(result);
}

} // namespace Nextup::Kiosk
