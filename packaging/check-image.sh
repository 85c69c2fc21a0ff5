#!/usr/bin/env bash
# Builds the server image (packaging/docker/Dockerfile) with podman, runs it up to a served token,
# and checks that no secret, .local/, .git/ or build/ file is in its build context or any layer.
# Needs root (podman, chroot, mounts) and about 2 GB of disk under $NEXTUP_IMAGE_WORK; the build
# compiles the server (12 to 18 minutes on 2 cores when other work runs). Installs what is missing with apt-get.
#
#   bash packaging/check-image.sh
#
# How, on a machine without a Docker engine and without registry access:
#   1. Base images: `debootstrap --variant=minbase bookworm` from the Debian mirror this machine's
#      apt uses (read from /etc/apt/sources.list[.d]), imported as localhost/debian:12, and a
#      copy with debian-slim's dpkg excludes (no docs, man pages, locales) as debian:12-slim. The
#      roots' apt sources point at that same mirror, so the Dockerfile's apt-get works unchanged.
#   2. `podman build --isolation=chroot --pull=never --format docker` (docker format: OCI images
#      drop HEALTHCHECK) of the checkout, tagged nextup-server:local.
#   3. Context probe: a throwaway build that copies the whole context, listed for what
#      .dockerignore must keep out.
#   4. Run: `podman run` with its defaults cannot start containers on these machines (crun's
#      setrlimit above the sandbox's hard RLIMIT_NOFILE/RLIMIT_NPROC is refused, then crun
#      refuses the hybrid cgroup layout), so the image is mounted (`podman image mount`) and its
#      entrypoint run with chroot as the image's user (uid 10001), in a private mount namespace:
#      root read-only (compose's read_only: true), /proc, /dev, a tmpfs /tmp, and the secrets as
#      files under /run/secrets, 0444 as packaging/docker/make-secrets.sh makes them. It shares
#      this machine's network, so it listens on 127.0.0.1 only; Postgres 15 and Redis are private
#      ones started here on free loopback ports. migrate; compose.yaml's own init command (migrate
#      + create-admin from the admin_password secret; again; NEXTUP_DEMO=1 on that database and
#      on an empty one); healthcheck while down; serve with open files soft 1024, hard 65536 (or
#      this machine's lower hard limit: the server must raise its soft limit to the hard one);
#      healthcheck; then as the admin: a branch, a service, an anonymous token and its status;
#      SIGTERM; healthcheck fails again.
#   5. The same as a real container where podman can start one (runc, limits within this
#      machine's; see podman_run_check): serve, `podman healthcheck run`, a token, stop.
#   6. Layers: `podman save` (docker-archive), every layer's file list checked for .local/,
#      secrets/, jwt_secret, pg_password, admin_password, .git/, build/, node_modules/, keys and
#      env files, and every layer searched for the actual secret values found in this checkout
#      (.local/, packaging/docker/secrets/).
#
# Settings: NEXTUP_IMAGE_WORK (/var/tmp/nextup-check-image), NEXTUP_IMAGE_SKIP_BUILD=1 (check the
# image already built), NEXTUP_REBUILD_BASE=1 (debootstrap the base images again).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WORK=${NEXTUP_IMAGE_WORK:-/var/tmp/nextup-check-image}
IMAGE=localhost/nextup-server:local
IMAGE_UID=10001
PG_BIN=/usr/lib/postgresql/15/bin

# shellcheck source=packaging/checklib.sh
source "$(dirname "${BASH_SOURCE[0]}")/checklib.sh"
info() { echo "    $*"; }
die() {
    echo "check-image: $*" >&2
    exit 1
}

