#!/usr/bin/env python3
"""The client side of the fault campaign (tests/chaos/chaos.sh starts the processes and injects the
faults; this program never touches a process).

  chaos.py load  ...   keeps taking tokens (anonymous POST /api/tokens on every service) and serving
                       them (three operators at the three demo counters: call, serve, complete),
                       and reads GET /api/queues now and then, until SIGTERM or its bounds. Every
                       request goes to requests.tsv with its start and end time, status and error
                       code; every acknowledged token (201) and every call, serve and complete the
                       server confirmed goes to actions.tsv.
  chaos.py check ...   after the load stopped: compares GET /api/queues and the Redis lines with
                       Postgres, drains every counter, reads Postgres' tokens and token_events, and
                       judges the invariants against what the client recorded and the fault
                       windows chaos.sh recorded (windows.tsv). Prints a summary; exit status 1 when
                       an invariant fails.

Python 3 standard library only; everything on 127.0.0.1.
"""

import argparse
import collections
import http.client
import json
import random
import select
import signal
import subprocess
import sys
import threading
import time

SERVICES = (1, 2, 3)  # the seed's Deposit, Withdrawal, Passbook
# (username, password, counter id): the seed's logins; Counter A serves D and W, B serves P, C all.
OPERATORS = (("operator1", "operator123", 1), ("operator2", "operator123", 2),
             ("admin", "admin123", 3))
REQUEST_TIMEOUT = 10.0  # seconds; Postgres frozen for 3 s must not look like a lost answer


class Journal:
    """Append-only, thread-safe record of requests and confirmed actions (tab-separated)."""

    def __init__(self, directory, prefix, max_requests, stop):
        self._lock = threading.Lock()
        self._requests = open(f"{directory}/{prefix}requests.tsv", "a", encoding="utf-8")
        self._actions = open(f"{directory}/{prefix}actions.tsv", "a", encoding="utf-8")
        self._max_requests = max_requests
        self._stop = stop
        self.count = 0

    def request(self, t0, t1, who, method, path, status, code):
        with self._lock:
            self._requests.write(f"{t0:.6f}\t{t1:.6f}\t{who}\t{method}\t{path}\t{status}\t{code}\n")
            self.count += 1
            if self.count >= self._max_requests:
                self._stop.set()  # the request budget is spent: the run ends here

    def action(self, kind, *fields):
        with self._lock:
            self._actions.write("\t".join([f"{time.time():.6f}", kind, *map(str, fields)]) + "\n")

    def close(self):
        with self._lock:
            self._requests.close()
            self._actions.close()


def connection_dropped(conn):
    """A kept-alive connection the server has closed (restart) is readable: dial again first,
    as HTTP client pools do, instead of sending a request into a dead socket."""
    if conn.sock is None:
        return True
    try:
        readable, _, _ = select.select([conn.sock], [], [], 0)
    except (OSError, ValueError):
        return True
    return bool(readable)


class Client:
    """One keep-alive HTTP/1.1 connection that records every request in the journal."""

    def __init__(self, port, journal, who):
        self.port = port
        self.journal = journal
        self.who = who
        self.conn = None

    def close(self):
        if self.conn is not None:
            self.conn.close()
            self.conn = None

    def request(self, method, path, body=None, bearer=None):
        """(status, parsed JSON or None, error code); status 0 = no answer (refused, reset,
        timed out)."""
        headers = {}
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        if bearer:
            headers["Authorization"] = "Bearer " + bearer
        if self.conn is not None and connection_dropped(self.conn):
            self.close()
        if self.conn is None:
            self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=REQUEST_TIMEOUT)
        status, raw, code = 0, b"", ""
        t0 = time.time()
        try:
            self.conn.request(method, path, body=data, headers=headers)
            response = self.conn.getresponse()
            raw = response.read()
            status = response.status
            if response.will_close:
                self.close()
        except (OSError, http.client.HTTPException) as error:
            code = type(error).__name__
            self.close()
        t1 = time.time()
        payload = None
        if status:
            try:
                payload = json.loads(raw) if raw else None
            except ValueError:
                payload = None
            if status >= 400 and isinstance(payload, dict):
                code = (payload.get("error") or {}).get("code", "")
        self.journal.request(t0, t1, self.who, method, path, status, code)
        return status, payload, code


