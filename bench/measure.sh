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

run_pgbench() { # label script clients seconds table [transactions per second, all clients]
    local label=$1 out=$STATE/$1.txt before rows_before
    local -a rate=()
    [[ -n ${6:-} ]] && rate=(-R "$6")
    rows_before=$(count_rows "SELECT count(*) FROM $5")
    before=$(cpu_ticks)
    (cd "$STATE" && "$PGBENCH" -h 127.0.0.1 -p "$PG_PORT" -U postgres -n -M prepared -f "$2" \
        -c "$3" -j 2 -T "$4" "${rate[@]}" --log --log-prefix="$label-log" nextup) >"$out" 2>&1 ||
        die "pgbench failed: $out"
    cpu_per_unit "$label" "$before" "$(cpu_ticks)" \
        "$(($(count_rows "SELECT count(*) FROM $5") - rows_before))"
    R[$label.tps]=$(awk '/^tps = /{ printf "%.1f", $3; exit }' "$out")
    R[$label.avg_ms]=$(awk '/^latency average = /{ print $4; exit }' "$out")
    # Paced (-R), a log line ends with the schedule lag, which the latency includes: taken out,
    # so the figure is the transaction's own time, as the load generator measures a request.
    cat "$STATE/$label-log."* | awk '{ print (NF >= 7) ? $3 - $7 : $3 }' | sort -n >"$STATE/$label.lat"
    R[$label.p50_ms]=$(percentile "$STATE/$label.lat" 50)
    R[$label.p99_ms]=$(percentile "$STATE/$label.lat" 99)
    rm -f "$STATE/$label-log."*
    info "$3 clients: ${R[$label.tps]} tps, latency avg ${R[$label.avg_ms]} ms," \
        "p50 ${R[$label.p50_ms]} ms, p99 ${R[$label.p99_ms]} ms;" \
        "Postgres CPU per transaction ${R[$label.cpu_pg_us]} us"
}

measure_pgbench() {
    step "a. pgbench: one-row INSERT into a scratch table, one transaction each, prepared"
    cat >"$STATE/insert.sql" <<'EOF'
\set v random(1, 1000000)
INSERT INTO bench_scratch (v) VALUES (:v);
EOF
    run_pgbench pgbench64 insert.sql 64 "$SECONDS_PER_PHASE" bench_scratch
    run_pgbench pgbench8 insert.sql 8 5 bench_scratch
    # Paced like the paced call-next phase (8 clients, 80 transactions a second in all): what one
    # durable commit costs when the machine is mostly idle between requests.
    run_pgbench pgbench8-paced insert.sql 8 $((3 * SECONDS_PER_PHASE)) bench_scratch 80
    # The server's own durable write per token (tokens + token_events, their indexes, foreign
    # keys and trigger), dated 2000-01-01 so the live queue and the statistics never see it:
    # what Postgres alone allows, without HTTP, Redis or the other statements.
    step "a. pgbench: the server's token INSERT (tokens + token_events in one statement), 5 s"
    cat >"$STATE/token-insert.sql" <<'EOF'
\set s random(1, 3)
WITH t AS (INSERT INTO tokens (service_id, business_date, number, token_number, arrival_at, secret_hash) VALUES (:s, '2000-01-01', nextval('bench_number'), 'X', now(), md5(random()::text)) RETURNING id, service_id, created_at) INSERT INTO token_events (token_id, event, to_status, service_id, at) SELECT id, 'generated', 'waiting', service_id, created_at FROM t;
EOF
    run_pgbench pgbench-token64 token-insert.sql 64 5 tokens
    # Gone again, so that the server's phases see the same tables in every run.
    psql_db -c "DELETE FROM token_events WHERE token_id IN
                    (SELECT id FROM tokens WHERE business_date = '2000-01-01')" \
        -c "DELETE FROM tokens WHERE business_date = '2000-01-01'" \
        -c "VACUUM ANALYZE tokens, token_events"
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
    local pid server redis pg=0 postmaster=1
    server=$(process_ticks "$SERVER_PID")
    redis=$(process_ticks "$REDIS_PID")
    for pid in $(postgres_pids); do
        if [[ $postmaster == 1 ]]; then
            pg=$(process_ticks "$pid" with-children)
            postmaster=0
        else
            pg=$((pg + $(process_ticks "$pid")))
        fi
    done
    echo "$server $pg $redis"
}

