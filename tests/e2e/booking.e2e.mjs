// Browser end-to-end test of the booking page's walk-in tokens, run by tst_e2e_browser against a
// real server (appointments: appointments.e2e.mjs). playwright-core drives Debian's headless
// Chromium (NEXTUP_CHROMIUM, never a downloaded browser); the shared parts are support.mjs.
// Exits 1 on the first failed step; screenshots of every view land in NEXTUP_SCREENSHOT_DIR.
import assert from 'node:assert/strict';
import {
    BASE, PHONE, DESKTOP, LIVE_MS, step, rest, login, askHarness, openPage, tokenFromUrl, expectState,
    expectQr, shot, run,
} from './support.mjs';

async function takeToken(page, serviceName, { name, phone } = {}) {
    await page.getByRole('radio', { name: new RegExp(serviceName) }).check();
    if (name)
        await page.locator('#name').fill(name);
    if (phone)
        await page.locator('#phone').fill(phone);
    await page.locator('#take').click();
    await page.locator('#ticket-view').waitFor({ state: 'visible' });
    await page.waitForFunction(() => /^[A-Z]\d{3}$/.test(document.getElementById('t-number').textContent));
    return tokenFromUrl(page);
}

// ---- scenarios ----------------------------------------------------------------------------

async function phoneFlow(browser, problems) {
    const context = await browser.newContext({ ...PHONE, locale: 'en-US' });
    const page = await openPage(context, problems);
    let token;

    await step('phone: services with waiting count and ETA', async () => {
        await page.locator('.svc').first().waitFor();
        assert.equal(await page.locator('.svc').count(), 3);
        assert.match(await page.locator('.svc', { hasText: 'Deposit' }).innerText(), /No queue/);
        await shot(page, 'phone-book.png');
    });

    await step('phone: take a token, see the receipt and the QR code', async () => {
        token = await takeToken(page, 'Deposit', { name: 'Ann Example', phone: '+1 555 0100' });
        assert.match(await page.locator('#t-number').innerText(), /^D\d{3}$/);
        assert.equal(await page.locator('#t-position').innerText(), '1');
        await expectState(page, 'waiting');
        await expectQr(page);
        await page.locator('body[data-connection="live"]').waitFor({ timeout: LIVE_MS });
        await shot(page, 'phone-ticket.png');
    });

    await step('phone: a reload keeps the token', async () => {
        const number = await page.locator('#t-number').innerText();
        await page.reload();
        await page.locator('body[data-connection="live"]').waitFor({ timeout: LIVE_MS });
        assert.equal(await page.locator('#t-number').innerText(), number);
        assert.equal(tokenFromUrl(page).id, token.id);
        // Also from local storage alone, when the link is opened without its fragment.
        await page.goto(BASE + '/');
        await page.locator('body[data-connection="live"]').waitFor({ timeout: LIVE_MS });
        assert.equal(await page.locator('#t-number').innerText(), number);
    });

    // A second phone opens the QR code's link: the token's own room updates it too.
    const other = await openPage(context, problems, `${BASE}/#t=${token.id}.${token.secret}`);
    await other.locator('body[data-connection="live"]').waitFor({ timeout: LIVE_MS });

    await step('operator calls: "your turn" without a reload', async () => {
        await page.evaluate(() => { window.__noReload = true; });
        const operator = await login('operator1', 'operator123');
        assert.equal((await rest('POST', '/api/counters/1/open', { bearer: operator })).status, 200);
        const call = await rest('POST', '/api/counters/1/call', { bearer: operator });
        assert.equal(call.status, 200, JSON.stringify(call.json));
        assert.equal(call.json.token.id, token.id);
        await expectState(page, 'called');
        assert.equal(await page.evaluate(() => window.__noReload), true, 'the page was not reloaded');
        assert.match(await page.locator('#t-status').innerText(), /your turn[\s\S]*Counter A/i);
        assert.equal(await page.locator('#ticket-view').getAttribute('data-alerts'), '1');
        assert.match(await page.locator('#announce').innerText(), /your turn/i);
        await expectState(other, 'called');
        await shot(page, 'phone-called.png');

        const recall = await rest('POST', '/api/counters/1/recall', { bearer: operator });
        assert.equal(recall.status, 200);
        await page.waitForFunction(() => document.getElementById('ticket-view').dataset.alerts === '2',
                                   null, { timeout: LIVE_MS });
        for (const action of ['serve', 'complete'])
            assert.equal((await rest('POST', `/api/counters/1/${action}`, { bearer: operator })).status, 200);
        await expectState(page, 'completed');
        await expectState(other, 'completed');
        assert.equal(await page.locator('#cancel').isHidden(), true);
        await shot(page, 'phone-served.png');
    });

    await step('phone: a new token, then cancel it', async () => {
        await page.locator('#new-token').click();
        await page.locator('#book-view').waitFor({ state: 'visible' });
        const second = await takeToken(page, 'Withdrawal');
        await page.locator('#cancel').click();
        await page.locator('#confirm').waitFor({ state: 'visible' });
        await shot(page, 'phone-cancel-dialog.png', false); // the backdrop covers the viewport only
        await page.getByRole('button', { name: 'Yes, cancel it' }).click();
        await expectState(page, 'cancelled', 5000);
        const status = await rest('GET', `/api/tokens/${second.id}/status`, { secret: second.secret });
        assert.equal(status.json.status, 'cancelled');
        await page.reload();
        await expectState(page, 'cancelled', 5000);
    });

    let third;
    await step('phone: offline shows, and recovers', async () => {
        await page.locator('#new-token').click();
        third = await takeToken(page, 'Passbook');
        await page.locator('body[data-connection="live"]').waitFor({ timeout: LIVE_MS });
        await context.setOffline(true);
        await page.locator('#net').waitFor({ state: 'visible', timeout: 15000 });
        await shot(page, 'phone-offline.png');
        await context.setOffline(false);
        await page.locator('body[data-connection="live"]').waitFor({ timeout: 15000 });
        assert.equal(await page.locator('#net').isHidden(), true);
    });

    await step('phone: survives a server restart', async () => {
        // Remember whether the page noticed the loss (the restart may be quicker than a poll).
        await page.evaluate(() => {
            window.__lost = false;
            new MutationObserver(() => {
                if (document.body.dataset.connection !== 'live')
                    window.__lost = true;
            }).observe(document.body, { attributes: true, attributeFilter: ['data-connection'] });
        });
        await askHarness('restart-server');
        await page.waitForFunction(() => window.__lost, null, { timeout: LIVE_MS });
        await page.locator('body[data-connection="live"]').waitFor({ timeout: 15000 });
        // Nothing was missed: a call now arrives live.
        const operator = await login('operator2', 'operator123');
        assert.equal((await rest('POST', '/api/counters/2/open', { bearer: operator })).status, 200);
        const call = await rest('POST', '/api/counters/2/call', { bearer: operator });
        assert.equal(call.json.token.id, third.id);
        await expectState(page, 'called');
        assert.match(await page.locator('#t-status').innerText(), /Counter B/);
    });
    await context.close();
}

