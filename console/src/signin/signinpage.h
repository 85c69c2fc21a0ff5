#pragma once

#include <QUrl>
#include <QWidget>

class QCheckBox;
class QFrame;
class QLabel;
class QLineEdit;
class QPushButton;

namespace Nextup::Console {

// Server address, username, password and "remember me". It only collects and shows: the
// SessionController does the signing in.
class SignInPage : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignInPage)

public:
    explicit SignInPage(QWidget *parent = nullptr);
    ~SignInPage() override;

    void setServer(const QUrl &url);
    void setUsername(const QString &username);
    // Sign-in running: the form is read-only and says what is happening.
    void setBusy(bool busy, const QString &what = {});
    // A failure (red) or a notice (neutral), read out by screen readers; empty clears it.
    void showError(const QString &message);
    void showNotice(const QString &message);
    // No keychain: remember-me is switched off and the reason shown next to it.
    void setKeychainAvailable(bool available, const QString &reason = {});
    // The server does not answer: a panel above the form says so (message, and the technical
    // reason in smaller type) with a "Retry now" button; the form stays usable, so the address
    // can be corrected. An empty message hides it.
    void showServerRetry(const QString &message, const QString &detail = {});
    bool isServerRetryShown() const;
    void focusFirstEmptyField();
    void clearPassword();

signals:
    void signInRequested(const QUrl &server, const QString &username, const QString &password,
                         bool remember);
    // The user ticked "remember me": time to ask whether a keychain exists.
    void rememberChecked();
    // "Retry now" in the server panel.
    void retryRequested();

private:
    void submit();
    void setMessage(const QString &message, bool error);

    QLineEdit *m_server = nullptr;
    QLineEdit *m_username = nullptr;
    QLineEdit *m_password = nullptr;
    QCheckBox *m_remember = nullptr;
    QLabel *m_keychainNote = nullptr;
    QLabel *m_message = nullptr;
    QFrame *m_retryPanel = nullptr;
    QLabel *m_retryMessage = nullptr;
    QLabel *m_retryDetail = nullptr;
    QPushButton *m_retryNow = nullptr;
    QPushButton *m_signIn = nullptr;
    bool m_keychainAvailable = true;
};

} // namespace Nextup::Console
