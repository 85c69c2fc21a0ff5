#!/usr/bin/env bash
# Static checks of packaging/docker/compose.yaml, for machines without a Docker engine (ours).
# Installs what is missing (apt: docker-compose, python3-yaml; npm: dclint, into a cache folder
# outside the checkout). Exit 0 only when every check that could run passed.
#
#   1. `docker compose config -q`, when the Compose v2 plugin is installed (the client alone works
#      without an engine). Not on Debian 12, where it is not packaged: then
#   2. the Compose Specification's JSON schema, through dclint (npm), which also lints; its style
#      rules (key order, service order) are left out;
#   3. Debian's docker-compose 1.29 (`config`: parse, anchors, interpolation, paths) on a copy
#      without the two keys it predates (top-level `name`, depends_on's `restart`);
#   4. this project's rules, in Python: restart policies, health checks, dependency conditions,
#      one shared image, open-file limits, secrets only as files, nginx's upstreams.
#
# Settings: NEXTUP_CHECK_CACHE (/var/tmp/nextup-checks): where dclint is installed.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DOCKER_DIR="$ROOT/packaging/docker"
COMPOSE="$DOCKER_DIR/compose.yaml"
CACHE=${NEXTUP_CHECK_CACHE:-/var/tmp/nextup-checks}
DCLINT_VERSION=3.1.0
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# shellcheck source=packaging/checklib.sh
source "$(dirname "${BASH_SOURCE[0]}")/checklib.sh"

# The secret files need not exist for a static check; empty stand-ins where they are missing, in
# a copy of the folder, so that nothing is ever written beside the real ones.
prepare_copy() {
    mkdir -p "$TMP/docker/secrets"
    cp "$COMPOSE" "$DOCKER_DIR/nginx-compose.conf" "$TMP/docker/"
    for name in jwt_secret pg_password admin_password; do : >"$TMP/docker/secrets/$name"; done
}

check_compose_plugin() {
    step "docker compose config (Compose v2)"
    if docker compose version >/dev/null 2>&1; then
        if docker compose -f "$COMPOSE" config -q; then
            pass "docker compose config: valid"
        else
            fail "docker compose config rejected compose.yaml"
        fi
    else
        echo "    skipped: no Compose v2 plugin here (Debian 12 does not package it); schema check instead"
    fi
}

check_schema() {
    step "Compose Specification schema (dclint $DCLINT_VERSION)"
    if ! command -v npm >/dev/null; then
        fail "npm is missing: cannot install dclint"
        return
    fi
    local dir="$CACHE/dclint-$DCLINT_VERSION"
    if [[ ! -x $dir/node_modules/.bin/dclint ]]; then
        mkdir -p "$dir"
        (cd "$dir" && echo '{"private": true}' >package.json &&
            npm install --no-audit --no-fund --loglevel=error "dclint@$DCLINT_VERSION" >/dev/null)
    fi
    # Style rules are opinions about key order; no-unbound-port-interfaces cannot see that the
    # published port's interface is given, by ${NEXTUP_HTTP_ADDRESS} (dclint does not interpolate).
    if "$dir/node_modules/.bin/dclint" "$COMPOSE" --quiet --color=false \
        --disable-rule service-keys-order services-alphabetical-order top-level-properties-order \
        no-unbound-port-interfaces; then
        pass "schema and dclint's error rules: no problem"
    else
        fail "dclint found problems (above)"
    fi
}

check_compose_v1() {
    step "docker-compose 1.29 config (Debian's)"
    apt_install docker-compose
    /usr/bin/python3 - "$TMP/docker/compose.yaml" "$TMP/compose-v1.yaml" <<'EOF'
import sys, yaml
doc = yaml.safe_load(open(sys.argv[1]))
doc.pop("name", None)                        # Compose v2's project name
for service in doc["services"].values():
    for dep in (service.get("depends_on") or {}).values():
        if isinstance(dep, dict):
            dep.pop("restart", None)        # Compose v2.17's "restart the dependant"
yaml.safe_dump(doc, open(sys.argv[2], "w"), sort_keys=False)
EOF
    if (cd "$TMP/docker" && docker-compose -p nextup --project-directory "$TMP/docker" \
        -f "$TMP/compose-v1.yaml" config -q); then
        pass "docker-compose config: valid (without name and depends_on.restart)"
    else
        fail "docker-compose config rejected compose.yaml"
    fi
}

