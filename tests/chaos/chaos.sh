#!/usr/bin/env bash
# The fault campaign: a private PostgreSQL 15, Redis and nextup-server under a fresh /tmp folder
# (bench/lib.sh), a steady load of customers taking tokens and operators serving them
# (tests/chaos/chaos.py load), and N cycles of one fault each, chosen at random:
#   kill-server       kill -9 of nextup-server, then started again on the same port
#   redis-flushall    FLUSHALL on the server's Redis
#   redis-restart     kill -9 of Redis, 0.5 s down, then started again, empty, on the same port
#   postgres-restart  pg_ctl restart -m fast
#   postgres-freeze   SIGSTOP to the postmaster and its backends, 3 s, SIGCONT
# Each block of five cycles holds every fault once, in random order, so five cycles already try
# them all. A cycle: the fault window opens, the fault, recovery, the window closes once GET
# /readyz answers 200 and the live queue is ready again (its Redis marker, nx:ready, exists: a
# rebuild after a Redis loss follows /readyz by a few milliseconds), then steady load. After the
# cycles the load stops and chaos.py checks the invariants (printed with a summary); the exit
# status is 1 when one fails.
#
# Answers the client records as "inside a fault window" are those whose request overlapped a
# window extended by a grace (--grace, 1 s by default): a request sent just after the window
# closed may still meet a worker thread whose Postgres connection died in the fault and is found
# dead only when used, or a keep-alive connection the restarted server no longer has.
#
# Usage: tests/chaos/chaos.sh [--cycles N] [--seed N] [--steady S] [--rate N] [--grace S]
#                             [--keep] [--sabotage]
#   --cycles N   fault cycles (50)
#   --seed N     random seed of the fault order and the load (printed; a run can be repeated)
#   --steady S   seconds of steady load after each recovery, and before the first fault (4)
#   --rate N     tokens taken a second, all services together (20)
#   --grace S    seconds after a window closes in which a 503 still counts as inside it (1)
#   --keep       keep the /tmp folder (logs, requests.tsv, windows.tsv) after a passing run
#   --sabotage   a check of the checks: before they run, take one waiting token out of its
#                Redis line behind the server's back (as a crash between the two stores would);
#                the run must then FAIL
# Environment:
#   NEXTUP_CHAOS_BUILD_DIR  build folder whose server/nextup-server runs (<checkout>/build/ci);
#                           it is not built here: `cmake --preset ci && ninja -C build/ci
#                           nextup-server`
#   NEXTUP_CHAOS_PG_BIN     PostgreSQL 15 programs (/usr/lib/postgresql/15/bin)
#   NEXTUP_CHAOS_WORKERS    WORKERS of the server (4)
# Everything listens on 127.0.0.1; the load is bounded in time and requests; everything started
# here is stopped on exit, also on failure or Ctrl-C (bench/lib.sh's cleanup), and the folder is
# kept when the run fails.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BUILD_DIR=${NEXTUP_CHAOS_BUILD_DIR:-$ROOT/build/ci}
PG_BIN=${NEXTUP_CHAOS_PG_BIN:-/usr/lib/postgresql/15/bin}
SERVER_BIN=$BUILD_DIR/server/nextup-server
CHAOS_PY=$ROOT/tests/chaos/chaos.py
WORKERS_UNDER_TEST=${NEXTUP_CHAOS_WORKERS:-4}
# shellcheck disable=SC2034 # PG_BIN and DURABLE are read by bench/lib.sh
DURABLE=1 # Postgres as installed: fsync and synchronous_commit on

CYCLES=50 SEED=$((RANDOM * 32768 + RANDOM)) STEADY=4 RATE=20 GRACE=1 SABOTAGE=0
FAULTS=(kill-server redis-flushall redis-restart postgres-restart postgres-freeze)
FREEZE_SECONDS=3
REDIS_DOWN_SECONDS=0.5
RECOVERY_LIMIT=30 # seconds a fault may take to recover before the cycle counts as not recovered

