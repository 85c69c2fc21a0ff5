<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AnnouncementText</name>
    <message>
        <location filename="../kiosk/src/announcementtext.cpp" line="28"/>
        <source>counter %1</source>
        <extracomment>Spoken and shown before a counter&apos;s letter or number: &quot;counter B&quot;.</extracomment>
        <translation>counter %1</translation>
    </message>
    <message>
        <location filename="../kiosk/src/announcementtext.cpp" line="37"/>
        <location filename="../kiosk/src/announcementtext.cpp" line="43"/>
        <source>Token %1, %2</source>
        <extracomment>The announcement: %1 is the token number (spelled &quot;D 0 0 7&quot;), %2 the counter (&quot;counter B&quot;).</extracomment>
        <translation>Token %1, %2</translation>
    </message>
</context>
<context>
    <name>Board</name>
    <message>
        <location filename="../kiosk/qml/Board.qml" line="18"/>
        <source>Now Serving board</source>
        <translation>Now Serving board</translation>
    </message>
</context>
<context>
    <name>BoardHeader</name>
    <message>
        <location filename="../kiosk/qml/BoardHeader.qml" line="43"/>
        <source>Welcome</source>
        <translation>Welcome</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/BoardHeader.qml" line="52"/>
        <source>Now serving</source>
        <translation>Now serving</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/BoardHeader.qml" line="68"/>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/BoardHeader.qml" line="69"/>
        <source>Hold the branch name for three seconds to open the settings.</source>
        <translation>Hold the branch name for three seconds to open the settings.</translation>
    </message>
</context>
<context>
    <name>CaptionBar</name>
    <message>
        <location filename="../kiosk/qml/CaptionBar.qml" line="27"/>
        <source>Please have your token ready and watch this screen for your number.</source>
        <translation>Please have your token ready and watch this screen for your number.</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../kiosk/qml/Main.qml" line="17"/>
        <source>Now Serving</source>
        <translation>Now Serving</translation>
    </message>
</context>
<context>
    <name>NowServing</name>
    <message>
        <location filename="../kiosk/qml/NowServing.qml" line="16"/>
        <source>Now serving: token %1, %2</source>
        <translation>Now serving: token %1, %2</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/NowServing.qml" line="41"/>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/NowServing.qml" line="78"/>
        <source>Please wait for your number to be called</source>
        <translation>Please wait for your number to be called</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/NowServing.qml" line="78"/>
        <source>Connecting to the queue…</source>
        <translation>Connecting to the queue…</translation>
    </message>
</context>
<context>
    <name>RecentCalls</name>
    <message>
        <location filename="../kiosk/qml/RecentCalls.qml" line="20"/>
        <source>Previous calls</source>
        <translation>Previous calls</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/RecentCalls.qml" line="52"/>
        <source>Token %1, %2</source>
        <translation>Token %1, %2</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/RecentCalls.qml" line="91"/>
        <source>Earlier calls will appear here.</source>
        <translation>Earlier calls will appear here.</translation>
    </message>
</context>
<context>
    <name>ServiceList</name>
    <message>
        <location filename="../kiosk/qml/ServiceList.qml" line="16"/>
        <source>Services</source>
        <translation>Services</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/ServiceList.qml" line="25"/>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/ServiceList.qml" line="32"/>
        <source>Waiting</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/ServiceList.qml" line="39"/>
        <source>Wait</source>
        <translation>Wait</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/ServiceList.qml" line="59"/>
        <source>%1 (%2): %3 waiting, wait %4</source>
        <translation>%1 (%2): %3 waiting, wait %4</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/ServiceList.qml" line="114"/>
        <source>No services to show.</source>
        <translation>No services to show.</translation>
    </message>
</context>
<context>
    <name>SettingsPanel</name>
    <message>
        <location filename="../kiosk/qml/SettingsPanel.qml" line="21"/>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/SettingsPanel.qml" line="84"/>
        <source>Enter the settings PIN</source>
        <translation>Enter the settings PIN</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/SettingsPanel.qml" line="92"/>
        <source>Digits entered: %1</source>
        <translation>Digits entered: %1</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/SettingsPanel.qml" line="107"/>
        <source>Delete the last digit</source>
        <translation>Delete the last digit</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/SettingsPanel.qml" line="108"/>
        <source>Confirm the PIN</source>
        <translation>Confirm the PIN</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/SettingsPanel.qml" line="124"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/SettingsPanel.qml" line="135"/>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/SettingsPanel.qml" line="150"/>
        <source>Announcements</source>
        <translation>Announcements</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/SettingsPanel.qml" line="155"/>
        <source>Voice</source>
        <translation>Voice</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/SettingsPanel.qml" line="163"/>
        <source>Chime</source>
        <translation>Chime</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/SettingsPanel.qml" line="171"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>StatusMarks</name>
    <message>
        <location filename="../kiosk/qml/StatusMarks.qml" line="47"/>
        <source>Reconnecting…</source>
        <translation>Reconnecting…</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/StatusMarks.qml" line="47"/>
        <source>Connecting…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/StatusMarks.qml" line="68"/>
        <source>Last updated %1</source>
        <translation>Last updated %1</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/StatusMarks.qml" line="83"/>
        <source>Voice off</source>
        <translation>Voice off</translation>
    </message>
</context>
<context>
    <name>Theme</name>
    <message>
        <location filename="../kiosk/qml/Theme.qml" line="29"/>
        <source>No wait</source>
        <translation>No wait</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Theme.qml" line="30"/>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
