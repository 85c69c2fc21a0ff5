#include "appointments/appointmentspage.h"

#include <QComboBox>
#include <QDateEdit>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QShortcut>
#include <QTableView>
#include <QVBoxLayout>

#include "appointments/appointmentsmodel.h"
#include "nextup/client/apiclient.h"
#include "nextup/client/queueclient.h"
#include "nextup/client/tokenjobs.h"

namespace Nextup::Console {

namespace {
// Events come in bursts (a check-in is a token event and a queue_update): one refresh for them.
constexpr int kRefreshDelayMs = 300;
constexpr int kMaxRangeDays = 31; // the server's limit
const char *const kTokenIdProperty = "tokenId";

// The events that change an appointment without naming its slot in a token of the live line.
bool isAppointmentEvent(const QString &name)
{
    using Wire::EventType;
    const std::optional<EventType> type = Wire::fromString<EventType>(name);
    return type == EventType::TokenBooked || type == EventType::TokenCheckedIn ||
           type == EventType::TokenRescheduled || type == EventType::TokenExpired;
}

QString resultStyle(CheckInOutcome::Kind kind)
{
    using Kind = CheckInOutcome::Kind;
    switch (kind) {
    case Kind::CheckedIn:
        return QStringLiteral("background: #e6f4ea; color: #1e4620; border: 1px solid #1e7d32;");
    case Kind::OutsideWindow:
    case Kind::AlreadyCheckedIn:
        return QStringLiteral("background: #fff4ce; color: #5c3c00; border: 1px solid #e0b000;");
    case Kind::NotFound:
    case Kind::NotCheckable:
    case Kind::Failed:
        return QStringLiteral("background: #fde7e9; color: #7a0010; border: 1px solid #b00020;");
    }
    return {};
}
} // namespace

AppointmentsPage::AppointmentsPage(ApiClient *api, QueueClient *queue, QWidget *parent)
    : QWidget(parent), m_api(api), m_queue(queue), m_model(new AppointmentsModel(this)),
      m_desk(new CheckInDesk(api, this))
{
    setObjectName(QStringLiteral("appointmentsPage"));
    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(kRefreshDelayMs);
    connect(&m_refreshTimer, &QTimer::timeout, this, &AppointmentsPage::refresh);
    connect(m_desk, &CheckInDesk::finished, this, &AppointmentsPage::onOutcome);
    connect(m_model, &AppointmentsModel::rowsReplaced, this, [this] {
        placeButtons();
        updateSummary();
    });

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("appointmentsTable"));
    m_table->setAccessibleName(tr("Appointments"));
    m_table->setModel(m_model);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(AppointmentsModel::CustomerColumn,
                                                      QHeaderView::Stretch);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("appointmentsSummary"));
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("appointmentsMessage"));
    m_message->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_message->setWordWrap(true);
    m_message->hide();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(buildScan());
    layout->addWidget(buildFilters());
    layout->addWidget(m_summary);
    layout->addWidget(m_message);
    layout->addWidget(m_table, 1);

    if (m_queue) {
        connect(m_queue, &QueueClient::eventReceived, this,
                [this](const QString &name, const QJsonObject &data) { onQueueEvent(name, data); });
        connect(m_queue, &QueueClient::resynced, this, [this] { m_refreshTimer.start(); });
        connect(m_queue, &QueueClient::stateChanged, this, &AppointmentsPage::fillServices);
    }
    fillServices();
    updateSummary();
}

AppointmentsPage::~AppointmentsPage()
{
    if (m_job)
        m_job->abandon();
}