check_rules() {
    step "project rules (restart, health, dependencies, image, limits, secrets, nginx)"
    if /usr/bin/python3 - "$COMPOSE" "$DOCKER_DIR" <<'EOF'; then
import os, re, sys, yaml

compose_path, docker_dir = sys.argv[1], sys.argv[2]
doc = yaml.safe_load(open(compose_path))
services = doc["services"]
problems = []
def problem(text): problems.append(text)

ONE_SHOT = {"init"}
SERVER_IMAGE = "nextup-server:local"
SECRETISH = re.compile(r"(SECRET|PASSWORD|PASSWD|TOKEN|API_?KEY|PRIVATE_?KEY)", re.I)

for name, svc in services.items():
    restart = str(svc.get("restart", "no"))
    if name in ONE_SHOT:
        if restart != "no":
            problem(f"{name}: a one-shot service must not restart (restart: {restart})")
        if svc.get("ports"):
            problem(f"{name}: a one-shot service publishes no port")
    else:
        if restart != "unless-stopped":
            problem(f"{name}: restart is {restart!r}, not unless-stopped")
        hc = svc.get("healthcheck") or {}
        if hc.get("disable") or not hc.get("test"):
            problem(f"{name}: no health check")
    # Dependencies: the long form with a condition, and a condition the dependency can meet.
    deps = svc.get("depends_on") or {}
    if isinstance(deps, list):
        problem(f"{name}: depends_on is a list (no condition): {deps}")
        deps = {}
    for dep, spec in deps.items():
        if dep not in services:
            problem(f"{name}: depends on unknown service {dep}")
            continue
        cond = (spec or {}).get("condition")
        if dep in ONE_SHOT:
            if cond != "service_completed_successfully":
                problem(f"{name}: waits for one-shot {dep} with {cond!r}, not service_completed_successfully")
        elif cond != "service_healthy":
            problem(f"{name}: waits for {dep} with {cond!r}, not service_healthy")
    # No secret as a plain environment value; *_FILE names a secret the service mounts.
    env = svc.get("environment") or {}
    if isinstance(env, list):
        env = dict(item.split("=", 1) if "=" in item else (item, None) for item in env)
    mounted = set()
    for s in svc.get("secrets") or []:
        mounted.add(s if isinstance(s, str) else s.get("target") or s["source"])
    for key, value in env.items():
        if key.endswith("_FILE"):
            m = re.fullmatch(r"/run/secrets/([A-Za-z0-9_.-]+)", str(value))
            if not m:
                problem(f"{name}: {key}={value} is not a file under /run/secrets/")
            elif m.group(1) not in mounted:
                problem(f"{name}: {key} names secret {m.group(1)}, which the service does not mount")
        elif SECRETISH.search(key):
            problem(f"{name}: {key} is a plain environment value (use {key}_FILE and a secret)")
        if re.search(r"://[^/@\s:]+:[^/@\s]+@", str(value)):
            problem(f"{name}: {key} carries a password in its URL")
    if svc.get("env_file"):
        problem(f"{name}: env_file hides values from this check; use environment + secrets")

# One image for every server, built once.
servers = {n: s for n, s in services.items() if s.get("image") == SERVER_IMAGE}
builders = [n for n, s in servers.items() if s.get("build")]
if len(builders) != 1:
    problem(f"{SERVER_IMAGE} is built by {builders or 'no service'}; exactly one must build it")
for n, s in services.items():
    if s.get("build") and s.get("image") != SERVER_IMAGE:
        problem(f"{n}: builds an image other than {SERVER_IMAGE}")
serving = [n for n in servers if n not in ONE_SHOT]
if len(serving) < 2:
    problem(f"expected two or more server instances, found {serving}")
for n in serving:
    s = servers[n]
    if s.get("build"):
        problem(f"{n}: a server instance builds the image itself (only the init service builds it)")
    if s.get("pull_policy") not in ("never", "missing", None):
        problem(f"{n}: pull_policy {s.get('pull_policy')} would look {SERVER_IMAGE} up in a registry")
    nofile = (s.get("ulimits") or {}).get("nofile")
    soft = hard = None
    if isinstance(nofile, int):
        soft = hard = nofile
    elif isinstance(nofile, dict):
        soft, hard = nofile.get("soft"), nofile.get("hard")
    if not (isinstance(soft, int) and isinstance(hard, int) and soft >= 65536 and hard >= 65536):
        problem(f"{n}: ulimits.nofile is {nofile!r}; soft and hard must be >= 65536")
    if s.get("ports"):
        problem(f"{n}: a server instance publishes a port; only nginx does")
    for secret in ("jwt_secret", "pg_password"):
        if secret not in [x if isinstance(x, str) else x.get("source") for x in s.get("secrets") or []]:
            problem(f"{n}: does not mount secret {secret}")

# Secrets: files only, under ./secrets/ (git-ignored), each one used.
declared = doc.get("secrets") or {}
used = {x if isinstance(x, str) else x.get("source") for s in services.values() for x in s.get("secrets") or []}
for sname, spec in declared.items():
    spec = spec or {}
    if set(spec) != {"file"}:
        problem(f"secret {sname}: must be declared as a file only (has {sorted(spec)})")
        continue
    path = os.path.normpath(os.path.join(docker_dir, spec["file"]))
    if os.path.dirname(path) != os.path.join(docker_dir, "secrets"):
        problem(f"secret {sname}: {spec['file']} is not under ./secrets/")
    if sname not in used:
        problem(f"secret {sname}: declared but used by no service")
for sname in used - set(declared):
    problem(f"secret {sname}: used but not declared")
gitignore = os.path.join(docker_dir, "secrets", ".gitignore")
if not os.path.exists(gitignore) or "*" not in open(gitignore).read().split():
    problem("packaging/docker/secrets/.gitignore must ignore everything but itself")

pg = services.get("postgres", {})
pg_env = pg.get("environment") or {}
if "POSTGRES_PASSWORD" in pg_env or pg_env.get("POSTGRES_PASSWORD_FILE") != "/run/secrets/pg_password":
    problem("postgres: the password must come from POSTGRES_PASSWORD_FILE=/run/secrets/pg_password")

# nginx: its upstream lists exactly the server instances, on the port they listen on.
nginx = services.get("nginx")
if not nginx:
    problem("no nginx service")
else:
    mounts = [v if isinstance(v, str) else f"{v.get('source')}:{v.get('target')}" for v in nginx.get("volumes") or []]
    conf_mount = [m for m in mounts if m.split(":")[0].endswith("nginx-compose.conf")]
    if not conf_mount:
        problem("nginx: does not mount nginx-compose.conf")
    conf = open(os.path.join(docker_dir, "nginx-compose.conf")).read()
    upstream = re.search(r"upstream\s+nextup_servers\s*\{(.*?)\}", conf, re.S)
    hosts = re.findall(r"^\s*server\s+([\w.-]+):(\d+)", upstream.group(1), re.M) if upstream else []
    ports = {n: str((servers[n].get("environment") or {}).get("PORT", "8080")) for n in serving}
    if sorted(h for h, _ in hosts) != sorted(serving):
        problem(f"nginx-compose.conf's upstream lists {hosts}; compose's server instances are {serving}")
    for h, p in hosts:
        if h in ports and ports[h] != p:
            problem(f"nginx-compose.conf sends to {h}:{p}; {h} listens on {ports[h]}")
    nginx_nets = set(nginx.get("networks") or [])
    for n in serving:
        if nginx_nets and not nginx_nets & set(servers[n].get("networks") or []):
            problem(f"nginx and {n} share no network")

for p in problems:
    print(f"    FAIL: {p}", file=sys.stderr)
if problems:
    sys.exit(1)
print(f"    ok: {len(services)} services; servers {serving} share {SERVER_IMAGE} (built by {builders[0]}); "
      f"secrets {sorted(declared)} as files")
EOF
        :
    else
        fail "project rules (above)"
    fi
}

main() {
    step "Tools"
    apt_install python3-yaml
    prepare_copy
    check_compose_plugin
    check_schema
    check_compose_v1
    check_rules
    echo
    if ((failures)); then
        echo "check-compose: $failures check(s) FAILED" >&2
        exit 1
    fi
    echo "check-compose: all checks passed"
}

main "$@"
