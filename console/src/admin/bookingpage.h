#pragma once

#include <QPointer>
#include <QWidget>

#include "admin/adminwidgets.h"
#include "nextup/client/tokentypes.h"

class QLabel;
class QPushButton;
class QSpinBox;

namespace Nextup {
class ApiClient;
} // namespace Nextup

namespace Nextup::Console {

class AdminCatalog;
class BranchBox;
class ClosedDatesEdit;
class OpeningHoursEdit;
class ServiceSlotsBox;

// Appointments' settings (admin): per branch its weekly opening hours (several ranges a day),
// closed dates with their reasons, how far ahead customers may book and the check-in window
// (GET/PUT /api/branches/:id/booking); per service of that branch its slot length and places per
// slot (ServiceSlotsBox). The server validates; its field messages appear under the fields, and a
// refused save changes nothing, so the form keeps what was typed.
class BookingPage : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BookingPage)

public:
    BookingPage(ApiClient *api, AdminCatalog *catalog, QWidget *parent = nullptr);
    ~BookingPage() override;

    BranchBox *branchBox() const { return m_branch; }
    int branchId() const;
    OpeningHoursEdit *hoursEdit() const { return m_hours; }
    ClosedDatesEdit *closedDatesEdit() const { return m_closed; }
    QSpinBox *horizonEdit() const { return m_horizon; }
    QSpinBox *earlyEdit() const { return m_early; }
    QSpinBox *lateEdit() const { return m_late; }
    QPushButton *saveButton() const { return m_save; }
    ServiceSlotsBox *slotsBox() const { return m_slots; }
    const FormErrors &errors() const { return m_errors; }

public slots:
    // Reads the chosen branch's settings again (what was typed is replaced).
    void reload();
    void save();

signals:
    void loaded(int branchId);
    void saved(int branchId);
    void saveFailed(const Nextup::Status &status);

private:
    QWidget *buildBranchSide();
    void onCatalogChanged();
    // The chosen branch's time zone and services.
    void showBranchParts();
    void show(const BranchBooking &booking);
    void setBusy(bool busy);

    QPointer<ApiClient> m_api;
    AdminCatalog *m_catalog;
    BranchBox *m_branch = nullptr;
    QLabel *m_timezone = nullptr;
    OpeningHoursEdit *m_hours = nullptr;
    ClosedDatesEdit *m_closed = nullptr;
    QSpinBox *m_horizon = nullptr;
    QSpinBox *m_early = nullptr;
    QSpinBox *m_late = nullptr;
    QPushButton *m_save = nullptr;
    QLabel *m_message = nullptr;
    FormErrors m_errors;
    ServiceSlotsBox *m_slots = nullptr;
    BranchBooking m_shown; // as the server last answered
    bool m_busy = false;
    int m_loadedBranch = 0;
};

} // namespace Nextup::Console
