// Browser end-to-end test of the booking page as an installable, offline-first web app, run by
// tst_e2e_browser against a real server (support.mjs has the shared parts): the web app manifest
// and the service worker as served, the worker installed and controlling the page, a reload with
// the network cut (playwright's offline mode) that shows the customer's token as last known,
// marked stale with its time, in English, Spanish and Arabic, and live again once the network is
// back; then the focus ring's contrast, computed from the styles of every focused control.
import assert from 'node:assert/strict';
import path from 'node:path';
import {
    BASE, SHOTS, PHONE, DESKTOP, LIVE_MS, log, step, rest, login, openPage, expectState, shot, run,
} from './support.mjs';

const MIN_FOCUS_CONTRAST = 3; // WCAG 2.x 1.4.11, non-text contrast

// The width and height in a PNG's IHDR chunk.
function pngSize(bytes) {
    const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
    assert.deepEqual([...bytes.subarray(0, 8)], signature, 'a PNG file');
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    return `${view.getUint32(16)}x${view.getUint32(20)}`;
}

async function get(route) {
    const response = await fetch(BASE + route);
    assert.equal(response.status, 200, `GET ${route}`);
    return response;
}

async function takeToken(page, serviceName) {
    await page.getByRole('radio', { name: new RegExp(serviceName) }).check();
    await page.locator('#take').click();
    await page.locator('#ticket-view').waitFor({ state: 'visible' });
    await page.waitForFunction(() => /^[A-Z]\d{3}$/.test(document.getElementById('t-number').textContent));
    const match = /^#t=(\d+)\./.exec(new URL(page.url()).hash);
    return Number(match[1]);
}

// ---- served files -------------------------------------------------------------------------

async function servedFiles() {
    let worker;
    await step('manifest: its type, it parses, installable fields and icons', async () => {
        const html = await (await get('/')).text();
        const link = /<link rel="manifest" href="([^"]+)">/.exec(html);
        assert.ok(link, 'the page links its manifest');
        const response = await get(link[1]);
        assert.equal(response.headers.get('content-type'), 'application/manifest+json');
        const manifest = JSON.parse(await response.text());
        assert.equal(manifest.name, 'Nextup');
        assert.equal(manifest.short_name, 'Nextup');
        assert.equal(manifest.start_url, '/');
        assert.equal(manifest.scope, '/');
        assert.equal(manifest.display, 'standalone');
        assert.match(manifest.theme_color, /^#[0-9a-f]{6}$/);
        const sizes = new Set();
        for (const icon of manifest.icons.filter((i) => i.type === 'image/png')) {
            assert.match(icon.src, /^\/web\/[\w-]+\.png\?v=[0-9a-f]{12}$/, 'icons are versioned links');
            const file = await get(icon.src);
            assert.equal(file.headers.get('content-type'), 'image/png');
            assert.equal(pngSize(new Uint8Array(await file.arrayBuffer())), icon.sizes, icon.src);
            if (icon.purpose.split(' ').includes('any'))
                sizes.add(icon.sizes);
        }
        assert.ok(sizes.has('192x192') && sizes.has('512x512'), 'a 192 and a 512 px icon');
    });
    await step('service worker: a JavaScript type, allowed to control /, its cache named by version', async () => {
        const response = await get('/web/sw.js');
        assert.equal(response.headers.get('content-type'), 'text/javascript; charset=utf-8');
        assert.equal(response.headers.get('service-worker-allowed'), '/');
        assert.equal(response.headers.get('cache-control'), 'no-cache');
        const source = await response.text();
        const version = /const VERSION = '([0-9a-f]{12})';/.exec(source);
        assert.ok(version, 'the server filled in the version');
        assert.ok(!source.includes('@assets@'), 'the server filled in the files');
        // Every file the page links is kept for offline.
        const html = await (await get('/')).text();
        for (const [, src] of html.matchAll(/(?:src|href)="(\/web\/[^"]+)"/g))
            assert.ok(source.includes(`'${src}'`), `the worker keeps ${src}`);
        worker = { version: version[1] };
    });
    return worker;
}

// ---- offline -------------------------------------------------------------------------------

