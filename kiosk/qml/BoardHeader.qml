import QtQuick
import Nextup.Kiosk

// Branch name on the start side, clock and date on the end side, the status marks between them.
// Holding the branch name for three seconds asks for the settings PIN (when one is configured).
Rectangle {
    id: header

    required property BoardController controller
    property real unit: 10
    property date now: new Date()
    signal settingsRequested()

    color: Theme.panel
    Accessible.role: Accessible.Grouping
    Accessible.name: branchText.text

    Timer {
        interval: 1000
        running: true
        repeat: true
        triggeredOnStart: true
        onTriggered: header.now = new Date()
    }

    Rectangle { // a thin accent line under the header
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
        height: Math.max(2, header.unit * 0.3)
        color: Theme.accent
    }

    Column {
        id: branch
        anchors { left: parent.left; leftMargin: header.unit * 3; verticalCenter: parent.verticalCenter }
        width: parent.width * 0.42
        spacing: header.unit * 0.2

        Text {
            id: branchText
            objectName: "branchName"
            width: parent.width
            text: header.controller.branchName.length > 0 ? header.controller.branchName
                                                          : qsTr("Welcome")
            color: Theme.text
            font.pixelSize: header.unit * 4.2
            font.bold: true
            elide: Text.ElideRight
            horizontalAlignment: Text.AlignLeft
        }
        Text {
            width: parent.width
            text: qsTr("Now serving")
            color: Theme.accent
            font.pixelSize: header.unit * 2.2
            font.letterSpacing: header.unit * 0.15
            font.capitalization: Font.AllUppercase
            horizontalAlignment: Text.AlignLeft
        }
    }

    MouseArea {
        objectName: "settingsHold"
        anchors.fill: branch
        enabled: !header.controller.settingsLocked
        pressAndHoldInterval: 3000
        onPressAndHold: header.settingsRequested()
        Accessible.role: Accessible.Button
        Accessible.name: qsTr("Settings")
        Accessible.description: qsTr("Hold the branch name for three seconds to open the settings.")
        Accessible.onPressAction: header.settingsRequested()
    }

    StatusMarks {
        anchors { right: clock.left; rightMargin: header.unit * 3; verticalCenter: parent.verticalCenter }
        unit: header.unit
        controller: header.controller
    }

    Column {
        id: clock
        anchors { right: parent.right; rightMargin: header.unit * 3; verticalCenter: parent.verticalCenter }
        spacing: header.unit * 0.2

        Text {
            objectName: "clock"
            anchors.right: parent.right
            text: Theme.latinDigits(header.now.toLocaleTimeString(Qt.locale(header.controller.language), "HH:mm"))
            color: Theme.text
            font.pixelSize: header.unit * 4.6
            font.bold: true
        }
        Text {
            objectName: "date"
            anchors.right: parent.right
            text: Theme.latinDigits(header.now.toLocaleDateString(Qt.locale(header.controller.language),
                                                                  "dddd d MMMM yyyy"))
            color: Theme.muted
            font.pixelSize: header.unit * 2.2
        }
    }
}
