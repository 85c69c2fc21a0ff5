// Nextup booking page: start-up, language, routing between the booking form and a token's live
// status (#t=<id>.<secret>: the fragment never reaches a server), and the booking form: "Now"
// takes today's walk-in token, "Book a time" books a slot picked in slots.js.
'use strict';

window.NextupApp = (function () {
    const I18n = window.NextupI18n;
    const Live = window.NextupLive;
    const Ticket = window.NextupTicket;
    const Slots = window.NextupSlots;
    const t = (key, params) => I18n.t(key, params);
    const $ = (id) => document.getElementById(id);
    const TOKEN_KEY = 'nextup.token';
    const LINK = /^#t=([1-9][0-9]{0,14})\.([A-Za-z0-9_-]{16,128})$/;
    const SERVICES_REFRESH_MS = 30000;

    let services = [];
    let servicesFailed = false;
    let servicesTimer = null;
    let bookSocket = null;
    let picker = null;          // the slot picker of "Book a time"
    let pickerService = 0;      // the service it shows

    function setOnline(online) {
        $('net').hidden = online;
    }

    // ---- booking form -------------------------------------------------------------------

    async function loadServices() {
        clearTimeout(servicesTimer);
        try {
            const list = await Live.api('GET', '/api/services');
            services = list.filter((s) => s.active !== false);
            servicesFailed = false;
            setOnline(true);
        } catch (error) {
            servicesFailed = true;
            setOnline(!error.network && error.status < 500);
        }
        renderServices();
        servicesTimer = setTimeout(loadServices, servicesFailed ? 5000 : SERVICES_REFRESH_MS);
    }

    function serviceMeta(s) {
        if (!s.waiting)
            return t('book.noQueue');
        return t('book.waiting', { n: I18n.number(s.waiting) }) + ' · ' + I18n.eta(s.eta || 0);
    }

    function renderServices() {
        const box = $('services');
        const chosen = selectedService();
        if (!services.length) {
            box.replaceChildren(Object.assign(document.createElement('p'), {
                className: 'muted', textContent: t(servicesFailed ? 'book.loadFailed' : 'book.none'),
            }));
            return;
        }
        // Same services as shown: refresh the numbers only, so that a refresh never takes the
        // keyboard focus or a half-made choice away from the customer.
        const shown = [...box.querySelectorAll('input[name="service"]')].map((input) => Number(input.value));
        if (shown.length === services.length && shown.every((id, i) => id === services[i].id)) {
            for (const s of services)
                box.querySelector('.svc-meta[data-service-id="' + s.id + '"]').textContent = serviceMeta(s);
            return;
        }
        const items = services.map((s) => {
            const label = document.createElement('label');
            label.className = 'svc';
            const input = Object.assign(document.createElement('input'), {
                type: 'radio', name: 'service', value: String(s.id),
            });
            input.checked = chosen === s.id || services.length === 1;
            const code = Object.assign(document.createElement('span'), { className: 'code', textContent: s.code });
            code.setAttribute('aria-hidden', 'true');
            const text = Object.assign(document.createElement('span'), { className: 'svc-text' });
            const name = Object.assign(document.createElement('span'), { className: 'svc-name', textContent: s.name });
            const meta = Object.assign(document.createElement('span'), { className: 'svc-meta', textContent: serviceMeta(s) });
            meta.dataset.serviceId = String(s.id);
            text.append(name, meta);
            label.append(input, code, text);
            return label;
        });
        box.replaceChildren(...items);
        syncMode(); // a lone service is chosen without a click
    }

    function selectedService() {
        const input = document.querySelector('input[name="service"]:checked');
        return input ? Number(input.value) : 0;
    }

    function booking() {
        const input = document.querySelector('input[name="mode"]:checked');
        return !!input && input.value === 'book';
    }

    // "Now" shows the take button; "Book a time" the days and times of the chosen service.
    function syncMode() {
        const book = booking();
        $('when').hidden = !book;
        $('take').hidden = book;
        const service = book ? selectedService() : 0;
        if (book && service !== pickerService) {
            pickerService = service;
            picker.load(service);
        } else if (!book && pickerService) {
            pickerService = 0;
            picker.load(0);
        }
    }

    // Someone booked, moved or freed a time of the service shown: its places changed. Many
    // phones look at the same day, so their requests are spread over a second.
    const SLOT_EVENTS = new Set(['token_booked', 'token_rescheduled', 'token_cancelled', 'token_expired']);
    let slotsTimer = null;
    function onSlotEvent(data) {
        if (!data.preferred_slot || data.service_id !== pickerService || slotsTimer)
            return;
        slotsTimer = setTimeout(() => {
            slotsTimer = null;
            picker.refresh();
        }, 300 + Math.random() * 1000);
    }

    // queue_update events: the waiting count and ETA of one service changed.
    function onQueueEvent(frame) {
        if (frame.data && SLOT_EVENTS.has(frame.event))
            onSlotEvent(frame.data);
        if (frame.event !== 'queue_update' || !frame.data)
            return;
        const s = services.find((x) => x.id === frame.data.service_id);
        if (!s)
            return;
        s.waiting = frame.data.waiting;
        s.eta = frame.data.eta;
        const meta = document.querySelector('.svc-meta[data-service-id="' + s.id + '"]');
        if (meta)
            meta.textContent = serviceMeta(s);
    }

    function customerInfo() {
        const info = {};
        const name = $('name').value.trim();
        const phone = $('phone').value.trim();
        if (name)
            info.name = name;
        if (phone)
            info.phone = phone;
        return Object.keys(info).length ? info : undefined;
    }

    function explain(e) {
        return e.network ? t('error.network')
            : e.status === 429 ? t('error.rate', { s: I18n.number(e.retryAfter || 60) })
            : e.code === 'validation_failed' || e.status === 404 ? e.message
            : t('error.server', { code: e.code });
    }

    function tokenTaken(answer, booked) {
        remember(answer.token_id, answer.secret);
        $('book-form').reset();
        syncMode();
        history.pushState(null, '', '#t=' + answer.token_id + '.' + answer.secret);
        showTicket(answer.token_id, answer.secret, answer, booked);
    }

    // A slot was picked: book it. A refusal of that slot says why and shows the day again.
    async function bookSlot(slot) {
        $('book-error').textContent = '';
        Ticket.Alerts.unlock();
        const body = { service_id: pickerService, preferred_slot: slot.start };
        const info = customerInfo();
        if (info)
            body.customer_info = info;
        try {
            const answer = await Live.api('POST', '/api/tokens', { body });
            tokenTaken(answer, { end: slot.end, timezone: picker.timezone, slot_minutes: picker.slotMinutes });
        } catch (e) {
            const again = { slot_full: 'book.slotFull', closed: 'book.closed', validation_failed: 'book.slotGone' }[e.code];
            picker.error(again ? t(again) : explain(e));
            if (e.network)
                setOnline(false);
            if (again)
                picker.refresh();
        }
    }

    async function take(event) {
        event.preventDefault();
        const serviceId = selectedService();
        const error = $('book-error');
        error.textContent = '';
        if (booking()) { // Enter in a field: the times are the way to book
            const slot = $('picker').querySelector('.slot-grid button[tabindex="0"]');
            if (slot)
                slot.focus();
            else if (!serviceId)
                error.textContent = t('book.pick');
            return;
        }
        if (!serviceId) {
            error.textContent = t('book.pick');
            const first = document.querySelector('input[name="service"]');
            if (first)
                first.focus();
            return;
        }
        Ticket.Alerts.unlock(); // this click may allow the "your turn" sound later
        const button = $('take');
        button.disabled = true;
        button.textContent = t('book.taking');
        try {
            const body = { service_id: serviceId };
            const info = customerInfo();
            if (info)
                body.customer_info = info;
            const answer = await Live.api('POST', '/api/tokens', { body });
            tokenTaken(answer);
        } catch (e) {
            error.textContent = explain(e);
        } finally {
            button.disabled = false;
            button.textContent = t('book.take');
        }
    }

    // ---- views and routing --------------------------------------------------------------

    function remember(id, secret) {
        try { localStorage.setItem(TOKEN_KEY, id + '.' + secret); } catch (e) { /* private mode */ }
    }

    function showBook() {
        Ticket.hide();
        $('ticket-view').hidden = true;
        $('book-view').hidden = false;
        document.title = t('book.title') + ' · Nextup';
        loadServices();
        syncMode();
        if (!bookSocket)
            bookSocket = new Live.LiveSocket({
                onEvent: onQueueEvent,
                onSync: loadServices,
                onState: (state) => { if (state === 'offline') loadServices(); },
            });
        bookSocket.start(['global']);
    }

    function showTicket(id, secret, first, booked) {
        clearTimeout(servicesTimer);
        if (bookSocket)
            bookSocket.stop();
        picker.stop();
        pickerService = 0;
        $('book-view').hidden = true;
        $('ticket-view').hidden = false;
        Ticket.show(id, secret, first, booked);
        $('main').focus({ preventScroll: true });
        window.scrollTo(0, 0);
    }

    // #t=<id>.<secret> shows that token; otherwise the token kept from an earlier visit, or the form.
    function route() {
        let match = LINK.exec(location.hash);
        if (!match) {
            let saved = null;
            try { saved = localStorage.getItem(TOKEN_KEY); } catch (e) { /* private mode */ }
            match = saved ? LINK.exec('#t=' + saved) : null;
            if (match)
                history.replaceState(null, '', '#t=' + saved);
        }
        if (match)
            showTicket(Number(match[1]), match[2]);
        else
            showBook();
    }

    function leaveTicket() {
        history.pushState(null, '', location.pathname);
        showBook();
        $('book-title').focus();
    }

    function start() {
        I18n.apply(I18n.pick());
        const lang = $('lang');
        lang.value = I18n.lang;
        lang.addEventListener('change', () => {
            I18n.set(lang.value);
            renderServices();
            picker.relabel();
            Ticket.relabel();
            if (!$('book-view').hidden)
                document.title = t('book.title') + ' · Nextup';
        });
        $('book-form').addEventListener('submit', take);
        picker = new Slots.SlotPicker($('picker'), { onPick: bookSlot, onReachable: setOnline });
        $('book-form').addEventListener('change', (event) => {
            if (event.target.name === 'mode' || event.target.name === 'service')
                syncMode();
        });
        $('book-title').tabIndex = -1;
        Ticket.wire(leaveTicket);
        window.addEventListener('popstate', route);
        // The browser knows first: say "offline" at once, and look again when it is back.
        window.addEventListener('offline', () => setOnline(false));
        window.addEventListener('online', () => { if (!$('book-view').hidden) loadServices(); });
        if (navigator.onLine === false)
            setOnline(false);
        route();
        registerWorker();
    }

    // The service worker keeps the page and its files for a start without a network (browsers
    // allow it on https and on localhost only); the page works the same without it.
    function registerWorker() {
        if (!('serviceWorker' in navigator))
            return;
        navigator.serviceWorker.register('/web/sw.js', { scope: '/', updateViaCache: 'none' })
            .then(() => { document.body.dataset.worker = 'registered'; })
            .catch(() => { document.body.dataset.worker = 'failed'; });
    }

    document.addEventListener('DOMContentLoaded', start);
    return { setOnline };
})();
