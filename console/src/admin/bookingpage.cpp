#include "admin/bookingpage.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QShortcut>
#include <QSpinBox>
#include <QVBoxLayout>

#include "admin/admincatalog.h"
#include "admin/branchbox.h"
#include "admin/closeddatesedit.h"
#include "admin/openinghoursedit.h"
#include "admin/serviceslotsbox.h"
#include "nextup/client/apiclient.h"
#include "nextup/client/tokenjobs.h"
#include "nextup/wire/keys.h"

namespace Nextup::Console {

namespace {
const QString kOpeningHours = Wire::Key::OpeningHours;
const QString kClosedDates = Wire::Key::ClosedDates;
const QString kHorizon = Wire::Key::BookingHorizonDays;
const QString kEarly = Wire::Key::CheckinEarlyMinutes;
const QString kLate = Wire::Key::CheckinLateMinutes;

QSpinBox *makeSpin(int max, const QString &suffix, QWidget *parent)
{
    auto *spin = new QSpinBox(parent);
    spin->setRange(0, max); // the server's limits
    spin->setSuffix(suffix);
    return spin;
}

QGroupBox *group(const QString &title, QWidget *content, QWidget *parent)
{
    auto *box = new QGroupBox(title, parent);
    auto *layout = new QVBoxLayout(box);
    layout->addWidget(content);
    return box;
}
} // namespace

BookingPage::BookingPage(ApiClient *api, AdminCatalog *catalog, QWidget *parent)
    : QWidget(parent), m_api(api), m_catalog(catalog),
      m_message(makeErrorLabel(QStringLiteral("bookingMessage"), this)), m_errors(m_message)
{
    m_slots = new ServiceSlotsBox(api, this);
    auto *layout = new QHBoxLayout(this);
    layout->addWidget(buildBranchSide(), 3);
    layout->addWidget(group(tr("Slots per service"), m_slots, this), 2);

    auto *saveKey = new QShortcut(QKeySequence::Save, this, this, &BookingPage::save);
    saveKey->setContext(Qt::WidgetWithChildrenShortcut);
    auto *reloadKey = new QShortcut(QKeySequence::Refresh, this, this, &BookingPage::reload);
    reloadKey->setContext(Qt::WidgetWithChildrenShortcut);
    connect(m_catalog, &AdminCatalog::changed, this, &BookingPage::onCatalogChanged);
    connect(m_branch, &QComboBox::currentIndexChanged, this, [this] {
        showBranchParts();
        if (branchId() != m_loadedBranch)
            reload();
    });
    onCatalogChanged();
}

BookingPage::~BookingPage() = default;

QWidget *BookingPage::buildBranchSide()
{
    auto *side = new QWidget(this);
    m_branch = new BranchBox(side);
    m_branch->setObjectName(QStringLiteral("bookingBranch"));
    m_branch->setAccessibleName(tr("Branch"));
    auto *branchCaption = new QLabel(tr("&Branch:"), side);
    branchCaption->setBuddy(m_branch);
    m_timezone = new QLabel(side);
    m_timezone->setObjectName(QStringLiteral("bookingTimezone"));
    auto *top = new QHBoxLayout;
    top->addWidget(branchCaption);
    top->addWidget(m_branch);
    top->addWidget(m_timezone, 1);

    m_hours = new OpeningHoursEdit(m_errors, side);
    m_closed = new ClosedDatesEdit(side);
    m_horizon = makeSpin(366, tr(" days"), side);
    m_early = makeSpin(1440, tr(" min before"), side);
    m_late = makeSpin(1440, tr(" min after"), side);
    auto *rules = new QWidget(side);
    auto *form = new QFormLayout(rules);
    form->setContentsMargins(0, 0, 0, 0);
    const auto addRule = [&](const QString &caption, const QString &field, QSpinBox *spin) {
        spin->setObjectName(field);
        spin->setAccessibleName(QString(caption).remove(u'&').remove(u':'));
        auto *label = new QLabel(caption, rules);
        label->setBuddy(spin);
        form->addRow(label, m_errors.addField(field, spin));
    };
    addRule(tr("Bookable &up to:"), kHorizon, m_horizon);
    addRule(tr("Check-in &opens:"), kEarly, m_early);
    addRule(tr("Check-in &closes:"), kLate, m_late);

    m_save = new QPushButton(tr("&Save branch settings"), side);
    m_save->setObjectName(QStringLiteral("saveBranchBooking"));
    m_save->setToolTip(QKeySequence(QKeySequence::Save).toString(QKeySequence::NativeText));
    connect(m_save, &QPushButton::clicked, this, &BookingPage::save);

    auto *hoursBox = new QGroupBox(tr("Opening hours (the branch's own time)"), side);
    auto *hoursLayout = new QVBoxLayout(hoursBox);
    hoursLayout->addWidget(m_errors.addField(kOpeningHours, m_hours));
    auto *closedBox = new QGroupBox(tr("Closed dates"), side);
    auto *closedLayout = new QVBoxLayout(closedBox);
    closedLayout->addWidget(m_errors.addField(kClosedDates, m_closed));
    auto *columns = new QHBoxLayout;
    columns->addWidget(hoursBox, 1);
    auto *right = new QVBoxLayout;
    right->addWidget(closedBox, 1);
    right->addWidget(group(tr("Booking and check-in"), rules, side));
    columns->addLayout(right, 1);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_save);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(side);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addLayout(columns, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_message);
    return side;
}