usage() {
    sed -n '/^# Usage:/,/^# Everything/p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' | head -n -1
}
while (($#)); do
    case $1 in
    --cycles) CYCLES=$2 && shift ;;
    --seed) SEED=$2 && shift ;;
    --steady) STEADY=$2 && shift ;;
    --rate) RATE=$2 && shift ;;
    --grace) GRACE=$2 && shift ;;
    --keep) export NEXTUP_BENCH_KEEP=1 ;;
    --sabotage) SABOTAGE=1 ;;
    -h | --help) usage && exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2 && exit 2 ;;
    esac
    shift
done
[[ $CYCLES =~ ^[0-9]+$ && $CYCLES -ge 1 && $CYCLES -le 10000 ]] || {
    echo "--cycles takes 1..10000" >&2
    exit 2
}
[[ $SEED =~ ^[0-9]+$ ]] || {
    echo "--seed takes a number" >&2
    exit 2
}
RANDOM=$SEED

# shellcheck source-path=SCRIPTDIR source=../../bench/lib.sh
source "$ROOT/bench/lib.sh"

trap cleanup EXIT
trap 'exit 130' INT TERM

LOAD_PID="" SERVER_LOG="" READYZ=""

now() { echo "$EPOCHREALTIME"; }
seconds_between() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }

preflight() {
    [[ -x $SERVER_BIN ]] || die "missing $SERVER_BIN (cmake --preset ci && ninja -C build/ci" \
        "nextup-server, or set NEXTUP_CHAOS_BUILD_DIR)"
    [[ -x $PG_BIN/initdb ]] || die "PostgreSQL 15 not found in $PG_BIN" \
        "(apt-get install postgresql-15)"
    command -v redis-server >/dev/null || die "redis-server not found" \
        "(apt-get install redis-server)"
    command -v redis-cli >/dev/null || die "redis-cli not found (apt-get install redis-tools)"
    command -v curl >/dev/null || die "curl not found (apt-get install curl)"
    command -v python3 >/dev/null || die "python3 not found (apt-get install python3)"
}

# The server again on its port (start_server picks a new one), as a supervisor would restart it.
restart_server_same_port() {
    WORKERS=$SERVER_WORKERS "$SERVER_BIN" serve >>"$SERVER_LOG" 2>&1 &
    SERVER_PID=$!
}

fault_kill-server() {
    kill -KILL "$SERVER_PID"
    wait "$SERVER_PID" 2>/dev/null || true
    restart_server_same_port
}

fault_redis-flushall() {
    [[ $(redis-cli -p "$REDIS_PORT" FLUSHALL) == OK ]] || die "FLUSHALL failed"
}

fault_redis-restart() {
    kill -KILL "$REDIS_PID"
    wait "$REDIS_PID" 2>/dev/null || true
    sleep "$REDIS_DOWN_SECONDS"
    start_redis "$REDIS_PORT" >/dev/null # empty, on the port the server knows
}

fault_postgres-restart() {
    as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$STATE/pg/postgres.log" -w -t 60 -m fast restart \
        >/dev/null || die "pg_ctl restart failed: $STATE/pg/postgres.log"
}

fault_postgres-freeze() {
    pause_postgres
    sleep "$FREEZE_SECONDS"
    resume_postgres
}

# 0 once /readyz answers 200 and the live queue's marker is back; 1 after RECOVERY_LIMIT seconds.
wait_recovered() {
    local deadline=$((SECONDS + RECOVERY_LIMIT))
    while ((SECONDS < deadline)); do
        kill -0 "$SERVER_PID" 2>/dev/null || die "the server exited by itself: $SERVER_LOG"
        if [[ $(curl -s -o /dev/null -w '%{http_code}' -m 2 "$READYZ") == 200 &&
            $(redis-cli -p "$REDIS_PORT" EXISTS nx:ready 2>/dev/null) == 1 ]]; then
            return 0
        fi
        sleep 0.02
    done
    return 1
}

