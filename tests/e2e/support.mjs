// What the browser scenarios (booking.e2e.mjs, appointments.e2e.mjs) share: the environment
// tst_e2e_browser gives them, REST calls as staff, the harness channel, pages whose errors fail the
// test, screenshots, and starting Debian's Chromium.
// Env: NEXTUP_BASE_URL (http://127.0.0.1:PORT), NEXTUP_SCREENSHOT_DIR, NEXTUP_CHROMIUM.
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import path from 'node:path';

export const BASE = process.env.NEXTUP_BASE_URL;
export const SHOTS = process.env.NEXTUP_SCREENSHOT_DIR || '.';
const CHROMIUM = process.env.NEXTUP_CHROMIUM || '/usr/bin/chromium';
export const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
export const DESKTOP = { viewport: { width: 1280, height: 800 } };
export const LIVE_MS = 8000; // a WebSocket event shows in well under a second; this is CI slack
const started = Date.now();

export function log(text) {
    console.log(`[e2e ${((Date.now() - started) / 1000).toFixed(1)}s] ${text}`);
}

export async function step(name, fn) {
    log(name);
    await fn();
}

// ---- staff, through the REST API ---------------------------------------------------------

export async function rest(method, route, { body, bearer, secret } = {}) {
    const headers = { 'Content-Type': 'application/json' };
    if (bearer)
        headers.Authorization = 'Bearer ' + bearer;
    if (secret)
        headers['X-Token-Secret'] = secret;
    const response = await fetch(BASE + route, { method, headers, body: body ? JSON.stringify(body) : undefined });
    const json = await response.json().catch(() => null);
    return { status: response.status, json };
}

export async function login(username, password) {
    const answer = await rest('POST', '/api/auth/login', { body: { username, password } });
    assert.equal(answer.status, 200, `login ${username}: ${JSON.stringify(answer.json)}`);
    return answer.json.access_token;
}

// Asks tst_e2e_browser (our parent) to do something only it can (restart the server, move a
// booking's time in Postgres) with a line "@@<command>"; resolves when it answers "done".
export function askHarness(command) {
    return new Promise((resolve, reject) => {
        process.stdin.once('data', (data) => {
            process.stdin.pause();
            String(data).startsWith('done') ? resolve() : reject(new Error(`the harness failed: ${command}`));
        });
        process.stdin.resume();
        console.log('@@' + command);
    });
}

// ---- the page -----------------------------------------------------------------------------

// A page whose console errors (CSP violations included) and uncaught exceptions fail the test.
export async function openPage(context, problems, url = BASE + '/') {
    const page = await context.newPage();
    page.on('console', (message) => {
        if (message.type() === 'error')
            problems.push(`console: ${message.text()} at ${message.location().url}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    await page.goto(url);
    return page;
}

export function tokenFromUrl(page) {
    const url = new URL(page.url());
    assert.equal(url.search, '', 'the secret must never be in the query string');
    const match = /^#t=(\d+)\.([A-Za-z0-9_-]+)$/.exec(url.hash);
    assert.ok(match, `the ticket link is in the fragment: ${url.hash}`);
    return { id: Number(match[1]), secret: match[2] };
}

export async function expectState(page, state, timeout = LIVE_MS) {
    await page.locator(`#t-status[data-state="${state}"]`).waitFor({ timeout });
}

export async function expectQr(page) {
    await page.locator('#qr-box[data-loaded="true"]').waitFor({ timeout: 5000 });
    const size = await page.locator('#t-qr').evaluate((img) => img.naturalWidth);
    assert.ok(size >= 100, `the QR image is drawn (${size} px wide)`);
}

export async function shot(page, name, fullPage = true) {
    await page.evaluate(() => document.activeElement && document.activeElement.blur());
    await page.screenshot({ path: path.join(SHOTS, name), fullPage, animations: 'disabled' });
    log(`  screenshot ${name}`);
}

// ---- running a scenario -------------------------------------------------------------------

async function launch() {
    const args = ['--disable-dev-shm-usage', '--disable-gpu', '--autoplay-policy=no-user-gesture-required'];
    if (process.getuid && process.getuid() === 0)
        args.push('--no-sandbox'); // Chromium refuses to sandbox as root
    try {
        return await chromium.launch({ executablePath: CHROMIUM, headless: true, args });
    } catch (error) {
        // Containers often lack the namespaces Chromium's sandbox needs; the test page is ours.
        log(`Chromium did not start (${String(error.message).split('\n')[0]}); retrying with --no-sandbox`);
        return chromium.launch({ executablePath: CHROMIUM, headless: true, args: [...args, '--no-sandbox'] });
    }
}

// Runs `scenario(browser, problems)`, then fails on any console error the page logged that
// `expected` (the requests failed on purpose) does not match; exits 0 or 1.
export function run(scenario, expected) {
    (async () => {
        assert.ok(BASE, 'NEXTUP_BASE_URL is not set');
        const browser = await launch();
        const problems = [];
        try {
            await scenario(browser, problems);
            const unexpected = problems.filter((p) => !expected.test(p));
            assert.deepEqual(unexpected, [], 'the page logged errors (a CSP violation, an exception...)');
        } finally {
            await browser.close();
        }
        log('all steps passed');
        process.exit(0); // stdin (the harness channel) would keep node alive
    })().catch((error) => {
        log(`FAILED: ${error && error.stack ? error.stack : error}`);
        process.exit(1);
    });
}