async function desktopFlow(browser, problems) {
    const context = await browser.newContext({ ...DESKTOP, locale: 'en-GB' });
    const page = await openPage(context, problems);
    await step('desktop: booking form and receipt', async () => {
        await page.locator('.svc').first().waitFor();
        await page.locator('body').click({ position: { x: 5, y: 400 } }); // no focus ring in the picture
        // Someone takes a Passbook token elsewhere: the count here follows live (queue_update).
        const meta = page.locator('.svc-meta[data-service-id="3"]');
        assert.equal(await meta.innerText(), 'No queue');
        assert.equal((await rest('POST', '/api/tokens', { body: { service_id: 3 } })).status, 201);
        await page.waitForFunction(() => /^1 waiting · /.test(
            document.querySelector('.svc-meta[data-service-id="3"]').textContent), null, { timeout: LIVE_MS });
        await shot(page, 'desktop-book.png');
        await takeToken(page, 'Deposit', { name: 'Desk Top' });
        await expectQr(page);
        await page.locator('body[data-connection="live"]').waitFor({ timeout: LIVE_MS });
        await shot(page, 'desktop-ticket.png');
        await page.emulateMedia({ colorScheme: 'dark' });
        await shot(page, 'desktop-ticket-dark.png');
        await page.emulateMedia({ colorScheme: 'light' });
    });
    await step('desktop: a wrong or foreign link says so', async () => {
        const other = await openPage(context, problems, `${BASE}/#t=987654.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`);
        await expectState(other, 'invalid', 5000);
        assert.match(await other.locator('#t-status').innerText(), /not valid/);
        assert.equal(await other.locator('#cancel').isHidden(), true);
        await other.close();
    });
    await step('desktop: keyboard only', async () => {
        await page.locator('#new-token').click();
        await page.reload(); // a fresh page: the first Tab must reach the skip link
        await page.locator('.svc').first().waitFor();
        await page.keyboard.press('Tab');
        assert.equal(await page.evaluate(() => document.activeElement.className), 'skip');
        await page.locator('input[name="service"]').first().focus();
        await page.keyboard.press('ArrowDown'); // radios move with arrows
        const chosen = await page.evaluate(() => document.querySelector('input[name="service"]:checked').value);
        assert.equal(chosen, '2');
        await page.locator('#take').focus();
        await page.keyboard.press('Enter');
        await page.locator('#ticket-view').waitFor({ state: 'visible' });
        assert.match(await page.locator('#t-number').innerText(), /^W\d{3}$/);
    });
    await context.close();
}

