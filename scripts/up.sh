#!/usr/bin/env bash
# Brings up a complete local Nextup on Debian 12: installs what is missing, builds, starts a
# private PostgreSQL 15 and Redis under <checkout>/.local, migrates and seeds the database and
# starts the server. Run it again at any time: it reuses what exists and starts only what is
# not running. scripts/stop.sh stops it all; deleting .local starts over.
#
# Settings (environment): NEXTUP_PORT (8080), NEXTUP_PG_PORT (55432), NEXTUP_REDIS_PORT (56379),
# NEXTUP_SKIP_BUILD=1 (use build/ci as it is).
set -euo pipefail

# shellcheck source=scripts/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

install_and_build() {
    step "Installing missing packages"
    bash "$ROOT/scripts/deps.sh"
    if [[ ${NEXTUP_SKIP_BUILD:-0} == 1 ]]; then
        info "NEXTUP_SKIP_BUILD=1: using the binary already built"
    else
        step "Building (cmake --preset ci)"
        (cd "$ROOT" && cmake --preset ci >/dev/null && cmake --build --preset ci)
    fi
    [[ -x $SERVER_BIN ]] || die "the build did not produce $SERVER_BIN"
}

prepare_local_dir() {
    mkdir -p "$LOCAL"
    if is_root; then
        # The postgres user must be able to pass through .local to reach its cluster; the
        # secrets inside are mode 600, so traverse-only (711) reveals nothing.
        chmod 711 "$LOCAL"
        make_traversable_for_postgres "$LOCAL"
    else
        chmod 700 "$LOCAL"
    fi
}

# As root the checkout often lives under /root (mode 700): grant o+x (traverse, not read) on
# exactly the parents that stop the postgres user, and say so.
make_traversable_for_postgres() {
    local target=$1 dir="" part
    runuser -u postgres -- test -x "$target" && return 0
    IFS=/ read -ra parts <<<"${target#/}"
    for part in "${parts[@]}"; do
        dir="$dir/$part"
        if ! runuser -u postgres -- test -x "$dir"; then
            chmod o+x "$dir"
            info "note: ran 'chmod o+x $dir' so the postgres user can reach $target"
        fi
    done
}

random_hex() { od -An -tx1 -N"$1" /dev/urandom | tr -d ' \n'; }

init_postgres_cluster() {
    info "creating the cluster in $PG_DATA"
    mkdir -p "$PG_ROOT"
    chmod 700 "$PG_ROOT"
    if [[ ! -s $PG_PASSWORD_FILE ]]; then
        (umask 077 && random_hex 18 >"$PG_PASSWORD_FILE")
    fi
    local pwfile="$PG_ROOT/.initdb-password"
    (umask 077 && cat "$PG_PASSWORD_FILE" >"$pwfile")
    is_root && chown -R postgres:postgres "$PG_ROOT"
    # The bootstrap superuser is the application's role: this is a private development cluster.
    if ! as_pg "$PG_BIN/initdb" -D "$PG_DATA" -U nextup --pwfile="$pwfile" -A scram-sha-256 \
        -E UTF8 --locale=C.UTF-8 >"$PG_ROOT/initdb.log" 2>&1; then
        rm -f "$pwfile"
        cat "$PG_ROOT/initdb.log" >&2
        die "initdb failed (log above)"
    fi
    rm -f "$pwfile"
    # TCP on loopback only; no Unix socket, whose default folder needs root to create.
    cat >>"$PG_DATA/postgresql.conf" <<'EOF'

# Nextup local installation (scripts/up.sh); the port is given on the command line.
listen_addresses = '127.0.0.1'
unix_socket_directories = ''
EOF
}

