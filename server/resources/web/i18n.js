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
            'book.lead': 'Pick a service, get your token, and wait wherever you like. This page tells you when it is your turn.',
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
            'qr.alt': 'QR code that opens the live status of token {number}',
        },
        es: {
            'skip': 'Ir al contenido',
            'language': 'Idioma',
            'offline': 'Sin conexión — reconectando…',
            'reconnected': 'Conectado de nuevo',
            'book.title': 'Pida su turno',
            'book.lead': 'Elija un servicio, reciba su turno y espere donde quiera. Esta página le avisa cuando le toque.',
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
            'qr.alt': 'Código QR que abre el estado en vivo del turno {number}',
        },
        ar: {
            'skip': 'انتقل إلى المحتوى',
            'language': 'اللغة',
            'offline': 'غير متصل — جارٍ إعادة الاتصال…',
            'reconnected': 'تم الاتصال من جديد',
            'book.title': 'احجز دورك',
            'book.lead': 'اختر الخدمة واحصل على رقمك وانتظر أينما شئت. ستخبرك هذه الصفحة عندما يحين دورك.',
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

    return { pick, t, number, eta, time, apply, set, get lang() { return current; }, languages: Object.keys(STRINGS) };
})();
