import QtQuick
import Nextup.Kiosk

// Discreet marks: "Reconnecting" while the board may be behind the server (it keeps showing the
// last state meanwhile), "Last updated 10:42" while it shows the state saved on disk before a
// restart (no live data yet), "Voice off" when announcements cannot be spoken.
Row {
    id: marks

    required property BoardController controller
    property real unit: 10

    spacing: unit * 1.2

    component Mark: Rectangle {
        id: mark
        property alias text: label.text
        property color tint: Theme.muted
        Accessible.role: Accessible.StaticText
        Accessible.name: label.text
        height: marks.unit * 3.6
        width: label.implicitWidth + dot.width + marks.unit * 3.4
        radius: height / 2
        color: "transparent"
        border.color: tint
        border.width: Math.max(1, marks.unit * 0.18)

        Rectangle {
            id: dot
            anchors { left: parent.left; leftMargin: marks.unit * 1.2; verticalCenter: parent.verticalCenter }
            width: marks.unit * 1; height: width; radius: width / 2
            color: mark.tint
        }
        Text {
            id: label
            anchors { left: dot.right; leftMargin: marks.unit * 0.8; verticalCenter: parent.verticalCenter }
            color: mark.tint
            font.pixelSize: marks.unit * 1.8
        }
    }

    Mark {
        id: reconnecting
        objectName: "reconnectingMark"
        visible: marks.controller.stale && !marks.controller.showingSaved
        tint: Theme.warning
        text: marks.controller.hasData ? qsTr("Reconnecting…") : qsTr("Connecting…")

        SequentialAnimation on opacity {
            running: reconnecting.visible
            loops: Animation.Infinite
            NumberAnimation { to: 0.65; duration: 900; easing.type: Easing.InOutSine }
            NumberAnimation { to: 1.0; duration: 900; easing.type: Easing.InOutSine }
        }
    }

    Mark {
        id: lastUpdated
        objectName: "lastUpdatedMark"
        visible: marks.controller.showingSaved
        tint: Theme.warning
        // The time the saved state was last live: today's as 10:42, an older one with its date.
        text: {
            const saved = marks.controller.savedAt
            const today = saved.toDateString() === new Date().toDateString()
            const time = saved.toLocaleString(Qt.locale(marks.controller.language),
                                              today ? "HH:mm" : "d MMM HH:mm")
            return qsTr("Last updated %1").arg(Theme.latinDigits(time))
        }

        SequentialAnimation on opacity {
            running: lastUpdated.visible
            loops: Animation.Infinite
            NumberAnimation { to: 0.65; duration: 900; easing.type: Easing.InOutSine }
            NumberAnimation { to: 1.0; duration: 900; easing.type: Easing.InOutSine }
        }
    }

    Mark {
        objectName: "voiceOffMark"
        visible: marks.controller.announcer.voiceOff
        tint: Theme.muted
        text: qsTr("Voice off")
    }
}
