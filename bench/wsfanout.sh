#!/usr/bin/env bash
# WebSocket fan-out at scale: builds nextup-server and nextup-wsload, starts a private Postgres
# and Redis under a fresh /tmp folder, migrates and seeds, starts the server (file limit raised)
# and runs nextup-wsload against it at each socket count, then the memory cycles. Prints the
# RESULT lines of nextup-wsload (see bench/wsload.cpp); never fails because of a time. Loopback
# only; everything started here is stopped on exit.
#
# Settings (environment):
#   NEXTUP_BENCH_BUILD_DIR, NEXTUP_BENCH_SKIP_BUILD, NEXTUP_BENCH_KEEP  as for run.sh
#   NEXTUP_WS_COUNTS   socket counts, one server run each ("1000 5000 10000"; "" = none)
#   NEXTUP_WS_ROUNDS   events timed per count (20)
#   NEXTUP_WS_IDLE     seconds the sockets stay idle before RSS is read again (5)
#   NEXTUP_WS_CYCLES   memory cycles of 1,000 sockets on a fresh server (100; 0 = none)
#   NEXTUP_WS_PERF     a socket count to profile the server at with perf (e.g. 10000; none)
#   NEXTUP_WS_MIX      phones of the realistic mix on a fresh server (e.g. 10000; 0 = none): each
#                      in its own token room and its service's, 50 boards, 100 consoles, 100
#                      calls a minute for NEXTUP_WS_MIX_SECONDS (60)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD_DIR=${NEXTUP_BENCH_BUILD_DIR:-$ROOT/build/ci}
DURABLE=${NEXTUP_BENCH_DURABLE:-0}
PG_BIN=/usr/lib/postgresql/15/bin
SERVER_BIN=$BUILD_DIR/server/nextup-server
WSLOAD=$BUILD_DIR/bench/nextup-wsload
COUNTS=${NEXTUP_WS_COUNTS-1000 5000 10000} # empty: none
ROUNDS=${NEXTUP_WS_ROUNDS:-20}
IDLE=${NEXTUP_WS_IDLE:-5}
CYCLES=${NEXTUP_WS_CYCLES:-100}
PERF_AT=${NEXTUP_WS_PERF:-}
MIX=${NEXTUP_WS_MIX:-0}
MIX_SECONDS=${NEXTUP_WS_MIX_SECONDS:-60}

# shellcheck source=lib.sh
source "$ROOT/bench/lib.sh"

trap cleanup EXIT
trap 'exit 130' INT TERM

# The server holds a descriptor per socket: its limit must be above the largest count.
ulimit -n "$(ulimit -Hn)"

main() {
    build_targets nextup-server nextup-wsload
    STATE=$(mktemp -d /tmp/nextup-wsbench.XXXXXX)
    chmod 711 "$STATE"
    step "State in $STATE; file limit $(ulimit -n); load average $(cut -d' ' -f1-3 /proc/loadavg)"
    start_seeded_stores
    local count perf_pid
    for count in $COUNTS; do
        start_server 4
        step "$count sockets in room global, $ROUNDS events"
        info "server file limit: $(awk '/Max open files/ { print $4 }' "/proc/$SERVER_PID/limits")"
        perf_pid=""
        if [[ $count == "$PERF_AT" ]] && command -v perf >/dev/null; then
            perf record -F 999 -g -p "$SERVER_PID" -o "$STATE/perf-$count.data" \
                >"$STATE/perf-$count.log" 2>&1 &
            perf_pid=$!
            BACKGROUND_PIDS+=("$perf_pid")
        fi
        "$WSLOAD" --port "$SERVER_PORT" --server-pid "$SERVER_PID" --sockets "$count" \
            --rounds "$ROUNDS" --idle-seconds "$IDLE"
        if [[ -n $perf_pid ]]; then
            kill -INT "$perf_pid" 2>/dev/null
            wait "$perf_pid" 2>/dev/null || true
            perf report -i "$STATE/perf-$count.data" --stdio --no-children --percent-limit 1 \
                --sort dso,symbol -g none 2>/dev/null | grep -v '^#' | grep -v '^$' | head -40
        fi
        stop_server
    done
    if ((MIX > 0)); then
        start_server 4
        step "Realistic mix: $MIX phones, 50 boards, 100 consoles, 100 calls a minute, ${MIX_SECONDS} s"
        "$WSLOAD" --port "$SERVER_PORT" --server-pid "$SERVER_PID" --phones "$MIX" \
            --mix-seconds "$MIX_SECONDS"
        stop_server
    fi
    if ((CYCLES > 0)); then
        start_server 4
        step "$CYCLES cycles of 1,000 sockets connecting, subscribing and closing"
        "$WSLOAD" --port "$SERVER_PORT" --server-pid "$SERVER_PID" --rounds 0 \
            --cycles "$CYCLES" --cycle-sockets 1000
        curl -fsS "http://127.0.0.1:$SERVER_PORT/metrics" | grep -E '^nextup_ws_connections ' || true
        stop_server
    fi
}

main "$@"
