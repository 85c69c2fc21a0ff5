// Nextup booking page: the words of the page in English, Spanish and Arabic (right-to-left),
// and the small formatting helpers that depend on the language.
'use strict';

window.NextupI18n = (function () {
    const STRINGS = {
        en: {
            'skip': 'Skip to content',
            'language': 'Language',
            'offline': 'Offline — reconnecting…',
            'reconnected': 'Back online',
            'book.title': 'Take a number',
            'book.lead': 'Take a number now, or book a time that suits you. Wait wherever you like: this page tells you when it is your turn.',
            'book.service': 'Service',
            'book.loading': 'Loading services…',
            'book.none': 'No service is taking tokens right now.',
            'book.loadFailed': 'Could not load the services. Retrying…',
            'book.waiting': '{n} waiting',
            'book.noQueue': 'No queue',
            'book.name': 'Your name (optional)',
            'book.phone': 'Phone (optional)',
            'book.privacy': 'Only the staff see your name and phone.',
            'book.take': 'Take a token',
            'book.taking': 'Taking your token…',
            'book.pick': 'Choose a service first.',
            'ticket.title': 'Your token',
            'ticket.position': 'Place in line',
            'ticket.eta': 'Estimated wait',
            'ticket.qr': 'Scan to follow this token on another phone.',
            'ticket.soundOn': 'Turn on sound alerts',
            'ticket.soundIsOn': 'Sound alerts are on',
            'ticket.cancel': 'Cancel my token',
            'ticket.new': 'Take a new token',
            'ticket.updated': 'Updated {time}',
            'ticket.live': 'Live',
            'ticket.stale': 'Not up to date. Last known: {time}',
            'state.waiting': 'Please wait — we will call you',
            'state.next': 'You are next',
            'state.waitingDetail': 'Keep this page open. It updates by itself.',
            'state.called': 'It’s your turn',
            'state.calledDetail': 'Go to {counter}',
            'state.calledAgain': 'Called again — go to {counter} now',
            'state.serving': 'Being served',
            'state.servingDetail': 'At {counter}',
            'state.completed': 'Served — thank you!',
            'state.completedDetail': 'We hope to see you again.',
            'state.skipped': 'Missed',
            'state.skippedDetail': 'You were called but not at the counter. Please ask at the front desk.',
            'state.cancelled': 'Cancelled',
            'state.cancelledDetail': 'This token is no longer in the queue.',
            'state.invalid': 'This token link is not valid',
            'state.invalidDetail': 'It may be mistyped, or from another day.',
            'counter.some': 'the counter',
            'eta.now': 'Now',
            'eta.soon': 'Soon',
            'eta.lessMinute': 'under 1 min',
            'eta.minutes': '~{m} min',
            'eta.hours': '~{h} h {m} min',
            'confirm.title': 'Cancel this token?',
            'confirm.text': 'You will lose your place in line.',
            'confirm.keep': 'Keep my token',
            'confirm.yes': 'Yes, cancel it',
            'error.network': 'Could not reach the server. Check your connection and try again.',
            'error.rate': 'Too many tokens from this network. Try again in {s} s.',
            'error.server': 'Something went wrong ({code}). Please try again.',
            'error.cancel': 'The token could not be cancelled: {message}',
            'mode.legend': 'When do you want to come?',
            'mode.now': 'Now',
            'mode.nowHint': 'Join today’s line',
            'mode.book': 'Book a time',
            'mode.bookHint': 'Come at a time you choose',
            'slots.days': 'Day',
            'slots.legend': 'Day and time',
            'slots.night': 'Night',
            'slots.morning': 'Morning',
            'slots.afternoon': 'Afternoon',
            'slots.evening': 'Evening',
            'slots.times': 'Free times on {day}',
            'slots.loading': 'Loading free times…',
            'slots.failed': 'Could not load the free times. Retrying…',
            'slots.pickService': 'Choose a service to see its free times.',
            'slots.pick': 'Pick a time to book it.',
            'slots.zone': 'Times are the branch’s local time ({zone}).',
            'slots.closed': 'Closed',
            'slots.dayFull': 'Full',
            'slots.dayNone': 'None left',
            'slots.closedDay': 'The branch is closed on {day}. Pick another day.',
            'slots.noneLeft': 'No free times left on {day}. Pick another day.',
            'slots.full': 'Full',
            'slots.left': '{n} left',
            'slots.nameLeft.one': '{time}, 1 place left',
            'slots.nameLeft.other': '{time}, {n} places left',
            'slots.nameFull': '{time}, full',
            'slots.nameYours': '{time}, your current time',
            'slots.yours': 'Yours',
            'slots.booking': 'Booking {time}…',
            'book.slotFull': 'That time has just been taken — pick another.',
            'book.closed': 'The branch is closed then — pick another day.',
            'book.slotGone': 'That time can no longer be booked — pick another.',
            'ticket.appointment': 'Your appointment',
            'ticket.when': 'Date and time',
            'ticket.window': 'Check in',
            'ticket.checkIn': 'I’m here',
            'ticket.checkingIn': 'Checking in…',
            'ticket.calendar': 'Add to calendar',
            'ticket.reschedule': 'Reschedule',
            'ticket.cancelBooking': 'Cancel my booking',
            'state.booked': 'Booked — {relative}',
            'state.bookedDetail': 'Check in with “I’m here” from {from} to {to}.',
            'state.checkInClosed': 'Check-in closed at {to}.',
            'state.bookedUnknown': 'Appointment booked',
            'state.bookedUnknownDetail': 'Press “I’m here” when you arrive.',
            'state.checkInOpen': 'Check-in is open',
            'state.checkInOpenDetail': 'At the branch? Press “I’m here” to join the line for your {time} appointment.',
            'state.expired': 'Missed appointment',
            'state.expiredDetail': 'Nobody checked in by {to}. Book another time or take a number.',
            'state.expiredUnknown': 'Nobody checked in within the time allowed. Book another time or take a number.',
            'state.checkedIn': 'Checked in',
            'error.checkInWindow': 'Check-in for this booking is open from {from} to {to}.',
            'error.checkInState': 'This booking can no longer be checked in.',
            'error.moveState': 'This booking can no longer be moved.',
            'error.action': 'That did not work: {message}',
            'reschedule.title': 'Pick a new time',
            'reschedule.text': 'Your booking stays at {time} until you pick a new time.',
            'reschedule.keep': 'Keep my time',
            'reschedule.moving': 'Moving your booking to {time}…',
            'reschedule.done': 'Your booking is now {time}.',
            'confirm.titleBooking': 'Cancel this booking?',
            'confirm.textBooking': 'Your time will be free for someone else.',
            'confirm.keepBooking': 'Keep my booking',
            'ics.summary': '{service} — token {number}',
            'ics.description': 'Token {number} for {service}.\nCheck in with “I’m here” from {from} to {to}.\nLive status: {url}',
            'ics.alarm': 'Check-in is open for token {number}',
            'qr.alt': 'QR code that opens the live status of token {number}',
        },
        es: {
            'skip': 'Ir al contenido',
            'language': 'Idioma',
            'offline': 'Sin conexión — reconectando…',
            'reconnected': 'Conectado de nuevo',
            'book.title': 'Pida su turno',
            'book.lead': 'Pida turno ahora o reserve la hora que le venga bien. Espere donde quiera: esta página le avisa cuando le toque.',
            'book.service': 'Servicio',
            'book.loading': 'Cargando servicios…',
            'book.none': 'Ningún servicio está dando turnos ahora.',
            'book.loadFailed': 'No se pudieron cargar los servicios. Reintentando…',
            'book.waiting': '{n} en espera',
            'book.noQueue': 'Sin espera',
            'book.name': 'Su nombre (opcional)',
            'book.phone': 'Teléfono (opcional)',
            'book.privacy': 'Solo el personal ve su nombre y teléfono.',
            'book.take': 'Pedir turno',
            'book.taking': 'Pidiendo su turno…',
            'book.pick': 'Elija primero un servicio.',
            'ticket.title': 'Su turno',
            'ticket.position': 'Lugar en la fila',
            'ticket.eta': 'Espera estimada',
            'ticket.qr': 'Escanee para seguir este turno en otro teléfono.',
            'ticket.soundOn': 'Activar avisos sonoros',
            'ticket.soundIsOn': 'Avisos sonoros activados',
            'ticket.cancel': 'Cancelar mi turno',
            'ticket.new': 'Pedir otro turno',
            'ticket.updated': 'Actualizado a las {time}',
            'ticket.live': 'En vivo',
            'ticket.stale': 'Sin actualizar. Último dato: {time}',
            'state.waiting': 'Espere — le llamaremos',
            'state.next': 'Usted es el siguiente',
            'state.waitingDetail': 'Mantenga esta página abierta. Se actualiza sola.',
            'state.called': 'Es su turno',
            'state.calledDetail': 'Diríjase a {counter}',
            'state.calledAgain': 'Le llaman de nuevo — vaya a {counter} ya',
            'state.serving': 'Le están atendiendo',
            'state.servingDetail': 'En {counter}',
            'state.completed': 'Atendido — ¡gracias!',
            'state.completedDetail': 'Esperamos verle pronto.',
            'state.skipped': 'Turno perdido',
            'state.skippedDetail': 'Le llamamos pero no estaba en el mostrador. Pregunte en recepción.',
            'state.cancelled': 'Cancelado',
            'state.cancelledDetail': 'Este turno ya no está en la fila.',
            'state.invalid': 'Este enlace de turno no es válido',
            'state.invalidDetail': 'Puede estar mal escrito o ser de otro día.',
            'counter.some': 'el mostrador',
            'eta.now': 'Ahora',
            'eta.soon': 'Pronto',
            'eta.lessMinute': 'menos de 1 min',
            'eta.minutes': '~{m} min',
            'eta.hours': '~{h} h {m} min',
            'confirm.title': '¿Cancelar este turno?',
            'confirm.text': 'Perderá su lugar en la fila.',
            'confirm.keep': 'Conservar mi turno',
            'confirm.yes': 'Sí, cancelarlo',
            'error.network': 'No se pudo contactar con el servidor. Revise su conexión e inténtelo de nuevo.',
            'error.rate': 'Demasiados turnos desde esta red. Inténtelo de nuevo en {s} s.',
            'error.server': 'Algo salió mal ({code}). Inténtelo de nuevo.',
            'error.cancel': 'No se pudo cancelar el turno: {message}',
            'mode.legend': '¿Cuándo quiere venir?',
            'mode.now': 'Ahora',
            'mode.nowHint': 'Entrar en la fila de hoy',
            'mode.book': 'Reservar hora',
            'mode.bookHint': 'Venir a la hora que elija',
            'slots.days': 'Día',
            'slots.legend': 'Día y hora',
            'slots.night': 'Madrugada',
            'slots.morning': 'Mañana',
            'slots.afternoon': 'Tarde',
            'slots.evening': 'Noche',
            'slots.times': 'Horas libres el {day}',
            'slots.loading': 'Cargando horas libres…',
            'slots.failed': 'No se pudieron cargar las horas libres. Reintentando…',
            'slots.pickService': 'Elija un servicio para ver sus horas libres.',
            'slots.pick': 'Elija una hora para reservarla.',
            'slots.zone': 'Las horas son la hora local de la oficina ({zone}).',
            'slots.closed': 'Cerrado',
            'slots.dayFull': 'Completo',
            'slots.dayNone': 'Sin horas',
            'slots.closedDay': 'La oficina está cerrada el {day}. Elija otro día.',
            'slots.noneLeft': 'No quedan horas libres el {day}. Elija otro día.',
            'slots.full': 'Completo',
            'slots.left': 'Quedan {n}',
            'slots.nameLeft.one': '{time}, queda 1 plaza',
            'slots.nameLeft.other': '{time}, quedan {n} plazas',
            'slots.nameFull': '{time}, completo',
            'slots.nameYours': '{time}, su hora actual',
            'slots.yours': 'Suya',
            'slots.booking': 'Reservando las {time}…',
            'book.slotFull': 'Esa hora se acaba de ocupar — elija otra.',
            'book.closed': 'La oficina está cerrada ese día — elija otro.',
            'book.slotGone': 'Esa hora ya no se puede reservar — elija otra.',
            'ticket.appointment': 'Su cita',
            'ticket.when': 'Fecha y hora',
            'ticket.window': 'Registro de llegada',
            'ticket.checkIn': 'Ya estoy aquí',
            'ticket.checkingIn': 'Registrando su llegada…',
            'ticket.calendar': 'Añadir al calendario',
            'ticket.reschedule': 'Cambiar la hora',
            'ticket.cancelBooking': 'Cancelar mi cita',
            'state.booked': 'Reservado — {relative}',
            'state.bookedDetail': 'Registre su llegada con «Ya estoy aquí» de {from} a {to}.',
            'state.checkInClosed': 'El registro de llegada cerró a las {to}.',
            'state.bookedUnknown': 'Cita reservada',
            'state.bookedUnknownDetail': 'Pulse «Ya estoy aquí» cuando llegue.',
            'state.checkInOpen': 'Ya puede registrar su llegada',
            'state.checkInOpenDetail': '¿Está en la oficina? Pulse «Ya estoy aquí» para entrar en la fila de su cita de las {time}.',
            'state.expired': 'Cita perdida',
            'state.expiredDetail': 'Nadie registró la llegada antes de las {to}. Reserve otra hora o pida turno.',
            'state.expiredUnknown': 'Nadie registró la llegada a tiempo. Reserve otra hora o pida turno.',
            'state.checkedIn': 'Llegada registrada',
            'error.checkInWindow': 'El registro de esta cita está abierto de {from} a {to}.',
            'error.checkInState': 'Ya no se puede registrar la llegada de esta cita.',
            'error.moveState': 'Esta cita ya no se puede cambiar.',
            'error.action': 'No se pudo hacer: {message}',
            'reschedule.title': 'Elija una nueva hora',
            'reschedule.text': 'Su cita sigue a las {time} hasta que elija otra hora.',
            'reschedule.keep': 'Mantener mi hora',
            'reschedule.moving': 'Cambiando su cita a las {time}…',
            'reschedule.done': 'Su cita es ahora: {time}.',
            'confirm.titleBooking': '¿Cancelar esta cita?',
            'confirm.textBooking': 'Su hora quedará libre para otra persona.',
            'confirm.keepBooking': 'Mantener mi cita',
            'ics.summary': '{service} — turno {number}',
            'ics.description': 'Turno {number} para {service}.\nRegistre su llegada con «Ya estoy aquí» de {from} a {to}.\nEstado en vivo: {url}',
            'ics.alarm': 'Ya puede registrar la llegada del turno {number}',
            'qr.alt': 'Código QR que abre el estado en vivo del turno {number}',
        },
        ar: {
            'skip': 'انتقل إلى المحتوى',
            'language': 'اللغة',
            'offline': 'غير متصل — جارٍ إعادة الاتصال…',
            'reconnected': 'تم الاتصال من جديد',
            'book.title': 'احجز دورك',
            'book.lead': 'احصل على رقم الآن أو احجز الموعد الذي يناسبك، وانتظر أينما شئت. ستخبرك هذه الصفحة عندما يحين دورك.',
            'book.service': 'الخدمة',
            'book.loading': 'جارٍ تحميل الخدمات…',
            'book.none': 'لا توجد خدمة تصدر أرقامًا الآن.',
            'book.loadFailed': 'تعذّر تحميل الخدمات. جارٍ إعادة المحاولة…',
            'book.waiting': 'في الانتظار: {n}',
            'book.noQueue': 'لا يوجد انتظار',
            'book.name': 'اسمك (اختياري)',
            'book.phone': 'رقم الهاتف (اختياري)',
            'book.privacy': 'لا يرى اسمك ورقم هاتفك إلا الموظفون.',
            'book.take': 'احصل على رقم',
            'book.taking': 'جارٍ إصدار رقمك…',
            'book.pick': 'اختر خدمة أولًا.',
            'ticket.title': 'رقمك',
            'ticket.position': 'ترتيبك في الدور',
            'ticket.eta': 'الانتظار المتوقع',
            'ticket.qr': 'امسح الرمز لمتابعة هذا الرقم على هاتف آخر.',
            'ticket.soundOn': 'تشغيل التنبيهات الصوتية',
            'ticket.soundIsOn': 'التنبيهات الصوتية مفعّلة',
            'ticket.cancel': 'إلغاء رقمي',
            'ticket.new': 'احصل على رقم جديد',
            'ticket.updated': 'آخر تحديث {time}',
            'ticket.live': 'مباشر',
            'ticket.stale': 'غير محدَّث. آخر معلومة: {time}',
            'state.waiting': 'يرجى الانتظار — سننادي رقمك',
            'state.next': 'أنت التالي',
            'state.waitingDetail': 'أبقِ هذه الصفحة مفتوحة، فهي تتحدّث تلقائيًا.',
            'state.called': 'حان دورك',
            'state.calledDetail': 'توجّه إلى {counter}',
            'state.calledAgain': 'نُودي رقمك مجددًا — توجّه إلى {counter} الآن',
            'state.serving': 'تتم خدمتك',
            'state.servingDetail': 'عند {counter}',
            'state.completed': 'تمت خدمتك — شكرًا لك!',
            'state.completedDetail': 'نتطلع إلى رؤيتك مجددًا.',
            'state.skipped': 'فاتك دورك',
            'state.skippedDetail': 'نُودي رقمك ولم تكن عند الشباك. يرجى مراجعة مكتب الاستقبال.',
            'state.cancelled': 'أُلغي الرقم',
            'state.cancelledDetail': 'لم يعد هذا الرقم في قائمة الانتظار.',
            'state.invalid': 'رابط الرقم غير صالح',
            'state.invalidDetail': 'ربما كُتب خطأً أو أنه من يوم آخر.',
            'counter.some': 'الشباك',
            'eta.now': 'الآن',
            'eta.soon': 'قريبًا',
            'eta.lessMinute': 'أقل من دقيقة',
            'eta.minutes': 'نحو {m} دقيقة',
            'eta.hours': 'نحو {h} س {m} د',
            'confirm.title': 'إلغاء هذا الرقم؟',
            'confirm.text': 'ستفقد مكانك في الدور.',
            'confirm.keep': 'الاحتفاظ برقمي',
            'confirm.yes': 'نعم، ألغِه',
            'error.network': 'تعذّر الوصول إلى الخادم. تحقّق من اتصالك وحاول مرة أخرى.',
            'error.rate': 'طلبات كثيرة من هذه الشبكة. حاول مرة أخرى بعد {s} ثانية.',
            'error.server': 'حدث خطأ ({code}). يرجى المحاولة مرة أخرى.',
            'error.cancel': 'تعذّر إلغاء الرقم: {message}',
            'mode.legend': 'متى تريد الحضور؟',
            'mode.now': 'الآن',
            'mode.nowHint': 'انضم إلى دور اليوم',
            'mode.book': 'احجز موعدًا',
            'mode.bookHint': 'احضر في الوقت الذي تختاره',
            'slots.days': 'اليوم',
            'slots.legend': 'اليوم والوقت',
            'slots.night': 'الليل',
            'slots.morning': 'الصباح',
            'slots.afternoon': 'بعد الظهر',
            'slots.evening': 'المساء',
            'slots.times': 'المواعيد المتاحة يوم {day}',
            'slots.loading': 'جارٍ تحميل المواعيد المتاحة…',
            'slots.failed': 'تعذّر تحميل المواعيد. جارٍ إعادة المحاولة…',
            'slots.pickService': 'اختر خدمة لترى مواعيدها المتاحة.',
            'slots.pick': 'اختر وقتًا لحجزه.',
            'slots.zone': 'الأوقات بالتوقيت المحلي للفرع ({zone}).',
            'slots.closed': 'مغلق',
            'slots.dayFull': 'ممتلئ',
            'slots.dayNone': 'لا مواعيد',
            'slots.closedDay': 'الفرع مغلق يوم {day}. اختر يومًا آخر.',
            'slots.noneLeft': 'لا توجد مواعيد متاحة يوم {day}. اختر يومًا آخر.',
            'slots.full': 'ممتلئ',
            'slots.left': 'متبقٍّ: {n}',
            'slots.nameLeft.other': '{time}، الأماكن المتبقية: {n}',
            'slots.nameFull': '{time}، ممتلئ',
            'slots.nameYours': '{time}، موعدك الحالي',
            'slots.yours': 'موعدك',
            'slots.booking': 'جارٍ حجز {time}…',
            'book.slotFull': 'حُجز هذا الوقت للتو — اختر وقتًا آخر.',
            'book.closed': 'الفرع مغلق في ذلك اليوم — اختر يومًا آخر.',
            'book.slotGone': 'لم يعد هذا الوقت متاحًا للحجز — اختر وقتًا آخر.',
            'ticket.appointment': 'موعدك',
            'ticket.when': 'التاريخ والوقت',
            'ticket.window': 'تسجيل الحضور',
            'ticket.checkIn': 'أنا هنا',
            'ticket.checkingIn': 'جارٍ تسجيل حضورك…',
            'ticket.calendar': 'أضف إلى التقويم',
            'ticket.reschedule': 'تغيير الموعد',
            'ticket.cancelBooking': 'إلغاء حجزي',
            'state.booked': 'محجوز — {relative}',
            'state.bookedDetail': 'سجّل حضورك بزر «أنا هنا» من {from} إلى {to}.',
            'state.checkInClosed': 'أُغلق تسجيل الحضور عند {to}.',
            'state.bookedUnknown': 'تم حجز الموعد',
            'state.bookedUnknownDetail': 'اضغط «أنا هنا» عند وصولك.',
            'state.checkInOpen': 'تسجيل الحضور مفتوح',
            'state.checkInOpenDetail': 'هل أنت في الفرع؟ اضغط «أنا هنا» لتنضم إلى الدور لموعدك في {time}.',
            'state.expired': 'فاتك الموعد',
            'state.expiredDetail': 'لم يُسجَّل الحضور قبل {to}. احجز موعدًا آخر أو احصل على رقم.',
            'state.expiredUnknown': 'لم يُسجَّل الحضور في الوقت المحدد. احجز موعدًا آخر أو احصل على رقم.',
            'state.checkedIn': 'تم تسجيل حضورك',
            'error.checkInWindow': 'تسجيل الحضور لهذا الموعد مفتوح من {from} إلى {to}.',
            'error.checkInState': 'لم يعد ممكنًا تسجيل الحضور لهذا الموعد.',
            'error.moveState': 'لم يعد ممكنًا تغيير هذا الموعد.',
            'error.action': 'تعذّر ذلك: {message}',
            'reschedule.title': 'اختر موعدًا جديدًا',
            'reschedule.text': 'يبقى حجزك في {time} حتى تختار وقتًا جديدًا.',
            'reschedule.keep': 'الإبقاء على موعدي',
            'reschedule.moving': 'جارٍ نقل حجزك إلى {time}…',
            'reschedule.done': 'موعدك الآن: {time}.',
            'confirm.titleBooking': 'إلغاء هذا الحجز؟',
            'confirm.textBooking': 'سيصبح وقتك متاحًا لشخص آخر.',
            'confirm.keepBooking': 'الإبقاء على حجزي',
            'ics.summary': '{service} — الرقم {number}',
            'ics.description': 'الرقم {number} لخدمة {service}.\nسجّل حضورك بزر «أنا هنا» من {from} إلى {to}.\nالحالة المباشرة: {url}',
            'ics.alarm': 'تسجيل الحضور مفتوح للرقم {number}',
            'qr.alt': 'رمز QR يفتح الحالة المباشرة للرقم {number}',
        },
    };
    const RTL = new Set(['ar']);
    const STORE_KEY = 'nextup.lang';
    let current = 'en';

    function pick() {
        let saved = null;
        try { saved = localStorage.getItem(STORE_KEY); } catch (e) { /* private mode */ }
        if (saved && STRINGS[saved])
            return saved;
        for (const tag of navigator.languages || [navigator.language || 'en']) {
            const base = String(tag).toLowerCase().split('-')[0];
            if (STRINGS[base])
                return base;
        }
        return 'en';
    }

    function t(key, params) {
        const text = (STRINGS[current] && STRINGS[current][key]) || STRINGS.en[key] || key;
        return text.replace(/\{(\w+)\}/g, (m, name) => (params && name in params ? String(params[name]) : m));
    }

    function number(n) {
        return new Intl.NumberFormat(current).format(n);
    }

    // Whole minutes, rounded up: a promise of "5 min" that takes 5:40 feels broken.
    function eta(seconds) {
        if (seconds == null || seconds <= 0)
            return t('eta.now');
        if (seconds < 60)
            return t('eta.lessMinute');
        const minutes = Math.ceil(seconds / 60);
        if (minutes < 60)
            return t('eta.minutes', { m: number(minutes) });
        return t('eta.hours', { h: number(Math.floor(minutes / 60)), m: number(minutes % 60) });
    }

    function time(date) {
        return new Intl.DateTimeFormat(current, { hour: 'numeric', minute: '2-digit', second: '2-digit' }).format(date);
    }

    // The time of a past moment: "10:42:13", with the date when it was not today.
    function stamp(date) {
        const today = new Date();
        if (date.toDateString() === today.toDateString())
            return time(date);
        return format({ day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit' }).format(date);
    }

    // `key.one`, `key.two`... as the language's plural rules pick for n, else `key.other`.
    function plural(key, n, params) {
        const category = new Intl.PluralRules(current).select(n);
        const chosen = STRINGS[current] && STRINGS[current][key + '.' + category] ? key + '.' + category : key + '.other';
        return t(chosen, Object.assign({ n: number(n) }, params));
    }

    // ---- times of appointments: always in the branch's zone (`zone`, an IANA name), which
    // may not be the browser's; dates of a day (YYYY-MM-DD) are the branch's calendar dates.
    const formats = new Map();
    function format(options, zone) {
        const key = current + '|' + (zone || '') + '|' + JSON.stringify(options);
        if (!formats.has(key)) {
            let made;
            try {
                made = new Intl.DateTimeFormat(current, Object.assign({}, options, zone ? { timeZone: zone } : {}));
            } catch (e) { // a zone this browser does not know: its own zone beats nothing
                made = new Intl.DateTimeFormat(current, options);
            }
            formats.set(key, made);
        }
        return formats.get(key);
    }
    const CLOCK = { hour: 'numeric', minute: '2-digit' };
    const FULL = { weekday: 'long', day: 'numeric', month: 'long', hour: 'numeric', minute: '2-digit' };

    function clock(at, zone) {
        return format(CLOCK, zone).format(new Date(at));
    }

    function dateTime(at, zone) {
        return format(FULL, zone).format(new Date(at));
    }

    // 0..23: the hour of the branch's clock at `at`.
    function hourOf(at, zone) {
        const f = formats.get('hour|' + zone) || new Intl.DateTimeFormat('en-US', { hour: 'numeric', hourCycle: 'h23', timeZone: zone || undefined });
        formats.set('hour|' + zone, f);
        return Number(f.format(new Date(at))) % 24;
    }

    // "9:45 – 10:30"; with the dates when the two are on different days.
    function span(from, to, zone) {
        const a = new Date(from);
        const b = new Date(to);
        const sameDay = format({ dateStyle: 'short' }, zone).format(a) === format({ dateStyle: 'short' }, zone).format(b);
        const f = format(sameDay ? CLOCK : { day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit' }, zone);
        return f.formatRange ? f.formatRange(a, b) : f.format(a) + ' – ' + f.format(b);
    }

    function dayDate(isoDate) {
        const [y, m, d] = isoDate.split('-').map(Number);
        return new Date(Date.UTC(y, m - 1, d, 12));
    }

    // A calendar date: {weekday: "Mon", day: "8", month: "Dec", long: "Monday 8 December"}.
    function day(isoDate) {
        const date = dayDate(isoDate);
        return {
            weekday: format({ weekday: 'short' }, 'UTC').format(date),
            day: format({ day: 'numeric' }, 'UTC').format(date),
            month: format({ month: 'short' }, 'UTC').format(date),
            long: format({ weekday: 'long', day: 'numeric', month: 'long' }, 'UTC').format(date),
        };
    }

    // "in 25 minutes", "tomorrow", "in 3 days": how far `at` is from now.
    function relative(at) {
        const seconds = (new Date(at).getTime() - Date.now()) / 1000;
        const rtf = new Intl.RelativeTimeFormat(current, { numeric: 'auto' });
        if (Math.abs(seconds) < 90 * 60)
            return rtf.format(Math.round(seconds / 60), 'minute');
        if (Math.abs(seconds) < 36 * 3600)
            return rtf.format(Math.round(seconds / 3600), 'hour');
        return rtf.format(Math.round(seconds / 86400), 'day');
    }

    // The zone's own name ("India Standard Time") when the browser's clock shows another time
    // at `at`; '' when they agree, so that nothing needs saying.
    function otherZone(zone, at) {
        const when = new Date(at || Date.now());
        if (!zone || format(FULL, zone).format(when) === format(FULL, '').format(when))
            return '';
        const parts = format({ timeZoneName: 'long' }, zone).formatToParts(when);
        const name = parts.find((p) => p.type === 'timeZoneName');
        return name ? name.value : zone;
    }

    // Applies the language to the document: lang, dir and every [data-i18n] element.
    function apply(lang) {
        current = STRINGS[lang] ? lang : 'en';
        document.documentElement.lang = current;
        document.documentElement.dir = RTL.has(current) ? 'rtl' : 'ltr';
        for (const el of document.querySelectorAll('[data-i18n]'))
            el.textContent = t(el.dataset.i18n);
    }

    function set(lang) {
        try { localStorage.setItem(STORE_KEY, lang); } catch (e) { /* private mode */ }
        apply(lang);
    }

    return {
        pick, t, plural, number, eta, time, stamp, clock, dateTime, span, day, relative, otherZone, hourOf, apply, set,
        get lang() { return current; }, languages: Object.keys(STRINGS),
    };
})();
