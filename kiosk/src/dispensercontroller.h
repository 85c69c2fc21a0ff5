#pragma once

#include <memory>

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QTimer>
#include <QVariantList>
#include <QtQmlIntegration>

#include "kioskconfig.h"
#include "nextup/client/queueclient.h"
#include "nextup/client/tokentypes.h"
#include "scancheckin.h"

namespace Nextup {
class ApiClient;
class DeviceReporter;
class TicketPrinter;
struct PrintFailure;
struct Ticket;
} // namespace Nextup

namespace Nextup::Kiosk {

class TokenIssuer;

// The ticket dispenser's state for its QML (Dispenser.qml): signed in with a kiosk account and
// bound to a branch, it offers the branch's open services as buttons (live waiting counts and
// waits from QueueClient), issues one token per touch (TokenIssuer), shows it and prints it
// (TicketPrinter), reports the printer to staff (DeviceReporter), checks appointments in by scan
// (ScanCheckIn), and keeps the service list on disk for an offline start (BoardState). It shows
// only what the server issued; while it cannot issue, `canIssue` is false and the screen says so.
class DispenserController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Created by the application")
    Q_DISABLE_COPY_MOVE(DispenserController)
    Q_PROPERTY(QString branchName READ branchName CONSTANT)
    Q_PROPERTY(QString language READ language NOTIFY languageChanged)
    Q_PROPERTY(bool rightToLeft READ isRightToLeft NOTIFY languageChanged)
    Q_PROPERTY(QVariantList services READ services NOTIFY servicesChanged)
    Q_PROPERTY(QVariantList allServices READ allServices NOTIFY servicesChanged)
    Q_PROPERTY(bool canIssue READ canIssue NOTIFY canIssueChanged)
    Q_PROPERTY(bool showingSaved READ isShowingSaved NOTIFY savedStateChanged)
    Q_PROPERTY(QDateTime savedAt READ savedAt NOTIFY savedStateChanged)
    Q_PROPERTY(QString screen READ screen NOTIFY screenChanged)
    Q_PROPERTY(bool assistance READ isAssistance NOTIFY screenChanged)
    Q_PROPERTY(QVariantMap ticket READ ticket NOTIFY ticketChanged)
    Q_PROPERTY(QString printState READ printState NOTIFY ticketChanged)
    Q_PROPERTY(QVariantMap scanResult READ scanResult NOTIFY screenChanged)
    Q_PROPERTY(QString failure READ failure NOTIFY screenChanged)
    Q_PROPERTY(bool settingsLocked READ isSettingsLocked CONSTANT)
    Q_PROPERTY(QString printerUrl READ printerUrl NOTIFY settingsChanged)
    Q_PROPERTY(bool priorityButton READ hasPriorityButton NOTIFY settingsChanged)
    Q_PROPERTY(int priorityClass READ priorityClass NOTIFY settingsChanged)
    Q_PROPERTY(int idleSeconds READ idleSeconds NOTIFY settingsChanged)
    Q_PROPERTY(QVariantList shownServiceIds READ shownServiceIds NOTIFY settingsChanged)

public:
    struct Timing
    {
        int loginRetryMs = 5000;
        int issueAttemptMs = 5000; // per attempt of a touch's request
        int issueRetryMs = 500;
    };

    explicit DispenserController(const KioskConfig &config, QObject *parent = nullptr);
    ~DispenserController() override;

    void setQueueTiming(const QueueClient::Timing &timing);
    void setTiming(const Timing &timing);
    void start();