class Operator:
    """An operator at one counter: open it, then call, serve, complete, again and again. Whenever
    an answer is not the expected one (503, no answer, a 409 after a retried step), it reads the
    counter back from the server and continues from what the server says, as the console does."""

    def __init__(self, port, journal, stop, username, password, counter_id, think):
        self.client = Client(port, journal, f"{username}@{counter_id}")
        self.journal = journal
        self.stop = stop
        self.username, self.password, self.counter_id = username, password, counter_id
        self.think = think
        self.bearer = None
        self.user_id = None
        self.state = "unknown"  # unknown, closed, idle, called, serving

    def _login(self):
        status, body, _ = self.client.request(
            "POST", "/api/auth/login", {"username": self.username, "password": self.password})
        if status == 200:
            self.bearer = body["access_token"]
            self.user_id = body["user"]["id"]
            return True
        return False

    def _read_counter(self):
        # The list's live form carries current_token (GET /api/counters/:id is the catalog row).
        status, body, _ = self.client.request("GET", "/api/counters", bearer=self.bearer)
        if status != 200:
            return status
        counter = next(c for c in body if c["id"] == self.counter_id)
        if counter["status"] != "open" or counter.get("operator_id") != self.user_id:
            self.state = "closed"
        else:
            current = counter.get("current_token")
            self.state = current["status"] if current else "idle"
        return status

    def _act(self, step):
        status, body, code = self.client.request(
            "POST", f"/api/counters/{self.counter_id}/{step}", bearer=self.bearer)
        if status == 200 and step != "open":
            self.journal.action(step, self.counter_id, body["token"]["id"])
        return status, code

    def step(self):
        """One request; returns the answer's error code ('' on success) or 'no_answer'."""
        if self.bearer is None:
            return "" if self._login() else "login_failed"
        if self.state == "unknown":
            status = self._read_counter()
            return "" if status == 200 else self._failed(status, "read_failed")
        step, next_state = {"closed": ("open", "unknown"), "idle": ("call", "called"),
                            "called": ("serve", "serving"),
                            "serving": ("complete", "idle")}[self.state]
        status, code = self._act(step)
        if status == 200:
            self.state = next_state
            return ""
        if status == 409 and code == "queue_empty":
            return code  # idle still
        return self._failed(status, code or "no_answer")

    def _failed(self, status, code):
        if status == 401:
            self.bearer = None
        self.state = "unknown"  # the step may or may not have happened: ask the server
        return code

    def run(self):
        while not self.stop.is_set():
            code = self.step()
            pause = self.think if code in ("", "queue_empty") else 0.1
            if code == "queue_empty":
                pause = max(pause, 0.2)
            self.stop.wait(pause)
        self.client.close()

    def drain(self, max_requests, deadline):
        """Until the counter's services have nobody waiting (409 queue_empty on an idle counter).
        True when drained within the bounds."""
        for _ in range(max_requests):
            if time.monotonic() > deadline:
                return False
            code = self.step()
            if code == "queue_empty" and self.state == "idle":
                self.client.close()
                return True
            if code not in ("", "queue_empty"):
                time.sleep(0.1)
        return False


def token_maker(port, journal, stop, index, interval, seed):
    """Anonymous customers at a steady pace, one request at a time on one connection."""
    rng = random.Random(seed * 1000 + index)
    client = Client(port, journal, f"customer{index}")
    next_at = time.monotonic()
    while not stop.is_set():
        service = rng.choice(SERVICES)
        status, body, _ = client.request("POST", "/api/tokens", {"service_id": service})
        if status == 201:
            journal.action("issued", service, body["token_id"], body["token_number"])
        next_at += interval
        delay = next_at - time.monotonic()
        if delay < -1.0:
            next_at = time.monotonic()  # behind after an outage: no burst to catch up
        elif delay > 0:
            stop.wait(delay)
    client.close()


def queue_reader(port, journal, stop, interval):
    """A lobby screen resyncing: GET /api/queues now and then."""
    client = Client(port, journal, "reader")
    while not stop.wait(interval):
        client.request("GET", "/api/queues")
    client.close()