async function offlineFlow(browser, problems, worker) {
    const context = await browser.newContext({ ...PHONE, locale: 'en-US' });
    // A cache of an earlier release, which the new worker must delete when it takes over.
    await context.addInitScript(() => {
        if (!sessionStorage.getItem('e2e.oldCache')) {
            sessionStorage.setItem('e2e.oldCache', '1');
            caches.open('nextup-shell-000000000000');
        }
    });
    const page = await openPage(context, problems);
    let tokenId;
    let number;

    await step('online: the worker installs, controls the page, keeps only its own cache', async () => {
        await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 10000 });
        const registration = await page.evaluate(async () => {
            const r = await navigator.serviceWorker.ready;
            return { scope: r.scope, script: r.active.scriptURL, caches: await caches.keys() };
        });
        assert.equal(registration.scope, BASE + '/', 'the scope covers the page');
        assert.equal(registration.script, BASE + '/web/sw.js');
        assert.deepEqual(registration.caches, ['nextup-shell-' + worker.version]);
        // Chromium's own verdict: the manifest parses and the app can be installed.
        const cdp = await context.newCDPSession(page);
        const manifest = await cdp.send('Page.getAppManifest');
        assert.deepEqual(manifest.errors, [], 'the manifest parses without errors');
        // Every test context is incognito, where nothing installs: that one error is Chromium's.
        const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
        assert.deepEqual(installabilityErrors.filter((e) => e.errorId !== 'in-incognito'), [], 'installable');
        await cdp.detach();
    });

    await step('online: take a token', async () => {
        await page.locator('.svc').first().waitFor();
        tokenId = await takeToken(page, 'Deposit');
        number = await page.locator('#t-number').innerText();
        await page.locator('body[data-connection="live"]').waitFor({ timeout: LIVE_MS });
        assert.equal(await page.locator('#ticket-view').getAttribute('data-stale'), 'false');
        await shot(page, 'booking-offline-online-en.png');
    });

    const admin = await login('admin', 'admin123');
    await step('offline: a reload opens the page from the cache, the token marked stale with its time', async () => {
        const updated = await page.locator('#t-updated').innerText(); // "Updated 10:42:13"
        const known = updated.replace(/^Updated /, '');
        await context.setOffline(true);
        const response = await page.reload();
        assert.ok(response && response.fromServiceWorker(), 'the page came from the service worker');
        assert.equal(await page.evaluate(() => navigator.onLine), false);
        assert.equal(await page.evaluate(() => fetch('/api/services').then(() => 'reached', () => 'cut')), 'cut',
                     'the network is really cut');
        await page.locator('#ticket-view[data-stale="true"]').waitFor({ timeout: 5000 });
        assert.equal(await page.locator('#t-number').innerText(), number);
        await expectState(page, 'waiting', 1000);
        assert.equal(await page.locator('#t-stale-text').innerText(), `Not up to date. Last known: ${known}`);
        assert.equal(await page.locator('#net').isVisible(), true, 'the offline banner');
        assert.equal(await page.locator('#qr-box[data-loaded="true"]').count(), 1, 'the QR kept too');
        await shot(page, 'booking-offline-stale-en.png');
        // Opening "/" without the link also finds it (localStorage), still from the cache.
        await page.goto(BASE + '/');
        await page.locator('#ticket-view[data-stale="true"]').waitFor({ timeout: 5000 });
        assert.equal(await page.locator('#t-number').innerText(), number);
    });

    await step('offline: the marks in Spanish and in Arabic (right to left)', async () => {
        await page.locator('#lang').selectOption('es');
        assert.match(await page.locator('#t-stale-text').innerText(), /^Sin actualizar\. Último dato: /);
        assert.equal(await page.locator('#net-text').innerText(), 'Sin conexión — reconectando…');
        await page.locator('#lang').selectOption('ar');
        assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
        assert.match(await page.locator('#t-stale-text').innerText(), /^غير محدَّث\. آخر معلومة: /);
        await shot(page, 'booking-offline-stale-ar.png');
        await page.locator('#lang').selectOption('en');
    });

    await step('back online: live again, and what happened meanwhile shows', async () => {
        // Called while the phone was offline (out of turn: earlier scenarios leave tokens waiting).
        await rest('POST', '/api/counters/1/open', { bearer: admin }); // open already, or now
        const call = await rest('POST', `/api/tokens/${tokenId}/assign`,
                                { bearer: admin, body: { counter_id: 1, reason: 'e2e offline' } });
        assert.equal(call.status, 200, JSON.stringify(call.json));
        await context.setOffline(false);
        await page.locator('#ticket-view[data-stale="false"]').waitFor({ timeout: LIVE_MS });
        await expectState(page, 'called');
        await page.locator('body[data-connection="live"]').waitFor({ timeout: LIVE_MS });
        assert.equal(await page.locator('#t-stale').isHidden(), true);
        assert.equal(await page.locator('#net').isHidden(), true);
        assert.match(await page.locator('#t-updated').innerText(), /^Updated /);
        for (const action of ['serve', 'complete'])
            assert.equal((await rest('POST', `/api/counters/1/${action}`, { bearer: admin })).status, 200);
        await expectState(page, 'completed');
    });
    await context.close();
}

