import QtQuick
import Nextup.Kiosk

// The "Now Serving" board. Landscape: the current call large on the start side, the earlier calls
// in a column on the end side, the services under the current call. Portrait: the same blocks
// stacked. Arabic mirrors the whole layout (LayoutMirroring) and the text reads right-to-left.
Rectangle {
    id: board

    required property BoardController controller
    readonly property bool portrait: height > width
    // One percent of the shorter side: every size on the board is a multiple of it.
    readonly property real unit: Math.min(width, height) / 100
    readonly property real gap: unit * 2

    color: Theme.background
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("Now Serving board")
    LayoutMirroring.enabled: controller.rightToLeft
    LayoutMirroring.childrenInherit: true

    BoardHeader {
        id: header
        objectName: "header"
        anchors { top: parent.top; left: parent.left; right: parent.right }
        height: board.unit * (board.portrait ? 9 : 11)
        unit: board.unit
        controller: board.controller
        onSettingsRequested: settings.open()
    }

    Item {
        id: content
        anchors {
            top: header.bottom; bottom: caption.top; left: parent.left; right: parent.right
            margins: board.gap
        }

        NowServing {
            id: nowServing
            objectName: "nowServingPanel"
            anchors.top: parent.top
            anchors.left: parent.left
            width: board.portrait ? parent.width : (parent.width - board.gap) * 0.6
            height: board.portrait ? parent.height * 0.36 : (parent.height - board.gap) * 0.6
            unit: board.unit
            controller: board.controller
        }

        RecentCalls {
            id: recent
            objectName: "recentPanel"
            anchors.top: board.portrait ? nowServing.bottom : parent.top
            anchors.topMargin: board.portrait ? board.gap : 0
            anchors.right: parent.right
            anchors.bottom: board.portrait ? undefined : parent.bottom
            width: board.portrait ? parent.width : parent.width - nowServing.width - board.gap
            height: board.portrait ? parent.height * 0.3 : undefined
            unit: board.unit
            controller: board.controller
        }

        ServiceList {
            id: services
            objectName: "servicesPanel"
            anchors.top: board.portrait ? recent.bottom : nowServing.bottom
            anchors.topMargin: board.gap
            anchors.left: parent.left
            anchors.bottom: parent.bottom
            width: nowServing.width
            unit: board.unit
            controller: board.controller
        }
    }

    CaptionBar {
        id: caption
        objectName: "captionBar"
        anchors { bottom: parent.bottom; left: parent.left; right: parent.right }
        height: board.unit * (board.portrait ? 8 : 9)
        unit: board.unit
        controller: board.controller
    }

    SettingsPanel {
        id: settings
        anchors.fill: parent
        unit: board.unit
        controller: board.controller
    }
}
