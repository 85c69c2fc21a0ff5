import QtQuick
import Nextup.Kiosk
import QtQuick.Window

// The application window: the board, full screen on the lobby TV.
Window {
    id: window

    required property BoardController controller
    property bool fullScreen: true

    width: 1920
    height: 1080
    visible: true
    visibility: fullScreen ? Window.FullScreen : Window.Windowed
    color: Theme.background
    title: qsTr("Now Serving")

    Board {
        anchors.fill: parent
        controller: window.controller
    }
}
