<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>AnnouncementText</name>
    <message>
        <location filename="../kiosk/src/announcementtext.cpp" line="28"/>
        <source>counter %1</source>
        <extracomment>Spoken and shown before a counter&apos;s letter or number: &quot;counter B&quot;.</extracomment>
        <translation>الشباك %1</translation>
    </message>
    <message>
        <location filename="../kiosk/src/announcementtext.cpp" line="37"/>
        <location filename="../kiosk/src/announcementtext.cpp" line="43"/>
        <source>Token %1, %2</source>
        <extracomment>The announcement: %1 is the token number (spelled &quot;D 0 0 7&quot;), %2 the counter (&quot;counter B&quot;).</extracomment>
        <translation>التذكرة %1، %2</translation>
    </message>
</context>
<context>
    <name>Board</name>
    <message>
        <location filename="../kiosk/qml/Board.qml" line="18"/>
        <source>Now Serving board</source>
        <translation>لوحة الدور الحالي</translation>
    </message>
</context>
<context>
    <name>BoardHeader</name>
    <message>
        <location filename="../kiosk/qml/BoardHeader.qml" line="43"/>
        <source>Welcome</source>
        <translation>أهلاً وسهلاً</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/BoardHeader.qml" line="52"/>
        <source>Now serving</source>
        <translation>يُخدم الآن</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/BoardHeader.qml" line="68"/>
        <source>Settings</source>
        <translation>الإعدادات</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/BoardHeader.qml" line="69"/>
        <source>Hold the branch name for three seconds to open the settings.</source>
        <translation>اضغط مطولاً على اسم الفرع ثلاث ثوانٍ لفتح الإعدادات.</translation>
    </message>
</context>
<context>
    <name>CaptionBar</name>
    <message>
        <location filename="../kiosk/qml/CaptionBar.qml" line="27"/>
        <source>Please have your token ready and watch this screen for your number.</source>
        <translation>يرجى تجهيز تذكرتك ومتابعة هذه الشاشة لظهور رقمك.</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../kiosk/qml/Main.qml" line="17"/>
        <source>Now Serving</source>
        <translation>يُخدم الآن</translation>
    </message>
</context>
<context>
    <name>NowServing</name>
    <message>
        <location filename="../kiosk/qml/NowServing.qml" line="16"/>
        <source>Now serving: token %1, %2</source>
        <translation>يُخدم الآن: التذكرة %1، %2</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/NowServing.qml" line="41"/>
        <source>Token</source>
        <translation>التذكرة</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/NowServing.qml" line="78"/>
        <source>Please wait for your number to be called</source>
        <translation>يرجى الانتظار حتى يُنادى رقمك</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/NowServing.qml" line="78"/>
        <source>Connecting to the queue…</source>
        <translation>جارٍ الاتصال بالطابور…</translation>
    </message>
</context>
<context>
    <name>RecentCalls</name>
    <message>
        <location filename="../kiosk/qml/RecentCalls.qml" line="20"/>
        <source>Previous calls</source>
        <translation>النداءات السابقة</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/RecentCalls.qml" line="52"/>
        <source>Token %1, %2</source>
        <translation>التذكرة %1، %2</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/RecentCalls.qml" line="91"/>
        <source>Earlier calls will appear here.</source>
        <translation>ستظهر النداءات السابقة هنا.</translation>
    </message>
</context>
<context>
    <name>ServiceList</name>
    <message>
        <location filename="../kiosk/qml/ServiceList.qml" line="16"/>
        <source>Services</source>
        <translation>الخدمات</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/ServiceList.qml" line="25"/>
        <source>Service</source>
        <translation>الخدمة</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/ServiceList.qml" line="32"/>
        <source>Waiting</source>
        <translation>في الانتظار</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/ServiceList.qml" line="39"/>
        <source>Wait</source>
        <translation>مدة الانتظار</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/ServiceList.qml" line="59"/>
        <source>%1 (%2): %3 waiting, wait %4</source>
        <translation>%1 (%2): %3 في الانتظار، مدة الانتظار %4</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/ServiceList.qml" line="114"/>
        <source>No services to show.</source>
        <translation>لا توجد خدمات لعرضها.</translation>
    </message>