# Every fault once per block of five, shuffled (Fisher-Yates over bash's seeded RANDOM).
fault_order() {
    local -a deck
    local n i j t
    for ((n = 0; n < CYCLES; n += ${#FAULTS[@]})); do
        deck=("${FAULTS[@]}")
        for ((i = ${#deck[@]} - 1; i > 0; i--)); do
            j=$((RANDOM % (i + 1)))
            t=${deck[i]} deck[i]=${deck[j]} deck[j]=$t
        done
        printf '%s\n' "${deck[@]}"
    done | head -n "$CYCLES"
}

run_cycles() {
    local cycle=0 fault opened injected closed took
    : >"$STATE/windows.tsv"
    for fault in $(fault_order); do
        cycle=$((cycle + 1))
        kill -0 "$LOAD_PID" 2>/dev/null || die "the load generator stopped: $STATE/load.log"
        opened=$(now)
        "fault_$fault"
        injected=$(now)
        if wait_recovered; then
            closed=$(now)
            took="recovered in $(seconds_between "$injected" "$closed") s"
        else
            closed="" took="NOT recovered within $RECOVERY_LIMIT s"
        fi
        printf '%s\t%s\t%s\t%s\t%s\n' "$cycle" "$fault" "$opened" "$injected" "$closed" \
            >>"$STATE/windows.tsv"
        info "cycle $cycle/$CYCLES $fault:" \
            "window $(seconds_between "$opened" "${closed:-$(now)}") s, $took"
        sleep "$STEADY"
    done
}

sabotage() {
    local victim
    victim=$(psql_db -F ' ' -c "SELECT id, service_id FROM tokens WHERE status = 'waiting'
                                ORDER BY id DESC LIMIT 1")
    [[ -n $victim ]] || die "--sabotage: nobody is waiting"
    redis-cli -p "$REDIS_PORT" ZREM "nx:q:${victim#* }" "$(printf '%015d' "${victim% *}")" >/dev/null
    info "sabotage: token ${victim% *} taken out of Redis line nx:q:${victim#* }"
}

main() {
    preflight
    STATE=$(mktemp -d /tmp/nextup-chaos.XXXXXX)
    chmod 711 "$STATE" # the postgres user must reach its cluster inside
    step "Fault campaign: $CYCLES cycles, seed $SEED, state in $STATE"
    start_seeded_stores
    local baseline
    baseline=$(psql_db -c "SELECT coalesce(max(id), 0) FROM tokens")
    start_server "$WORKERS_UNDER_TEST"
    SERVER_LOG=$STATE/server-w$SERVER_WORKERS.log READYZ=http://127.0.0.1:$SERVER_PORT/readyz

    # Bounded: a little more than the cycles can take, and about 12 requests per token.
    local max_seconds=$(((CYCLES * (STEADY + 10 + RECOVERY_LIMIT / 3)) + 60))
    local max_requests=$((max_seconds * ${RATE%.*} * 12 + 10000))
    step "Load: $RATE tokens a second on services 1-3, operators at counters A, B, C"
    python3 "$CHAOS_PY" load --port "$SERVER_PORT" --dir "$STATE" --rate "$RATE" --seed "$SEED" \
        --max-seconds "$max_seconds" --max-requests "$max_requests" >"$STATE/load.log" 2>&1 &
    LOAD_PID=$!
    BACKGROUND_PIDS+=("$LOAD_PID")
    local load_started=$SECONDS
    sleep "$STEADY"

    step "Fault cycles (each: fault, recovery, $STEADY s steady load)"
    run_cycles

    step "Stopping the load; checking the invariants (drains every counter)"
    kill -TERM "$LOAD_PID"
    wait "$LOAD_PID" || die "the load generator failed: $STATE/load.log"
    local load_seconds=$((SECONDS - load_started))
    [[ $SABOTAGE == 1 ]] && sabotage
    local status=0
    python3 "$CHAOS_PY" check --port "$SERVER_PORT" --dir "$STATE" --pg-bin "$PG_BIN" \
        --pg-port "$PG_PORT" --redis-port "$REDIS_PORT" --baseline "$baseline" \
        --cycles "$CYCLES" --faults "$(
            IFS=,
            echo "${FAULTS[*]}"
        )" --grace "$GRACE" --recovery-limit "$RECOVERY_LIMIT" --seed "$SEED" \
        --load-seconds "$load_seconds" || status=$?
    if grep -q 'SQL error\|internal_error\|ASSERT\|Segmentation' "$SERVER_LOG"; then
        info "the server log has errors worth reading: $SERVER_LOG"
    fi
    return "$status"
}

main "$@"
