#include "admin/devicespage.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

#include "admin/admincatalog.h"
#include "admin/adminwidgets.h"
#include "nextup/client/apiclient.h"
#include "nextup/client/queueclient.h"
#include "nextup/wire/enums.h"
#include "nextup/wire/keys.h"

namespace Nextup::Console {

namespace Key = Wire::Key;

namespace {
constexpr int kRefreshMs = 30000;
const QColor kTroubleColour(0xfd, 0xe2, 0xe1); // a pale red behind a row that needs someone
} // namespace

DeviceRow DeviceRow::fromJson(const QJsonObject &json)
{
    DeviceRow row;
    row.id = json.value(Key::Id).toString();
    row.name = json.value(Key::Name).toString();
    row.branchId = json.value(Key::BranchId).toInt();
    row.mode = json.value(Key::Mode).toString();
    row.version = json.value(Key::Version).toString();
    row.printerState = json.value(Key::PrinterState).toString();
    row.printerDetail = json.value(Key::PrinterDetail).toString();
    row.lastSeen = QDateTime::fromString(json.value(Key::LastSeenAt).toString(), Qt::ISODateWithMs);
    row.online = json.value(Key::Online).toBool();
    return row;
}

bool DeviceRow::printerTrouble() const
{
    return printerState == u"offline" || printerState == u"paper_out" || printerState == u"error";
}

DevicesModel::DevicesModel(const AdminCatalog *catalog, QObject *parent)
    : RowListModel(ColumnCount, parent), m_catalog(catalog)
{
}

void DevicesModel::update(const DeviceRow &device)
{
    QList<DeviceRow> devices = rows();
    const auto same = std::find_if(devices.begin(), devices.end(),
                                   [&](const DeviceRow &row) { return row.id == device.id; });
    if (same != devices.end())
        *same = device;
    else
        devices.append(device);
    std::sort(devices.begin(), devices.end(), [](const DeviceRow &a, const DeviceRow &b) {
        return a.name != b.name ? a.name < b.name : a.id < b.id;
    });
    setRows(devices);
}

int DevicesModel::alerts() const
{
    return int(std::count_if(rows().cbegin(), rows().cend(), [](const DeviceRow &row) {
        return !row.online || row.printerTrouble();
    }));
}

QVariant DevicesModel::columnTitle(int column) const
{
    switch (column) {
    case NameColumn: return tr("Name");
    case BranchColumn: return tr("Branch");
    case ModeColumn: return tr("Kind");
    case StatusColumn: return tr("Status");
    case PrinterColumn: return tr("Printer");
    case LastSeenColumn: return tr("Last report");
    case VersionColumn: return tr("Version");
    default: return {};
    }
}

QString DevicesModel::printerText(const DeviceRow &device) const
{
    QString text;
    if (device.printerState == u"none")
        text = tr("None");
    else if (device.printerState == u"ok")
        text = tr("Ready");
    else if (device.printerState == u"offline")
        text = tr("Not reachable");
    else if (device.printerState == u"paper_out")
        text = tr("Out of paper");
    else
        text = tr("Error");
    return device.printerDetail.isEmpty() ? text : tr("%1 (%2)").arg(text, device.printerDetail);
}

QVariant DevicesModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rows().size())
        return {};
    const DeviceRow &device = rows().at(index.row());
    const bool trouble = !device.online || device.printerTrouble();
    if (role == Qt::BackgroundRole && trouble)
        return kTroubleColour;
    if (role == Qt::ForegroundRole && trouble)
        return QColor(Qt::black); // readable on the pale red in any palette
    // Bold where the trouble is: the status of a silent device, the printer in trouble.
    if (role == Qt::FontRole && ((index.column() == StatusColumn && !device.online) ||
                                 (index.column() == PrinterColumn && device.printerTrouble()))) {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole)
        return {};
    switch (index.column()) {
    case NameColumn: return device.name;
    case BranchColumn: {
        for (const BranchInfo &branch : m_catalog->branches())
            if (branch.id == device.branchId)
                return branch.name;
        return device.branchId > 0 ? QString::number(device.branchId) : QString();
    }
    case ModeColumn: return device.mode == u"dispenser" ? tr("Ticket dispenser") : tr("Board");
    case StatusColumn: return device.online ? tr("Online") : tr("Offline");
    case PrinterColumn: return printerText(device);
    case LastSeenColumn:
        return QLocale().toString(device.lastSeen.toLocalTime(), QLocale::ShortFormat);
    case VersionColumn: return device.version;
    default: return {};
    }
}

DevicesPage::DevicesPage(ApiClient *api, QueueClient *queue, const AdminCatalog *catalog,
                         QWidget *parent)
    : QWidget(parent), m_api(api), m_model(new DevicesModel(catalog, this)),
      m_table(new QTableView(this)), m_summary(new QLabel(this))
{
    m_table->setObjectName(QStringLiteral("devicesTable"));
    m_table->setAccessibleName(tr("Lobby devices"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_summary->setObjectName(QStringLiteral("devicesSummary"));
    m_summary->setAccessibleName(tr("Devices summary"));
    auto *refresh = new QPushButton(tr("&Refresh"), this);
    refresh->setObjectName(QStringLiteral("devicesRefresh"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
    layout->addWidget(refresh, 0, Qt::AlignRight);
    connect(refresh, &QPushButton::clicked, this, &DevicesPage::reload);
    if (queue) {
        connect(queue, &QueueClient::eventReceived, this,
                [this](const QString &name, const QJsonObject &data) { onEvent(name, data); });
        // Events of the staff room are not replayed: what was missed is fetched.
        connect(queue, &QueueClient::resynced, this, &DevicesPage::reload);
    }
    connect(&m_refresh, &QTimer::timeout, this, &DevicesPage::reload);
    m_refresh.start(kRefreshMs);
    reload();
}

DevicesPage::~DevicesPage() = default;

void DevicesPage::reload()
{
    if (!m_api || !m_api->isLoggedIn())
        return;
    const int generation = ++m_generation;
    JsonJob *job = m_api->callJson("GET", QStringLiteral("/api/devices"));
    job->then(
        this,
        [this, job, generation] {
            if (generation != m_generation)
                return;
            QList<DeviceRow> devices;
            for (const QJsonValue value : job->array())
                devices.append(DeviceRow::fromJson(value.toObject()));
            m_model->setDevices(devices);
            m_table->resizeColumnsToContents();
            showSummary();
        },
        [this](const Status &status) { m_summary->setText(describe(status)); });
}

void DevicesPage::onEvent(const QString &name, const QJsonObject &data)
{
    if (name != Wire::toString(Wire::EventType::DeviceStatus))
        return;
    ++m_generation; // a list fetched before this event must not undo it
    m_model->update(DeviceRow::fromJson(data));
    m_table->resizeColumnsToContents();
    showSummary();
}

void DevicesPage::showSummary()
{
    const int total = m_model->rowCount();
    const int alerts = m_model->alerts();
    QString text;
    if (total == 0)
        text = tr("No board or ticket dispenser has reported yet.");
    else if (alerts == 0)
        text = tr("%n device(s), all online and ready.", nullptr, total);
    else
        text = tr("%n device(s) need someone: offline, or a printer in trouble.", nullptr, alerts);
    m_summary->setText(text);
    emit alertsChanged(alerts);
}

} // namespace Nextup::Console
