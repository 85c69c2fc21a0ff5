<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
    <context>
        <name>Nextup::Console::AdminModels</name>
        <message>
            <source>Yes</source>
            <translation>نعم</translation>
        </message>
        <message>
            <source>No</source>
            <translation>لا</translation>
        </message>
        <message>
            <source>Administrator</source>
            <translation>مسؤول</translation>
        </message>
        <message>
            <source>Operator</source>
            <translation>موظف</translation>
        </message>
        <message>
            <source>Kiosk</source>
            <translation>كشك</translation>
        </message>
        <message>
            <source>Customer</source>
            <translation>عميل</translation>
        </message>
        <message>
            <source>Branch administrator</source>
            <translation>مدير الفرع</translation>
        </message>
    </context>
    <context>
        <name>Nextup::Console::AdminPages</name>
        <message>
            <source>Services</source>
            <translation>الخدمات</translation>
        </message>
        <message>
            <source>Counters</source>
            <translation>الشبابيك</translation>
        </message>
        <message>
            <source>Users</source>
            <translation>المستخدمون</translation>
        </message>
        <message>
            <source>Booking</source>
            <translation>المواعيد والحجز</translation>
        </message>
        <message>
            <source>History</source>
            <translation>السجل</translation>
        </message>
        <message>
            <source>Statistics</source>
            <translation>الإحصاءات</translation>
        </message>
        <message>
            <source>Devices</source>
            <translation>الأجهزة</translation>
        </message>
    </context>
    <context>
        <name>Nextup::Console::AppointmentsModel</name>
        <message>
            <source>Booked</source>
            <translation>محجوزة</translation>
        </message>
        <message>
            <source>Late</source>
            <translation>متأخرة</translation>
        </message>
        <message>
            <source>Checked in</source>
            <translation>سُجّل الحضور</translation>
        </message>
        <message>
            <source>At a counter</source>
            <translation>عند الشباك</translation>
        </message>
        <message>
            <source>Served</source>
            <translation>تمت خدمتها</translation>
        </message>
        <message>
            <source>Skipped</source>
            <translation>تُخطّيت</translation>
        </message>
        <message>
            <source>No-show</source>
            <translation>لم يحضر</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>أُلغيت</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>الوقت</translation>
        </message>
        <message>
            <source>Number</source>
            <translation>الرقم</translation>
        </message>
        <message>
            <source>Service</source>
            <translation>الخدمة</translation>
        </message>
        <message>
            <source>Customer</source>
            <translation>العميل</translation>
        </message>
        <message>
            <source>State</source>
            <translation>الحالة</translation>
        </message>
        <message>
            <source>Check-in</source>
            <translation>تسجيل الحضور</translation>
        </message>
    </context>
    <context>
        <name>Nextup::Console::AppointmentsPage</name>
        <message>
            <source>Appointments</source>
            <translation>المواعيد</translation>
        </message>
        <message>
            <source>Check-in</source>
            <translation>تسجيل الحضور</translation>
        </message>
        <message>
            <source>Scan a ticket or type its number</source>
            <translation>امسح تذكرة أو اكتب رقمها</translation>
        </message>
        <message>
            <source>Scan the ticket's QR code, or type a number such as D501, then Enter</source>
            <translation>امسح رمز QR في التذكرة أو اكتب رقمًا مثل D501 ثم اضغط Enter</translation>
        </message>
        <message>
            <source>&amp;Scan or type:</source>
            <translation>امسح أو اكتب (&amp;S):</translation>
        </message>
        <message>
            <source>Check &amp;in</source>
            <translation>تسجيل الحضور (&amp;I)</translation>
        </message>
        <message>
            <source>From</source>
            <translation>من</translation>
        </message>
        <message>
            <source>To</source>
            <translation>إلى</translation>
        </message>
        <message>
            <source>&amp;Date:</source>
            <translation>التاريخ (&amp;D):</translation>
        </message>
        <message>
            <source>to</source>
            <translation>إلى</translation>
        </message>
        <message>
            <source>&amp;Today</source>
            <translation>اليوم (&amp;T)</translation>
        </message>
        <message>
            <source>Service</source>
            <translation>الخدمة</translation>
        </message>
        <message>
            <source>All services</source>
            <translation>كل الخدمات</translation>
        </message>
        <message>
            <source>S&amp;ervice:</source>
            <translation>الخدمة (&amp;E):</translation>
        </message>
        <message>
            <source>State</source>
            <translation>الحالة</translation>
        </message>
        <message>
            <source>All states</source>
            <translation>كل الحالات</translation>
        </message>
        <message>
            <source>Sh&amp;ow:</source>
            <translation>عرض (&amp;O):</translation>
        </message>
        <message>
            <source>Re&amp;fresh</source>
            <translation>تحديث (&amp;F)</translation>
        </message>
        <message>
            <source>The appointments could not be read: %1</source>
            <translation>تعذّرت قراءة المواعيد: %1</translation>
        </message>
        <message>
            <source>Checking in…</source>
            <translation>جارٍ تسجيل الحضور…</translation>
        </message>
        <message>
            <source>Check in</source>
            <translation>تسجيل الحضور</translation>
        </message>
        <message>
            <source>Check in %1</source>
            <translation>تسجيل حضور %1</translation>
        </message>
        <message numerus="yes">
            <source>%Ln appointment(s)</source>
            <translation>
                <numerusform>لا مواعيد</numerusform>
                <numerusform>موعد واحد</numerusform>
                <numerusform>موعدان</numerusform>
                <numerusform>%Ln مواعيد</numerusform>
                <numerusform>%Ln موعدًا</numerusform>
                <numerusform>%Ln موعد</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Nextup::Console::BookingPage</name>
        <message>
            <source>Slots per service</source>
            <translation>الفترات لكل خدمة</translation>
        </message>
        <message>
            <source>Branch</source>
            <translation>الفرع</translation>
        </message>
        <message>
            <source>&amp;Branch:</source>
            <translation>الفرع (&amp;B):</translation>
        </message>
        <message>
            <source> days</source>
            <translation> يومًا</translation>
        </message>
        <message>
            <source> min before</source>
            <translation> دقيقة قبل الموعد</translation>
        </message>
        <message>
            <source> min after</source>
            <translation> دقيقة بعد الموعد</translation>
        </message>
        <message>
            <source>Bookable &amp;up to:</source>
            <translation>يمكن الحجز حتى (&amp;U):</translation>
        </message>
        <message>
            <source>Check-in &amp;opens:</source>
            <translation>يبدأ تسجيل الحضور (&amp;O):</translation>
        </message>
        <message>
            <source>Check-in &amp;closes:</source>
            <translation>ينتهي تسجيل الحضور (&amp;C):</translation>
        </message>
        <message>
            <source>&amp;Save branch settings</source>
            <translation>حفظ إعدادات الفرع (&amp;S)</translation>
        </message>
        <message>
            <source>Opening hours (the branch's own time)</source>
            <translation>ساعات العمل (بتوقيت الفرع)</translation>
        </message>
        <message>
            <source>Closed dates</source>
            <translation>أيام الإغلاق</translation>
        </message>
        <message>
            <source>Booking and check-in</source>
            <translation>الحجز وتسجيل الحضور</translation>
        </message>
        <message>
            <source>Time zone: %1</source>
            <translation>المنطقة الزمنية: %1</translation>
        </message>
        <message>
            <source>Some opening hours cannot be read.</source>
            <translation>تعذّرت قراءة بعض ساعات العمل.</translation>
        </message>
        <message>
            <source>Saved.</source>
            <translation>تم الحفظ.</translation>
        </message>
    </context>
    <context>
        <name>Nextup::Console::CheckInDesk</name>
        <message>
            <source>“%1” is neither a ticket's code nor a token number.</source>
            <translation>«%1» ليس رمز تذكرة ولا رقم تذكرة.</translation>
        </message>
        <message>
            <source>%1 is checked in: number %2 in line.</source>
            <translation>سُجّل حضور %1: رقم %2 في الطابور.</translation>
        </message>
        <message>
            <source>%1 is checked in.</source>
            <translation>سُجّل حضور %1.</translation>
        </message>
        <message>
            <source>No appointment %1 today.</source>
            <translation>لا يوجد موعد %1 اليوم.</translation>
        </message>
        <message>
            <source>Today's appointments could not be read: %1</source>
            <translation>تعذّرت قراءة مواعيد اليوم: %1</translation>
        </message>
        <message>
            <source>this appointment</source>
            <translation>هذا الموعد</translation>
        </message>
        <message>
            <source>Outside the check-in window of %1.</source>
            <translation>خارج فترة تسجيل الحضور لـ %1.</translation>
        </message>
        <message>
            <source>Too early: %1 can check in from %2 to %3.</source>
            <translation>مبكر جدًا: يمكن تسجيل حضور %1 من %2 إلى %3.</translation>
        </message>
        <message>
            <source>Too late: check-in for %1 was open from %2 to %3.</source>
            <translation>متأخر جدًا: كان تسجيل حضور %1 متاحًا من %2 إلى %3.</translation>
        </message>
        <message>
            <source>This ticket was not found. Is it from this office?</source>
            <translation>لم يُعثر على هذه التذكرة. هل هي من هذا المكتب؟</translation>
        </message>
        <message>
            <source>%1 was not found.</source>
            <translation>لم يُعثر على %1.</translation>
        </message>
        <message>
            <source>Check-in failed: %1</source>
            <translation>فشل تسجيل الحضور: %1</translation>
        </message>
        <message>
            <source>%1 is a walk-in token: there is nothing to check in.</source>
            <translation>%1 تذكرة بدون موعد: لا يوجد ما يُسجَّل.</translation>
        </message>
        <message>
            <source>%1 is already checked in and waiting.</source>
            <translation>سُجّل حضور %1 من قبل وهو ينتظر.</translation>
        </message>
        <message>
            <source>%1 is already checked in and at a counter.</source>
            <translation>سُجّل حضور %1 من قبل وهو عند أحد الشبابيك.</translation>
        </message>
        <message>
            <source>%1 was already checked in and called.</source>
            <translation>سُجّل حضور %1 من قبل واستُدعي.</translation>
        </message>
        <message>
            <source>%1 missed its check-in window (no-show): book a new time or issue a walk-in token.</source>
            <translation>فات %1 وقت تسجيل الحضور (لم يحضر): احجز موعدًا جديدًا أو أصدر تذكرة بدون موعد.</translation>
        </message>
        <message>
            <source>%1 was cancelled.</source>
            <translation>أُلغي %1.</translation>
        </message>
        <message>
            <source>%1 cannot be checked in now; try again.</source>
            <translation>لا يمكن تسجيل حضور %1 الآن؛ حاول مرة أخرى.</translation>
        </message>
        <message numerus="yes">
            <source>%Ln appointments are numbered %1 today (in different branches): scan the ticket's code instead.</source>
            <translation>
                <numerusform>يحمل %Ln موعد الرقم %1 اليوم (في فروع مختلفة): امسح رمز التذكرة بدلًا من ذلك.</numerusform>
                <numerusform>يحمل موعد واحد الرقم %1 اليوم: امسح رمز التذكرة بدلًا من ذلك.</numerusform>
                <numerusform>يحمل موعدان الرقم %1 اليوم (في فرعين مختلفين): امسح رمز التذكرة بدلًا من ذلك.</numerusform>
                <numerusform>تحمل %Ln مواعيد الرقم %1 اليوم (في فروع مختلفة): امسح رمز التذكرة بدلًا من ذلك.</numerusform>
                <numerusform>يحمل %Ln موعدًا الرقم %1 اليوم (في فروع مختلفة): امسح رمز التذكرة بدلًا من ذلك.</numerusform>
                <numerusform>يحمل %Ln موعد الرقم %1 اليوم (في فروع مختلفة): امسح رمز التذكرة بدلًا من ذلك.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Nextup::Console::ClosedDatesEdit</name>
        <message>
            <source>&amp;Add</source>
            <translation>إضافة (&amp;A)</translation>
        </message>
        <message>
            <source>Remo&amp;ve</source>
            <translation>إزالة (&amp;V)</translation>
        </message>
        <message>
            <source>Closed dates</source>
            <translation>أيام الإغلاق</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>التاريخ</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>السبب</translation>
        </message>
        <message>
            <source>Date to close</source>
            <translation>يوم الإغلاق</translation>
        </message>
        <message>
            <source>Why it is closed</source>
            <translation>سبب الإغلاق</translation>
        </message>
        <message>
            <source>Reason, e.g. public holiday</source>
            <translation>السبب، مثل عطلة رسمية</translation>
        </message>
    </context>
    <context>
        <name>Nextup::Console::CommandLine</name>
        <message>
            <source>--server: "%1" is not a server address (%2). Give one such as http://127.0.0.1:8080 or https://queue.example.org.</source>
            <translation>الخيار --server: «%1» ليس عنوان خادم (%2). استخدم عنوانًا مثل http://127.0.0.1:8080 أو https://queue.example.org.</translation>
        </message>
        <message>
            <source>--server needs an address, such as http://127.0.0.1:8080.</source>
            <translation>يحتاج الخيار --server إلى عنوان، مثل http://127.0.0.1:8080.</translation>
        </message>
        <message>
            <source>it must start with http:// or https://</source>
            <translation>يجب أن يبدأ بـ http:// أو https://</translation>
        </message>
        <message>
            <source>no host</source>
            <translation>لا يتضمن اسم مضيف</translation>
        </message>
        <message>
            <source>user names and passwords do not belong in it</source>
            <translation>يجب ألا يتضمن أسماء مستخدمين أو كلمات مرور</translation>
        </message>
        <message>
            <source>no query or fragment</source>
            <translation>يجب ألا يتضمن استعلامًا أو جزءًا</translation>
        </message>
        <message>
            <source>Unexpected argument "%1".</source>
            <translation>وسيط غير متوقع: «%1».</translation>
        </message>
        <message>
            <source>--language: "%1" is not one of the console's languages (%2).</source>
            <translation>الخيار --language: «%1» ليست إحدى لغات وحدة التحكم (%2).</translation>
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
            <translation>الاستخدام: nextup-console [خيارات]
وحدة تحكم Nextup المكتبية لموظفي الشبابيك والمسؤولين.

الخيارات:
  -h, --help          يعرض هذه المساعدة ثم يخرج.
      --version       يعرض رقم الإصدار ثم يخرج.
      --server URL    يستخدم هذا الخادم في هذا التشغيل بدلًا من الخادم المحفوظ
                      (http:// أو https://، مثل http://127.0.0.1:8080).
      --language LANG يستخدم هذه اللغة في هذا التشغيل: %1.

لا يغيّر أيٌّ من هذين الخيارين الإعدادات المحفوظة. وتُقبل أيضًا خيارات Qt
الخاصة بها (-platform، -style، -reverse، ...). حالة الخروج: 0، أو %2 عند
وجود وسيط خاطئ.
</translation>
        </message>
    </context>
    <context>
        <name>Nextup::Console::CounterBar</name>
        <message>
            <source>Counter</source>
            <translation>الشباك</translation>
        </message>
        <message>
            <source>Counter status</source>
            <translation>حالة الشباك</translation>
        </message>
        <message>
            <source>&amp;Open counter</source>
            <translation>فتح الشباك (&amp;O)</translation>
        </message>
        <message>
            <source>&amp;Pause…</source>
            <translation>إيقاف مؤقت… (&amp;P)</translation>
        </message>
        <message>
            <source>C&amp;lose counter</source>
            <translation>إغلاق الشباك (&amp;L)</translation>
        </message>
        <message>
            <source>(no counters)</source>
            <translation>(لا توجد شبابيك)</translation>
        </message>
        <message>
            <source>Choose your counter.</source>
            <translation>اختر شباكك.</translation>
        </message>
        <message>
            <source>Open — you are serving here</source>
            <translation>مفتوح — أنت تخدم هنا</translation>
        </message>
        <message>
            <source>Open — another operator</source>
            <translation>مفتوح — موظف آخر</translation>
        </message>
        <message>
            <source>Paused</source>
            <translation>متوقف مؤقتًا</translation>
        </message>
        <message>
            <source>Paused: %1</source>
            <translation>متوقف مؤقتًا: %1</translation>
        </message>
        <message>
            <source> (another operator)</source>
            <translation> (موظف آخر)</translation>
        </message>
        <message>
            <source>Closed</source>
            <translation>مغلق</translation>
        </message>
        <message>
            <source>&amp;Resume</source>
            <translation>استئناف (&amp;R)</translation>
        </message>
        <message>
            <source>Cou&amp;nter:</source>
            <translation>الشباك (&amp;N):</translation>
        </message>
    </context>
    <context>
        <name>Nextup::Console::CountersModel</name>
        <message>
            <source>Open</source>
            <translation>مفتوح</translation>
        </message>
        <message>
            <source>Paused</source>
            <translation>متوقف مؤقتًا</translation>
        </message>
        <message>
            <source>Closed</source>
            <translation>مغلق</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>الاسم</translation>
        </message>
        <message>
            <source>Services</source>
            <translation>الخدمات</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>الحالة</translation>
        </message>
    </context>
    <context>
        <name>Nextup::Console::CountersPage</name>
        <message>
            <source>In use</source>
            <translation>قيد الاستخدام</translation>
        </message>
        <message>
            <source>Counters</source>
            <translation>الشبابيك</translation>
        </message>
        <message>
            <source>e.g. Counter D</source>
            <translation>مثال: الشباك D</translation>
        </message>
        <message>
            <source>&amp;Branch:</source>
            <translation>الفرع (&amp;B):</translation>
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation>الاسم (&amp;N):</translation>
        </message>
        <message>
            <source>Services ser&amp;ved:</source>
            <translation>الخدمات المقدَّمة (&amp;V):</translation>
        </message>
        <message>
            <source>Acti&amp;ve:</source>
            <translation>نشط (&amp;V):</translation>
        </message>
        <message>
            <source>%1 (inactive)</source>
            <translation>%1 (غير نشط)</translation>
        </message>
        <message>
            <source>New counter</source>
            <translation>شباك جديد</translation>
        </message>
        <message>
            <source>Edit counter</source>
            <translation>تعديل الشباك</translation>
        </message>
    </context>
    <context>
        <name>Nextup::Console::CrudPage</name>
        <message>
            <source>&amp;New</source>
            <translation>جديد (&amp;N)</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>حفظ (&amp;S)</translation>
        </message>
        <message>
            <source>&amp;Deactivate</source>
            <translation>تعطيل (&amp;D)</translation>
        </message>
        <message>
            <source>Saved.</source>
            <translation>تم الحفظ.</translation>
        </message>
        <message>
            <source>Deactivated.</source>
            <translation>تم التعطيل.</translation>
        </message>
    </context>
    <context>
        <name>Nextup::Console::CsvExport</name>
        <message>
            <source>Cannot write %1: %2</source>
            <translation>تعذّرت كتابة %1: %2</translation>
        </message>
        <message>
            <source>Export cancelled.</source>
            <translation>أُلغي التصدير.</translation>
        </message>
        <message>
            <source>Not connected.</source>
            <translation>غير متصل.</translation>
        </message>
        <message>
            <source>Reading the history failed: %1</source>
            <translation>فشلت قراءة السجل: %1</translation>
        </message>
        <message numerus="yes">
            <source>%Ln token(s) exported.</source>
            <translation>
                <numerusform>لم تُصدَّر أي تذكرة.</numerusform>
                <numerusform>صُدِّرت تذكرة واحدة.</numerusform>
                <numerusform>صُدِّرت تذكرتان.</numerusform>
                <numerusform>صُدِّرت %Ln تذاكر.</numerusform>
                <numerusform>صُدِّرت %Ln تذكرة.</numerusform>
                <numerusform>صُدِّرت %Ln تذكرة.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Nextup::Console::DirectCallDialog</name>
        <message>
            <source>Call %1 out of turn</source>
            <translation>استدعاء %1 خارج الدور</translation>
        </message>
        <message>
            <source>Call %1 to %2 now, ahead of the tokens before it in line? Say why: the reason is kept in the token's history.</source>
            <translation>هل تستدعي %1 إلى %2 الآن قبل التذاكر التي تسبقها في الطابور؟ اذكر السبب: يُحفظ في سجل التذكرة.</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>السبب</translation>
        </message>
        <message>
            <source>e.g. returning customer, documents checked</source>
            <translation>مثلًا: عميل عائد، المستندات فُحصت</translation>
        </message>
        <message>
            <source>&amp;Reason:</source>
            <translation>السبب (&amp;R):</translation>
        </message>
        <message>
            <source>&amp;Call now</source>
            <translation>استدعاء الآن (&amp;C)</translation>
        </message>
    </context>
    <context>
        <name>Nextup::Console::DurationSpinBox</name>
        <message>
            <source>Minutes:seconds, e.g. 4:30</source>
            <translation>دقائق:ثوانٍ، مثال: 4:30</translation>
        </message>
    </context>
    <context>
        <name>Nextup::Console::Event</name>
        <message>
            <source>Issued</source>
            <translation>صدرت</translation>
        </message>
        <message>
            <source>Called</source>
            <translation>استُدعيت</translation>
        </message>
        <message>
            <source>Recalled</source>
            <translation>أعيد استدعاؤها</translation>
        </message>
        <message>
            <source>Service started</source>
            <translation>بدأت الخدمة</translation>
        </message>
        <message>
            <source>Completed</source>
            <translation>اكتملت</translation>
        </message>
        <message>
            <source>Skipped</source>
            <translation>تُخطّيت</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>أُلغيت</translation>
        </message>
        <message>
            <source>Transferred</source>
            <translation>حُوّلت</translation>
        </message>
        <message>
            <source>Called out of turn</source>
            <translation>استُدعيت خارج الدور</translation>
        </message>
        <message>
            <source>Booked</source>
            <translation>حُجزت</translation>
        </message>
        <message>
            <source>Checked in</source>
            <translation>سُجّل الحضور</translation>
        </message>
        <message>
            <source>Rescheduled</source>
            <translation>تغيّر الموعد</translation>
        </message>
        <message>
            <source>No-show</source>
            <translation>لم يحضر</translation>
        </message>
    </context>
    <context>
        <name>Nextup::Console::FormErrors</name>
        <message>
            <source>Error for %1</source>
            <translation>خطأ في %1</translation>
        </message>
        <message>
            <source>The server cannot be reached (%1).</source>
            <translation>تعذّر الوصول إلى الخادم (%1).</translation>
        </message>
    </context>
    <context>
        <name>Nextup::Console::HistoryModel</name>
        <message>
            <source>Token</source>
            <translation>التذكرة</translation>
        </message>
        <message>
            <source>Service</source>
            <translation>الخدمة</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>الحالة</translation>
        </message>
        <message>
            <source>Counter</source>
            <translation>الشباك</translation>
        </message>
        <message>
            <source>Issued</source>
            <translation>صدرت</translation>
        </message>
        <message>
            <source>Wait</source>
            <translation>الانتظار</translation>
        </message>
        <message>
            <source>Service time</source>
            <translation>زمن الخدمة</translation>
        </message>
        <message>
            <source>Recalls</source>
            <translation>مرات إعادة الاستدعاء</translation>
        </message>
    </context>
    <context>
        <name>Nextup::Console::MainWindow</name>
        <message>
            <source>Signing in to %1…</source>
            <translation>جارٍ تسجيل الدخول إلى %1…</translation>
        </message>
        <message>
            <source>Signing in as %1 with the remembered session…</source>
            <translation>جارٍ تسجيل الدخول باسم %1 بالجلسة المحفوظة…</translation>
        </message>
        <message>
            <source>&amp;Console</source>
            <translation>وحدة التحكم (&amp;C)</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>اللغة (&amp;L)</translation>
        </message>
        <message>
            <source>Follow the system</source>
            <translation>حسب النظام</translation>
        </message>
        <message>
            <source>Sign &amp;out</source>
            <translation>تسجيل الخروج (&amp;O)</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>إنهاء (&amp;Q)</translation>
        </message>
        <message>
            <source>● Offline — reconnecting</source>
            <translation>● غير متصل — جارٍ إعادة الاتصال</translation>
        </message>
        <message>
            <source>● Updating</source>
            <translation>● جارٍ التحديث</translation>
        </message>
        <message>
            <source>● Live</source>
            <translation>● مباشر</translation>
        </message>
        <message>
            <source>Nextup console — %1 (%2) at %3</source>
            <translation>وحدة Nextup — %1 (%2) على %3</translation>
        </message>
        <message>
            <source>Nextup console</source>
            <translation>وحدة تحكم Nextup</translation>
        </message>
        <message>
            <source>Counter</source>
            <translation>الشباك</translation>
        </message>
        <message>
            <source>Appointments</source>
            <translation>المواعيد</translation>
        </message>
        <message>
            <source>Cannot reach the server at %1 — trying again now…</source>
            <translation>تعذّر الوصول إلى الخادم على %1 — جارٍ إعادة المحاولة الآن…</translation>
        </message>
        <message numerus="yes">
            <source>The server at %1 is not ready — retrying in %n s.</source>
            <translation>
                <numerusform>الخادم على %1 ليس جاهزًا بعد — ستُعاد المحاولة الآن.</numerusform>
                <numerusform>الخادم على %1 ليس جاهزًا بعد — ستُعاد المحاولة بعد ثانية واحدة.</numerusform>
                <numerusform>الخادم على %1 ليس جاهزًا بعد — ستُعاد المحاولة بعد ثانيتين.</numerusform>
                <numerusform>الخادم على %1 ليس جاهزًا بعد — ستُعاد المحاولة بعد %n ثوانٍ.</numerusform>
                <numerusform>الخادم على %1 ليس جاهزًا بعد — ستُعاد المحاولة بعد %n ثانية.</numerusform>
                <numerusform>الخادم على %1 ليس جاهزًا بعد — ستُعاد المحاولة بعد %n ثانية.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Cannot reach the server at %1 — retrying in %n s.</source>
            <translation>
                <numerusform>تعذّر الوصول إلى الخادم على %1 — ستُعاد المحاولة الآن.</numerusform>
                <numerusform>تعذّر الوصول إلى الخادم على %1 — ستُعاد المحاولة بعد ثانية واحدة.</numerusform>
                <numerusform>تعذّر الوصول إلى الخادم على %1 — ستُعاد المحاولة بعد ثانيتين.</numerusform>
                <numerusform>تعذّر الوصول إلى الخادم على %1 — ستُعاد المحاولة بعد %n ثوانٍ.</numerusform>
                <numerusform>تعذّر الوصول إلى الخادم على %1 — ستُعاد المحاولة بعد %n ثانية.</numerusform>
                <numerusform>تعذّر الوصول إلى الخادم على %1 — ستُعاد المحاولة بعد %n ثانية.</numerusform>
            </translation>
        </message>
        <message>
            <source>Last attempt: %1</source>
            <translation>آخر محاولة: %1</translation>
        </message>
        <message>
            <source>The server at %1 answers again. You can sign in.</source>
            <translation>الخادم على %1 يستجيب من جديد. يمكنك تسجيل الدخول الآن.</translation>
        </message>
    </context>
    <context>
        <name>Nextup::Console::MyDayPanel</name>
        <message>
            <source>My day at this counter:</source>
            <translation>يومي في هذا الشباك:</translation>
        </message>
        <message>
            <source>Served: –</source>
            <translation>تمت خدمتهم: –</translation>
        </message>
        <message>
            <source>Average service time: –</source>
            <translation>متوسط زمن الخدمة: –</translation>
        </message>
        <message>
            <source>No-shows: –</source>
            <translation>لم يحضروا: –</translation>
        </message>
        <message>
            <source>Served: %1</source>
            <translation>تمت خدمتهم: %1</translation>
        </message>
        <message>
            <source>Average service time: %1:%2</source>
            <translation>متوسط زمن الخدمة: %1:%2</translation>
        </message>
        <message>
            <source>No-shows: %1</source>
            <translation>لم يحضروا: %1</translation>
        </message>
    </context>
    <context>
        <name>Nextup::Console::OpeningHoursEdit</name>
        <message>
            <source>Opening hours on %1</source>
            <translation>ساعات العمل يوم %1</translation>
        </message>
        <message>
            <source>Closed</source>
            <translation>مغلق</translation>
        </message>
        <message>
            <source>Several ranges a day are separated by commas, e.g. 09:00-12:30, 13:30-17:00; 24:00 is midnight; empty is closed.</source>
            <translation>تُفصل عدة فترات في اليوم بفواصل، مثل ⁦09:00-12:30, 13:30-17:00⁩؛ و⁦24:00⁩ منتصف الليل؛ والحقل الفارغ يعني مغلقًا.</translation>
        </message>
        <message>
            <source>Copy &amp;Monday to Tuesday–Friday</source>
            <translation>نسخ الإثنين إلى الثلاثاء–الجمعة (&amp;M)</translation>
        </message>
        <message>
            <source>Write ranges like 09:00-12:30, 13:30-17:00, each closing after it opens and after the one before.</source>
            <translation>اكتب فترات مثل ⁦09:00-12:30, 13:30-17:00⁩، تنتهي كل منها بعد بدايتها وبعد الفترة التي قبلها.</translation>
        </message>
    </context>
    <context>
        <name>Nextup::Console::OperatorPage</name>
        <message>
            <source>Reconnecting to the server… The line and counters shown may be out of date; actions still reach the server when it answers.</source>
            <translation>جارٍ إعادة الاتصال بالخادم… قد لا يكون الطابور والشبابيك المعروضة محدَّثة؛ تصل الإجراءات إلى الخادم عندما يستجيب.</translation>
        </message>
        <message>
            <source>Updating the queue from the server…</source>
            <translation>جارٍ تحديث الطابور من الخادم…</translation>
        </message>
        <message>
            <source>The counter is open. Press F5 to call the next token.</source>
            <translation>الشباك مفتوح. اضغط F5 لاستدعاء التذكرة التالية.</translation>
        </message>
        <message>
            <source>The counter is paused. Resume it to call again.</source>
            <translation>الشباك متوقف مؤقتًا. استأنفه لتستدعي من جديد.</translation>
        </message>
        <message>
            <source>The counter is closed.</source>
            <translation>الشباك مغلق.</translation>
        </message>
        <message>
            <source>Called %1.</source>
            <translation>تم استدعاء %1.</translation>
        </message>
        <message>
            <source>Called %1 again.</source>
            <translation>تم استدعاء %1 مرة أخرى.</translation>
        </message>
        <message>
            <source>Serving %1.</source>
            <translation>جارٍ خدمة %1.</translation>
        </message>
        <message>
            <source>%1 is complete.</source>
            <translation>اكتملت خدمة %1.</translation>
        </message>
        <message>
            <source>%1 was marked as a no-show.</source>
            <translation>سُجِّلت %1 كغائبة.</translation>
        </message>
        <message>
            <source>%1 was transferred; it keeps its place in line.</source>
            <translation>تم تحويل %1؛ وتحتفظ بمكانها في الطابور.</translation>
        </message>
        <message>
            <source>Pause the counter</source>
            <translation>إيقاف الشباك مؤقتًا</translation>
        </message>
        <message>
            <source>Reason for the pause (shown to colleagues):</source>
            <translation>سبب التوقف (يظهر للزملاء):</translation>
        </message>
        <message>
            <source>Break</source>
            <translation>استراحة</translation>
        </message>
        <message>
            <source>&amp;Pause</source>
            <translation>إيقاف مؤقت (&amp;P)</translation>
        </message>
        <message>
            <source>Called %1 out of turn.</source>
            <translation>استُدعيت %1 خارج الدور.</translation>
        </message>
        <message>
            <source>Nobody is waiting for this counter's services.</source>
            <translation>لا أحد ينتظر خدمات هذا الشباك.</translation>
        </message>
        <message>
            <source>Not possible right now: %1</source>
            <translation>غير ممكن الآن: %1</translation>
        </message>
        <message>
            <source>The counter is not open: %1</source>
            <translation>الشباك غير مفتوح: %1</translation>
        </message>
        <message>
            <source>Another operator already has this counter open.</source>
            <translation>هذا الشباك مفتوح بالفعل لموظف آخر.</translation>
        </message>
        <message>
            <source>Not allowed: %1</source>
            <translation>غير مسموح: %1</translation>
        </message>
        <message>
            <source>Not found: %1</source>
            <translation>غير موجود: %1</translation>
        </message>
        <message>
            <source>Refused: %1</source>
            <translation>مرفوض: %1</translation>
        </message>
        <message>
            <source>The server did not answer (%1). Check the banner above; when the connection is back, look at the counter and try again.</source>
            <translation>لم يستجب الخادم (%1). انظر إلى الشريط في الأعلى؛ وعند عودة الاتصال تحقق من الشباك وحاول مرة أخرى.</translation>
        </message>
        <message>
            <source>The server is temporarily unavailable (%1). Try again in a moment.</source>
            <translation>الخادم غير متاح مؤقتًا (%1). حاول بعد لحظات.</translation>
        </message>
    </context>
    <context>
        <name>Nextup::Console::QueuePanel</name>
        <message>
            <source>Waiting tokens</source>
            <translation>التذاكر المنتظرة</translation>
        </message>
        <message>
            <source>Call selected out of turn…  [%1]</source>
            <translation>استدعاء المحددة خارج الدور…  [%1]</translation>
        </message>
        <message>
            <source>Call selected out of turn</source>
            <translation>استدعاء المحددة خارج الدور</translation>
        </message>
        <message>
            <source>Calls the token chosen in the list to this counter now, ahead of the line; asks for the reason.</source>
            <translation>تستدعي التذكرة المحددة في القائمة إلى هذا الشباك الآن قبل الطابور؛ وتطلب السبب.</translation>
        </message>
        <message>
            <source>Waiting for this counter: %1</source>
            <translation>في الانتظار لهذا الشباك: %1</translation>
        </message>
        <message>
            <source>, new token ~%1</source>
            <translation>، التذكرة الجديدة ~%1</translation>
        </message>
        <message>
            <source>&lt;b&gt;%1&lt;/b&gt; %2: %3 waiting%4</source>
            <translation>&lt;b&gt;%1&lt;/b&gt; %2: %3 في الانتظار%4</translation>
        </message>
        <message>
            <source>Choose a counter to see its line.</source>
            <translation>اختر شباكًا لترى طابوره.</translation>
        </message>
    </context>
    <context>
        <name>Nextup::Console::ServiceSlotsBox</name>
        <message>
            <source>Save &amp;slots</source>
            <translation>حفظ الفترات (&amp;S)</translation>
        </message>
        <message>
            <source>Slots per service</source>
            <translation>الفترات لكل خدمة</translation>
        </message>
        <message>
            <source>Service</source>
            <translation>الخدمة</translation>
        </message>
        <message>
            <source>Slot</source>
            <translation>الفترة</translation>
        </message>
        <message>
            <source>Places per slot</source>
            <translation>الأماكن في كل فترة</translation>
        </message>
        <message>
            <source> min</source>
            <translation> دقيقة</translation>
        </message>
        <message>
            <source>Slot length</source>
            <translation>طول الفترة</translation>
        </message>
        <message>
            <source>From the counters</source>
            <translation>حسب الشبابيك</translation>
        </message>
        <message>
            <source>Empty (lowest value): as many customers as the counters serving this service get through in one slot</source>
            <translation>فارغ (أدنى قيمة): عدد العملاء الذين تخدمهم شبابيك هذه الخدمة في فترة واحدة</translation>
        </message>
        <message>
            <source>Slot &amp;length:</source>
            <translation>طول الفترة (&amp;L):</translation>
        </message>
        <message>
            <source>&amp;Places per slot:</source>
            <translation>الأماكن في كل فترة (&amp;P):</translation>
        </message>
        <message>
            <source>%1 min</source>
            <translation>%1 دقيقة</translation>
        </message>
        <message>
            <source>%1 (from the counters)</source>
            <translation>%1 (حسب الشبابيك)</translation>
        </message>
        <message>
            <source>Saved.</source>
            <translation>تم الحفظ.</translation>
        </message>
        <message numerus="yes">
            <source>A slot has %Ln place(s) now.</source>
            <translation>
                <numerusform>لا أماكن في الفترة الآن.</numerusform>
                <numerusform>في الفترة الآن مكان واحد.</numerusform>
                <numerusform>في الفترة الآن مكانان.</numerusform>
                <numerusform>في الفترة الآن %Ln أماكن.</numerusform>
                <numerusform>في الفترة الآن %Ln مكانًا.</numerusform>
                <numerusform>في الفترة الآن %Ln مكان.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Nextup::Console::ServicesModel</name>
        <message>
            <source>Code</source>
            <translation>الرمز</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>الاسم</translation>
        </message>
        <message>
            <source>Average service</source>
            <translation>متوسط الخدمة</translation>
        </message>
        <message>
            <source>Target wait</source>
            <translation>الانتظار المستهدف</translation>
        </message>
        <message>
            <source>Active</source>
            <translation>نشط</translation>
        </message>
        <message>
            <source>Waiting now</source>
            <translation>ينتظرون الآن</translation>
        </message>
    </context>
    <context>
        <name>Nextup::Console::ServicesPage</name>
        <message>
            <source>Customers can take tokens</source>
            <translation>يمكن للعملاء أخذ تذاكر</translation>
        </message>
        <message>
            <source>Services</source>
            <translation>الخدمات</translation>
        </message>
        <message>
            <source>e.g. D</source>
            <translation>مثال: D</translation>
        </message>
        <message>
            <source>e.g. Deposit</source>
            <translation>مثال: إيداع</translation>
        </message>
        <message>
            <source>&amp;Branch:</source>
            <translation>الفرع (&amp;B):</translation>
        </message>
        <message>
            <source>Letter &amp;code:</source>
            <translation>رمز الحرف (&amp;C):</translation>
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation>الاسم (&amp;N):</translation>
        </message>
        <message>
            <source>&amp;Average service time:</source>
            <translation>متوسط زمن الخدمة (&amp;A):</translation>
        </message>
        <message>
            <source>&amp;Target wait:</source>
            <translation>الانتظار المستهدف (&amp;T):</translation>
        </message>
        <message>
            <source>Acti&amp;ve:</source>
            <translation>نشط (&amp;V):</translation>
        </message>
        <message>
            <source>New service</source>
            <translation>خدمة جديدة</translation>
        </message>
        <message>
            <source>Edit service</source>
            <translation>تعديل الخدمة</translation>
        </message>
    </context>
    <context>
        <name>Nextup::Console::SessionController</name>
        <message>
            <source>The remembered sign-in is gone from the keychain. Please sign in.</source>
            <translation>لم يعد تسجيل الدخول المحفوظ موجودًا في سلسلة المفاتيح. يرجى تسجيل الدخول.</translation>
        </message>
        <message>
            <source>The system keychain could not be read (%1). Please sign in.</source>
            <translation>تعذّرت قراءة سلسلة مفاتيح النظام (%1). يرجى تسجيل الدخول.</translation>
        </message>
        <message>
            <source>The remembered sign-in is no longer valid (%1). Please sign in again.</source>
            <translation>لم يعد تسجيل الدخول المحفوظ صالحًا (%1). يرجى تسجيل الدخول مرة أخرى.</translation>
        </message>
        <message>
            <source>The account "%1" (role %2) cannot use the console: it is for operators and administrators.</source>
            <translation>لا يمكن للحساب «%1» (الدور %2) استخدام الوحدة: فهي للموظفين والمسؤولين.</translation>
        </message>
        <message>
            <source>No system keychain is available (%1), so this console cannot remember you. Nothing was saved: you will sign in again next time.</source>
            <translation>لا تتوفر سلسلة مفاتيح للنظام (%1)، لذا لا تستطيع هذه الوحدة تذكّرك. لم يُحفظ أي شيء: ستسجّل الدخول مجددًا في المرة القادمة.</translation>
        </message>
        <message>
            <source>Your session has ended: %1 Please sign in again.</source>
            <translation>انتهت جلستك: %1 يرجى تسجيل الدخول مرة أخرى.</translation>
        </message>
        <message>
            <source>Wrong username or password.</source>
            <translation>اسم المستخدم أو كلمة المرور غير صحيحة.</translation>
        </message>
        <message numerus="yes">
            <source>Too many sign-in attempts. Try again in %n second(s).</source>
            <translation>
                <numerusform>محاولات كثيرة. حاول بعد %n ثانية.</numerusform>
                <numerusform>محاولات كثيرة. حاول بعد %n ثانية.</numerusform>
                <numerusform>محاولات كثيرة. حاول بعد %n ثانية.</numerusform>
                <numerusform>محاولات كثيرة. حاول بعد %n ثانية.</numerusform>
                <numerusform>محاولات كثيرة. حاول بعد %n ثانية.</numerusform>
                <numerusform>محاولات كثيرة. حاول بعد %n ثانية.</numerusform>
            </translation>
        </message>
        <message>
            <source>Cannot reach the server at %1 (%2).</source>
            <translation>تعذّر الوصول إلى الخادم على %1 (%2).</translation>
        </message>
        <message>
            <source>This account may not sign in: %1</source>
            <translation>لا يُسمح لهذا الحساب بتسجيل الدخول: %1</translation>
        </message>
        <message>
            <source>Sign-in failed: %1</source>
            <translation>فشل تسجيل الدخول: %1</translation>
        </message>
    </context>
    <context>
        <name>Nextup::Console::SignInPage</name>
        <message>
            <source>Nextup console</source>
            <translation>وحدة تحكم Nextup</translation>
        </message>
        <message>
            <source>Sign in to serve customers at your counter.</source>
            <translation>سجّل الدخول لخدمة العملاء في شباكك.</translation>
        </message>
        <message>
            <source>Server address</source>
            <translation>عنوان الخادم</translation>
        </message>
        <message>
            <source>Username</source>
            <translation>اسم المستخدم</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>كلمة المرور</translation>
        </message>
        <message>
            <source>&amp;Remember me on this computer</source>
            <translation>تذكّرني على هذا الجهاز (&amp;R)</translation>
        </message>
        <message>
            <source>Keeps you signed in through the system keychain; your password is never stored.</source>
            <translation>يبقيك مسجّلًا عبر سلسلة مفاتيح النظام؛ ولا تُحفظ كلمة مرورك أبدًا.</translation>
        </message>
        <message>
            <source>&amp;Sign in</source>
            <translation>تسجيل الدخول (&amp;S)</translation>
        </message>
        <message>
            <source>Ser&amp;ver address:</source>
            <translation>عنوان الخادم (&amp;V):</translation>
        </message>
        <message>
            <source>&amp;Username:</source>
            <translation>اسم المستخدم (&amp;U):</translation>
        </message>
        <message>
            <source>&amp;Password:</source>
            <translation>كلمة المرور (&amp;P):</translation>
        </message>
        <message>
            <source>Signing in…</source>
            <translation>جارٍ تسجيل الدخول…</translation>
        </message>
        <message>
            <source>No system keychain is available on this computer (%1), so the console cannot remember you. Nothing will be saved; sign in each time.</source>
            <translation>لا تتوفر سلسلة مفاتيح للنظام على هذا الجهاز (%1)، لذا لا تستطيع الوحدة تذكّرك. لن يُحفظ أي شيء؛ سجّل الدخول في كل مرة.</translation>
        </message>
        <message>
            <source>The server address is not valid, e.g. http://127.0.0.1:8080</source>
            <translation>عنوان الخادم غير صالح، مثال: http://127.0.0.1:8080</translation>
        </message>
        <message>
            <source>Enter your username and password.</source>
            <translation>أدخل اسم المستخدم وكلمة المرور.</translation>
        </message>
        <message>
            <source>Retry &amp;now</source>
            <translation>أعد المحاولة الآن (&amp;N)</translation>
        </message>
        <message>
            <source>Retry now</source>
            <translation>أعد المحاولة الآن</translation>
        </message>
    </context>
    <context>
        <name>Nextup::Console::StatsCharts</name>
        <message>
            <source>Issued</source>
            <translation>صدرت</translation>
        </message>
        <message>
            <source>Served</source>
            <translation>تمت خدمتهم</translation>
        </message>
        <message>
            <source>Skipped</source>
            <translation>تُخطّيت</translation>
        </message>
        <message>
            <source>Tokens</source>
            <translation>التذاكر</translation>
        </message>
        <message>
            <source>Avg wait</source>
            <translation>متوسط الانتظار</translation>
        </message>
        <message>
            <source>90% wait</source>
            <translation>انتظار 90٪</translation>
        </message>
        <message>
            <source>Avg service</source>
            <translation>متوسط الخدمة</translation>
        </message>
        <message>
            <source>90% service</source>
            <translation>خدمة 90٪</translation>
        </message>
        <message>
            <source>Minutes</source>
            <translation>دقائق</translation>
        </message>
    </context>
    <context>
        <name>Nextup::Console::StatsPage</name>
        <message>
            <source>Statistics table</source>
            <translation>جدول الإحصاءات</translation>
        </message>
        <message>
            <source>T&amp;oday (live)</source>
            <translation>اليوم (مباشر) (&amp;O)</translation>
        </message>
        <message>
            <source>&amp;Range:</source>
            <translation>الفترة (&amp;R):</translation>
        </message>
        <message>
            <source>From</source>
            <translation>من</translation>
        </message>
        <message>
            <source>To</source>
            <translation>إلى</translation>
        </message>
        <message>
            <source>to</source>
            <translation>إلى</translation>
        </message>
        <message>
            <source>Re&amp;fresh</source>
            <translation>تحديث (&amp;F)</translation>
        </message>
        <message>
            <source>Compare</source>
            <translation>مقارنة</translation>
        </message>
        <message>
            <source>Per service</source>
            <translation>حسب الخدمة</translation>
        </message>
        <message>
            <source>Per counter</source>
            <translation>حسب الشباك</translation>
        </message>
        <message>
            <source>Tokens</source>
            <translation>التذاكر</translation>
        </message>
        <message>
            <source>Wait and service time (minutes)</source>
            <translation>زمن الانتظار والخدمة (بالدقائق)</translation>
        </message>
        <message>
            <source>Tokens per hour</source>
            <translation>التذاكر في الساعة</translation>
        </message>
        <message>
            <source>Tokens chart</source>
            <translation>مخطط التذاكر</translation>
        </message>
        <message>
            <source>&amp;Tokens</source>
            <translation>التذاكر (&amp;T)</translation>
        </message>
        <message>
            <source>Times chart</source>
            <translation>مخطط الأزمنة</translation>
        </message>
        <message>
            <source>T&amp;imes</source>
            <translation>الأزمنة (&amp;I)</translation>
        </message>
        <message>
            <source>Tokens per hour chart</source>
            <translation>مخطط التذاكر في الساعة</translation>
        </message>
        <message>
            <source>%1 to %2</source>
            <translation>%1 إلى %2</translation>
        </message>
        <message>
            <source>&lt;b&gt;%1&lt;/b&gt;: issued &lt;b&gt;%2&lt;/b&gt; · served &lt;b&gt;%3&lt;/b&gt; · skipped &lt;b&gt;%4&lt;/b&gt; · waiting &lt;b&gt;%5&lt;/b&gt; · average wait &lt;b&gt;%6&lt;/b&gt; (90%: %7) · average service &lt;b&gt;%8&lt;/b&gt; (90%: %9)</source>
            <translation>&lt;b&gt;%1&lt;/b&gt;: صدرت &lt;b&gt;%2&lt;/b&gt; · خُدمت &lt;b&gt;%3&lt;/b&gt; · تُخطّيت &lt;b&gt;%4&lt;/b&gt; · تنتظر &lt;b&gt;%5&lt;/b&gt; · متوسط الانتظار &lt;b&gt;%6&lt;/b&gt; (90٪: %7) · متوسط الخدمة &lt;b&gt;%8&lt;/b&gt; (90٪: %9)</translation>
        </message>
        <message>
            <source>Estimated waits: no called walk-in tokens to compare yet.</source>
            <translation>الانتظار المتوقع: لا توجد بعد تذاكر بدون موعد استُدعيت للمقارنة.</translation>
        </message>
        <message>
            <source>customers waited %1 longer than told</source>
            <translation>انتظر العملاء %1 أكثر مما قيل لهم</translation>
        </message>
        <message>
            <source>customers waited %1 less than told</source>
            <translation>انتظر العملاء %1 أقل مما قيل لهم</translation>
        </message>
        <message>
            <source>Range: refresh by hand</source>
            <translation>فترة: حدّث يدويًا</translation>
        </message>
        <message>
            <source>Not live: press Refresh</source>
            <translation>غير مباشر: اضغط تحديث</translation>
        </message>
        <message>
            <source>Reconnecting — figures may be behind</source>
            <translation>جارٍ إعادة الاتصال — قد تكون الأرقام متأخرة</translation>
        </message>
        <message>
            <source>● Live</source>
            <translation>● مباشر</translation>
        </message>
        <message numerus="yes">
            <source>Estimated waits (%Ln token(s) compared): off by &lt;b&gt;%1&lt;/b&gt; on average; overall %2.</source>
            <translation>
                <numerusform>الانتظار المتوقع (لا تذاكر للمقارنة): متوسط الفرق &lt;b&gt;%1&lt;/b&gt;؛ وإجمالًا %2.</numerusform>
                <numerusform>الانتظار المتوقع (قورنت تذكرة واحدة): متوسط الفرق &lt;b&gt;%1&lt;/b&gt;؛ وإجمالًا %2.</numerusform>
                <numerusform>الانتظار المتوقع (قورنت تذكرتان): متوسط الفرق &lt;b&gt;%1&lt;/b&gt;؛ وإجمالًا %2.</numerusform>
                <numerusform>الانتظار المتوقع (قورنت %Ln تذاكر): متوسط الفرق &lt;b&gt;%1&lt;/b&gt;؛ وإجمالًا %2.</numerusform>
                <numerusform>الانتظار المتوقع (قورنت %Ln تذكرة): متوسط الفرق &lt;b&gt;%1&lt;/b&gt;؛ وإجمالًا %2.</numerusform>
                <numerusform>الانتظار المتوقع (قورنت %Ln تذكرة): متوسط الفرق &lt;b&gt;%1&lt;/b&gt;؛ وإجمالًا %2.</numerusform>
            </translation>
        </message>
        <message>
            <source>Co&amp;mpare:</source>
            <translation>مقارنة (&amp;M):</translation>
        </message>
        <message>
            <source>Tokens per hour of the day, all days</source>
            <translation>التذاكر حسب ساعة اليوم، لكل الأيام</translation>
        </message>
    </context>
    <context>
        <name>Nextup::Console::StatsTableModel</name>
        <message>
            <source>%1 early</source>
            <translation>%1 مبكرًا</translation>
        </message>
        <message>
            <source>%1 late</source>
            <translation>%1 متأخرًا</translation>
        </message>
        <message>
            <source>All tokens</source>
            <translation>كل التذاكر</translation>
        </message>
        <message>
            <source>Service: %1</source>
            <translation>الخدمة: %1</translation>
        </message>
        <message>
            <source>Counter: %1</source>
            <translation>الشباك: %1</translation>
        </message>
        <message>
            <source>Appointments booked (not cancelled)</source>
            <translation>المواعيد المحجوزة (غير الملغاة)</translation>
        </message>
        <message>
            <source>Appointments whose customer checked in</source>
            <translation>المواعيد التي سجّل أصحابها الحضور</translation>
        </message>
        <message>
            <source>Appointments nobody checked in within the window</source>
            <translation>المواعيد التي لم يُسجَّل حضورها في الوقت المحدد</translation>
        </message>
        <message>
            <source>No-shows among the appointments that came or missed</source>
            <translation>نسبة الغياب بين المواعيد التي حضرت أو غابت</translation>
        </message>
        <message>
            <source>On average, how long before (early) or after (late) their slot customers checked in</source>
            <translation>في المتوسط، كم قبل موعدهم (مبكرًا) أو بعده (متأخرًا) سجّل العملاء حضورهم</translation>
        </message>
        <message>
            <source>Service or counter</source>
            <translation>الخدمة أو الشباك</translation>
        </message>
        <message>
            <source>Issued</source>
            <translation>صدرت</translation>
        </message>
        <message>
            <source>Served</source>
            <translation>تمت خدمتهم</translation>
        </message>
        <message>
            <source>Skipped</source>
            <translation>تُخطّيت</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>أُلغيت</translation>
        </message>
        <message>
            <source>Waiting</source>
            <translation>الانتظار</translation>
        </message>
        <message>
            <source>Avg wait</source>
            <translation>متوسط الانتظار</translation>
        </message>
        <message>
            <source>90% wait</source>
            <translation>انتظار 90٪</translation>
        </message>
        <message>
            <source>Avg service</source>
            <translation>متوسط الخدمة</translation>
        </message>
        <message>
            <source>90% service</source>
            <translation>خدمة 90٪</translation>
        </message>
        <message>
            <source>Booked</source>
            <translation>محجوزة</translation>
        </message>
        <message>
            <source>Checked in</source>
            <translation>سُجّل حضورها</translation>
        </message>
        <message>
            <source>No-shows</source>
            <translation>الغياب</translation>
        </message>
        <message>
            <source>No-show rate</source>
            <translation>نسبة الغياب</translation>
        </message>
        <message>
            <source>Punctuality</source>
            <translation>الالتزام بالموعد</translation>
        </message>
    </context>
    <context>
        <name>Nextup::Console::Status</name>
        <message>
            <source>Waiting</source>
            <translation>الانتظار</translation>
        </message>
        <message>
            <source>Called</source>
            <translation>استُدعيت</translation>
        </message>
        <message>
            <source>Serving</source>
            <translation>جارٍ الخدمة</translation>
        </message>
        <message>
            <source>Completed</source>
            <translation>اكتملت</translation>
        </message>
        <message>
            <source>Skipped</source>
            <translation>تُخطّيت</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>أُلغيت</translation>
        </message>
        <message>
            <source>Booked</source>
            <translation>محجوزة</translation>
        </message>
        <message>
            <source>No-show</source>
            <translation>لم يحضر</translation>
        </message>
    </context>
    <context>
        <name>Nextup::Console::TokenEventsModel</name>
        <message>
            <source>%1 → %2</source>
            <translation>%1 ← %2</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>الوقت</translation>
        </message>
        <message>
            <source>Event</source>
            <translation>الحدث</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>الحالة</translation>
        </message>
        <message>
            <source>Counter</source>
            <translation>الشباك</translation>
        </message>
        <message>
            <source>By</source>
            <translation>بواسطة</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>السبب</translation>
        </message>
    </context>
    <context>
        <name>Nextup::Console::TokenHistoryPage</name>
        <message>
            <source>e.g. D007</source>
            <translation>مثال: D007</translation>
        </message>
        <message>
            <source>Any status</source>
            <translation>أي حالة</translation>
        </message>
        <message>
            <source>&amp;Search</source>
            <translation>بحث (&amp;S)</translation>
        </message>
        <message>
            <source>E&amp;xport CSV…</source>
            <translation>تصدير CSV… (&amp;X)</translation>
        </message>
        <message>
            <source>Every token of the last search, all pages, as a CSV file</source>
            <translation>كل تذاكر آخر بحث، بجميع الصفحات، في ملف CSV</translation>
        </message>
        <message>
            <source>&amp;From:</source>
            <translation>من (&amp;F):</translation>
        </message>
        <message>
            <source>&amp;To:</source>
            <translation>إلى (&amp;T):</translation>
        </message>
        <message>
            <source>Ser&amp;vice:</source>
            <translation>الخدمة (&amp;V):</translation>
        </message>
        <message>
            <source>C&amp;ounter:</source>
            <translation>الشباك (&amp;O):</translation>
        </message>
        <message>
            <source>St&amp;atus:</source>
            <translation>الحالة (&amp;A):</translation>
        </message>
        <message>
            <source>&amp;Number:</source>
            <translation>الرقم (&amp;N):</translation>
        </message>
        <message>
            <source>Tokens found</source>
            <translation>التذاكر الموجودة</translation>
        </message>
        <message>
            <source>&amp;Previous page</source>
            <translation>الصفحة السابقة (&amp;P)</translation>
        </message>
        <message>
            <source>N&amp;ext page</source>
            <translation>الصفحة التالية (&amp;E)</translation>
        </message>
        <message>
            <source>Select a token to see its timeline.</source>
            <translation>اختر تذكرة لترى تسلسلها الزمني.</translation>
        </message>
        <message>
            <source>Timeline of the selected token</source>
            <translation>التسلسل الزمني للتذكرة المختارة</translation>
        </message>
        <message>
            <source>Any service</source>
            <translation>أي خدمة</translation>
        </message>
        <message>
            <source>Any counter</source>
            <translation>أي شباك</translation>
        </message>
        <message>
            <source>Choose the filters, then Search.</source>
            <translation>اختر عوامل التصفية ثم اضغط بحث.</translation>
        </message>
        <message>
            <source>%1 — %2 — %3</source>
            <translation>%1 — %2 — %3</translation>
        </message>
        <message>
            <source>tokens-%1-to-%2.csv</source>
            <translation>tokens-%1-to-%2.csv</translation>
        </message>
        <message>
            <source>Export tokens</source>
            <translation>تصدير التذاكر</translation>
        </message>
        <message>
            <source>CSV files (*.csv)</source>
            <translation>ملفات CSV (*.csv)</translation>
        </message>
        <message numerus="yes">
            <source>Page %L1 of %L2 · %Ln token(s)</source>
            <translation>
                <numerusform>الصفحة %L1 من %L2، لا تذاكر</numerusform>
                <numerusform>الصفحة %L1 من %L2، تذكرة واحدة</numerusform>
                <numerusform>الصفحة %L1 من %L2، تذكرتان</numerusform>
                <numerusform>الصفحة %L1 من %L2، %Ln تذاكر</numerusform>
                <numerusform>الصفحة %L1 من %L2، %Ln تذكرة</numerusform>
                <numerusform>الصفحة %L1 من %L2، %Ln تذكرة</numerusform>
            </translation>
        </message>
        <message>
            <source>Cancel e&amp;xport</source>
            <translation>إلغاء التصدير (&amp;X)</translation>
        </message>
        <message>
            <source>Exporting… %L1 of %L2</source>
            <translation>جارٍ التصدير… %L1 من %L2</translation>
        </message>
    </context>
    <context>
        <name>Nextup::Console::TransferDialog</name>
        <message>
            <source>Transfer %1</source>
            <translation>تحويل %1</translation>
        </message>
        <message>
            <source>Send %1 to another service or counter. It keeps its original arrival time.</source>
            <translation>أرسل %1 إلى خدمة أو شباك آخر. تحتفظ بوقت وصولها الأصلي.</translation>
        </message>
        <message>
            <source>To &amp;service:</source>
            <translation>إلى خدمة (&amp;S):</translation>
        </message>
        <message>
            <source>Target service</source>
            <translation>الخدمة الهدف</translation>
        </message>
        <message>
            <source>To &amp;counter:</source>
            <translation>إلى شباك (&amp;C):</translation>
        </message>
        <message>
            <source>Target counter</source>
            <translation>الشباك الهدف</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>السبب</translation>
        </message>
        <message>
            <source>optional</source>
            <translation>اختياري</translation>
        </message>
        <message>
            <source>&amp;Reason:</source>
            <translation>السبب (&amp;R):</translation>
        </message>
        <message>
            <source>&amp;Transfer</source>
            <translation>تحويل (&amp;T)</translation>
        </message>
    </context>
    <context>
        <name>Nextup::Console::UsersModel</name>
        <message>
            <source>Username</source>
            <translation>اسم المستخدم</translation>
        </message>
        <message>
            <source>Full name</source>
            <translation>الاسم الكامل</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>الدور</translation>
        </message>
        <message>
            <source>Active</source>
            <translation>نشط</translation>
        </message>
    </context>
    <context>
        <name>Nextup::Console::UsersPage</name>
        <message>
            <source>Can sign in</source>
            <translation>يمكنه تسجيل الدخول</translation>
        </message>
        <message>
            <source>&amp;Reset password</source>
            <translation>إعادة تعيين كلمة المرور (&amp;R)</translation>
        </message>
        <message>
            <source>Users</source>
            <translation>المستخدمون</translation>
        </message>
        <message>
            <source>&amp;Username:</source>
            <translation>اسم المستخدم (&amp;U):</translation>
        </message>
        <message>
            <source>&amp;Full name:</source>
            <translation>الاسم الكامل (&amp;F):</translation>
        </message>
        <message>
            <source>&amp;Role:</source>
            <translation>الدور (&amp;R):</translation>
        </message>
        <message>
            <source>&amp;Password:</source>
            <translation>كلمة المرور (&amp;P):</translation>
        </message>
        <message>
            <source>Acti&amp;ve:</source>
            <translation>نشط (&amp;V):</translation>
        </message>
        <message>
            <source>Password changed.</source>
            <translation>تم تغيير كلمة المرور.</translation>
        </message>
        <message>
            <source>Required for a new user</source>
            <translation>مطلوبة للمستخدم الجديد</translation>
        </message>
        <message>
            <source>Type a new one, then Reset password</source>
            <translation>اكتب كلمة جديدة ثم اضغط إعادة تعيين كلمة المرور</translation>
        </message>
        <message>
            <source>New user</source>
            <translation>مستخدم جديد</translation>
        </message>
        <message>
            <source>Edit user</source>
            <translation>تعديل المستخدم</translation>
        </message>
    </context>
    <context>
        <name>Nextup::Console::WaitingTableModel</name>
        <message numerus="yes">
            <source>%n min</source>
            <translation>
                <numerusform>%n دقيقة</numerusform>
                <numerusform>%n دقيقة</numerusform>
                <numerusform>%n دقيقة</numerusform>
                <numerusform>%n دقيقة</numerusform>
                <numerusform>%n دقيقة</numerusform>
                <numerusform>%n دقيقة</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 h %2 min</source>
            <translation>%1 س %2 د</translation>
        </message>
        <message>
            <source>Priority %1: called before others</source>
            <translation>أولوية %1: تُستدعى قبل غيرها</translation>
        </message>
        <message>
            <source>Normal priority</source>
            <translation>أولوية عادية</translation>
        </message>
        <message>
            <source>An appointment: it joined the line at its booked time</source>
            <translation>موعد: انضم إلى الطابور في وقته المحجوز</translation>
        </message>
        <message>
            <source>next</source>
            <translation>التالية</translation>
        </message>
        <message>
            <source>Token</source>
            <translation>التذكرة</translation>
        </message>
        <message>
            <source>Booked for</source>
            <translation>موعدها</translation>
        </message>
        <message>
            <source>Service</source>
            <translation>الخدمة</translation>
        </message>
        <message>
            <source>Priority</source>
            <translation>الأولوية</translation>
        </message>
        <message>
            <source>Waiting</source>
            <translation>الانتظار</translation>
        </message>
        <message>
            <source>Est. call</source>
            <translation>الاستدعاء المتوقع</translation>
        </message>
        <message>
            <source>&lt; 1 min</source>
            <translation>أقل من دقيقة</translation>
        </message>
    </context>
    <context>
        <name>Nextup::Console::WorkPanel</name>
        <message>
            <source>Current token</source>
            <translation>التذكرة الحالية</translation>
        </message>
        <message>
            <source>Current token number</source>
            <translation>رقم التذكرة الحالية</translation>
        </message>
        <message>
            <source>Call next</source>
            <translation>استدعاء التالي</translation>
        </message>
        <message>
            <source>Calls the next waiting token to this counter.</source>
            <translation>يستدعي التذكرة المنتظرة التالية إلى هذا الشباك.</translation>
        </message>
        <message>
            <source>Recall</source>
            <translation>إعادة الاستدعاء</translation>
        </message>
        <message>
            <source>Announces the called token again.</source>
            <translation>يعلن التذكرة المستدعاة مرة أخرى.</translation>
        </message>
        <message>
            <source>Start serving</source>
            <translation>بدء الخدمة</translation>
        </message>
        <message>
            <source>The customer has arrived at the counter.</source>
            <translation>وصل العميل إلى الشباك.</translation>
        </message>
        <message>
            <source>Complete</source>
            <translation>إنهاء</translation>
        </message>
        <message>
            <source>The customer has been served.</source>
            <translation>تمت خدمة العميل.</translation>
        </message>
        <message>
            <source>Skip (no-show)</source>
            <translation>تخطٍّ (لم يحضر)</translation>
        </message>
        <message>
            <source>The customer did not come.</source>
            <translation>لم يحضر العميل.</translation>
        </message>
        <message>
            <source>Transfer…</source>
            <translation>تحويل…</translation>
        </message>
        <message>
            <source>Sends the token to another service or counter; it keeps its place in line.</source>
            <translation>يرسل التذكرة إلى خدمة أو شباك آخر؛ وتحتفظ بمكانها في الطابور.</translation>
        </message>
        <message>
            <source>No token at the counter</source>
            <translation>لا توجد تذكرة في الشباك</translation>
        </message>
        <message>
            <source>none</source>
            <translation>لا شيء</translation>
        </message>
        <message>
            <source>Serving</source>
            <translation>جارٍ الخدمة</translation>
        </message>
        <message>
            <source>Called — waiting for the customer</source>
            <translation>تم الاستدعاء — في انتظار العميل</translation>
        </message>
        <message>
            <source>Service: %1 (%2)</source>
            <translation>الخدمة: %1 (%2)</translation>
        </message>
        <message>
            <source>Customer: %1</source>
            <translation>العميل: %1</translation>
        </message>
        <message numerus="yes">
            <source>Recalled %n time(s)</source>
            <translation>
                <numerusform>أعيد استدعاؤها %n مرة</numerusform>
                <numerusform>أعيد استدعاؤها مرة واحدة</numerusform>
                <numerusform>أعيد استدعاؤها مرتين</numerusform>
                <numerusform>أعيد استدعاؤها %n مرات</numerusform>
                <numerusform>أعيد استدعاؤها %n مرة</numerusform>
                <numerusform>أعيد استدعاؤها %n مرة</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Waited %n min</source>
            <translation>
                <numerusform>انتظر %n دقيقة</numerusform>
                <numerusform>انتظر دقيقة واحدة</numerusform>
                <numerusform>انتظر دقيقتين</numerusform>
                <numerusform>انتظر %n دقائق</numerusform>
                <numerusform>انتظر %n دقيقة</numerusform>
                <numerusform>انتظر %n دقيقة</numerusform>
            </translation>
        </message>
        <message>
            <source>at the counter for %1:%2</source>
            <translation>في الشباك منذ %1:%2</translation>
        </message>
    </context>
    <context>
        <name>Nextup::Console::DevicesModel</name>
        <message>
            <source>Name</source>
            <translation>الاسم</translation>
        </message>
        <message>
            <source>Branch</source>
            <translation>الفرع</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>النوع</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>الحالة</translation>
        </message>
        <message>
            <source>Printer</source>
            <translation>الطابعة</translation>
        </message>
        <message>
            <source>Last report</source>
            <translation>آخر بلاغ</translation>
        </message>
        <message>
            <source>Version</source>
            <translation>الإصدار</translation>
        </message>
        <message>
            <source>None</source>
            <translation>لا يوجد</translation>
        </message>
        <message>
            <source>Ready</source>
            <translation>جاهزة</translation>
        </message>
        <message>
            <source>Not reachable</source>
            <translation>غير متصلة</translation>
        </message>
        <message>
            <source>Out of paper</source>
            <translation>نفد الورق</translation>
        </message>
        <message>
            <source>Error</source>
            <translation>عطل</translation>
        </message>
        <message>
            <source>%1 (%2)</source>
            <translation>%1 (%2)</translation>
        </message>
        <message>
            <source>Ticket dispenser</source>
            <translation>موزع التذاكر</translation>
        </message>
        <message>
            <source>Board</source>
            <translation>شاشة العرض</translation>
        </message>
        <message>
            <source>Online</source>
            <translation>متصل</translation>
        </message>
        <message>
            <source>Offline</source>
            <translation>غير متصل</translation>
        </message>
    </context>
    <context>
        <name>Nextup::Console::DevicesPage</name>
        <message>
            <source>Lobby devices</source>
            <translation>أجهزة الصالة</translation>
        </message>
        <message>
            <source>Devices summary</source>
            <translation>ملخص الأجهزة</translation>
        </message>
        <message>
            <source>&amp;Refresh</source>
            <translation>&amp;تحديث</translation>
        </message>
        <message>
            <source>No board or ticket dispenser has reported yet.</source>
            <translation>لم تُبلغ أي شاشة أو موزع تذاكر بعد.</translation>
        </message>
        <message numerus="yes">
            <source>%n device(s), all online and ready.</source>
            <translation>
                <numerusform>لا أجهزة.</numerusform>
                <numerusform>جهاز واحد، متصل وجاهز.</numerusform>
                <numerusform>جهازان، متصلان وجاهزان.</numerusform>
                <numerusform>%n أجهزة، كلها متصلة وجاهزة.</numerusform>
                <numerusform>%n جهازًا، كلها متصلة وجاهزة.</numerusform>
                <numerusform>%n جهاز، كلها متصلة وجاهزة.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n device(s) need someone: offline, or a printer in trouble.</source>
            <translation>
                <numerusform>لا جهاز يحتاج إلى أحد.</numerusform>
                <numerusform>جهاز واحد يحتاج إلى أحد: غير متصل أو طابعته متعطلة.</numerusform>
                <numerusform>جهازان يحتاجان إلى أحد: غير متصلين أو طابعتهما متعطلة.</numerusform>
                <numerusform>%n أجهزة تحتاج إلى أحد: غير متصلة أو طابعتها متعطلة.</numerusform>
                <numerusform>%n جهازًا يحتاج إلى أحد: غير متصل أو طابعته متعطلة.</numerusform>
                <numerusform>%n جهاز يحتاج إلى أحد: غير متصل أو طابعته متعطلة.</numerusform>
            </translation>
        </message>
    </context>
</TS>
