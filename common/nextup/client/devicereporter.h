#pragma once

#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

namespace Nextup {

class ApiClient;

// A lobby device (board or ticket dispenser) telling the server it is there, and how its
// printer is (POST /api/devices/heartbeat): at once when the session starts, every kIntervalMs,
// and at once when the printer's state changes, so staff see an alert within a second. Reports
// only while `api` is signed in (a kiosk account); a failed report is tried again at the next
// tick (the server calls a device offline after 90 s without one).
class DeviceReporter : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeviceReporter)

public:
    static constexpr int kIntervalMs = 30000;

    struct Identity
    {
        QString id; // stable across restarts: see stableId()
        QString name;
        int branchId = 0;
        QString mode; // board, dispenser
        QString version;
    };

    DeviceReporter(ApiClient *api, Identity identity, QObject *parent = nullptr);

    // none, ok, offline, paper_out, error; reported at once when it changes.
    void setPrinter(const QString &state, const QString &detail = {});
    void setIntervalMs(int ms) { m_timer.setInterval(ms); }
    // The id kept in `settingsGroup` of the application's QSettings, made (random) on first use.
    static QString stableId(const QString &settingsGroup, const QString &prefix);

signals:
    // After each answer: whether the server took the report.
    void reported(bool ok);

public slots:
    void report();

private:
    QPointer<ApiClient> m_api;
    Identity m_identity;
    QString m_printerState = QStringLiteral("none");
    QString m_printerDetail;
    QTimer m_timer;
};

} // namespace Nextup
