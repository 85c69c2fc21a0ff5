import QtQuick
import Nextup.Kiosk

// The call being made now: the token number as large as the panel allows, the counter under it.
// A new call (or a recall) flashes the panel three times.
Rectangle {
    id: panel

    required property BoardController controller
    property real unit: 10
    property real flash: 0 // 0..1, driven by the animation below

    radius: unit * 1.6
    Accessible.role: Accessible.Grouping
    Accessible.name: controller.hasCurrent
                     ? qsTr("Now serving: token %1, %2").arg(controller.currentToken).arg(controller.currentCounter)
                     : waitingText.text
    color: Qt.tint(Theme.panelRaised, Qt.rgba(1, 0.82, 0.4, flash * 0.95))
    border.color: Theme.accent
    border.width: Math.max(2, unit * 0.35)
    readonly property color ink: flash > 0.5 ? Theme.inkOnFlash : Theme.text
    readonly property color accentInk: flash > 0.5 ? Theme.inkOnFlash : Theme.accent

    Connections {
        target: panel.controller
        function onCalled() { flashAnimation.restart() }
    }

    SequentialAnimation {
        id: flashAnimation
        loops: 3
        NumberAnimation { target: panel; property: "flash"; to: 1; duration: 260; easing.type: Easing.OutQuad }
        PauseAnimation { duration: 260 }
        NumberAnimation { target: panel; property: "flash"; to: 0; duration: 420; easing.type: Easing.InQuad }
    }

    Text {
        id: heading
        objectName: "tokenHeading"
        anchors { top: parent.top; topMargin: panel.unit * 2; horizontalCenter: parent.horizontalCenter }
        text: qsTr("Token")
        color: panel.accentInk
        font.pixelSize: panel.unit * 3
        font.bold: true
        font.letterSpacing: panel.unit * 0.3
        font.capitalization: Font.AllUppercase
    }

    Text {
        id: number
        objectName: "currentToken"
        visible: panel.controller.hasCurrent
        anchors {
            top: heading.bottom; bottom: counterRow.top
            left: parent.left; right: parent.right
            leftMargin: panel.unit * 3; rightMargin: panel.unit * 3
        }
        text: panel.controller.currentToken
        color: panel.ink
        // As large as the panel allows, shrunk to fit long numbers and narrow (portrait) panels.
        font.pixelSize: Math.max(24, height * 0.92)
        fontSizeMode: Text.Fit
        minimumPixelSize: 24
        font.bold: true
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        // Token numbers are Latin letters and digits in every language.
        LayoutMirroring.enabled: false
    }

    Text {
        id: waitingText
        objectName: "waitingForCall"
        visible: !panel.controller.hasCurrent
        anchors { centerIn: parent; }
        width: parent.width - panel.unit * 6
        text: panel.controller.hasData || panel.controller.showingSaved
              ? qsTr("Please wait for your number to be called") : qsTr("Connecting to the queue…")
        color: Theme.muted
        font.pixelSize: panel.unit * 4
        wrapMode: Text.WordWrap
        horizontalAlignment: Text.AlignHCenter
    }

    Row {
        id: counterRow
        visible: panel.controller.hasCurrent
        anchors { bottom: parent.bottom; bottomMargin: panel.unit * 2.5; horizontalCenter: parent.horizontalCenter }
        spacing: panel.unit * 2 // LayoutMirroring puts the arrow first in Arabic too

        Text { // an arrow that points the way the text reads
            Accessible.ignored: true // decoration: the panel's name says where to go
            anchors.verticalCenter: parent.verticalCenter
            text: LayoutMirroring.enabled ? "\u2190" : "\u2192"
            color: panel.accentInk
            font.pixelSize: panel.unit * 6
            font.bold: true
        }
        Text {
            objectName: "currentCounter"
            anchors.verticalCenter: parent.verticalCenter
            text: panel.controller.currentCounter
            color: panel.accentInk
            font.pixelSize: panel.unit * 7
            font.bold: true
        }
    }
}