def run_load(args):
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    journal = Journal(args.dir, "", args.max_requests, stop)
    crashed = []

    def guarded(target, *target_args):
        """A client thread that dies (an answer without the fields the API documents) ends the
        whole load with an error instead of quietly lowering it."""
        def run():
            try:
                target(*target_args)
            except Exception as error:  # noqa: BLE001 - reported, then the run fails
                crashed.append(f"{threading.current_thread().name}: {error!r}")
                stop.set()
                raise
        return threading.Thread(target=run)

    threads = []
    interval = args.makers / args.rate
    for i in range(args.makers):
        threads.append(guarded(token_maker, args.port, journal, stop, i, interval, args.seed))
    for username, password, counter in OPERATORS:
        operator = Operator(args.port, journal, stop, username, password, counter, args.think)
        threads.append(guarded(operator.run))
    threads.append(guarded(queue_reader, args.port, journal, stop, 0.5))
    for thread in threads:
        thread.start()
    stop.wait(args.max_seconds)
    stop.set()
    for thread in threads:
        thread.join(REQUEST_TIMEOUT + 5)
    journal.close()
    for line in crashed:
        print(f"error: a client thread failed: {line}", file=sys.stderr)
    return 1 if crashed else 0


# ---------------------------------------------------------------------------------------------
# check


def read_tsv(path):
    try:
        with open(path, encoding="utf-8") as f:
            return [line.rstrip("\n").split("\t") for line in f if line.strip()]
    except FileNotFoundError:
        return []


class Windows:
    """Fault windows from chaos.sh: cycle, fault, opened, injected (the fault's own action done:
    restarted, flushed, resumed), closed (/readyz 200 and the live queue ready; empty if never)."""

    def __init__(self, path, end_time):
        self.rows = []
        for cycle, fault, opened, injected, closed in read_tsv(path):
            self.rows.append({"cycle": int(cycle), "fault": fault, "opened": float(opened),
                              "injected": float(injected),
                              "closed": float(closed) if closed else None})
        self.end_time = end_time

    def match(self, t0, t1, grace):
        """The window a request from t0 to t1 overlaps once its close is extended by grace, and
        how long after the close itself the request was sent (0 when it overlapped the window);
        (None, None) when it overlaps none."""
        for w in self.rows:
            closed = w["closed"] if w["closed"] is not None else self.end_time
            if t0 <= closed + grace and t1 >= w["opened"]:
                return w, max(0.0, t0 - closed)
        return None, None


class Psql:
    def __init__(self, pg_bin, port):
        self.base = [f"{pg_bin}/psql", "-h", "127.0.0.1", "-p", str(port), "-U", "postgres",
                     "-d", "nextup", "-v", "ON_ERROR_STOP=1", "-qtAX", "-F", "\t"]

    def rows(self, sql):
        out = subprocess.run(self.base + ["-c", sql], check=True, capture_output=True,
                             text=True, timeout=120).stdout
        return [line.split("\t") for line in out.splitlines() if line]


def redis_cli(port, *command):
    out = subprocess.run(["redis-cli", "-p", str(port), *command], check=True,
                         capture_output=True, text=True, timeout=30).stdout
    return [line for line in out.splitlines() if line]


class Report:
    def __init__(self):
        self.results = []

    def judge(self, ok, title, detail):
        self.results.append((ok, title, detail))

    @property
    def failed(self):
        return any(not ok for ok, _, _ in self.results)

    def print(self):
        print("Invariants:")
        for ok, title, detail in self.results:
            print(f"  {'PASS' if ok else 'FAIL'}  {title}")
            for line in detail:
                print(f"        {line}")


def sample(items, n=5):
    items = list(items)
    if not items:
        return "none"
    more = f" … ({len(items)} in all)" if len(items) > n else ""
    return ", ".join(map(str, items[:n])) + more


