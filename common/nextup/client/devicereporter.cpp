#include "nextup/client/devicereporter.h"

#include <QSettings>
#include <QUuid>

#include "nextup/client/apiclient.h"
#include "nextup/wire/keys.h"

namespace Nextup {

namespace Key = Wire::Key;

DeviceReporter::DeviceReporter(ApiClient *api, Identity identity, QObject *parent)
    : QObject(parent), m_api(api), m_identity(std::move(identity))
{
    m_timer.setInterval(kIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &DeviceReporter::report);
    m_timer.start();
    if (m_api) {
        connect(m_api, &ApiClient::sessionChanged, this, [this] {
            if (m_api->isLoggedIn())
                report();
        });
    }
    if (m_api && m_api->isLoggedIn())
        report();
}

void DeviceReporter::setPrinter(const QString &state, const QString &detail)
{
    if (state == m_printerState && detail == m_printerDetail)
        return;
    m_printerState = state;
    m_printerDetail = detail;
    report();
}

void DeviceReporter::report()
{
    if (!m_api || !m_api->isLoggedIn())
        return;
    QJsonObject body{
        {Key::Id, m_identity.id},
        {Key::Name, m_identity.name},
        {Key::Mode, m_identity.mode},
        {Key::Version, m_identity.version},
        {Key::Printer, QJsonObject{{Key::State, m_printerState}, {Key::Detail, m_printerDetail}}}};
    if (m_identity.branchId > 0)
        body.insert(Key::BranchId, m_identity.branchId);
    JsonJob *job = m_api->callJson("POST", QStringLiteral("/api/devices/heartbeat"), body);
    job->then(
        this, [this] { emit reported(true); }, [this](const Status &) { emit reported(false); });
}

QString DeviceReporter::stableId(const QString &settingsGroup, const QString &prefix)
{
    QSettings settings;
    settings.beginGroup(settingsGroup);
    QString id = settings.value(QStringLiteral("device_id")).toString();
    if (id.isEmpty()) {
        id = prefix + u'-' + QUuid::createUuid().toString(QUuid::Id128).left(12);
        settings.setValue(QStringLiteral("device_id"), id);
    }
    return id;
}

} // namespace Nextup
