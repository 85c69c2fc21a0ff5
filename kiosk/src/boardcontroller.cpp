#include "boardcontroller.h"

#include <algorithm>

#include <QLoggingCategory>

#include "announcementtext.h"
#include "announcer.h"
#include "boardstate.h"
#include "nextup/client/apiclient.h"
#include "nextup/client/authjobs.h"
#include "nextup/client/queuejobs.h"
#include "nextup/client/tokentypes.h"

Q_LOGGING_CATEGORY(lcBoard, "nextup.kiosk.board")

namespace Nextup::Kiosk {

namespace {
constexpr int LoginRetryMs = 15'000;
constexpr int SaveThrottleMs = 1000;
constexpr int SaveRefreshMs = 60'000;

// A token event's data is the public token (server README, event reference), which the client
// library already reads.
Call callFromToken(const QJsonObject &json)
{
    const TokenInfo token = TokenInfo::fromJson(json);
    return Call{token.id,          token.tokenNumber, token.serviceId,  token.counterId,
                token.counterName, token.calledAt,    token.recallCount};
}
} // namespace

BoardController::BoardController(const KioskConfig &config, QObject *parent)
    : QObject(parent), m_config(config), m_api(new ApiClient(config.serverUrl, this)),
      m_queue(new QueueClient(m_api, this)),
      m_history(new CallHistoryModel(config.historySize, this)), m_announcer(new Announcer(this))
{
    // "global" receives every event, so the client can notice a missed one and resync; the
    // board filters branch, services and counters itself.
    m_queue->setRooms({Wire::roomName(Wire::RoomKind::Global)});
    m_queue->setAuthenticate(!config.isPublic());
    connect(m_queue, &QueueClient::staleChanged, this, &BoardController::staleChanged);
    connect(m_queue, &QueueClient::eventReceived, this,
            [this](const QString &name, const QJsonObject &data) { onEvent(name, data); });
    connect(m_queue, &QueueClient::resynced, this, &BoardController::onResynced);
    connect(m_queue, &QueueClient::stateChanged, this, &BoardController::rebuildServices);
    m_loginRetry.setSingleShot(true);
    m_loginRetry.setInterval(LoginRetryMs);
    connect(&m_loginRetry, &QTimer::timeout, this, &BoardController::login);
    m_statePath = config.statePath.isEmpty()    ? BoardState::defaultPath()
                  : config.statePath == u"none" ? QString()
                                                : config.statePath;
    m_saveThrottle.setSingleShot(true);
    m_saveThrottle.setInterval(SaveThrottleMs);
    connect(&m_saveThrottle, &QTimer::timeout, this, &BoardController::saveState);
    m_saveRefresh.setInterval(SaveRefreshMs);
    connect(&m_saveRefresh, &QTimer::timeout, this, &BoardController::scheduleSave);
    configureAnnouncer();
}

BoardController::~BoardController()
{
    flushState();
}

void BoardController::setQueueTiming(const QueueClient::Timing &timing)
{
    m_queue->setTiming(timing);
}

void BoardController::start()
{
    restoreState();
    if (!m_config.isPublic())
        login();
    m_queue->start();
}

// The device account is a nicety (the server knows which kiosk is connected); public rooms carry
// everything the board shows, so a failed login only means trying again later.
void BoardController::login()
{
    auto *job = m_api->login(m_config.username, m_config.password);
    job->then(
        this,
        // Public rooms carry everything the board shows: the open socket needs no new auth
        // (nor a resync, which would flash the reconnecting mark); the next connection sends it.
        [this] { qCInfo(lcBoard) << "signed in as" << m_config.username; },
        [this](const Status &status) {
            qCWarning(lcBoard).noquote()
                << "kiosk login failed, showing public rooms meanwhile:" << status.message;
            if (status.httpStatus != 401)
                m_loginRetry.start();
        });
}

bool BoardController::isStale() const
{
    return m_queue->isStale();
}

QString BoardController::currentCounter() const
{
    return m_current.isValid() ? counterLabel(m_current.counterName) : QString();
}

QString BoardController::counterLabel(const QString &counterName, const QString &) const
{
    const QString words = AnnouncementText::counterWords(counterName);
    // Shown as a name: capitalised ("counter B" is how the sentence says it).
    return words.isEmpty() ? words : words.at(0).toUpper() + words.mid(1);
}

bool BoardController::unlock(const QString &pin) const
{
    return !m_config.pin.isEmpty() && pin == m_config.pin;
}

void BoardController::applySettings(const QString &language, bool voice, bool chime)
{
    const bool languageChange =
        language != m_config.language && KioskConfig::supportedLanguages().contains(language);
    if (languageChange)
        m_config.language = language;
    m_config.voice = voice;
    m_config.chime = chime;
    configureAnnouncer();
    if (!m_config.filePath.isEmpty()) {
        QString error;
        if (!m_config.saveSettings(&error))
            qCWarning(lcBoard).noquote() << "settings not saved:" << error;
    }
    emit settingsChanged();
    if (languageChange) {
        emit languageRequested(language);
        emit languageChanged();
        emit currentChanged();
        rebuildServices(); // the services' names in the new language
    }
}

QString BoardController::spokenText(const Call &call) const
{
    return AnnouncementText::spoken(call, m_config.spokenNames.value(call.counterId));
}

void BoardController::configureAnnouncer()
{
    Announcer::Settings settings;
    settings.voice = m_config.voice;
    settings.chime = m_config.chime;
    settings.engine = m_config.speechEngine;
    settings.language = m_config.language;
    m_announcer->configure(settings);
}

bool BoardController::showsService(int serviceId) const
{
    if (!m_config.serviceIds.isEmpty() && !m_config.serviceIds.contains(serviceId))
        return false;
    // Until GET /api/services has told which branch a service belongs to, show it.
    return m_config.branchId == 0 || !m_serviceBranch.contains(serviceId) ||
           m_serviceBranch.value(serviceId) == m_config.branchId;
}

bool BoardController::shows(const Call &call) const
{
    if (!call.isValid() || call.tokenNumber.isEmpty())
        return false;
    if (!m_config.counterIds.isEmpty() && !m_config.counterIds.contains(call.counterId))
        return false;
    if (m_config.branchId != 0) {
        const auto counter = m_queue->counter(call.counterId);
        if (counter && counter->branchId != m_config.branchId)
            return false;
    }
    return showsService(call.serviceId);
}

void BoardController::onEvent(const QString &name, const QJsonObject &data)
{
    const std::optional<Wire::EventType> type = Wire::fromString<Wire::EventType>(name);
    if (type != Wire::EventType::TokenCalled && type != Wire::EventType::TokenRecalled)
        return;
    const Call call = callFromToken(data);
    if (shows(call))
        makeCurrent(call, true);
}

void BoardController::makeCurrent(const Call &call, bool announce)
{
    if (m_current.isValid() && m_current.tokenId != call.tokenId)
        m_history->push(m_current);
    m_history->remove(call.tokenId);
    m_current = call;
    emit currentChanged();
    scheduleSave();
    if (!announce)
        return;
    ++m_callSerial;
    emit called();
    const QString override = m_config.spokenNames.value(call.counterId);
    m_announcer->announce(AnnouncementText::spoken(call, override),
                          AnnouncementText::caption(call, override));
}

// After a reconnect the snapshot may hold calls the board never heard of (made while it was
// away): show them, without a voice announcing something that happened minutes ago.
void BoardController::onResynced()
{
    QSet<qint64> known;
    if (m_current.isValid())
        known.insert(m_current.tokenId);
    for (const Call &call : m_history->calls())
        known.insert(call.tokenId);
    for (const CounterInfo &counter : m_queue->counters()) {
        if (!counter.currentToken || known.contains(counter.currentToken->id))
            continue;
        Call call;
        call.tokenId = counter.currentToken->id;
        call.tokenNumber = counter.currentToken->tokenNumber;
        call.serviceId = counter.currentToken->serviceId;
        call.counterId = counter.id;
        call.counterName = counter.name;
        if (shows(call))
            makeCurrent(call, false);
    }
    if (m_config.branchId != 0)
        fetchServiceBranches();
    if (!m_hasData) {
        m_hasData = true;
        emit hasDataChanged();
        m_saveRefresh.start();
    }
    rebuildServices();
    if (m_showingSaved) {
        m_showingSaved = false;
        emit savedStateChanged();
    }
    scheduleSave();
}

void BoardController::fetchServiceBranches()
{
    auto *job = m_api->listServices();
    job->then(this, [this, job] {
        m_serviceBranch.clear();
        for (const ServiceInfo &service : job->services())
            m_serviceBranch.insert(service.id, service.branchId);
        rebuildServices();
    });
}

void BoardController::rebuildServices()
{
    if (!m_hasData) // the client has nothing yet: keep what the saved state shows
        return;
    QVariantList services;
    for (const ServiceQueue &service : m_queue->services()) {
        if (!showsService(service.id))
            continue;
        services.append(
            QVariantMap{{QStringLiteral("id"), service.id},
                        {QStringLiteral("code"), service.code},
                        {QStringLiteral("name"),
                         Wire::inLanguage(service.names, service.name, m_config.language)},
                        {QStringLiteral("waiting"), service.waiting},
                        {QStringLiteral("eta"), service.eta}});
    }
    if (services == m_services)
        return;
    m_services = services;
    emit servicesChanged();
    scheduleSave();
}

// The server and the filters: a state saved for another board is not this board's.
QString BoardController::stateScope() const
{
    auto ids = [](const QList<int> &list) {
        QStringList out;
        for (int id : list)
            out << QString::number(id);
        return out.join(u',');
    };
    return QStringLiteral("%1 branch=%2 services=%3 counters=%4")
        .arg(m_config.serverUrl.toString(QUrl::RemoveUserInfo))
        .arg(m_config.branchId)
        .arg(ids(m_config.serviceIds), ids(m_config.counterIds));
}

void BoardController::restoreState()
{
    if (m_statePath.isEmpty() || m_hasData)
        return;
    QString error;
    const std::optional<BoardState> state = BoardState::load(m_statePath, stateScope(), &error);
    if (!state) {
        qCInfo(lcBoard).noquote() << "starting without a saved state:" << error;
        return;
    }
    qCInfo(lcBoard).noquote() << "showing the state saved at"
                              << state->savedAt.toLocalTime().toString(Qt::ISODate)
                              << "until the server answers";
    m_history->clear();
    // Oldest first: each push puts the call on top.
    std::for_each(state->history.crbegin(), state->history.crend(), [this](const Call &call) {
        if (shows(call))
            m_history->push(call);
    });
    m_current = shows(state->current) ? state->current : Call{};
    m_services = state->services;
    m_savedAt = state->savedAt;
    m_showingSaved = true;
    emit currentChanged();
    emit servicesChanged();
    emit savedStateChanged();
}

// Only a live board writes: what a stale board shows is already on disk, with its time.
void BoardController::scheduleSave()
{
    if (m_statePath.isEmpty() || !m_hasData || m_saveThrottle.isActive())
        return;
    m_saveThrottle.start();
}

void BoardController::flushState()
{
    if (m_saveThrottle.isActive()) {
        m_saveThrottle.stop();
        saveState();
    }
}

void BoardController::saveState()
{
    if (m_statePath.isEmpty() || !m_hasData || isStale())
        return;
    BoardState state;
    state.savedAt = QDateTime::currentDateTimeUtc();
    state.scope = stateScope();
    state.current = m_current;
    state.history = m_history->calls();
    state.services = m_services;
    QString error;
    if (!state.save(m_statePath, &error)) {
        qCWarning(lcBoard).noquote() << "state not saved:" << error;
        return;
    }
    emit stateSaved();
}

} // namespace Nextup::Kiosk
