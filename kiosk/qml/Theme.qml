pragma Singleton
import QtQuick

// The board's colours: a calm dark navy with one teal accent. Light text on the navy is about
// 14:1, the accent on it about 9:1, so both read from the back of a lobby.
QtObject {
    readonly property color background: "#0C1726"
    readonly property color panel: "#132338"
    readonly property color panelRaised: "#1A2F4A"
    readonly property color line: "#27415F"
    readonly property color text: "#F3F6FA"
    readonly property color muted: "#A4B7CC"
    readonly property color accent: "#4FD1B8"
    readonly property color inkOnAccent: "#0C1726"
    readonly property color flash: "#FFD166"
    readonly property color inkOnFlash: "#1B1300"
    readonly property color warning: "#F6B26B"

    // Token numbers and counter letters are Latin everywhere, so the clock and date use the same
    // digits in Arabic instead of Arabic-Indic ones.
    function latinDigits(text) {
        return text.replace(/[\u0660-\u0669]/g, c => String.fromCharCode(c.charCodeAt(0) - 0x0660 + 48))
                   .replace(/[\u06F0-\u06F9]/g, c => String.fromCharCode(c.charCodeAt(0) - 0x06F0 + 48))
    }

    // Minutes for a customer, never seconds: a board that counts seconds looks broken.
    function etaText(seconds, waiting) {
        if (waiting <= 0)
            return qsTr("No wait")
        return qsTr("%1 min").arg(Math.max(1, Math.round(seconds / 60)))
    }
}