</context>
<context>
    <name>Dispenser</name>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>%1 (%2): %3 waiting</source>
        <translation>%1 (%2): %3 waiting</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>%1 has already been served or cancelled.</source>
        <translation>%1 has already been served or cancelled.</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>%1 is being called at %2.</source>
        <translation>%1 is being called at %2.</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>%1 is waiting: position %2, about %3 min.</source>
        <translation>%1 is waiting: position %2, about %3 min.</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>%1 waiting · about %2</source>
        <translation>%1 waiting · about %2</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>%1, letter %2: %3</source>
        <translation>%1, letter %2: %3</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>Assistance / priority</source>
        <translation>Assistance / priority</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>Assistance: choose your service</source>
        <translation>Assistance: choose your service</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>Checking your code…</source>
        <translation>Checking your code…</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>For customers who need help or cannot wait standing; then choose the service.</source>
        <translation>For customers who need help or cannot wait standing; then choose the service.</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>Have an appointment? Hold the code on your booking under the scanner.</source>
        <translation>Have an appointment? Hold the code on your booking under the scanner.</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>Hold the branch name for three seconds to open the settings.</source>
        <translation>Hold the branch name for three seconds to open the settings.</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>Last updated %1</source>
        <translation>Last updated %1</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>Photograph this code to follow your turn on your phone.</source>
        <translation>Photograph this code to follow your turn on your phone.</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>Please choose a service</source>
        <translation>Please choose a service</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>Please scan the QR code on your booking, or ask staff.</source>
        <translation>Please scan the QR code on your booking, or ask staff.</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>Please take your ticket.</source>
        <translation>Please take your ticket.</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>Position %1 · wait about %2 min</source>
        <translation>Position %1 · wait about %2 min</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>Printing your ticket…</source>
        <translation>Printing your ticket…</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>QR code of your ticket</source>
        <translation>QR code of your ticket</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>The check-in time for this appointment has passed. Please ask staff.</source>
        <translation>The check-in time for this appointment has passed. Please ask staff.</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>The ticket could not be printed. Please photograph this code and ask staff.</source>
        <translation>The ticket could not be printed. Please photograph this code and ask staff.</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>This code is not known here. Please ask staff.</source>
        <translation>This code is not known here. Please ask staff.</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>This service is not taking tickets now. Please ask staff.</source>
        <translation>This service is not taking tickets now. Please ask staff.</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>This ticket is for another branch. Please ask staff.</source>
        <translation>This ticket is for another branch. Please ask staff.</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>Ticket dispenser</source>
        <translation>Ticket dispenser</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>Tickets are unavailable, please ask staff</source>
        <translation>Tickets are unavailable, please ask staff</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>Too early: check-in opens at %1.</source>
        <translation>Too early: check-in opens at %1.</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>Welcome! %1 is checked in: position %2, about %3 min.</source>
        <translation>Welcome! %1 is checked in: position %2, about %3 min.</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>Welcome</source>
        <translation>Welcome</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>Your number is %1</source>
        <translation>Your number is %1</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>Your number</source>
        <translation>Your number</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>Your ticket is on its way…</source>
        <translation>Your ticket is on its way…</translation>
    </message>
</context>
<context>
    <name>DispenserOptions</name>
    <message>
        <location filename="../kiosk/qml/DispenserOptions.qml"/>
        <source>Assistance button</source>
        <translation>Assistance button</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/DispenserOptions.qml"/>
        <source>Back to start after %1 s</source>
        <translation>Back to start after %1 s</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/DispenserOptions.qml"/>
        <source>Higher priority</source>
        <translation>Higher priority</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/DispenserOptions.qml"/>
        <source>Longer idle time</source>
        <translation>Longer idle time</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/DispenserOptions.qml"/>
        <source>Lower priority</source>
        <translation>Lower priority</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/DispenserOptions.qml"/>
        <source>Not a printer address</source>
        <translation>Not a printer address</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/DispenserOptions.qml"/>
        <source>Printer address, e.g. tcp://192.168.1.50:9100?paper=80</source>
        <translation>Printer address, e.g. tcp://192.168.1.50:9100?paper=80</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/DispenserOptions.qml"/>
        <source>Printer</source>
        <translation>Printer</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/DispenserOptions.qml"/>
        <source>Priority %1</source>
        <translation>Priority %1</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/DispenserOptions.qml"/>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/DispenserOptions.qml"/>
        <source>Saved</source>
        <translation>Saved</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/DispenserOptions.qml"/>
        <source>Services offered (none selected: all)</source>
        <translation>Services offered (none selected: all)</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/DispenserOptions.qml"/>
        <source>Shorter idle time</source>
        <translation>Shorter idle time</translation>
    </message>
</context>
<context>
    <name>DispenserMain</name>
    <message>
        <location filename="../kiosk/qml/DispenserMain.qml"/>
        <source>Take a ticket</source>
        <translation>Take a ticket</translation>
    </message>
</context>
<context>
    <name>Nextup::Kiosk::DispenserController</name>
    <message>
        <location filename="../kiosk/src/dispensercontroller.cpp"/>
        <source>Thank you! Please wait for your number to be called.</source>
        <translation>Thank you! Please wait for your number to be called.</translation>
    </message>
</context>
<context>
    <name>TicketText</name>
    <message>
        <location filename="../kiosk/printing/tickettext.cpp"/>
        <source>Position in line: %1</source>
        <translation>Position in line: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../kiosk/printing/tickettext.cpp"/>
        <source>Estimated wait: %n min</source>
        <translation>
            <numerusform>Estimated wait: %n min</numerusform>
            <numerusform>Estimated wait: %n min</numerusform>
        </translation>
    </message>
</context>
</TS>
