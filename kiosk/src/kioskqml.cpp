#include "kioskqml.h"

#include <QQmlEngine>

namespace Nextup::Kiosk {

void prepareEngine(QQmlEngine &engine)
{
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
}

} // namespace Nextup::Kiosk