int BookingPage::branchId() const
{
    return m_branch->currentData().toInt();
}

void BookingPage::onCatalogChanged()
{
    {
        const QSignalBlocker quiet(m_branch); // decided below, once
        m_branch->setBranches(m_catalog->branches());
        if (m_branch->currentIndex() < 0 && m_branch->count() > 0)
            m_branch->setCurrentIndex(0);
    }
    showBranchParts();
    if (branchId() > 0 && branchId() != m_loadedBranch)
        reload();
}

void BookingPage::showBranchParts()
{
    QList<ServiceInfo> services;
    for (const ServiceInfo &service : m_catalog->services())
        if (service.branchId == branchId())
            services.append(service);
    m_slots->setServices(services);
    for (const BranchInfo &branch : m_catalog->branches())
        if (branch.id == branchId())
            m_timezone->setText(tr("Time zone: %1").arg(branch.timezone));
}

void BookingPage::reload()
{
    const int id = branchId();
    if (!m_api || id <= 0)
        return;
    m_loadedBranch = id;
    BranchBookingJob *job = m_api->callApi<BranchBookingJob>(id);
    job->then(
        this,
        [this, job, id] {
            if (id != branchId())
                return; // another branch was chosen meanwhile
            m_errors.clear();
            m_message->hide();
            show(job->booking());
            emit loaded(id);
        },
        [this](const Status &status) { m_errors.show(status); });
}

void BookingPage::show(const BranchBooking &booking)
{
    m_shown = booking;
    m_hours->setWeek(booking);
    m_closed->setDates(booking.closedDates);
    m_horizon->setValue(booking.horizonDays);
    m_early->setValue(booking.checkInEarlyMinutes);
    m_late->setValue(booking.checkInLateMinutes);
}

void BookingPage::save()
{
    const int id = branchId();
    if (!m_api || m_busy || id <= 0)
        return;
    BranchBooking change = m_shown;
    QJsonObject fieldErrors;
    m_hours->readWeek(change, fieldErrors);
    if (!fieldErrors.isEmpty()) {
        // Nothing is sent while a day cannot be read: say which, under it.
        Status invalid = Status::failure(QStringLiteral("validation_failed"),
                                         tr("Some opening hours cannot be read."), 400);
        invalid.details = fieldErrors;
        m_errors.show(invalid);
        emit saveFailed(invalid);
        return;
    }
    change.closedDates = m_closed->dates();
    change.horizonDays = m_horizon->value();
    change.checkInEarlyMinutes = m_early->value();
    change.checkInLateMinutes = m_late->value();
    setBusy(true);
    BranchBookingJob *job = m_api->callApi<BranchBookingJob>(id, change);
    job->then(
        this,
        [this, job, id] {
            setBusy(false);
            m_errors.clear();
            if (id == branchId())
                show(job->booking()); // as the server keeps it (e.g. "24:00", sorted dates)
            m_errors.showMessage(tr("Saved."), false);
            emit saved(id);
        },
        [this](const Status &status) {
            setBusy(false);
            m_errors.show(status);
            emit saveFailed(status);
        });
}

void BookingPage::setBusy(bool busy)
{
    m_busy = busy;
    m_save->setEnabled(!busy);
}

} // namespace Nextup::Console
