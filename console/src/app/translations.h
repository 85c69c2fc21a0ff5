#pragma once

#include <QLocale>
#include <QObject>
#include <QStringList>
#include <QTranslator>

namespace Nextup::Console {

// The console's languages: its own catalogue (console_<code>.qm, compiled from translations/ and
// built into the binary) plus Qt's own strings (dialog buttons) where the system has them. Arabic
// switches the whole application to right-to-left.
class Translations : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Translations)

public:
    explicit Translations(QObject *parent = nullptr);
    ~Translations() override;

    // Codes with a catalogue: "en", "es", "ar".
    static QStringList languages();
    // The language's own name ("Español", "العربية").
    static QString nativeName(const QString &code);
    // The catalogue's language for an override ("" = the system's), falling back to English.
    static QString resolve(const QString &override);

    // Installs the catalogue on the application, sets the default QLocale and the layout
    // direction. Returns the code used. Widgets created afterwards are in that language.
    QString apply(const QString &override);
    QString current() const { return m_current; }

signals:
    void languageChanged(const QString &code);

private:
    QTranslator m_console;
    QTranslator m_qt;
    QString m_current;
};

} // namespace Nextup::Console