</context>
<context>
    <name>SettingsPanel</name>
    <message>
        <location filename="../kiosk/qml/SettingsPanel.qml" line="21"/>
        <source>Settings</source>
        <translation>الإعدادات</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/SettingsPanel.qml" line="84"/>
        <source>Enter the settings PIN</source>
        <translation>أدخل رمز الإعدادات</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/SettingsPanel.qml" line="92"/>
        <source>Digits entered: %1</source>
        <translation>الأرقام المُدخلة: %1</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/SettingsPanel.qml" line="107"/>
        <source>Delete the last digit</source>
        <translation>حذف آخر رقم</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/SettingsPanel.qml" line="108"/>
        <source>Confirm the PIN</source>
        <translation>تأكيد الرمز السري</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/SettingsPanel.qml" line="124"/>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/SettingsPanel.qml" line="135"/>
        <source>Language</source>
        <translation>اللغة</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/SettingsPanel.qml" line="150"/>
        <source>Announcements</source>
        <translation>النداءات</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/SettingsPanel.qml" line="155"/>
        <source>Voice</source>
        <translation>الصوت</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/SettingsPanel.qml" line="163"/>
        <source>Chime</source>
        <translation>الجرس</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/SettingsPanel.qml" line="171"/>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
</context>
<context>
    <name>StatusMarks</name>
    <message>
        <location filename="../kiosk/qml/StatusMarks.qml" line="47"/>
        <source>Reconnecting…</source>
        <translation>جارٍ إعادة الاتصال…</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/StatusMarks.qml" line="47"/>
        <source>Connecting…</source>
        <translation>جارٍ الاتصال…</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/StatusMarks.qml" line="68"/>
        <source>Last updated %1</source>
        <translation>آخر تحديث %1</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/StatusMarks.qml" line="83"/>
        <source>Voice off</source>
        <translation>الصوت متوقف</translation>
    </message>
</context>
<context>
    <name>Theme</name>
    <message>
        <location filename="../kiosk/qml/Theme.qml" line="29"/>
        <source>No wait</source>
        <translation>بلا انتظار</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Theme.qml" line="30"/>
        <source>%1 min</source>
        <translation>%1 دقيقة</translation>
    </message>
</context>
<context>
    <name>Dispenser</name>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>%1 (%2): %3 waiting</source>
        <translation>%1 (%2): %3 في الانتظار</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>%1 has already been served or cancelled.</source>
        <translation>تمت خدمة %1 أو إلغاؤه بالفعل.</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>%1 is being called at %2.</source>
        <translation>يتم النداء على %1 عند %2.</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>%1 is waiting: position %2, about %3 min.</source>
        <translation>%1 في الانتظار: الترتيب %2، حوالي %3 دقيقة.</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>%1 waiting · about %2</source>
        <translation>%1 في الانتظار · حوالي %2</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>%1, letter %2: %3</source>
        <translation>%1، الحرف %2: %3</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>Assistance / priority</source>
        <translation>مساعدة / أولوية</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>Assistance: choose your service</source>
        <translation>مساعدة: اختر خدمتك</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>Checking your code…</source>
        <translation>جارٍ التحقق من رمزك…</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>Done</source>
        <translation>تم</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>For customers who need help or cannot wait standing; then choose the service.</source>
        <translation>لمن يحتاج إلى مساعدة أو لا يستطيع الانتظار واقفاً؛ ثم اختر الخدمة.</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>Have an appointment? Hold the code on your booking under the scanner.</source>
        <translation>لديك موعد؟ ضع رمز حجزك تحت الماسح.</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>Hold the branch name for three seconds to open the settings.</source>
        <translation>اضغط مطولاً على اسم الفرع ثلاث ثوانٍ لفتح الإعدادات.</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>Last updated %1</source>
        <translation>آخر تحديث %1</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>Photograph this code to follow your turn on your phone.</source>
        <translation>صوّر هذا الرمز لمتابعة دورك على هاتفك.</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>Please choose a service</source>
        <translation>يرجى اختيار خدمة</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>Please scan the QR code on your booking, or ask staff.</source>
        <translation>يرجى مسح رمز QR الموجود في حجزك، أو اسأل الموظفين.</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>Please take your ticket.</source>
        <translation>يرجى أخذ تذكرتك.</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>Position %1 · wait about %2 min</source>
        <translation>الترتيب %1 · الانتظار حوالي %2 دقيقة</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>Printing your ticket…</source>
        <translation>جارٍ طباعة تذكرتك…</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>QR code of your ticket</source>
        <translation>رمز QR لتذكرتك</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>Settings</source>
        <translation>الإعدادات</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>The check-in time for this appointment has passed. Please ask staff.</source>
        <translation>انتهى وقت تسجيل الحضور لهذا الموعد. يرجى سؤال الموظفين.</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>The ticket could not be printed. Please photograph this code and ask staff.</source>
        <translation>تعذّرت طباعة التذكرة. يرجى تصوير هذا الرمز وسؤال الموظفين.</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>This code is not known here. Please ask staff.</source>
        <translation>هذا الرمز غير معروف هنا. يرجى سؤال الموظفين.</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>This service is not taking tickets now. Please ask staff.</source>
        <translation>هذه الخدمة لا تصدر تذاكر الآن. يرجى سؤال الموظفين.</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>This ticket is for another branch. Please ask staff.</source>
        <translation>هذه التذكرة لفرع آخر. يرجى سؤال الموظفين.</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>Ticket dispenser</source>
        <translation>موزع التذاكر</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>Tickets are unavailable, please ask staff</source>
        <translation>التذاكر غير متاحة، يرجى سؤال الموظفين</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>Too early: check-in opens at %1.</source>
        <translation>مبكر جداً: يبدأ تسجيل الحضور الساعة %1.</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>Welcome! %1 is checked in: position %2, about %3 min.</source>
        <translation>أهلاً بك! تم تسجيل حضور %1: الترتيب %2، حوالي %3 دقيقة.</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>Welcome</source>
        <translation>أهلاً بكم</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>Your number is %1</source>
        <translation>رقمك هو %1</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>Your number</source>
        <translation>رقمك</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/Dispenser.qml"/>
        <source>Your ticket is on its way…</source>
        <translation>تذكرتك في الطريق…</translation>
    </message>
