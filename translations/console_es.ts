<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
    <context>
        <name>Nextup::Console::AdminModels</name>
        <message>
            <source>Yes</source>
            <translation>Sí</translation>
        </message>
        <message>
            <source>No</source>
            <translation>No</translation>
        </message>
        <message>
            <source>Administrator</source>
            <translation>Administrador</translation>
        </message>
        <message>
            <source>Operator</source>
            <translation>Operador</translation>
        </message>
        <message>
            <source>Kiosk</source>
            <translation>Quiosco</translation>
        </message>
        <message>
            <source>Customer</source>
            <translation>Cliente</translation>
        </message>
        <message>
            <source>Branch administrator</source>
            <translation>Administrador de sucursal</translation>
        </message>
    </context>
    <context>
        <name>Nextup::Console::AdminPages</name>
        <message>
            <source>Services</source>
            <translation>Servicios</translation>
        </message>
        <message>
            <source>Counters</source>
            <translation>Ventanillas</translation>
        </message>
        <message>
            <source>Users</source>
            <translation>Usuarios</translation>
        </message>
        <message>
            <source>Booking</source>
            <translation>Citas</translation>
        </message>
        <message>
            <source>History</source>
            <translation>Historial</translation>
        </message>
        <message>
            <source>Statistics</source>
            <translation>Estadísticas</translation>
        </message>
        <message>
            <source>Devices</source>
            <translation>Dispositivos</translation>
        </message>
    </context>
    <context>
        <name>Nextup::Console::AppointmentsModel</name>
        <message>
            <source>Booked</source>
            <translation>Reservada</translation>
        </message>
        <message>
            <source>Late</source>
            <translation>Con retraso</translation>
        </message>
        <message>
            <source>Checked in</source>
            <translation>Registrada</translation>
        </message>
        <message>
            <source>At a counter</source>
            <translation>En ventanilla</translation>
        </message>
        <message>
            <source>Served</source>
            <translation>Atendida</translation>
        </message>
        <message>
            <source>Skipped</source>
            <translation>Omitida</translation>
        </message>
        <message>
            <source>No-show</source>
            <translation>No se presentó</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>Cancelada</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>Hora</translation>
        </message>
        <message>
            <source>Number</source>
            <translation>Número</translation>
        </message>
        <message>
            <source>Service</source>
            <translation>Servicio</translation>
        </message>
        <message>
            <source>Customer</source>
            <translation>Cliente</translation>
        </message>
        <message>
            <source>State</source>
            <translation>Estado</translation>
        </message>
        <message>
            <source>Check-in</source>
            <translation>Registro</translation>
        </message>
    </context>
    <context>
        <name>Nextup::Console::AppointmentsPage</name>
        <message>
            <source>Appointments</source>
            <translation>Citas</translation>
        </message>
        <message>
            <source>Check-in</source>
            <translation>Registro de llegada</translation>
        </message>
        <message>
            <source>Scan a ticket or type its number</source>
            <translation>Escanee un ticket o escriba su número</translation>
        </message>
        <message>
            <source>Scan the ticket's QR code, or type a number such as D501, then Enter</source>
            <translation>Escanee el código QR del ticket o escriba un número como D501 y pulse Intro</translation>
        </message>
        <message>
            <source>&amp;Scan or type:</source>
            <translation>&amp;Escanear o escribir:</translation>
        </message>
        <message>
            <source>Check &amp;in</source>
            <translation>&amp;Registrar</translation>
        </message>
        <message>
            <source>From</source>
            <translation>Desde</translation>
        </message>
        <message>
            <source>To</source>
            <translation>Hasta</translation>
        </message>
        <message>
            <source>&amp;Date:</source>
            <translation>&amp;Fecha:</translation>
        </message>
        <message>
            <source>to</source>
            <translation>a</translation>
        </message>
        <message>
            <source>&amp;Today</source>
            <translation>&amp;Hoy</translation>
        </message>
        <message>
            <source>Service</source>
            <translation>Servicio</translation>
        </message>
        <message>
            <source>All services</source>
            <translation>Todos los servicios</translation>
        </message>
        <message>
            <source>S&amp;ervice:</source>
            <translation>Ser&amp;vicio:</translation>
        </message>
        <message>
            <source>State</source>
            <translation>Estado</translation>
        </message>
        <message>
            <source>All states</source>
            <translation>Todos los estados</translation>
        </message>
        <message>
            <source>Sh&amp;ow:</source>
            <translation>&amp;Mostrar:</translation>
        </message>
        <message>
            <source>Re&amp;fresh</source>
            <translation>&amp;Actualizar</translation>
        </message>
        <message>
            <source>The appointments could not be read: %1</source>
            <translation>No se pudieron leer las citas: %1</translation>
        </message>
        <message>
            <source>Checking in…</source>
            <translation>Registrando…</translation>
        </message>
        <message>
            <source>Check in</source>
            <translation>Registrar</translation>
        </message>
        <message>
            <source>Check in %1</source>
            <translation>Registrar %1</translation>
        </message>
        <message numerus="yes">
            <source>%Ln appointment(s)</source>
            <translation>
                <numerusform>%Ln cita</numerusform>
                <numerusform>%Ln citas</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Nextup::Console::BookingPage</name>
        <message>
            <source>Slots per service</source>
            <translation>Franjas por servicio</translation>
        </message>
        <message>
            <source>Branch</source>
            <translation>Sucursal</translation>
        </message>
        <message>
            <source>&amp;Branch:</source>
            <translation>&amp;Sucursal:</translation>
        </message>
        <message>
            <source> days</source>
            <translation> días</translation>
        </message>
        <message>
            <source> min before</source>
            <translation> min antes</translation>
        </message>
        <message>
            <source> min after</source>
            <translation> min después</translation>
        </message>
        <message>
            <source>Bookable &amp;up to:</source>
            <translation>Reservable &amp;hasta:</translation>
        </message>
        <message>
            <source>Check-in &amp;opens:</source>
            <translation>El registro se &amp;abre:</translation>
        </message>
        <message>
            <source>Check-in &amp;closes:</source>
            <translation>El registro se &amp;cierra:</translation>
        </message>
        <message>
            <source>&amp;Save branch settings</source>
            <translation>&amp;Guardar la sucursal</translation>
        </message>
        <message>
            <source>Opening hours (the branch's own time)</source>
            <translation>Horario (hora local de la sucursal)</translation>
        </message>
        <message>
            <source>Closed dates</source>
            <translation>Días cerrados</translation>
        </message>
        <message>
            <source>Booking and check-in</source>
            <translation>Reservas y registro</translation>
        </message>
        <message>
            <source>Time zone: %1</source>
            <translation>Zona horaria: %1</translation>
        </message>
        <message>
            <source>Some opening hours cannot be read.</source>
            <translation>Algunos horarios no se pueden leer.</translation>
        </message>
        <message>
            <source>Saved.</source>
            <translation>Guardado.</translation>
        </message>
    </context>
    <context>
        <name>Nextup::Console::CheckInDesk</name>
        <message>
            <source>“%1” is neither a ticket's code nor a token number.</source>
            <translation>«%1» no es ni el código de un ticket ni un número de turno.</translation>
        </message>
        <message>
            <source>%1 is checked in: number %2 in line.</source>
            <translation>%1 registrado: es el número %2 de la fila.</translation>
        </message>
        <message>
            <source>%1 is checked in.</source>
            <translation>%1 registrado.</translation>
        </message>
        <message>
            <source>No appointment %1 today.</source>
            <translation>Hoy no hay ninguna cita %1.</translation>
        </message>
        <message>
            <source>Today's appointments could not be read: %1</source>
            <translation>No se pudieron leer las citas de hoy: %1</translation>
        </message>
        <message>
            <source>this appointment</source>
            <translation>esta cita</translation>
        </message>
        <message>
            <source>Outside the check-in window of %1.</source>
            <translation>Fuera del horario de registro de %1.</translation>
        </message>
        <message>
            <source>Too early: %1 can check in from %2 to %3.</source>
            <translation>Demasiado pronto: %1 puede registrarse de %2 a %3.</translation>
        </message>
        <message>
            <source>Too late: check-in for %1 was open from %2 to %3.</source>
            <translation>Demasiado tarde: el registro de %1 estaba abierto de %2 a %3.</translation>
        </message>
        <message>
            <source>This ticket was not found. Is it from this office?</source>
            <translation>No se encontró este ticket. ¿Es de esta oficina?</translation>
        </message>
        <message>
            <source>%1 was not found.</source>
            <translation>No se encontró %1.</translation>
        </message>
        <message>
            <source>Check-in failed: %1</source>
            <translation>Falló el registro: %1</translation>
        </message>
        <message>
            <source>%1 is a walk-in token: there is nothing to check in.</source>
            <translation>%1 es un turno sin cita: no hay nada que registrar.</translation>
        </message>
        <message>
            <source>%1 is already checked in and waiting.</source>
            <translation>%1 ya está registrado y esperando.</translation>
        </message>
        <message>
            <source>%1 is already checked in and at a counter.</source>
            <translation>%1 ya está registrado y en una ventanilla.</translation>
        </message>
        <message>
            <source>%1 was already checked in and called.</source>
            <translation>%1 ya se registró y fue llamado.</translation>
        </message>
        <message>
            <source>%1 missed its check-in window (no-show): book a new time or issue a walk-in token.</source>
            <translation>%1 no se registró a tiempo (no se presentó): reserve otra hora o emita un turno sin cita.</translation>
        </message>
        <message>
            <source>%1 was cancelled.</source>
            <translation>%1 fue cancelado.</translation>
        </message>
        <message>
            <source>%1 cannot be checked in now; try again.</source>
            <translation>%1 no se puede registrar ahora; inténtelo de nuevo.</translation>
        </message>
        <message numerus="yes">
            <source>%Ln appointments are numbered %1 today (in different branches): scan the ticket's code instead.</source>
            <translation>
                <numerusform>Hoy hay %Ln cita con el número %1 (en distintas sucursales): escanee el código del ticket.</numerusform>
                <numerusform>Hoy hay %Ln citas con el número %1 (en distintas sucursales): escanee el código del ticket.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Nextup::Console::ClosedDatesEdit</name>
        <message>
            <source>&amp;Add</source>
            <translation>&amp;Añadir</translation>
        </message>
        <message>
            <source>Remo&amp;ve</source>
            <translation>&amp;Quitar</translation>
        </message>
        <message>
            <source>Closed dates</source>
            <translation>Días cerrados</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Fecha</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Motivo</translation>
        </message>
        <message>
            <source>Date to close</source>
            <translation>Día que se cierra</translation>
        </message>
        <message>
            <source>Why it is closed</source>
            <translation>Por qué se cierra</translation>
        </message>
        <message>
            <source>Reason, e.g. public holiday</source>
            <translation>Motivo, p. ej. festivo</translation>
        </message>
    </context>
    <context>
        <name>Nextup::Console::CommandLine</name>
        <message>
            <source>--server: "%1" is not a server address (%2). Give one such as http://127.0.0.1:8080 or https://queue.example.org.</source>
            <translation>--server: «%1» no es una dirección de servidor (%2). Indique una como http://127.0.0.1:8080 o https://queue.example.org.</translation>
        </message>
        <message>
            <source>--server needs an address, such as http://127.0.0.1:8080.</source>
            <translation>--server necesita una dirección, como http://127.0.0.1:8080.</translation>
        </message>
        <message>
            <source>it must start with http:// or https://</source>
            <translation>debe empezar por http:// o https://</translation>
        </message>
        <message>
            <source>no host</source>
            <translation>falta el nombre del host</translation>
        </message>
        <message>
            <source>user names and passwords do not belong in it</source>
            <translation>no debe contener nombres de usuario ni contraseñas</translation>
        </message>
        <message>
            <source>no query or fragment</source>
            <translation>no puede llevar consulta ni fragmento</translation>
        </message>
        <message>
            <source>Unexpected argument "%1".</source>
            <translation>Argumento inesperado: «%1».</translation>
        </message>
        <message>
            <source>--language: "%1" is not one of the console's languages (%2).</source>
            <translation>--language: «%1» no es uno de los idiomas de la consola (%2).</translation>
        </message>
        <message>
            <source>Usage: nextup-console [options]
The Nextup desktop console for counter staff and administrators.

Options:
  -h, --help          Show this help and exit.
      --version       Show the version and exit.
      --server URL    Use this server for this run instead of the saved one
                      (http:// or https://, e.g. http://127.0.0.1:8080).
      --language LANG Use this language for this run: %1.

Neither option changes the saved settings. Qt's own options (-platform, -style,
-reverse, ...) are accepted too. Exit status: 0, or %2 for a wrong argument.
</source>
            <translation>Uso: nextup-console [opciones]
La consola de escritorio de Nextup para el personal de ventanilla y los
administradores.

Opciones:
  -h, --help          Muestra esta ayuda y termina.
      --version       Muestra la versión y termina.
      --server URL    Usa este servidor en esta ejecución en lugar del guardado
                      (http:// o https://, p. ej. http://127.0.0.1:8080).
      --language LANG Usa este idioma en esta ejecución: %1.

Ninguna de las dos opciones cambia la configuración guardada. También se aceptan
las opciones propias de Qt (-platform, -style, -reverse, ...). Estado de salida:
0, o %2 si un argumento es incorrecto.
</translation>
        </message>
    </context>
    <context>
        <name>Nextup::Console::CounterBar</name>
        <message>
            <source>Counter</source>
            <translation>Ventanilla</translation>
        </message>
        <message>
            <source>Counter status</source>
            <translation>Estado de la ventanilla</translation>
        </message>
        <message>
            <source>&amp;Open counter</source>
            <translation>&amp;Abrir ventanilla</translation>
        </message>
        <message>
            <source>&amp;Pause…</source>
            <translation>&amp;Pausar…</translation>
        </message>
        <message>
            <source>C&amp;lose counter</source>
            <translation>C&amp;errar ventanilla</translation>
        </message>
        <message>
            <source>(no counters)</source>
            <translation>(no hay ventanillas)</translation>
        </message>
        <message>
            <source>Choose your counter.</source>
            <translation>Elija su ventanilla.</translation>
        </message>
        <message>
            <source>Open — you are serving here</source>
            <translation>Abierta — usted atiende aquí</translation>
        </message>
        <message>
            <source>Open — another operator</source>
            <translation>Abierta — otro operador</translation>
        </message>
        <message>
            <source>Paused</source>
            <translation>En pausa</translation>
        </message>
        <message>
            <source>Paused: %1</source>
            <translation>En pausa: %1</translation>
        </message>
        <message>
            <source> (another operator)</source>
            <translation> (otro operador)</translation>
        </message>
        <message>
            <source>Closed</source>
            <translation>Cerrada</translation>
        </message>
        <message>
            <source>&amp;Resume</source>
            <translation>&amp;Reanudar</translation>
        </message>
        <message>
            <source>Cou&amp;nter:</source>
            <translation>Ve&amp;ntanilla:</translation>
        </message>
    </context>
    <context>
        <name>Nextup::Console::CountersModel</name>
        <message>
            <source>Open</source>
            <translation>Abierta</translation>
        </message>
        <message>
            <source>Paused</source>
            <translation>En pausa</translation>
        </message>
        <message>
            <source>Closed</source>
            <translation>Cerrada</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Nombre</translation>
        </message>
        <message>
            <source>Services</source>
            <translation>Servicios</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Estado</translation>
        </message>
    </context>
    <context>
        <name>Nextup::Console::CountersPage</name>
        <message>
            <source>In use</source>
            <translation>En uso</translation>
        </message>
        <message>
            <source>Counters</source>
            <translation>Ventanillas</translation>
        </message>
        <message>
            <source>e.g. Counter D</source>
            <translation>p. ej. Ventanilla D</translation>
        </message>
        <message>
            <source>&amp;Branch:</source>
            <translation>&amp;Sucursal:</translation>
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation>&amp;Nombre:</translation>
        </message>
        <message>
            <source>Services ser&amp;ved:</source>
            <translation>Servicios &amp;atendidos:</translation>
        </message>
        <message>
            <source>Acti&amp;ve:</source>
            <translation>Acti&amp;va:</translation>
        </message>
        <message>
            <source>%1 (inactive)</source>
            <translation>%1 (inactiva)</translation>
        </message>
        <message>
            <source>New counter</source>
            <translation>Nueva ventanilla</translation>
        </message>
        <message>
            <source>Edit counter</source>
            <translation>Editar ventanilla</translation>
        </message>
    </context>
    <context>
        <name>Nextup::Console::CrudPage</name>
        <message>
            <source>&amp;New</source>
            <translation>&amp;Nuevo</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>&amp;Guardar</translation>
        </message>
        <message>
            <source>&amp;Deactivate</source>
            <translation>&amp;Desactivar</translation>
        </message>
        <message>
            <source>Saved.</source>
            <translation>Guardado.</translation>
        </message>
        <message>
            <source>Deactivated.</source>
            <translation>Desactivado.</translation>
        </message>
    </context>
    <context>
        <name>Nextup::Console::CsvExport</name>
        <message>
            <source>Cannot write %1: %2</source>
            <translation>No se puede escribir %1: %2</translation>
        </message>
        <message>
            <source>Export cancelled.</source>
            <translation>Exportación cancelada.</translation>
        </message>
        <message>
            <source>Not connected.</source>
            <translation>Sin conexión.</translation>
        </message>
        <message>
            <source>Reading the history failed: %1</source>
            <translation>No se pudo leer el historial: %1</translation>
        </message>
        <message numerus="yes">
            <source>%Ln token(s) exported.</source>
            <translation>
                <numerusform>%Ln turno exportado.</numerusform>
                <numerusform>%Ln turnos exportados.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Nextup::Console::DirectCallDialog</name>
        <message>
            <source>Call %1 out of turn</source>
            <translation>Llamar a %1 fuera de turno</translation>
        </message>
        <message>
            <source>Call %1 to %2 now, ahead of the tokens before it in line? Say why: the reason is kept in the token's history.</source>
            <translation>¿Llamar ahora a %1 a %2, antes que los turnos que van delante? Indique el motivo: se guarda en el historial del turno.</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Motivo</translation>
        </message>
        <message>
            <source>e.g. returning customer, documents checked</source>
            <translation>p. ej. cliente que vuelve, documentos ya revisados</translation>
        </message>
        <message>
            <source>&amp;Reason:</source>
            <translation>&amp;Motivo:</translation>
        </message>
        <message>
            <source>&amp;Call now</source>
            <translation>&amp;Llamar ahora</translation>
        </message>
    </context>
    <context>
        <name>Nextup::Console::DurationSpinBox</name>
        <message>
            <source>Minutes:seconds, e.g. 4:30</source>
            <translation>Minutos:segundos, p. ej. 4:30</translation>
        </message>
    </context>
    <context>
        <name>Nextup::Console::Event</name>
        <message>
            <source>Issued</source>
            <translation>Emitido</translation>
        </message>
        <message>
            <source>Called</source>
            <translation>Llamado</translation>
        </message>
        <message>
            <source>Recalled</source>
            <translation>Rellamado</translation>
        </message>
        <message>
            <source>Service started</source>
            <translation>Atención iniciada</translation>
        </message>
        <message>
            <source>Completed</source>
            <translation>Completado</translation>
        </message>
        <message>
            <source>Skipped</source>
            <translation>Omitido</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>Cancelado</translation>
        </message>
        <message>
            <source>Transferred</source>
            <translation>Transferido</translation>
        </message>
        <message>
            <source>Called out of turn</source>
            <translation>Llamado fuera de turno</translation>
        </message>
        <message>
            <source>Booked</source>
            <translation>Reservado</translation>
        </message>
        <message>
            <source>Checked in</source>
            <translation>Registrado</translation>
        </message>
        <message>
            <source>Rescheduled</source>
            <translation>Cambiado de hora</translation>
        </message>
        <message>
            <source>No-show</source>
            <translation>No se presentó</translation>
        </message>
    </context>
    <context>
        <name>Nextup::Console::FormErrors</name>
        <message>
            <source>Error for %1</source>
            <translation>Error en %1</translation>
        </message>
        <message>
            <source>The server cannot be reached (%1).</source>
            <translation>No se puede contactar con el servidor (%1).</translation>
        </message>
    </context>
    <context>
        <name>Nextup::Console::HistoryModel</name>
        <message>
            <source>Token</source>
            <translation>Turno</translation>
        </message>
        <message>
            <source>Service</source>
            <translation>Servicio</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Estado</translation>
        </message>
        <message>
            <source>Counter</source>
            <translation>Ventanilla</translation>
        </message>
        <message>
            <source>Issued</source>
            <translation>Emitido</translation>
        </message>
        <message>
            <source>Wait</source>
            <translation>Espera</translation>
        </message>
        <message>
            <source>Service time</source>
            <translation>Tiempo de atención</translation>
        </message>
        <message>
            <source>Recalls</source>
            <translation>Rellamadas</translation>
        </message>
    </context>
    <context>
        <name>Nextup::Console::MainWindow</name>
        <message>
            <source>Signing in to %1…</source>
            <translation>Iniciando sesión en %1…</translation>
        </message>
        <message>
            <source>Signing in as %1 with the remembered session…</source>
            <translation>Iniciando sesión como %1 con la sesión recordada…</translation>
        </message>
        <message>
            <source>&amp;Console</source>
            <translation>&amp;Consola</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>&amp;Idioma</translation>
        </message>
        <message>
            <source>Follow the system</source>
            <translation>Según el sistema</translation>
        </message>
        <message>
            <source>Sign &amp;out</source>
            <translation>Cerrar &amp;sesión</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Salir</translation>
        </message>
        <message>
            <source>● Offline — reconnecting</source>
            <translation>● Sin conexión — reconectando</translation>
        </message>
        <message>
            <source>● Updating</source>
            <translation>● Actualizando</translation>
        </message>
        <message>
            <source>● Live</source>
            <translation>● En vivo</translation>
        </message>
        <message>
            <source>Nextup console — %1 (%2) at %3</source>
            <translation>Consola Nextup — %1 (%2) en %3</translation>
        </message>
        <message>
            <source>Nextup console</source>
            <translation>Consola Nextup</translation>
        </message>
        <message>
            <source>Counter</source>
            <translation>Ventanilla</translation>
        </message>
        <message>
            <source>Appointments</source>
            <translation>Citas</translation>
        </message>
        <message>
            <source>Cannot reach the server at %1 — trying again now…</source>
            <translation>No se puede contactar con el servidor en %1 — reintentando ahora…</translation>
        </message>
        <message numerus="yes">
            <source>The server at %1 is not ready — retrying in %n s.</source>
            <translation>
                <numerusform>El servidor en %1 no está listo — reintentando en %n s.</numerusform>
                <numerusform>El servidor en %1 no está listo — reintentando en %n s.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Cannot reach the server at %1 — retrying in %n s.</source>
            <translation>
                <numerusform>No se puede contactar con el servidor en %1 — reintentando en %n s.</numerusform>
                <numerusform>No se puede contactar con el servidor en %1 — reintentando en %n s.</numerusform>
            </translation>
        </message>
        <message>
            <source>Last attempt: %1</source>
            <translation>Último intento: %1</translation>
        </message>
        <message>
            <source>The server at %1 answers again. You can sign in.</source>
            <translation>El servidor en %1 vuelve a responder. Ya puede iniciar sesión.</translation>
        </message>
    </context>
    <context>
        <name>Nextup::Console::MyDayPanel</name>
        <message>
            <source>My day at this counter:</source>
            <translation>Mi día en esta ventanilla:</translation>
        </message>
        <message>
            <source>Served: –</source>
            <translation>Atendidos: –</translation>
        </message>
        <message>
            <source>Average service time: –</source>
            <translation>Tiempo medio de atención: –</translation>
        </message>
        <message>
            <source>No-shows: –</source>
            <translation>No presentados: –</translation>
        </message>
        <message>
            <source>Served: %1</source>
            <translation>Atendidos: %1</translation>
        </message>
        <message>
            <source>Average service time: %1:%2</source>
            <translation>Tiempo medio de atención: %1:%2</translation>
        </message>
        <message>
            <source>No-shows: %1</source>
            <translation>No presentados: %1</translation>
        </message>
    </context>
    <context>
        <name>Nextup::Console::OpeningHoursEdit</name>
        <message>
            <source>Opening hours on %1</source>
            <translation>Horario del %1</translation>
        </message>
        <message>
            <source>Closed</source>
            <translation>Cerrado</translation>
        </message>
        <message>
            <source>Several ranges a day are separated by commas, e.g. 09:00-12:30, 13:30-17:00; 24:00 is midnight; empty is closed.</source>
            <translation>Varios tramos al día se separan con comas, p. ej. 09:00-12:30, 13:30-17:00; 24:00 es medianoche; vacío es cerrado.</translation>
        </message>
        <message>
            <source>Copy &amp;Monday to Tuesday–Friday</source>
            <translation>Copiar el &amp;lunes de martes a viernes</translation>
        </message>
        <message>
            <source>Write ranges like 09:00-12:30, 13:30-17:00, each closing after it opens and after the one before.</source>
            <translation>Escriba tramos como 09:00-12:30, 13:30-17:00, cada uno cerrando después de abrir y después del anterior.</translation>
        </message>
    </context>
    <context>
        <name>Nextup::Console::OperatorPage</name>
        <message>
            <source>Reconnecting to the server… The line and counters shown may be out of date; actions still reach the server when it answers.</source>
            <translation>Reconectando con el servidor… La fila y las ventanillas mostradas pueden estar desactualizadas; las acciones llegan al servidor cuando responda.</translation>
        </message>
        <message>
            <source>Updating the queue from the server…</source>
            <translation>Actualizando la fila desde el servidor…</translation>
        </message>
        <message>
            <source>The counter is open. Press F5 to call the next token.</source>
            <translation>La ventanilla está abierta. Pulse F5 para llamar al siguiente turno.</translation>
        </message>
        <message>
            <source>The counter is paused. Resume it to call again.</source>
            <translation>La ventanilla está en pausa. Reanúdela para volver a llamar.</translation>
        </message>
        <message>
            <source>The counter is closed.</source>
            <translation>La ventanilla está cerrada.</translation>
        </message>
        <message>
            <source>Called %1.</source>
            <translation>Llamado %1.</translation>
        </message>
        <message>
            <source>Called %1 again.</source>
            <translation>%1 llamado de nuevo.</translation>
        </message>
        <message>
            <source>Serving %1.</source>
            <translation>Atendiendo %1.</translation>
        </message>
        <message>
            <source>%1 is complete.</source>
            <translation>%1 está completado.</translation>
        </message>
        <message>
            <source>%1 was marked as a no-show.</source>
            <translation>%1 se marcó como no presentado.</translation>
        </message>
        <message>
            <source>%1 was transferred; it keeps its place in line.</source>
            <translation>%1 fue transferido; conserva su lugar en la fila.</translation>
        </message>
        <message>
            <source>Pause the counter</source>
            <translation>Pausar la ventanilla</translation>
        </message>
        <message>
            <source>Reason for the pause (shown to colleagues):</source>
            <translation>Motivo de la pausa (visible para los compañeros):</translation>
        </message>
        <message>
            <source>Break</source>
            <translation>Descanso</translation>
        </message>
        <message>
            <source>&amp;Pause</source>
            <translation>&amp;Pausar</translation>
        </message>
        <message>
            <source>Called %1 out of turn.</source>
            <translation>%1 llamado fuera de turno.</translation>
        </message>
        <message>
            <source>Nobody is waiting for this counter's services.</source>
            <translation>Nadie espera por los servicios de esta ventanilla.</translation>
        </message>
        <message>
            <source>Not possible right now: %1</source>
            <translation>No es posible ahora: %1</translation>
        </message>
        <message>
            <source>The counter is not open: %1</source>
            <translation>La ventanilla no está abierta: %1</translation>
        </message>
        <message>
            <source>Another operator already has this counter open.</source>
            <translation>Otro operador ya tiene abierta esta ventanilla.</translation>
        </message>
        <message>
            <source>Not allowed: %1</source>
            <translation>No permitido: %1</translation>
        </message>
        <message>
            <source>Not found: %1</source>
            <translation>No encontrado: %1</translation>
        </message>
        <message>
            <source>Refused: %1</source>
            <translation>Rechazado: %1</translation>
        </message>
        <message>
            <source>The server did not answer (%1). Check the banner above; when the connection is back, look at the counter and try again.</source>
            <translation>El servidor no respondió (%1). Mire el aviso de arriba; cuando vuelva la conexión, revise la ventanilla e inténtelo de nuevo.</translation>
        </message>
        <message>
            <source>The server is temporarily unavailable (%1). Try again in a moment.</source>
            <translation>El servidor no está disponible por ahora (%1). Inténtelo de nuevo en un momento.</translation>
        </message>
    </context>
    <context>
        <name>Nextup::Console::QueuePanel</name>
        <message>
            <source>Waiting tokens</source>
            <translation>Turnos en espera</translation>
        </message>
        <message>
            <source>Call selected out of turn…  [%1]</source>
            <translation>Llamar al elegido fuera de turno…  [%1]</translation>
        </message>
        <message>
            <source>Call selected out of turn</source>
            <translation>Llamar al elegido fuera de turno</translation>
        </message>
        <message>
            <source>Calls the token chosen in the list to this counter now, ahead of the line; asks for the reason.</source>
            <translation>Llama ahora a esta ventanilla al turno elegido en la lista, antes que la fila; pide el motivo.</translation>
        </message>
        <message>
            <source>Waiting for this counter: %1</source>
            <translation>En espera para esta ventanilla: %1</translation>
        </message>
        <message>
            <source>, new token ~%1</source>
            <translation>, turno nuevo ~%1</translation>
        </message>
        <message>
            <source>&lt;b&gt;%1&lt;/b&gt; %2: %3 waiting%4</source>
            <translation>&lt;b&gt;%1&lt;/b&gt; %2: %3 en espera%4</translation>
        </message>
        <message>
            <source>Choose a counter to see its line.</source>
            <translation>Elija una ventanilla para ver su fila.</translation>
        </message>
    </context>
    <context>
        <name>Nextup::Console::ServiceSlotsBox</name>
        <message>
            <source>Save &amp;slots</source>
            <translation>Guardar &amp;franjas</translation>
        </message>
        <message>
            <source>Slots per service</source>
            <translation>Franjas por servicio</translation>
        </message>
        <message>
            <source>Service</source>
            <translation>Servicio</translation>
        </message>
        <message>
            <source>Slot</source>
            <translation>Franja</translation>
        </message>
        <message>
            <source>Places per slot</source>
            <translation>Plazas por franja</translation>
        </message>
        <message>
            <source> min</source>
            <translation> min</translation>
        </message>
        <message>
            <source>Slot length</source>
            <translation>Duración de la franja</translation>
        </message>
        <message>
            <source>From the counters</source>
            <translation>Según las ventanillas</translation>
        </message>
        <message>
            <source>Empty (lowest value): as many customers as the counters serving this service get through in one slot</source>
            <translation>Vacío (valor mínimo): tantos clientes como las ventanillas de este servicio atienden en una franja</translation>
        </message>
        <message>
            <source>Slot &amp;length:</source>
            <translation>&amp;Duración de la franja:</translation>
        </message>
        <message>
            <source>&amp;Places per slot:</source>
            <translation>&amp;Plazas por franja:</translation>
        </message>
        <message>
            <source>%1 min</source>
            <translation>%1 min</translation>
        </message>
        <message>
            <source>%1 (from the counters)</source>
            <translation>%1 (según las ventanillas)</translation>
        </message>
        <message>
            <source>Saved.</source>
            <translation>Guardado.</translation>
        </message>
        <message numerus="yes">
            <source>A slot has %Ln place(s) now.</source>
            <translation>
                <numerusform>Ahora una franja tiene %Ln plaza.</numerusform>
                <numerusform>Ahora una franja tiene %Ln plazas.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Nextup::Console::ServicesModel</name>
        <message>
            <source>Code</source>
            <translation>Código</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Nombre</translation>
        </message>
        <message>
            <source>Average service</source>
            <translation>Atención media</translation>
        </message>
        <message>
            <source>Target wait</source>
            <translation>Espera objetivo</translation>
        </message>
        <message>
            <source>Active</source>
            <translation>Activo</translation>
        </message>
        <message>
            <source>Waiting now</source>
            <translation>En espera ahora</translation>
        </message>
    </context>
    <context>
        <name>Nextup::Console::ServicesPage</name>
        <message>
            <source>Customers can take tokens</source>
            <translation>Los clientes pueden sacar turnos</translation>
        </message>
        <message>
            <source>Services</source>
            <translation>Servicios</translation>
        </message>
        <message>
            <source>e.g. D</source>
            <translation>p. ej. D</translation>
        </message>
        <message>
            <source>e.g. Deposit</source>
            <translation>p. ej. Depósito</translation>
        </message>
        <message>
            <source>&amp;Branch:</source>
            <translation>&amp;Sucursal:</translation>
        </message>
        <message>
            <source>Letter &amp;code:</source>
            <translation>&amp;Letra:</translation>
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation>&amp;Nombre:</translation>
        </message>
        <message>
            <source>&amp;Average service time:</source>
            <translation>Tiempo &amp;medio de atención:</translation>
        </message>
        <message>
            <source>&amp;Target wait:</source>
            <translation>Espera &amp;objetivo:</translation>
        </message>
        <message>
            <source>Acti&amp;ve:</source>
            <translation>Acti&amp;va:</translation>
        </message>
        <message>
            <source>New service</source>
            <translation>Nuevo servicio</translation>
        </message>
        <message>
            <source>Edit service</source>
            <translation>Editar servicio</translation>
        </message>
    </context>
    <context>
        <name>Nextup::Console::SessionController</name>
        <message>
            <source>The remembered sign-in is gone from the keychain. Please sign in.</source>
            <translation>La sesión recordada ya no está en el llavero. Inicie sesión.</translation>
        </message>
        <message>
            <source>The system keychain could not be read (%1). Please sign in.</source>
            <translation>No se pudo leer el llavero del sistema (%1). Inicie sesión.</translation>
        </message>
        <message>
            <source>The remembered sign-in is no longer valid (%1). Please sign in again.</source>
            <translation>La sesión recordada ya no es válida (%1). Inicie sesión de nuevo.</translation>
        </message>
        <message>
            <source>The account "%1" (role %2) cannot use the console: it is for operators and administrators.</source>
            <translation>La cuenta «%1» (rol %2) no puede usar la consola: es para operadores y administradores.</translation>
        </message>
        <message>
            <source>No system keychain is available (%1), so this console cannot remember you. Nothing was saved: you will sign in again next time.</source>
            <translation>No hay ningún llavero del sistema disponible (%1), así que esta consola no puede recordarle. No se guardó nada: la próxima vez volverá a iniciar sesión.</translation>
        </message>
        <message>
            <source>Your session has ended: %1 Please sign in again.</source>
            <translation>Su sesión ha terminado: %1 Inicie sesión de nuevo.</translation>
        </message>
        <message>
            <source>Wrong username or password.</source>
            <translation>Usuario o contraseña incorrectos.</translation>
        </message>
        <message numerus="yes">
            <source>Too many sign-in attempts. Try again in %n second(s).</source>
            <translation>
                <numerusform>Demasiados intentos. Inténtelo de nuevo en %n segundo.</numerusform>
                <numerusform>Demasiados intentos. Inténtelo de nuevo en %n segundos.</numerusform>
            </translation>
        </message>
        <message>
            <source>Cannot reach the server at %1 (%2).</source>
            <translation>No se puede contactar con el servidor en %1 (%2).</translation>
        </message>
        <message>
            <source>This account may not sign in: %1</source>
            <translation>Esta cuenta no puede iniciar sesión: %1</translation>
        </message>
        <message>
            <source>Sign-in failed: %1</source>
            <translation>Error al iniciar sesión: %1</translation>
        </message>
    </context>
    <context>
        <name>Nextup::Console::SignInPage</name>
        <message>
            <source>Nextup console</source>
            <translation>Consola Nextup</translation>
        </message>
        <message>
            <source>Sign in to serve customers at your counter.</source>
            <translation>Inicie sesión para atender a los clientes en su ventanilla.</translation>
        </message>
        <message>
            <source>Server address</source>
            <translation>Dirección del servidor</translation>
        </message>
        <message>
            <source>Username</source>
            <translation>Usuario</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>Contraseña</translation>
        </message>
        <message>
            <source>&amp;Remember me on this computer</source>
            <translation>&amp;Recordarme en este equipo</translation>
        </message>
        <message>
            <source>Keeps you signed in through the system keychain; your password is never stored.</source>
            <translation>Mantiene la sesión mediante el llavero del sistema; su contraseña nunca se guarda.</translation>
        </message>
        <message>
            <source>&amp;Sign in</source>
            <translation>&amp;Iniciar sesión</translation>
        </message>
        <message>
            <source>Ser&amp;ver address:</source>
            <translation>&amp;Servidor:</translation>
        </message>
        <message>
            <source>&amp;Username:</source>
            <translation>&amp;Usuario:</translation>
        </message>
        <message>
            <source>&amp;Password:</source>
            <translation>&amp;Contraseña:</translation>
        </message>
        <message>
            <source>Signing in…</source>
            <translation>Iniciando sesión…</translation>
        </message>
        <message>
            <source>No system keychain is available on this computer (%1), so the console cannot remember you. Nothing will be saved; sign in each time.</source>
            <translation>Este equipo no tiene llavero del sistema (%1), así que la consola no puede recordarle. No se guardará nada; inicie sesión cada vez.</translation>
        </message>
        <message>
            <source>The server address is not valid, e.g. http://127.0.0.1:8080</source>
            <translation>La dirección del servidor no es válida; ejemplo: http://127.0.0.1:8080</translation>
        </message>
        <message>
            <source>Enter your username and password.</source>
            <translation>Escriba su usuario y contraseña.</translation>
        </message>
        <message>
            <source>Retry &amp;now</source>
            <translation>Reintentar &amp;ahora</translation>
        </message>
        <message>
            <source>Retry now</source>
            <translation>Reintentar ahora</translation>
        </message>
    </context>
    <context>
        <name>Nextup::Console::StatsCharts</name>
        <message>
            <source>Issued</source>
            <translation>Emitido</translation>
        </message>
        <message>
            <source>Served</source>
            <translation>Atendidos</translation>
        </message>
        <message>
            <source>Skipped</source>
            <translation>Omitido</translation>
        </message>
        <message>
            <source>Tokens</source>
            <translation>Turnos</translation>
        </message>
        <message>
            <source>Avg wait</source>
            <translation>Espera media</translation>
        </message>
        <message>
            <source>90% wait</source>
            <translation>Espera 90 %</translation>
        </message>
        <message>
            <source>Avg service</source>
            <translation>Atención media</translation>
        </message>
        <message>
            <source>90% service</source>
            <translation>Atención 90 %</translation>
        </message>
        <message>
            <source>Minutes</source>
            <translation>Minutos</translation>
        </message>
    </context>
    <context>
        <name>Nextup::Console::StatsPage</name>
        <message>
            <source>Statistics table</source>
            <translation>Tabla de estadísticas</translation>
        </message>
        <message>
            <source>T&amp;oday (live)</source>
            <translation>&amp;Hoy (en vivo)</translation>
        </message>
        <message>
            <source>&amp;Range:</source>
            <translation>&amp;Periodo:</translation>
        </message>
        <message>
            <source>From</source>
            <translation>Desde</translation>
        </message>
        <message>
            <source>To</source>
            <translation>Hasta</translation>
        </message>
        <message>
            <source>to</source>
            <translation>a</translation>
        </message>
        <message>
            <source>Re&amp;fresh</source>
            <translation>&amp;Actualizar</translation>
        </message>
        <message>
            <source>Compare</source>
            <translation>Comparar</translation>
        </message>
        <message>
            <source>Per service</source>
            <translation>Por servicio</translation>
        </message>
        <message>
            <source>Per counter</source>
            <translation>Por ventanilla</translation>
        </message>
        <message>
            <source>Tokens</source>
            <translation>Turnos</translation>
        </message>
        <message>
            <source>Wait and service time (minutes)</source>
            <translation>Espera y tiempo de atención (minutos)</translation>
        </message>
        <message>
            <source>Tokens per hour</source>
            <translation>Turnos por hora</translation>
        </message>
        <message>
            <source>Tokens chart</source>
            <translation>Gráfico de turnos</translation>
        </message>
        <message>
            <source>&amp;Tokens</source>
            <translation>&amp;Turnos</translation>
        </message>
        <message>
            <source>Times chart</source>
            <translation>Gráfico de tiempos</translation>
        </message>
        <message>
            <source>T&amp;imes</source>
            <translation>T&amp;iempos</translation>
        </message>
        <message>
            <source>Tokens per hour chart</source>
            <translation>Gráfico de turnos por hora</translation>
        </message>
        <message>
            <source>%1 to %2</source>
            <translation>%1 a %2</translation>
        </message>
        <message>
            <source>&lt;b&gt;%1&lt;/b&gt;: issued &lt;b&gt;%2&lt;/b&gt; · served &lt;b&gt;%3&lt;/b&gt; · skipped &lt;b&gt;%4&lt;/b&gt; · waiting &lt;b&gt;%5&lt;/b&gt; · average wait &lt;b&gt;%6&lt;/b&gt; (90%: %7) · average service &lt;b&gt;%8&lt;/b&gt; (90%: %9)</source>
            <translation>&lt;b&gt;%1&lt;/b&gt;: emitidos &lt;b&gt;%2&lt;/b&gt; · atendidos &lt;b&gt;%3&lt;/b&gt; · omitidos &lt;b&gt;%4&lt;/b&gt; · en espera &lt;b&gt;%5&lt;/b&gt; · espera media &lt;b&gt;%6&lt;/b&gt; (90 %: %7) · atención media &lt;b&gt;%8&lt;/b&gt; (90 %: %9)</translation>
        </message>
        <message>
            <source>Estimated waits: no called walk-in tokens to compare yet.</source>
            <translation>Esperas estimadas: aún no hay turnos sin cita llamados para comparar.</translation>
        </message>
        <message>
            <source>customers waited %1 longer than told</source>
            <translation>los clientes esperaron %1 más de lo anunciado</translation>
        </message>
        <message>
            <source>customers waited %1 less than told</source>
            <translation>los clientes esperaron %1 menos de lo anunciado</translation>
        </message>
        <message>
            <source>Range: refresh by hand</source>
            <translation>Periodo: actualice a mano</translation>
        </message>
        <message>
            <source>Not live: press Refresh</source>
            <translation>No en vivo: pulse Actualizar</translation>
        </message>
        <message>
            <source>Reconnecting — figures may be behind</source>
            <translation>Reconectando — las cifras pueden estar atrasadas</translation>
        </message>
        <message>
            <source>● Live</source>
            <translation>● En vivo</translation>
        </message>
        <message numerus="yes">
            <source>Estimated waits (%Ln token(s) compared): off by &lt;b&gt;%1&lt;/b&gt; on average; overall %2.</source>
            <translation>
                <numerusform>Esperas estimadas (%Ln turno comparado): desvío medio de &lt;b&gt;%1&lt;/b&gt;; en conjunto %2.</numerusform>
                <numerusform>Esperas estimadas (%Ln turnos comparados): desvío medio de &lt;b&gt;%1&lt;/b&gt;; en conjunto %2.</numerusform>
            </translation>
        </message>
        <message>
            <source>Co&amp;mpare:</source>
            <translation>Co&amp;mparar:</translation>
        </message>
        <message>
            <source>Tokens per hour of the day, all days</source>
            <translation>Turnos por hora del día, todos los días</translation>
        </message>
    </context>
    <context>
        <name>Nextup::Console::StatsTableModel</name>
        <message>
            <source>%1 early</source>
            <translation>%1 antes</translation>
        </message>
        <message>
            <source>%1 late</source>
            <translation>%1 tarde</translation>
        </message>
        <message>
            <source>All tokens</source>
            <translation>Todos los turnos</translation>
        </message>
        <message>
            <source>Service: %1</source>
            <translation>Servicio: %1</translation>
        </message>
        <message>
            <source>Counter: %1</source>
            <translation>Ventanilla: %1</translation>
        </message>
        <message>
            <source>Appointments booked (not cancelled)</source>
            <translation>Citas reservadas (sin las canceladas)</translation>
        </message>
        <message>
            <source>Appointments whose customer checked in</source>
            <translation>Citas cuyo cliente se registró</translation>
        </message>
        <message>
            <source>Appointments nobody checked in within the window</source>
            <translation>Citas que nadie registró a tiempo</translation>
        </message>
        <message>
            <source>No-shows among the appointments that came or missed</source>
            <translation>Ausencias entre las citas que acudieron o faltaron</translation>
        </message>
        <message>
            <source>On average, how long before (early) or after (late) their slot customers checked in</source>
            <translation>En promedio, cuánto antes (pronto) o después (tarde) de su franja se registraron los clientes</translation>
        </message>
        <message>
            <source>Service or counter</source>
            <translation>Servicio o ventanilla</translation>
        </message>
        <message>
            <source>Issued</source>
            <translation>Emitido</translation>
        </message>
        <message>
            <source>Served</source>
            <translation>Atendidos</translation>
        </message>
        <message>
            <source>Skipped</source>
            <translation>Omitido</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>Cancelado</translation>
        </message>
        <message>
            <source>Waiting</source>
            <translation>Espera</translation>
        </message>
        <message>
            <source>Avg wait</source>
            <translation>Espera media</translation>
        </message>
        <message>
            <source>90% wait</source>
            <translation>Espera 90 %</translation>
        </message>
        <message>
            <source>Avg service</source>
            <translation>Atención media</translation>
        </message>
        <message>
            <source>90% service</source>
            <translation>Atención 90 %</translation>
        </message>
        <message>
            <source>Booked</source>
            <translation>Reservadas</translation>
        </message>
        <message>
            <source>Checked in</source>
            <translation>Registradas</translation>
        </message>
        <message>
            <source>No-shows</source>
            <translation>Ausencias</translation>
        </message>
        <message>
            <source>No-show rate</source>
            <translation>Tasa de ausencia</translation>
        </message>
        <message>
            <source>Punctuality</source>
            <translation>Puntualidad</translation>
        </message>
    </context>
    <context>
        <name>Nextup::Console::Status</name>
        <message>
            <source>Waiting</source>
            <translation>Espera</translation>
        </message>
        <message>
            <source>Called</source>
            <translation>Llamado</translation>
        </message>
        <message>
            <source>Serving</source>
            <translation>Atendiendo</translation>
        </message>
        <message>
            <source>Completed</source>
            <translation>Completado</translation>
        </message>
        <message>
            <source>Skipped</source>
            <translation>Omitido</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>Cancelado</translation>
        </message>
        <message>
            <source>Booked</source>
            <translation>Reservado</translation>
        </message>
        <message>
            <source>No-show</source>
            <translation>No se presentó</translation>
        </message>
    </context>
    <context>
        <name>Nextup::Console::TokenEventsModel</name>
        <message>
            <source>%1 → %2</source>
            <translation>%1 → %2</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>Hora</translation>
        </message>
        <message>
            <source>Event</source>
            <translation>Evento</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Estado</translation>
        </message>
        <message>
            <source>Counter</source>
            <translation>Ventanilla</translation>
        </message>
        <message>
            <source>By</source>
            <translation>Por</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Motivo</translation>
        </message>
    </context>
    <context>
        <name>Nextup::Console::TokenHistoryPage</name>
        <message>
            <source>e.g. D007</source>
            <translation>p. ej. D007</translation>
        </message>
        <message>
            <source>Any status</source>
            <translation>Cualquier estado</translation>
        </message>
        <message>
            <source>&amp;Search</source>
            <translation>&amp;Buscar</translation>
        </message>
        <message>
            <source>E&amp;xport CSV…</source>
            <translation>E&amp;xportar CSV…</translation>
        </message>
        <message>
            <source>Every token of the last search, all pages, as a CSV file</source>
            <translation>Todos los turnos de la última búsqueda, todas las páginas, en un archivo CSV</translation>
        </message>
        <message>
            <source>&amp;From:</source>
            <translation>&amp;Desde:</translation>
        </message>
        <message>
            <source>&amp;To:</source>
            <translation>&amp;Hasta:</translation>
        </message>
        <message>
            <source>Ser&amp;vice:</source>
            <translation>Ser&amp;vicio:</translation>
        </message>
        <message>
            <source>C&amp;ounter:</source>
            <translation>Ve&amp;ntanilla:</translation>
        </message>
        <message>
            <source>St&amp;atus:</source>
            <translation>Es&amp;tado:</translation>
        </message>
        <message>
            <source>&amp;Number:</source>
            <translation>Nú&amp;mero:</translation>
        </message>
        <message>
            <source>Tokens found</source>
            <translation>Turnos encontrados</translation>
        </message>
        <message>
            <source>&amp;Previous page</source>
            <translation>Página a&amp;nterior</translation>
        </message>
        <message>
            <source>N&amp;ext page</source>
            <translation>Página si&amp;guiente</translation>
        </message>
        <message>
            <source>Select a token to see its timeline.</source>
            <translation>Seleccione un turno para ver su historia.</translation>
        </message>
        <message>
            <source>Timeline of the selected token</source>
            <translation>Historia del turno seleccionado</translation>
        </message>
        <message>
            <source>Any service</source>
            <translation>Cualquier servicio</translation>
        </message>
        <message>
            <source>Any counter</source>
            <translation>Cualquier ventanilla</translation>
        </message>
        <message>
            <source>Choose the filters, then Search.</source>
            <translation>Elija los filtros y pulse Buscar.</translation>
        </message>
        <message>
            <source>%1 — %2 — %3</source>
            <translation>%1 — %2 — %3</translation>
        </message>
        <message>
            <source>tokens-%1-to-%2.csv</source>
            <translation>turnos-%1-a-%2.csv</translation>
        </message>
        <message>
            <source>Export tokens</source>
            <translation>Exportar turnos</translation>
        </message>
        <message>
            <source>CSV files (*.csv)</source>
            <translation>Archivos CSV (*.csv)</translation>
        </message>
        <message numerus="yes">
            <source>Page %L1 of %L2 · %Ln token(s)</source>
            <translation>
                <numerusform>Página %L1 de %L2 · %Ln turno</numerusform>
                <numerusform>Página %L1 de %L2 · %Ln turnos</numerusform>
            </translation>
        </message>
        <message>
            <source>Cancel e&amp;xport</source>
            <translation>Cancelar e&amp;xportación</translation>
        </message>
        <message>
            <source>Exporting… %L1 of %L2</source>
            <translation>Exportando… %L1 de %L2</translation>
        </message>
    </context>
    <context>
        <name>Nextup::Console::TransferDialog</name>
        <message>
            <source>Transfer %1</source>
            <translation>Transferir %1</translation>
        </message>
        <message>
            <source>Send %1 to another service or counter. It keeps its original arrival time.</source>
            <translation>Enviar %1 a otro servicio o ventanilla. Conserva su hora de llegada original.</translation>
        </message>
        <message>
            <source>To &amp;service:</source>
            <translation>A un &amp;servicio:</translation>
        </message>
        <message>
            <source>Target service</source>
            <translation>Servicio de destino</translation>
        </message>
        <message>
            <source>To &amp;counter:</source>
            <translation>A una &amp;ventanilla:</translation>
        </message>
        <message>
            <source>Target counter</source>
            <translation>Ventanilla de destino</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Motivo</translation>
        </message>
        <message>
            <source>optional</source>
            <translation>opcional</translation>
        </message>
        <message>
            <source>&amp;Reason:</source>
            <translation>&amp;Motivo:</translation>
        </message>
        <message>
            <source>&amp;Transfer</source>
            <translation>&amp;Transferir</translation>
        </message>
    </context>
    <context>
        <name>Nextup::Console::UsersModel</name>
        <message>
            <source>Username</source>
            <translation>Usuario</translation>
        </message>
        <message>
            <source>Full name</source>
            <translation>Nombre completo</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>Rol</translation>
        </message>
        <message>
            <source>Active</source>
            <translation>Activo</translation>
        </message>
    </context>
    <context>
        <name>Nextup::Console::UsersPage</name>
        <message>
            <source>Can sign in</source>
            <translation>Puede iniciar sesión</translation>
        </message>
        <message>
            <source>&amp;Reset password</source>
            <translation>&amp;Restablecer contraseña</translation>
        </message>
        <message>
            <source>Users</source>
            <translation>Usuarios</translation>
        </message>
        <message>
            <source>&amp;Username:</source>
            <translation>&amp;Usuario:</translation>
        </message>
        <message>
            <source>&amp;Full name:</source>
            <translation>Nombre &amp;completo:</translation>
        </message>
        <message>
            <source>&amp;Role:</source>
            <translation>&amp;Rol:</translation>
        </message>
        <message>
            <source>&amp;Password:</source>
            <translation>&amp;Contraseña:</translation>
        </message>
        <message>
            <source>Acti&amp;ve:</source>
            <translation>Acti&amp;va:</translation>
        </message>
        <message>
            <source>Password changed.</source>
            <translation>Contraseña cambiada.</translation>
        </message>
        <message>
            <source>Required for a new user</source>
            <translation>Obligatoria para un usuario nuevo</translation>
        </message>
        <message>
            <source>Type a new one, then Reset password</source>
            <translation>Escriba una nueva y pulse Restablecer contraseña</translation>
        </message>
        <message>
            <source>New user</source>
            <translation>Nuevo usuario</translation>
        </message>
        <message>
            <source>Edit user</source>
            <translation>Editar usuario</translation>
        </message>
    </context>
    <context>
        <name>Nextup::Console::WaitingTableModel</name>
        <message numerus="yes">
            <source>%n min</source>
            <translation>
                <numerusform>%n min</numerusform>
                <numerusform>%n min</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 h %2 min</source>
            <translation>%1 h %2 min</translation>
        </message>
        <message>
            <source>Priority %1: called before others</source>
            <translation>Prioridad %1: se llama antes que los demás</translation>
        </message>
        <message>
            <source>Normal priority</source>
            <translation>Prioridad normal</translation>
        </message>
        <message>
            <source>An appointment: it joined the line at its booked time</source>
            <translation>Una cita: entró en la fila a su hora reservada</translation>
        </message>
        <message>
            <source>next</source>
            <translation>siguiente</translation>
        </message>
        <message>
            <source>Token</source>
            <translation>Turno</translation>
        </message>
        <message>
            <source>Booked for</source>
            <translation>Cita a las</translation>
        </message>
        <message>
            <source>Service</source>
            <translation>Servicio</translation>
        </message>
        <message>
            <source>Priority</source>
            <translation>Prioridad</translation>
        </message>
        <message>
            <source>Waiting</source>
            <translation>Espera</translation>
        </message>
        <message>
            <source>Est. call</source>
            <translation>Llamada est.</translation>
        </message>
        <message>
            <source>&lt; 1 min</source>
            <translation>&lt; 1 min</translation>
        </message>
    </context>
    <context>
        <name>Nextup::Console::WorkPanel</name>
        <message>
            <source>Current token</source>
            <translation>Turno actual</translation>
        </message>
        <message>
            <source>Current token number</source>
            <translation>Número del turno actual</translation>
        </message>
        <message>
            <source>Call next</source>
            <translation>Llamar siguiente</translation>
        </message>
        <message>
            <source>Calls the next waiting token to this counter.</source>
            <translation>Llama al siguiente turno en espera a esta ventanilla.</translation>
        </message>
        <message>
            <source>Recall</source>
            <translation>Rellamar</translation>
        </message>
        <message>
            <source>Announces the called token again.</source>
            <translation>Anuncia de nuevo el turno llamado.</translation>
        </message>
        <message>
            <source>Start serving</source>
            <translation>Empezar a atender</translation>
        </message>
        <message>
            <source>The customer has arrived at the counter.</source>
            <translation>El cliente ha llegado a la ventanilla.</translation>
        </message>
        <message>
            <source>Complete</source>
            <translation>Completar</translation>
        </message>
        <message>
            <source>The customer has been served.</source>
            <translation>El cliente ha sido atendido.</translation>
        </message>
        <message>
            <source>Skip (no-show)</source>
            <translation>Omitir (no se presentó)</translation>
        </message>
        <message>
            <source>The customer did not come.</source>
            <translation>El cliente no se presentó.</translation>
        </message>
        <message>
            <source>Transfer…</source>
            <translation>Transferir…</translation>
        </message>
        <message>
            <source>Sends the token to another service or counter; it keeps its place in line.</source>
            <translation>Envía el turno a otro servicio o ventanilla; conserva su lugar en la fila.</translation>
        </message>
        <message>
            <source>No token at the counter</source>
            <translation>No hay ningún turno en la ventanilla</translation>
        </message>
        <message>
            <source>none</source>
            <translation>ninguno</translation>
        </message>
        <message>
            <source>Serving</source>
            <translation>Atendiendo</translation>
        </message>
        <message>
            <source>Called — waiting for the customer</source>
            <translation>Llamado — esperando al cliente</translation>
        </message>
        <message>
            <source>Service: %1 (%2)</source>
            <translation>Servicio: %1 (%2)</translation>
        </message>
        <message>
            <source>Customer: %1</source>
            <translation>Cliente: %1</translation>
        </message>
        <message numerus="yes">
            <source>Recalled %n time(s)</source>
            <translation>
                <numerusform>Rellamado %n vez</numerusform>
                <numerusform>Rellamado %n veces</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Waited %n min</source>
            <translation>
                <numerusform>Esperó %n min</numerusform>
                <numerusform>Esperó %n min</numerusform>
            </translation>
        </message>
        <message>
            <source>at the counter for %1:%2</source>
            <translation>en la ventanilla desde hace %1:%2</translation>
        </message>
    </context>
    <context>
        <name>Nextup::Console::DevicesModel</name>
        <message>
            <source>Name</source>
            <translation>Nombre</translation>
        </message>
        <message>
            <source>Branch</source>
            <translation>Sucursal</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Tipo</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Estado</translation>
        </message>
        <message>
            <source>Printer</source>
            <translation>Impresora</translation>
        </message>
        <message>
            <source>Last report</source>
            <translation>Último aviso</translation>
        </message>
        <message>
            <source>Version</source>
            <translation>Versión</translation>
        </message>
        <message>
            <source>None</source>
            <translation>Ninguna</translation>
        </message>
        <message>
            <source>Ready</source>
            <translation>Lista</translation>
        </message>
        <message>
            <source>Not reachable</source>
            <translation>Sin conexión</translation>
        </message>
        <message>
            <source>Out of paper</source>
            <translation>Sin papel</translation>
        </message>
        <message>
            <source>Error</source>
            <translation>Error</translation>
        </message>
        <message>
            <source>%1 (%2)</source>
            <translation>%1 (%2)</translation>
        </message>
        <message>
            <source>Ticket dispenser</source>
            <translation>Expendedor de turnos</translation>
        </message>
        <message>
            <source>Board</source>
            <translation>Pantalla</translation>
        </message>
        <message>
            <source>Online</source>
            <translation>En línea</translation>
        </message>
        <message>
            <source>Offline</source>
            <translation>Sin conexión</translation>
        </message>
    </context>
    <context>
        <name>Nextup::Console::DevicesPage</name>
        <message>
            <source>Lobby devices</source>
            <translation>Dispositivos de la sala</translation>
        </message>
        <message>
            <source>Devices summary</source>
            <translation>Resumen de dispositivos</translation>
        </message>
        <message>
            <source>&amp;Refresh</source>
            <translation>&amp;Actualizar</translation>
        </message>
        <message>
            <source>No board or ticket dispenser has reported yet.</source>
            <translation>Ninguna pantalla ni expendedor ha informado todavía.</translation>
        </message>
        <message numerus="yes">
            <source>%n device(s), all online and ready.</source>
            <translation>
                <numerusform>%n dispositivo, en línea y listo.</numerusform>
                <numerusform>%n dispositivos, todos en línea y listos.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n device(s) need someone: offline, or a printer in trouble.</source>
            <translation>
                <numerusform>%n dispositivo necesita atención: sin conexión o con la impresora en problemas.</numerusform>
                <numerusform>%n dispositivos necesitan atención: sin conexión o con la impresora en problemas.</numerusform>
            </translation>
        </message>
    </context>
</TS>
