#include "session/sessioncontroller.h"

#include "app/consolesettings.h"
#include "nextup/client/apiclient.h"
#include "nextup/client/authjobs.h"
#include "session/credentialstore.h"
#include "session/serverprobe.h"

namespace Nextup::Console {

SessionController::SessionController(ApiClient *api, CredentialStore *keychain,
                                     ConsoleSettings *settings, QObject *parent)
    : QObject(parent), m_api(api), m_keychain(keychain), m_settings(settings)
{
    connect(m_api, &ApiClient::sessionChanged, this, &SessionController::onSessionChanged);
    connect(m_api, &ApiClient::sessionExpired, this, &SessionController::onSessionExpired);
}

SessionController::~SessionController() = default;

QString SessionController::keyFor(const QUrl &server, const QString &username)
{
    return server.toString(QUrl::RemoveUserInfo | QUrl::StripTrailingSlash) + u' ' + username;
}

void SessionController::setBusy(bool busy)
{
    if (std::exchange(m_busy, busy) != busy)
        emit busyChanged(busy);
}

bool SessionController::restoreRemembered()
{
    const QString username = m_settings->rememberedUsername();
    if (username.isEmpty() || m_busy)
        return false;
    const QUrl server = m_settings->serverUrl();
    m_api->setBaseUrl(server);
    m_key = keyFor(server, username);
    setBusy(true);
    m_keychain->read(m_key, this, [this](const CredentialStore::Result &read) {
        if (!read.ok()) {
            setBusy(false);
            if (read.outcome == CredentialStore::Result::Outcome::NotFound) {
                m_settings->setRememberedUsername({});
                emit signInFailed(tr("The remembered sign-in is gone from the keychain. "
                                     "Please sign in."));
            } else {
                emit signInFailed(tr("The system keychain could not be read (%1). Please sign "
                                     "in.")
                                      .arg(read.message));
            }
            return;
        }
        m_remember = true;
        m_storedToken = read.secret;
        m_restoring = true;
        m_api->setSession({}, read.secret);
        RefreshJob *job = m_api->refresh();
        job->then(
            this,
            [this] {
                m_restoring = false;
                onSignedIn(true);
            },
            [this](const Status &status) {
                m_restoring = false;
                setBusy(false);
                const bool refused = status.httpStatus == 401 || status.httpStatus == 403;
                if (refused) {
                    forgetRemembered();
                    emit signInFailed(tr("The remembered sign-in is no longer valid (%1). "
                                         "Please sign in again.")
                                          .arg(status.message));
                    return;
                }
                // Not the server's "no": keep the keychain entry for the next try.
                m_remember = false;
                m_api->clearSession();
                if (ServerProbe::meansUnreachable(status))
                    emit serverUnreachable(status);
                emit signInFailed(describeFailure(status));
            });
    });
    return true;
}

void SessionController::signIn(const QUrl &server, const QString &username, const QString &password,
                               bool remember)
{
    if (m_busy)
        return;
    m_remember = false;
    m_storedToken.clear();
    m_settings->setServerUrl(server);
    m_settings->setLastUsername(username);
    m_api->setBaseUrl(server);
    m_key = keyFor(server, username);
    setBusy(true);
    LoginJob *job = m_api->login(username, password);
    job->then(
        this, [this, remember] { onSignedIn(remember); },
        [this](const Status &status) {
            setBusy(false);
            if (ServerProbe::meansUnreachable(status))
                emit serverUnreachable(status);
            emit signInFailed(describeFailure(status));
        });
}

bool SessionController::roleAllowed()
{
    const UserInfo user = m_api->user();
    if (user.isManager() || user.hasRole(Wire::Role::Operator))
        return true;
    m_api->logout(); // ends the session on the server; the answer does not matter
    forgetRemembered();
    emit signInFailed(tr("The account \"%1\" (role %2) cannot use the console: it is for "
                         "operators and administrators.")
                          .arg(user.username, user.role));
    return false;
}

void SessionController::onSignedIn(bool remember)
{
    setBusy(false);
    if (!roleAllowed())
        return;
    if (remember) {
        m_remember = true;
        storeRefreshToken();
    } else if (!m_settings->rememberedUsername().isEmpty()) {
        forgetRemembered(); // someone else's, or this user's from before: not wanted now
    }
    emit signedIn();
}

void SessionController::onSessionChanged()
{
    if (m_remember && m_api->isLoggedIn() && !m_restoring)
        storeRefreshToken();
}

void SessionController::storeRefreshToken()
{
    const QString token = m_api->refreshToken();
    if (token.isEmpty() || token == m_storedToken || m_writing)
        return; // a write in flight stores the newest token when it finishes
    m_writing = true;
    const QString key = m_key;
    const QString username = m_api->username();
    m_keychain->write(
        key, token, this, [this, key, token, username](const CredentialStore::Result &result) {
            m_writing = false;
            if (!result.ok()) {
                m_remember = false;
                m_storedToken.clear();
                m_settings->setRememberedUsername({});
                emit rememberFailed(
                    tr("No system keychain is available (%1), so this console cannot remember you. "
                       "Nothing was saved: you will sign in again next time.")
                        .arg(result.message));
                return;
            }
            m_storedToken = token;
            m_settings->setRememberedUsername(username);
            if (m_remember && key == m_key)
                storeRefreshToken(); // rotated meanwhile
        });
}

void SessionController::forgetRemembered()
{
    const QString username = m_settings->rememberedUsername();
    m_remember = false;
    m_storedToken.clear();
    if (username.isEmpty())
        return;
    m_settings->setRememberedUsername({});
    m_keychain->remove(keyFor(m_settings->serverUrl(), username), nullptr, {});
}

void SessionController::signOut()
{
    if (m_api->isLoggedIn())
        m_api->logout();
    forgetRemembered();
    emit signedOut({});
}

void SessionController::onSessionExpired(const QString &reason)
{
    if (m_restoring)
        return; // restoreRemembered() reports it
    forgetRemembered();
    emit signedOut(tr("Your session has ended: %1 Please sign in again.").arg(reason));
}

void SessionController::checkKeychain()
{
    m_keychain->probe(this, [this](const CredentialStore::Result &result) {
        emit keychainChecked(result.ok(), result.message);
    });
}

QString SessionController::describeFailure(const Status &status) const
{
    if (status.code == u"invalid_credentials")
        return tr("Wrong username or password.");
    if (status.code == u"rate_limited")
        return tr("Too many sign-in attempts. Try again in %n second(s).", nullptr,
                  qMax(1, status.retryAfterSeconds));
    if (status.code == Status::NetworkError || status.code == Status::Timeout)
        return tr("Cannot reach the server at %1 (%2).")
            .arg(m_api->baseUrl().toString(), status.message);
    if (status.httpStatus == 403)
        return tr("This account may not sign in: %1").arg(status.message);
    return tr("Sign-in failed: %1").arg(status.message.isEmpty() ? status.code : status.message);
}

} // namespace Nextup::Console
