// Nextup booking page: the receipt and live status of one token (the "ticket" view), with the
// QR code, the cancel button and the "your turn" alert (sound, vibration, screen reader). A booked
// appointment's own parts (time, check-in, calendar, reschedule) are appointment.js.
'use strict';

window.NextupTicket = (function () {
    const I18n = window.NextupI18n;
    const Live = window.NextupLive;
    const t = (key, params) => I18n.t(key, params);
    const $ = (id) => document.getElementById(id);
    const ACTIVE = new Set(['waiting', 'called', 'serving']);
    const KEPT = new Set(['waiting', 'booked']); // the customer may still cancel these
    const STALE_AFTER_MS = 3000; // a state kept from an earlier visit, not yet confirmed by now

    // The last state the server gave of each token shown here (a few, newest first), its time
    // and the QR picture, in localStorage: a page opened without a network (the service worker
    // serves it) shows it at once, marked as not up to date, until the server answers again.
    // The secret stays in 'nextup.token' and the link only.
    const Store = {
        KEY: 'nextup.tickets',
        MAX: 5,
        read() {
            try { return JSON.parse(localStorage.getItem(this.KEY)) || {}; } catch (e) { return {}; }
        },
        write(all) {
            try { localStorage.setItem(this.KEY, JSON.stringify(all)); } catch (e) { /* private mode, full */ }
        },
        get(id) { return this.read()[id] || null; },
        put(id, record) {
            const all = this.read();
            all[id] = Object.assign({}, all[id], record);
            const ids = Object.keys(all).sort((a, b) => (all[b].at || 0) - (all[a].at || 0));
            for (const old of ids.slice(this.MAX))
                delete all[old];
            this.write(all);
        },
        remove(id) {
            const all = this.read();
            delete all[id];
            this.write(all);
        },
    };

    // A chime made with WebAudio (no sound file to fetch) and a vibration. Browsers allow sound
    // only after the user touched the page, so unlock() runs from a click.
    const Alerts = {
        context: null,
        unlock() {
            const AudioContextClass = window.AudioContext || window.webkitAudioContext;
            if (!AudioContextClass)
                return false;
            if (!this.context)
                this.context = new AudioContextClass();
            this.context.resume();
            return true;
        },
        get enabled() { return !!this.context; },
        chime(notes) {
            const ctx = this.context;
            if (!ctx)
                return;
            ctx.resume();
            const start = ctx.currentTime + 0.05;
            notes.forEach(([frequency, at]) => {
                const osc = ctx.createOscillator();
                const gain = ctx.createGain();
                osc.type = 'sine';
                osc.frequency.value = frequency;
                gain.gain.setValueAtTime(0.0001, start + at);
                gain.gain.exponentialRampToValueAtTime(0.5, start + at + 0.02);
                gain.gain.exponentialRampToValueAtTime(0.0001, start + at + 0.45);
                osc.connect(gain).connect(ctx.destination);
                osc.start(start + at);
                osc.stop(start + at + 0.5);
            });
        },
        yourTurn() {
            this.chime([[660, 0], [880, 0.25], [1320, 0.5], [660, 1.2], [880, 1.45], [1320, 1.7]]);
            try {
                if (navigator.vibrate)
                    navigator.vibrate([400, 150, 400, 150, 800]);
            } catch (e) { /* not allowed here */ }
        },
        test() { this.chime([[880, 0]]); },
    };

    let follower = null;
    let current = null;   // the last status shown
    let token = null;     // {id, secret}
    let qrUrl = null;
    let alerts = 0;
    let lastSpoken = '';  // what the live region said last, as a key
    let onLeave = null;
    let appointment = null; // NextupAppointment.Appointment, made by wire()
    let knownAt = 0;        // when the server last confirmed what is shown (ms since the epoch)
    let stale = false;      // what is shown may no longer be true: kept from before, or offline
    let staleTimer = null;

    function counterName(status) {
        return status.counter_name || t('counter.some');
    }

    function describe(status) {
        const booking = appointment.describe(status);
        if (booking)
            return booking;
        const counter = counterName(status);
        switch (status.status) {
        case 'waiting':
            return {
                headline: status.position === 1 ? t('state.next') : t('state.waiting'),
                detail: t('state.waitingDetail'),
            };
        case 'called':
            return {
                headline: t('state.called'),
                detail: status.recall_count > 0 ? t('state.calledAgain', { counter })
                                                : t('state.calledDetail', { counter }),
            };
        case 'serving': return { headline: t('state.serving'), detail: t('state.servingDetail', { counter }) };
        case 'completed': return { headline: t('state.completed'), detail: t('state.completedDetail') };
        case 'skipped': return { headline: t('state.skipped'), detail: t('state.skippedDetail') };
        case 'cancelled': return { headline: t('state.cancelled'), detail: t('state.cancelledDetail') };
        default: return { headline: status.status, detail: '' };
        }
    }

    // Merges what an event or a status answer knows into the current status and shows it.
    function update(next) {
        const previous = current;
        const merged = Object.assign({}, current || {}, next);
        for (const key of ['position', 'eta']) {
            if (next[key] === undefined && current)
                merged[key] = current[key];
        }
        current = merged;
        knownAt = Date.now();
        stale = false;
        clearTimeout(staleTimer);
        if (token) {
            const kept = Object.assign({}, merged);
            delete kept.secret;
            delete kept.customer_info;
            Store.put(token.id, { at: knownAt, status: kept });
        }
        if (next.preferred_slot)
            appointment.learn({ preferred_slot: next.preferred_slot });
        render();
        const calledNow = merged.status === 'called' &&
            (!previous || previous.status !== 'called' || (merged.recall_count || 0) > (previous.recall_count || 0));
        if (calledNow && previous)
            alert();
        // Said again when it changes, but not for a booking's "in 24 minutes" ticking down.
        const text = describe(merged);
        const spoken = [text.detail, merged.status === 'booked' ? $('ticket-view').dataset.window : text.headline].join('|');
        if (spoken !== lastSpoken)
            $('announce').textContent = text.headline + '. ' + text.detail;
        lastSpoken = spoken;
        if (Live.FINAL.has(merged.status)) {
            forget();
            $('t-live').dataset.live = 'false';
        }
    }

    function alert() {
        alerts += 1;
        $('ticket-view').dataset.alerts = String(alerts);
        Alerts.yourTurn();
        const status = $('t-status');
        status.classList.remove('flash');
        void status.offsetWidth; // restart the animation
        status.classList.add('flash');
    }

    function render() {
        if (!current)
            return;
        const s = current;
        const text = describe(s);
        $('t-number').textContent = s.token_number || '—';
        $('t-service').textContent = s.service_name || '';
        $('t-status').dataset.state = s.status;
        $('t-headline').textContent = text.headline;
        $('t-detail').textContent = text.detail;
        const waiting = s.status === 'waiting';
        const booked = s.status === 'booked';
        appointment.render(s);
        relabelAs($('t-kicker'), booked || s.status === 'expired' ? 'ticket.appointment' : 'ticket.title');
        relabelAs($('cancel'), booked ? 'ticket.cancelBooking' : 'ticket.cancel');
        $('t-facts').hidden = !waiting;
        $('t-position').textContent = s.position > 0 ? I18n.number(s.position) : '—';
        $('t-eta').textContent = s.eta === undefined || s.eta === null ? '—'
                               : s.eta <= 0 ? t('eta.soon') : I18n.eta(s.eta);
        $('cancel').hidden = !KEPT.has(s.status);
        $('sound').hidden = !ACTIVE.has(s.status);
        $('qr-box').hidden = !ACTIVE.has(s.status) && !booked;
        $('t-qr').alt = t('qr.alt', { number: s.token_number || '' });
        const at = new Date(knownAt || Date.now());
        $('t-updated').textContent = t('ticket.updated', { time: I18n.stamp(at) });
        $('t-updated').parentElement.hidden = stale; // the notice says it
        $('t-stale').hidden = !stale;
        $('t-stale-text').textContent = stale ? t('ticket.stale', { time: I18n.stamp(at) }) : '';
        $('ticket-view').dataset.stale = String(stale);
        document.title = text.headline + ' · ' + (s.token_number || '') + ' · Nextup';
        $('ticket-view').dataset.status = s.status;
        $('ticket-view').dataset.position = String(s.position ?? '');
    }

    // An element whose words depend on the state: the language switch re-applies `key` too.
    function relabelAs(element, key) {
        element.dataset.i18n = key;
        element.textContent = t(key);
    }

    // The state kept from an earlier visit of token `id`, shown as not up to date; false if none.
    function restore(id) {
        const saved = Store.get(id);
        if (!saved || !saved.status)
            return false;
        current = saved.status;
        knownAt = saved.at || 0;
        return true;
    }

    function markStale() {
        clearTimeout(staleTimer);
        if (!current || stale)
            return;
        stale = true;
        render();
    }

    function showInvalid() {
        current = null;
        stale = false;
        $('t-stale').hidden = true;
        delete $('ticket-view').dataset.stale;
        if (token)
            Store.remove(token.id);
        appointment.render({ status: 'invalid' });
        $('t-number').textContent = '—';
        $('t-service').textContent = '';
        $('t-status').dataset.state = 'invalid';
        $('t-headline').textContent = t('state.invalid');
        $('t-detail').textContent = t('state.invalidDetail');
        $('t-facts').hidden = true;
        $('cancel').hidden = true;
        $('sound').hidden = true;
        $('qr-box').hidden = true;
        $('ticket-view').dataset.status = 'invalid';
        forget();
    }

    // The token no longer needs to come back on the next visit of "/" (the link still works).
    function forget() {
        if (token)
            appointment.forget(token.id);
        try {
            if (token && localStorage.getItem('nextup.token') === token.id + '.' + token.secret)
                localStorage.removeItem('nextup.token');
        } catch (e) { /* private mode */ }
    }

    function showQr(blob) {
        if (qrUrl)
            URL.revokeObjectURL(qrUrl);
        qrUrl = URL.createObjectURL(blob);
        $('t-qr').src = qrUrl;
        $('qr-box').dataset.loaded = 'true';
    }

    // The QR picture, kept with the token's state so that it shows offline too.
    async function loadQr() {
        const id = token.id;
        try {
            const response = await Live.api('GET', '/api/tokens/' + id + '/qr.svg',
                                             { secret: token.secret, raw: true });
            const svg = await response.text();
            if (!token || token.id !== id)
                return;
            showQr(new Blob([svg], { type: 'image/svg+xml' }));
            Store.put(id, { qr: svg });
        } catch (e) {
            const saved = token && token.id === id ? Store.get(id) : null;
            if (saved && saved.qr)
                showQr(new Blob([saved.qr], { type: 'image/svg+xml' }));
            else
                $('qr-box').dataset.loaded = 'false'; // the ticket works without it
        }
    }

    function setConnection(state) {
        document.body.dataset.connection = state.live ? 'live' : state.reachable ? 'polling' : 'offline';
        if (!state.live && !state.reachable)
            markStale(); // the next answer of the server makes it live again
        window.NextupApp.setOnline(state.live || state.reachable);
        $('t-live').dataset.live = String(state.live);
        $('t-live').title = state.live ? t('ticket.live') : '';
    }

    // Shows token `id` (with its secret); `first` is the answer of POST /api/tokens, if we just
    // took it, so the receipt appears without waiting for the first status request; `booking`
    // what the slot picker knew of a booked slot ({end, timezone, slot_minutes}).
    function show(id, secret, first, booking) {
        hide();
        token = { id, secret };
        alerts = 0;
        lastSpoken = '';
        knownAt = 0;
        stale = false;
        appointment.show(id, first, booking);
        $('ticket-view').dataset.tokenId = String(id);
        $('ticket-view').dataset.alerts = '0';
        $('ticket-error').textContent = '';
        $('appt-error').textContent = '';
        $('t-qr').removeAttribute('src');
        $('t-status').classList.remove('flash');
        delete $('qr-box').dataset.loaded;
        if (first) {
            update(first);
        } else if (restore(id)) {
            // Shown as it was; marked not up to date at once when offline, else unless the
            // server confirms it quickly.
            render();
            if (navigator.onLine === false)
                markStale();
            else
                staleTimer = setTimeout(markStale, STALE_AFTER_MS);
        } else {
            $('t-headline').textContent = '…';
        }
        syncSoundButton();
        loadQr();
        follower = new Live.TokenFollower(id, secret, {
            onStatus: (status) => update(status),
            onInvalid: () => showInvalid(),
            onConnection: setConnection,
        });
        follower.start();
    }

    function hide() {
        clearTimeout(staleTimer);
        if (appointment)
            appointment.hide();
        if (follower)
            follower.stop();
        follower = null;
        current = null;
        token = null;
        if (qrUrl)
            URL.revokeObjectURL(qrUrl);
        qrUrl = null;
        delete document.body.dataset.connection;
    }

    function syncSoundButton() {
        const button = $('sound');
        button.setAttribute('aria-pressed', String(Alerts.enabled));
        button.textContent = t(Alerts.enabled ? 'ticket.soundIsOn' : 'ticket.soundOn');
    }

    async function cancel() {
        const dialog = $('confirm');
        const booked = current && current.status === 'booked';
        relabelAs($('confirm-title'), booked ? 'confirm.titleBooking' : 'confirm.title');
        relabelAs($('confirm-text'), booked ? 'confirm.textBooking' : 'confirm.text');
        relabelAs($('confirm-keep'), booked ? 'confirm.keepBooking' : 'confirm.keep');
        const answer = await new Promise((resolve) => {
            dialog.addEventListener('close', () => resolve(dialog.returnValue), { once: true });
            dialog.returnValue = 'keep';
            dialog.showModal();
        });
        if (answer !== 'cancel' || !token)
            return;
        $('ticket-error').textContent = '';
        try {
            const answerBody = await Live.api('POST', '/api/tokens/' + token.id + '/cancel',
                                              { secret: token.secret, body: {} });
            const tok = answerBody.token || {};
            if (follower)
                follower.stop();
            update({ status: tok.status || 'cancelled', position: 0, eta: 0 });
        } catch (error) {
            $('ticket-error').textContent = error.network ? t('error.network')
                                                          : t('error.cancel', { message: error.message });
        }
    }

    function wire(leave) {
        onLeave = leave;
        appointment = new window.NextupAppointment.Appointment({
            token: () => token,
            status: () => current,
            update: (next) => { if (current) update(next); },
            refresh: () => { if (follower) follower.refresh(0); },
            error: (text) => { $('appt-error').textContent = text; },
            announce: (text) => { $('announce').textContent = text; },
        });
        $('sound').addEventListener('click', () => {
            if (Alerts.unlock())
                Alerts.test();
            syncSoundButton();
        });
        $('cancel').addEventListener('click', cancel);
        $('t-status').addEventListener('animationend', () => $('t-status').classList.remove('flash'));
        $('new-token').addEventListener('click', () => {
            if (token)
                Store.remove(token.id);
            forget();
            hide();
            onLeave();
        });
    }

    function relabel() {
        syncSoundButton();
        appointment.relabel();
        if (current)
            render();
        else if ($('t-status').dataset.state === 'invalid')
            showInvalid();
    }

    return { wire, show, hide, relabel, Alerts };
})();
