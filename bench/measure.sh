# shellcheck shell=bash
# Sourced by bench/lib.sh: the measurements of bench/run.sh. Each stores its numbers in R
# ("<label>.<key>") and prints a line; print_summary() puts them side by side.

ADMIN_TOKEN="" COUNTER_IDS=""
TOKEN_BODIES=(--body '{"service_id":1}' --body '{"service_id":2}' --body '{"service_id":3}')

# RESULT label=L k=v ... lines of nextup-loadgen -> R[L.k]=v
parse_results() {
    local line word label
    while read -r line; do
        label=""
        for word in $line; do
            case $word in
            label=*) label=${word#label=} ;;
            *=*) [[ -n $label ]] && R[$label.${word%%=*}]=${word#*=} ;;
            esac
        done
    done < <(grep '^RESULT ' "$1" || true)
}

# Prints the loadgen's human-readable lines (and its failure samples) indented.
show() { grep -v '^RESULT ' "$1" | sed 's/^/    /' || true; }

# Nearest-rank percentile (ms) of a sorted file of microseconds.
percentile() {
    awk -v p="$2" '{ a[NR] = $1 }
        END { if (NR == 0) { print "0"; exit }
              r = p / 100 * NR; k = int(r); if (k < r) k++; if (k < 1) k = 1
              printf "%.3f", a[k] / 1000 }' "$1"
}

calc() { awk "BEGIN { printf \"$1\", $2 }"; }

run_pgbench() { # label clients seconds
    local label=$1 out=$STATE/$1.txt before rows_before
    rows_before=$(count_rows "SELECT count(*) FROM bench_scratch")
    before=$(cpu_ticks)
    (cd "$STATE" && "$PGBENCH" -h 127.0.0.1 -p "$PG_PORT" -U postgres -n -M prepared -f insert.sql \
        -c "$2" -j 2 -T "$3" --log --log-prefix="$label-log" nextup) >"$out" 2>&1 ||
        die "pgbench failed: $out"
    cpu_per_unit "$label" "$before" "$(cpu_ticks)" \
        "$(($(count_rows "SELECT count(*) FROM bench_scratch") - rows_before))"
    R[$label.tps]=$(awk '/^tps = /{ printf "%.1f", $3; exit }' "$out")
    R[$label.avg_ms]=$(awk '/^latency average = /{ print $4; exit }' "$out")
    cat "$STATE/$label-log."* | awk '{ print $3 }' | sort -n >"$STATE/$label.lat"
    R[$label.p50_ms]=$(percentile "$STATE/$label.lat" 50)
    R[$label.p99_ms]=$(percentile "$STATE/$label.lat" 99)
    rm -f "$STATE/$label-log."*
    info "$2 clients: ${R[$label.tps]} tps, latency avg ${R[$label.avg_ms]} ms," \
        "p50 ${R[$label.p50_ms]} ms, p99 ${R[$label.p99_ms]} ms;" \
        "Postgres CPU per transaction ${R[$label.cpu_pg_us]} us"
}

measure_pgbench() {
    step "a. pgbench: one-row INSERT, one transaction each (autocommit), prepared"
    cat >"$STATE/insert.sql" <<'EOF'
\set v random(1, 1000000)
INSERT INTO bench_scratch (v) VALUES (:v);
EOF
    run_pgbench pgbench64 64 "$SECONDS_PER_PHASE"
    run_pgbench pgbench8 8 5
}

measure_redis() {
    step "b. redis-benchmark: 100000 requests, 64 clients"
    local out=$STATE/redis-benchmark.csv sha
    sha=$(redis-cli -p "$REDIS_PORT" SCRIPT LOAD \
        "local n = redis.call('INCR', KEYS[1]) redis.call('EXPIRE', KEYS[1], ARGV[1]) return n")
    redis-benchmark -h 127.0.0.1 -p "$REDIS_PORT" -n 100000 -c 64 -t set,incr --csv >"$out"
    redis-benchmark -h 127.0.0.1 -p "$REDIS_PORT" -n 100000 -c 64 --csv \
        EVALSHA "$sha" 1 bench:seq 600 >>"$out"
    local name
    for name in SET INCR EVALSHA; do
        R[redis.$name.rps]=$(awk -F'","' -v n="$name" '$1 ~ "^\"" n { printf "%.0f", $2 }' "$out")
        R[redis.$name.p50_ms]=$(awk -F'","' -v n="$name" '$1 ~ "^\"" n { print $5 }' "$out")
        R[redis.$name.p99_ms]=$(awk -F'","' -v n="$name" '$1 ~ "^\"" n { print $7 }' "$out")
        info "$name: ${R[redis.$name.rps]} ops/s, p50 ${R[redis.$name.p50_ms]} ms," \
            "p99 ${R[redis.$name.p99_ms]} ms"
    done
    redis-cli -p "$REDIS_PORT" DEL bench:seq >/dev/null
}

