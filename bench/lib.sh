# shellcheck shell=bash
# Sourced by bench/run.sh: building, and starting/stopping the private Postgres, Redis and
# nextup-server of one benchmark run. Every process started here is recorded by pid and stopped
# by cleanup() (the EXIT trap), whatever happens.

# shellcheck source=measure.sh
source "$ROOT/bench/measure.sh"

STATE=""
PG_PORT="" PG_DATA="" PG_PAUSED=0
REDIS_PORT="" REDIS_PID=""
SERVER_PORT="" SERVER_PID="" SERVER_WORKERS=""
BACKGROUND_PIDS=()
declare -A R=() # results: "<phase>.<key>" -> value

step() { echo "==> $*"; }
info() { echo "    $*"; }
die() {
    echo "error: $*" >&2
    exit 1
}

is_root() { [[ $(id -u) -eq 0 ]]; }
# Postgres refuses to run as root: as root its tools run as the postgres system user.
as_pg() {
    if is_root; then runuser -u postgres -- "$@"; else "$@"; fi
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
# A free port below the kernel's ephemeral range: a port there may be the local end of one of the
# benchmark's own outgoing connections a moment later, and then cannot be listened on.
free_port() {
    local port i low
    low=$(awk '{ print $1 }' /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || echo 32768)
    ((low > 12000)) || low=32768
    for ((i = 0; i < 50; i++)); do
        port=$((10000 + RANDOM % (low - 10000)))
        port_in_use "$port" || {
            echo "$port"
            return 0
        }
    done
    die "no free TCP port found"
}

# Builds the named targets in $BUILD_DIR (the ci preset's folder, or any other as RelWithDebInfo),
# unless NEXTUP_BENCH_SKIP_BUILD=1 says they are built already.
build_targets() {
    if [[ ${NEXTUP_BENCH_SKIP_BUILD:-0} == 1 ]]; then
        step "Using the binaries in $BUILD_DIR (NEXTUP_BENCH_SKIP_BUILD=1)"
    else
        step "Building $* in $BUILD_DIR"
        export CCACHE_BASEDIR=$ROOT
        if [[ $BUILD_DIR == "$ROOT/build/ci" ]]; then
            (cd "$ROOT" && cmake --preset ci >/dev/null)
        else
            cmake -S "$ROOT" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
                -DCMAKE_CXX_COMPILER_LAUNCHER=ccache >/dev/null
        fi
        cmake --build "$BUILD_DIR" --target "$@" -j2 >/dev/null
    fi
}

build() {
    build_targets nextup-server nextup-loadgen
    [[ -x $SERVER_BIN && -x $LOADGEN ]] || die "missing $SERVER_BIN or $LOADGEN"
    [[ -n $PGBENCH ]] || die "pgbench not found (apt-get install postgresql-15)"
    command -v redis-benchmark >/dev/null || die "redis-benchmark not found (apt-get install redis-tools)"
    command -v jq >/dev/null || die "jq not found (apt-get install jq)"
}

psql_db() {
    "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d "${PSQL_DB:-nextup}" -v ON_ERROR_STOP=1 \
        -qtAX "$@"
}

start_postgres() {
    PG_PORT=$(free_port)
    PG_DATA=$STATE/pg/data
    local durability="fsync on, synchronous_commit on (defaults)"
    local -a settings=(-c listen_addresses=127.0.0.1 -c "unix_socket_directories=''"
        -c max_connections=150)
    # shellcheck disable=SC2207 # words of "-c name=value" pairs
    settings+=($(profile_postgres_settings))
    # shellcheck disable=SC2206 # extra "-c name=value" words, for experiments
    settings+=(${NEXTUP_BENCH_PG_SETTINGS:-})
    if [[ $DURABLE != 1 ]]; then
        settings+=(-c fsync=off -c synchronous_commit=off -c full_page_writes=off)
        durability="fsync off, synchronous_commit off"
    fi
    step "PostgreSQL 15 on 127.0.0.1:$PG_PORT ($durability)"
    mkdir -p "$STATE/pg"
    is_root && chown postgres:postgres "$STATE/pg"
    as_pg "$PG_BIN/initdb" -D "$PG_DATA" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync \
        >"$STATE/pg/initdb.log" 2>&1 || die "initdb failed: $STATE/pg/initdb.log"
    as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$STATE/pg/postgres.log" -w -t 30 start \
        -o "-p $PG_PORT ${settings[*]}" >/dev/null || die "Postgres did not start: $STATE/pg/postgres.log"
    R[env.durability]=$durability
}

postgres_pids() {
    local postmaster
    postmaster=$(head -n1 "$PG_DATA/postmaster.pid" 2>/dev/null) || return 0
    [[ $postmaster =~ ^[0-9]+$ ]] || return 0
    echo "$postmaster"
    ps -o pid= --ppid "$postmaster" 2>/dev/null || true
}

pause_postgres() {
    PG_PAUSED=1
    local pid
    for pid in $(postgres_pids); do kill -STOP "$pid" 2>/dev/null || true; done
}

resume_postgres() {
    local pid
    for pid in $(postgres_pids); do kill -CONT "$pid" 2>/dev/null || true; done
    PG_PAUSED=0
}

# On a free port, or on $1 (Redis restarted empty where the server expects it).
start_redis() {
    REDIS_PORT=${1:-$(free_port)}
    step "Redis on 127.0.0.1:$REDIS_PORT (no persistence)"
    mkdir -p "$STATE/redis"
    redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no \
        --daemonize no --dir "$STATE/redis" --logfile "$STATE/redis/redis.log" &
    REDIS_PID=$!
    local i
    for ((i = 0; i < 100; i++)); do
        [[ $(redis-cli -p "$REDIS_PORT" ping 2>/dev/null) == PONG ]] && return 0
        sleep 0.1
    done
    die "Redis does not answer on port $REDIS_PORT"
}

server_env() {
    export PORT=$SERVER_PORT BIND_ADDRESS=127.0.0.1 NEXTUP_SQL_DIR=$ROOT/sql
    export DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/nextup"
    export REDIS_URL="redis://127.0.0.1:$REDIS_PORT/0"
    export JWT_SECRET=${JWT_SECRET:-$(head -c 48 /dev/urandom | base64 -w0)}
    # Rate limits far above any benchmark: they would otherwise be what is measured.
    export TOKEN_RATE_PER_MINUTE=100000000 AUTH_RATE_PER_MINUTE=100000
}

# What every script starts from: Postgres and Redis of its own, the schema and the demo seed, and
# the server's environment (on a free port, not started yet).
start_seeded_stores() {
    start_postgres
    start_redis
    step "Database: migrate, seed --demo"
    PSQL_DB=postgres psql_db -c "CREATE DATABASE nextup"
    SERVER_PORT=$(free_port)
    server_env
    "$SERVER_BIN" migrate >"$STATE/migrate.log" 2>&1 || die "migrate failed: $STATE/migrate.log"
    "$SERVER_BIN" seed --demo >"$STATE/seed.log" 2>&1 || die "seed failed: $STATE/seed.log"
}

# The extra counters and a long waiting line for call-next, and pgbench's table.
prepare_database() {
    step "Database: $EXTRA_COUNTERS extra counters, $WAITING_TOKENS waiting tokens"
    psql_db <<SQL
SET TIME ZONE 'UTC';
INSERT INTO counters (branch_id, name)
SELECT 1, 'Bench ' || g FROM generate_series(1, $EXTRA_COUNTERS) g;
INSERT INTO counter_services (counter_id, service_id)
SELECT c.id, s.id FROM counters c CROSS JOIN services s WHERE c.name LIKE 'Bench %';
-- Waiting since an hour ago, numbered per service from 1 like tokens issued by the server; the
-- server rebuilds its Redis queue from these rows when it starts.
INSERT INTO tokens (service_id, business_date, number, token_number, arrival_at, created_at,
                    secret_hash)
SELECT s.id, current_date, (g - 1) / 3 + 1, s.code || lpad(((g - 1) / 3 + 1)::text, 3, '0'),
       now() - interval '1 hour' + g * interval '1 ms', now() - interval '1 hour', md5(g::text)
FROM generate_series(1, $WAITING_TOKENS) g JOIN services s ON s.id = 1 + (g - 1) % 3;
CREATE TABLE bench_scratch (id bigserial PRIMARY KEY, v integer NOT NULL,
                            at timestamptz NOT NULL DEFAULT now());
CREATE SEQUENCE bench_number;
ANALYZE;
SQL
    if [[ ${NEXTUP_BENCH_PROPOSED_INDEXES:-0} == 1 ]]; then # now migration 0003: a no-op
        # The indexes bench/README.md proposes: the ETA estimator's "last 20 completed tokens of a
        # service" and a counter's current token, both of which otherwise read the whole history.
        info "with the proposed indexes tokens_completed_idx and tokens_at_counter_idx"
        psql_db <<'SQL'
CREATE INDEX IF NOT EXISTS tokens_completed_idx ON tokens (service_id, finished_at)
    WHERE status = 'completed';
CREATE INDEX IF NOT EXISTS tokens_at_counter_idx ON tokens (counter_id)
    WHERE status IN ('called', 'serving');
SQL
    fi
    profile_prepare_database
}

start_server() {
    SERVER_WORKERS=$1
    SERVER_PORT=$(free_port)
    step "nextup-server on 127.0.0.1:$SERVER_PORT with WORKERS=$SERVER_WORKERS"
    server_env
    WORKERS=$SERVER_WORKERS "$SERVER_BIN" serve >>"$STATE/server-w$SERVER_WORKERS.log" 2>&1 &
    SERVER_PID=$!
    local i
    for ((i = 0; i < 300; i++)); do
        curl -fsS -m 2 -o /dev/null "http://127.0.0.1:$SERVER_PORT/readyz" 2>/dev/null && break
        kill -0 "$SERVER_PID" 2>/dev/null || die "the server exited: $STATE/server-w$SERVER_WORKERS.log"
        sleep 0.1
    done
    ((i < 300)) || die "the server did not answer /readyz within 30 s"
    # /readyz answers while the live queue is still being rebuilt from Postgres (the first start
    # loads $WAITING_TOKENS tokens): measuring must not begin before the rebuild is done.
    for ((i = 0; i < 600; i++)); do
        [[ $(redis-cli -p "$REDIS_PORT" EXISTS nx:ready 2>/dev/null) == 1 ]] && return 0
        sleep 0.1
    done
    die "the live queue was not rebuilt within 60 s"
}

stop_pid() {
    local pid=$1 i
    kill -TERM "$pid" 2>/dev/null || return 0
    for ((i = 0; i < 100; i++)); do
        kill -0 "$pid" 2>/dev/null || {
            wait "$pid" 2>/dev/null || true
            return 0
        }
        sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}

stop_server() {
    [[ -n $SERVER_PID ]] && stop_pid "$SERVER_PID"
    SERVER_PID=""
}

cleanup() {
    local status=$? pid
    set +e
    [[ $PG_PAUSED == 1 ]] && resume_postgres
    for pid in "${BACKGROUND_PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null; done
    stop_server
    [[ -n $REDIS_PID ]] && stop_pid "$REDIS_PID"
    if [[ -n $PG_DATA && -f $PG_DATA/postmaster.pid ]]; then
        as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -w -t 30 -m fast stop >/dev/null 2>&1
    fi
    if [[ -n $STATE && -d $STATE ]]; then
        if [[ ${NEXTUP_BENCH_KEEP:-0} == 1 || $status != 0 ]]; then
            echo "Logs kept in $STATE"
        else
            rm -rf "$STATE"
        fi
    fi
    exit "$status"
}
