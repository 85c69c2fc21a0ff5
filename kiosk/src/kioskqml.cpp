#include "kioskqml.h"

#include <QQmlEngine>

#include "qrimageprovider.h"

namespace Nextup::Kiosk {

void prepareEngine(QQmlEngine &engine)
{
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    engine.addImageProvider(QStringLiteral("qr"), new QrImageProvider); // the engine owns it
}

} // namespace Nextup::Kiosk
