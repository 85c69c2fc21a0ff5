#!/usr/bin/env bash
# Checks the two nginx sites: packaging/nginx/nextup.conf (TLS, on a host) and
# packaging/docker/nginx-compose.conf (plain HTTP, in compose). Installs nginx-light, openssl and
# curl with apt-get when missing. Exit 0 only when every check passed. Runs as root or not; binds
# loopback ports only and leaves nothing running.
#
# 1. Rules, read from each file: no log_format uses $request, $request_uri, $args, $arg_*,
#    $query_string, $is_args, $request_body or $http_referer; every server block logs with that
#    format (a block without access_log inherits nginx.conf's `combined`, which has $request);
#    /metrics is denied; proxied locations set Host, X-Forwarded-For, X-Forwarded-Proto and
#    X-Request-Id; the WebSocket location has read and send timeouts; body and header limits are
#    the server's; and both files agree on all of that.
# 2. `nginx -t` on each site, inside a throwaway main config that logs `combined` at the http level
#    as Debian's and the nginx image's nginx.conf do. nginx resolves upstream names when it loads,
#    and server-a/server-b exist only on compose's network: the test copy points the upstream at
#    a stub on 127.0.0.1, moves `listen` to free loopback ports, the certificate to a throwaway
#    self-signed one and the logs to a temp folder. Nothing else in the copy changes, and the
#    upstream's names themselves are checked against compose.yaml by check-compose.sh.
# 3. That copy is started with a stub upstream (python3) that records what it receives, and curl
#    checks: forwarded headers (a client's forged X-Forwarded-For replaced), WebSocket upgrade
#    headers, /metrics (also as //metrics, /%6Detrics, /metrics?x) refused without reaching the
#    upstream, 413 above 64 KiB, a status request's ?secret= reaching the upstream but no log,
#    and no log holding it after a 502 (upstream down) either.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
HOST_SITE="$ROOT/packaging/nginx/nextup.conf"
COMPOSE_SITE="$ROOT/packaging/docker/nginx-compose.conf"
TMP=$(mktemp -d)
chmod 755 "$TMP"
NGINX_PIDS=()
STUB_PID=""

cleanup() {
    local pid
    for pid in "${NGINX_PIDS[@]}"; do kill -QUIT "$pid" 2>/dev/null || true; done
    [[ -n $STUB_PID ]] && kill "$STUB_PID" 2>/dev/null || true
    sleep 0.3
    rm -rf "$TMP"
}
trap cleanup EXIT

# shellcheck source=packaging/checklib.sh
source "$(dirname "${BASH_SOURCE[0]}")/checklib.sh"

