#include "app/translations.h"

#include <QApplication>
#include <QLibraryInfo>

namespace Nextup::Console {

Translations::Translations(QObject *parent) : QObject(parent) {}

Translations::~Translations()
{
    QCoreApplication::removeTranslator(&m_console);
    QCoreApplication::removeTranslator(&m_qt);
}

QStringList Translations::languages()
{
    return {QStringLiteral("en"), QStringLiteral("es"), QStringLiteral("ar")};
}

QString Translations::nativeName(const QString &code)
{
    const QLocale locale(code);
    QString name = locale.nativeLanguageName();
    if (!name.isEmpty())
        name[0] = name[0].toUpper(); // "español" → "Español" as a menu entry
    return name.isEmpty() ? code : name;
}

QString Translations::resolve(const QString &override)
{
    const QStringList known = languages();
    if (known.contains(override))
        return override;
    // The system's preferred languages in order; the first one we have wins.
    for (const QString &name : QLocale::system().uiLanguages()) {
        QString code = name.section(u'-', 0, 0).section(u'_', 0, 0).toLower();
        if (known.contains(code))
            return code;
    }
    return QStringLiteral("en");
}

QString Translations::apply(const QString &override)
{
    QString code = resolve(override);
    QCoreApplication::removeTranslator(&m_console);
    QCoreApplication::removeTranslator(&m_qt);
    // English is the source language: its catalogue only exists to keep lupdate's list complete.
    if (m_console.load(QStringLiteral(":/i18n/console_%1.qm").arg(code)))
        QCoreApplication::installTranslator(&m_console);
    if (m_qt.load(QStringLiteral("qtbase_") + code,
                  QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&m_qt);
    const QLocale locale(code);
    QLocale::setDefault(locale);
    QApplication::setLayoutDirection(locale.textDirection());
    const bool changed = code != m_current;
    m_current = code;
    if (changed)
        emit languageChanged(code);
    return code;
}

} // namespace Nextup::Console
