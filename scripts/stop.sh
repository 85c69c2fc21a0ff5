#!/usr/bin/env bash
# Stops what scripts/up.sh started: the server, Redis and PostgreSQL. Harmless when nothing runs.
set -euo pipefail

# shellcheck source=scripts/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

stopped=0

if pid=$(running_pid "$SERVER_PIDFILE" nextup-server); then
    step "Stopping the server (pid $pid)"
    stop_pid "$pid" 10
    stopped=1
fi
rm -f "$SERVER_PIDFILE"

if pid=$(running_pid "$REDIS_PIDFILE" redis-server); then
    step "Stopping Redis (pid $pid)"
    stop_pid "$pid" 10
    stopped=1
fi
rm -f "$REDIS_PIDFILE"

if pg_running; then
    step "Stopping PostgreSQL"
    as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -w -t 60 -m fast stop >/dev/null
    stopped=1
fi

if [[ $stopped == 0 ]]; then
    echo "Nothing was running."
else
    echo "Stopped. Data stays in $LOCAL (delete it to start over)."
fi
