#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QTimer>
#include <QWidget>

#include "admin/rowlistmodel.h"

class QLabel;
class QTableView;

namespace Nextup {
class ApiClient;
class QueueClient;
} // namespace Nextup

namespace Nextup::Console {

class AdminCatalog;

// A lobby device as GET /api/devices and the device_status event describe it.
struct DeviceRow
{
    QString id;
    QString name;
    int branchId = 0;
    QString mode; // board, dispenser
    QString version;
    QString printerState; // none, ok, offline, paper_out, error
    QString printerDetail;
    QDateTime lastSeen;
    bool online = false;

    static DeviceRow fromJson(const QJsonObject &json);
    // Its printer needs someone: offline, out of paper, in error.
    bool printerTrouble() const;
};

class DevicesModel : public RowListModel<DeviceRow>
{
    Q_OBJECT

public:
    enum Column
    {
        NameColumn,
        BranchColumn,
        ModeColumn,
        StatusColumn,
        PrinterColumn,
        VersionColumn,
        LastSeenColumn,
        ColumnCount
    };
    DevicesModel(const AdminCatalog *catalog, QObject *parent = nullptr);

    void setDevices(const QList<DeviceRow> &devices) { setRows(devices); }
    // The device as an event tells it: its row changed, or a new row (kept in name order).
    void update(const DeviceRow &device);
    // The devices that need someone now: offline, or with printer trouble.
    int alerts() const;

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

protected:
    QVariant columnTitle(int column) const override;

private:
    QString printerText(const DeviceRow &device) const;

    const AdminCatalog *m_catalog;
};

// Devices: the lobby boards and ticket dispensers, whether each is online and how its printer
// is, live (event device_status in room `staff`) and refetched on every reconnect.
class DevicesPage : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DevicesPage)

public:
    DevicesPage(ApiClient *api, QueueClient *queue, const AdminCatalog *catalog,
                QWidget *parent = nullptr);
    ~DevicesPage() override;

    DevicesModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QLabel *summary() const { return m_summary; }

public slots:
    void reload();

signals:
    // How many devices need someone (offline, printer trouble), for the tab's title.
    void alertsChanged(int alerts);

private:
    void onEvent(const QString &name, const QJsonObject &data);
    void showSummary();

    ApiClient *m_api;
    DevicesModel *m_model;
    QTableView *m_table;
    QLabel *m_summary;
    QTimer m_refresh; // a safety net beside the events: the list as the server sees it
    int m_generation = 0;
};

} // namespace Nextup::Console
