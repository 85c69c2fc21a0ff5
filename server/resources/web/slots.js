// Nextup booking page: the picker of an appointment's time. A row of days (today to the branch's
// booking horizon; closed days shown closed) and a grid of the chosen day's slots with the places
// left (full ones disabled). Used by "Book a time" and by "Reschedule". Keyboard: each row is one
// tab stop, arrows move within it (a toolbar's roving focus), Enter or Space picks.
'use strict';

window.NextupSlots = (function () {
    const I18n = window.NextupI18n;
    const Live = window.NextupLive;
    const t = (key, params) => I18n.t(key, params);
    const MAX_DAYS = 92;        // a horizon longer than a quarter is not offered here
    const PARALLEL = 3;         // day requests in flight at once while the row fills
    const RETRY_MS = 5000;
    const STALE_MS = 30000;     // a day shown again after this is fetched again

    function addDays(isoDate, n) {
        const [y, m, d] = isoDate.split('-').map(Number);
        return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
    }

    function el(tag, className, text) {
        const node = document.createElement(tag);
        if (className)
            node.className = className;
        if (text !== undefined)
            node.textContent = text;
        return node;
    }

    // Roving focus over the enabled buttons of `box`: arrows (mirrored right to left), Home, End;
    // up and down move by a row of the grid.
    function rove(box) {
        box.addEventListener('keydown', (event) => {
            const buttons = [...box.querySelectorAll('button:not([disabled])')];
            const at = buttons.indexOf(document.activeElement);
            if (at < 0)
                return;
            const rtl = document.documentElement.dir === 'rtl';
            const track = getComputedStyle(buttons[at].parentElement).gridTemplateColumns;
            const columns = track && track !== 'none' ? track.split(' ').length : 1;
            const step = {
                ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1,
                ArrowDown: columns, ArrowUp: -columns, Home: -Infinity, End: Infinity,
            }[event.key];
            if (step === undefined)
                return;
            event.preventDefault();
            const next = buttons[Math.max(0, Math.min(buttons.length - 1, at + step))];
            next.focus();
            next.scrollIntoView({ block: 'nearest', inline: 'nearest' });
        });
        box.addEventListener('focusin', (event) => {
            if (event.target.tagName === 'BUTTON')
                setTabStop(box, event.target);
        });
    }

    function setTabStop(box, chosen) {
        for (const b of box.querySelectorAll('button'))
            b.tabIndex = b === chosen ? 0 : -1;
    }

    class SlotPicker {
        // options: onPick(slot) (a promise; the picker is busy until it settles), onReachable(ok)
        constructor(root, options) {
            this.options = options;
            this.root = root;
            this.serviceId = 0;
            this.generation = 0; // answers for an earlier service or load are dropped
            this.days = [];
            this.selected = -1;
            this.chosenByUser = false;
            this.current = '';   // the slot a rescheduled token has now
            this.busy = false;
            this.timezone = '';
            this.slotMinutes = 0;
            this.retryTimer = null;

            this.dayRow = el('div', 'days');
            this.dayRow.setAttribute('role', 'group');
            this.note = el('p', 'slot-note');
            this.note.setAttribute('aria-live', 'polite');
            this.alert = el('p', 'error slot-error');
            this.alert.setAttribute('role', 'alert');
            this.grid = el('div', 'slot-grid');
            this.grid.setAttribute('role', 'group');
            this.zone = el('p', 'hint slot-zone');
            root.classList.add('picker');
            root.replaceChildren(this.dayRow, this.note, this.alert, this.grid, this.zone);
            rove(this.dayRow);
            rove(this.grid);
            this.dayRow.addEventListener('click', (event) => {
                const button = event.target.closest('button');
                if (button && !button.disabled) {
                    this.chosenByUser = true;
                    this.select(Number(button.dataset.index), true);
                }
            });
            this.grid.addEventListener('click', (event) => {
                const button = event.target.closest('button');
                if (button && !button.disabled)
                    this.pick(button.dataset.start);
            });
        }

        // Shows the days of service `serviceId`; `current` is a slot start to show as the
        // customer's own (not pickable).
        load(serviceId, current) {
            this.stop();
            this.serviceId = serviceId;
            this.current = current || '';
            this.days = [];
            this.selected = -1;
            this.chosenByUser = false;
            this.alert.textContent = '';
            this.renderDays();
            this.renderGrid();
            if (serviceId)
                this.fillDays(++this.generation);
        }

        stop() {
            this.generation += 1;
            clearTimeout(this.retryTimer);
        }

        // The chosen day again (after "that slot was just taken", or to pick up others' bookings).
        async refresh() {
            const day = this.days[this.selected];
            if (!day)
                return;
            const generation = this.generation;
            try {
                Object.assign(day, await this.fetchDay(day.date), { at: Date.now() });
            } catch (e) {
                this.reachable(e);
            }
            if (generation === this.generation) {
                this.renderDays();
                this.renderGrid();
            }
        }

        async fetchDay(date) {
            const query = date ? '?date=' + date : '';
            const answer = await Live.api('GET', '/api/services/' + this.serviceId + '/slots' + query);
            this.options.onReachable && this.options.onReachable(true);
            this.timezone = answer.timezone || this.timezone;
            this.slotMinutes = answer.slot_minutes || this.slotMinutes;
            const open = (answer.slots || []).filter((s) => s.places_left > 0).length;
            return { date: answer.date, closed: !!answer.closed, slots: answer.slots || [], open };
        }

        reachable(error) {
            if (this.options.onReachable)
                this.options.onReachable(!error.network && error.status < 500);
        }

        // Today first (its date is the branch's today), then the following days until the
        // server says a date is past the horizon.
        async fillDays(generation) {
            try {
                const first = await this.fetchDay('');
                if (generation !== this.generation)
                    return;
                this.days = [Object.assign(first, { at: Date.now() })];
                this.select(0, false);
                for (let offset = 1; offset < MAX_DAYS; offset += PARALLEL) {
                    const dates = [];
                    for (let i = offset; i < Math.min(offset + PARALLEL, MAX_DAYS); ++i)
                        dates.push(addDays(first.date, i));
                    const answers = await Promise.allSettled(dates.map((d) => this.fetchDay(d)));
                    if (generation !== this.generation)
                        return;
                    let beyond = false;
                    for (const answer of answers) {
                        if (answer.status === 'rejected') {
                            if (answer.reason.code !== 'validation_failed')
                                throw answer.reason;
                            beyond = true; // past the booking horizon: the row ends here
                            break;
                        }
                        this.days.push(Object.assign(answer.value, { at: Date.now() }));
                    }
                    this.renderDays();
                    this.chooseFirstOpenDay();
                    if (beyond)
                        break;
                }
            } catch (error) {
                if (generation !== this.generation)
                    return;
                this.reachable(error);
                if (!this.days.length) {
                    this.note.textContent = t('slots.failed');
                    this.retryTimer = setTimeout(() => this.fillDays(generation), RETRY_MS);
                }
            }
        }

        // Until the customer picks a day, the first day with a free place is the one shown.
        chooseFirstOpenDay() {
            if (this.chosenByUser || (this.days[this.selected] && this.days[this.selected].open))
                return;
            const first = this.days.findIndex((d) => d.open > 0);
            if (first >= 0)
                this.select(first, false);
        }

        select(index, focus) {
            this.selected = index;
            const day = this.days[index];
            this.renderDays();
            this.renderGrid();
            if (focus) {
                const button = this.dayRow.querySelector('[data-index="' + index + '"]');
                if (button)
                    button.focus();
            }
            if (day && Date.now() - day.at > STALE_MS)
                this.refresh();
        }

        async pick(start) {
            if (this.busy)
                return;
            const day = this.days[this.selected];
            const slot = day && day.slots.find((s) => s.start === start);
            if (!slot)
                return;
            this.busy = true;
            this.alert.textContent = '';
            this.grid.setAttribute('aria-busy', 'true');
            this.note.textContent = t('slots.booking', { time: I18n.clock(slot.start, this.timezone) });
            try {
                await this.options.onPick(slot);
            } finally {
                this.busy = false;
                this.grid.removeAttribute('aria-busy');
                this.renderNote();
            }
        }

        renderDays() {
            // The row is redrawn as days arrive: keep the focus where the keyboard left it.
            const focused = this.dayRow.contains(document.activeElement) ? document.activeElement.dataset.index : null;
            const buttons = this.days.map((d, index) => {
                const label = I18n.day(d.date);
                const status = d.closed ? t('slots.closed') : d.open ? ''
                             : t(d.slots.length ? 'slots.dayFull' : 'slots.dayNone');
                const button = el('button', 'day');
                button.type = 'button';
                button.dataset.index = String(index);
                button.dataset.date = d.date;
                button.disabled = d.closed;
                button.setAttribute('aria-pressed', String(index === this.selected));
                button.setAttribute('aria-label', status ? label.long + ', ' + status : label.long);
                button.append(el('span', 'day-name', label.weekday), el('span', 'day-date', label.day),
                              el('span', 'day-month', label.month));
                if (status)
                    button.append(el('span', 'day-state', status));
                return button;
            });
            this.dayRow.replaceChildren(...buttons);
            this.dayRow.setAttribute('aria-label', t('slots.days'));
            const stop = buttons[focused] || buttons[this.selected] || buttons.find((b) => !b.disabled);
            if (stop) {
                setTabStop(this.dayRow, stop);
                if (focused !== null)
                    stop.focus({ preventScroll: true });
            }
        }

        slotButton(slot) {
            const time = I18n.clock(slot.start, this.timezone);
            const yours = slot.start === this.current;
            const full = slot.places_left <= 0;
            const button = el('button', 'slot' + (yours ? ' yours' : full ? ' full' : ''));
            button.type = 'button';
            button.dataset.start = slot.start;
            button.disabled = yours || full;
            button.setAttribute('aria-label', yours ? t('slots.nameYours', { time })
                                : full ? t('slots.nameFull', { time })
                                : I18n.plural('slots.nameLeft', slot.places_left, { time }));
            const state = yours ? t('slots.yours') : full ? t('slots.full')
                                : t('slots.left', { n: I18n.number(slot.places_left) });
            button.append(el('span', 'slot-time', time), el('span', 'slot-left', state));
            return button;
        }

        renderGrid() {
            const day = this.days[this.selected];
            const focusedStart = this.grid.contains(document.activeElement) ? document.activeElement.dataset.start : null;
            const buttons = day ? day.slots.map((s) => this.slotButton(s)) : [];
            this.grid.replaceChildren(...this.parts(day, buttons));
            this.grid.setAttribute('aria-label', day ? t('slots.times', { day: I18n.day(day.date).long }) : '');
            const stop = buttons.find((b) => b.dataset.start === focusedStart && !b.disabled) ||
                         buttons.find((b) => !b.disabled);
            if (stop) {
                setTabStop(this.grid, stop);
                if (focusedStart)
                    stop.focus({ preventScroll: true });
            }
            const zone = day ? I18n.otherZone(this.timezone, day.slots[0] && day.slots[0].start) : '';
            this.zone.textContent = zone ? t('slots.zone', { zone }) : '';
            this.zone.hidden = !zone;
            this.root.dataset.state = !this.serviceId ? 'idle' : !day ? 'loading'
                                    : day.closed ? 'closed' : day.open ? 'open' : 'full';
            this.renderNote();
        }

        // A long day reads better cut into night, morning, afternoon and evening (the branch's
        // hours), each under its heading; a day within one part needs no heading.
        parts(day, buttons) {
            const groups = new Map();
            buttons.forEach((button, i) => {
                const hour = I18n.hourOf(day.slots[i].start, this.timezone);
                const part = hour < 6 ? 'night' : hour < 12 ? 'morning' : hour < 17 ? 'afternoon' : 'evening';
                if (!groups.has(part))
                    groups.set(part, []);
                groups.get(part).push(button);
            });
            if (groups.size < 2)
                return buttons;
            const nodes = [];
            for (const [part, members] of groups) {
                const box = el('div', 'slot-part');
                box.append(...members);
                nodes.push(el('h3', 'slot-part-title', t('slots.' + part)), box);
            }
            return nodes;
        }

        renderNote() {
            const day = this.days[this.selected];
            const name = day ? I18n.day(day.date).long : '';
            this.note.textContent = !this.serviceId ? t('slots.pickService')
                : !day ? t('slots.loading')
                : day.closed ? t('slots.closedDay', { day: name })
                : !day.open ? t('slots.noneLeft', { day: name })
                : t('slots.pick');
        }

        // A refusal of the pick ("that time was just taken"), said at once, above the times.
        error(text) {
            this.alert.textContent = text;
        }

        relabel() {
            if (!this.root.isConnected)
                return;
            this.renderDays();
            this.renderGrid();
        }
    }

    return { SlotPicker };
})();
