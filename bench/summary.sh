# shellcheck shell=bash
# Sourced by bench/measure.sh: the summary table of bench/run.sh (markdown, so it can be pasted
# into bench/README.md as it is). Targets come from the issue; the table reports whether they
# were met and never fails the run.

SUMMARY_ROWS=()

row() { SUMMARY_ROWS+=("| $1 | $2 | $3 | $4 | $5 |"); }
v() { echo "${R[$1]:-n/a}"; }
# "yes" when the awk condition holds, "no" otherwise, "n/a" when a number is missing.
judge() {
    local expression=$1 key
    shift
    for key in "$@"; do [[ -n ${R[$key]:-} ]] || {
        echo "n/a"
        return
    }; done
    awk "BEGIN { exit !($expression) }" && echo yes || echo no
}

summary_tokens() {
    local w=$1 t=tokens-w$1
    [[ -n ${R[$t.rps]:-} ]] || return 0
    row "token creation, 64 conns, WORKERS=$w" "$(v $t.rps) req/s ($(v $t.errors) errors)" \
        "pgbench insert, 64 clients, just before / after: $(v $t-pgbench-before.tps) / $(v $t-pgbench-after.tps) tps (mean $(v $t.limit_tps))" \
        "$(calc "%.2f" "${R[$t.rps]} / (${R[$t.limit_tps]:-0} + 0.001)")" \
        "$(judge "${R[$t.rps]} >= 0.5 * ${R[$t.limit_tps]:-0}" $t.limit_tps) (>= 0.5)"
    row "token creation, 64 conns, WORKERS=$w (Postgres part alone)" "$(v $t.rps) req/s" \
        "pgbench of the server's token INSERT, 64 clients: $(v pgbench-token64.tps) tps" \
        "$(calc "%.2f" "${R[$t.rps]} / ${R[pgbench-token64.tps]:-1}")" "no target"
    row "token creation p50 / p99, WORKERS=$w" "$(v $t.p50_ms) / $(v $t.p99_ms) ms" \
        "pgbench 64 clients p50 / p99: $(v pgbench64.p50_ms) / $(v pgbench64.p99_ms) ms" \
        "$(calc "%.1f" "${R[$t.p99_ms]} / (${R[pgbench64.p99_ms]:-0} + 0.001)") (p99)" "no target"
    row "CPU per token, WORKERS=$w" \
        "server $(v $t.cpu_server_us) us, Postgres $(v $t.cpu_pg_us) us, Redis $(v $t.cpu_redis_us) us" \
        "pgbench insert: Postgres $(v pgbench64.cpu_pg_us) us per transaction" \
        "$(calc "%.1f" "${R[$t.cpu_pg_us]:-0} / (${R[pgbench64.cpu_pg_us]:-0} + 0.001)") (Postgres)" "-"
    local p=probe-w$1
    row "/healthz p99 on its own conn during token load, WORKERS=$w" \
        "$(v $p.p99_ms) ms (max $(v $p.max_ms))" "token creation p50: $(v $t.p50_ms) ms" \
        "$(calc "%.2f" "${R[$p.p99_ms]:-0} / (${R[$t.p50_ms]:-0} + 0.001)")" \
        "$(judge "${R[$p.p99_ms]} < ${R[$t.p50_ms]}" "$p.p99_ms" "$t.p50_ms") (p99 < token p50)"
}

summary_callnext() {
    local w=$1 c=callnext-w$1
    [[ -n ${R[$c.p99_ms]:-} ]] || return 0
    row "call-next p50 / p99, 8 counters as fast as they can, WORKERS=$w" \
        "$(v $c.p50_ms) / $(v $c.p99_ms) ms ($(v $c.rps) calls/s, $(v $c.errors) errors)" \
        "pgbench insert, 8 clients p50 / p99: $(v pgbench8.p50_ms) / $(v pgbench8.p99_ms) ms; EVALSHA p50 $(v redis.EVALSHA.p50_ms) ms" \
        "$(calc "%.2f" "${R[$c.p99_ms]} / 5") of 5 ms" \
        "$(judge "${R[$c.p99_ms]} < 5" "$c.p99_ms") (p99 < 5 ms)"
    local p=callnext-paced-w$1
    row "call-next p50 / p99, 8 counters each calling every 100 ms, WORKERS=$w" \
        "$(v $p.p50_ms) / $(v $p.p99_ms) ms ($(v $p.rps) calls/s, $(v $p.errors) errors)" \
        "pgbench insert, 8 clients paced the same way (80 tps in all) p50 / p99: $(v pgbench8-paced.p50_ms) / $(v pgbench8-paced.p99_ms) ms" \
        "$(calc "%.2f" "${R[$p.p99_ms]:-0} / 5") of 5 ms" \
        "$(judge "${R[$p.p99_ms]} < 5" "$p.p99_ms") (p99 < 5 ms)"
    row "CPU per call + serve + complete, WORKERS=$w" \
        "server $(v $c.cpu_server_us) us, Postgres $(v $c.cpu_pg_us) us, Redis $(v $c.cpu_redis_us) us" \
        "-" "-" "-"
}

print_summary() {
    local w
    for w in $WORKER_COUNTS; do summary_tokens "$w"; done
    for w in $WORKER_COUNTS; do summary_callnext "$w"; done
    row "/healthz ceiling, 64 conns" "$(v healthz.rps) req/s, p99 $(v healthz.p99_ms) ms" \
        "server CPU $(v healthz.cpu_server_us) us per request" "-" "-"
    row "/healthz max while Postgres frozen 3 s" "$(v pause-probe.max_ms) ms (p99 $(v pause-probe.p99_ms))" \
        "token requests max $(v pause-tokens.max_ms) ms, $(v pause-tokens.slow_over_1s) waited > 1 s" \
        "-" \
        "$(judge "${R[pause-probe.max_ms]} < 100 && ${R[pause-tokens.max_ms]} >= 2500" \
            pause-probe.max_ms pause-tokens.max_ms) (max < 100 ms while tokens wait)"
    row "Redis SET / INCR / EVALSHA, 64 clients" \
        "$(v redis.SET.rps) / $(v redis.INCR.rps) / $(v redis.EVALSHA.rps) ops/s" "-" "-" "-"

    local cpu
    cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
    {
        echo
        echo "## Nextup benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
        echo
        echo "Machine: $(nproc) cores, $cpu; load average before the run: $LOAD_BEFORE;" \
            "Postgres ${R[env.durability]}; server build: $(basename "$BUILD_DIR")."
        echo
        echo "| metric | value | limit / baseline (same run) | ratio | target met? |"
        echo "| --- | --- | --- | --- | --- |"
        printf '%s\n' "${SUMMARY_ROWS[@]}"
    } | tee "${NEXTUP_BENCH_REPORT:-/dev/null}"
}
