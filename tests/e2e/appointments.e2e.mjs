// Browser end-to-end test of "Book a time" on the booking page, run by tst_e2e_browser against a
// real server (after booking.e2e.mjs, on the same server). A branch of its own in India's zone,
// open all week all day (so the test passes at any hour), while the browsers run in New York's
// or London's: every time shown must be the branch's. Book a slot, the .ics file, reschedule,
// check-in refused outside its window (on a second phone that knows nothing of the booking) and
// the button appearing when the clock enters the window, "I'm here" turning the receipt into a
// live place in line, cancel, a no-show, a slot taken by someone else at the same moment, offline,
// keyboard only, Arabic right to left; screenshots of the picker and the receipt.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import {
    BASE, PHONE, DESKTOP, LIVE_MS, step, rest, login, askHarness, openPage, tokenFromUrl, expectState,
    expectQr, shot, run,
} from './support.mjs';

const ZONE = 'Asia/Kolkata';                  // +05:30, no daylight saving
const SERVICE = 'Loans, mortgages; advice';   // a comma and a semicolon for the .ics escaping
const SLOT_MINUTES = 15;
const MINUTE = 60000;

// ---- the branch, its service and a counter, as an admin --------------------------------------

async function setUp() {
    const admin = await login('admin', 'admin123');
    const created = async (route, body) => {
        const answer = await rest('POST', route, { bearer: admin, body });
        assert.equal(answer.status, 201, `${route}: ${JSON.stringify(answer.json)}`);
        return Object.values(answer.json)[0].id;
    };
    const branchId = await created('/api/branches', { name: 'Harbour', timezone: ZONE });
    const allDay = {};
    for (const day of ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'])
        allDay[day] = [['00:00', '24:00']];
    // One day closed (a holiday): ten days after the branch's today.
    const closedDay = addDays(new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(new Date()), 10);
    const hours = await rest('PUT', `/api/branches/${branchId}/booking`,
                             { bearer: admin, body: { opening_hours: allDay, closed_dates: [{ date: closedDay, reason: 'Holiday' }] } });
    assert.equal(hours.status, 200, JSON.stringify(hours.json));
    const serviceId = await created('/api/services', { branch_id: branchId, code: 'L', name: SERVICE });
    await setPlaces(admin, serviceId, 3);
    const counterId = await created('/api/counters', { branch_id: branchId, name: 'Desk L', service_ids: [serviceId] });
    return { admin, serviceId, counterId, closedDay };
}

function addDays(isoDate, n) {
    const [y, m, d] = isoDate.split('-').map(Number);
    return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

async function setPlaces(admin, serviceId, places) {
    const answer = await rest('PUT', `/api/services/${serviceId}/booking`,
                              { bearer: admin, body: { slot_minutes: SLOT_MINUTES, slot_capacity: places } });
    assert.equal(answer.status, 200, JSON.stringify(answer.json));
}

// ---- what the page should show, computed here with the same Intl --------------------------

const spaces = (text) => text.replace(/\s+/gu, ' ').trim(); // ICU puts U+202F before "AM"

function clockText(iso, lang = 'en') {
    return spaces(new Intl.DateTimeFormat(lang, { hour: 'numeric', minute: '2-digit', timeZone: ZONE }).format(new Date(iso)));
}

function whenText(iso, lang = 'en') {
    const full = { weekday: 'long', day: 'numeric', month: 'long', hour: 'numeric', minute: '2-digit' };
    const date = new Date(iso);
    const zoneName = new Intl.DateTimeFormat(lang, { timeZoneName: 'long', timeZone: ZONE })
        .formatToParts(date).find((p) => p.type === 'timeZoneName').value;
    return spaces(new Intl.DateTimeFormat(lang, { ...full, timeZone: ZONE }).format(date) + ' (' + zoneName + ')');
}

// The check-in window as the receipt says it: times only, or with the dates across midnight.
function windowText(opens, closes, lang = 'en') {
    const day = (ms) => new Intl.DateTimeFormat(lang, { dateStyle: 'short', timeZone: ZONE }).format(new Date(ms));
    const options = day(opens) === day(closes) ? { hour: 'numeric', minute: '2-digit' }
        : { day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit' };
    return spaces(new Intl.DateTimeFormat(lang, { ...options, timeZone: ZONE }).formatRange(new Date(opens), new Date(closes)));
}

const icsTime = (ms) => new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

// ---- the page -------------------------------------------------------------------------------

// "Book a time" for the test's service; resolves when the first day's times are shown and the
// row has every day to the horizon (today and 14 more).
async function openBooking(page) {
    await page.locator('.svc').first().waitFor();
    await page.locator('input[name="mode"][value="book"]').check();
    await page.getByRole('radio', { name: /Loans/ }).check();
    await page.locator('#picker .slot-grid .slot').first().waitFor();
    await page.waitForFunction(() => document.querySelectorAll('#picker .day').length === 15);
}

// The free times of the day a picker shows: [{start, end?, name}].
function freeSlots(page, picker = '#picker') {
    return page.locator(`${picker} .slot-grid .slot:not([disabled])`).evaluateAll((buttons) =>
        buttons.map((b) => ({ start: b.dataset.start, name: b.getAttribute('aria-label') })));
}

// Shows day `index` of the picker's row (0 = the branch's today) once the row has it.
async function chooseDay(page, index, picker = '#picker') {
    const day = page.locator(`${picker} .day[data-index="${index}"]`);
    await day.click();
    await page.locator(`${picker} .day[data-index="${index}"][aria-pressed="true"]`).waitFor();
    await page.waitForFunction(([p, date]) => {
        const first = document.querySelector(p + ' .slot-grid .slot');
        return first && first.dataset.start && document.querySelector(p + ' .day[aria-pressed="true"]').dataset.date === date;
    }, [picker, await day.getAttribute('data-date')]);
}

// A free time whose check-in is open now (it starts within the next 25 minutes, not in the next
// 90 seconds: the click must still find it in the future).
async function soonSlot(page, picker = '#picker') {
    const now = Date.now();
    const slot = (await freeSlots(page, picker)).find((s) => {
        const at = Date.parse(s.start);
        return at > now + 90000 && at < now + 25 * MINUTE;
    });
    assert.ok(slot, 'a free time starts within 25 minutes (the branch is open all day)');
    return slot;
}

async function pick(page, slot, picker = '#picker') {
    await page.locator(`${picker} .slot[data-start="${slot.start}"]`).click();
}

// Books `slot` from the form; resolves with the token once the receipt shows it booked.
async function book(page, slot) {
    await pick(page, slot);
    await expectState(page, 'booked');
    await page.waitForFunction(() => /^L\d{3}$/.test(document.getElementById('t-number').textContent));
    return tokenFromUrl(page);
}

async function newToken(page) {
    await page.locator('#new-token').click();
    await page.locator('#book-view').waitFor({ state: 'visible' });
}

function unfold(ics) {
    const props = {};
    for (const line of ics.replace(/\r\n /g, '').split('\r\n')) {
        const colon = line.indexOf(':');
        if (colon > 0 && !(line.slice(0, colon) in props))
            props[line.slice(0, colon)] = line.slice(colon + 1);
    }
    return props;
}

// RFC 5545's form: CRLF only, lines of at most 75 octets never cut inside a character.
function checkIcsForm(ics) {
    assert.ok(ics.startsWith('BEGIN:VCALENDAR\r\n') && ics.endsWith('END:VCALENDAR\r\n'), ics);
    assert.ok(!/[^\r]\n|\r[^\n]/.test(ics), 'CRLF line endings only');
    for (const line of ics.split('\r\n')) {
        assert.ok(Buffer.byteLength(line, 'utf8') <= 75, `folded at 75 octets: ${line}`);
        assert.ok(line.isWellFormed(), 'no character cut in two');
    }
}

// ---- scenarios --------------------------------------------------------------------------------

async function phoneFlow(browser, problems, setup) {
    const context = await browser.newContext({ ...PHONE, locale: 'en-US', timezoneId: 'America/New_York' });
    const page = await openPage(context, problems);
    let token;
    let first;

    await step('phone: "Book a time" shows the days and the free times, in the branch zone', async () => {
        await openBooking(page);
        assert.equal(await page.locator('#take').isHidden(), true, 'no walk-in button while booking');
        const slots = await freeSlots(page);
        assert.ok(slots.length > 0);
        assert.match(slots[0].name, /^\d{1,2}:\d{2}\s[AP]M, 3 places left$/u);
        const firstButton = page.locator(`#picker .slot[data-start="${slots[0].start}"] .slot-time`);
        assert.equal(spaces(await firstButton.innerText()), clockText(slots[0].start));
        assert.match(await page.locator('#picker .slot-zone').innerText(), /India Standard Time/);
        // Today to the default 14-day horizon (openBooking waited for 15 days), and no further.
        const dates = await page.locator('#picker .day').evaluateAll((days) => days.map((d) => d.dataset.date));
        assert.deepEqual(dates, Array.from({ length: 15 }, (_, i) => addDays(dates[0], i)));
        const holiday = page.locator(`#picker .day[data-date="${setup.closedDay}"]`);
        assert.equal(await holiday.isDisabled(), true, 'a closed day cannot be chosen');
        assert.match(await holiday.getAttribute('aria-label'), /, Closed$/);
        await shot(page, 'appt-phone-picker.png');
    });

    await step('phone: a pick books it; the receipt has the time, the window, "I\'m here", the QR', async () => {
        first = await soonSlot(page);
        token = await book(page, first);
        assert.equal(await page.locator('#t-kicker').innerText(), 'YOUR APPOINTMENT');
        assert.equal(spaces(await page.locator('#t-when').innerText()), whenText(first.start));
        const opens = Date.parse(first.start) - 30 * MINUTE;
        const closes = Date.parse(first.start) + 15 * MINUTE;
        assert.equal(spaces(await page.locator('#t-window').innerText()), windowText(opens, closes));
        await page.locator('#checkin').waitFor({ state: 'visible' });
        assert.equal(await page.locator('#ticket-view').getAttribute('data-window'), 'open');
        assert.equal(await page.locator('#cancel').innerText(), 'Cancel my booking');
        assert.equal(await page.locator('#t-facts').isHidden(), true, 'no place in line before check-in');
        await expectQr(page);
        await page.locator('body[data-connection="live"]').waitFor({ timeout: LIVE_MS });
        await shot(page, 'appt-phone-receipt.png');
    });

    await step('phone: "Add to calendar" downloads an RFC 5545 event', async () => {
        const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#calendar').click()]);
        const number = await page.locator('#t-number').innerText();
        assert.equal(download.suggestedFilename(), `nextup-${number}.ics`);
        const ics = await readFile(await download.path(), 'utf8');
        checkIcsForm(ics);
        const p = unfold(ics);
        const start = Date.parse(first.start);
        assert.equal(p.VERSION, '2.0');
        assert.match(p.UID, new RegExp(`^nextup-token-${token.id}@`));
        assert.match(p.DTSTAMP, /^\d{8}T\d{6}Z$/);
        assert.equal(p.DTSTART, icsTime(start));
        assert.equal(p.DTEND, icsTime(start + SLOT_MINUTES * MINUTE));
        assert.equal(p.SUMMARY, `Loans\\, mortgages\\; advice — token ${number}`);
        const link = `${BASE}/#t=${token.id}.${token.secret}`;
        assert.equal(p.URL, link);
        assert.ok(p.DESCRIPTION.includes(`\\nLive status: ${link}`), p.DESCRIPTION);
        assert.match(ics, /TRIGGER;RELATED=START:-PT30M\r\n/);
        assert.ok(ics.includes('\r\n '), 'the long description is folded');
        // The builder itself, on what a service name could hold: backslashes, line breaks,
        // characters of two to four octets across the folds.
        const odd = await page.evaluate(() => window.NextupCalendar.build({
            uid: 'u@h', stamp: '2026-01-01T00:00:00Z', start: '2026-01-02T09:00:00Z', end: '2026-01-02T09:15:00Z',
            summary: 'a\\b;c,d\ne', description: 'ü'.repeat(50) + '€'.repeat(30) + '😀'.repeat(30), url: 'http://h/#t=1.x',
        }));
        checkIcsForm(odd);
        const q = unfold(odd);
        assert.equal(q.SUMMARY, 'a\\\\b\\;c\\,d\\ne');
        assert.equal(q.DESCRIPTION, 'ü'.repeat(50) + '€'.repeat(30) + '😀'.repeat(30));
        assert.equal(q.DTSTART, '20260102T090000Z');
    });

    let later;
    await step('phone: reschedule to another day', async () => {
        await page.locator('#reschedule').click();
        const dialog = page.locator('#reschedule-dialog');
        await dialog.waitFor({ state: 'visible' });
        await page.locator('#reschedule-picker .slot-grid .slot').first().waitFor();
        const yours = page.locator(`#reschedule-picker .slot[data-start="${first.start}"]`);
        if (await yours.count()) { // the current time, shown as the customer's own
            assert.equal(await yours.isDisabled(), true);
            assert.match(await yours.getAttribute('aria-label'), /your current time/);
        }
        await chooseDay(page, 2, '#reschedule-picker');
        await shot(page, 'appt-phone-reschedule.png', false);
        later = (await freeSlots(page, '#reschedule-picker'))[4];
        await pick(page, later, '#reschedule-picker');
        await dialog.waitFor({ state: 'hidden' });
        await page.waitForFunction((text) => document.getElementById('t-when').textContent.replace(/\s+/gu, ' ') === text,
                                   whenText(later.start));
        assert.equal(await page.locator('#checkin').isHidden(), true, 'check-in is not open two days ahead');
        assert.equal(await page.locator('#ticket-view').getAttribute('data-window'), 'before');
        const stored = await rest('GET', `/api/tokens/${token.id}`, { bearer: setup.admin });
        assert.equal(Date.parse(stored.json.token.preferred_slot), Date.parse(later.start));
        assert.equal(stored.json.token.status, 'booked');
        // A reload keeps the time (this phone remembers it; the status route does not say it).
        await page.reload();
        await expectState(page, 'booked');
        assert.equal(spaces(await page.locator('#t-when').innerText()), whenText(later.start));
    });

    await step('second phone on the link: check-in refused outside the window, then the clock opens it', async () => {
        const other = await browser.newContext({ ...PHONE, locale: 'en-GB', timezoneId: 'Europe/London' });
        const phone = await openPage(other, problems, `${BASE}/#t=${token.id}.${token.secret}`);
        await expectState(phone, 'booked');
        // It knows the token, not its time: "I'm here" is offered, and the server decides.
        await phone.locator('#checkin').click();
        const opens = Date.parse(later.start) - 30 * MINUTE;
        await phone.waitForFunction(() => document.getElementById('appt-error').textContent !== '');
        const refusal = spaces(await phone.locator('#appt-error').innerText());
        assert.equal(refusal, `Check-in for this booking is open from ${clockText(opens)} to ${
            clockText(Date.parse(later.start) + 15 * MINUTE)}.`);
        await phone.locator('#ticket-view[data-window="before"]').waitFor();
        assert.equal(await phone.locator('#checkin').isHidden(), true);
        // Time passes: once the clock is inside the window the button comes back by itself.
        await phone.clock.setFixedTime(new Date(opens + MINUTE));
        await phone.locator('#checkin').waitFor({ state: 'visible', timeout: LIVE_MS });
        assert.equal(await phone.locator('#t-headline').innerText(), 'Check-in is open');
        await other.close();
    });

    await step('phone: back to a time now, "I\'m here", and the receipt becomes a live place in line', async () => {
        await page.locator('#reschedule').click();
        await page.locator('#reschedule-picker .slot-grid .slot').first().waitFor();
        // The picker starts on the first day with a free time: today (tomorrow just before midnight).
        await pick(page, await soonSlot(page, '#reschedule-picker'), '#reschedule-picker');
        await page.locator('#reschedule-dialog').waitFor({ state: 'hidden' });
        await page.locator('#checkin').waitFor({ state: 'visible' });
        await page.locator('#checkin').click();
        await expectState(page, 'waiting');
        // The event may come before the answer; the place in line follows either way.
        await page.waitForFunction(() => document.getElementById('t-position').textContent === '1');
        assert.equal(await page.locator('#t-kicker').innerText(), 'YOUR TOKEN');
        assert.equal(await page.locator('#t-appt').isHidden(), true);
        assert.equal(await page.locator('#checkin').isHidden(), true);
        assert.equal(await page.locator('#cancel').innerText(), 'Cancel my token');
        assert.match(await page.locator('#announce').innerText(), /You are next/);
        const status = await rest('GET', `/api/tokens/${token.id}/status`, { secret: token.secret });
        assert.equal(status.json.status, 'waiting');
        // Live as any walk-in: the desk calls it.
        assert.equal((await rest('POST', `/api/counters/${setup.counterId}/open`, { bearer: setup.admin })).status, 200);
        const call = await rest('POST', `/api/counters/${setup.counterId}/call`, { bearer: setup.admin });
        assert.equal(call.json.token.id, token.id);
        await expectState(page, 'called');
        assert.match(await page.locator('#t-status').innerText(), /Desk L/);
    });

    await step('phone: cancel another booking; its place is free again', async () => {
        await newToken(page);
        await openBooking(page);
        await chooseDay(page, 3);
        const date = await page.locator('#picker .day[aria-pressed="true"]').getAttribute('data-date');
        const slot = (await freeSlots(page))[2];
        const mine = await book(page, slot);
        await page.locator('#cancel').click();
        await page.locator('#confirm').waitFor({ state: 'visible' });
        assert.equal(await page.locator('#confirm-title').innerText(), 'Cancel this booking?');
        await page.getByRole('button', { name: 'Yes, cancel it' }).click();
        await expectState(page, 'cancelled', 5000);
        assert.equal((await rest('GET', `/api/tokens/${mine.id}/status`, { secret: mine.secret })).json.status, 'cancelled');
        const day = await rest('GET', `/api/services/${setup.serviceId}/slots?date=${date}`);
        assert.equal(day.json.slots.find((s) => Date.parse(s.start) === Date.parse(slot.start)).places_left, 3);
    });

    await step('phone: a booking nobody checks in shows as missed', async () => {
        await newToken(page);
        await openBooking(page);
        await chooseDay(page, 4);
        const missed = await book(page, (await freeSlots(page))[0]);
        await page.locator('body[data-connection="live"]').waitFor({ timeout: LIVE_MS });
        await askHarness(`expire-booking ${missed.id}`);
        await expectState(page, 'expired', LIVE_MS);
        assert.equal(await page.locator('#t-headline').innerText(), 'Missed appointment');
        assert.equal(await page.locator('#t-kicker').innerText(), 'YOUR APPOINTMENT');
        for (const part of ['#checkin', '#reschedule', '#cancel', '#calendar'])
            assert.equal(await page.locator(part).isHidden(), true, part);
        await shot(page, 'appt-phone-expired.png');
    });

    await step('phone: offline while booking shows the banner', async () => {
        await newToken(page);
        await openBooking(page);
        const slot = (await freeSlots(page))[1];
        await context.setOffline(true);
        await page.locator('#net').waitFor({ state: 'visible', timeout: 5000 });
        await pick(page, slot);
        await page.waitForFunction(() => /reach the server/.test(document.querySelector('#picker .slot-error').textContent));
        await shot(page, 'appt-phone-offline.png', false);
        await context.setOffline(false);
        await page.locator('#net').waitFor({ state: 'hidden', timeout: 15000 });
    });
    await context.close();
}

// Two customers, one place: the one whose page did not hear of the other's booking is told.
async function fullSlotFlow(browser, problems, setup) {
    await setPlaces(setup.admin, setup.serviceId, 1);
    const quick = await browser.newContext({ ...PHONE, locale: 'en-US' });
    const slow = await browser.newContext({ ...PHONE, locale: 'en-US' });
    await slow.routeWebSocket(/\/ws\/queues$/, (ws) => ws.close()); // no live news of the booking
    const first = await openPage(quick, problems);
    const second = await openPage(slow, problems);
    await step('full slot: the second customer gets "just taken" and the grid shows it full', async () => {
        for (const page of [first, second]) {
            await openBooking(page);
            await chooseDay(page, 5);
        }
        const slot = (await freeSlots(second))[3];
        assert.match(slot.name, /1 place left$/);
        await book(first, slot);
        await pick(second, slot);
        const message = second.locator('#picker .slot-error');
        await message.waitFor({ state: 'visible' });
        assert.equal(await message.innerText(), 'That time has just been taken — pick another.');
        const button = second.locator(`#picker .slot[data-start="${slot.start}"]`);
        await second.waitForFunction((s) => document.querySelector(`#picker .slot[data-start="${s}"]`).disabled, slot.start);
        assert.match(await button.getAttribute('aria-label'), /, full$/);
        assert.equal(await button.locator('.slot-left').innerText(), 'Full');
        assert.equal(await second.locator('#book-view').isVisible(), true, 'still choosing');
        await shot(second, 'appt-phone-slot-full.png', false);
    });
    await quick.close();
    await slow.close();
}

async function desktopFlow(browser, problems, setup) {
    const context = await browser.newContext({ ...DESKTOP, locale: 'en-GB', timezoneId: 'America/New_York' });
    const page = await openPage(context, problems);
    await step('desktop: the picker follows others\' bookings live', async () => {
        await openBooking(page);
        await chooseDay(page, 6);
        const taken = (await freeSlots(page))[0];
        const other = await rest('POST', '/api/tokens', { body: { service_id: setup.serviceId, preferred_slot: taken.start } });
        assert.equal(other.status, 201, JSON.stringify(other.json));
        await page.waitForFunction((s) => document.querySelector(`#picker .slot[data-start="${s}"]`).disabled,
                                   taken.start, { timeout: LIVE_MS });
        await shot(page, 'appt-desktop-picker.png');
    });
    await step('desktop: keyboard only — a day and a time with the arrows', async () => {
        await page.locator('#phone').focus();
        await page.keyboard.press('Tab'); // the row of days is one stop...
        const from = Number(await page.evaluate(() => document.activeElement.dataset.index));
        await page.keyboard.press('ArrowRight'); // ...and the arrows walk it
        assert.equal(await page.evaluate(() => Number(document.activeElement.dataset.index)), from + 1);
        await page.keyboard.press('Enter');
        await page.locator(`#picker .day[data-index="${from + 1}"][aria-pressed="true"]`).waitFor();
        await page.waitForFunction(() => document.querySelector('#picker .slot-grid .slot'));
        await page.keyboard.press('Tab'); // the times are the next stop
        await page.keyboard.press('ArrowRight');
        const start = await page.evaluate(() => document.activeElement.dataset.start);
        assert.ok(start, 'a time has the focus');
        await page.keyboard.press('Enter');
        await expectState(page, 'booked');
        await page.locator('body[data-connection="live"]').waitFor({ timeout: LIVE_MS });
        await expectQr(page);
        assert.equal(spaces(await page.locator('#t-when').innerText()), whenText(start)); // the page speaks 'en'
        await shot(page, 'appt-desktop-receipt.png');
        await page.emulateMedia({ colorScheme: 'dark' });
        await shot(page, 'appt-desktop-receipt-dark.png');
    });
    await context.close();
}

async function arabicFlow(browser, problems, viewport, name) {
    const context = await browser.newContext({ ...viewport, locale: 'ar-EG', timezoneId: 'Europe/London' });
    const page = await openPage(context, problems);
    await step(`arabic ${name}: right to left, the arrows mirrored, a booking`, async () => {
        await openBooking(page);
        assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
        assert.equal(await page.locator('.mode-name').nth(1).innerText(), 'احجز موعدًا');
        const days = page.locator('#picker .day');
        await days.nth(0).focus();
        await page.keyboard.press('ArrowLeft'); // right to left: the next day is on the left
        assert.equal(await page.evaluate(() => document.activeElement.dataset.index), '1');
        await chooseDay(page, name === 'phone' ? 7 : 8);
        const slot = (await freeSlots(page))[1];
        assert.match(slot.name, /الأماكن المتبقية/);
        await shot(page, `appt-ar-${name}-picker.png`);
        await book(page, slot);
        await expectQr(page);
        await page.locator('body[data-connection="live"]').waitFor({ timeout: LIVE_MS });
        assert.equal(await page.locator('#reschedule').innerText(), 'تغيير الموعد');
        assert.equal(spaces(await page.locator('#t-when').innerText()), whenText(slot.start, 'ar'));
        await shot(page, `appt-ar-${name}-receipt.png`);
    });
    await context.close();
}

// Chromium logs the requests that failed on purpose: offline, the blocked WebSocket, the refusals
// the page shows (409: the slot was just taken, check-in outside its window) and the day after the
// booking horizon, which is how the row of days learns where it ends (400).
const EXPECTED = /net::ERR_INTERNET_DISCONNECTED|WebSocket connection|status of 409|status of 400 .* at \S+\/slots\?date=/;

run(async (browser, problems) => {
    const setup = await setUp();
    await phoneFlow(browser, problems, setup);
    await fullSlotFlow(browser, problems, setup);
    await desktopFlow(browser, problems, setup);
    await arabicFlow(browser, problems, PHONE, 'phone');
    await arabicFlow(browser, problems, DESKTOP, 'desktop');
}, EXPECTED);
