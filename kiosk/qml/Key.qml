import QtQuick
import Nextup.Kiosk

// A touch key that screen readers and keyboards reach too: named (its text unless told
// otherwise), a button, checkable when it is a toggle, pressed by Return or Space. The settings
// panel and the dispenser share it.
Rectangle {
    id: key

    property alias text: label.text
    property string accessibleName: text
    property string accessibleDescription: ""
    property bool checkable: false
    property bool selected: false
    property real unit: 10
    property real fontSize: unit * 3
    property color fill: selected ? Theme.accent : Theme.panelRaised
    property color ink: selected ? Theme.inkOnAccent : Theme.text
    signal clicked()
    // Every press, before clicked(): the owner restarts its idle timer.
    signal touched()
    function activate() { if (!enabled) return; key.touched(); key.clicked() }

    width: unit * 16
    height: unit * 8
    radius: unit
    color: enabled ? fill : Theme.panel
    opacity: enabled ? 1 : 0.5
    border.color: activeFocus ? Theme.flash : Theme.line
    border.width: activeFocus ? Math.max(2, unit * 0.4) : 1
    activeFocusOnTab: true
    Keys.onReturnPressed: activate()
    Keys.onSpacePressed: activate()
    Accessible.role: Accessible.Button
    Accessible.name: accessibleName
    Accessible.description: accessibleDescription
    Accessible.checkable: checkable
    Accessible.checked: selected
    Accessible.onPressAction: activate()

    Text {
        id: label
        anchors.centerIn: parent
        width: parent.width - key.unit * 2
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.WordWrap
        maximumLineCount: 2
        elide: Text.ElideRight
        color: key.ink
        font.pixelSize: key.fontSize
        font.bold: true
    }
    MouseArea { anchors.fill: parent; onClicked: key.activate() }
}
