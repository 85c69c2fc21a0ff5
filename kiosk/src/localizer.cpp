#include "localizer.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QLocale>
#include <QLoggingCategory>
#include <QQmlEngine>

Q_LOGGING_CATEGORY(lcLocalizer, "nextup.kiosk.i18n")

namespace Nextup::Kiosk {

Localizer::Localizer(QObject *parent) : QObject(parent) {}

Localizer::~Localizer()
{
    if (m_installed)
        QCoreApplication::removeTranslator(&m_translator);
}

bool Localizer::setLanguage(const QString &language)
{
    if (m_installed) {
        QCoreApplication::removeTranslator(&m_translator);
        m_installed = false;
    }
    const QString file = QStringLiteral(":/i18n/kiosk_%1.qm").arg(language);
    const bool loaded = m_translator.load(file);
    if (loaded)
        m_installed = QCoreApplication::installTranslator(&m_translator);
    else
        qCWarning(lcLocalizer) << "no translation" << file;
    m_language = loaded ? language : QStringLiteral("en");
    QLocale::setDefault(QLocale(m_language));
    if (auto *app = qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        app->setLayoutDirection(m_language == u"ar" ? Qt::RightToLeft : Qt::LeftToRight);
    if (m_engine)
        m_engine->retranslate();
    return loaded;
}

} // namespace Nextup::Kiosk