# CPU ticks (user + system) of the server, of all Postgres processes, and of Redis. Postgres
# counts the postmaster's reaped children too (cutime + cstime), so the backends of pgbench's
# connections, gone by the time the phase ends, are still in the sum.
cpu_ticks() {
    local pid server=0 pg=0 redis=0 postmaster=1
    server=$(awk '{ print $14 + $15 }' "/proc/$SERVER_PID/stat" 2>/dev/null || echo 0)
    redis=$(awk '{ print $14 + $15 }' "/proc/$REDIS_PID/stat" 2>/dev/null || echo 0)
    for pid in $(postgres_pids); do
        if [[ $postmaster == 1 ]]; then
            pg=$(awk '{ print $14 + $15 + $16 + $17 }' "/proc/$pid/stat" 2>/dev/null || echo 0)
            postmaster=0
        else
            pg=$((pg + $(awk '{ print $14 + $15 }' "/proc/$pid/stat" 2>/dev/null || echo 0)))
        fi
    done
    echo "$server $pg $redis"
}

# Stores <label>.cpu_{server,pg,redis}_us: CPU microseconds per unit of work done in a phase.
cpu_per_unit() { # label "ticks before" "ticks after" units
    local label=$1 units=$4 hz i names=(server pg redis)
    hz=$(getconf CLK_TCK)
    read -ra before <<<"$2"
    read -ra after <<<"$3"
    for i in 0 1 2; do
        R[$label.cpu_${names[$i]}_us]=$(calc "%.0f" \
            "($units > 0) ? (${after[$i]} - ${before[$i]}) * 1000000 / $hz / $units : 0")
    done
}

count_rows() { psql_db -c "$1"; }

measure_tokens() {
    local w=$1 label=tokens-w$1 before tokens_before
    step "c. POST /api/tokens (anonymous), 64 connections, WORKERS=$w:" \
        "1 s warm-up + ${SECONDS_PER_PHASE} s; /healthz every 10 ms on its own connection"
    tokens_before=$(count_rows "SELECT count(*) FROM tokens")
    profile_begin "$label"
    before=$(cpu_ticks)
    "$LOADGEN" http --port "$SERVER_PORT" --label "probe-w$w" --path /healthz --interval-ms 10 \
        --warmup 1 --duration "$SECONDS_PER_PHASE" >"$STATE/probe-w$w.txt" 2>&1 &
    local probe=$!
    BACKGROUND_PIDS+=("$probe")
    "$LOADGEN" http --port "$SERVER_PORT" --label "$label" --method POST --path /api/tokens \
        "${TOKEN_BODIES[@]}" --connections 64 --warmup 1 --duration "$SECONDS_PER_PHASE" \
        >"$STATE/$label.txt" 2>&1 || true
    wait "$probe" || true
    local after tokens
    after=$(cpu_ticks)
    tokens=$(($(count_rows "SELECT count(*) FROM tokens") - tokens_before))
    cpu_per_unit "$label" "$before" "$after" "$tokens"
    profile_end "$label" "$tokens"
    show "$STATE/$label.txt"
    show "$STATE/probe-w$w.txt"
    parse_results "$STATE/$label.txt"
    parse_results "$STATE/probe-w$w.txt"
    info "CPU per token: server ${R[$label.cpu_server_us]} us, Postgres ${R[$label.cpu_pg_us]} us," \
        "Redis ${R[$label.cpu_redis_us]} us"
}