def wait_ready(port, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/readyz")
            if conn.getresponse().status == 200:
                conn.close()
                return True
            conn.close()
        except (OSError, http.client.HTTPException):
            pass
        time.sleep(0.1)
    return False


def live_snapshot(port):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=REQUEST_TIMEOUT)
    conn.request("GET", "/api/queues")
    response = conn.getresponse()
    body = json.loads(response.read())
    conn.close()
    if response.status != 200:
        raise RuntimeError(f"GET /api/queues answered {response.status}: {body}")
    return body


def compare_live(report, args, psql):
    """GET /api/queues and Redis' own lines against Postgres, all at rest."""
    queues = live_snapshot(args.port)
    waiting = collections.defaultdict(set)
    for token_id, service in psql.rows(
            "SELECT id, service_id FROM tokens WHERE status = 'waiting'"):
        waiting[int(service)].add(int(token_id))
    current = {int(c): int(t) for c, t in psql.rows(
        "SELECT counter_id, id FROM tokens WHERE status IN ('called', 'serving')"
        " AND counter_id IS NOT NULL")}
    problems = []
    for service in queues["services"]:
        sid = service["id"]
        listed = {t["id"] for t in service["tokens"]}
        in_redis = {int(m) for m in redis_cli(args.redis_port, "ZRANGE", f"nx:q:{sid}", "0", "-1")}
        expected = waiting.get(sid, set())
        if service["waiting"] != len(expected):
            problems.append(f"service {sid}: /api/queues waiting {service['waiting']}, "
                            f"Postgres {len(expected)}")
        if listed != expected:
            problems.append(f"service {sid}: /api/queues tokens differ from Postgres: only listed "
                            f"{sample(listed - expected)}; only in Postgres "
                            f"{sample(expected - listed)}")
        if in_redis != expected:
            problems.append(f"service {sid}: Redis line nx:q:{sid} differs from Postgres: only in "
                            f"Redis {sample(in_redis - expected)}; only in Postgres "
                            f"{sample(expected - in_redis)}")
    for counter in queues["counters"]:
        cid = counter["id"]
        shown = (counter.get("current_token") or {}).get("id")
        if shown != current.get(cid):
            problems.append(f"counter {cid}: /api/queues current token {shown}, "
                            f"Postgres {current.get(cid)}")
        in_redis = redis_cli(args.redis_port, "GET", f"nx:cur:{cid}")
        redis_current = int(in_redis[0]) if in_redis else None
        if redis_current != current.get(cid):
            problems.append(f"counter {cid}: Redis nx:cur:{cid} = {redis_current}, "
                            f"Postgres {current.get(cid)}")
    total = sum(len(v) for v in waiting.values())
    report.judge(not problems, "GET /api/queues (and Redis' lines and current tokens) equal "
                 "Postgres at rest",
                 problems or [f"{total} waiting: " + ", ".join(
                     f"service {s} {len(waiting.get(s, ()))}" for s in SERVICES) +
                     f"; {len(current)} token(s) at counters"])
    return {sid: set(ids) for sid, ids in waiting.items()}, set(current.values())


def drain(report, args, psql, waiting_before, at_counters_before):
    """Every counter calls (and serves and completes) until queue_empty."""
    stop = threading.Event()
    journal = Journal(args.dir, "drain-", 10 ** 6, stop)
    total = sum(len(v) for v in waiting_before.values()) + len(at_counters_before)
    budget = 4 * total + 200
    deadline = time.monotonic() + 120 + total * 0.05
    operators = [Operator(args.port, journal, stop, u, p, c, 0) for u, p, c in OPERATORS]
    outcome = {}

    def run(operator):
        outcome[operator.counter_id] = operator.drain(budget, deadline)

    threads = [threading.Thread(target=run, args=(o,)) for o in operators]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    journal.close()
    drained = {int(r[3]) for r in read_tsv(f"{args.dir}/drain-actions.tsv") if r[1] == "call"}
    left = psql.rows(
        "SELECT id, status FROM tokens WHERE status IN ('waiting', 'called', 'serving')")
    # Nothing in this run skips, cancels or books: every token it wrote ends completed.
    unfinished = psql.rows("SELECT status, count(*) FROM tokens WHERE id > "
                           f"{args.baseline} AND status <> 'completed' GROUP BY status")
    expected = set().union(*waiting_before.values()) if waiting_before else set()
    problems = []
    if not all(outcome.values()):
        problems.append("a counter did not reach queue_empty within its bounds: "
                        + ", ".join(f"counter {c}" for c, ok in outcome.items() if not ok))
    if left:
        problems.append(f"Postgres still has {len(left)} token(s) waiting, called or serving: "
                        + sample(f"{i} {s}" for i, s in left))
    if unfinished:
        problems.append("tokens of the run that did not end completed: "
                        + ", ".join(f"{status} {n}" for status, n in unfinished))
    if drained != expected:
        problems.append(f"calls during the drain differ from what Postgres had waiting: called but "
                        f"not listed {sample(drained - expected)}; listed but not called "
                        f"{sample(expected - drained)}")
    report.judge(not problems, "draining every counter until queue_empty empties what Postgres "
                 "said was waiting",
                 problems or [f"{len(drained)} called (all {len(expected)} that Postgres listed), "
                              f"{len(at_counters_before)} at counters finished; every token of the "
                              "run completed"])
    return len(drained)


