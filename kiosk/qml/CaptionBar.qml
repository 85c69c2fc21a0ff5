import QtQuick
import Nextup.Kiosk

// The words of the last announcement, for those who cannot hear it; a calm hint before the first.
Rectangle {
    id: bar

    required property BoardController controller
    property real unit: 10
    readonly property string caption: controller.announcer.caption

    color: Theme.panel
    Accessible.role: Accessible.StaticText
    Accessible.name: captionText.text

    Rectangle {
        anchors { left: parent.left; right: parent.right; top: parent.top }
        height: Math.max(1, bar.unit * 0.15)
        color: Theme.line
    }

    Text {
        id: captionText
        objectName: "captionText"
        anchors { fill: parent; leftMargin: bar.unit * 3; rightMargin: bar.unit * 3 }
        text: bar.caption.length > 0 ? bar.caption
                                     : qsTr("Please have your token ready and watch this screen for your number.")
        color: bar.caption.length > 0 ? Theme.text : Theme.muted
        font.pixelSize: bar.caption.length > 0 ? bar.unit * 3.6 : bar.unit * 2.4
        font.bold: bar.caption.length > 0
        verticalAlignment: Text.AlignVCenter
        horizontalAlignment: Text.AlignHCenter
        elide: Text.ElideRight

        Behavior on text {
            SequentialAnimation {
                NumberAnimation { target: captionText; property: "opacity"; to: 0; duration: 150 }
                PropertyAction {}
                NumberAnimation { target: captionText; property: "opacity"; to: 1; duration: 250 }
            }
        }
    }
}