// A network that lets HTTP through but not WebSocket: the page must still follow its token.
async function pollingFlow(browser, problems) {
    const context = await browser.newContext({ ...PHONE, locale: 'en-US' });
    await context.routeWebSocket(/\/ws\/queues$/, (ws) => ws.close());
    const page = await openPage(context, problems);
    await step('no WebSocket: polling keeps the status current', async () => {
        await page.locator('.svc').first().waitFor();
        const token = await takeToken(page, 'Withdrawal');
        await page.locator('body[data-connection="polling"]').waitFor({ timeout: 5000 });
        assert.equal(await page.locator('#net').isHidden(), true, 'HTTP works: not "offline"');
        const admin = await login('admin', 'admin123');
        assert.equal((await rest('POST', '/api/counters/3/open', { bearer: admin })).status, 200);
        // Other tokens wait too: call this one out of turn.
        const call = await rest('POST', `/api/tokens/${token.id}/assign`,
                                { bearer: admin, body: { counter_id: 3, reason: 'e2e' } });
        assert.equal(call.status, 200, JSON.stringify(call.json));
        await expectState(page, 'called', 10000); // the next poll, within 6 s
        assert.match(await page.locator('#t-status').innerText(), /Counter C/);
    });
    await context.close();
}

async function languagesFlow(browser, problems) {
    const context = await browser.newContext({ ...PHONE, locale: 'ar-EG' });
    const page = await openPage(context, problems);
    await step('arabic: chosen from the browser language, right to left', async () => {
        await page.locator('.svc').first().waitFor();
        assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
        assert.equal(await page.getAttribute('html', 'lang'), 'ar');
        assert.equal(await page.locator('#book-title').innerText(), 'احجز دورك');
        await shot(page, 'ar-phone-book.png');
        await takeToken(page, 'Passbook', { name: 'سارة' });
        await expectQr(page);
        await page.locator('body[data-connection="live"]').waitFor({ timeout: LIVE_MS });
        assert.match(await page.locator('#t-number').innerText(), /^P\d{3}$/);
        await shot(page, 'ar-phone-ticket.png');
    });
    await step('spanish: the switcher, kept across a reload', async () => {
        await page.locator('#lang').selectOption('es');
        assert.equal(await page.getAttribute('html', 'dir'), 'ltr');
        assert.equal(await page.locator('#cancel').innerText(), 'Cancelar mi turno');
        await page.reload();
        await page.locator('body[data-connection="live"]').waitFor({ timeout: LIVE_MS });
        assert.equal(await page.getAttribute('html', 'lang'), 'es');
        await shot(page, 'es-phone-ticket.png');
    });
    await step('the place in line follows the queue live', async () => {
        assert.equal(await page.locator('#t-position').innerText(), '2');
        // Counter B finishes P001 and calls P002, the token ahead of this one.
        const operator = await login('operator2', 'operator123');
        assert.equal((await rest('POST', '/api/counters/2/serve', { bearer: operator })).status, 200);
        assert.equal((await rest('POST', '/api/counters/2/call', { bearer: operator })).status, 200);
        await page.waitForFunction(() => document.getElementById('t-position').textContent === '1',
                                   null, { timeout: LIVE_MS });
        assert.equal(await page.locator('#t-headline').innerText(), 'Usted es el siguiente');
    });
    await context.close();
}

// Chromium logs the requests that failed on purpose: offline mode, the server restart, the
// blocked WebSocket and the wrong link's status request (404).
const EXPECTED = /net::ERR_INTERNET_DISCONNECTED|net::ERR_CONNECTION_REFUSED|WebSocket connection|status of 404/;

run(async (browser, problems) => {
    await phoneFlow(browser, problems);
    await desktopFlow(browser, problems);
    await languagesFlow(browser, problems);
    await pollingFlow(browser, problems);
}, EXPECTED);