start_postgres() {
    step "PostgreSQL 15 on 127.0.0.1:$PG_PORT"
    [[ -f $PG_DATA/PG_VERSION ]] || init_postgres_cluster
    [[ -s $PG_PASSWORD_FILE ]] ||
        die "$PG_PASSWORD_FILE is missing: the cluster cannot be used; run scripts/stop.sh and delete $PG_ROOT"
    if pg_running; then
        local running_port
        running_port=$(sed -n 4p "$PG_DATA/postmaster.pid")
        if [[ $running_port == "$PG_PORT" ]]; then
            info "already running"
            return 0
        fi
        info "running on port $running_port; restarting on $PG_PORT"
        as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -w -m fast stop >/dev/null
    fi
    port_in_use "$PG_PORT" && die "port $PG_PORT is taken by another program; set NEXTUP_PG_PORT"
    if ! as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w -t 30 start -o "-p $PG_PORT" \
        >/dev/null; then
        tail -n 20 "$PG_LOG" >&2 || true
        die "PostgreSQL did not start (log: $PG_LOG)"
    fi
    info "started (log: $PG_LOG)"
}

psql_nextup() {
    PGPASSWORD=$(cat "$PG_PASSWORD_FILE") "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U nextup \
        -d postgres -v ON_ERROR_STOP=1 -qtAX "$@"
}

DB_CREATED=0
create_database() {
    if [[ $(psql_nextup -c "SELECT 1 FROM pg_database WHERE datname = 'nextup'") == 1 ]]; then
        info "database nextup exists"
        return 0
    fi
    psql_nextup -c "CREATE DATABASE nextup"
    DB_CREATED=1
    info "database nextup created"
}

start_redis() {
    step "Redis on 127.0.0.1:$REDIS_PORT"
    mkdir -p "$REDIS_DIR"
    local pid
    if pid=$(running_pid "$REDIS_PIDFILE" redis-server); then
        if [[ $(cat "$REDIS_DIR/port" 2>/dev/null) == "$REDIS_PORT" ]] &&
            [[ $(redis-cli -p "$REDIS_PORT" ping 2>/dev/null) == PONG ]]; then
            info "already running"
            return 0
        fi
        info "restarting (port changed or not answering)"
        stop_pid "$pid"
    fi
    port_in_use "$REDIS_PORT" && die "port $REDIS_PORT is taken by another program; set NEXTUP_REDIS_PORT"
    # The queue is rebuilt from Postgres whenever Redis starts empty: no persistence needed.
    cat >"$REDIS_DIR/redis.conf" <<EOF
port $REDIS_PORT
bind 127.0.0.1
daemonize yes
pidfile $REDIS_PIDFILE
logfile $REDIS_DIR/redis.log
dir $REDIS_DIR
save ""
appendonly no
EOF
    echo "$REDIS_PORT" >"$REDIS_DIR/port"
    redis-server "$REDIS_DIR/redis.conf" || die "redis-server did not start (log: $REDIS_DIR/redis.log)"
    local i
    for ((i = 0; i < 100; i++)); do
        [[ $(redis-cli -p "$REDIS_PORT" ping 2>/dev/null) == PONG ]] && {
            info "started (log: $REDIS_DIR/redis.log)"
            return 0
        }
        sleep 0.1
    done
    tail -n 20 "$REDIS_DIR/redis.log" >&2 || true
    die "Redis does not answer PING on port $REDIS_PORT"
}

ensure_jwt_secret() {
    if [[ ! -s $JWT_SECRET_FILE ]]; then
        (umask 077 && head -c 48 /dev/urandom | base64 -w0 >"$JWT_SECRET_FILE")
        info "generated a JWT secret in $JWT_SECRET_FILE"
    fi
    chmod 600 "$JWT_SECRET_FILE"
}

server_env() {
    export PORT=$SERVER_PORT
    export BIND_ADDRESS=127.0.0.1 # a local installation: not reachable from the network
    export NEXTUP_SQL_DIR="$ROOT/sql"
    DATABASE_URL="postgres://nextup:$(cat "$PG_PASSWORD_FILE")@127.0.0.1:$PG_PORT/nextup"
    export DATABASE_URL
    export REDIS_URL="redis://127.0.0.1:$REDIS_PORT/0"
    JWT_SECRET=$(cat "$JWT_SECRET_FILE")
    export JWT_SECRET
}

