#pragma once

#include <QSettings>
#include <QString>
#include <QUrl>

namespace Nextup::Console {

// What this machine remembers between starts (QSettings, never a secret): the server address,
// the last user, whether that user asked to be remembered (the refresh token itself is in the
// system keychain), the counter chosen per server, and the language override.
//
// A run may be given its own server and language (nextup-console --server, --language): they win
// over the saved ones, and whatever the run then changes of them stays in memory, so the saved
// settings are exactly as they were when it ends. A remembered sign-in belongs to the saved
// server: under another one it is neither restored nor replaced.
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

    // This run's values (see above). An empty url or code is ignored.
    void overrideServerUrl(const QUrl &url);
    void overrideLanguage(const QString &code);
    bool isServerOverridden() const { return m_serverOverridden; }
    bool isLanguageOverridden() const { return m_languageOverridden; }

    QString fileName() const { return m_settings.fileName(); }
    void sync() { m_settings.sync(); }

    static QUrl defaultServerUrl() { return QUrl(QStringLiteral("http://127.0.0.1:8080")); }
    // "http://host:8080/" and "http://host:8080" are one server: the form without the slash.
    static QUrl normalizedServer(const QUrl &url);

private:
    static QString serverKey(const QUrl &server);
    QUrl savedServerUrl() const;
    // A server override that is not the saved server: the remembered sign-in stays out of it.
    bool rememberedInMemory() const;

    QSettings m_settings;
    bool m_serverOverridden = false;
    bool m_languageOverridden = false;
    QUrl m_server;
    QString m_language;
    QString m_remembered; // the remembered user of this run's other server
};

} // namespace Nextup::Console
