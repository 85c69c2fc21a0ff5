// Nextup booking page: talking to the server. `api` is fetch with the API's error shape;
// LiveSocket is a /ws/queues connection that keeps itself alive; TokenFollower follows one token
// by WebSocket (its own room token:<id> plus its service's room for queue changes) and falls back
// to polling GET /api/tokens/:id/status whenever the socket is down.
'use strict';

window.NextupLive = (function () {
    const PING_MS = 20000;           // an idle link is checked this often...
    const PONG_TIMEOUT_MS = 8000;    // ...and counted dead without an answer within this
    const BACKOFF_MS = [1000, 2000, 4000, 8000, 15000, 30000];
    const POLL_OFFLINE_MS = 5000;    // polling while the socket is down (± 20 %)
    const POLL_LIVE_MS = 60000;      // a safety net while it is up
    const FINAL = new Set(['completed', 'skipped', 'cancelled', 'expired']);

    // fetch() with JSON in and out; rejects with {network:true} or {status, code, message, details,
    // retryAfter}.
    async function api(method, path, options) {
        const opts = options || {};
        const headers = { Accept: 'application/json' };
        if (opts.body !== undefined)
            headers['Content-Type'] = 'application/json';
        if (opts.secret)
            headers['X-Token-Secret'] = opts.secret; // a header, never the URL: URLs end up in logs
        let response;
        try {
            response = await fetch(path, {
                method, headers, cache: 'no-store',
                body: opts.body !== undefined ? JSON.stringify(opts.body) : undefined,
            });
        } catch (e) {
            throw { network: true };
        }
        if (opts.raw && response.ok)
            return response;
        let json = null;
        try { json = await response.json(); } catch (e) { /* not JSON */ }
        if (!response.ok) {
            const error = (json && json.error) || {};
            throw {
                status: response.status, code: error.code || String(response.status),
                message: error.message || response.statusText, details: error.details || {},
                retryAfter: Number(response.headers.get('Retry-After')) || 0,
            };
        }
        return json;
    }

    class LiveSocket {
        // handlers: onState('connecting'|'live'|'offline'), onEvent(frame), onSync(), onError(frame)
        constructor(handlers) {
            this.h = handlers;
            this.rooms = [];
            this.secret = '';
            this.ws = null;
            this.attempt = 0;
            this.stopped = true;
            this.timers = {};
            this.onOnline = () => this.reconnectNow();
            // A lost network does not close an open socket at once (only the next ping notices):
            // the browser's word is quicker.
            this.onOffline = () => this.abandon();
            this.onVisible = () => { if (document.visibilityState === 'visible') this.reconnectNow(); };
        }

        start(rooms, secret) {
            this.rooms = rooms.slice();
            this.secret = secret || '';
            if (!this.stopped)
                return;
            this.stopped = false;
            window.addEventListener('online', this.onOnline);
            window.addEventListener('offline', this.onOffline);
            document.addEventListener('visibilitychange', this.onVisible);
            this.connect();
        }

        stop() {
            this.stopped = true;
            window.removeEventListener('online', this.onOnline);
            window.removeEventListener('offline', this.onOffline);
            document.removeEventListener('visibilitychange', this.onVisible);
            this.clearTimers();
            if (this.ws) {
                this.ws.onclose = null;
                this.ws.close(1000);
                this.ws = null;
            }
        }

        // Joins `rooms` (and leaves the others) on the open socket, or on the next one.
        setRooms(rooms) {
            const gone = this.rooms.filter((r) => !rooms.includes(r));
            const added = rooms.filter((r) => !this.rooms.includes(r));
            this.rooms = rooms.slice();
            if (this.ws && this.ws.readyState === WebSocket.OPEN) {
                if (gone.length)
                    this.send({ type: 'unsubscribe', rooms: gone });
                if (added.length)
                    this.send({ type: 'subscribe', rooms: added, secret: this.secret });
            }
        }

        get isLive() { return this.state === 'live'; }

        setState(state) {
            if (this.state === state)
                return;
            this.state = state;
            this.h.onState && this.h.onState(state);
        }

        clearTimers() {
            for (const id of Object.values(this.timers))
                clearTimeout(id);
            this.timers = {};
        }

        connect() {
            this.clearTimers();
            if (this.state !== 'offline')
                this.setState('connecting');
            const url = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws/queues';
            let ws;
            try { ws = new WebSocket(url); } catch (e) { return this.scheduleReconnect(); }
            this.ws = ws;
            ws.onmessage = (message) => this.receive(message.data);
            ws.onclose = () => {
                if (this.ws !== ws)
                    return;
                this.ws = null;
                this.setState('offline');
                if (!this.stopped)
                    this.scheduleReconnect();
            };
            ws.onerror = () => { /* onclose follows */ };
        }

        // Gives up on the current socket without waiting for a closing handshake that cannot
        // complete on a dead link.
        abandon() {
            const ws = this.ws;
            if (!ws)
                return;
            this.ws = null;
            ws.onclose = null;
            ws.onmessage = null;
            try { ws.close(); } catch (e) { /* already closed */ }
            this.setState('offline');
            if (!this.stopped)
                this.scheduleReconnect();
        }

        scheduleReconnect() {
            const base = BACKOFF_MS[Math.min(this.attempt, BACKOFF_MS.length - 1)];
            this.attempt += 1;
            // Jitter: after a server restart, a lobby full of phones must not reconnect in step.
            this.timers.reconnect = setTimeout(() => this.connect(), base / 2 + Math.random() * base / 2);
        }

        reconnectNow() {
            if (this.stopped || (this.ws && this.ws.readyState <= WebSocket.OPEN))
                return;
            this.attempt = 0;
            this.connect();
        }

        send(frame) {
            if (this.ws && this.ws.readyState === WebSocket.OPEN)
                this.ws.send(JSON.stringify(frame));
        }

        schedulePing() {
            clearTimeout(this.timers.ping);
            this.timers.ping = setTimeout(() => {
                this.send({ type: 'ping' });
                this.timers.pong = setTimeout(() => this.abandon(), PONG_TIMEOUT_MS);
            }, PING_MS);
        }

        receive(text) {
            let frame;
            try { frame = JSON.parse(text); } catch (e) { return; }
            this.schedulePing();
            if (frame.event) {
                this.h.onEvent && this.h.onEvent(frame);
                return;
            }
            switch (frame.type) {
            case 'hello':
                if (this.rooms.length)
                    this.send({ type: 'subscribe', rooms: this.rooms, secret: this.secret });
                break;
            case 'subscribed':
                this.attempt = 0;
                this.setState('live');
                this.h.onSync && this.h.onSync();  // events may have been missed while away
                break;
            case 'resync':
                this.h.onSync && this.h.onSync();
                break;
            case 'pong':
                clearTimeout(this.timers.pong);
                break;
            case 'error':
                this.h.onError && this.h.onError(frame);
                break;
            default:
                break;
            }
        }
    }

    class TokenFollower {
        // handlers: onStatus(status), onInvalid(error), onConnection({live, reachable})
        constructor(id, secret, handlers) {
            this.id = id;
            this.secret = secret;
            this.h = handlers;
            this.serviceId = 0;
            this.status = '';    // the last status seen: a booked token has no place in line to follow
            this.reachable = true;
            this.stopped = false;
            this.seq = 0;        // numbers status requests and token events in order of sending
            this.shownSeq = 0;   // the newest of them that is on screen
            this.socket = new LiveSocket({
                onState: (state) => {
                    this.report();
                    if (state === 'offline')
                        this.refresh(0); // the socket dropped: learn at once whether HTTP still works
                },
                onEvent: (frame) => this.onEvent(frame),
                onSync: () => this.refresh(0),
                onError: (frame) => {
                    // The server refused the token room: the status request says why.
                    if (frame.room === 'token:' + this.id)
                        this.refresh(0);
                },
            });
        }

        start() {
            // Back online: ask at once rather than at the next poll (the socket, if started,
            // reconnects by itself).
            this.onOnline = () => this.refresh(0);
            window.addEventListener('online', this.onOnline);
            this.refresh(0);
        }

        stop() {
            this.stopped = true;
            window.removeEventListener('online', this.onOnline);
            this.socket.stop();
            clearTimeout(this.pollTimer);
            clearTimeout(this.refreshTimer);
        }

        rooms() {
            const rooms = ['token:' + this.id];
            if (this.serviceId)
                rooms.push('service:' + this.serviceId);
            return rooms;
        }

        report() {
            this.h.onConnection && this.h.onConnection({ live: this.socket.isLive, reachable: this.reachable });
        }

        // A status fetch after `delay` ms; calls within the delay share one request.
        refresh(delay) {
            if (this.stopped || this.refreshTimer)
                return;
            this.refreshTimer = setTimeout(() => {
                this.refreshTimer = null;
                this.fetchStatus();
            }, delay);
        }

        async fetchStatus() {
            clearTimeout(this.pollTimer);
            // Answers may overtake each other, and an event may arrive while a request is out:
            // only news newer than what is shown is applied, so the page never steps back.
            const seq = ++this.seq;
            try {
                const status = await api('GET', '/api/tokens/' + this.id + '/status', { secret: this.secret });
                if (this.stopped)
                    return;
                this.setReachable(true);
                if (seq > this.shownSeq) {
                    this.shownSeq = seq;
                    this.apply(status);
                }
            } catch (error) {
                if (this.stopped)
                    return;
                if (error.status === 403 || error.status === 404) {
                    this.stop();
                    this.h.onInvalid && this.h.onInvalid(error);
                    return;
                }
                this.setReachable(!error.network && error.status < 500);
            }
            if (!this.stopped)
                this.pollTimer = setTimeout(() => this.fetchStatus(), this.socket.isLive
                    ? POLL_LIVE_MS : POLL_OFFLINE_MS * (0.8 + Math.random() * 0.4));
        }

        setReachable(reachable) {
            if (this.reachable === reachable)
                return;
            this.reachable = reachable;
            this.h.onConnection && this.h.onConnection({ live: this.socket.isLive, reachable });
        }

        apply(status) {
            this.status = status.status;
            this.h.onStatus(status);
            if (FINAL.has(status.status)) {
                this.stop();
                return;
            }
            if (status.service_id && status.service_id !== this.serviceId) {
                this.serviceId = status.service_id; // first status, or a transfer to another service
                if (this.socket.stopped)
                    this.socket.start(this.rooms(), this.secret);
                else
                    this.socket.setRooms(this.rooms());
            }
        }

        onEvent(frame) {
            if (frame.room === 'token:' + this.id && frame.data) {
                // Show the change at once; the status request then brings the exact place in line.
                const d = frame.data;
                this.status = d.status;
                this.shownSeq = ++this.seq;
                this.h.onStatus({
                    token_id: d.id, token_number: d.token_number, status: d.status,
                    service_id: d.service_id, service_name: d.service_name, counter_id: d.counter_id,
                    counter_name: d.counter_name, recall_count: d.recall_count,
                    preferred_slot: d.preferred_slot || undefined,
                    position: d.status === 'waiting' ? undefined : 0, eta: d.status === 'waiting' ? undefined : 0,
                }, frame.event);
                if (FINAL.has(d.status)) {
                    this.stop();
                    return;
                }
                this.refresh(150);
            } else if (frame.event === 'queue_update' && this.status !== 'booked') {
                // The line of this token's service changed (a call, a new or transferred token):
                // the place in line may have too. Spread the requests of many phones over a second.
                this.refresh(200 + Math.random() * 1000);
            }
        }
    }

    return { api, LiveSocket, TokenFollower, FINAL };
})();
