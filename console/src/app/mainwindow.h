#pragma once

#include <memory>

#include <QMainWindow>
#include <QPointer>

class QActionGroup;
class QLabel;
class QStackedWidget;
class QTabWidget;

namespace Nextup {
class ApiClient;
class QueueClient;
} // namespace Nextup

namespace Nextup::Console {

class AppointmentsPage;
class ConsoleSettings;
class CredentialStore;
class OperatorPage;
class ServerProbe;
class SessionController;
class SignInPage;
class Translations;

// The console's one window: the sign-in page, then the workspace (the operator's counter page, the
// appointments and their check-in, and for admins the admin pages next to them). A language change
// rebuilds the pages in the new language; the session and the live queue carry on underneath.
class MainWindow : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    MainWindow(ConsoleSettings *settings, Translations *translations, CredentialStore *keychain,
               QWidget *parent = nullptr);
    ~MainWindow() override;

    // Signs in by itself when a session is remembered; otherwise shows the sign-in page and checks
    // at once that the server answers. While it does not, the sign-in page says so with a
    // countdown and tries again with a growing wait (ServerProbe), also after a sign-in or a
    // remembered session's restore met silence; once the server answers, a remembered session is
    // restored by itself and otherwise the page says the server is back.
    void start();
    void setLanguage(const QString &override);

    ApiClient *api() const { return m_api; }
    QueueClient *queueClient() const { return m_queue.get(); }
    SessionController *session() const { return m_session; }
    ServerProbe *serverProbe() const { return m_probe; }
    SignInPage *signInPage() const;
    QTabWidget *workspace() const;
    OperatorPage *operatorPage() const;
    AppointmentsPage *appointmentsPage() const;

signals:
    // The workspace is shown (after a sign-in or a restored session).
    void workspaceShown();
    void signInShown();

private:
    void buildMenus();
    void showSignIn(const QString &message, bool error);
    bool beginRestore();
    void updateServerRetry();
    void onServerReachable(int failedAttempts);
    void showWorkspace();
    void rebuildPages();
    void onSignedIn();
    void onSignedOut(const QString &reason);
    void updateTitle();
    void updateConnection();

    ConsoleSettings *m_settings;
    Translations *m_translations;
    CredentialStore *m_keychain;
    ApiClient *m_api = nullptr;
    SessionController *m_session = nullptr;
    ServerProbe *m_probe = nullptr;
    std::unique_ptr<QueueClient> m_queue; // one per session
    QStackedWidget *m_stack = nullptr;
    QPointer<SignInPage> m_signIn;
    QPointer<QTabWidget> m_workspace;
    QPointer<OperatorPage> m_operator;
    QPointer<AppointmentsPage> m_appointments;
    QLabel *m_connection = nullptr;
    bool m_restorePending = false; // a remembered session waits for the server to answer
    bool m_keychainChecked = false;
    bool m_keychainAvailable = true;
    QString m_keychainReason;
};

} // namespace Nextup::Console