    QString branchName() const { return m_config.branchName; }
    QString language() const { return m_language; }
    bool isRightToLeft() const { return m_language == u"ar"; }
    QVariantList services() const { return m_services; }
    QVariantList allServices() const { return m_allServices; }
    bool canIssue() const { return m_canIssue; }
    bool isShowingSaved() const { return m_showingSaved; }
    QDateTime savedAt() const { return m_savedAt; }
    QString screen() const { return m_screen; }
    bool isAssistance() const { return m_assistance; }
    QVariantMap ticket() const { return m_ticket; }
    QString printState() const { return m_printState; }
    QVariantMap scanResult() const { return m_scanResult; }
    QString failure() const { return m_failure; }
    bool isSettingsLocked() const { return m_config.pin.isEmpty(); }
    QString printerUrl() const { return m_config.printerUrl; }
    bool hasPriorityButton() const { return m_config.priorityButton; }
    int priorityClass() const { return m_config.priorityClass; }
    int idleSeconds() const { return m_config.idleSeconds; }
    QVariantList shownServiceIds() const;
    const KioskConfig &config() const { return m_config; }
    ApiClient *api() const { return m_api; }
    QueueClient *queueClient() const { return m_queue; }
    DeviceReporter *reporter() const { return m_reporter.get(); }
    TokenIssuer *issuer() const { return m_issuer; }
    QString stateScope() const;
    // The last ticket sent to the printer (what it was asked to print).
    const Ticket &lastTicket() const { return *m_lastTicket; }
    // The QR payload of a token: its live status page with the secret.
    QString statusLink(qint64 tokenId, const QString &secret) const;

    // A touch of a service button (with the assistance priority after chooseAssistance()).
    Q_INVOKABLE bool take(int serviceId);
    Q_INVOKABLE void chooseAssistance();
    // The customer's language for this visit; reset() goes back to the configured one.
    Q_INVOKABLE void chooseLanguage(const QString &language);
    // Back to the start screen (idle, "Done").
    Q_INVOKABLE void reset();
    // What the scanner typed (the QML collects keys until Enter).
    Q_INVOKABLE bool scan(const QString &text);
    Q_INVOKABLE bool unlock(const QString &pin) const;
    // Settings panel: the configured language (saved).
    Q_INVOKABLE void applyLanguage(const QString &language);
    // Settings panel: the rest; false (nothing changed) when the printer URL is not valid.
    Q_INVOKABLE bool applySettings(const QString &printerUrl, const QVariantList &serviceIds,
                                   bool priorityButton, int priorityClass, int idleSeconds);

signals:
    void languageChanged();
    void languageRequested(const QString &language);
    void servicesChanged();
    void canIssueChanged();
    void savedStateChanged();
    void screenChanged();
    void ticketChanged();
    void settingsChanged();
    void stateSaved();
    // A ticket went to the printer and it took it, or it did not (tests wait for these).
    void ticketPrinted();
    void ticketFailed();

private:
    void login();
    void fetchServices();
    void rebuildServices();
    void updateCanIssue();
    void setScreen(const QString &screen);
    void onIssued(const CreatedToken &token);
    void onIssueFailed(const Status &status);
    void onScanned(const ScanResult &result);
    void onPrinted();
    void onPrintFailed(const PrintFailure &failure);
    void makePrinter();
    bool isOurs(int serviceId) const;
    void restoreState();
    void saveState();
    void saveConfig();

    KioskConfig m_config;
    QString m_language;
    ApiClient *m_api;
    QueueClient *m_queue;
    TokenIssuer *m_issuer;
    ScanCheckIn *m_scanner;
    std::unique_ptr<DeviceReporter> m_reporter;
    std::unique_ptr<TicketPrinter> m_printer;
    std::unique_ptr<Ticket> m_lastTicket;
    QHash<int, std::pair<int, bool>> m_serviceBranch; // id -> (branch, active)
    bool m_servicesKnown = false;
    QVariantList m_services;
    QVariantList m_allServices;
    QTimer m_loginRetry;
    QTimer m_saveThrottle;
    QString m_statePath;
    QDateTime m_savedAt;
    QString m_screen = QStringLiteral("start");
    QString m_failure;
    QVariantMap m_ticket;
    QVariantMap m_scanResult;
    QString m_printState = QStringLiteral("none");
    bool m_assistance = false;
    bool m_canIssue = false;
    bool m_hasData = false;
    bool m_showingSaved = false;
};

} // namespace Nextup::Kiosk