def check_history(report, psql, baseline, acknowledged, client_calls):
    tokens = {}
    for tid, service, day, number, label, status, counter in psql.rows(
            "SELECT id, service_id, business_date, number, token_number, status,"
            f" coalesce(counter_id, 0) FROM tokens WHERE id > {baseline}"):
        tokens[int(tid)] = (int(service), day, int(number), label, status, int(counter))
    events = collections.defaultdict(list)
    for tid, event, from_status, to_status, counter in psql.rows(
            "SELECT token_id, event, from_status, to_status, coalesce(counter_id, 0)"
            f" FROM token_events WHERE token_id > {baseline} ORDER BY token_id, id"):
        events[int(tid)].append((event, from_status, to_status, int(counter)))

    # 1. Every acknowledged token exists, with the number and service the client was given.
    missing = [t for t in acknowledged if t[0] not in tokens]
    wrong = [t for t in acknowledged
             if t[0] in tokens and (tokens[t[0]][0] != t[1] or tokens[t[0]][3] != t[2])]
    report.judge(not missing and not wrong, "every acknowledged token (201) exists in Postgres",
                 ([f"missing: {sample(t[0] for t in missing)}"] if missing else []) +
                 ([f"other number or service: {sample(wrong)}"] if wrong else []) or
                 [f"{len(acknowledged)} of {len(acknowledged)} found with their number and "
                  f"service ({len(tokens)} tokens written in all)"])

    # 2. No token called twice or at two counters; every history a valid chain ending in the row.
    problems = []
    for tid, trail in events.items():
        calls = sum(1 for e in trail if e[0] == "called")
        counters = {e[3] for e in trail if e[3]}
        if calls > 1:
            problems.append(f"token {tid} called {calls} times")
        if len(counters) > 1:
            problems.append(f"token {tid} at counters {sorted(counters)}")
        previous = None
        for event, from_status, to_status, _ in trail:
            if (from_status or None) != previous:
                problems.append(f"token {tid}: {event} from {from_status or 'nothing'} after "
                                f"{previous or 'nothing'}")
            previous = to_status
        if tid in tokens and previous != tokens[tid][4]:
            problems.append(f"token {tid}: status {tokens[tid][4]}, last event to {previous}")
    no_history = [t for t in tokens if t not in events]
    if no_history:
        problems.append(f"tokens without events: {sample(no_history)}")
    twice = [t for t, n in collections.Counter(t for _, t in client_calls).items() if n > 1]
    if twice:
        problems.append(f"tokens answered by two calls: {sample(twice)}")
    elsewhere = [(c, t) for c, t in client_calls if t in tokens and tokens[t][5] != c]
    if elsewhere:
        problems.append(f"called at one counter, recorded at another: {sample(elsewhere)}")
    report.judge(not problems, "no token called twice or at two counters (token_events, "
                 "the calls the client saw); every history is an unbroken chain",
                 problems[:10] or [f"{len(events)} tokens, {sum(map(len, events.values()))} "
                                   f"events, {len(client_calls)} calls answered"])

    # 3. Numbers unique per service and business day (Postgres, and the 201 answers).
    per_day = collections.defaultdict(list)
    for service, day, number, *_ in tokens.values():
        per_day[(service, day)].append(number)
    duplicates = [(k, n) for k, numbers in per_day.items()
                  for n, c in collections.Counter(numbers).items() if c > 1]
    labels = collections.Counter((t[1], tokens[t[0]][1] if t[0] in tokens else "?", t[2])
                                 for t in acknowledged)
    twice_given = [k for k, c in labels.items() if c > 1]
    gaps = sum(max(numbers) - len(set(numbers)) for numbers in per_day.values())
    report.judge(not duplicates and not twice_given,
                 "token numbers unique per service and business day",
                 ([f"in Postgres: {sample(duplicates)}"] if duplicates else []) +
                 ([f"given twice: {sample(twice_given)}"] if twice_given else []) or
                 [f"{len(tokens)} numbers on {len(per_day)} service-days; "
                  f"{gaps} number(s) skipped (information: a number reserved for a request that "
                  "then failed is not reused)"])
    return tokens


