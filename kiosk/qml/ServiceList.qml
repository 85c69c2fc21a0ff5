import QtQuick
import Nextup.Kiosk

// One row per service: its letter, its name, how many are waiting and the estimated wait.
Rectangle {
    id: panel

    required property BoardController controller
    property real unit: 10
    readonly property real rowHeight: Math.min(unit * 9, (height - heading.height - unit * 4)
                                               / Math.max(1, repeater.count))

    radius: unit * 1.6
    color: Theme.panel
    Accessible.role: Accessible.List
    Accessible.name: qsTr("Services")

    Item {
        id: heading
        anchors { top: parent.top; left: parent.left; right: parent.right; margins: panel.unit * 2 }
        height: panel.unit * 3.4

        Text {
            anchors { left: parent.left; verticalCenter: parent.verticalCenter }
            text: qsTr("Service")
            color: Theme.muted
            font.pixelSize: panel.unit * 2.2
            font.bold: true
        }
        Text {
            anchors { right: parent.right; rightMargin: parent.width * 0.22; verticalCenter: parent.verticalCenter }
            text: qsTr("Waiting")
            color: Theme.muted
            font.pixelSize: panel.unit * 2.2
            font.bold: true
        }
        Text {
            anchors { right: parent.right; verticalCenter: parent.verticalCenter }
            text: qsTr("Wait")
            color: Theme.muted
            font.pixelSize: panel.unit * 2.2
            font.bold: true
        }
    }

    Column {
        anchors { top: heading.bottom; topMargin: panel.unit; left: parent.left; right: parent.right; margins: panel.unit * 2 }

        Repeater {
            id: repeater
            model: panel.controller.services

            delegate: Item {
                id: row
                required property var modelData
                width: parent.width
                height: panel.rowHeight
                Accessible.role: Accessible.ListItem
                Accessible.name: qsTr("%1 (%2): %3 waiting, wait %4")
                                 .arg(row.modelData.name).arg(row.modelData.code).arg(row.modelData.waiting)
                                 .arg(etaText.text)

                Rectangle {
                    id: badge
                    anchors { left: parent.left; verticalCenter: parent.verticalCenter }
                    height: row.height * 0.66
                    width: height
                    radius: height * 0.22
                    color: Theme.accent
                    Text {
                        anchors.centerIn: parent
                        text: row.modelData.code
                        color: Theme.inkOnAccent
                        font.pixelSize: parent.height * 0.58
                        font.bold: true
                    }
                }
                Text {
                    anchors {
                        left: badge.right; leftMargin: panel.unit * 1.6
                        right: waiting.left; rightMargin: panel.unit
                        verticalCenter: parent.verticalCenter
                    }
                    text: row.modelData.name
                    color: Theme.text
                    font.pixelSize: Math.min(row.height * 0.42, panel.unit * 3.6)
                    elide: Text.ElideRight
                    horizontalAlignment: Text.AlignLeft
                }
                Text {
                    id: waiting
                    objectName: "waiting_" + row.modelData.code
                    anchors { right: parent.right; rightMargin: parent.width * 0.22; verticalCenter: parent.verticalCenter }
                    text: row.modelData.waiting
                    color: Theme.text
                    font.pixelSize: Math.min(row.height * 0.5, panel.unit * 4.4)
                    font.bold: true
                }
                Text {
                    id: etaText
                    objectName: "eta_" + row.modelData.code
                    anchors { right: parent.right; verticalCenter: parent.verticalCenter }
                    text: Theme.etaText(row.modelData.eta, row.modelData.waiting)
                    color: Theme.accent
                    font.pixelSize: Math.min(row.height * 0.4, panel.unit * 3.4)
                }
            }
        }
    }

    Text {
        visible: repeater.count === 0
        anchors.centerIn: parent
        text: qsTr("No services to show.")
        color: Theme.muted
        font.pixelSize: panel.unit * 2.6
    }
}
