import QtQuick
import Nextup.Kiosk

// The calls before the current one, newest first: token number and counter on each row.
Rectangle {
    id: panel

    required property BoardController controller
    property real unit: 10
    readonly property int rows: Math.max(3, Math.min(6, controller.history.capacity))

    radius: unit * 1.6
    color: Theme.panel
    Accessible.role: Accessible.Grouping
    Accessible.name: title.text

    Text {
        id: title
        anchors { top: parent.top; left: parent.left; right: parent.right; margins: panel.unit * 2 }
        text: qsTr("Previous calls")
        color: Theme.muted
        font.pixelSize: panel.unit * 2.6
        font.bold: true
        font.letterSpacing: panel.unit * 0.2
        font.capitalization: Font.AllUppercase
        horizontalAlignment: Text.AlignLeft
    }

    ListView {
        id: list
        objectName: "historyList"
        anchors {
            top: title.bottom; topMargin: panel.unit
            left: parent.left; right: parent.right; bottom: parent.bottom
            leftMargin: panel.unit * 2; rightMargin: panel.unit * 2; bottomMargin: panel.unit
        }
        clip: true
        interactive: false
        Accessible.role: Accessible.List
        Accessible.name: title.text
        model: panel.controller.history
        readonly property real rowHeight: height / panel.rows

        delegate: Item {
            id: row
            required property int index
            required property string tokenNumber
            required property string counterName
            width: ListView.view.width
            height: ListView.view.rowHeight
            Accessible.role: Accessible.ListItem
            Accessible.name: qsTr("Token %1, %2").arg(row.tokenNumber).arg(counterText.text)
            // Fades in once, when created. (ListView's add/displaced transitions stop half way
            // when calls come in quick succession and leave rows faded or out of place.)
            opacity: 0
            NumberAnimation on opacity { to: 1; duration: 400 }

            Rectangle { // separator
                anchors { left: parent.left; right: parent.right; top: parent.top }
                height: Math.max(1, panel.unit * 0.12)
                color: Theme.line
                visible: row.index > 0
            }
            Text {
                objectName: "historyToken_" + row.index
                anchors { left: parent.left; verticalCenter: parent.verticalCenter }
                width: parent.width * 0.45
                text: row.tokenNumber
                color: Theme.text
                font.pixelSize: Math.min(row.height * 0.55, panel.unit * 7)
                font.bold: true
                horizontalAlignment: Text.AlignLeft
            }
            Text {
                id: counterText
                objectName: "historyCounter_" + row.index
                anchors { right: parent.right; verticalCenter: parent.verticalCenter }
                width: parent.width * 0.55
                text: panel.controller.counterLabel(row.counterName, panel.controller.language)
                color: Theme.accent
                font.pixelSize: Math.min(row.height * 0.4, panel.unit * 4.6)
                horizontalAlignment: Text.AlignRight
                elide: Text.ElideRight
            }
        }
    }

    Text {
        visible: list.count === 0
        anchors { top: title.bottom; topMargin: panel.unit * 4; left: parent.left; right: parent.right; margins: panel.unit * 2 }
        text: qsTr("Earlier calls will appear here.")
        color: Theme.muted
        opacity: 0.8
        font.pixelSize: panel.unit * 2.6
        wrapMode: Text.WordWrap
        horizontalAlignment: Text.AlignLeft
    }
}
