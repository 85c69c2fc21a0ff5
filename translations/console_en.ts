<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
    <context>
        <name>Nextup::Console::AdminModels</name>
        <message>
            <source>Yes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Administrator</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Operator</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Kiosk</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Customer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Branch administrator</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Nextup::Console::AdminPages</name>
        <message>
            <source>Services</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Counters</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Users</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Booking</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>History</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Statistics</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Devices</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Nextup::Console::AppointmentsModel</name>
        <message>
            <source>Booked</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Late</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Checked in</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>At a counter</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Served</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Skipped</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No-show</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancelled</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Service</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Customer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>State</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Check-in</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Nextup::Console::AppointmentsPage</name>
        <message>
            <source>Appointments</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Check-in</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Scan a ticket or type its number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Scan the ticket's QR code, or type a number such as D501, then Enter</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Scan or type:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Check &amp;in</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>From</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>To</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Date:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>to</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Today</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Service</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>All services</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>S&amp;ervice:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>State</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>All states</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sh&amp;ow:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Re&amp;fresh</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The appointments could not be read: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Checking in…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Check in</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Check in %1</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%Ln appointment(s)</source>
            <translation>
                <numerusform>%Ln appointment</numerusform>
                <numerusform>%Ln appointments</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Nextup::Console::BookingPage</name>
        <message>
            <source>Slots per service</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Branch</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Branch:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> days</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> min before</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> min after</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Bookable &amp;up to:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Check-in &amp;opens:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Check-in &amp;closes:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Save branch settings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Opening hours (the branch's own time)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Closed dates</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Booking and check-in</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Time zone: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Some opening hours cannot be read.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Saved.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Nextup::Console::CheckInDesk</name>
        <message>
            <source>“%1” is neither a ticket's code nor a token number.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is checked in: number %2 in line.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is checked in.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No appointment %1 today.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Today's appointments could not be read: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>this appointment</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Outside the check-in window of %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Too early: %1 can check in from %2 to %3.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Too late: check-in for %1 was open from %2 to %3.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This ticket was not found. Is it from this office?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 was not found.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Check-in failed: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is a walk-in token: there is nothing to check in.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is already checked in and waiting.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is already checked in and at a counter.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 was already checked in and called.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 missed its check-in window (no-show): book a new time or issue a walk-in token.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 was cancelled.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 cannot be checked in now; try again.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%Ln appointments are numbered %1 today (in different branches): scan the ticket's code instead.</source>
            <translation>
                <numerusform>%Ln appointment is numbered %1 today: scan the ticket's code instead.</numerusform>
                <numerusform>%Ln appointments are numbered %1 today (in different branches): scan the ticket's code instead.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Nextup::Console::ClosedDatesEdit</name>
        <message>
            <source>&amp;Add</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remo&amp;ve</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Closed dates</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Date</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reason</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Date to close</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Why it is closed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reason, e.g. public holiday</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Nextup::Console::CommandLine</name>
        <message>
            <source>--server: "%1" is not a server address (%2). Give one such as http://127.0.0.1:8080 or https://queue.example.org.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>--server needs an address, such as http://127.0.0.1:8080.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>it must start with http:// or https://</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>no host</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>user names and passwords do not belong in it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>no query or fragment</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unexpected argument "%1".</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>--language: "%1" is not one of the console's languages (%2).</source>
            <translation type="unfinished" />
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
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Nextup::Console::CounterBar</name>
        <message>
            <source>Counter</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Counter status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Open counter</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Pause…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>C&amp;lose counter</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>(no counters)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose your counter.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open — you are serving here</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open — another operator</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Paused</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Paused: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> (another operator)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Closed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Resume</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cou&amp;nter:</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Nextup::Console::CountersModel</name>
        <message>
            <source>Open</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Paused</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Closed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Services</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Status</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Nextup::Console::CountersPage</name>
        <message>
            <source>In use</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Counters</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>e.g. Counter D</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Branch:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Services ser&amp;ved:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Acti&amp;ve:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 (inactive)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>New counter</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Edit counter</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Nextup::Console::CrudPage</name>
        <message>
            <source>&amp;New</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Save</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Deactivate</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Saved.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Deactivated.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Nextup::Console::CsvExport</name>
        <message>
            <source>Cannot write %1: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export cancelled.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not connected.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reading the history failed: %1</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%Ln token(s) exported.</source>
            <translation>
                <numerusform>%Ln token exported.</numerusform>
                <numerusform>%Ln tokens exported.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Nextup::Console::DirectCallDialog</name>
        <message>
            <source>Call %1 out of turn</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Call %1 to %2 now, ahead of the tokens before it in line? Say why: the reason is kept in the token's history.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reason</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>e.g. returning customer, documents checked</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Reason:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Call now</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Nextup::Console::DurationSpinBox</name>
        <message>
            <source>Minutes:seconds, e.g. 4:30</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Nextup::Console::Event</name>
        <message>
            <source>Issued</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Called</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Recalled</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Service started</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Completed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Skipped</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancelled</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Transferred</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Called out of turn</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Booked</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Checked in</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rescheduled</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No-show</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Nextup::Console::FormErrors</name>
        <message>
            <source>Error for %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The server cannot be reached (%1).</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Nextup::Console::HistoryModel</name>
        <message>
            <source>Token</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Service</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Counter</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Issued</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Wait</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Service time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Recalls</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Nextup::Console::MainWindow</name>
        <message>
            <source>Signing in to %1…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Signing in as %1 with the remembered session…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Console</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Language</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Follow the system</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sign &amp;out</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>● Offline — reconnecting</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>● Updating</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>● Live</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Nextup console — %1 (%2) at %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Nextup console</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Counter</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Appointments</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cannot reach the server at %1 — trying again now…</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>The server at %1 is not ready — retrying in %n s.</source>
            <translation>
                <numerusform>The server at %1 is not ready — retrying in %n s.</numerusform>
                <numerusform>The server at %1 is not ready — retrying in %n s.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Cannot reach the server at %1 — retrying in %n s.</source>
            <translation>
                <numerusform>Cannot reach the server at %1 — retrying in %n s.</numerusform>
                <numerusform>Cannot reach the server at %1 — retrying in %n s.</numerusform>
            </translation>
        </message>
        <message>
            <source>Last attempt: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The server at %1 answers again. You can sign in.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Nextup::Console::MyDayPanel</name>
        <message>
            <source>My day at this counter:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Served: –</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Average service time: –</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No-shows: –</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Served: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Average service time: %1:%2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No-shows: %1</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Nextup::Console::OpeningHoursEdit</name>
        <message>
            <source>Opening hours on %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Closed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Several ranges a day are separated by commas, e.g. 09:00-12:30, 13:30-17:00; 24:00 is midnight; empty is closed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copy &amp;Monday to Tuesday–Friday</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Write ranges like 09:00-12:30, 13:30-17:00, each closing after it opens and after the one before.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Nextup::Console::OperatorPage</name>
        <message>
            <source>Reconnecting to the server… The line and counters shown may be out of date; actions still reach the server when it answers.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Updating the queue from the server…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The counter is open. Press F5 to call the next token.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The counter is paused. Resume it to call again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The counter is closed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Called %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Called %1 again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Serving %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is complete.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 was marked as a no-show.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 was transferred; it keeps its place in line.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pause the counter</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reason for the pause (shown to colleagues):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Break</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Pause</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Called %1 out of turn.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Nobody is waiting for this counter's services.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not possible right now: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The counter is not open: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Another operator already has this counter open.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not allowed: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not found: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Refused: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The server did not answer (%1). Check the banner above; when the connection is back, look at the counter and try again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The server is temporarily unavailable (%1). Try again in a moment.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Nextup::Console::QueuePanel</name>
        <message>
            <source>Waiting tokens</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Call selected out of turn…  [%1]</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Call selected out of turn</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Calls the token chosen in the list to this counter now, ahead of the line; asks for the reason.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Waiting for this counter: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>, new token ~%1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&lt;b&gt;%1&lt;/b&gt; %2: %3 waiting%4</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose a counter to see its line.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Nextup::Console::ServiceSlotsBox</name>
        <message>
            <source>Save &amp;slots</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Slots per service</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Service</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Slot</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Places per slot</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> min</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Slot length</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>From the counters</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Empty (lowest value): as many customers as the counters serving this service get through in one slot</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Slot &amp;length:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Places per slot:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 min</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 (from the counters)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Saved.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>A slot has %Ln place(s) now.</source>
            <translation>
                <numerusform>A slot has %Ln place now.</numerusform>
                <numerusform>A slot has %Ln places now.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Nextup::Console::ServicesModel</name>
        <message>
            <source>Code</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Average service</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Target wait</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Active</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Waiting now</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Nextup::Console::ServicesPage</name>
        <message>
            <source>Customers can take tokens</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Services</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>e.g. D</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>e.g. Deposit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Branch:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Letter &amp;code:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Average service time:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Target wait:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Acti&amp;ve:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>New service</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Edit service</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Nextup::Console::SessionController</name>
        <message>
            <source>The remembered sign-in is gone from the keychain. Please sign in.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The system keychain could not be read (%1). Please sign in.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The remembered sign-in is no longer valid (%1). Please sign in again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The account "%1" (role %2) cannot use the console: it is for operators and administrators.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No system keychain is available (%1), so this console cannot remember you. Nothing was saved: you will sign in again next time.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Your session has ended: %1 Please sign in again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Wrong username or password.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Too many sign-in attempts. Try again in %n second(s).</source>
            <translation>
                <numerusform>Too many sign-in attempts. Try again in %n second.</numerusform>
                <numerusform>Too many sign-in attempts. Try again in %n seconds.</numerusform>
            </translation>
        </message>
        <message>
            <source>Cannot reach the server at %1 (%2).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This account may not sign in: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sign-in failed: %1</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Nextup::Console::SignInPage</name>
        <message>
            <source>Nextup console</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sign in to serve customers at your counter.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Server address</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Username</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Password</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Remember me on this computer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keeps you signed in through the system keychain; your password is never stored.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Sign in</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ser&amp;ver address:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Username:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Password:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Signing in…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No system keychain is available on this computer (%1), so the console cannot remember you. Nothing will be saved; sign in each time.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The server address is not valid, e.g. http://127.0.0.1:8080</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Enter your username and password.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Retry &amp;now</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Retry now</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Nextup::Console::StatsCharts</name>
        <message>
            <source>Issued</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Served</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Skipped</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tokens</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Avg wait</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>90% wait</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Avg service</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>90% service</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Minutes</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Nextup::Console::StatsPage</name>
        <message>
            <source>Statistics table</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>T&amp;oday (live)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Range:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>From</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>To</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>to</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Re&amp;fresh</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Compare</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Per service</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Per counter</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tokens</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Wait and service time (minutes)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tokens per hour</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tokens chart</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Tokens</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Times chart</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>T&amp;imes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tokens per hour chart</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 to %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&lt;b&gt;%1&lt;/b&gt;: issued &lt;b&gt;%2&lt;/b&gt; · served &lt;b&gt;%3&lt;/b&gt; · skipped &lt;b&gt;%4&lt;/b&gt; · waiting &lt;b&gt;%5&lt;/b&gt; · average wait &lt;b&gt;%6&lt;/b&gt; (90%: %7) · average service &lt;b&gt;%8&lt;/b&gt; (90%: %9)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Estimated waits: no called walk-in tokens to compare yet.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>customers waited %1 longer than told</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>customers waited %1 less than told</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Range: refresh by hand</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not live: press Refresh</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reconnecting — figures may be behind</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>● Live</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Estimated waits (%Ln token(s) compared): off by &lt;b&gt;%1&lt;/b&gt; on average; overall %2.</source>
            <translation>
                <numerusform>Estimated waits (%Ln token compared): off by &lt;b&gt;%1&lt;/b&gt; on average; overall %2.</numerusform>
                <numerusform>Estimated waits (%Ln tokens compared): off by &lt;b&gt;%1&lt;/b&gt; on average; overall %2.</numerusform>
            </translation>
        </message>
        <message>
            <source>Co&amp;mpare:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tokens per hour of the day, all days</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Nextup::Console::StatsTableModel</name>
        <message>
            <source>%1 early</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 late</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>All tokens</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Service: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Counter: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Appointments booked (not cancelled)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Appointments whose customer checked in</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Appointments nobody checked in within the window</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No-shows among the appointments that came or missed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>On average, how long before (early) or after (late) their slot customers checked in</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Service or counter</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Issued</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Served</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Skipped</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancelled</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Waiting</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Avg wait</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>90% wait</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Avg service</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>90% service</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Booked</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Checked in</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No-shows</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No-show rate</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Punctuality</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Nextup::Console::Status</name>
        <message>
            <source>Waiting</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Called</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Serving</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Completed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Skipped</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancelled</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Booked</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No-show</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Nextup::Console::TokenEventsModel</name>
        <message>
            <source>%1 → %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Event</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Counter</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>By</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reason</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Nextup::Console::TokenHistoryPage</name>
        <message>
            <source>e.g. D007</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Any status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Search</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>E&amp;xport CSV…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Every token of the last search, all pages, as a CSV file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;From:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;To:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ser&amp;vice:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>C&amp;ounter:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>St&amp;atus:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Number:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tokens found</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Previous page</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>N&amp;ext page</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Select a token to see its timeline.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Timeline of the selected token</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Any service</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Any counter</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose the filters, then Search.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 — %2 — %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>tokens-%1-to-%2.csv</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export tokens</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>CSV files (*.csv)</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Page %L1 of %L2 · %Ln token(s)</source>
            <translation>
                <numerusform>Page %L1 of %L2 · %Ln token</numerusform>
                <numerusform>Page %L1 of %L2 · %Ln tokens</numerusform>
            </translation>
        </message>
        <message>
            <source>Cancel e&amp;xport</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Exporting… %L1 of %L2</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Nextup::Console::TransferDialog</name>
        <message>
            <source>Transfer %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Send %1 to another service or counter. It keeps its original arrival time.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>To &amp;service:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Target service</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>To &amp;counter:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Target counter</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reason</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>optional</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Reason:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Transfer</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Nextup::Console::UsersModel</name>
        <message>
            <source>Username</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Full name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Role</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Active</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Nextup::Console::UsersPage</name>
        <message>
            <source>Can sign in</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Reset password</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Users</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Username:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Full name:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Role:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Password:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Acti&amp;ve:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Password changed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Required for a new user</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Type a new one, then Reset password</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>New user</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Edit user</source>
            <translation type="unfinished" />
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
            <translation type="unfinished" />
        </message>
        <message>
            <source>Priority %1: called before others</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Normal priority</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>An appointment: it joined the line at its booked time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>next</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Token</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Booked for</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Service</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Priority</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Waiting</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Est. call</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&lt; 1 min</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Nextup::Console::WorkPanel</name>
        <message>
            <source>Current token</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Current token number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Call next</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Calls the next waiting token to this counter.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Recall</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Announces the called token again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Start serving</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The customer has arrived at the counter.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Complete</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The customer has been served.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Skip (no-show)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The customer did not come.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Transfer…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sends the token to another service or counter; it keeps its place in line.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No token at the counter</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>none</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Serving</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Called — waiting for the customer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Service: %1 (%2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Customer: %1</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Recalled %n time(s)</source>
            <translation>
                <numerusform>Recalled %n time</numerusform>
                <numerusform>Recalled %n times</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Waited %n min</source>
            <translation>
                <numerusform>Waited %n min</numerusform>
                <numerusform>Waited %n min</numerusform>
            </translation>
        </message>
        <message>
            <source>at the counter for %1:%2</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Nextup::Console::DevicesModel</name>
        <message>
            <source>Name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Branch</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Kind</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Printer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Last report</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Version</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>None</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ready</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not reachable</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Out of paper</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Error</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 (%2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ticket dispenser</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Board</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Online</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Offline</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Nextup::Console::DevicesPage</name>
        <message>
            <source>Lobby devices</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Devices summary</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Refresh</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No board or ticket dispenser has reported yet.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n device(s), all online and ready.</source>
            <translation>
                <numerusform>%n device, online and ready.</numerusform>
                <numerusform>%n devices, all online and ready.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n device(s) need someone: offline, or a printer in trouble.</source>
            <translation>
                <numerusform>%n device needs someone: offline, or a printer in trouble.</numerusform>
                <numerusform>%n devices need someone: offline, or a printer in trouble.</numerusform>
            </translation>
        </message>
    </context>
</TS>