// ---- focus ring contrast ------------------------------------------------------------------

// Runs in the page: the focus ring of the focused control, its colour and the worst contrast
// of that colour against what is around it (the background painted just outside the ring, on
// all four sides, whatever element paints it), from the computed styles.
function focusRing() {
    const el = document.activeElement;
    const rgba = (text) => {
        const n = (text.match(/[\d.]+/g) || []).map(Number);
        return { r: n[0], g: n[1], b: n[2], a: n.length > 3 ? n[3] : 1 };
    };
    const luminance = ({ r, g, b }) => {
        const lin = (c) => { const s = c / 255; return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; };
        return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    };
    const contrast = (x, y) => {
        const [hi, lo] = [luminance(x), luminance(y)].sort((p, q) => q - p);
        return (hi + 0.05) / (lo + 0.05);
    };
    const over = (top, bottom) => ({
        r: top.r * top.a + bottom.r * (1 - top.a), g: top.g * top.a + bottom.g * (1 - top.a),
        b: top.b * top.a + bottom.b * (1 - top.a), a: 1,
    });
    const shows = (e) => {
        const cs = getComputedStyle(e);
        return cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2 && Number(cs.opacity) > 0;
    };
    // The ring may be drawn by the control's label (a hidden radio inside it).
    let host = el;
    for (let i = 0; host && i < 3 && !shows(host); ++i)
        host = host.parentElement;
    const name = el.id ? '#' + el.id : el.tagName.toLowerCase() + '.' + el.className + '[' + (el.value || el.textContent.trim().slice(0, 20)) + ']';
    if (!host || !shows(host))
        return { name, ratio: 0, why: 'no visible focus ring' };
    const cs = getComputedStyle(host);
    const ring = rgba(cs.outlineColor);
    const box = host.getBoundingClientRect();
    const out = parseFloat(cs.outlineOffset) + parseFloat(cs.outlineWidth) + 2;
    const points = [[box.left + box.width / 2, box.top - out], [box.left + box.width / 2, box.bottom + out],
                    [box.left - out, box.top + box.height / 2], [box.right + out, box.top + box.height / 2]];
    const dark = matchMedia('(prefers-color-scheme: dark)').matches;
    let worst = Infinity;
    let against = '';
    for (const [x, y] of points) {
        if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight)
            continue;
        // What paints that point, top first, composed down to an opaque colour.
        const layers = [];
        const painters = [];
        for (const e of document.elementsFromPoint(x, y)) {
            if (host.contains(e))
                continue;
            const bg = rgba(getComputedStyle(e).backgroundColor);
            if (bg.a > 0) {
                layers.push(bg);
                painters.push(e.id ? '#' + e.id : e.tagName.toLowerCase() + '.' + e.className);
            }
            if (bg.a >= 1)
                break;
        }
        let colour = dark ? { r: 18, g: 18, b: 18, a: 1 } : { r: 255, g: 255, b: 255, a: 1 }; // the canvas
        for (const layer of layers.reverse())
            colour = over(layer, colour);
        const ratio = contrast(ring, colour);
        if (ratio < worst) {
            worst = ratio;
            against = `rgb(${Math.round(colour.r)}, ${Math.round(colour.g)}, ${Math.round(colour.b)}) of ${painters.join(' over ')}`;
        }
    }
    return { name, ratio: worst, ring: cs.outlineColor, against };
}