migrate_and_seed() {
    step "Database schema"
    "$SERVER_BIN" migrate || die "'nextup-server migrate' failed"
    # Seed only a database that has never been seeded (seed refuses to touch data anyway).
    [[ $DB_CREATED == 1 ]] && rm -f "$LOCAL/seeded"
    if [[ ! -f $LOCAL/seeded ]]; then
        "$SERVER_BIN" seed --demo || die "'nextup-server seed --demo' failed"
        touch "$LOCAL/seeded"
        info "demo data seeded"
    fi
}

# What the running server was started with; a change (new build, other ports) restarts it.
server_fingerprint() {
    printf '%s\n' "$(stat -c '%Y %s' "$SERVER_BIN")" "$BIND_ADDRESS:$PORT" "$DATABASE_URL" "$REDIS_URL" \
        "$(sha256sum <<<"$JWT_SECRET")"
}

start_server() {
    step "Nextup server on 127.0.0.1:$SERVER_PORT"
    local pid
    if pid=$(running_pid "$SERVER_PIDFILE" nextup-server); then
        if [[ $(cat "$SERVER_STAMP" 2>/dev/null) == "$(server_fingerprint)" ]]; then
            info "already running (pid $pid)"
            wait_ready "$pid"
            return 0
        fi
        info "restarting: the binary or the settings changed"
        stop_pid "$pid"
    fi
    port_in_use "$SERVER_PORT" && die "port $SERVER_PORT is taken by another program; set NEXTUP_PORT"
    echo "=== $(date -Is) starting $SERVER_BIN" >>"$SERVER_LOG"
    # setsid + nohup: the server outlives this shell and its terminal.
    nohup setsid "$SERVER_BIN" >>"$SERVER_LOG" 2>&1 </dev/null &
    pid=$!
    echo "$pid" >"$SERVER_PIDFILE"
    server_fingerprint >"$SERVER_STAMP"
    wait_ready "$pid"
    info "started (pid $pid, log: $SERVER_LOG)"
}

# The log of the latest start only (up.sh appends a "=== <date> starting" line each time).
server_log_tail() {
    tac "$SERVER_LOG" 2>/dev/null | sed '/^=== /q' | tac | tail -n 40 >&2 || true
}

wait_ready() {
    local pid=$1 i
    for ((i = 0; i < 300; i++)); do
        curl -fsS -m 2 -o /dev/null "http://127.0.0.1:$SERVER_PORT/readyz" 2>/dev/null && return 0
        if ! kill -0 "$pid" 2>/dev/null; then
            server_log_tail
            die "the server exited during startup (log above: $SERVER_LOG)"
        fi
        sleep 0.1
    done
    server_log_tail
    die "the server did not answer /readyz within 30 s (log above: $SERVER_LOG)"
}

print_summary() {
    local base="http://127.0.0.1:$SERVER_PORT"
    cat <<EOF

${C_BOLD}Nextup is running.${C_OFF}
  Booking page   $base/            (customers take a token here and follow it live)
  REST API       $base/api
  API docs       $base/api/docs
  WebSocket      ws://127.0.0.1:$SERVER_PORT/ws/queues
  Health         $base/healthz   $base/readyz   $base/metrics

Demo logins (from the seed):
  admin      / admin123      (admin)
  operator1  / operator123   (operator)
  operator2  / operator123   (operator)
  kiosk      / kiosk123      (kiosk)

Console (staff):  $ROOT/build/ci/console/nextup-console   (server $base, operator1 / operator123)
Lobby board:      $ROOT/build/ci/kiosk/nextup-kiosk --server $base --user kiosk --password kiosk123 --windowed

Local state: $LOCAL   Server log: $SERVER_LOG
Stop everything with: scripts/stop.sh
EOF
}

main() {
    install_and_build
    prepare_local_dir
    start_postgres
    create_database
    start_redis
    ensure_jwt_secret
    server_env
    migrate_and_seed
    start_server
    print_summary
}

main "$@"
