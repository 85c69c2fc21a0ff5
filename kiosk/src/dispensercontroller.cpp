#include "dispensercontroller.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QSysInfo>

#include "boardstate.h"
#include "nextup/client/apiclient.h"
#include "nextup/client/authjobs.h"
#include "nextup/client/devicereporter.h"
#include "nextup/client/queuejobs.h"
#include "printersettings.h"
#include "ticket.h"
#include "ticketprinter.h"
#include "tokenissuer.h"

Q_LOGGING_CATEGORY(lcDispenser, "nextup.kiosk.dispenser")

namespace Nextup::Kiosk {

namespace {
constexpr int SaveThrottleMs = 1000;

// The device report's printer states (docs/api.md, POST /api/devices/heartbeat).
QString reportedState(const PrintFailure &failure)
{
    switch (failure.reason) {
    case PrintFailure::Reason::NotReachable:
    case PrintFailure::Reason::Timeout: return QStringLiteral("offline");
    case PrintFailure::Reason::PaperOut: return QStringLiteral("paper_out");
    default: return QStringLiteral("error");
    }
}

QString scanKindName(ScanResult::Kind kind)
{
    switch (kind) {
    case ScanResult::Kind::CheckedIn: return QStringLiteral("checkedIn");
    case ScanResult::Kind::Status: return QStringLiteral("status");
    case ScanResult::Kind::Unknown: return QStringLiteral("unknown");
    case ScanResult::Kind::Foreign: return QStringLiteral("foreign");
    case ScanResult::Kind::Expired: return QStringLiteral("expired");
    case ScanResult::Kind::TooEarly: return QStringLiteral("tooEarly");
    case ScanResult::Kind::NumberOnly: return QStringLiteral("numberOnly");
    case ScanResult::Kind::Unavailable: return QStringLiteral("unavailable");
    }
    return {};
}
} // namespace

DispenserController::DispenserController(const KioskConfig &config, QObject *parent)
    : QObject(parent), m_config(config), m_language(config.language),
      m_api(new ApiClient(config.serverUrl, this)), m_queue(new QueueClient(m_api, this)),
      m_issuer(new TokenIssuer(m_api, this)),
      m_scanner(new ScanCheckIn(
          m_api, [this](int serviceId) { return isOurs(serviceId); }, this)),
      m_lastTicket(std::make_unique<Ticket>())
{
    m_queue->setRooms({Wire::roomName(Wire::RoomKind::Global)});
    m_queue->setAuthenticate(true);
    connect(m_queue, &QueueClient::staleChanged, this, &DispenserController::updateCanIssue);
    connect(m_queue, &QueueClient::stateChanged, this, &DispenserController::rebuildServices);
    connect(m_queue, &QueueClient::resynced, this, [this] {
        m_hasData = true;
        fetchServices(); // a service opened or closed while away
        rebuildServices();
    });
    connect(m_api, &ApiClient::sessionChanged, this, &DispenserController::updateCanIssue);
    connect(m_api, &ApiClient::sessionExpired, this, [this] { m_loginRetry.start(); });
    connect(m_issuer, &TokenIssuer::issued, this, &DispenserController::onIssued);
    connect(m_issuer, &TokenIssuer::failed, this, &DispenserController::onIssueFailed);
    connect(m_scanner, &ScanCheckIn::finished, this, &DispenserController::onScanned);
    m_loginRetry.setSingleShot(true);
    m_loginRetry.setInterval(Timing{}.loginRetryMs);
    connect(&m_loginRetry, &QTimer::timeout, this, &DispenserController::login);
    m_saveThrottle.setSingleShot(true);
    m_saveThrottle.setInterval(SaveThrottleMs);
    connect(&m_saveThrottle, &QTimer::timeout, this, &DispenserController::saveState);
    m_statePath = config.statePath.isEmpty()
                      ? BoardState::defaultPath().replace(QStringLiteral("board-state"),
                                                          QStringLiteral("dispenser-state"))
                  : config.statePath == u"none" ? QString()
                                                : config.statePath;
    m_reporter = std::make_unique<DeviceReporter>(
        m_api,
        DeviceReporter::Identity{
            DeviceReporter::stableId(QStringLiteral("dispenser"), QStringLiteral("dispenser")),
            QSysInfo::machineHostName(), config.branchId, QStringLiteral("dispenser"),
            QCoreApplication::applicationVersion()});
    makePrinter();
}

DispenserController::~DispenserController()
{
    if (m_saveThrottle.isActive())
        saveState();
}

void DispenserController::setQueueTiming(const QueueClient::Timing &timing)
{
    m_queue->setTiming(timing);
}

void DispenserController::setTiming(const Timing &timing)
{
    m_loginRetry.setInterval(timing.loginRetryMs);
    m_issuer->setTiming(timing.issueAttemptMs, timing.issueRetryMs);
}

void DispenserController::start()
{
    restoreState();
    login();
    m_queue->start();
}

// Issuing with a priority needs the kiosk session, and the device report too: without it the
// dispenser says it cannot issue, and tries again.
void DispenserController::login()
{
    auto *job = m_api->login(m_config.username, m_config.password);
    job->then(
        this,
        [this] {
            qCInfo(lcDispenser) << "signed in as" << m_config.username;
            fetchServices();
            m_reporter->report();
            updateCanIssue();
        },
        [this](const Status &status) {
            qCWarning(lcDispenser).noquote() << "kiosk login failed:" << status.toString();
            m_loginRetry.start();
        });
}

void DispenserController::fetchServices()
{
    auto *job = m_api->listServices(true);
    job->then(this, [this, job] {
        m_serviceBranch.clear();
        for (const ServiceInfo &service : job->services())
            m_serviceBranch.insert(service.id, {service.branchId, service.active});
        m_servicesKnown = true;
        rebuildServices();
    });
}

bool DispenserController::isOurs(int serviceId) const
{
    const auto it = m_serviceBranch.constFind(serviceId);
    return it != m_serviceBranch.cend() &&
           (m_config.branchId == 0 || it->first == m_config.branchId);
}

QVariantList DispenserController::shownServiceIds() const
{
    QVariantList ids;
    for (int id : m_config.dispenserServiceIds)
        ids << id;
    return ids;
}

void DispenserController::rebuildServices()
{
    if (!m_hasData || !m_servicesKnown) // keep what the saved state shows meanwhile
        return updateCanIssue();
    QVariantList shown;
    QVariantList all;
    for (const ServiceQueue &service : m_queue->services()) {
        if (!isOurs(service.id) || !m_serviceBranch.value(service.id).second)
            continue;
        const QVariantMap row{
            {QStringLiteral("id"), service.id},
            {QStringLiteral("code"), service.code},
            {QStringLiteral("name"), Wire::inLanguage(service.names, service.name, m_language)},
            {QStringLiteral("waiting"), service.waiting},
            {QStringLiteral("eta"), service.eta}};
        all << row;
        if (m_config.dispenserServiceIds.isEmpty() ||
            m_config.dispenserServiceIds.contains(service.id))
            shown << row;
    }
    if (m_showingSaved) {
        m_showingSaved = false;
        emit savedStateChanged();
    }
    if (shown != m_services || all != m_allServices) {
        m_services = shown;
        m_allServices = all;
        emit servicesChanged();
        if (!m_statePath.isEmpty() && !m_saveThrottle.isActive())
            m_saveThrottle.start();
    }
    updateCanIssue();
}

void DispenserController::updateCanIssue()
{
    const bool can = m_api->isLoggedIn() && !m_queue->isStale() && m_hasData && m_servicesKnown;
    if (can == m_canIssue)
        return;
    m_canIssue = can;
    emit canIssueChanged();
}

void DispenserController::setScreen(const QString &screen)
{
    m_screen = screen;
    emit screenChanged();
}

bool DispenserController::take(int serviceId)
{
    // Only from the start screen: a touch on a shown number must not issue another.
    if (m_screen != u"start" || !m_canIssue || m_issuer->isBusy() || !isOurs(serviceId))
        return false;
    NewToken token;
    token.serviceId = serviceId;
    if (m_assistance)
        token.priority = m_config.priorityClass;
    if (!m_issuer->issue(token))
        return false;
    m_failure.clear();
    setScreen(QStringLiteral("issuing"));
    return true;
}

void DispenserController::chooseAssistance()
{
    if (!m_config.priorityButton)
        return;
    m_assistance = true;
    emit screenChanged();
}

void DispenserController::chooseLanguage(const QString &language)
{
    if (language == m_language || !KioskConfig::supportedLanguages().contains(language))
        return;
    m_language = language;
    emit languageRequested(language);
    emit languageChanged();
    rebuildServices(); // the services' names in the new language
}

void DispenserController::reset()
{
    if (m_issuer->isBusy()) // the answer is on its way: it must be shown
        return;
    m_assistance = false;
    m_failure.clear();
    m_scanResult.clear();
    chooseLanguage(m_config.language);
    setScreen(QStringLiteral("start"));
}

QString DispenserController::statusLink(qint64 tokenId, const QString &secret) const
{
    return QStringLiteral("%1/#t=%2.%3")
        .arg(m_config.serverUrl
                 .adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment |
                           QUrl::RemoveUserInfo)
                 .toString(QUrl::StripTrailingSlash))
        .arg(tokenId)
        .arg(secret);
}