</context>
<context>
    <name>DispenserOptions</name>
    <message>
        <location filename="../kiosk/qml/DispenserOptions.qml"/>
        <source>Assistance button</source>
        <translation>زر المساعدة</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/DispenserOptions.qml"/>
        <source>Back to start after %1 s</source>
        <translation>العودة إلى البداية بعد %1 ث</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/DispenserOptions.qml"/>
        <source>Higher priority</source>
        <translation>أولوية أعلى</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/DispenserOptions.qml"/>
        <source>Longer idle time</source>
        <translation>مهلة خمول أطول</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/DispenserOptions.qml"/>
        <source>Lower priority</source>
        <translation>أولوية أدنى</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/DispenserOptions.qml"/>
        <source>Not a printer address</source>
        <translation>ليس عنوان طابعة</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/DispenserOptions.qml"/>
        <source>Printer address, e.g. tcp://192.168.1.50:9100?paper=80</source>
        <translation>عنوان الطابعة، مثل tcp://192.168.1.50:9100?paper=80</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/DispenserOptions.qml"/>
        <source>Printer</source>
        <translation>الطابعة</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/DispenserOptions.qml"/>
        <source>Priority %1</source>
        <translation>الأولوية %1</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/DispenserOptions.qml"/>
        <source>Save</source>
        <translation>حفظ</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/DispenserOptions.qml"/>
        <source>Saved</source>
        <translation>تم الحفظ</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/DispenserOptions.qml"/>
        <source>Services offered (none selected: all)</source>
        <translation>الخدمات المعروضة (بدون تحديد: الكل)</translation>
    </message>
    <message>
        <location filename="../kiosk/qml/DispenserOptions.qml"/>
        <source>Shorter idle time</source>
        <translation>مهلة خمول أقصر</translation>
    </message>
</context>
<context>
    <name>DispenserMain</name>
    <message>
        <location filename="../kiosk/qml/DispenserMain.qml"/>
        <source>Take a ticket</source>
        <translation>خذ تذكرة</translation>
    </message>
</context>
<context>
    <name>Nextup::Kiosk::DispenserController</name>
    <message>
        <location filename="../kiosk/src/dispensercontroller.cpp"/>
        <source>Thank you! Please wait for your number to be called.</source>
        <translation>شكراً لك، يرجى الانتظار حتى يتم النداء على رقمك.</translation>
    </message>
</context>
<context>
    <name>TicketText</name>
    <message>
        <location filename="../kiosk/printing/tickettext.cpp"/>
        <source>Position in line: %1</source>
        <translation>ترتيبك في الطابور: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../kiosk/printing/tickettext.cpp"/>
        <source>Estimated wait: %n min</source>
        <translation>
            <numerusform>الانتظار المتوقع: %n دقيقة</numerusform>
            <numerusform>الانتظار المتوقع: دقيقة واحدة</numerusform>
            <numerusform>الانتظار المتوقع: دقيقتان</numerusform>
            <numerusform>الانتظار المتوقع: %n دقائق</numerusform>
            <numerusform>الانتظار المتوقع: %n دقيقة</numerusform>
            <numerusform>الانتظار المتوقع: %n دقيقة</numerusform>
        </translation>
    </message>
</context>
</TS>
