# shellcheck shell=bash disable=SC2034  # variables are used by the scripts that source this
# Shared by up.sh and stop.sh (sourced, not run): where the local installation lives and small
# helpers. Everything lives under <checkout>/.local so that deleting that folder starts over.

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
LOCAL="$ROOT/.local"

PG_BIN=/usr/lib/postgresql/15/bin    # Debian keeps initdb, pg_ctl, postgres off PATH
PG_ROOT="$LOCAL/pg"                  # owned by the user that runs Postgres
PG_DATA="$PG_ROOT/data"
PG_LOG="$PG_ROOT/postgres.log"
PG_PASSWORD_FILE="$LOCAL/pg_password"
PG_PORT=${NEXTUP_PG_PORT:-55432}

REDIS_DIR="$LOCAL/redis"
REDIS_PIDFILE="$REDIS_DIR/redis.pid"
REDIS_PORT=${NEXTUP_REDIS_PORT:-56379}

SERVER_BIN="$ROOT/build/ci/server/nextup-server"
SERVER_PIDFILE="$LOCAL/server.pid"
SERVER_LOG="$LOCAL/server.log"
SERVER_STAMP="$LOCAL/server.stamp"
SERVER_PORT=${NEXTUP_PORT:-8080}
JWT_SECRET_FILE="$LOCAL/jwt_secret"

if [[ -t 1 ]]; then
    C_BOLD=$'\e[1m' C_RED=$'\e[31m' C_OFF=$'\e[0m'
else
    C_BOLD='' C_RED='' C_OFF=''
fi

step() { echo "${C_BOLD}==> $*${C_OFF}"; }
info() { echo "    $*"; }
die() {
    echo "${C_RED}error:${C_OFF} $*" >&2
    exit 1
}

is_root() { [[ $(id -u) -eq 0 ]]; }

# Postgres refuses to run as root: as root, run its tools as the postgres system user.
as_pg() {
    if is_root; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

# True when pid (from a pid file) is alive and its command line mentions name: a stale pid file
# whose number was reused by another program must not make us kill that program.
pid_matches() {
    local pid=$1 name=$2
    [[ $pid =~ ^[0-9]+$ ]] || return 1
    [[ -r /proc/$pid/cmdline ]] || return 1
    tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q -- "$name"
}

# Prints the pid stored in file if that process is still running as name.
running_pid() {
    local file=$1 name=$2 pid
    [[ -s $file ]] || return 1
    pid=$(head -n1 "$file")
    pid_matches "$pid" "$name" || return 1
    echo "$pid"
}

# SIGTERM, then SIGKILL after timeout seconds.
stop_pid() {
    local pid=$1 timeout=${2:-10} i
    kill -TERM "$pid" 2>/dev/null || return 0
    for ((i = 0; i < timeout * 10; i++)); do
        kill -0 "$pid" 2>/dev/null || return 0
        sleep 0.1
    done
    echo "    pid $pid did not stop after ${timeout}s, killing it"
    kill -KILL "$pid" 2>/dev/null || true
}

pg_running() {
    [[ -f $PG_DATA/PG_VERSION ]] && as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1
}

# True when something accepts TCP connections on 127.0.0.1:port.
port_in_use() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}
