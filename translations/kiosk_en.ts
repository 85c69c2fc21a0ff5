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
    <name>BoardHeader</name>
    <message>
        <location filename="../kiosk/qml/BoardHeader.qml" line="40"/>
        <source>Welcome</source>
        <translation>Welcome</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/BoardHeader.qml" line="49"/>
        <source>Now serving</source>
        <translation>Now serving</translation>
    </message>
</context>
<context>
    <name>CaptionBar</name>
    <message>
        <location filename="../kiosk/qml/CaptionBar.qml" line="25"/>
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
        <location filename="../kiosk/qml/NowServing.qml" line="37"/>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/NowServing.qml" line="72"/>
        <source>Please wait for your number to be called</source>
        <translation>Please wait for your number to be called</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/NowServing.qml" line="73"/>
        <source>Connecting to the queue…</source>
        <translation>Connecting to the queue…</translation>
    </message>
</context>
<context>
    <name>RecentCalls</name>
    <message>
        <location filename="../kiosk/qml/RecentCalls.qml" line="18"/>
        <source>Previous calls</source>
        <translation>Previous calls</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/RecentCalls.qml" line="84"/>
        <source>Earlier calls will appear here.</source>
        <translation>Earlier calls will appear here.</translation>
    </message>
</context>
<context>
    <name>ServiceList</name>
    <message>
        <location filename="../kiosk/qml/ServiceList.qml" line="23"/>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/ServiceList.qml" line="30"/>
        <source>Waiting</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/ServiceList.qml" line="37"/>
        <source>Wait</source>
        <translation>Wait</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/ServiceList.qml" line="107"/>
        <source>No services to show.</source>
        <translation>No services to show.</translation>
    </message>
</context>
<context>
    <name>SettingsPanel</name>
    <message>
        <location filename="../kiosk/qml/SettingsPanel.qml" line="64"/>
        <source>Enter the settings PIN</source>
        <translation>Enter the settings PIN</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/SettingsPanel.qml" line="100"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/SettingsPanel.qml" line="111"/>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/SettingsPanel.qml" line="125"/>
        <source>Announcements</source>
        <translation>Announcements</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/SettingsPanel.qml" line="130"/>
        <source>Voice</source>
        <translation>Voice</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/SettingsPanel.qml" line="137"/>
        <source>Chime</source>
        <translation>Chime</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/SettingsPanel.qml" line="144"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>StatusMarks</name>
    <message>
        <location filename="../kiosk/qml/StatusMarks.qml" line="44"/>
        <source>Reconnecting…</source>
        <translation>Reconnecting…</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/StatusMarks.qml" line="44"/>
        <source>Connecting…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/StatusMarks.qml" line="58"/>
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
