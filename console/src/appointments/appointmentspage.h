#pragma once

#include <QPointer>
#include <QTimer>
#include <QWidget>

#include "appointments/checkindesk.h"

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace Nextup {
class ApiClient;
class AppointmentsJob;
class QueueClient;
} // namespace Nextup

namespace Nextup::Console {

class AppointmentsModel;

// Appointments for the front desk (operators and admins): a day's or a date range's bookings
// (GET /api/appointments) with their state, filters by service and state, a Check in button on
// every booked or late row, and the scan field: a USB scanner types the receipt's QR code like a
// keyboard and ends with Enter, and whatever arrives there is checked in, with one clear sentence
// about the outcome. The list follows the appointment events of the live queue (booked, checked
// in, rescheduled, expired, and any change of an appointment's token).
class AppointmentsPage : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AppointmentsPage)

public:
    AppointmentsPage(ApiClient *api, QueueClient *queue, QWidget *parent = nullptr);
    ~AppointmentsPage() override;

    AppointmentsModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QLineEdit *scanField() const { return m_scan; }
    QLabel *scanResult() const { return m_result; }
    QDateEdit *fromEdit() const { return m_from; }
    QDateEdit *toEdit() const { return m_to; }
    QComboBox *serviceBox() const { return m_service; }
    QComboBox *stateBox() const { return m_state; }
    // The row's Check in button, or null (not listed, or nothing to check in).
    QPushButton *checkInButton(qint64 tokenId) const;
    CheckInDesk *desk() const { return m_desk; }
    // Milliseconds between an event and the refresh it asks for (several events, one refresh).
    void setRefreshDelay(int milliseconds) { m_refreshTimer.setInterval(milliseconds); }

public slots:
    void refresh();
    void showDay(const QDate &day);
    void showRange(const QDate &from, const QDate &to);

signals:
    // The list has the server's answer.
    void refreshed();
    void refreshFailed(const Nextup::Status &status);
    // A check-in (scanned or clicked) has its outcome on screen.
    void checkInFinished(const Nextup::Console::CheckInOutcome &outcome);

protected:
    void showEvent(QShowEvent *event) override;

private:
    QWidget *buildScan();
    QWidget *buildFilters();
    void fillServices();
    void onDatesChanged();
    void onScanned();
    void onOutcome(const CheckInOutcome &outcome);
    void onQueueEvent(const QString &name, const QJsonObject &data);
    void placeButtons();
    void updateSummary();

    QPointer<ApiClient> m_api;
    QPointer<QueueClient> m_queue;
    AppointmentsModel *m_model;
    CheckInDesk *m_desk;
    QPointer<AppointmentsJob> m_job;
    bool m_refreshAgain = false;
    QTimer m_refreshTimer;
    QLineEdit *m_scan = nullptr;
    QLabel *m_result = nullptr;
    QDateEdit *m_from = nullptr;
    QDateEdit *m_to = nullptr;
    QComboBox *m_service = nullptr;
    QComboBox *m_state = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_message = nullptr;
    QTableView *m_table = nullptr;
};

} // namespace Nextup::Console
