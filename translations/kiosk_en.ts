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
</TS>