measure_healthz_ceiling() {
    step "c. GET /healthz, 64 connections, 5 s: the HTTP-only ceiling"
    local before
    before=$(cpu_ticks)
    "$LOADGEN" http --port "$SERVER_PORT" --label healthz --path /healthz --connections 64 \
        --warmup 0.5 --duration 5 >"$STATE/healthz.txt" 2>&1 || true
    show "$STATE/healthz.txt"
    parse_results "$STATE/healthz.txt"
    # The warm-up's requests are not in the count: a slight overestimate per request.
    cpu_per_unit healthz "$before" "$(cpu_ticks)" "${R[healthz.requests]:-0}"
    info "server CPU per request: ${R[healthz.cpu_server_us]} us"
}

open_counters() {
    step "Opening every counter as admin"
    ADMIN_TOKEN=$(curl -fsS -m 10 -H 'Content-Type: application/json' \
        -d '{"username":"admin","password":"admin123"}' \
        "http://127.0.0.1:$SERVER_PORT/api/auth/login" | jq -r .access_token)
    [[ -n $ADMIN_TOKEN && $ADMIN_TOKEN != null ]] || die "admin login failed"
    COUNTER_IDS=$(count_rows "SELECT string_agg(id::text, ',' ORDER BY id) FROM counters WHERE active")
    local id
    for id in ${COUNTER_IDS//,/ }; do
        curl -fsS -m 10 -o /dev/null -X POST -H "Authorization: Bearer $ADMIN_TOKEN" \
            -H 'Content-Type: application/json' -d '{}' \
            "http://127.0.0.1:$SERVER_PORT/api/counters/$id/open" || die "opening counter $id failed"
    done
    info "counters $COUNTER_IDS open"
}

measure_callnext() {
    local w=$1 label=callnext-w$1 before events_before count
    count=$(awk -F, '{ print NF }' <<<"$COUNTER_IDS")
    step "d. call -> serve -> complete loops at $count counters, WORKERS=$w:" \
        "1 s warm-up + ${SECONDS_PER_PHASE} s; only the call is timed"
    events_before=$(count_rows "SELECT count(*) FROM token_events WHERE event = 'called'")
    profile_begin "$label"
    before=$(cpu_ticks)
    "$LOADGEN" callnext --port "$SERVER_PORT" --label "$label" --bearer "$ADMIN_TOKEN" \
        --counters "$COUNTER_IDS" --warmup 1 --duration "$SECONDS_PER_PHASE" \
        >"$STATE/$label.txt" 2>&1 || true
    local after calls
    after=$(cpu_ticks)
    calls=$(($(count_rows "SELECT count(*) FROM token_events WHERE event = 'called'") - events_before))
    cpu_per_unit "$label" "$before" "$after" "$calls"
    profile_end "$label" "$calls"
    show "$STATE/$label.txt"
    parse_results "$STATE/$label.txt"
    info "CPU per call+serve+complete: server ${R[$label.cpu_server_us]} us," \
        "Postgres ${R[$label.cpu_pg_us]} us, Redis ${R[$label.cpu_redis_us]} us"
}

measure_postgres_pause() {
    step "e. Postgres frozen (SIGSTOP) for 3 s under token load (16 connections);" \
        "/healthz every 10 ms on its own connection"
    "$LOADGEN" http --port "$SERVER_PORT" --label pause-probe --path /healthz --interval-ms 10 \
        --duration 7 >"$STATE/pause-probe.txt" 2>&1 &
    local probe=$!
    BACKGROUND_PIDS+=("$probe")
    "$LOADGEN" http --port "$SERVER_PORT" --label pause-tokens --method POST --path /api/tokens \
        "${TOKEN_BODIES[@]}" --connections 16 --duration 7 --timeout-ms 20000 \
        >"$STATE/pause-tokens.txt" 2>&1 &
    local tokens=$!
    BACKGROUND_PIDS+=("$tokens")
    sleep 2
    pause_postgres
    sleep 3
    resume_postgres
    wait "$tokens" || true
    wait "$probe" || true
    show "$STATE/pause-tokens.txt"
    show "$STATE/pause-probe.txt"
    parse_results "$STATE/pause-tokens.txt"
    parse_results "$STATE/pause-probe.txt"
    curl -fsS -m 10 -o /dev/null "http://127.0.0.1:$SERVER_PORT/readyz" && info "ready again after the pause" ||
        info "NOT ready after the pause"
}

# shellcheck source=summary.sh
source "$ROOT/bench/summary.sh"
# shellcheck source=profile.sh
source "$ROOT/bench/profile.sh"
