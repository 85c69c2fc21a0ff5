# shellcheck shell=bash
# Sourced by bench/measure.sh. With NEXTUP_BENCH_PROFILE=1, the token and call-next phases also
# report where the time goes: every SQL statement the server ran per request (pg_stat_statements:
# calls per request and mean execution time), every Redis command per request (INFO
# commandstats), and a perf profile of the server's threads when perf works. Off by default: the
# statistics cost a little and the plain run is the one that is compared with the baselines.

PROFILE=${NEXTUP_BENCH_PROFILE:-0}
PERF_PID=""

# Extra postgres -c settings for start_postgres.
profile_postgres_settings() {
    [[ $PROFILE == 1 ]] && echo "-c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track=all" \
        "-c pg_stat_statements.track_planning=on"
    return 0
}

profile_prepare_database() {
    [[ $PROFILE == 1 ]] || return 0
    psql_db -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements" >/dev/null
}

# "route sum_seconds count" per route from the server's /metrics.
route_durations() {
    curl -fsS -m 5 "http://127.0.0.1:$SERVER_PORT/metrics" 2>/dev/null |
        awk -F'[{}"]' '/^nextup_http_request_duration_seconds_(sum|count)/ {
            split($0, v, " "); kind = ($1 ~ /_sum$/) ? "sum" : "count"; d[$3, kind] = v[2]; r[$3] = 1 }
            END { for (k in r) print k, d[k, "sum"], d[k, "count"] }'
}

profile_begin() { # label
    [[ $PROFILE == 1 ]] || return 0
    route_durations >"$STATE/routes-$1.before"
    psql_db -c "SELECT pg_stat_statements_reset()" >/dev/null
    redis-cli -p "$REDIS_PORT" CONFIG RESETSTAT >/dev/null
    if command -v perf >/dev/null; then
        perf record -F 499 --call-graph "${NEXTUP_BENCH_PERF_CALLGRAPH:-fp}" -p "$SERVER_PID" -o "$STATE/perf-$1.data" >"$STATE/perf-$1.log" 2>&1 &
        PERF_PID=$!
        BACKGROUND_PIDS+=("$PERF_PID")
    fi
}

profile_end() { # label units
    [[ $PROFILE == 1 ]] || return 0
    local label=$1 units=$2
    [[ $units -gt 0 ]] || units=1
    if [[ -n $PERF_PID ]]; then
        kill -INT "$PERF_PID" 2>/dev/null
        wait "$PERF_PID" 2>/dev/null || true
        PERF_PID=""
        perf report -i "$STATE/perf-$label.data" --stdio --no-children --percent-limit 1.5 \
            --sort dso,symbol -g none >"$STATE/perf-$label.txt" 2>/dev/null || true
    fi
    {
        echo "SQL statements per request ($units requests), by total time (per request: calls, mean ms, exec ms, planning ms):"
        psql_db -F ' | ' -c "SELECT round(calls::numeric / $units, 2) AS per_request,
                round(mean_exec_time::numeric, 3) AS mean_ms,
                round(total_exec_time::numeric / $units, 3) AS ms_per_request,
                round(total_plan_time::numeric / $units, 3) AS plan_ms_per_request,
                left(regexp_replace(query, '\s+', ' ', 'g'), 110)
            FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = 'nextup')
            ORDER BY total_exec_time + total_plan_time DESC LIMIT 14"
        echo "Server-side time per request (HTTP thread hands it on -> answer back), by route:"
        route_durations | awk 'NR == FNR { s[$1] = $2; c[$1] = $3; next }
            $3 > c[$1] { printf "  %-32s %7d requests, mean %.3f ms\n", $1, $3 - c[$1],
                         1000 * ($2 - s[$1]) / ($3 - c[$1]) }' "$STATE/routes-$label.before" -
        echo "Redis commands per request (commands run inside scripts are counted too):"
        redis-cli -p "$REDIS_PORT" INFO commandstats | tr -d '\r' |
            awk -F'[:=,]' -v n="$units" '/^cmdstat_/ {
                printf "  %-22s %6.2f per request, %6.1f us each\n", substr($1, 9), $3 / n, $7 }'
        if [[ -s $STATE/perf-$label.txt ]]; then
            echo "perf, nextup-server threads (self time, >= 1.5%):"
            grep -E '^ +[0-9.]+%' "$STATE/perf-$label.txt" | head -25
        fi
    } >"$STATE/profile-$label.txt"
    sed 's/^/    /' "$STATE/profile-$label.txt"
}