# utime + stime of a process (and with "with-children", of its reaped children); 0 when gone.
process_ticks() {
    local pid=$1 fields='$14 + $15'
    [[ ${2:-} == with-children ]] && fields='$14 + $15 + $16 + $17'
    if [[ $pid =~ ^[0-9]+$ && -r /proc/$pid/stat ]]; then
        # The command name (field 2) of our processes has no spaces.
        awk "{ print $fields }" "/proc/$pid/stat" 2>/dev/null || echo 0
    else
        echo 0
    fi
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
    # The limit is measured again just before and just after the phase: this machine's capacity
    # drifts by half within minutes, and phase a's figure alone made the ratio mostly drift.
    run_pgbench "$label-pgbench-before" insert.sql 64 "$SECONDS_PER_PHASE" bench_scratch
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
    run_pgbench "$label-pgbench-after" insert.sql 64 "$SECONDS_PER_PHASE" bench_scratch
    R[$label.limit_tps]=$(calc "%.1f" \
        "(${R[$label-pgbench-before.tps]:-0} + ${R[$label-pgbench-after.tps]:-0}) / 2")
    show "$STATE/$label.txt"
    show "$STATE/probe-w$w.txt"
    parse_results "$STATE/$label.txt"
    parse_results "$STATE/probe-w$w.txt"
    info "CPU per token: server ${R[$label.cpu_server_us]} us, Postgres ${R[$label.cpu_pg_us]} us," \
        "Redis ${R[$label.cpu_redis_us]} us, load generator ${R[$label.loadgen_cpu_us]:-?} us"
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
    step "d. call -> serve -> complete loops at $count counters, WORKERS=$w, as fast as answers" \
        "come: 1 s warm-up + ${SECONDS_PER_PHASE} s; only the call is timed"
    events_before=$(count_rows "SELECT count(*) FROM token_events WHERE event = 'called'")
    profile_begin "$label"
    before=$(cpu_ticks)
    run_callnext "$label" 0
    local after calls
    after=$(cpu_ticks)
    calls=$(($(count_rows "SELECT count(*) FROM token_events WHERE event = 'called'") - events_before))
    cpu_per_unit "$label" "$before" "$after" "$calls"
    profile_end "$label" "$calls"
    info "CPU per call+serve+complete: server ${R[$label.cpu_server_us]} us," \
        "Postgres ${R[$label.cpu_pg_us]} us, Redis ${R[$label.cpu_redis_us]} us"
    # Saturated, the loop above measures queueing for the CPU; operators call far more slowly.
    # Three times as long: at 80 calls a second a 10 s phase holds 800 calls, so its p99 would be
    # the 8th slowest call alone.
    step "d. the same, each counter calling at most every 100 ms (80 calls/s in all)," \
        "$((3 * SECONDS_PER_PHASE)) s"
    events_before=$(count_rows "SELECT count(*) FROM token_events WHERE event = 'called'")
    profile_begin "callnext-paced-w$w"
    run_callnext "callnext-paced-w$w" 100 $((3 * SECONDS_PER_PHASE))
    profile_end "callnext-paced-w$w" \
        "$(($(count_rows "SELECT count(*) FROM token_events WHERE event = 'called'") - events_before))"
}

run_callnext() { # label interval-ms [seconds]
    "$LOADGEN" callnext --port "$SERVER_PORT" --label "$1" --bearer "$ADMIN_TOKEN" \
        --counters "$COUNTER_IDS" --warmup 1 --duration "${3:-$SECONDS_PER_PHASE}" --interval-ms "$2" \
        >"$STATE/$1.txt" 2>&1 || true
    show "$STATE/$1.txt"
    parse_results "$STATE/$1.txt"
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
