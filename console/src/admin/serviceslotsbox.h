#pragma once

#include <QHash>
#include <QPointer>
#include <QWidget>

#include "admin/adminwidgets.h"
#include "nextup/client/tokentypes.h"

class QLabel;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace Nextup {
class ApiClient;
} // namespace Nextup

namespace Nextup::Console {

// The slots of each service of a branch: a list of the services with their slot length and
// places per slot (GET /api/services/:id/booking, one call per service), and a form for the
// selected one (PUT): slot length 5–240 minutes, and places per slot, a number or "from the
// counters" (as many as the counters serving it get through in a slot).
class ServiceSlotsBox : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServiceSlotsBox)

public:
    explicit ServiceSlotsBox(ApiClient *api, QWidget *parent = nullptr);
    ~ServiceSlotsBox() override;

    // The branch's services (inactive ones too: they may be booked again later).
    void setServices(const QList<ServiceInfo> &services);
    QTableWidget *table() const { return m_table; }
    QSpinBox *slotMinutesEdit() const { return m_minutes; }
    // -1 shows "From the counters".
    QSpinBox *placesEdit() const { return m_places; }
    QPushButton *saveButton() const { return m_save; }
    const FormErrors &errors() const { return m_errors; }
    int currentServiceId() const { return m_serviceId; }
    void selectService(int serviceId);
    std::optional<ServiceBooking> booking(int serviceId) const;

public slots:
    void save();

signals:
    // A service's settings arrived (listed, or chosen and loaded into the form).
    void serviceLoaded(int serviceId);
    void saved(int serviceId);
    void saveFailed(const Nextup::Status &status);

private:
    void load(int serviceId);
    // Lists a service's settings and, when it is the chosen one, shows them in the form.
    void remember(const ServiceBooking &booking);
    void showBooking(const ServiceBooking &booking);
    void onCurrentRowChanged();
    int rowOf(int serviceId) const;

    QPointer<ApiClient> m_api;
    QTableWidget *m_table;
    QSpinBox *m_minutes;
    QSpinBox *m_places;
    QLabel *m_now;
    QPushButton *m_save;
    QLabel *m_message;
    FormErrors m_errors;
    QHash<int, ServiceBooking> m_bookings;
    int m_serviceId = 0;
    bool m_busy = false;
};

} // namespace Nextup::Console
