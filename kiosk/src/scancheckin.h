#pragma once

#include <functional>

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QString>

#include "nextup/client/status.h"

namespace Nextup {
class ApiClient;
} // namespace Nextup

namespace Nextup::Kiosk {

// What a scanned receipt turned out to be, as the dispenser tells the customer.
struct ScanResult
{
    enum class Kind
    {
        CheckedIn,   // a booked appointment joined the line now
        Status,      // a token already in line (or done): its status
        Unknown,     // not a code of ours, no such token, or a wrong secret
        Foreign,     // a token of another branch
        Expired,     // an appointment whose check-in window has closed
        TooEarly,    // its window opens at `opensAt`
        NumberOnly,  // a typed number: the dispenser needs the code with its secret
        Unavailable, // the server could not be asked
    };

    Kind kind = Kind::Unknown;
    QString tokenNumber;
    QString status; // the token's status (Status, CheckedIn)
    int position = 0;
    int etaSeconds = 0;
    QString counterName; // a called token's counter
    QDateTime opensAt;   // TooEarly
};

// Check-in by scan: the scanner types the receipt's QR payload ("<origin>/#t=<id>.<secret>")
// and Enter. The token's status is read first with its secret (which proves the code is genuine
// and tells the branch); a booked appointment of this branch is then checked in, anything else
// shows its status. One scan at a time; a scan while one runs is ignored.
class ScanCheckIn : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScanCheckIn)

public:
    // `isOurs(serviceId)`: the service belongs to this dispenser's branch.
    ScanCheckIn(ApiClient *api, std::function<bool(int)> isOurs, QObject *parent = nullptr);

    bool scan(const QString &text);
    bool isBusy() const { return m_busy; }

signals:
    void finished(const Nextup::Kiosk::ScanResult &result);

private:
    void checkIn(qint64 tokenId, const QString &secret, const QString &number);
    void done(const ScanResult &result);
    static ScanResult failure(const Status &status, const QString &number);

    QPointer<ApiClient> m_api;
    std::function<bool(int)> m_isOurs;
    bool m_busy = false;
};

} // namespace Nextup::Kiosk

Q_DECLARE_METATYPE(Nextup::Kiosk::ScanResult)
