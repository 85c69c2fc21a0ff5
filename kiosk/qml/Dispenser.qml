import QtQuick
import Nextup.Kiosk

// The ticket dispenser's touch screen: the branch's services as large buttons, an assistance
// button, the language switch; after a touch the number, its place and wait and the ticket's QR;
// the result of a scanned receipt; "ask staff" whenever no ticket can be issued or printed. A
// scanner types into it without a visible field (keys are collected until Enter). Everything
// returns to the start screen after the idle time.
Rectangle {
    id: root

    required property DispenserController controller
    readonly property real unit: Math.min(width, height) / 100
    readonly property string screen: controller.screen

    function touched() { idle.restart() }

    objectName: "dispenser"
    color: Theme.background
    LayoutMirroring.enabled: controller.rightToLeft
    LayoutMirroring.childrenInherit: true
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("Ticket dispenser")

    onScreenChanged: { idle.restart(); scanCatcher.forceActiveFocus() }

    Timer {
        id: idle
        interval: root.controller.idleSeconds * 1000
        running: root.screen !== "start" || root.controller.assistance
        onTriggered: { settings.close(); root.controller.reset() }
    }

    // The scanner: a keyboard that types the receipt's code and Enter. No visible field has the
    // focus, so nobody sees (or edits) a half-typed code.
    Item {
        id: scanCatcher
        objectName: "scanCatcher"
        property string buffer: ""
        focus: true
        Keys.onPressed: (event) => {
            if (event.key === Qt.Key_Return || event.key === Qt.Key_Enter) {
                if (buffer.length > 0)
                    root.controller.scan(buffer)
                buffer = ""
                event.accepted = true
            } else if (event.text.length > 0 && event.text.charCodeAt(0) >= 32) {
                buffer += event.text
                if (buffer.length > 512) // not a scanner: something leaning on a key
                    buffer = ""
                event.accepted = true
            }
        }
    }

    // Header: branch (hold three seconds for the settings), clock, languages.
    Rectangle {
        id: header
        anchors { left: parent.left; right: parent.right; top: parent.top }
        height: root.unit * 12
        color: Theme.panel

        Text {
            id: branch
            objectName: "branchName"
            anchors { left: parent.left; leftMargin: root.unit * 3; verticalCenter: parent.verticalCenter }
            width: parent.width - languages.width - root.unit * 9
            text: root.controller.branchName || qsTr("Welcome")
            color: Theme.text
            font.pixelSize: root.unit * 4.2
            font.bold: true
            elide: Text.ElideRight
            horizontalAlignment: Text.AlignLeft
        }
        MouseArea {
            objectName: "settingsHold"
            anchors.fill: branch
            enabled: !root.controller.settingsLocked
            pressAndHoldInterval: 3000
            onPressAndHold: settings.open()
            Accessible.role: Accessible.Button
            Accessible.name: qsTr("Settings")
            Accessible.description: qsTr("Hold the branch name for three seconds to open the settings.")
            Accessible.onPressAction: settings.open()
        }
        Row {
            id: languages
            anchors { right: parent.right; rightMargin: root.unit * 3; verticalCenter: parent.verticalCenter }
            spacing: root.unit
            Repeater {
                model: [["en", "English"], ["es", "Español"], ["ar", "العربية"]]
                delegate: Key {
                    required property var modelData
                    objectName: "language_" + modelData[0]
                    unit: root.unit
                    width: root.unit * 15
                    height: root.unit * 7
                    fontSize: root.unit * 2.6
                    text: modelData[1]
                    checkable: true
                    selected: root.controller.language === modelData[0]
                    onTouched: root.touched()
                    onClicked: root.controller.chooseLanguage(modelData[0])
                }
            }
        }
    }

    // The start screen: services, or why there are none.
    Item {
        id: start
        objectName: "startScreen"
        visible: root.screen === "start"
        anchors { left: parent.left; right: parent.right; top: header.bottom; bottom: parent.bottom; margins: root.unit * 4 }

        Column {
            id: offer
            objectName: "serviceOffer"
            visible: root.controller.canIssue
            width: parent.width
            spacing: root.unit * 2.5

            Text {
                objectName: "startTitle"
                width: parent.width
                text: root.controller.assistance ? qsTr("Assistance: choose your service")
                                                 : qsTr("Please choose a service")
                color: Theme.text
                font.pixelSize: root.unit * 5
                font.bold: true
                wrapMode: Text.WordWrap
                horizontalAlignment: Text.AlignHCenter
            }
            Repeater {
                model: root.controller.services
                delegate: Rectangle {
                    id: serviceKey
                    required property var modelData
                    readonly property string waitText: qsTr("%1 waiting · about %2").arg(modelData.waiting)
                                                           .arg(Theme.etaText(modelData.eta, modelData.waiting))
                    objectName: "service_" + modelData.code
                    width: offer.width
                    height: root.unit * 16
                    radius: root.unit * 1.5
                    color: Theme.panelRaised
                    border.color: activeFocus ? Theme.flash : (root.controller.assistance ? Theme.flash : Theme.accent)
                    border.width: Math.max(2, root.unit * 0.4)
                    activeFocusOnTab: true
                    function activate() { root.touched(); root.controller.take(modelData.id) }
                    Keys.onReturnPressed: activate()
                    Keys.onSpacePressed: activate()
                    Accessible.role: Accessible.Button
                    Accessible.name: qsTr("%1, letter %2: %3").arg(modelData.name).arg(modelData.code).arg(waitText)
                    Accessible.onPressAction: activate()

                    Rectangle {
                        id: letter
                        anchors { left: parent.left; leftMargin: root.unit * 2; verticalCenter: parent.verticalCenter }
                        width: root.unit * 12; height: width; radius: root.unit
                        color: Theme.accent
                        Text {
                            anchors.centerIn: parent
                            text: serviceKey.modelData.code
                            color: Theme.inkOnAccent
                            font.pixelSize: root.unit * 7
                            font.bold: true
                        }
                    }
                    Column {
                        anchors { left: letter.right; leftMargin: root.unit * 3; right: parent.right; rightMargin: root.unit * 2; verticalCenter: parent.verticalCenter }
                        spacing: root.unit
                        Text {
                            width: parent.width
                            text: serviceKey.modelData.name
                            color: Theme.text
                            font.pixelSize: root.unit * 5
                            font.bold: true
                            elide: Text.ElideRight
                            horizontalAlignment: Text.AlignLeft
                        }
                        Text {
                            objectName: "serviceWait_" + serviceKey.modelData.code
                            width: parent.width
                            text: serviceKey.waitText
                            color: Theme.muted
                            font.pixelSize: root.unit * 3.4
                            elide: Text.ElideRight
                            horizontalAlignment: Text.AlignLeft
                        }
                    }
                    MouseArea { anchors.fill: parent; onClicked: serviceKey.activate() }
                }
            }
            Key {
                objectName: "priorityButton"
                visible: root.controller.priorityButton && !root.controller.assistance
                unit: root.unit
                width: parent.width
                height: root.unit * 11
                fontSize: root.unit * 4
                fill: Theme.panel
                text: qsTr("Assistance / priority")
                accessibleDescription: qsTr("For customers who need help or cannot wait standing; then choose the service.")
                onTouched: root.touched()
                onClicked: root.controller.chooseAssistance()
            }
            Text {
                width: parent.width
                text: qsTr("Have an appointment? Hold the code on your booking under the scanner.")
                color: Theme.muted
                font.pixelSize: root.unit * 3.2
                wrapMode: Text.WordWrap
                horizontalAlignment: Text.AlignHCenter
            }
        }

        Column {
            objectName: "unavailablePanel"
            visible: !root.controller.canIssue
            width: parent.width
            spacing: root.unit * 3
            Text {
                objectName: "unavailableText"
                width: parent.width
                text: qsTr("Tickets are unavailable, please ask staff")
                color: Theme.warning
                font.pixelSize: root.unit * 6
                font.bold: true
                wrapMode: Text.WordWrap
                horizontalAlignment: Text.AlignHCenter
                Accessible.role: Accessible.Alert
                Accessible.name: text
            }
            Text {
                objectName: "savedMark"
                visible: root.controller.showingSaved
                width: parent.width
                text: qsTr("Last updated %1").arg(Theme.latinDigits(root.controller.savedAt.toLocaleString(Qt.locale(root.controller.language), "d MMM HH:mm")))
                color: Theme.muted
                font.pixelSize: root.unit * 3.2
                horizontalAlignment: Text.AlignHCenter
            }
            Repeater { // the last known lines, for information only
                model: root.controller.showingSaved ? root.controller.services : []
                delegate: Text {
                    required property var modelData
                    objectName: "savedService_" + modelData.code
                    width: parent.width
                    text: qsTr("%1 (%2): %3 waiting").arg(modelData.name).arg(modelData.code).arg(modelData.waiting)
                    color: Theme.muted
                    font.pixelSize: root.unit * 3.6
                    elide: Text.ElideRight
                    horizontalAlignment: Text.AlignHCenter
                }
            }
        }
    }

    // Every other screen: a message, maybe the ticket, and Done.
    Column {
        id: result
        objectName: "resultScreen"
        visible: root.screen !== "start"
        anchors { left: parent.left; right: parent.right; top: header.bottom; margins: root.unit * 5 }
        spacing: root.unit * 3

        readonly property var ticket: root.controller.ticket
        readonly property var scan: root.controller.scanResult

        Text { // issuing, scanning
            objectName: "waitText"
            visible: root.screen === "issuing" || root.screen === "scanning"
            width: parent.width
            text: root.screen === "issuing" ? qsTr("Your ticket is on its way…") : qsTr("Checking your code…")
            color: Theme.text
            font.pixelSize: root.unit * 5
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
        }

        Column { // issued
            objectName: "issuedPanel"
            visible: root.screen === "issued"
            width: parent.width
            spacing: root.unit * 2
            Text {
                width: parent.width
                text: qsTr("Your number")
                color: Theme.muted
                font.pixelSize: root.unit * 4
                horizontalAlignment: Text.AlignHCenter
            }
            Text {
                objectName: "issuedNumber"
                width: parent.width
                text: result.ticket.number || ""
                color: Theme.accent
                font.pixelSize: root.unit * 20
                font.bold: true
                horizontalAlignment: Text.AlignHCenter
                Accessible.role: Accessible.StaticText
                Accessible.name: qsTr("Your number is %1").arg(text)
            }
            Text {
                objectName: "issuedService"
                width: parent.width
                text: result.ticket.service || ""
                color: Theme.text
                font.pixelSize: root.unit * 4.4
                horizontalAlignment: Text.AlignHCenter
                elide: Text.ElideRight
            }
            Text {
                objectName: "issuedPlace"
                width: parent.width
                text: result.ticket.position > 0
                      ? qsTr("Position %1 · wait about %2 min").arg(result.ticket.position).arg(Math.max(1, result.ticket.waitMinutes))
                      : ""
                color: Theme.text
                font.pixelSize: root.unit * 4
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
            }
            Text {
                objectName: "printMessage"
                width: parent.width
                text: root.controller.printState === "trouble"
                      ? qsTr("The ticket could not be printed. Please photograph this code and ask staff.")
                      : root.controller.printState === "printing" ? qsTr("Printing your ticket…")
                      : root.controller.printState === "printed" ? qsTr("Please take your ticket.")
                      : qsTr("Photograph this code to follow your turn on your phone.")
                color: root.controller.printState === "trouble" ? Theme.warning : Theme.text
                font.pixelSize: root.unit * 3.8
                font.bold: root.controller.printState === "trouble"
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
                Accessible.role: root.controller.printState === "trouble" ? Accessible.Alert : Accessible.StaticText
                Accessible.name: text
            }
            Rectangle {
                anchors.horizontalCenter: parent.horizontalCenter
                width: root.unit * 34; height: width
                color: "white"
                Image {
                    objectName: "qrImage"
                    anchors.fill: parent
                    anchors.margins: root.unit
                    fillMode: Image.PreserveAspectFit
                    smooth: false
                    sourceSize.width: width
                    source: result.ticket.qr ? "image://qr/" + encodeURIComponent(result.ticket.qr) : ""
                    Accessible.role: Accessible.Graphic
                    Accessible.name: qsTr("QR code of your ticket")
                }
            }
        }

        Text { // failed, scan
            objectName: "messageText"
            visible: root.screen === "failed" || root.screen === "scan"
            width: parent.width
            text: {
                const s = result.scan
                if (root.screen === "failed")
                    return root.controller.failure === "closed"
                            ? qsTr("This service is not taking tickets now. Please ask staff.")
                            : qsTr("Tickets are unavailable, please ask staff")
                switch (s.kind) {
                case "checkedIn": return qsTr("Welcome! %1 is checked in: position %2, about %3 min.")
                                         .arg(s.number).arg(s.position).arg(Math.max(1, s.waitMinutes))
                case "status":
                    if (s.status === "waiting")
                        return qsTr("%1 is waiting: position %2, about %3 min.").arg(s.number).arg(s.position).arg(Math.max(1, s.waitMinutes))
                    if (s.status === "called" || s.status === "serving")
                        return qsTr("%1 is being called at %2.").arg(s.number).arg(s.counter)
                    return qsTr("%1 has already been served or cancelled.").arg(s.number)
                case "foreign": return qsTr("This ticket is for another branch. Please ask staff.")
                case "expired": return qsTr("The check-in time for this appointment has passed. Please ask staff.")
                case "tooEarly": return qsTr("Too early: check-in opens at %1.")
                                        .arg(Theme.latinDigits(s.opensAt.toLocaleTimeString(Qt.locale(root.controller.language), "HH:mm")))
                case "numberOnly": return qsTr("Please scan the QR code on your booking, or ask staff.")
                case "unavailable": return qsTr("Tickets are unavailable, please ask staff")
                default: return qsTr("This code is not known here. Please ask staff.")
                }
            }
            color: root.screen === "scan" && (result.scan.kind === "checkedIn" || result.scan.kind === "status")
                   ? Theme.text : Theme.warning
            font.pixelSize: root.unit * 5
            font.bold: true
            wrapMode: Text.WordWrap
            horizontalAlignment: Text.AlignHCenter
            Accessible.role: Accessible.Alert
            Accessible.name: text
        }

        Key {
            objectName: "doneButton"
            visible: root.screen !== "issuing" && root.screen !== "scanning"
            anchors.horizontalCenter: parent.horizontalCenter
            unit: root.unit
            width: root.unit * 40
            height: root.unit * 10
            fontSize: root.unit * 4
            text: qsTr("Done")
            onTouched: root.touched()
            onClicked: root.controller.reset()
        }
    }

    SettingsPanel {
        id: settings
        anchors.fill: parent
        unit: root.unit
        controller: root.controller
        announcements: false
        onVisibleChanged: if (!visible) scanCatcher.forceActiveFocus()

        DispenserOptions {
            unit: root.unit
            controller: root.controller
            onTouched: settings.touched()
        }
    }
}
