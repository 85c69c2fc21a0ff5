// Nextup booking page: the receipt of a booked appointment (its time in the branch's zone, the
// check-in window, "Add to calendar", "I'm here", "Reschedule"), until it is checked in and
// becomes an ordinary place in line (ticket.js), or expires.
//
// The status route tells a booked token's state but not its time, so the time and the window are
// kept per token in local storage from the answers that carry them (booking, reschedule,
// check-in, a refusal outside the window) and from the token's events (`preferred_slot`).
'use strict';

window.NextupAppointment = (function () {
    const I18n = window.NextupI18n;
    const Live = window.NextupLive;
    const Calendar = window.NextupCalendar;
    const Slots = window.NextupSlots;
    const t = (key, params) => I18n.t(key, params);
    const $ = (id) => document.getElementById(id);
    const KEY = 'nextup.booking.';
    const TICK_MS = 5000; // how often the window and "in 5 minutes" are looked at again

    // ---- what is known of a booking: {slot, end?, opens?, closes?, zone?, minutes?} --------

    function load(id) {
        try { return JSON.parse(localStorage.getItem(KEY + id)) || {}; } catch (e) { return {}; }
    }

    function save(id, record) {
        try { localStorage.setItem(KEY + id, JSON.stringify(record)); } catch (e) { /* private mode */ }
    }

    function forget(id) {
        try { localStorage.removeItem(KEY + id); } catch (e) { /* private mode */ }
    }

    const ms = (iso) => (iso ? new Date(iso).getTime() : NaN);

    // Folds what an answer or event says into the record. A new slot without its window moves
    // the window with it (the branch's minutes before and after stay the same).
    function merge(record, news) {
        const next = Object.assign({}, record);
        if (news.preferred_slot && news.preferred_slot !== record.slot) {
            const shift = ms(news.preferred_slot) - ms(record.slot);
            next.slot = news.preferred_slot;
            for (const key of ['opens', 'closes', 'end']) {
                next[key] = record.slot && record[key] && !Number.isNaN(shift)
                    ? new Date(ms(record[key]) + shift).toISOString() : undefined;
            }
        }
        if (news.check_in_opens_at)
            next.opens = news.check_in_opens_at;
        if (news.check_in_closes_at)
            next.closes = news.check_in_closes_at;
        if (news.end)
            next.end = news.end;
        if (news.timezone)
            next.zone = news.timezone;
        if (news.slot_minutes)
            next.minutes = news.slot_minutes;
        if (!next.end && next.slot && next.minutes)
            next.end = new Date(ms(next.slot) + next.minutes * 60000).toISOString();
        return next;
    }

    // 'before', 'open', 'after', or 'unknown' when the window is not known on this device.
    function windowState(record) {
        if (!record.opens || !record.closes)
            return 'unknown';
        const now = Date.now();
        return now < ms(record.opens) ? 'before' : now > ms(record.closes) ? 'after' : 'open';
    }

    class Appointment {
        // host: {token() -> {id, secret}, status() -> the shown status, update(next),
        // refresh() (re-read the status), error(text), announce(text)}
        constructor(host) {
            this.host = host;
            this.record = {};
            this.timer = null;
            this.calendarKey = '';
            this.calendarUrl = null;
            this.zoneAsked = 0;
            this.zoneKnown = Promise.resolve();
            this.picker = new Slots.SlotPicker($('reschedule-picker'), {
                onPick: (slot) => this.reschedule(slot),
                onReachable: (ok) => window.NextupApp.setOnline(ok),
            });
            $('checkin').addEventListener('click', () => this.checkIn());
            $('reschedule').addEventListener('click', () => this.openReschedule());
            $('reschedule-dialog').addEventListener('close', () => this.picker.stop());
            document.addEventListener('visibilitychange', () => this.tick());
        }

        // A token is shown: `first` is the booking's answer when it was just made.
        show(id, first, extra) {
            this.record = load(id);
            if (first && first.preferred_slot)
                this.learn(Object.assign({}, first, extra));
        }

        hide() {
            clearInterval(this.timer);
            this.timer = null;
            this.record = {};
            this.zoneAsked = 0;
            this.calendarKey = '';
            if (this.calendarUrl)
                URL.revokeObjectURL(this.calendarUrl);
            this.calendarUrl = null;
        }

        // Anything that may carry the slot, the window, the zone or the slot's length.
        learn(news) {
            const token = this.host.token();
            if (!token)
                return;
            this.record = merge(this.record, news);
            save(token.id, this.record);
        }

        forget(id) {
            forget(id);
        }

        // The text of the status block for an appointment's states, or null for the others.
        describe(status) {
            const r = this.record;
            const zone = r.zone;
            if (status.status === 'expired') {
                return {
                    headline: t('state.expired'),
                    detail: r.closes ? t('state.expiredDetail', { to: I18n.clock(r.closes, zone) }) : t('state.expiredUnknown'),
                };
            }
            if (status.status !== 'booked')
                return null;
            const from = r.opens ? I18n.clock(r.opens, zone) : '';
            const to = r.closes ? I18n.clock(r.closes, zone) : '';
            const state = windowState(r);
            const headline = state === 'open' ? t('state.checkInOpen')
                : r.slot ? t('state.booked', { relative: I18n.relative(r.slot) }) : t('state.bookedUnknown');
            const detail = state === 'open' && r.slot ? t('state.checkInOpenDetail', { time: I18n.clock(r.slot, zone) })
                : state === 'before' ? t('state.bookedDetail', { from, to })
                : state === 'after' ? t('state.checkInClosed', { to })
                : t('state.bookedUnknownDetail');
            return { headline, detail };
        }

        // Shows or hides the appointment's parts of the receipt for `status`.
        render(status) {
            const booked = status.status === 'booked';
            const r = this.record;
            const state = windowState(r);
            $('t-appt').hidden = !(booked && r.slot);
            $('checkin').hidden = !(booked && (state === 'open' || state === 'unknown'));
            $('reschedule').hidden = !booked;
            $('calendar').hidden = !(booked && r.slot && r.end);
            $('ticket-view').dataset.window = booked ? state : '';
            if (booked && r.slot) {
                const zone = r.zone;
                const other = I18n.otherZone(zone, r.slot);
                $('t-when').textContent = I18n.dateTime(r.slot, zone) + (other ? ' (' + other + ')' : '');
                $('t-window').textContent = r.opens && r.closes ? I18n.span(r.opens, r.closes, zone) : '—';
                this.renderCalendar(status);
            }
            if (booked && !this.timer)
                this.timer = setInterval(() => this.tick(), TICK_MS);
            else if (!booked && this.timer) {
                clearInterval(this.timer);
                this.timer = null;
            }
            if (booked && (!r.zone || !r.minutes) && status.service_id && status.service_id !== this.zoneAsked) {
                this.zoneAsked = status.service_id;
                this.zoneKnown = this.askZone(status.service_id);
            }
        }

        // The window opens or closes by the clock alone: look again now and then.
        tick() {
            const status = this.host.status();
            if (status && status.status === 'booked' && document.visibilityState !== 'hidden')
                this.host.update({});
        }

        // The branch's zone and the slot's length, from the service's slots (once per token).
        async askZone(serviceId) {
            const asking = this.host.token();
            try {
                const answer = await Live.api('GET', '/api/services/' + serviceId + '/slots');
                if (this.host.token() !== asking)
                    return; // another token is shown by now
                this.learn({ timezone: answer.timezone, slot_minutes: answer.slot_minutes });
                this.host.update({});
            } catch (e) { /* the browser's zone meanwhile */ }
        }

        renderCalendar(status) {
            const token = this.host.token();
            const r = this.record;
            if (!token || !r.end)
                return;
            const key = [I18n.lang, status.token_number, r.slot, r.end, r.opens, r.closes, r.zone].join('|');
            if (key === this.calendarKey)
                return;
            this.calendarKey = key;
            const url = location.origin + '/#t=' + token.id + '.' + token.secret;
            const words = {
                number: status.token_number, service: status.service_name || '', url,
                from: r.opens ? I18n.clock(r.opens, r.zone) : '', to: r.closes ? I18n.clock(r.closes, r.zone) : '',
            };
            const text = Calendar.build({
                uid: 'nextup-token-' + token.id + '@' + (location.hostname || 'nextup'),
                start: r.slot, end: r.end, url,
                summary: t('ics.summary', words),
                description: t('ics.description', words),
                alarmMinutes: r.opens ? (ms(r.slot) - ms(r.opens)) / 60000 : 0,
                alarmText: t('ics.alarm', words),
            });
            if (this.calendarUrl)
                URL.revokeObjectURL(this.calendarUrl);
            this.calendarUrl = URL.createObjectURL(new Blob([text], { type: 'text/calendar;charset=utf-8' }));
            const link = $('calendar');
            link.href = this.calendarUrl;
            link.download = 'nextup-' + status.token_number + '.ics';
        }

        async checkIn() {
            const token = this.host.token();
            if (!token)
                return;
            const button = $('checkin');
            button.disabled = true;
            button.textContent = t('ticket.checkingIn');
            this.host.error('');
            try {
                const answer = await Live.api('POST', '/api/tokens/' + token.id + '/check-in',
                                              { secret: token.secret, body: {} });
                this.learn(answer);
                const tok = answer.token || {};
                this.host.update({
                    status: tok.status || 'waiting', token_number: tok.token_number,
                    position: answer.position, eta: null,
                });
                this.host.refresh();
                $('t-status').focus(); // the button is gone: the news is where the focus goes
            } catch (error) {
                if (error.code === 'outside_check_in_window' && error.details) {
                    this.learn(error.details);
                    await this.zoneKnown; // the window is said in the branch's time
                    const zone = this.record.zone;
                    this.host.error(t('error.checkInWindow', {
                        from: I18n.clock(error.details.check_in_opens_at, zone),
                        to: I18n.clock(error.details.check_in_closes_at, zone),
                    }));
                    this.host.update({});
                } else if (error.code === 'invalid_state') {
                    this.host.error(t('error.checkInState'));
                    this.host.refresh();
                } else {
                    this.host.error(error.network ? t('error.network') : t('error.action', { message: error.message }));
                }
            } finally {
                button.disabled = false;
                button.textContent = t('ticket.checkIn');
            }
        }

        openReschedule() {
            const status = this.host.status();
            if (!status)
                return;
            $('reschedule-text').textContent = this.record.slot
                ? t('reschedule.text', { time: I18n.dateTime(this.record.slot, this.record.zone) }) : '';
            $('reschedule-dialog').showModal();
            this.picker.load(status.service_id, this.record.slot);
        }

        async reschedule(slot) {
            const token = this.host.token();
            if (!token)
                return;
            try {
                const answer = await Live.api('POST', '/api/tokens/' + token.id + '/reschedule',
                                              { secret: token.secret, body: { preferred_slot: slot.start } });
                const tok = answer.token || {};
                this.learn(Object.assign({ preferred_slot: tok.preferred_slot || slot.start, end: slot.end,
                                           timezone: this.picker.timezone }, answer));
                $('reschedule-dialog').close();
                this.host.update({ status: tok.status || 'booked', token_number: tok.token_number,
                                   preferred_slot: this.record.slot });
                this.host.announce(t('reschedule.done', { time: I18n.dateTime(this.record.slot, this.record.zone) }));
                $('reschedule').focus();
            } catch (error) {
                const code = error.code;
                if (code === 'slot_full' || code === 'closed' || code === 'validation_failed') {
                    this.picker.error(t(code === 'slot_full' ? 'book.slotFull' : code === 'closed' ? 'book.closed' : 'book.slotGone'));
                    this.picker.refresh();
                } else if (code === 'invalid_state') {
                    $('reschedule-dialog').close();
                    this.host.error(t('error.moveState'));
                    this.host.refresh();
                } else {
                    this.picker.error(error.network ? t('error.network') : t('error.action', { message: error.message }));
                }
            }
        }

        relabel() {
            this.calendarKey = '';
            this.picker.relabel();
        }
    }

    return { Appointment, forget };
})();
