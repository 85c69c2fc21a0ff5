#include "app/consolesettings.h"

namespace Nextup::Console {

namespace {
const QString kServer = QStringLiteral("server/url");
const QString kLastUser = QStringLiteral("signin/last_username");
const QString kRemembered = QStringLiteral("signin/remembered_username");
const QString kLanguage = QStringLiteral("ui/language");
} // namespace

ConsoleSettings::ConsoleSettings() = default;

ConsoleSettings::ConsoleSettings(const QString &iniFile)
    : m_settings(iniFile, QSettings::IniFormat)
{
}

QUrl ConsoleSettings::serverUrl() const
{
    const QUrl url(m_settings.value(kServer).toString());
    return url.isValid() && !url.isEmpty() ? url : defaultServerUrl();
}

void ConsoleSettings::setServerUrl(const QUrl &url)
{
    m_settings.setValue(kServer, url.toString());
}

QString ConsoleSettings::lastUsername() const
{
    return m_settings.value(kLastUser).toString();
}

void ConsoleSettings::setLastUsername(const QString &username)
{
    m_settings.setValue(kLastUser, username);
}

QString ConsoleSettings::rememberedUsername() const
{
    return m_settings.value(kRemembered).toString();
}

void ConsoleSettings::setRememberedUsername(const QString &username)
{
    if (username.isEmpty())
        m_settings.remove(kRemembered);
    else
        m_settings.setValue(kRemembered, username);
}

QString ConsoleSettings::serverKey(const QUrl &server)
{
    // "127.0.0.1:8080" → "127.0.0.1_8080": QSettings treats '/' and '\' as group separators.
    QString key = server.host() + u'_' + QString::number(server.port(80));
    key.replace(u'/', u'_').replace(u'\\', u'_');
    return key;
}

int ConsoleSettings::counterId(const QUrl &server) const
{
    return m_settings.value(QStringLiteral("counter/") + serverKey(server), 0).toInt();
}

void ConsoleSettings::setCounterId(const QUrl &server, int counterId)
{
    m_settings.setValue(QStringLiteral("counter/") + serverKey(server), counterId);
}

QString ConsoleSettings::language() const
{
    return m_settings.value(kLanguage).toString();
}

void ConsoleSettings::setLanguage(const QString &code)
{
    m_settings.setValue(kLanguage, code);
}

} // namespace Nextup::Console
