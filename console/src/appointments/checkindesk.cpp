#include "appointments/checkindesk.h"

#include <QLocale>

#include "nextup/client/apiclient.h"
#include "nextup/client/ticketcode.h"
#include "nextup/client/tokenjobs.h"

namespace Nextup::Console {

namespace {
using Kind = CheckInOutcome::Kind;
using Wire::TokenStatus;
} // namespace

QString deskTime(const QDateTime &time)
{
    const QDateTime local = time.toLocalTime();
    const QLocale locale;
    QString clock = locale.toString(local.time(), QStringLiteral("HH:mm"));
    if (local.date() == QDate::currentDate())
        return clock;
    return QStringLiteral("%1 %2").arg(locale.toString(local.date(), QStringLiteral("ddd d MMM")),
                                       clock);
}

CheckInDesk::CheckInDesk(ApiClient *api, QObject *parent) : QObject(parent), m_api(api)
{
    qRegisterMetaType<CheckInOutcome>();
}

CheckInDesk::~CheckInDesk() = default;

void CheckInDesk::checkInScanned(const QString &text)
{
    const TicketCode ticket = TicketCode::parse(text);
    switch (ticket.kind) {
    case TicketCode::Kind::Token: checkIn(ticket.tokenId, QString()); return;
    case TicketCode::Kind::Number: checkInNumber(ticket.number); return;
    case TicketCode::Kind::Invalid: break;
    }
    CheckInOutcome outcome;
    outcome.kind = Kind::NotFound;
    outcome.message =
        tr("“%1” is neither a ticket's code nor a token number.").arg(text.trimmed().left(80));
    // From the event loop, as every other outcome: never inside the caller's call.
    QMetaObject::invokeMethod(
        this, [this, outcome] { finish(outcome); }, Qt::QueuedConnection);
}

void CheckInDesk::checkIn(qint64 tokenId, const QString &number)
{
    if (!m_api)
        return;
    CheckInJob *job = m_api->checkIn(tokenId);
    job->then(
        this,
        [this, job] {
            CheckInOutcome outcome;
            outcome.kind = Kind::CheckedIn;
            outcome.tokenId = job->tokenId();
            outcome.number = job->token().tokenNumber;
            outcome.position = job->position();
            outcome.window = job->window();
            outcome.message = outcome.position > 0
                                  ? tr("%1 is checked in: number %2 in line.")
                                        .arg(outcome.number, QLocale().toString(outcome.position))
                                  : tr("%1 is checked in.").arg(outcome.number);
            finish(outcome);
        },
        [this, tokenId, number](const Status &status) { onRefused(tokenId, number, status); });
}

void CheckInDesk::checkInNumber(const QString &number)
{
    if (!m_api)
        return;
    // Today's appointments (the server's today): the number names one of them.
    AppointmentsJob *job = m_api->appointments(AppointmentFilter{});
    job->then(
        this,
        [this, job, number] {
            QList<TokenInfo> matches;
            for (const Appointment &a : job->appointments()) {
                if (a.token.tokenNumber.compare(number, Qt::CaseInsensitive) == 0)
                    matches.append(a.token);
            }
            // Several branches may use the same letter: a booked one is the one meant.
            QList<TokenInfo> booked;
            for (const TokenInfo &token : matches)
                if (token.hasStatus(TokenStatus::Booked))
                    booked.append(token);
            CheckInOutcome outcome;
            outcome.number = number;
            if (matches.isEmpty()) {
                outcome.kind = Kind::NotFound;
                outcome.message = tr("No appointment %1 today.").arg(number);
            } else if (booked.size() > 1) {
                outcome.kind = Kind::Failed;
                outcome.message = tr("%Ln appointments are numbered %1 today (in different "
                                     "branches): scan the ticket's code instead.",
                                     nullptr, int(booked.size()))
                                      .arg(number);
            } else {
                const TokenInfo &token = booked.isEmpty() ? matches.first() : booked.first();
                checkIn(token.id, token.tokenNumber);
                return;
            }
            finish(outcome);
        },
        [this, number](const Status &status) {
            CheckInOutcome outcome;
            outcome.number = number;
            outcome.message = tr("Today's appointments could not be read: %1")
                                  .arg(status.message.isEmpty() ? status.code : status.message);
            finish(outcome);
        });
}

void CheckInDesk::onRefused(qint64 tokenId, const QString &number, const Status &status)
{
    CheckInOutcome outcome;
    outcome.tokenId = tokenId;
    outcome.number = number;
    if (status.code == u"outside_check_in_window") {
        const CheckInWindow window = CheckInWindow::fromJson(status.details.toObject());
        if (!number.isEmpty())
            return explainWindow(tokenId, number, window);
        // A scanned code names the token by id: its number makes the sentence.
        GetTokenJob *job = m_api->getToken(tokenId);
        job->then(
            this,
            [this, job, tokenId, window] {
                explainWindow(tokenId, job->token().tokenNumber, window);
            },
            [this, tokenId, window](const Status &) { explainWindow(tokenId, {}, window); });
        return;
    }
    if (status.code == u"invalid_state")
        return explainState(tokenId, number); // which state, in the desk's words
    if (status.httpStatus == 404) {
        outcome.kind = Kind::NotFound;
        outcome.message = number.isEmpty()
                              ? tr("This ticket was not found. Is it from this office?")
                              : tr("%1 was not found.").arg(number);
        return finish(outcome);
    }
    outcome.message =
        tr("Check-in failed: %1").arg(status.message.isEmpty() ? status.code : status.message);
    finish(outcome);
}

void CheckInDesk::explainWindow(qint64 tokenId, const QString &number, const CheckInWindow &window)
{
    CheckInOutcome outcome;
    outcome.kind = Kind::OutsideWindow;
    outcome.tokenId = tokenId;
    outcome.number = number;
    outcome.window = window;
    const QString who = number.isEmpty() ? tr("this appointment") : number;
    if (!window.isValid())
        outcome.message = tr("Outside the check-in window of %1.").arg(who);
    else if (QDateTime::currentDateTimeUtc() < window.opensAt)
        outcome.message = tr("Too early: %1 can check in from %2 to %3.")
                              .arg(who, deskTime(window.opensAt), deskTime(window.closesAt));
    else
        outcome.message = tr("Too late: check-in for %1 was open from %2 to %3.")
                              .arg(who, deskTime(window.opensAt), deskTime(window.closesAt));
    finish(outcome);
}

void CheckInDesk::explainState(qint64 tokenId, const QString &number)
{
    GetTokenJob *job = m_api->getToken(tokenId);
    const auto explain = [this, tokenId, number](const TokenInfo &token) {
        CheckInOutcome outcome;
        outcome.tokenId = tokenId;
        outcome.number = token.tokenNumber.isEmpty() ? number : token.tokenNumber;
        const QString who = outcome.number;
        outcome.kind = Kind::AlreadyCheckedIn;
        if (!token.preferredSlot.isValid()) {
            outcome.kind = Kind::NotCheckable;
            outcome.message = tr("%1 is a walk-in token: there is nothing to check in.").arg(who);
        } else if (token.hasStatus(TokenStatus::Waiting)) {
            outcome.message = tr("%1 is already checked in and waiting.").arg(who);
        } else if (token.hasStatus(TokenStatus::Called) || token.hasStatus(TokenStatus::Serving)) {
            outcome.message = tr("%1 is already checked in and at a counter.").arg(who);
        } else if (token.hasStatus(TokenStatus::Completed) ||
                   token.hasStatus(TokenStatus::Skipped)) {
            outcome.message = tr("%1 was already checked in and called.").arg(who);
        } else if (token.hasStatus(TokenStatus::Expired)) {
            outcome.kind = Kind::NotCheckable;
            outcome.message = tr("%1 missed its check-in window (no-show): book a new time "
                                 "or issue a walk-in token.")
                                  .arg(who);
        } else if (token.hasStatus(TokenStatus::Cancelled)) {
            outcome.kind = Kind::NotCheckable;
            outcome.message = tr("%1 was cancelled.").arg(who);
        } else {
            outcome.kind = Kind::Failed;
            outcome.message = tr("%1 cannot be checked in now; try again.").arg(who);
        }
        finish(outcome);
    };
    job->then(
        this, [job, explain] { explain(job->token()); },
        [explain, number](const Status &) {
            TokenInfo unknown;
            unknown.tokenNumber = number;
            unknown.status = QStringLiteral("unknown");
            unknown.preferredSlot = QDateTime::currentDateTimeUtc();
            explain(unknown);
        });
}

void CheckInDesk::finish(const CheckInOutcome &outcome)
{
    emit finished(outcome);
}

} // namespace Nextup::Console