// Tabs through everything focusable in the current view (up to `max` stops) and checks each ring.
async function checkFocusRings(page, label, { min = 3, max = 40 } = {}) {
    await page.evaluate(() => document.activeElement && document.activeElement.blur());
    // Colours fade in 0.15 s after a scheme switch: measure the colours the customer then sees.
    await page.evaluate(() => Promise.all(document.getAnimations()
        .filter((a) => a.effect.getComputedTiming().endTime !== Infinity).map((a) => a.finished)));
    const seen = new Set();
    const results = [];
    for (let i = 0; i < max; ++i) {
        await page.keyboard.press('Tab');
        const key = await page.evaluate(() => {
            const el = document.activeElement;
            if (!el || el === document.body)
                return '';
            if (!el.dataset.focusKey)
                el.dataset.focusKey = String(Math.random());
            return el.dataset.focusKey;
        });
        if (!key)
            continue;
        if (seen.has(key))
            break;
        seen.add(key);
        results.push(await page.evaluate(focusRing));
    }
    assert.ok(results.length >= min, `${label}: tabbing reached the controls (${results.length})`);
    const weak = results.filter((r) => !(r.ratio >= MIN_FOCUS_CONTRAST));
    const lowest = Math.min(...results.map((r) => r.ratio));
    log(`  ${label}: ${results.length} controls, lowest focus ring contrast ${lowest.toFixed(2)}:1`);
    assert.deepEqual(weak, [], `${label}: focus rings below ${MIN_FOCUS_CONTRAST}:1`);
}

async function focusFlow(browser, problems) {
    const context = await browser.newContext({ ...DESKTOP, locale: 'en-GB' });
    const page = await openPage(context, problems);
    await step('focus ring: at least 3:1 around every control, light and dark', async () => {
        await page.locator('.svc').first().waitFor();
        await checkFocusRings(page, 'booking form, light');
        await page.locator('.mode', { hasText: 'Book a time' }).click();
        await page.locator('input[name="service"]').first().check();
        await page.locator('#picker .day').first().waitFor({ timeout: 5000 });
        await checkFocusRings(page, 'book a time, light', { min: 7 });
        await page.locator('.mode', { hasText: 'Now' }).click();
        await page.emulateMedia({ colorScheme: 'dark' });
        await checkFocusRings(page, 'booking form, dark');
        await page.emulateMedia({ colorScheme: 'light' });
        await takeToken(page, 'Withdrawal');
        await page.locator('body[data-connection="live"]').waitFor({ timeout: LIVE_MS });
        await checkFocusRings(page, 'receipt, light');
        await page.emulateMedia({ colorScheme: 'dark' });
        await checkFocusRings(page, 'receipt, dark');
        await page.emulateMedia({ colorScheme: 'light' });
        await page.locator('#cancel').click();
        await page.locator('#confirm').waitFor({ state: 'visible' });
        await checkFocusRings(page, 'cancel dialog, light', { min: 2, max: 6 });
        await page.locator('#confirm-keep').focus();
        await page.keyboard.press('Enter');
        // A picture of the ring on the primary control, for people to look at.
        await page.locator('#sound').focus();
        await page.keyboard.press('Shift+Tab');
        await page.keyboard.press('Tab');
        await page.screenshot({ path: path.join(SHOTS, 'booking-focus-ring.png'), animations: 'disabled' });
    });
    await context.close();
}

// Chromium logs the requests that failed on purpose: offline, and the day after the booking
// horizon (400), where the slot picker stops asking.
const EXPECTED = /net::ERR_INTERNET_DISCONNECTED|WebSocket connection|status of 400 .*\/slots\?date=/;

run(async (browser, problems) => {
    const worker = await servedFiles();
    await offlineFlow(browser, problems, worker);
    await focusFlow(browser, problems);
}, EXPECTED);
