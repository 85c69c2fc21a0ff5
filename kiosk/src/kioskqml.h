#pragma once

class QQmlEngine;

namespace Nextup::Kiosk {

// Where the Nextup.Kiosk module's files live in the resources (RESOURCE_PREFIX of
// kiosk/CMakeLists.txt), and the import path that finds them. The app and the tests load the
// board and the dispenser through the same calls; prepareEngine also registers image://qr.
constexpr auto BoardQmlUrl = "qrc:/qt/qml/Nextup/Kiosk/Board.qml";
constexpr auto MainQmlUrl = "qrc:/qt/qml/Nextup/Kiosk/Main.qml";
constexpr auto DispenserQmlUrl = "qrc:/qt/qml/Nextup/Kiosk/Dispenser.qml";
constexpr auto DispenserMainQmlUrl = "qrc:/qt/qml/Nextup/Kiosk/DispenserMain.qml";
void prepareEngine(QQmlEngine &engine);

} // namespace Nextup::Kiosk
