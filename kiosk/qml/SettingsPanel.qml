import QtQuick
import Nextup.Kiosk

// On-screen settings behind the PIN of the config file: language, and the board's voice and chime
// or the dispenser's own options (given as children, shown under the language). Opened by holding
// the branch name for three seconds; closes by itself after a minute of no touches.
Rectangle {
    id: root

    // BoardController or DispenserController: unlock(pin), language, applyLanguage(code).
    required property QtObject controller
    // The board's voice and chime switches.
    property bool announcements: true
    default property alias extraOptions: extra.data
    property real unit: 10
    property bool unlocked: false
    property string entered: ""

    function open() { visible = true; unlocked = false; entered = ""; idle.restart() }
    function close() { visible = false; unlocked = false; entered = "" }
    function touched() { idle.restart() }

    objectName: "settingsPanel"
    visible: false
    color: "#E60C1726"
    Accessible.role: Accessible.Dialog
    Accessible.name: qsTr("Settings")

    MouseArea { // swallows touches behind the panel; not a control of its own
        anchors.fill: parent
        onClicked: idle.restart()
        Accessible.ignored: true
    }

    Timer { id: idle; interval: 60000; onTriggered: root.close() }

    // The panel's keys: each touch keeps the panel open for another minute.
    component Button: Key {
        unit: root.unit
        onTouched: idle.restart()
    }

    Rectangle { // a card behind whichever column shows
        readonly property Item content: root.unlocked ? options : pinPad
        anchors.centerIn: parent
        width: content.width + root.unit * 8
        height: content.height + root.unit * 8
        radius: root.unit * 1.6
        color: Theme.panel
        border.color: Theme.accent
        border.width: Math.max(2, root.unit * 0.3)
    }

    Column { // the PIN pad
        id: pinPad
        visible: !root.unlocked
        anchors.centerIn: parent
        spacing: root.unit * 1.5

        Text {
            anchors.horizontalCenter: parent.horizontalCenter
            text: qsTr("Enter the settings PIN")
            color: Theme.text
            font.pixelSize: root.unit * 3.4
        }
        Text {
            anchors.horizontalCenter: parent.horizontalCenter
            text: "\u25CF".repeat(root.entered.length) || " "
            Accessible.role: Accessible.StaticText
            Accessible.name: qsTr("Digits entered: %1").arg(root.entered.length)
            color: Theme.accent
            font.pixelSize: root.unit * 4
        }
        Grid {
            anchors.horizontalCenter: parent.horizontalCenter
            columns: 3
            spacing: root.unit
            LayoutMirroring.enabled: false // keypads read the same in every language
            Repeater {
                model: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "\u2190", "0", "OK"]
                delegate: Button {
                    required property string modelData
                    width: root.unit * 10
                    text: modelData
                    accessibleName: modelData === "\u2190" ? qsTr("Delete the last digit")
                                  : modelData === "OK" ? qsTr("Confirm the PIN") : modelData
                    onClicked: {
                        if (modelData === "\u2190") {
                            root.entered = root.entered.slice(0, -1)
                        } else if (modelData === "OK") {
                            root.unlocked = root.controller.unlock(root.entered)
                            root.entered = ""
                        } else if (root.entered.length < 12) {
                            root.entered += modelData
                        }
                    }
                }
            }
        }
        Button {
            anchors.horizontalCenter: parent.horizontalCenter
            text: qsTr("Cancel")
            onClicked: root.close()
        }
    }

    Column { // the settings themselves
        id: options
        visible: root.unlocked
        anchors.centerIn: parent
        spacing: root.unit * 2

        Text { text: qsTr("Language"); color: Theme.muted; font.pixelSize: root.unit * 3 }
        Row {
            spacing: root.unit
            Repeater {
                model: [["en", "English"], ["es", "Español"], ["ar", "العربية"]]
                delegate: Button {
                    required property var modelData
                    text: modelData[1]
                    checkable: true
                    selected: root.controller.language === modelData[0]
                    onClicked: root.controller.applyLanguage(modelData[0])
                }
            }
        }
        Text {
            visible: root.announcements
            text: qsTr("Announcements"); color: Theme.muted; font.pixelSize: root.unit * 3
        }
        Row {
            visible: root.announcements
            spacing: root.unit
            Button {
                width: root.unit * 24
                text: qsTr("Voice")
                checkable: true
                selected: !!root.controller.voiceEnabled
                onClicked: root.controller.applySettings(root.controller.language, !root.controller.voiceEnabled,
                                                         root.controller.chimeEnabled)
            }
            Button {
                width: root.unit * 24
                text: qsTr("Chime")
                checkable: true
                selected: !!root.controller.chimeEnabled
                onClicked: root.controller.applySettings(root.controller.language, root.controller.voiceEnabled,
                                                         !root.controller.chimeEnabled)
            }
        }
        Column {
            id: extra
            spacing: root.unit * 1.5
        }
        Button {
            text: qsTr("Close")
            onClicked: root.close()
        }
    }
}
