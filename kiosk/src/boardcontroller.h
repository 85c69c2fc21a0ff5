#pragma once

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QTimer>
#include <QVariantList>
#include <QtQmlIntegration>

#include "callhistorymodel.h"
#include "kioskconfig.h"
#include "nextup/client/queueclient.h"

namespace Nextup {
class ApiClient;
}

namespace Nextup::Kiosk {

class Announcer;

// Everything the board shows, as properties for QML: the current call, the calls before it,
// waiting counts and ETAs per service, and whether the picture may be behind the server. It owns
// the client (ApiClient + QueueClient in public room "global", logged in as the kiosk device
// account when one is configured) and the Announcer. The board never goes blank: a lost server
// only raises `stale` while the last state stays on screen, and that state is also kept on disk
// (BoardState, at most once a second while live) so that a board started during an outage shows
// it at once, as `showingSaved` with its `savedAt` time, until the first live snapshot. Only a
// board with nothing saved says it is connecting.
class BoardController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Created by the application")
    Q_DISABLE_COPY_MOVE(BoardController)
    Q_PROPERTY(QString branchName READ branchName CONSTANT)
    Q_PROPERTY(bool stale READ isStale NOTIFY staleChanged)
    Q_PROPERTY(bool hasData READ hasData NOTIFY hasDataChanged)
    Q_PROPERTY(bool showingSaved READ isShowingSaved NOTIFY savedStateChanged)
    Q_PROPERTY(QDateTime savedAt READ savedAt NOTIFY savedStateChanged)
    Q_PROPERTY(bool hasCurrent READ hasCurrent NOTIFY currentChanged)
    Q_PROPERTY(QString currentToken READ currentToken NOTIFY currentChanged)
    Q_PROPERTY(QString currentCounter READ currentCounter NOTIFY currentChanged)
    Q_PROPERTY(int callSerial READ callSerial NOTIFY called)
    Q_PROPERTY(Nextup::Kiosk::CallHistoryModel *history READ history CONSTANT)
    Q_PROPERTY(QVariantList services READ services NOTIFY servicesChanged)
    Q_PROPERTY(Nextup::Kiosk::Announcer *announcer READ announcer CONSTANT)
    Q_PROPERTY(QString language READ language NOTIFY languageChanged)
    Q_PROPERTY(bool rightToLeft READ isRightToLeft NOTIFY languageChanged)
    Q_PROPERTY(bool settingsLocked READ isSettingsLocked NOTIFY settingsChanged)
    Q_PROPERTY(bool voiceEnabled READ isVoiceEnabled NOTIFY settingsChanged)
    Q_PROPERTY(bool chimeEnabled READ isChimeEnabled NOTIFY settingsChanged)

public:
    explicit BoardController(const KioskConfig &config, QObject *parent = nullptr);
    ~BoardController() override;

    // Tests shorten the reconnect backoff; call before start().
    void setQueueTiming(const QueueClient::Timing &timing);
    void start();

    QString branchName() const { return m_config.branchName; }
    bool isStale() const;
    // Live data arrived (the first snapshot after start).
    bool hasData() const { return m_hasData; }
    // The state on screen came from disk and no live data has replaced it yet.
    bool isShowingSaved() const { return m_showingSaved; }
    QDateTime savedAt() const { return m_savedAt; }
    // Where the state is kept; empty when it is not (state file "none").
    QString statePath() const { return m_statePath; }
    // Writes the state now when a throttled save is pending (tests, and the destructor).
    void flushState();
    // The server and filters this board's saved state belongs to (BoardState::scope).
    QString stateScope() const;
    bool hasCurrent() const { return m_current.isValid(); }
    QString currentToken() const { return m_current.tokenNumber; }
    QString currentCounter() const;
    const Call &current() const { return m_current; }
    int callSerial() const { return m_callSerial; }
    CallHistoryModel *history() const { return m_history; }
    QVariantList services() const { return m_services; }
    Announcer *announcer() const { return m_announcer; }
    QString language() const { return m_config.language; }
    bool isRightToLeft() const { return m_config.language == u"ar"; }
    bool isSettingsLocked() const { return m_config.pin.isEmpty(); }
    bool isVoiceEnabled() const { return m_config.voice; }
    bool isChimeEnabled() const { return m_config.chime; }
    const KioskConfig &config() const { return m_config; }
    ApiClient *api() const { return m_api; }
    QueueClient *queueClient() const { return m_queue; }

    // The counter as the board names it ("Counter B", "Ventanilla B", "الشباك B"); `language`
    // only makes QML bindings re-read it after a language change.
    Q_INVOKABLE QString counterLabel(const QString &counterName,
                                     const QString &language = {}) const;
    // The settings panel: true when `pin` opens it.
    Q_INVOKABLE bool unlock(const QString &pin) const;
    // Applies (and saves, when there is a config file) what the panel changed.
    Q_INVOKABLE void applySettings(const QString &language, bool voice, bool chime);
    // The settings panel's language keys (voice and chime stay).
    Q_INVOKABLE void applyLanguage(const QString &language)
    {
        applySettings(language, m_config.voice, m_config.chime);
    }
    // The words of the announcement for the current call (tests, and the caption's source).
    QString spokenText(const Call &call) const;

signals:
    void staleChanged();
    void hasDataChanged();
    void savedStateChanged();
    // The state file was written (tests wait for it).
    void stateSaved();
    void currentChanged();
    // A new call (or a recall) reached the board: QML flashes it.
    void called();
    void servicesChanged();
    void languageChanged();
    // The application loads the translator for it (see Localizer).
    void languageRequested(const QString &language);
    void settingsChanged();

private:
    void login();
    void onEvent(const QString &name, const QJsonObject &data);
    void onResynced();
    void fetchServiceBranches();
    void rebuildServices();
    bool shows(const Call &call) const;
    bool showsService(int serviceId) const;
    void makeCurrent(const Call &call, bool announce);
    void configureAnnouncer();
    void restoreState();
    void scheduleSave();
    void saveState();

    KioskConfig m_config;
    ApiClient *m_api;
    QueueClient *m_queue;
    CallHistoryModel *m_history;
    Announcer *m_announcer;
    Call m_current;
    QVariantList m_services;
    QHash<int, int> m_serviceBranch; // service id -> branch id (GET /api/services)
    QTimer m_loginRetry;
    QString m_statePath;
    QTimer m_saveThrottle; // at most one write a second
    QTimer m_saveRefresh;  // keeps savedAt recent on a quiet but live board
    QDateTime m_savedAt;
    int m_callSerial = 0;
    bool m_hasData = false;
    bool m_showingSaved = false;
};

} // namespace Nextup::Kiosk