void DispenserController::onIssued(const CreatedToken &token)
{
    const int waitMinutes = token.eta > 0 ? (token.eta + 59) / 60 : 0;
    QString serviceName = token.serviceName;
    for (const QVariant &row : std::as_const(m_services)) {
        if (row.toMap().value(QStringLiteral("id")).toInt() == token.serviceId)
            serviceName = row.toMap().value(QStringLiteral("name")).toString();
    }
    const QString link = statusLink(token.tokenId, token.secret);
    m_ticket = QVariantMap{{QStringLiteral("tokenId"), token.tokenId},
                           {QStringLiteral("number"), token.tokenNumber},
                           {QStringLiteral("service"), serviceName},
                           {QStringLiteral("position"), token.position},
                           {QStringLiteral("waitMinutes"), waitMinutes},
                           {QStringLiteral("priority"), token.priority},
                           {QStringLiteral("qr"), link}};
    m_assistance = false;
    if (m_printer) {
        Ticket ticket;
        ticket.branchName = m_config.branchName;
        ticket.serviceName = serviceName;
        ticket.tokenNumber = token.tokenNumber;
        ticket.issuedAt =
            (token.createdAt.isValid() ? token.createdAt : QDateTime::currentDateTimeUtc())
                .toLocalTime();
        ticket.position = token.position;
        ticket.waitMinutes = waitMinutes;
        ticket.qrPayload = link.toUtf8();
        ticket.message = tr("Thank you! Please wait for your number to be called.");
        ticket.language = m_language;
        ticket.rightToLeft = isRightToLeft();
        m_printState = QStringLiteral("printing");
        *m_lastTicket = ticket;
        m_printer->print(ticket);
    } else {
        m_printState = QStringLiteral("none");
    }
    emit ticketChanged();
    setScreen(QStringLiteral("issued"));
}

