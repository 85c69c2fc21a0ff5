#include "app/consolesettings.h"

namespace Nextup::Console {

namespace {
const QString kServer = QStringLiteral("server/url");
const QString kLastUser = QStringLiteral("signin/last_username");
const QString kRemembered = QStringLiteral("signin/remembered_username");
const QString kLanguage = QStringLiteral("ui/language");
} // namespace

ConsoleSettings::ConsoleSettings() = default;

ConsoleSettings::ConsoleSettings(const QString &iniFile) : m_settings(iniFile, QSettings::IniFormat)
{
}

QUrl ConsoleSettings::savedServerUrl() const
{
    const QUrl url(m_settings.value(kServer).toString());
    return url.isValid() && !url.isEmpty() ? url : defaultServerUrl();
}

QUrl ConsoleSettings::serverUrl() const
{
    return m_serverOverridden ? m_server : savedServerUrl();
}

void ConsoleSettings::setServerUrl(const QUrl &url)
{
    if (m_serverOverridden)
        m_server = url;
    else
        m_settings.setValue(kServer, url.toString());
}

void ConsoleSettings::overrideServerUrl(const QUrl &url)
{
    if (url.isEmpty())
        return;
    m_serverOverridden = true;
    m_server = url;
}

void ConsoleSettings::overrideLanguage(const QString &code)
{
    if (code.isEmpty())
        return;
    m_languageOverridden = true;
    m_language = code;
}

QUrl ConsoleSettings::normalizedServer(const QUrl &url)
{
    QUrl normalized = url.adjusted(QUrl::StripTrailingSlash | QUrl::NormalizePathSegments);
    if (normalized.path() == u"/")
        normalized.setPath({}); // StripTrailingSlash keeps a lone "/"
    return normalized;
}

bool ConsoleSettings::rememberedInMemory() const
{
    return m_serverOverridden && normalizedServer(m_server) != normalizedServer(savedServerUrl());
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
    return rememberedInMemory() ? m_remembered : m_settings.value(kRemembered).toString();
}

void ConsoleSettings::setRememberedUsername(const QString &username)
{
    if (rememberedInMemory())
        m_remembered = username;
    else if (username.isEmpty())
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
    return m_languageOverridden ? m_language : m_settings.value(kLanguage).toString();
}

void ConsoleSettings::setLanguage(const QString &code)
{
    if (m_languageOverridden)
        m_language = code;
    else
        m_settings.setValue(kLanguage, code);
}

} // namespace Nextup::Console