# ---- 1. rules ---------------------------------------------------------------------------------
check_rules() {
    step "Rules in both sites"
    if /usr/bin/python3 - "$HOST_SITE" "$COMPOSE_SITE" <<'EOF'; then
import re, sys

def tokens(text):
    text = re.sub(r"(?m)(^|\s)#.*$", r"\1", text)
    for m in re.finditer(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|[{};]|[^\s{};]+", text):
        yield m.group(0)

def parse(text):
    """A list of (name, args, children or None)."""
    stack, current, words = [], [], []
    for tok in tokens(text):
        if tok == ";":
            current.append((words[0], words[1:], None)); words = []
        elif tok == "{":
            block = []
            current.append((words[0], words[1:], block)); words = []
            stack.append(current); current = block
        elif tok == "}":
            current = stack.pop()
        else:
            words.append(tok.strip("'\"") if tok[0] in "'\"" else tok)
    return current

FORBIDDEN = re.compile(r"\$(request(?![_a-z])|request_uri|request_body|args|arg_\w+|query_string|is_args|http_referer)\b")
problems = []
summary = {}

for path in sys.argv[1:]:
    name = path.split("/")[-1]
    tree = parse(open(path).read())
    formats = {}
    for d, args, _ in tree:
        if d == "log_format":
            fmt = " ".join(args[1:])
            formats[args[0]] = fmt
            bad = FORBIDDEN.findall(fmt)
            if bad:
                problems.append(f"{name}: log_format {args[0]} uses {', '.join('$' + b for b in bad)}")
    if not formats:
        problems.append(f"{name}: defines no log_format")
    servers = [children for d, _, children in tree if d == "server"]
    if not servers:
        problems.append(f"{name}: no server block")
    facts = {}
    for i, server in enumerate(servers):
        logs = [args for d, args, _ in server if d == "access_log"]
        if not logs:
            problems.append(f"{name}: server block {i + 1} has no access_log (would inherit `combined`, with $request)")
        for args in logs:
            if args[0] != "off" and (len(args) < 2 or args[1] not in formats):
                problems.append(f"{name}: server block {i + 1} logs with {args[1:] or 'the default format'}, not a query-free one")
        locations = {" ".join(args): children for d, args, children in server if d == "location"}
        direct = {d: args for d, args, _ in server if d != "location"}
        if "return" in direct and not locations:
            continue            # the http -> https redirect
        metrics = locations.get("= /metrics")
        if metrics is None or ("deny", ["all"], None) not in metrics:
            problems.append(f"{name}: no `location = /metrics {{ deny all; }}`")
        for key, want in (("client_max_body_size", ["64k"]), ("large_client_header_buffers", ["4", "16k"])):
            if direct.get(key) != want:
                problems.append(f"{name}: {key} is {direct.get(key)}, expected {' '.join(want)}")
        facts["limits"] = {k: direct.get(k) for k in ("client_max_body_size", "client_header_buffer_size",
                           "large_client_header_buffers", "client_body_timeout", "client_header_timeout", "keepalive_timeout")}
        for loc, children in locations.items():
            if not any(d == "proxy_pass" for d, _, _ in children):
                continue
            headers = {args[0].lower(): " ".join(args[1:]) for d, args, _ in children if d == "proxy_set_header"}
            for h, v in (("host", "$host"), ("x-forwarded-for", "$remote_addr"), ("x-forwarded-proto", "$scheme")):
                if headers.get(h) != v:
                    problems.append(f"{name}: location {loc}: proxy_set_header {h} is {headers.get(h)!r}, expected {v}")
            if "x-request-id" not in headers:
                problems.append(f"{name}: location {loc}: no X-Request-Id header")
            settings = {d: args for d, args, _ in children if d != "proxy_set_header"}
            if loc == "/ws/queues":
                for key in ("proxy_read_timeout", "proxy_send_timeout"):
                    if key not in settings:
                        problems.append(f"{name}: location /ws/queues has no {key}")
                if "upgrade" not in headers or "connection" not in headers:
                    problems.append(f"{name}: location /ws/queues does not pass Upgrade/Connection")
            facts[loc] = (sorted(headers.items()), sorted((k, tuple(v)) for k, v in settings.items()))
    summary[name] = facts

names = list(summary)
if len(names) == 2 and summary[names[0]] != summary[names[1]]:
    a, b = summary[names[0]], summary[names[1]]
    for key in sorted(set(a) | set(b)):
        if a.get(key) != b.get(key):
            problems.append(f"{names[0]} and {names[1]} differ in {key}: {a.get(key)} vs {b.get(key)}")

for p in problems:
    print(f"    FAIL: {p}", file=sys.stderr)
sys.exit(1 if problems else 0)
EOF
        pass "query-free log formats in every server block, /metrics denied, forwarded headers, WebSocket timeouts, limits; both sites agree"
    else
        fail "rules (above)"
    fi
}

# ---- 2. nginx -t on a test copy ---------------------------------------------------------------
STUB_PORT=""

# site_copy SOURCE NAME HTTP_PORT [HTTPS_PORT]: the test copy of a site, as described above.
site_copy() {
    local source=$1 name=$2 http_port=$3 https_port=${4:-0}
    mkdir -p "$TMP/$name/logs"
    /usr/bin/python3 - "$source" "$TMP/$name" "$http_port" "$https_port" "$STUB_PORT" <<'EOF'
import re, sys
source, out, http_port, https_port, stub = sys.argv[1:]
text = open(source).read()
text = re.sub(r"(?m)^(\s*)listen \[::\]:\d+[^;]*;\n", "", text)
text = re.sub(r"(?m)^(\s*)listen 80;", rf"\1listen 127.0.0.1:{http_port};", text)
text = re.sub(r"(?m)^(\s*)listen 443 ", rf"\1listen 127.0.0.1:{https_port} ", text)
text = re.sub(r"(?m)^(\s*server\s+)[\w.-]+:\d+", rf"\g<1>127.0.0.1:{stub}", text)
text = re.sub(r"ssl_certificate\s+\S+;", f"ssl_certificate {out}/cert.pem;", text)
text = re.sub(r"ssl_certificate_key\s+\S+;", f"ssl_certificate_key {out}/key.pem;", text)
text = re.sub(r"/var/log/nginx/", f"{out}/logs/", text)
open(f"{out}/site.conf", "w").write(text)
open(f"{out}/nginx.conf", "w").write(f"""
pid {out}/nginx.pid;
error_log {out}/logs/main-error.log;
events {{ worker_connections 64; }}
http {{
    # As in Debian's and the nginx image's nginx.conf: a default log with $request.
    access_log {out}/logs/http-combined.log combined;
    client_body_temp_path {out}/tmp-body;
    proxy_temp_path {out}/tmp-proxy;
    fastcgi_temp_path {out}/tmp-fastcgi;
    uwsgi_temp_path {out}/tmp-uwsgi;
    scgi_temp_path {out}/tmp-scgi;
    include {out}/site.conf;
}}
""")
EOF
    if [[ $https_port != 0 ]]; then
        openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=nextup.test \
            -keyout "$TMP/$name/key.pem" -out "$TMP/$name/cert.pem" 2>/dev/null
    fi
}

nginx_test() {
    local name=$1
    if nginx -t -q -p "$TMP/$name/" -c "$TMP/$name/nginx.conf" 2>"$TMP/$name/nginx-t.txt"; then
        pass "nginx -t: $name"
    else
        cat "$TMP/$name/nginx-t.txt" >&2
        fail "nginx -t: $name"
        return 1
    fi
}

# ---- 3. requests through a running copy ---------------------------------------------------------
start_stub() {
    cat >"$TMP/stub.py" <<'EOF'
import http.server, json, sys
log = open(sys.argv[2], "a", buffering=1)
class Stub(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def answer(self):
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        log.write(json.dumps({"path": self.path, "headers": {k.lower(): v for k, v in self.headers.items()}}) + "\n")
        body = b'{"ok":true}'
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
    do_GET = do_POST = answer
    def log_message(self, *args):
        pass
http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Stub).serve_forever()
EOF
    /usr/bin/python3 "$TMP/stub.py" "$STUB_PORT" "$TMP/stub.jsonl" &
    STUB_PID=$!
    local i
    for ((i = 0; i < 50; i++)); do
        (exec 3<>"/dev/tcp/127.0.0.1/$STUB_PORT") 2>/dev/null && return 0
        sleep 0.1
    done
    fail "the stub upstream did not start"
    return 1
}

start_nginx() {
    local name=$1
    nginx -p "$TMP/$name/" -c "$TMP/$name/nginx.conf"
    local i
    for ((i = 0; i < 50; i++)); do
        [[ -s $TMP/$name/nginx.pid ]] && break
        sleep 0.1
    done
    NGINX_PIDS+=("$(cat "$TMP/$name/nginx.pid")")
}

# Last request the stub saw, as JSON.
last_seen() { tail -n1 "$TMP/stub.jsonl"; }
seen_field() { last_seen | /usr/bin/python3 -c "import json,sys; d=json.load(sys.stdin); print(eval(sys.argv[1]))" "$1"; }

status_of() { curl -ks -o /dev/null -w '%{http_code}' "$@"; }

expect_status() {
    local want=$1 what=$2
    shift 2
    local got
    got=$(status_of "$@")
    if [[ $got == "$want" ]]; then pass "$what: $got"; else fail "$what: $got, expected $want"; fi
}

request_checks() {
    local name=$1 base=$2 proto=$3
    step "Requests through $name ($base)"
    : >"$TMP/stub.jsonl"

    expect_status 200 "GET /healthz proxied" -H 'Host: nextup.test' -H 'X-Forwarded-For: 203.0.113.66' "$base/healthz"
    [[ $(seen_field 'd["headers"].get("host")') == nextup.test ]] && pass "Host passed on" || fail "Host not passed on: $(last_seen)"
    [[ $(seen_field 'd["headers"].get("x-forwarded-for")') == 127.0.0.1 ]] &&
        pass "X-Forwarded-For is the peer (a forged one replaced)" || fail "X-Forwarded-For: $(last_seen)"
    [[ $(seen_field 'd["headers"].get("x-forwarded-proto")') == "$proto" ]] &&
        pass "X-Forwarded-Proto $proto" || fail "X-Forwarded-Proto: $(last_seen)"
    [[ $(seen_field 'd["headers"].get("x-request-id", "")') =~ ^[0-9a-f]{32}$ ]] &&
        pass "X-Request-Id made by nginx" || fail "X-Request-Id: $(last_seen)"
    status_of -H 'X-Request-Id: check-nginx-42' "$base/healthz" >/dev/null
    [[ $(seen_field 'd["headers"].get("x-request-id")') == check-nginx-42 ]] &&
        pass "a caller's X-Request-Id kept" || fail "caller's X-Request-Id: $(last_seen)"

    # HTTP/1.1 as browsers do for WebSockets (over HTTP/2 a request has no Upgrade header).
    status_of --http1.1 -H 'Upgrade: websocket' -H 'Connection: Upgrade' "$base/ws/queues" >/dev/null
    [[ $(seen_field 'd["headers"].get("upgrade")') == websocket &&
        $(seen_field 'd["headers"].get("connection")') == upgrade ]] &&
        pass "WebSocket Upgrade/Connection passed on" || fail "WebSocket headers: $(last_seen)"

    local before after path
    before=$(wc -l <"$TMP/stub.jsonl")
    for path in /metrics //metrics /%6Detrics '/metrics?format=x' /metrics/../metrics; do
        expect_status 403 "GET $path refused" --path-as-is "$base$path"
    done
    after=$(wc -l <"$TMP/stub.jsonl")
    ((after == before)) && pass "no /metrics request reached the upstream" || fail "a /metrics request reached the upstream: $(last_seen)"

    head -c 70000 /dev/zero >"$TMP/big.bin"
    expect_status 413 "POST 70000-byte body" -X POST --data-binary @"$TMP/big.bin" "$base/api/tokens"
    local big_header
    big_header=$(head -c 17000 /dev/zero | tr '\0' a)
    # Over HTTP/1.1. Over HTTP/2 nginx counts a header's HPACK-compressed size against the same
    # 16 KiB, so a longer plain header can pass: the server's own 16 KiB limit (431) stays behind it.
    expect_status 400 "17000-byte header (HTTP/1.1)" --http1.1 -H "X-Big: $big_header" "$base/healthz"

    expect_status 200 "status with ?secret=" "$base/api/tokens/7/status?secret=S3CRET-PROXIED-$name"
    [[ $(seen_field 'd["path"]') == "/api/tokens/7/status?secret=S3CRET-PROXIED-$name" ]] &&
        pass "the query reaches the server" || fail "query not passed on: $(last_seen)"
}

# With the stub stopped: a 502 must not write the secret anywhere either.
upstream_down_checks() {
    local name=$1 base=$2
    expect_status 502 "status with ?secret= while the upstream is down" "$base/api/tokens/8/status?secret=S3CRET-DOWN-$name"
}

check_logs() {
    local name=$1
    local logs=("$TMP/$name"/logs/*)
    if grep -l "S3CRET" "${logs[@]}" >/dev/null 2>&1; then
        grep -n "S3CRET" "${logs[@]}" >&2
        fail "$name: a secret reached a log (above)"
    else
        pass "$name: no log holds a ?secret= ($(cat "${logs[@]}" | wc -l) log lines in ${#logs[@]} files)"
    fi
    if grep -q '"GET /api/tokens/7/status HTTP' "$TMP/$name/logs/"*access*; then
        pass "$name: the access log has the path alone"
    else
        fail "$name: the status request is missing from the access log"
    fi
}

main() {
    step "Tools"
    command -v nginx >/dev/null || apt_install nginx-light
    apt_install openssl curl
    nginx -v 2>&1 | sed 's/^/    /'

    check_rules

    step "nginx -t on test copies"
    STUB_PORT=$(free_port)
    local host_http host_https compose_http
    host_http=$(free_port) host_https=$(free_port) compose_http=$(free_port)
    site_copy "$HOST_SITE" host "$host_http" "$host_https"
    site_copy "$COMPOSE_SITE" compose "$compose_http"
    nginx_test host || true
    nginx_test compose || true
    if ((failures)); then
        echo "check-nginx: $failures check(s) FAILED" >&2
        exit 1
    fi

    start_stub
    start_nginx host
    start_nginx compose
    request_checks "nextup.conf" "https://127.0.0.1:$host_https" https
    expect_status 301 "nextup.conf: http:// redirects to https://" \
        "http://127.0.0.1:$host_http/api/tokens/7/status?secret=S3CRET-REDIRECT"
    request_checks "nginx-compose.conf" "http://127.0.0.1:$compose_http" http
    expect_status 200 "nginx-compose.conf: /nginx-health from inside" "http://127.0.0.1:$compose_http/nginx-health"

    step "Upstream down"
    kill "$STUB_PID" && wait "$STUB_PID" 2>/dev/null || true
    STUB_PID=""
    upstream_down_checks host "https://127.0.0.1:$host_https"
    upstream_down_checks compose "http://127.0.0.1:$compose_http"

    step "Logs"
    # nginx writes access logs as requests end; quit flushes and closes them.
    local pid
    for pid in "${NGINX_PIDS[@]}"; do kill -QUIT "$pid" 2>/dev/null || true; done
    for pid in "${NGINX_PIDS[@]}"; do
        for ((i = 0; i < 50; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    done
    NGINX_PIDS=()
    check_logs host
    check_logs compose

    echo
    if ((failures)); then
        echo "check-nginx: $failures check(s) FAILED" >&2
        exit 1
    fi
    echo "check-nginx: all checks passed"
}

main "$@"
