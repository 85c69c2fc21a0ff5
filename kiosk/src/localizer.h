#pragma once

#include <QObject>
#include <QString>
#include <QTranslator>

class QQmlEngine;

namespace Nextup::Kiosk {

// Installs the board's translation (kiosk_<lang>.qm, built from translations/ into :/i18n) and
// re-evaluates every qsTr() of the QML engine when the language changes at run time.
class Localizer : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Localizer)

public:
    explicit Localizer(QObject *parent = nullptr);
    ~Localizer() override;

    void setEngine(QQmlEngine *engine) { m_engine = engine; }
    // False (and English stays) when no translation exists for `language`.
    bool setLanguage(const QString &language);
    QString language() const { return m_language; }

private:
    QQmlEngine *m_engine = nullptr;
    QTranslator m_translator;
    bool m_installed = false;
    QString m_language;
};

} // namespace Nextup::Kiosk
