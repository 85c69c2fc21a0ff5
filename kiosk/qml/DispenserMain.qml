import QtQuick
import Nextup.Kiosk
import QtQuick.Window

// The application window of dispenser mode: the touch screen, full screen.
Window {
    id: window

    required property DispenserController controller
    property bool fullScreen: true

    width: 1080
    height: 1920
    visible: true
    visibility: fullScreen ? Window.FullScreen : Window.Windowed
    color: Theme.background
    title: qsTr("Take a ticket")

    Dispenser {
        anchors.fill: parent
        controller: window.controller
    }
}
