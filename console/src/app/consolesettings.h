#pragma once

#include <QSettings>
#include <QString>
#include <QUrl>

namespace Nextup::Console {

// What this machine remembers between starts (QSettings, never a secret): the server address,
// the last user, whether that user asked to be remembered (the refresh token itself is in the
// system keychain), the counter chosen per server, and the language override.
class ConsoleSettings
{
public:
    // Default: the application's QSettings (organisation "Nextup", application
    // "nextup-console"). Tests pass a file of their own.
    ConsoleSettings();
    explicit ConsoleSettings(const QString &iniFile);
    Q_DISABLE_COPY_MOVE(ConsoleSettings)

    QUrl serverUrl() const;
    void setServerUrl(const QUrl &url);
    QString lastUsername() const;
    void setLastUsername(const QString &username);

    // The user whose refresh token is in the keychain for serverUrl(), or empty.
    QString rememberedUsername() const;
    void setRememberedUsername(const QString &username);

    // 0: none chosen yet. Counters are per server: ids mean nothing on another one.
    int counterId(const QUrl &server) const;
    void setCounterId(const QUrl &server, int counterId);

    // "" follows the system; otherwise a language code such as "es" or "ar".
    QString language() const;
    void setLanguage(const QString &code);

    QString fileName() const { return m_settings.fileName(); }
    void sync() { m_settings.sync(); }

    static QUrl defaultServerUrl() { return QUrl(QStringLiteral("http://127.0.0.1:8080")); }

private:
    static QString serverKey(const QUrl &server);

    QSettings m_settings;
};

} // namespace Nextup::Console
