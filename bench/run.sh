#!/usr/bin/env bash
# Nextup benchmarks. Builds nextup-server and nextup-loadgen, starts a private PostgreSQL 15 and
# Redis under a fresh /tmp folder, migrates and seeds, starts the server and measures, each beside
# the same machine's limit measured in the same run:
#   a. pgbench: one-row INSERT transactions into a scratch table (64 and 8 clients)
#   b. redis-benchmark: SET, INCR and EVALSHA of a small script (64 clients)
#   c. POST /api/tokens at 64 keep-alive connections, and GET /healthz as the HTTP-only ceiling
#   d. call-next at 8 open counters (call -> serve -> complete loops, only the call is timed)
#   e. the HTTP thread never blocks: /healthz from its own connection while (c) runs, and while
#      Postgres is frozen (SIGSTOP) for 3 s under token load
# It prints numbers and a summary table; it never fails because of a time. Everything listens on
# 127.0.0.1 only and everything started here is stopped on exit.
#
# Settings (environment):
#   NEXTUP_BENCH_BUILD_DIR   build folder (default <checkout>/build/ci via `cmake --preset ci`)
#   NEXTUP_BENCH_SKIP_BUILD  1 = use the binaries already built there
#   NEXTUP_BENCH_SECONDS     measured seconds per load phase (10)
#   NEXTUP_BENCH_WORKERS     WORKERS values to run the server phases with ("4 8")
#   NEXTUP_BENCH_DURABLE     1 = Postgres with its default fsync/synchronous_commit (default);
#                            0 = fsync=off, synchronous_commit=off (as the test suites run it)
#   NEXTUP_BENCH_PROFILE     1 = also report SQL statements and Redis commands per request and a
#                            perf profile of the server (see bench/profile.sh)
#   NEXTUP_BENCH_PROPOSED_INDEXES  1 = add the indexes bench/README.md proposes before measuring
#   NEXTUP_BENCH_KEEP        1 = keep the /tmp folder (logs, pgbench logs) after the run
#   NEXTUP_BENCH_PG_SETTINGS extra Postgres settings for an experiment ("-c name=value ...")
#   NEXTUP_BENCH_REPORT      file to write the summary table to (markdown)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD_DIR=${NEXTUP_BENCH_BUILD_DIR:-$ROOT/build/ci}
SECONDS_PER_PHASE=${NEXTUP_BENCH_SECONDS:-10}
WORKER_COUNTS=${NEXTUP_BENCH_WORKERS:-4 8}
DURABLE=${NEXTUP_BENCH_DURABLE:-1}
PG_BIN=/usr/lib/postgresql/15/bin
PGBENCH=$PG_BIN/pgbench
[[ -x $PGBENCH ]] || PGBENCH=$(command -v pgbench || true)
SERVER_BIN=$BUILD_DIR/server/nextup-server
LOADGEN=$BUILD_DIR/bench/nextup-loadgen

WAITING_TOKENS=20000 # pre-created for call-next, far more than a run can call
EXTRA_COUNTERS=5     # the seed has 3; call-next runs at 8

# shellcheck source=lib.sh
source "$ROOT/bench/lib.sh"

trap cleanup EXIT
trap 'exit 130' INT TERM

main() {
    build
    LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
    if awk -v l="${LOAD_BEFORE%% *}" -v n="$(nproc)" 'BEGIN { exit !(l > n) }'; then
        echo "warning: load average $LOAD_BEFORE on $(nproc) cores: other programs compete for the" \
            "CPU, so the numbers below are lower and noisier than this machine can do" >&2
    fi
    STATE=$(mktemp -d /tmp/nextup-bench.XXXXXX)
    chmod 711 "$STATE" # the postgres user must reach its cluster inside
    step "State in $STATE"
    start_seeded_stores
    prepare_database

    measure_pgbench
    measure_redis

    local first=1 workers
    for workers in $WORKER_COUNTS; do
        start_server "$workers"
        [[ $first == 1 ]] && open_counters
        measure_tokens "$workers"
        if [[ $first == 1 ]]; then
            measure_healthz_ceiling
        fi
        measure_callnext "$workers"
        if [[ $first == 1 ]]; then
            measure_postgres_pause "$workers"
        fi
        stop_server
        first=0
    done
    print_summary
}

main "$@"