void DispenserController::onIssueFailed(const Status &status)
{
    qCWarning(lcDispenser).noquote() << "no token issued:" << status.toString();
    m_failure = status.code == u"service_closed" || status.httpStatus == 404
                    ? QStringLiteral("closed")
                    : QStringLiteral("unavailable");
    setScreen(QStringLiteral("failed"));
}

void DispenserController::onPrinted()
{
    m_printState = QStringLiteral("printed");
    emit ticketChanged();
    m_reporter->setPrinter(QStringLiteral("ok"));
    emit ticketPrinted();
}

void DispenserController::onPrintFailed(const PrintFailure &failure)
{
    qCWarning(lcDispenser).noquote() << "ticket not printed:" << failure.code() << failure.detail;
    m_printState = QStringLiteral("trouble");
    emit ticketChanged();
    m_reporter->setPrinter(reportedState(failure),
                           failure.code() + QStringLiteral(": ") + failure.detail);
    emit ticketFailed();
}

void DispenserController::makePrinter()
{
    m_printer.reset();
    const std::optional<PrinterSettings> settings = PrinterSettings::fromUrl(m_config.printerUrl);
    if (m_config.printerUrl.isEmpty() || !settings) {
        m_reporter->setPrinter(QStringLiteral("none"));
        return;
    }
    m_printer = std::make_unique<TicketPrinter>(*settings);
    connect(m_printer.get(), &TicketPrinter::printed, this, &DispenserController::onPrinted);
    connect(m_printer.get(), &TicketPrinter::failed, this,
            [this](const QString &, const PrintFailure &failure) { onPrintFailed(failure); });
}