def check_answers(report, windows, requests, drain_requests, grace):
    """5xx must be 503; a 503 or no answer must overlap a fault window (none is open during the
    drain). Returns the load's statuses, and the failed answers inside windows by fault."""
    statuses = collections.Counter(int(r[5]) for r in requests)
    inside = collections.defaultdict(collections.Counter)  # fault -> "503 code" -> count
    late = []  # seconds after a window closed, for answers inside only thanks to the grace
    wrong = []
    for r, during_load in [(r, True) for r in requests] + [(r, False) for r in drain_requests]:
        status, code = int(r[5]), r[6]
        if status >= 500 and status != 503:
            wrong.append(r)
        elif status in (0, 503):
            window, after_close = (windows.match(float(r[0]), float(r[1]), grace)
                                   if during_load else (None, None))
            if window is None:
                wrong.append(r)
                continue
            inside[window["fault"]][f"{status or 'no answer'} {code}"] += 1
            if after_close > 0:
                late.append(after_close)
    total = sum(sum(c.values()) for c in inside.values())
    report.judge(not wrong,
                 f"5xx only 503, and 503 or no answer only inside fault windows (+{grace:g} s)",
                 [f"{r[5] if r[5] != '0' else 'no answer'} {r[6]} for {r[3]} {r[4]} by {r[2]} "
                  f"at {float(r[0]):.3f}" for r in wrong[:10]] or
                 [f"{total} inside windows; {len(late)} of them sent after a window closed, within"
                  f" the grace" + (f" (at most {max(late):.2f} s after)" if late else "")])
    return statuses, inside


