#!/usr/bin/env bash
# What failed logins cost the server in memory: 50 at once (as many addresses each under its own
# rate limit would send them), then the server's peak resident set (VmHWM) against its resident
# set before. Every login runs argon2id (19 MiB: PasswordHasher); at most HASH_CONCURRENCY of them
# run at once, whatever WORKERS is, so the peak should stay near HASH_CONCURRENCY x 19 MiB above
# the idle server. Half the logins name a user (a real verify), half do not (the same time is
# spent on a dummy hash). A right password's login time is printed too.
#
# Starts its own PostgreSQL 15, Redis and nextup-server under a fresh /tmp folder (bench/lib.sh),
# prints numbers, never fails because of a figure; everything listens on 127.0.0.1 and is stopped
# on exit.
#
# Settings (environment):
#   NEXTUP_BENCH_BUILD_DIR   build folder (default <checkout>/build/ci via `cmake --preset ci`)
#   NEXTUP_BENCH_SKIP_BUILD  1 = use the nextup-server already built there
#   NEXTUP_BENCH_LOGINS      failed logins sent at once (50)
#   NEXTUP_BENCH_WORKERS     WORKERS of the server (8: more than the hashing bound)
#   NEXTUP_BENCH_HASHES      HASH_CONCURRENCY values, one server each ("1 2 4")
#   NEXTUP_BENCH_KEEP        1 = keep the /tmp folder (logs) after the run
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD_DIR=${NEXTUP_BENCH_BUILD_DIR:-$ROOT/build/ci}
LOGINS=${NEXTUP_BENCH_LOGINS:-50}
LOGIN_WORKERS=${NEXTUP_BENCH_WORKERS:-8}
HASH_BOUNDS=${NEXTUP_BENCH_HASHES:-1 2 4}
DURABLE=0 # logins write nothing that matters here
PG_BIN=/usr/lib/postgresql/15/bin
SERVER_BIN=$BUILD_DIR/server/nextup-server

# shellcheck source=lib.sh
source "$ROOT/bench/lib.sh"

trap cleanup EXIT
trap 'exit 130' INT TERM

# VmRSS or VmHWM (peak) of the server, in MiB.
server_memory() {
    awk -v field="$1:" '$1 == field { printf "%.1f", $2 / 1024 }' "/proc/$SERVER_PID/status"
}

login() {
    curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -m 120 \
        -H 'Content-Type: application/json' -d "{\"username\":\"$1\",\"password\":\"$2\"}" \
        "http://127.0.0.1:$SERVER_PORT/api/auth/login"
}

measure_logins() {
    local bound=$1 out="$STATE/logins-$1.txt" i
    export HASH_CONCURRENCY=$bound
    start_server "$LOGIN_WORKERS"
    # Warm (the workers' first connections) without hashing, so "peak so far" is the start-up's.
    curl -fsS -o /dev/null "http://127.0.0.1:$SERVER_PORT/api/services"
    local idle_rss idle_peak
    idle_rss=$(server_memory VmRSS)
    idle_peak=$(server_memory VmHWM)
    local started=$EPOCHREALTIME pids=()
    : >"$out"
    for ((i = 0; i < LOGINS; i++)); do
        if ((i % 2)); then
            login operator1 "wrong-password-$i" >>"$out" &
        else
            login "nobody$i" wrong-password >>"$out" &
        fi
        pids+=($!)
    done
    wait "${pids[@]}" # not Redis and the server, which run in the background too
    local elapsed
    elapsed=$(awk -v a="$started" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.2f", b - a }')
    local peak answered
    peak=$(server_memory VmHWM)
    answered=$(awk '$1 == 401' "$out" | wc -l)
    local right
    right=$(login operator1 operator123)
    info "HASH_CONCURRENCY=$bound WORKERS=$LOGIN_WORKERS: $LOGINS failed logins at once in ${elapsed} s" \
        "($answered answered 401)"
    info "  server RSS idle ${idle_rss} MiB (peak so far ${idle_peak}), peak during the logins" \
        "${peak} MiB: +$(awk -v a="$peak" -v b="$idle_rss" 'BEGIN { printf "%.1f", a - b }') MiB"
    info "  answer times $(sort -k2 -n "$out" | awk '{ t[NR] = $2 } END {
        printf "min %.0f ms, median %.0f ms, max %.0f ms", t[1] * 1000, t[int((NR + 1) / 2)] * 1000,
            t[NR] * 1000 }')"
    info "  a right password afterwards: HTTP ${right% *} in $(awk -v t="${right#* }" \
        'BEGIN { printf "%.0f", t * 1000 }') ms"
    stop_server
}

main() {
    build_targets nextup-server
    STATE=$(mktemp -d /tmp/nextup-loginmem.XXXXXX)
    chmod 711 "$STATE"
    step "State in $STATE"
    start_seeded_stores
    local bound
    for bound in $HASH_BOUNDS; do
        measure_logins "$bound"
    done
}

main "$@"