# ---- 1. base images ---------------------------------------------------------------------------
# "MIRROR SECURITY_MIRROR" for bookworm from this machine's apt sources (one-line and deb822).
apt_mirrors() {
    /usr/bin/python3 - <<'EOF'
import glob, re
main = security = None
def consider(uris, suites):
    global main, security
    for uri in uris:
        if uri.startswith(("http://", "https://")):
            if "bookworm" in suites and main is None:
                main = uri.rstrip("/")
            if "bookworm-security" in suites and security is None:
                security = uri.rstrip("/")
for path in ["/etc/apt/sources.list"] + sorted(glob.glob("/etc/apt/sources.list.d/*.list")):
    try:
        lines = open(path).read().splitlines()
    except OSError:
        continue
    for line in lines:
        line = re.sub(r"\[[^]]*\]", "", line.split("#", 1)[0]).split()
        if len(line) >= 3 and line[0] == "deb":
            consider([line[1]], [line[2]])
for path in sorted(glob.glob("/etc/apt/sources.list.d/*.sources")):
    for stanza in re.split(r"\n\s*\n", open(path).read()):
        fields = {}
        for line in stanza.splitlines():
            if line.startswith("#") or ":" not in line:
                continue
            key, value = line.split(":", 1)
            fields[key.strip().lower()] = value.split()
        if "deb" in fields.get("types", []) and fields.get("enabled", ["yes"])[0] != "no":
            consider(fields.get("uris", []), fields.get("suites", []))
print(main or "", security or "")
EOF
}

