#pragma once

#include <QObject>
#include <QString>
#include <QUrl>

namespace Nextup {
class ApiClient;
struct Status;
} // namespace Nextup

namespace Nextup::Console {

class ConsoleSettings;
class CredentialStore;

// Signing in and out, and "remember me": the refresh token (never the password) goes to the
// system keychain, and again after every rotation, because the server spends the old one on each
// refresh. A later start restores the session from it. Where no keychain exists nothing is
// stored and rememberFailed() says so.
class SessionController : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionController)

public:
    SessionController(ApiClient *api, CredentialStore *keychain, ConsoleSettings *settings,
                      QObject *parent = nullptr);
    ~SessionController() override;

    // Starts restoring the remembered session of the saved server; false when there is none.
    bool restoreRemembered();
    void signIn(const QUrl &server, const QString &username, const QString &password,
                bool remember);
    // Ends the session on the server too, and forgets the remembered one.
    void signOut();
    // Asks the keychain whether it works: keychainChecked() answers.
    void checkKeychain();

    bool isBusy() const { return m_busy; }
    bool isRemembering() const { return m_remember; }
    // The keychain entry's name for a user of a server.
    static QString keyFor(const QUrl &server, const QString &username);

signals:
    void busyChanged(bool busy);
    void signedIn();
    void signInFailed(const QString &message);
    // Comes just before signInFailed() when the server did not answer at all (or only a proxy
    // did, with 502/503/504): worth trying again later, by itself (ServerProbe).
    void serverUnreachable(const Nextup::Status &status);
    // reason is empty when the user signed out; otherwise why the session ended.
    void signedOut(const QString &reason);
    // The keychain refused to store the session: nothing was saved.
    void rememberFailed(const QString &message);
    void keychainChecked(bool available, const QString &message);

private:
    void setBusy(bool busy);
    void onSignedIn(bool remember);
    void onSessionChanged();
    void onSessionExpired(const QString &reason);
    void storeRefreshToken();
    void forgetRemembered();
    bool roleAllowed();
    QString describeFailure(const Status &status) const;

    ApiClient *m_api;
    CredentialStore *m_keychain;
    ConsoleSettings *m_settings;
    QString m_key;         // keychain entry of the current session
    QString m_storedToken; // what the keychain holds for m_key
    bool m_remember = false;
    bool m_writing = false;
    bool m_restoring = false;
    bool m_busy = false;
};

} // namespace Nextup::Console
