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
<context>
    <name>Dispenser</name>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>%1 (%2): %3 waiting</source>
        <translation>%1 (%2): %3 en espera</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>%1 has already been served or cancelled.</source>
        <translation>%1 ya fue atendido o cancelado.</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>%1 is being called at %2.</source>
        <translation>%1 está siendo llamado en %2.</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>%1 is waiting: position %2, about %3 min.</source>
        <translation>%1 está en espera: posición %2, unos %3 min.</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>%1 waiting · about %2</source>
        <translation>%1 en espera · unos %2</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>%1, letter %2: %3</source>
        <translation>%1, letra %2: %3</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>Assistance / priority</source>
        <translation>Asistencia / prioridad</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>Assistance: choose your service</source>
        <translation>Asistencia: elija su trámite</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>Checking your code…</source>
        <translation>Comprobando su código…</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>Done</source>
        <translation>Listo</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>For customers who need help or cannot wait standing; then choose the service.</source>
        <translation>Para quien necesita ayuda o no puede esperar de pie; después elija el trámite.</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>Have an appointment? Hold the code on your booking under the scanner.</source>
        <translation>¿Tiene cita? Acerque el código de su reserva al lector.</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>Hold the branch name for three seconds to open the settings.</source>
        <translation>Mantenga pulsado el nombre de la oficina tres segundos para abrir los ajustes.</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>Last updated %1</source>
        <translation>Última actualización %1</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>Photograph this code to follow your turn on your phone.</source>
        <translation>Fotografíe este código para seguir su turno en el móvil.</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>Please choose a service</source>
        <translation>Elija un trámite</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>Please scan the QR code on your booking, or ask staff.</source>
        <translation>Escanee el código QR de su reserva o consulte al personal.</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>Please take your ticket.</source>
        <translation>Recoja su ticket.</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>Position %1 · wait about %2 min</source>
        <translation>Posición %1 · espera de unos %2 min</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>Printing your ticket…</source>
        <translation>Imprimiendo su ticket…</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>QR code of your ticket</source>
        <translation>Código QR de su ticket</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>The check-in time for this appointment has passed. Please ask staff.</source>
        <translation>Ya pasó la hora de registro de esta cita. Consulte al personal.</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>The ticket could not be printed. Please photograph this code and ask staff.</source>
        <translation>No se pudo imprimir el ticket. Fotografíe este código y consulte al personal.</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>This code is not known here. Please ask staff.</source>
        <translation>Este código no se reconoce aquí. Consulte al personal.</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>This service is not taking tickets now. Please ask staff.</source>
        <translation>Este trámite no admite turnos ahora. Consulte al personal.</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>This ticket is for another branch. Please ask staff.</source>
        <translation>Este ticket es de otra oficina. Consulte al personal.</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>Ticket dispenser</source>
        <translation>Expendedor de turnos</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>Tickets are unavailable, please ask staff</source>
        <translation>No hay turnos disponibles, consulte al personal</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>Too early: check-in opens at %1.</source>
        <translation>Demasiado pronto: el registro abre a las %1.</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>Welcome! %1 is checked in: position %2, about %3 min.</source>
        <translation>¡Bienvenido! %1 está registrado: posición %2, unos %3 min.</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>Welcome</source>
        <translation>Bienvenido</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>Your number is %1</source>
        <translation>Su número es %1</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>Your number</source>
        <translation>Su número</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>Your ticket is on its way…</source>
        <translation>Su ticket está en camino…</translation>
    </message>
</context>
<context>
    <name>DispenserOptions</name>
    <message>
        <location filename="../kiosk/qml/DispenserOptions.qml"/>
        <source>Assistance button</source>
        <translation>Botón de asistencia</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/DispenserOptions.qml"/>
        <source>Back to start after %1 s</source>
        <translation>Volver al inicio tras %1 s</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/DispenserOptions.qml"/>
        <source>Higher priority</source>
        <translation>Más prioridad</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/DispenserOptions.qml"/>
        <source>Longer idle time</source>
        <translation>Más tiempo de espera</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/DispenserOptions.qml"/>
        <source>Lower priority</source>
        <translation>Menos prioridad</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/DispenserOptions.qml"/>
        <source>Not a printer address</source>
        <translation>No es una dirección de impresora</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/DispenserOptions.qml"/>
        <source>Printer address, e.g. tcp://192.168.1.50:9100?paper=80</source>
        <translation>Dirección de la impresora, p. ej. tcp://192.168.1.50:9100?paper=80</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/DispenserOptions.qml"/>
        <source>Printer</source>
        <translation>Impresora</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/DispenserOptions.qml"/>
        <source>Priority %1</source>
        <translation>Prioridad %1</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/DispenserOptions.qml"/>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/DispenserOptions.qml"/>
        <source>Saved</source>
        <translation>Guardado</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/DispenserOptions.qml"/>
        <source>Services offered (none selected: all)</source>
        <translation>Trámites ofrecidos (ninguno marcado: todos)</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/DispenserOptions.qml"/>
        <source>Shorter idle time</source>
        <translation>Menos tiempo de espera</translation>
    </message>
</context>
<context>
    <name>DispenserMain</name>
    <message>
        <location filename="../kiosk/qml/DispenserMain.qml"/>
        <source>Take a ticket</source>
        <translation>Saque su turno</translation>
    </message>
</context>
<context>
    <name>Nextup::Kiosk::DispenserController</name>
    <message>
        <location filename="../kiosk/src/dispensercontroller.cpp"/>
        <source>Thank you! Please wait for your number to be called.</source>
        <translation>¡Gracias! Espere a que llamen su número.</translation>
    </message>
</context>
<context>
    <name>TicketText</name>
    <message>
        <location filename="../kiosk/printing/tickettext.cpp"/>
        <source>Position in line: %1</source>
        <translation>Posición en la fila: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../kiosk/printing/tickettext.cpp"/>
        <source>Estimated wait: %n min</source>
        <translation>
            <numerusform>Espera estimada: %n min</numerusform>
            <numerusform>Espera estimada: %n min</numerusform>
        </translation>
    </message>
</context>
</TS>
