#include "admin/serviceslotsbox.h"

#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

#include "nextup/client/apiclient.h"
#include "nextup/client/tokenjobs.h"
#include "nextup/wire/keys.h"

namespace Nextup::Console {

namespace {
enum Column
{
    ServiceColumn,
    MinutesColumn,
    PlacesColumn,
};
constexpr int kServiceIdRole = Qt::UserRole + 1;
constexpr int kFromCounters = -1; // the places spin box's special value
const QString kSlotMinutes = Wire::Key::SlotMinutes;
const QString kSlotCapacity = Wire::Key::SlotCapacity;
} // namespace

ServiceSlotsBox::ServiceSlotsBox(ApiClient *api, QWidget *parent)
    : QWidget(parent), m_api(api), m_table(new QTableWidget(0, 3, this)),
      m_minutes(new QSpinBox(this)), m_places(new QSpinBox(this)), m_now(new QLabel(this)),
      m_save(new QPushButton(tr("Save &slots"), this)),
      m_message(makeErrorLabel(QStringLiteral("slotsMessage"), this)), m_errors(m_message)
{
    m_table->setObjectName(QStringLiteral("serviceSlotsTable"));
    m_table->setAccessibleName(tr("Slots per service"));
    m_table->setHorizontalHeaderLabels({tr("Service"), tr("Slot"), tr("Places per slot")});
    m_table->horizontalHeader()->setSectionResizeMode(ServiceColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(MinutesColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(PlacesColumn, QHeaderView::ResizeToContents);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    connect(m_table, &QTableWidget::currentCellChanged, this,
            &ServiceSlotsBox::onCurrentRowChanged);

    m_minutes->setRange(5, 240);
    m_minutes->setSingleStep(5);
    m_minutes->setSuffix(tr(" min"));
    m_minutes->setAccessibleName(tr("Slot length"));
    m_places->setRange(kFromCounters, 1000);
    m_places->setSpecialValueText(tr("From the counters"));
    m_places->setAccessibleName(tr("Places per slot"));
    m_places->setToolTip(tr("Empty (lowest value): as many customers as the counters serving "
                            "this service get through in one slot"));
    m_now->setObjectName(QStringLiteral("slotCapacityNow"));
    m_now->setWordWrap(true);
    m_save->setObjectName(QStringLiteral("saveServiceBooking"));
    m_save->setEnabled(false);
    connect(m_save, &QPushButton::clicked, this, &ServiceSlotsBox::save);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto *minutesCaption = new QLabel(tr("Slot &length:"), this);
    auto *placesCaption = new QLabel(tr("&Places per slot:"), this);
    minutesCaption->setBuddy(m_minutes);
    placesCaption->setBuddy(m_places);
    m_minutes->setObjectName(kSlotMinutes);
    m_places->setObjectName(kSlotCapacity);
    form->addRow(minutesCaption, m_errors.addField(kSlotMinutes, m_minutes));
    form->addRow(placesCaption, m_errors.addField(kSlotCapacity, m_places));
    form->addRow(QString(), m_now);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table, 1);
    layout->addLayout(form);
    layout->addWidget(m_save, 0, Qt::AlignLeading);
    layout->addWidget(m_message);
}

ServiceSlotsBox::~ServiceSlotsBox() = default;

void ServiceSlotsBox::setServices(const QList<ServiceInfo> &services)
{
    const int chosen = m_serviceId;
    const QSignalBlocker quiet(m_table);
    m_table->setRowCount(0);
    for (const ServiceInfo &service : services) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        auto *name =
            new QTableWidgetItem(QStringLiteral("%1 · %2").arg(service.code, service.name));
        name->setData(kServiceIdRole, service.id);
        m_table->setItem(row, ServiceColumn, name);
        m_table->setItem(row, MinutesColumn, new QTableWidgetItem(QStringLiteral("…")));
        m_table->setItem(row, PlacesColumn, new QTableWidgetItem(QStringLiteral("…")));
        load(service.id);
    }
    m_serviceId = 0;
    if (rowOf(chosen) >= 0)
        selectService(chosen);
    else if (m_table->rowCount() > 0)
        selectService(m_table->item(0, ServiceColumn)->data(kServiceIdRole).toInt());
    m_save->setEnabled(m_serviceId > 0 && !m_busy);
}

int ServiceSlotsBox::rowOf(int serviceId) const
{
    for (int row = 0; row < m_table->rowCount(); ++row)
        if (m_table->item(row, ServiceColumn)->data(kServiceIdRole).toInt() == serviceId)
            return row;
    return -1;
}

void ServiceSlotsBox::selectService(int serviceId)
{
    const int row = rowOf(serviceId);
    if (row < 0)
        return;
    m_table->setCurrentCell(row, ServiceColumn);
    m_serviceId = serviceId; // also when the row was current already (signals were blocked)
    if (const auto known = booking(serviceId))
        showBooking(*known);
}

std::optional<ServiceBooking> ServiceSlotsBox::booking(int serviceId) const
{
    const auto it = m_bookings.constFind(serviceId);
    return it == m_bookings.cend() ? std::nullopt : std::optional<ServiceBooking>(*it);
}

void ServiceSlotsBox::onCurrentRowChanged()
{
    const int row = m_table->currentRow();
    m_serviceId = row < 0 ? 0 : m_table->item(row, ServiceColumn)->data(kServiceIdRole).toInt();
    m_errors.clear();
    m_message->hide();
    if (const auto known = booking(m_serviceId))
        showBooking(*known);
    m_save->setEnabled(m_serviceId > 0 && !m_busy);
}

void ServiceSlotsBox::load(int serviceId)
{
    if (!m_api)
        return;
    ServiceBookingJob *job = m_api->callApi<ServiceBookingJob>(serviceId);
    job->then(this, [this, job] {
        remember(job->booking());
        emit serviceLoaded(job->booking().serviceId);
    });
}

void ServiceSlotsBox::remember(const ServiceBooking &booking)
{
    m_bookings.insert(booking.serviceId, booking);
    if (const int row = rowOf(booking.serviceId); row >= 0) {
        const QLocale locale;
        m_table->item(row, MinutesColumn)
            ->setText(tr("%1 min").arg(locale.toString(booking.slotMinutes)));
        m_table->item(row, PlacesColumn)
            ->setText(booking.slotCapacity
                          ? locale.toString(*booking.slotCapacity)
                          : tr("%1 (from the counters)").arg(locale.toString(booking.capacity)));
    }
    if (booking.serviceId == m_serviceId)
        showBooking(booking);
}

void ServiceSlotsBox::showBooking(const ServiceBooking &booking)
{
    m_minutes->setValue(booking.slotMinutes);
    m_places->setValue(booking.slotCapacity.value_or(kFromCounters));
    m_now->setText(tr("A slot has %Ln place(s) now.", nullptr, booking.capacity));
}

void ServiceSlotsBox::save()
{
    if (!m_api || m_busy || m_serviceId <= 0)
        return;
    ServiceBooking change;
    change.serviceId = m_serviceId;
    change.slotMinutes = m_minutes->value();
    if (m_places->value() != kFromCounters)
        change.slotCapacity = m_places->value();
    m_busy = true;
    m_save->setEnabled(false);
    ServiceBookingJob *job = m_api->callApi<ServiceBookingJob>(m_serviceId, change);
    job->then(
        this,
        [this, job] {
            m_busy = false;
            m_save->setEnabled(true);
            m_errors.clear();
            m_errors.showMessage(tr("Saved."), false);
            remember(job->booking()); // the answer is the settings as saved
            emit saved(job->booking().serviceId);
        },
        [this](const Status &status) {
            m_busy = false;
            m_save->setEnabled(true);
            m_errors.show(status);
            emit saveFailed(status);
        });
}

} // namespace Nextup::Console
