// Nextup booking page: the service worker (served as /web/sw.js with Service-Worker-Allowed: /,
// registered for the scope /). It keeps the page and its files in a cache named after the
// release, so that the page opens without a network and shows the customer's token as last known
// (ticket.js keeps that in localStorage). The API, the WebSocket and the QR picture are never
// cached here: they go to the network as if there were no worker.
'use strict';

// Filled in by the server (server/src/web/webassets.cpp) when it serves this file: the version of
// the page and all its files together, and the versioned link of every file.
const VERSION = '@version@';
const ASSETS = ['@assets@'];

const PREFIX = 'nextup-shell-';
const CACHE = PREFIX + VERSION;
const PAGE = '/';
// A network that neither answers nor fails ("lie-fi") must not keep the page blank.
const PAGE_TIMEOUT_MS = 4000;

// A new release: its files are fetched now, while online. The page is revalidated, the
// versioned files may come from the HTTP cache (their bytes never change).
self.addEventListener('install', (event) => {
    event.waitUntil((async () => {
        const cache = await caches.open(CACHE);
        await cache.addAll([new Request(PAGE, { cache: 'no-cache' }), ...ASSETS]);
        // Take over at once: the page links its files by version, so a page of the old release
        // still finds them (here or from the network), and the next load is the new release.
        await self.skipWaiting();
    })());
});

// The releases before this one are gone for good.
self.addEventListener('activate', (event) => {
    event.waitUntil((async () => {
        for (const name of await caches.keys()) {
            if (name.startsWith(PREFIX) && name !== CACHE)
                await caches.delete(name);
        }
        await self.clients.claim();
    })());
});

function timeout(ms) {
    return new Promise((resolve, reject) => setTimeout(() => reject(new Error('timeout')), ms));
}

// The page: from the network (it is no-cache, so a new release shows at once), from the cache
// when the network fails or hangs.
async function page(request) {
    try {
        return await Promise.race([fetch(request), timeout(PAGE_TIMEOUT_MS)]);
    } catch (error) {
        const cached = await caches.match(PAGE, { cacheName: CACHE });
        return cached || Response.error();
    }
}

// A file of the page: from the cache first. A versioned file the install did not get (an old
// page still open after an update) is kept once fetched; others only pass through.
async function file(request) {
    const cache = await caches.open(CACHE);
    const cached = await cache.match(request);
    if (cached)
        return cached;
    const response = await fetch(request);
    if (response.ok && new URL(request.url).searchParams.has('v'))
        await cache.put(request, response.clone());
    return response;
}

self.addEventListener('fetch', (event) => {
    const request = event.request;
    const url = new URL(request.url);
    if (request.method !== 'GET' || url.origin !== self.location.origin)
        return;
    if (request.mode === 'navigate' && url.pathname === PAGE)
        event.respondWith(page(request));
    else if (url.pathname.startsWith('/web/') && url.pathname !== '/web/sw.js')
        event.respondWith(file(request));
});