bool DispenserController::scan(const QString &text)
{
    if (text.trimmed().isEmpty() || !m_scanner->scan(text))
        return false;
    setScreen(QStringLiteral("scanning"));
    return true;
}

void DispenserController::onScanned(const ScanResult &result)
{
    m_scanResult = QVariantMap{{QStringLiteral("kind"), scanKindName(result.kind)},
                               {QStringLiteral("number"), result.tokenNumber},
                               {QStringLiteral("status"), result.status},
                               {QStringLiteral("position"), result.position},
                               {QStringLiteral("waitMinutes"), (result.etaSeconds + 59) / 60},
                               {QStringLiteral("counter"), result.counterName},
                               {QStringLiteral("opensAt"), result.opensAt.toLocalTime()}};
    setScreen(QStringLiteral("scan"));
}

bool DispenserController::unlock(const QString &pin) const
{
    return !m_config.pin.isEmpty() && pin == m_config.pin;
}

void DispenserController::applyLanguage(const QString &language)
{
    if (!KioskConfig::supportedLanguages().contains(language))
        return;
    m_config.language = language;
    chooseLanguage(language);
    saveConfig();
    emit settingsChanged();
}

bool DispenserController::applySettings(const QString &printerUrl, const QVariantList &serviceIds,
                                        bool priorityButton, int priorityClass, int idleSeconds)
{
    const QString url = printerUrl.trimmed();
    if (!url.isEmpty() && !PrinterSettings::fromUrl(url))
        return false;
    QList<int> ids;
    for (const QVariant &id : serviceIds)
        ids << id.toInt();
    const bool printerChanged = url != m_config.printerUrl;
    m_config.printerUrl = url;
    m_config.dispenserServiceIds = ids;
    m_config.priorityButton = priorityButton;
    m_config.priorityClass = qBound(1, priorityClass, 9);
    m_config.idleSeconds = qBound(5, idleSeconds, 600);
    if (printerChanged)
        makePrinter();
    saveConfig();
    emit settingsChanged();
    rebuildServices();
    return true;
}

void DispenserController::saveConfig()
{
    if (m_config.filePath.isEmpty())
        return;
    QString error;
    if (!m_config.saveSettings(&error))
        qCWarning(lcDispenser).noquote() << "settings not saved:" << error;
}

QString DispenserController::stateScope() const
{
    return QStringLiteral("dispenser %1 branch=%2")
        .arg(m_config.serverUrl.toString(QUrl::RemoveUserInfo))
        .arg(m_config.branchId);
}

void DispenserController::restoreState()
{
    if (m_statePath.isEmpty())
        return;
    QString error;
    const std::optional<BoardState> state = BoardState::load(m_statePath, stateScope(), &error);
    if (!state) {
        qCInfo(lcDispenser).noquote() << "starting without a saved state:" << error;
        return;
    }
    m_allServices = state->services;
    m_services.clear();
    for (const QVariant &row : state->services) {
        const int id = row.toMap().value(QStringLiteral("id")).toInt();
        if (m_config.dispenserServiceIds.isEmpty() || m_config.dispenserServiceIds.contains(id))
            m_services << row;
    }
    m_savedAt = state->savedAt;
    m_showingSaved = true;
    emit servicesChanged();
    emit savedStateChanged();
}

void DispenserController::saveState()
{
    if (m_statePath.isEmpty() || !m_canIssue)
        return;
    BoardState state;
    state.savedAt = QDateTime::currentDateTimeUtc();
    state.scope = stateScope();
    state.services = m_allServices;
    QString error;
    if (!state.save(m_statePath, &error)) {
        qCWarning(lcDispenser).noquote() << "state not saved:" << error;
        return;
    }
    emit stateSaved();
}

} // namespace Nextup::Kiosk