make_base_images() {
    step "Base images debian:12 and debian:12-slim (debootstrap, imported)"
    if [[ ${NEXTUP_REBUILD_BASE:-0} != 1 ]] && podman image exists localhost/debian:12 &&
        podman image exists localhost/debian:12-slim; then
        info "already imported (NEXTUP_REBUILD_BASE=1 makes them again)"
        return 0
    fi
    local mirrors mirror security
    mirrors=$(apt_mirrors)
    read -r mirror security <<<"$mirrors"
    [[ -n $mirror ]] || die "no bookworm mirror in /etc/apt/sources.list or sources.list.d"
    info "mirror: $mirror${security:+ (security: $security)}"
    local rootfs="$WORK/rootfs"
    rm -rf "$rootfs" "$WORK/rootfs-slim"
    mkdir -p "$rootfs"
    debootstrap --variant=minbase bookworm "$rootfs" "$mirror" >"$WORK/debootstrap.log" 2>&1 ||
        { tail -n 20 "$WORK/debootstrap.log" >&2; die "debootstrap failed (log: $WORK/debootstrap.log)"; }
    {
        echo "deb $mirror bookworm main"
        echo "deb $mirror bookworm-updates main"
        [[ -n $security ]] && echo "deb $security bookworm-security main"
    } >"$rootfs/etc/apt/sources.list"
    rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/log/*.log
    : >"$rootfs/etc/resolv.conf"
    podman rmi -f localhost/debian:12 localhost/debian:12-slim >/dev/null 2>&1 || true
    tar -C "$rootfs" --numeric-owner -c . | podman import --quiet - localhost/debian:12 >/dev/null

    # debian:12-slim as the real one is made: dpkg leaves out docs (but copyright), man and info
    # pages and translations, and what is there of them now goes.
    cp -a "$rootfs" "$WORK/rootfs-slim"
    local slim="$WORK/rootfs-slim"
    cat >"$slim/etc/dpkg/dpkg.cfg.d/docker-slim" <<'EOF'
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/man/*
path-exclude /usr/share/groff/*
path-exclude /usr/share/info/*
path-exclude /usr/share/locale/*
path-exclude /usr/share/lintian/*
path-exclude /usr/share/linda/*
EOF
    find "$slim/usr/share/doc" -mindepth 1 ! -name copyright ! -type d -delete
    find "$slim/usr/share/doc" -mindepth 1 -type d -empty -delete
    rm -rf "$slim"/usr/share/man/* "$slim"/usr/share/info/* "$slim"/usr/share/locale/* "$slim"/usr/share/groff/*
    tar -C "$slim" --numeric-owner -c . | podman import --quiet - localhost/debian:12-slim >/dev/null
    # Short names in FROM resolve to these local images whatever registries.conf says.
    podman tag localhost/debian:12 docker.io/library/debian:12
    podman tag localhost/debian:12-slim docker.io/library/debian:12-slim
    rm -rf "$rootfs" "$slim"
    info "imported: $(podman image inspect --format '{{.Size}}' localhost/debian:12) bytes (12), $(podman image inspect --format '{{.Size}}' localhost/debian:12-slim) bytes (12-slim)"
}

# ---- 2. build ---------------------------------------------------------------------------------
build_image() {
    step "podman build -f packaging/docker/Dockerfile -t nextup-server:local ."
    if [[ ${NEXTUP_IMAGE_SKIP_BUILD:-0} == 1 ]] && podman image exists "$IMAGE"; then
        info "NEXTUP_IMAGE_SKIP_BUILD=1: checking the image already built"
        return 0
    fi
    local start=$SECONDS revision
    revision=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
    if ! podman build --isolation=chroot --pull=never --format docker \
        --build-arg NEXTUP_REVISION="$revision" \
        -f "$ROOT/packaging/docker/Dockerfile" -t "$IMAGE" "$ROOT" >"$WORK/build.log" 2>&1; then
        tail -n 40 "$WORK/build.log" >&2
        die "podman build failed (log: $WORK/build.log)"
    fi
    pass "built in $((SECONDS - start)) s (log: $WORK/build.log)"
}

# ---- 3. what .dockerignore lets into the context ----------------------------------------------
FORBIDDEN_PATHS='(^|/)\.local(/|$)|(^|/)secrets(/|$)|jwt_secret|pg_password|admin_password|(^|/)\.git(/|$)|(^|/)build(/|$)|(^|/)node_modules(/|$)|\.key$|(^|/)[^/]*\.env$|(^|/)\.env(\.|$)'

check_context() {
    step "Build context after .dockerignore (a throwaway image copying all of it)"
    local probe=localhost/nextup-context-probe:check
    printf 'FROM localhost/debian:12-slim\nCOPY . /context\n' >"$WORK/Containerfile.probe"
    if ! podman build --isolation=chroot --pull=never --layers=false -q -f "$WORK/Containerfile.probe" \
        -t "$probe" "$ROOT" >"$WORK/probe.log" 2>&1; then
        tail -n 20 "$WORK/probe.log" >&2
        fail "the context probe did not build"
        return
    fi
    local mnt
    mnt=$(podman image mount "$probe")
    (cd "$mnt/context" && find . -mindepth 1 | sed 's|^\./||') >"$WORK/context-files.txt"
    podman image unmount "$probe" >/dev/null
    podman rmi -f "$probe" >/dev/null
    # The packaged env template holds no value; .dockerignore keeps it on purpose.
    grep -E "$FORBIDDEN_PATHS" "$WORK/context-files.txt" | grep -vx 'packaging/systemd/nextup.env' \
        >"$WORK/context-bad.txt" || true
    if [[ -s $WORK/context-bad.txt ]]; then
        head -n 20 "$WORK/context-bad.txt" | sed 's/^/      /' >&2
        fail "the build context holds $(wc -l <"$WORK/context-bad.txt") path(s) it must not (first above)"
    else
        pass "$(wc -l <"$WORK/context-files.txt") paths in the context, none under .local/, .git/, build/, secrets/, node_modules/, no key or env file"
    fi
}

# ---- 4. run -----------------------------------------------------------------------------------
MNT=""
SERVER_PID=""
SERVER_JOB=""
PG_DATA=""
REDIS_PID=""

cleanup() {
    set +e
    [[ -n $SERVER_PID ]] && kill -TERM "$SERVER_PID" 2>/dev/null && wait "$SERVER_JOB" 2>/dev/null
    [[ -n $REDIS_PID ]] && kill -TERM "$REDIS_PID" 2>/dev/null
    [[ -n $PG_DATA && -f $PG_DATA/postmaster.pid ]] &&
        runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DATA" -m immediate -w stop >/dev/null 2>&1
    [[ -n $MNT ]] && podman image unmount "$IMAGE" >/dev/null 2>&1
    [[ -n $CONTAINER ]] && podman rm -f "$CONTAINER" >/dev/null 2>&1
    # The throwaway secrets and database go; the logs stay for a look.
    rm -rf "$WORK/run/secrets" "$WORK/run/pg/data" "$WORK/run/pg/pwfile"
}
trap cleanup EXIT

start_backends() {
    step "Private PostgreSQL 15 and Redis on free loopback ports"
    local run="$WORK/run"
    rm -rf "$run"
    mkdir -p "$run/secrets" "$run/redis"
    chmod 755 "$WORK" "$run"
    # The secrets, as make-secrets.sh makes them.
    head -c 48 /dev/urandom | base64 -w0 >"$run/secrets/jwt_secret"
    od -An -tx1 -N24 /dev/urandom | tr -d ' \n' >"$run/secrets/pg_password"
    head -c 18 /dev/urandom | base64 -w0 | tr '+/' '-_' >"$run/secrets/admin_password"
    chmod 0444 "$run"/secrets/*

    PG_PORT=$(free_port)
    PG_DATA="$run/pg/data"
    mkdir -p "$run/pg"
    cp "$run/secrets/pg_password" "$run/pg/pwfile"
    chown -R postgres:postgres "$run/pg"
    chmod 700 "$run/pg"
    runuser -u postgres -- "$PG_BIN/initdb" -D "$PG_DATA" -U nextup --pwfile="$run/pg/pwfile" \
        -A scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$run/initdb.log" 2>&1 ||
        { cat "$run/initdb.log" >&2; die "initdb failed"; }
    printf "listen_addresses = '127.0.0.1'\nunix_socket_directories = ''\n" >>"$PG_DATA/postgresql.conf"
    runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$run/pg/postgres.log" -w -t 30 \
        start -o "-p $PG_PORT" >/dev/null || { tail "$run/pg/postgres.log" >&2; die "Postgres did not start"; }
    PGPASSWORD=$(cat "$run/secrets/pg_password") "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U nextup \
        -d postgres -qtAX -c "CREATE DATABASE nextup" -c "CREATE DATABASE nextup_demo" >/dev/null
    info "Postgres on 127.0.0.1:$PG_PORT"

    REDIS_PORT=$(free_port)
    redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no --daemonize yes \
        --pidfile "$run/redis/redis.pid" --dir "$run/redis" --logfile "$run/redis/redis.log"
    local i
    for ((i = 0; i < 50; i++)); do
        [[ $(redis-cli -p "$REDIS_PORT" ping 2>/dev/null) == PONG ]] && break
        sleep 0.1
    done
    REDIS_PID=$(cat "$run/redis/redis.pid")
    info "Redis on 127.0.0.1:$REDIS_PORT"
}

# in_image COMMAND...: the command in the image's root, as the image's user, with the image's
# environment plus the settings compose gives the servers. stdin, stdout, stderr pass through.
# Every step execs the next, so the caller's $! is the program's pid.
in_image() {
    local image_env
    image_env=$(podman image inspect --format '{{range .Config.Env}}{{println .}}{{end}}' "$IMAGE")
    local env=()
    while IFS= read -r line; do [[ -n $line ]] && env+=("$line"); done <<<"$image_env"
    env+=(
        HOME=/nonexistent
        PORT="$SERVER_PORT"
        BIND_ADDRESS=127.0.0.1 # this chroot shares the machine's network
        DATABASE_URL="postgres://nextup@127.0.0.1:$PG_PORT/nextup"
        DATABASE_PASSWORD_FILE=/run/secrets/pg_password
        REDIS_URL="redis://127.0.0.1:$REDIS_PORT/0"
        JWT_SECRET_FILE=/run/secrets/jwt_secret
    )
    unshare --mount --propagation private -- /bin/sh -ec '
        mnt=$1 secrets=$2 userspec=$3 nofile=$4 pidfile=$5
        shift 5
        # As compose ulimits do: a hard limit, and optionally a lower soft one to be raised.
        # (Not above the hard limit this shell has: raising it needs CAP_SYS_RESOURCE.)
        if [ -n "$nofile" ]; then
            hard=${nofile#*:} have=$(ulimit -Hn)
            if [ "$have" != unlimited ] && [ "$have" -lt "$hard" ]; then hard=$have; fi
            ulimit -Hn "$hard"
            ulimit -Sn "${nofile%:*}"
        fi
        # This shell becomes chroot, env, then the program: the same pid all along.
        if [ -n "$pidfile" ]; then echo $$ >"$pidfile"; fi
        mount --bind "$mnt" "$mnt"
        mount -o remount,bind,ro "$mnt"
        mount -t proc proc "$mnt/proc"
        mount --rbind /dev "$mnt/dev"
        mount -t tmpfs -o mode=1777,nosuid,nodev tmpfs "$mnt/tmp"
        mount -t tmpfs -o mode=755,nosuid,nodev tmpfs "$mnt/run"
        mkdir "$mnt/run/secrets"
        cp -p "$secrets"/* "$mnt/run/secrets/"
        exec chroot --userspec="$userspec" "$mnt" /usr/bin/env -i "$@"
    ' in_image "$MNT" "$WORK/run/secrets" "$IMAGE_UID:$IMAGE_UID" "${IN_IMAGE_NOFILE:-}" \
        "${IN_IMAGE_PIDFILE:-}" "${env[@]}" "$@"
}

json_field() { /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"; }

run_image() {
    step "Image configuration"
    local config
    config=$(podman image inspect --format '{{.Config.User}}|{{json .Config.Entrypoint}}|{{json .Config.Cmd}}|{{json .Config.ExposedPorts}}|{{json .Config.Healthcheck}}' "$IMAGE" 2>/dev/null ||
        podman image inspect --format '{{.Config.User}}|{{json .Config.Entrypoint}}|{{json .Config.Cmd}}|{{json .Config.ExposedPorts}}|{{json .HealthCheck}}' "$IMAGE")
    info "$config"
    [[ $config == "$IMAGE_UID:$IMAGE_UID|"* ]] && pass "runs as $IMAGE_UID" || fail "user is not $IMAGE_UID"
    [[ $config == *'"nextup-server","healthcheck"'* || $config == *'/usr/bin/nextup-server","healthcheck"'* ]] &&
        pass "HEALTHCHECK runs nextup-server healthcheck" || fail "no HEALTHCHECK in the image"
    [[ $config == *'["/usr/bin/nextup-server"]|["serve"]'* ]] && pass "ENTRYPOINT nextup-server, CMD serve" ||
        fail "entrypoint/cmd are not nextup-server serve"

    MNT=$(podman image mount "$IMAGE")
    SERVER_PORT=$(free_port)
    start_backends

    step "Shared libraries inside the image"
    local plugin
    plugin=$(cd "$MNT" && ls usr/lib/*/qt6/plugins/sqldrivers/libqsqlpsql.so 2>/dev/null | head -n1)
    [[ -n $plugin ]] && pass "QPSQL driver: /$plugin" || fail "no QPSQL driver in the image"
    if in_image /usr/bin/ldd /usr/bin/nextup-server ${plugin:+/$plugin} >"$WORK/ldd.txt" 2>&1 &&
        ! grep -q 'not found' "$WORK/ldd.txt"; then
        pass "every library of nextup-server and the QPSQL driver resolves ($(grep -c '=>' "$WORK/ldd.txt") entries)"
    else
        grep 'not found' "$WORK/ldd.txt" >&2 || cat "$WORK/ldd.txt" >&2
        fail "missing libraries in the image"
    fi

    step "One-shot commands (as uid $IMAGE_UID, read-only root)"
    in_image nextup-server --version || fail "--version"
    in_image nextup-server migrate && pass "migrate" || fail "migrate"
    in_image nextup-server migrate 2>&1 | grep -q 'up to date' && pass "migrate again: nothing to do" ||
        fail "a second migrate did not say the schema is up to date"
    # compose.yaml's init service, its entrypoint and command as compose passes them ($$ is $).
    local init_cmd=()
    mapfile -d '' init_cmd < <(/usr/bin/python3 - "$ROOT/packaging/docker/compose.yaml" <<'PY'
import sys, yaml
init = yaml.safe_load(open(sys.argv[1]))["services"]["init"]
args = list(init["entrypoint"]) + list(init["command"])
sys.stdout.write("".join(a.replace("$$", "$") + "\0" for a in args))
PY
    )
    in_image NEXTUP_ADMIN_USERNAME=admin NEXTUP_DEMO=0 "${init_cmd[@]}" >"$WORK/init.log" 2>&1 &&
        grep -q 'admin admin created' "$WORK/init.log" &&
        pass "compose's init command: migrate, then create-admin admin from the admin_password secret" ||
        { cat "$WORK/init.log" >&2; fail "compose's init command"; }
    in_image NEXTUP_ADMIN_USERNAME=admin NEXTUP_DEMO=0 "${init_cmd[@]}" >"$WORK/init.log" 2>&1 &&
        grep -q 'already exists' "$WORK/init.log" && pass "init again (every compose up): nothing changed" ||
        { cat "$WORK/init.log" >&2; fail "init a second time"; }
    in_image NEXTUP_ADMIN_USERNAME=admin NEXTUP_DEMO=1 "${init_cmd[@]}" >"$WORK/init.log" 2>&1 &&
        grep -q 'already has users' "$WORK/init.log" && pass "init with NEXTUP_DEMO=1 on a database with users: nothing changed" ||
        { cat "$WORK/init.log" >&2; fail "init with NEXTUP_DEMO=1"; }
    in_image DATABASE_URL="postgres://nextup@127.0.0.1:$PG_PORT/nextup_demo" NEXTUP_DEMO=1 "${init_cmd[@]}" \
        >"$WORK/init.log" 2>&1 && grep -q 'demo data loaded' "$WORK/init.log" &&
        pass "init with NEXTUP_DEMO=1 on an empty database: migrated, demo data loaded" ||
        { cat "$WORK/init.log" >&2; fail "init with NEXTUP_DEMO=1 on an empty database"; }
    if in_image nextup-server healthcheck >/dev/null 2>&1; then
        fail "healthcheck passed with no server running"
    else
        pass "healthcheck fails while nothing serves"
    fi

    step "serve (open files: soft 1024, hard 65536 or this machine's lower hard limit)"
    rm -f "$WORK/server.pid"
    IN_IMAGE_NOFILE=1024:65536 IN_IMAGE_PIDFILE="$WORK/server.pid" \
        in_image nextup-server serve >"$WORK/server.log" 2>&1 &
    SERVER_JOB=$!
    local i ready=0
    for ((i = 0; i < 50; i++)); do
        [[ -s $WORK/server.pid ]] && break
        sleep 0.1
    done
    SERVER_PID=$(cat "$WORK/server.pid")
    for ((i = 0; i < 300; i++)); do
        if curl -fsS -m 2 -o /dev/null "http://127.0.0.1:$SERVER_PORT/readyz" 2>/dev/null; then
            ready=1
            break
        fi
        kill -0 "$SERVER_PID" 2>/dev/null || break
        sleep 0.1
    done
    if ((!ready)); then
        tail -n 30 "$WORK/server.log" >&2
        fail "the server did not become ready"
        return
    fi
    pass "ready on 127.0.0.1:$SERVER_PORT (pid $SERVER_PID)"
    local uid soft hard
    uid=$(awk '/^Uid:/ {print $2}' "/proc/$SERVER_PID/status")
    soft=$(awk '/^Max open files/ {print $4}' "/proc/$SERVER_PID/limits")
    hard=$(awk '/^Max open files/ {print $5}' "/proc/$SERVER_PID/limits")
    [[ $uid == "$IMAGE_UID" ]] && pass "serves as uid $uid" || fail "serves as uid $uid"
    # 65536 under compose; here at most this machine's own hard limit.
    [[ $soft == "$hard" && $soft -gt 1024 ]] && pass "open-file soft limit raised from 1024 to the hard limit $hard" ||
        fail "open-file limits soft $soft, hard $hard: the server did not raise its soft limit"
    in_image nextup-server healthcheck && pass "healthcheck: exit 0" || fail "healthcheck while serving"

    step "A served token, through the API"
    local base="http://127.0.0.1:$SERVER_PORT" login access branch service answer token_id secret
    login=$(/usr/bin/python3 -c 'import json,sys; print(json.dumps({"username":"admin","password":open(sys.argv[1]).read()}))' \
        "$WORK/run/secrets/admin_password")
    access=$(curl -fsS -H 'Content-Type: application/json' -d "$login" "$base/api/auth/login" | json_field access_token) ||
        { fail "login as the created admin"; return; }
    pass "signed in as admin"
    branch=$(curl -fsS -H "Authorization: Bearer $access" -H 'Content-Type: application/json' \
        -d '{"name":"Image check","timezone":"UTC"}' "$base/api/branches")
    branch=$(/usr/bin/python3 -c 'import json,sys; d=json.load(sys.stdin); print((d.get("branch") or d)["id"])' <<<"$branch")
    service=$(curl -fsS -H "Authorization: Bearer $access" -H 'Content-Type: application/json' \
        -d "{\"branch_id\":$branch,\"code\":\"C\",\"name\":\"Counter service\"}" "$base/api/services")
    service=$(/usr/bin/python3 -c 'import json,sys; d=json.load(sys.stdin); print((d.get("service") or d)["id"])' <<<"$service")
    pass "branch $branch, service $service"
    answer=$(curl -sS -w '\n%{http_code}' -H 'Content-Type: application/json' -d "{\"service_id\":$service}" "$base/api/tokens")
    info "POST /api/tokens -> $(tail -n1 <<<"$answer")"
    info "$(head -n1 <<<"$answer")"
    if [[ $(tail -n1 <<<"$answer") == 201 ]]; then
        pass "a token was issued"
        token_id=$(head -n1 <<<"$answer" | json_field token_id)
        secret=$(head -n1 <<<"$answer" | json_field secret)
        info "GET /api/tokens/$token_id/status -> $(curl -sS -H "X-Token-Secret: $secret" "$base/api/tokens/$token_id/status")"
    else
        fail "POST /api/tokens did not answer 201"
    fi
    local path code
    for path in / /api/docs /api/openapi.json /metrics; do
        code=$(curl -s -o /dev/null -w '%{http_code}' "$base$path")
        [[ $code == 200 ]] && pass "GET $path: 200" || fail "GET $path: $code"
    done

    step "Stop"
    kill -TERM "$SERVER_PID"
    local status=0
    wait "$SERVER_JOB" || status=$?
    SERVER_PID=""
    [[ $status == 0 ]] && pass "SIGTERM: exit 0" || fail "SIGTERM: exit $status"
    if in_image nextup-server healthcheck >/dev/null 2>&1; then
        fail "healthcheck passed after the server stopped"
    else
        pass "healthcheck fails once stopped"
    fi
    grep -iE 'warning|critical|error' "$WORK/server.log" | head -n 5 | sed 's/^/    server log: /' || true
    podman image unmount "$IMAGE" >/dev/null
    MNT=""
}

