#pragma once

#include <QObject>
#include <QPointer>

#include "nextup/client/tokentypes.h"

namespace Nextup {
class ApiClient;
struct Status;
struct TicketCode;
} // namespace Nextup

namespace Nextup::Console {

// What became of one check-in, in words for the person at the desk.
struct CheckInOutcome
{
    enum class Kind
    {
        CheckedIn,        // joined the line: `position`
        OutsideWindow,    // too early or too late: `window`
        NotFound,         // no such token, or no appointment today with that number
        AlreadyCheckedIn, // waiting, called, being served or served already
        NotCheckable,     // a walk-in, a no-show, a cancelled appointment
        Failed,           // the server refused or did not answer for another reason
    };

    Kind kind = Kind::Failed;
    qint64 tokenId = 0;
    QString number; // "D501" when known
    int position = 0;
    CheckInWindow window;
    QString message;

    bool isOk() const { return kind == Kind::CheckedIn; }
};

// Checks appointments in at the desk (POST /api/tokens/:id/check-in with the staff session: no
// secret needed) and turns every answer into one clear sentence: checked in with the place in
// line, the window's times when it is too early or too late, not found, already checked in.
// A printed number is looked up among today's appointments first. Any number of check-ins may
// run at once (a queue of customers at a scanner); each ends in exactly one finished().
class CheckInDesk : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CheckInDesk)

public:
    explicit CheckInDesk(ApiClient *api, QObject *parent = nullptr);
    ~CheckInDesk() override;

    // Whatever the scanner typed: a ticket's QR code, its status link or a token number.
    void checkInScanned(const QString &text);
    // A row's Check in button.
    void checkIn(qint64 tokenId, const QString &number);

signals:
    void finished(const Nextup::Console::CheckInOutcome &outcome);

private:
    void checkInNumber(const QString &number);
    void onRefused(qint64 tokenId, const QString &number, const Status &status);
    void explainWindow(qint64 tokenId, const QString &number, const CheckInWindow &window);
    void explainState(qint64 tokenId, const QString &number);
    void finish(const CheckInOutcome &outcome);

    QPointer<ApiClient> m_api;
};

// "09:30" for a time today, "Tue 8 Dec 09:30" for another day (local time).
QString deskTime(const QDateTime &time);

} // namespace Nextup::Console

Q_DECLARE_METATYPE(Nextup::Console::CheckInOutcome)
