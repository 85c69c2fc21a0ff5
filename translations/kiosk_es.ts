<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>AnnouncementText</name>
    <message>
        <location filename="../kiosk/src/announcementtext.cpp" line="28"/>
        <source>counter %1</source>
        <extracomment>Spoken and shown before a counter&apos;s letter or number: &quot;counter B&quot;.</extracomment>
        <translation>ventanilla %1</translation>
    </message>
    <message>
        <location filename="../kiosk/src/announcementtext.cpp" line="37"/>
        <location filename="../kiosk/src/announcementtext.cpp" line="43"/>
        <source>Token %1, %2</source>
        <extracomment>The announcement: %1 is the token number (spelled &quot;D 0 0 7&quot;), %2 the counter (&quot;counter B&quot;).</extracomment>
        <translation>Turno %1, %2</translation>
    </message>
</context>
<context>
    <name>Board</name>
    <message>
        <location filename="../kiosk/qml/Board.qml" line="18"/>
        <source>Now Serving board</source>
        <translation>Pantalla de turnos</translation>
    </message>
</context>
<context>
    <name>BoardHeader</name>
    <message>
        <location filename="../kiosk/qml/BoardHeader.qml" line="43"/>
        <source>Welcome</source>
        <translation>Bienvenido</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/BoardHeader.qml" line="52"/>
        <source>Now serving</source>
        <translation>Atendiendo ahora</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/BoardHeader.qml" line="68"/>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/BoardHeader.qml" line="69"/>
        <source>Hold the branch name for three seconds to open the settings.</source>
        <translation>Mantenga pulsado el nombre de la sucursal tres segundos para abrir los ajustes.</translation>
    </message>
</context>
<context>
    <name>CaptionBar</name>
    <message>
        <location filename="../kiosk/qml/CaptionBar.qml" line="27"/>
        <source>Please have your token ready and watch this screen for your number.</source>
        <translation>Tenga su turno a mano y esté atento a esta pantalla.</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../kiosk/qml/Main.qml" line="17"/>
        <source>Now Serving</source>
        <translation>Atendiendo ahora</translation>
    </message>
</context>
<context>
    <name>NowServing</name>
    <message>
        <location filename="../kiosk/qml/NowServing.qml" line="16"/>
        <source>Now serving: token %1, %2</source>
        <translation>Atendiendo ahora: turno %1, %2</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/NowServing.qml" line="41"/>
        <source>Token</source>
        <translation>Turno</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/NowServing.qml" line="78"/>
        <source>Please wait for your number to be called</source>
        <translation>Espere a que se llame su número</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/NowServing.qml" line="78"/>
        <source>Connecting to the queue…</source>
        <translation>Conectando con la cola…</translation>
    </message>
</context>
<context>
    <name>RecentCalls</name>
    <message>
        <location filename="../kiosk/qml/RecentCalls.qml" line="20"/>
        <source>Previous calls</source>
        <translation>Llamadas anteriores</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/RecentCalls.qml" line="52"/>
        <source>Token %1, %2</source>
        <translation>Turno %1, %2</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/RecentCalls.qml" line="91"/>
        <source>Earlier calls will appear here.</source>
        <translation>Aquí aparecerán las llamadas anteriores.</translation>
    </message>
</context>
<context>
    <name>ServiceList</name>
    <message>
        <location filename="../kiosk/qml/ServiceList.qml" line="16"/>
        <source>Services</source>
        <translation>Servicios</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/ServiceList.qml" line="25"/>
        <source>Service</source>
        <translation>Servicio</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/ServiceList.qml" line="32"/>
        <source>Waiting</source>
        <translation>En espera</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/ServiceList.qml" line="39"/>
        <source>Wait</source>
        <translation>Espera</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/ServiceList.qml" line="59"/>
        <source>%1 (%2): %3 waiting, wait %4</source>
        <translation>%1 (%2): %3 en espera, espera %4</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/ServiceList.qml" line="114"/>
        <source>No services to show.</source>
        <translation>No hay servicios que mostrar.</translation>
    </message>
</context>
<context>
    <name>SettingsPanel</name>
    <message>
        <location filename="../kiosk/qml/SettingsPanel.qml" line="21"/>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/SettingsPanel.qml" line="84"/>
        <source>Enter the settings PIN</source>
        <translation>Introduzca el PIN de configuración</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/SettingsPanel.qml" line="92"/>
        <source>Digits entered: %1</source>
        <translation>Dígitos introducidos: %1</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/SettingsPanel.qml" line="107"/>
        <source>Delete the last digit</source>
        <translation>Borrar el último dígito</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/SettingsPanel.qml" line="108"/>
        <source>Confirm the PIN</source>
        <translation>Confirmar el PIN</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/SettingsPanel.qml" line="124"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/SettingsPanel.qml" line="135"/>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/SettingsPanel.qml" line="150"/>
        <source>Announcements</source>
        <translation>Avisos</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/SettingsPanel.qml" line="155"/>
        <source>Voice</source>
        <translation>Voz</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/SettingsPanel.qml" line="163"/>
        <source>Chime</source>
        <translation>Timbre</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/SettingsPanel.qml" line="171"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
</context>
<context>
    <name>StatusMarks</name>
    <message>
        <location filename="../kiosk/qml/StatusMarks.qml" line="47"/>
        <source>Reconnecting…</source>
        <translation>Reconectando…</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/StatusMarks.qml" line="47"/>
        <source>Connecting…</source>
        <translation>Conectando…</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/StatusMarks.qml" line="68"/>
        <source>Last updated %1</source>
        <translation>Última actualización: %1</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/StatusMarks.qml" line="83"/>
        <source>Voice off</source>
        <translation>Voz desactivada</translation>
    </message>
</context>
<context>
    <name>Theme</name>
    <message>
        <location filename="../kiosk/qml/Theme.qml" line="29"/>
        <source>No wait</source>
        <translation>Sin espera</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Theme.qml" line="30"/>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
</context>
</TS>
