#!/usr/bin/env bash
# A server crash at an exact point between its two stores, then a restart: does the live queue
# (Redis) still agree with Postgres? chaos.sh kills the server at random moments and almost never
# lands in these gaps (microseconds wide); here gdb stops the server there and kills it:
#   issue  POST /api/tokens: the tokens INSERT has committed, Redis has not enqueued the token yet
#          (breakpoint Nextup::RedisLine::join)
#   call   POST /api/counters/:id/call: Redis has taken the token from its line, Postgres has not
#          yet marked it called (breakpoint Nextup::StoredRecords::change)
# After the restart (and more than the server's 2-second queue check) it compares Redis' line and
# the counter's current token with Postgres, then calls until queue_empty: every token Postgres
# has waiting must be called. Exit status 1 when a crash point leaves them apart.
#
# Both points left the stores apart until the server rebuilt its live queue at every start
# (Application::start); CTest runs this as chaos_crashpoint. It needs gdb and ptrace, and the
# breakpoints name internal functions (rename them here when they move).
#
# Usage: tests/chaos/crashpoint.sh [issue|call]...   (both by default)
# Environment: NEXTUP_CHAOS_BUILD_DIR (<checkout>/build/ci), NEXTUP_CHAOS_PG_BIN.
# Everything listens on 127.0.0.1 and is stopped on exit (bench/lib.sh).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BUILD_DIR=${NEXTUP_CHAOS_BUILD_DIR:-$ROOT/build/ci}
# shellcheck disable=SC2034 # PG_BIN and DURABLE are read by bench/lib.sh
PG_BIN=${NEXTUP_CHAOS_PG_BIN:-/usr/lib/postgresql/15/bin}
SERVER_BIN=$BUILD_DIR/server/nextup-server
# shellcheck disable=SC2034
DURABLE=0
POINTS=("$@")
((${#POINTS[@]})) || POINTS=(issue call)
SERVICE=3 COUNTER=2 # Passbook, served by Counter B alone

# shellcheck source-path=SCRIPTDIR source=../../bench/lib.sh
source "$ROOT/bench/lib.sh"

trap cleanup EXIT
trap 'exit 130' INT TERM
ulimit -c 0 # no core files from gdb or the killed server

API=""
BEARER=""

post() { # path [json] -> the answer's body; HTTP status in $CODE
    local out
    out=$(curl -s -m 20 -w '\n%{http_code}' -XPOST "$API$1" -H "Authorization: Bearer $BEARER" \
        -H 'Content-Type: application/json' ${2:+-d "$2"}) || true
    CODE=${out##*$'\n'}
    BODY=${out%$'\n'*}
}

sign_in() {
    BEARER=$(curl -s -XPOST "$API/api/auth/login" -H 'Content-Type: application/json' \
        -d '{"username":"operator2","password":"operator123"}' | jq -r .access_token)
    post "/api/counters/$COUNTER/open"
    [[ $CODE == 200 ]] || die "open counter $COUNTER: $CODE $BODY"
}

restart_server() {
    wait "$SERVER_PID" 2>/dev/null || true
    WORKERS=$SERVER_WORKERS "$SERVER_BIN" serve >>"$STATE/server-w$SERVER_WORKERS.log" 2>&1 &
    SERVER_PID=$!
    local i
    for ((i = 0; i < 300; i++)); do
        curl -fs -m 2 -o /dev/null "$API/readyz" && return 0
        sleep 0.1
    done
    die "the server did not come back"
}

waiting_in_postgres() {
    psql_db -c "SELECT coalesce(string_agg(id::text, ' ' ORDER BY id), '') FROM tokens
                WHERE status = 'waiting' AND service_id = $SERVICE"
}
waiting_in_redis() {
    redis-cli -p "$REDIS_PORT" ZRANGE "nx:q:$SERVICE" 0 -1 | sed 's/^0*//' | sort -n | xargs
}
current_in_postgres() {
    psql_db -c "SELECT coalesce(string_agg(id::text, ' '), '') FROM tokens
                WHERE counter_id = $COUNTER AND status IN ('called', 'serving')"
}

# Serve whatever is at the counter and call until queue_empty; prints the tokens called.
drain() {
    local called=() i
    for ((i = 0; i < 50; i++)); do
        post "/api/counters/$COUNTER/call"
        if [[ $CODE == 409 && $(jq -r .error.code <<<"$BODY") == invalid_state ]]; then
            post "/api/counters/$COUNTER/serve"
            post "/api/counters/$COUNTER/complete"
            continue
        fi
        [[ $CODE == 200 ]] || break
        called+=("$(jq -r .token.id <<<"$BODY")")
        post "/api/counters/$COUNTER/serve"
        post "/api/counters/$COUNTER/complete"
    done
    echo "${called[*]}"
}

crash_at() { # point
    local point=$1 breakpoint request body=""
    case $point in
    issue)
        breakpoint=Nextup::RedisLine::join request=/api/tokens
        body="{\"service_id\":$SERVICE}"
        ;;
    call) breakpoint=Nextup::StoredRecords::change request="/api/counters/$COUNTER/call" ;;
    *) die "unknown crash point $point (issue or call)" ;;
    esac
    step "Crash point '$point': kill -9 at $breakpoint during POST $request"
    # A clean start: everything served, then two customers waiting.
    redis-cli -p "$REDIS_PORT" FLUSHALL >/dev/null # rebuilt from Postgres on the next request
    drain >/dev/null
    local i
    for i in 1 2; do
        post /api/tokens "{\"service_id\":$SERVICE}"
        [[ $CODE == 201 ]] || die "POST /api/tokens: $CODE $BODY"
    done
    info "before: Postgres waiting [$(waiting_in_postgres)], Redis line [$(waiting_in_redis)]"

    (cd "$STATE" && exec gdb -p "$SERVER_PID" -batch -ex "break $breakpoint" -ex continue \
        -ex "shell echo stopped at $breakpoint" -ex kill) >"$STATE/gdb-$point.log" 2>&1 &
    local gdb=$!
    for ((i = 0; i < 100; i++)); do # attached and the breakpoint set: the server runs again
        grep -q '^Breakpoint 1 at' "$STATE/gdb-$point.log" 2>/dev/null && break
        sleep 0.1
    done
    sleep 0.5
    post "$request" "$body"
    wait "$gdb" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true # killed: reaped here, quietly
    grep -q "^stopped at" "$STATE/gdb-$point.log" ||
        die "gdb did not stop the server: $STATE/gdb-$point.log"
    info "the server was killed at the breakpoint; the client got HTTP $CODE"
    restart_server
    sleep 3 # the server's own queue check runs every 2 s
    sign_in
    local pg redis cur_pg cur_redis called
    pg=$(waiting_in_postgres) redis=$(waiting_in_redis)
    cur_pg=$(current_in_postgres) cur_redis=$(redis-cli -p "$REDIS_PORT" GET "nx:cur:$COUNTER")
    info "after the restart: Postgres waiting [$pg], Redis line [$redis];" \
        "counter $COUNTER: Postgres [$cur_pg], Redis [$cur_redis]"
    called=$(drain)
    local left
    left=$(waiting_in_postgres)
    info "calling until queue_empty called [$called]; Postgres still waiting [$left]"
    if [[ $pg == "$redis" && -z $left ]]; then
        info "PASS: the live queue agrees with Postgres after the crash"
        return 0
    fi
    info "FAIL: Redis is behind Postgres after the crash; waiting token(s) [$left] are never called"
    return 1
}

main() {
    command -v gdb >/dev/null || die "gdb not found (apt-get install gdb)"
    command -v jq >/dev/null || die "jq not found (apt-get install jq)"
    [[ -x $SERVER_BIN ]] || die "missing $SERVER_BIN (or set NEXTUP_CHAOS_BUILD_DIR)"
    STATE=$(mktemp -d /tmp/nextup-crashpoint.XXXXXX)
    chmod 711 "$STATE"
    start_seeded_stores
    start_server 4
    API=http://127.0.0.1:$SERVER_PORT
    sign_in
    local point failed=0
    for point in "${POINTS[@]}"; do
        crash_at "$point" || failed=1
    done
    return "$failed"
}

main