# The same image as a real container, where podman can start one: with podman's defaults it
# cannot here (crun's setrlimit of RLIMIT_NOFILE/RLIMIT_NPROC above this sandbox's hard limits is
# refused, then crun refuses the hybrid cgroup layout), but runc with limits within the machine's
# own does. This runs the HEALTHCHECK the way an engine runs it. Skipped, not failed, when podman
# cannot start a container.
CONTAINER=""
podman_run_check() {
    step "podman run (runc, --read-only, --cap-drop ALL, secrets as read-only files)"
    local hard name="nextup-check-image-$$" base="http://127.0.0.1:$SERVER_PORT" secrets="$WORK/run/secrets"
    hard=$(ulimit -Hn)
    [[ $hard == unlimited || $hard -gt 65536 ]] && hard=65536
    local run=(podman --runtime runc)
    if ! "${run[@]}" run --rm --ulimit "nofile=$hard:$hard" --ulimit nproc=4096:4096 --network host \
        "$IMAGE" --version >"$WORK/podman-run.log" 2>&1; then
        tail -n 3 "$WORK/podman-run.log" | sed 's/^/    /'
        info "skipped: podman cannot start containers on this machine (the chroot run above stands)"
        return 0
    fi
    CONTAINER=$name
    "${run[@]}" run -d --name "$name" --network host --read-only --cap-drop ALL \
        --security-opt no-new-privileges --ulimit "nofile=1024:$hard" --ulimit nproc=4096:4096 \
        -v "$secrets/jwt_secret:/run/secrets/jwt_secret:ro" -v "$secrets/pg_password:/run/secrets/pg_password:ro" \
        -e PORT="$SERVER_PORT" -e BIND_ADDRESS=127.0.0.1 \
        -e DATABASE_URL="postgres://nextup@127.0.0.1:$PG_PORT/nextup" -e DATABASE_PASSWORD_FILE=/run/secrets/pg_password \
        -e REDIS_URL="redis://127.0.0.1:$REDIS_PORT/0" -e JWT_SECRET_FILE=/run/secrets/jwt_secret \
        "$IMAGE" >>"$WORK/podman-run.log" 2>&1 || { tail -n 5 "$WORK/podman-run.log" >&2; fail "podman run -d"; return; }
    local i ready=0
    for ((i = 0; i < 300; i++)); do
        curl -fsS -m 2 -o /dev/null "$base/readyz" 2>/dev/null && { ready=1; break; }
        sleep 0.1
    done
    if ((!ready)); then
        podman logs "$name" 2>&1 | tail -n 20 >&2
        fail "the container did not become ready"
        return
    fi
    pass "container ready (default command: serve)"
    local user limits
    user=$(podman top "$name" huser user 2>/dev/null | tail -n1 | tr -s ' ')
    [[ $user == *"$IMAGE_UID"* ]] && pass "runs as $user" || fail "runs as $user"
    limits=$(podman exec "$name" sh -c 'grep "^Max open files" /proc/1/limits' 2>/dev/null | awk '{print $4, $5}')
    [[ $limits == "$hard $hard" ]] && pass "open files: soft raised from 1024 to $hard" ||
        fail "open files (soft hard): $limits"
    podman healthcheck run "$name" >/dev/null 2>&1 && pass "podman healthcheck run: healthy" ||
        fail "podman healthcheck run: unhealthy"
    local answer
    answer=$(curl -sS -w '\n%{http_code}' -H 'Content-Type: application/json' -d '{"service_id":1}' "$base/api/tokens")
    [[ $(tail -n1 <<<"$answer") == 201 ]] && pass "POST /api/tokens: 201 $(head -n1 <<<"$answer" | cut -c1-120)..." ||
        fail "POST /api/tokens in the container: $answer"
    podman stop -t 10 "$name" >/dev/null 2>&1
    local code
    code=$(podman inspect --format '{{.State.ExitCode}}' "$name")
    [[ $code == 0 ]] && pass "podman stop: exit 0" || fail "podman stop: exit $code"
    podman rm -f "$name" >/dev/null 2>&1
    CONTAINER=""
}