def check(args):
    report = Report()
    end_time = time.time()
    windows = Windows(f"{args.dir}/windows.tsv", end_time)
    requests = read_tsv(f"{args.dir}/requests.tsv")
    actions = read_tsv(f"{args.dir}/actions.tsv")
    acknowledged = [(int(a[3]), int(a[2]), a[4]) for a in actions if a[1] == "issued"]
    client_calls = [(int(a[2]), int(a[3])) for a in actions if a[1] == "call"]
    completed_in_run = sum(1 for a in actions if a[1] == "complete")
    psql = Psql(args.pg_bin, args.pg_port)

    if not wait_ready(args.port, 30):
        print("error: the server is not ready after the load; no checks run", file=sys.stderr)
        return 1
    waiting_before, at_counters = compare_live(report, args, psql)
    drained = drain(report, args, psql, waiting_before, at_counters)
    check_history(report, psql, args.baseline, acknowledged, client_calls)
    drain_requests = read_tsv(f"{args.dir}/drain-requests.tsv")
    statuses, codes_in = check_answers(report, windows, requests, drain_requests, args.grace)

    recovered = [w for w in windows.rows if w["closed"] is not None]
    unrecovered = [w for w in windows.rows if w["closed"] is None]
    slow = [w for w in recovered if w["closed"] - w["injected"] > args.recovery_limit]
    report.judge(len(windows.rows) == args.cycles and not unrecovered and not slow,
                 f"every fault recovered by itself within {args.recovery_limit:g} s",
                 [f"cycle {w['cycle']} {w['fault']}: not recovered" for w in unrecovered] +
                 [f"cycle {w['cycle']} {w['fault']}: {w['closed'] - w['injected']:.2f} s"
                  for w in slow] +
                 ([f"{len(windows.rows)} of {args.cycles} cycles ran"]
                  if len(windows.rows) != args.cycles else []) or
                 [f"{len(recovered)} of {args.cycles} cycles"])

    # Summary.
    faults = collections.Counter(w["fault"] for w in windows.rows)
    print()
    cycles = len(windows.rows)
    print(f"Fault campaign: {cycles} cycle{'s' if cycles != 1 else ''}, seed {args.seed}, "
          f"load {args.load_seconds:.0f} s")
    print("  faults: " + ", ".join(f"{f} {faults.get(f, 0)}" for f in args.faults.split(",")))
    if recovered:
        worst = max(recovered, key=lambda w: w["closed"] - w["injected"])
        per_fault = collections.defaultdict(float)
        for w in recovered:
            per_fault[w["fault"]] = max(per_fault[w["fault"]], w["closed"] - w["injected"])
        print(f"  recovery (fault done -> /readyz 200 and the live queue ready): max "
              f"{worst['closed'] - worst['injected']:.2f} s (cycle {worst['cycle']}, "
              f"{worst['fault']}); per fault max: "
              + ", ".join(f"{f} {per_fault[f]:.2f} s" for f in args.faults.split(",")
                          if f in per_fault))
        open_total = sum(w["closed"] - w["opened"] for w in recovered)
        print(f"  fault windows: {open_total:.1f} s in all, longest "
              f"{max(w['closed'] - w['opened'] for w in recovered):.2f} s")
    print(f"  requests during the load: {len(requests)} ("
          + ", ".join(f"{'no answer' if s == 0 else s} {n}" for s, n in sorted(statuses.items()))
          + f"); during the drain: {len(drain_requests)}")
    print(f"  tokens acknowledged {len(acknowledged)}, served (completed) under load "
          f"{completed_in_run}, drained at the end {drained}")
    failed = collections.Counter()
    for counts in codes_in.values():
        failed.update(counts)
    print("  503 and no answer inside fault windows: "
          + (", ".join(f"{k.strip()} {v}" for k, v in sorted(failed.items())) or "none"))
    for fault in args.faults.split(","):
        if codes_in.get(fault):
            print(f"    {fault}: " + ", ".join(f"{k.strip()} {v}"
                                               for k, v in sorted(codes_in[fault].items())))
    report.print()
    print("RESULT " + ("FAIL" if report.failed else "PASS"))
    return 1 if report.failed else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="mode", required=True)
    load = sub.add_parser("load", help="create and serve tokens until SIGTERM")
    load.add_argument("--port", type=int, required=True)
    load.add_argument("--dir", required=True)
    load.add_argument("--rate", type=float, default=20, help="tokens a second in all")
    load.add_argument("--makers", type=int, default=3, help="customer threads")
    load.add_argument("--think", type=float, default=0.05, help="operator pause between steps, s")
    load.add_argument("--seed", type=int, default=1)
    load.add_argument("--max-seconds", type=float, default=3600)
    load.add_argument("--max-requests", type=int, default=1_000_000)
    chk = sub.add_parser("check", help="judge the invariants after the load stopped")
    chk.add_argument("--port", type=int, required=True)
    chk.add_argument("--dir", required=True)
    chk.add_argument("--pg-bin", required=True)
    chk.add_argument("--pg-port", type=int, required=True)
    chk.add_argument("--redis-port", type=int, required=True)
    chk.add_argument("--baseline", type=int, required=True, help="largest token id before the run")
    chk.add_argument("--cycles", type=int, required=True)
    chk.add_argument("--faults", required=True, help="comma-separated fault names")
    chk.add_argument("--grace", type=float, default=1.0)
    chk.add_argument("--recovery-limit", type=float, default=30)
    chk.add_argument("--seed", type=int, default=1)
    chk.add_argument("--load-seconds", type=float, default=0)
    args = parser.parse_args()
    return run_load(args) if args.mode == "load" else check(args)


if __name__ == "__main__":
    sys.exit(main())