QWidget *AppointmentsPage::buildScan()
{
    auto *box = new QGroupBox(tr("Check-in"), this);
    m_scan = new QLineEdit(box);
    m_scan->setObjectName(QStringLiteral("scanField"));
    m_scan->setAccessibleName(tr("Scan a ticket or type its number"));
    m_scan->setPlaceholderText(tr("Scan the ticket's QR code, or type a number such as D501, "
                                  "then Enter"));
    m_scan->setClearButtonEnabled(true);
    QFont large = m_scan->font();
    large.setPointSizeF(large.pointSizeF() * 1.3);
    m_scan->setFont(large);
    auto *caption = new QLabel(tr("&Scan or type:"), box);
    caption->setBuddy(m_scan);
    auto *go = new QPushButton(tr("Check &in"), box);
    go->setObjectName(QStringLiteral("scanCheckInButton"));
    connect(m_scan, &QLineEdit::returnPressed, this, &AppointmentsPage::onScanned);
    connect(go, &QPushButton::clicked, this, &AppointmentsPage::onScanned);
    m_result = new QLabel(box);
    m_result->setObjectName(QStringLiteral("scanResult"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = m_result->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.2);
    m_result->setFont(bold);
    m_result->hide();
    auto *row = new QHBoxLayout;
    row->addWidget(caption);
    row->addWidget(m_scan, 1);
    row->addWidget(go);
    auto *column = new QVBoxLayout(box);
    column->addLayout(row);
    column->addWidget(m_result);
    return box;
}

QWidget *AppointmentsPage::buildFilters()
{
    auto *box = new QWidget(this);
    const QDate today = QDate::currentDate();
    m_from = new QDateEdit(today, box);
    m_to = new QDateEdit(today, box);
    m_from->setObjectName(QStringLiteral("fromDate"));
    m_to->setObjectName(QStringLiteral("toDate"));
    m_from->setAccessibleName(tr("From"));
    m_to->setAccessibleName(tr("To"));
    for (QDateEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QLocale().dateFormat(QLocale::ShortFormat));
        connect(edit, &QDateEdit::dateChanged, this, &AppointmentsPage::onDatesChanged);
    }
    m_to->setDateRange(today, today.addDays(kMaxRangeDays));
    auto *fromCaption = new QLabel(tr("&Date:"), box);
    fromCaption->setBuddy(m_from);
    auto *dash = new QLabel(tr("to"), box);
    auto *todayButton = new QPushButton(tr("&Today"), box);
    todayButton->setObjectName(QStringLiteral("todayButton"));
    connect(todayButton, &QPushButton::clicked, this, [this] { showDay(QDate::currentDate()); });

    m_service = new QComboBox(box);
    m_service->setObjectName(QStringLiteral("serviceFilter"));
    m_service->setAccessibleName(tr("Service"));
    m_service->addItem(tr("All services"), 0);
    auto *serviceCaption = new QLabel(tr("S&ervice:"), box);
    serviceCaption->setBuddy(m_service);
    connect(m_service, &QComboBox::currentIndexChanged, this,
            [this] { m_model->setServiceFilter(m_service->currentData().toInt()); });

    m_state = new QComboBox(box);
    m_state->setObjectName(QStringLiteral("stateFilter"));
    m_state->setAccessibleName(tr("State"));
    m_state->addItem(tr("All states"), -1);
    for (AppointmentState state : AppointmentsModel::states())
        m_state->addItem(AppointmentsModel::stateText(state), int(state));
    auto *stateCaption = new QLabel(tr("Sh&ow:"), box);
    stateCaption->setBuddy(m_state);
    connect(m_state, &QComboBox::currentIndexChanged, this, [this] {
        const int state = m_state->currentData().toInt();
        m_model->setStateFilter(state < 0 ? std::nullopt : std::optional(AppointmentState(state)));
    });

    auto *refreshButton = new QPushButton(tr("Re&fresh"), box);
    refreshButton->setObjectName(QStringLiteral("refreshButton"));
    refreshButton->setToolTip(
        QKeySequence(QKeySequence::Refresh).toString(QKeySequence::NativeText));
    connect(refreshButton, &QPushButton::clicked, this, &AppointmentsPage::refresh);
    auto *refreshKey = new QShortcut(QKeySequence::Refresh, this, this, &AppointmentsPage::refresh);
    refreshKey->setContext(Qt::WidgetWithChildrenShortcut);

    auto *row = new QHBoxLayout(box);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(fromCaption);
    row->addWidget(m_from);
    row->addWidget(dash);
    row->addWidget(m_to);
    row->addWidget(todayButton);
    row->addSpacing(16);
    row->addWidget(serviceCaption);
    row->addWidget(m_service);
    row->addSpacing(16);
    row->addWidget(stateCaption);
    row->addWidget(m_state);
    row->addStretch(1);
    row->addWidget(refreshButton);
    return box;
}

void AppointmentsPage::fillServices()
{
    if (!m_queue)
        return;
    QList<int> ids;
    for (const ServiceQueue &service : m_queue->services())
        ids.append(service.id);
    QList<int> listed;
    for (int i = 1; i < m_service->count(); ++i)
        listed.append(m_service->itemData(i).toInt());
    if (ids == listed)
        return;
    const int chosen = m_service->currentData().toInt();
    const QSignalBlocker quiet(m_service);
    while (m_service->count() > 1)
        m_service->removeItem(1);
    for (const ServiceQueue &service : m_queue->services())
        m_service->addItem(QStringLiteral("%1 · %2").arg(service.code, service.name), service.id);
    m_service->setCurrentIndex(qMax(0, m_service->findData(chosen)));
}

void AppointmentsPage::onDatesChanged()
{
    // A range runs forwards and spans at most the server's 31 days.
    const QDate from = m_from->date();
    const QSignalBlocker quiet(m_to);
    m_to->setDateRange(from, from.addDays(kMaxRangeDays));
    refresh();
}

void AppointmentsPage::showDay(const QDate &day)
{
    showRange(day, day);
}

void AppointmentsPage::showRange(const QDate &from, const QDate &to)
{
    {
        const QSignalBlocker quietFrom(m_from);
        const QSignalBlocker quietTo(m_to);
        m_from->setDate(from);
        m_to->setDateRange(from, from.addDays(kMaxRangeDays));
        m_to->setDate(to);
    }
    refresh();
}

void AppointmentsPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh();
    // A scanner types into whatever has the focus: here, that is the scan field.
    m_scan->setFocus(Qt::OtherFocusReason);
}

void AppointmentsPage::refresh()
{
    if (!m_api)
        return;
    if (m_job) {
        m_refreshAgain = true; // asked again with the newest dates once this one answers
        return;
    }
    m_refreshTimer.stop();
    AppointmentFilter filter;
    filter.from = m_from->date();
    filter.to = m_to->date();
    m_job = m_api->appointments(filter);
    AppointmentsJob *job = m_job;
    job->then(
        this,
        [this, job] {
            m_message->hide();
            const AppointmentFilter asked = job->filter();
            // Answers for dates no longer chosen are dropped: the next refresh is on its way.
            if (asked.from == m_from->date() && asked.to == m_to->date()) {
                m_model->setAppointments(job->appointments(), asked.from != asked.to);
                emit refreshed();
            }
        },
        [this](const Status &status) {
            m_message->setText(tr("The appointments could not be read: %1")
                                   .arg(status.message.isEmpty() ? status.code : status.message));
            m_message->show();
            emit refreshFailed(status);
        });
    connect(job, &ApiJob::finished, this, [this] {
        m_job = nullptr;
        if (m_refreshAgain) {
            m_refreshAgain = false;
            QMetaObject::invokeMethod(this, &AppointmentsPage::refresh, Qt::QueuedConnection);
        }
    });
}

void AppointmentsPage::onQueueEvent(const QString &name, const QJsonObject &data)
{
    // Token events carry the token: one with a slot is an appointment whose row may change.
    const bool appointment =
        isAppointmentEvent(name) || !data.value(Wire::Key::PreferredSlot).toString().isEmpty();
    if (appointment && !m_refreshTimer.isActive())
        m_refreshTimer.start();
}

void AppointmentsPage::onScanned()
{
    const QString text = m_scan->text();
    if (text.trimmed().isEmpty())
        return;
    m_scan->clear(); // ready for the next customer's ticket at once
    m_result->setStyleSheet(QStringLiteral("padding: 6px;"));
    m_result->setText(tr("Checking in…"));
    m_result->show();
    m_desk->checkInScanned(text);
}

void AppointmentsPage::onOutcome(const CheckInOutcome &outcome)
{
    m_result->setText(outcome.message);
    m_result->setAccessibleName(outcome.message);
    m_result->setStyleSheet(resultStyle(outcome.kind) + QStringLiteral(" padding: 6px;"));
    m_result->show();
    if (QPushButton *button = checkInButton(outcome.tokenId))
        button->setEnabled(!outcome.isOk());
    if (outcome.isOk() || outcome.kind != CheckInOutcome::Kind::NotFound)
        refresh(); // its row shows the new state at once; events would follow anyway
    emit checkInFinished(outcome);
}

void AppointmentsPage::placeButtons()
{
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QModelIndex cell = m_model->index(row, AppointmentsModel::ActionColumn);
        const auto state = AppointmentState(cell.data(AppointmentsModel::StateRole).toInt());
        if (!AppointmentsModel::canCheckIn(state))
            continue;
        const TokenInfo &token = m_model->appointment(row).token;
        auto *button = new QPushButton(tr("Check in"));
        button->setObjectName(QStringLiteral("checkInButton"));
        button->setAccessibleName(tr("Check in %1").arg(token.tokenNumber));
        button->setProperty(kTokenIdProperty, token.id);
        connect(button, &QPushButton::clicked, this,
                [this, button, id = token.id, number = token.tokenNumber] {
                    button->setEnabled(false);
                    m_desk->checkIn(id, number);
                });
        m_table->setIndexWidget(cell, button); // the view owns it
    }
}

QPushButton *AppointmentsPage::checkInButton(qint64 tokenId) const
{
    const int row = m_model->rowOf(tokenId);
    if (row < 0)
        return nullptr;
    return qobject_cast<QPushButton *>(
        m_table->indexWidget(m_model->index(row, AppointmentsModel::ActionColumn)));
}

void AppointmentsPage::updateSummary()
{
    const QMap<AppointmentState, int> counts = m_model->countByState();
    const QLocale locale;
    QStringList parts;
    for (auto it = counts.begin(); it != counts.end(); ++it)
        parts << QStringLiteral("%1: %2").arg(AppointmentsModel::stateText(it.key()),
                                              locale.toString(it.value()));
    const QString total = tr("%Ln appointment(s)", nullptr, m_model->rowCount());
    m_summary->setText(parts.isEmpty() ? total
                                       : QStringLiteral("%1: %2").arg(total, parts.join(u" · ")));
}

} // namespace Nextup::Console