# ---- 5. layers --------------------------------------------------------------------------------
check_layers() {
    step "Every layer of the image"
    local save="$WORK/save"
    rm -rf "$save" "$WORK/image.tar"
    mkdir -p "$save"
    podman save --format docker-archive -o "$WORK/image.tar" "$IMAGE" >/dev/null
    tar -C "$save" -xf "$WORK/image.tar"
    local layers
    layers=$(/usr/bin/python3 -c 'import json,sys; print("\n".join(json.load(open(sys.argv[1]))[0]["Layers"]))' "$save/manifest.json")
    # The values of the secrets this checkout holds, to look for inside the layers' bytes.
    local values="$WORK/secret-values.txt" f
    : >"$values"
    for f in "$ROOT"/.local/jwt_secret "$ROOT"/.local/pg_password "$ROOT"/packaging/docker/secrets/*; do
        [[ -s $f && $(wc -c <"$f") -ge 12 ]] && { head -n1 "$f"; echo; } >>"$values"
    done
    sed -i '/^$/d' "$values"
    local n=0 files=0 layer bad=0
    while IFS= read -r layer; do
        n=$((n + 1))
        tar -tf "$save/$layer" >"$WORK/layer-$n.txt"
        files=$((files + $(wc -l <"$WORK/layer-$n.txt")))
        if grep -E "$FORBIDDEN_PATHS" "$WORK/layer-$n.txt" >"$WORK/layer-$n-bad.txt"; then
            head -n 10 "$WORK/layer-$n-bad.txt" | sed "s/^/      layer $n: /" >&2
            bad=1
        fi
        if [[ -s $values ]] && grep -a -F -q -f "$values" "$save/$layer"; then
            echo "      layer $n holds the value of a secret of this checkout" >&2
            bad=1
        fi
        info "layer $n: $(wc -l <"$WORK/layer-$n.txt") paths, $(du -h "$save/$layer" | cut -f1)"
    done <<<"$layers"
    ((bad)) && fail "a layer holds what it must not (above)" ||
        pass "$n layers, $files paths: nothing under .local/, .git/, build/, secrets/, node_modules/, no key or env file; $(wc -l <"$values") secret value(s) of this checkout found in none"
    rm -rf "$save" "$WORK/image.tar"
}

main() {
    mkdir -p "$WORK"
    chmod 755 "$WORK"
    step "Tools"
    apt_install podman buildah debootstrap postgresql-15 redis-server curl util-linux
    podman --version | sed 's/^/    /'
    make_base_images
    build_image
    check_context
    run_image
    podman_run_check
    check_layers
    local size
    size=$(podman image inspect --format '{{.Size}}' "$IMAGE")
    step "Image size: $size bytes ($((size / 1024 / 1024)) MiB)"
    podman history --format '{{.Size}}\t{{.CreatedBy}}' "$IMAGE" | cut -c1-110 | sed 's/^/    /'
    echo
    if ((failures)); then
        echo "check-image: $failures check(s) FAILED" >&2
        exit 1
    fi
    echo "check-image: all checks passed"
}

main "$@"
