import QtQuick
import Nextup.Kiosk

// The dispenser's own settings inside the PIN panel: printer, services offered, the assistance
// button and its priority, idle time. Edited here, applied (and written to the config file) by Save.
Column {
    id: options

    required property DispenserController controller
    property real unit: 10
    property var shown: controller.shownServiceIds.slice()
    property bool priorityButton: controller.priorityButton
    property int priorityClass: controller.priorityClass
    property int idleSeconds: controller.idleSeconds
    property string status: ""
    signal touched()

    objectName: "dispenserOptions"
    spacing: unit * 1.2

    component Small: Key {
        unit: options.unit
        height: options.unit * 6
        fontSize: options.unit * 2.4
        onTouched: options.touched()
    }

    Text { text: qsTr("Printer"); color: Theme.muted; font.pixelSize: options.unit * 2.6 }
    Rectangle {
        width: options.unit * 56
        height: options.unit * 6
        radius: options.unit * 0.6
        color: Theme.panelRaised
        border.color: printer.activeFocus ? Theme.flash : Theme.line
        TextInput {
            id: printer
            objectName: "printerUrl"
            anchors { fill: parent; margins: options.unit }
            text: options.controller.printerUrl
            color: Theme.text
            font.pixelSize: options.unit * 2.4
            clip: true
            verticalAlignment: TextInput.AlignVCenter
            onTextEdited: options.touched()
            Accessible.role: Accessible.EditableText
            Accessible.name: qsTr("Printer address, e.g. tcp://192.168.1.50:9100?paper=80")
        }
    }
    Text {
        text: qsTr("Services offered (none selected: all)")
        color: Theme.muted
        font.pixelSize: options.unit * 2.6
    }
    Flow {
        width: options.unit * 56
        spacing: options.unit
        Repeater {
            model: options.controller.allServices
            delegate: Small {
                required property var modelData
                objectName: "offer_" + modelData.code
                width: options.unit * 17
                text: modelData.code + " " + modelData.name
                checkable: true
                selected: options.shown.indexOf(modelData.id) >= 0
                onClicked: {
                    const list = options.shown.slice()
                    const at = list.indexOf(modelData.id)
                    if (at >= 0) list.splice(at, 1); else list.push(modelData.id)
                    options.shown = list
                }
            }
        }
    }
    Row {
        spacing: options.unit
        Small {
            objectName: "priorityToggle"
            width: options.unit * 24
            text: qsTr("Assistance button")
            checkable: true
            selected: options.priorityButton
            onClicked: options.priorityButton = !options.priorityButton
        }
        Small {
            width: options.unit * 6
            text: "−"
            accessibleName: qsTr("Lower priority")
            onClicked: options.priorityClass = Math.max(1, options.priorityClass - 1)
        }
        Text {
            objectName: "priorityClass"
            anchors.verticalCenter: parent.verticalCenter
            text: qsTr("Priority %1").arg(options.priorityClass)
            color: Theme.text
            font.pixelSize: options.unit * 2.6
        }
        Small {
            width: options.unit * 6
            text: "+"
            accessibleName: qsTr("Higher priority")
            onClicked: options.priorityClass = Math.min(9, options.priorityClass + 1)
        }
    }
    Row {
        spacing: options.unit
        Small {
            width: options.unit * 6
            text: "−"
            accessibleName: qsTr("Shorter idle time")
            onClicked: options.idleSeconds = Math.max(10, options.idleSeconds - 10)
        }
        Text {
            objectName: "idleSeconds"
            anchors.verticalCenter: parent.verticalCenter
            text: qsTr("Back to start after %1 s").arg(options.idleSeconds)
            color: Theme.text
            font.pixelSize: options.unit * 2.6
        }
        Small {
            width: options.unit * 6
            text: "+"
            accessibleName: qsTr("Longer idle time")
            onClicked: options.idleSeconds = Math.min(600, options.idleSeconds + 10)
        }
    }
    Row {
        spacing: options.unit
        Small {
            objectName: "saveSettings"
            width: options.unit * 20
            text: qsTr("Save")
            onClicked: options.status = options.controller.applySettings(printer.text, options.shown,
                           options.priorityButton, options.priorityClass, options.idleSeconds)
                       ? qsTr("Saved") : qsTr("Not a printer address")
        }
        Text {
            objectName: "settingsStatus"
            anchors.verticalCenter: parent.verticalCenter
            text: options.status
            color: Theme.warning
            font.pixelSize: options.unit * 2.6
        }
    }
}
