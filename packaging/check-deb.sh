#!/usr/bin/env bash
# Installs the packages of packaging/build-debs.sh into a clean Debian 12 root (debootstrap
# --variant=minbase, from the mirror this machine's apt uses) and follows README's "Install on a
# server" section there, literally, up to a served token: Postgres role and database, the env
# file, create-admin, the unit's ExecStartPre and ExecStart run as the nextup user, then curl.
# Runs in its own network namespace, so the standard ports (5432, 6379, 8080) are free whatever
# this machine runs. Needs root. Takes a few minutes (most of it debootstrap and apt).
#   bash packaging/check-deb.sh            # builds the packages first
#   NEXTUP_DEBS=/path/to/debs bash packaging/check-deb.sh
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
[[ $(id -u) -eq 0 ]] || { echo "check-deb: run as root (debootstrap, chroot)" >&2; exit 1; }
for tool in debootstrap unshare; do
    command -v "$tool" >/dev/null || apt-get install -y -qq --no-install-recommends "$tool"
done

DEBS=${NEXTUP_DEBS:-}
if [[ -z $DEBS ]]; then
    bash "$ROOT/packaging/build-debs.sh"
    DEBS="$ROOT/build/package/debs"
fi

# The mirror of this machine's apt (deb822 or one-line sources), never a name written here.
mirror=$(awk '/^URIs:/ { print $2; exit }' /etc/apt/sources.list.d/*.sources 2>/dev/null || true)
[[ -n $mirror ]] || mirror=$(awk '$1 == "deb" { print $2; exit }' /etc/apt/sources.list)
[[ -n $mirror ]] || { echo "check-deb: no Debian mirror found in apt's sources" >&2; exit 1; }

# A minbase root is kept as a tarball between runs: debootstrap is the slow part.
CACHE="$ROOT/build/rootfs/bookworm-minbase.tar"
if [[ ! -s $CACHE ]]; then
    echo "==> debootstrap --variant=minbase bookworm (once; cached in $CACHE)"
    mkdir -p "$(dirname "$CACHE")"
    tmp=$(mktemp -d)
    debootstrap --variant=minbase bookworm "$tmp" "$mirror" >/dev/null
    tar -C "$tmp" -cf "$CACHE.part" . && mv "$CACHE.part" "$CACHE"
    rm -rf "$tmp"
fi

CHROOT=$(mktemp -d /tmp/nextup-deb-root.XXXXXX)
cleanup() {
    for m in dev/pts dev proc sys; do umount -l "$CHROOT/$m" 2>/dev/null || true; done
    rm -rf "$CHROOT"
}
trap cleanup EXIT
tar -C "$CHROOT" -xf "$CACHE"
chmod 0755 "$CHROOT" # the tarball's top folder came from mktemp (0700): postgres and nextup must reach /
# The machine's name resolves inside (no DNS in the namespace), as on any installed server.
printf '127.0.0.1 localhost\n127.0.1.1 %s\n' "$(hostname)" >"$CHROOT/etc/hosts"
mount -t proc proc "$CHROOT/proc"
mount --rbind /dev "$CHROOT/dev"
mount -t sysfs sys "$CHROOT/sys"
cp /etc/resolv.conf "$CHROOT/etc/resolv.conf"
# No init runs in a chroot: packages must not try to start their services.
printf '#!/bin/sh\nexit 101\n' >"$CHROOT/usr/sbin/policy-rc.d"
chmod 0755 "$CHROOT/usr/sbin/policy-rc.d"
mkdir -p "$CHROOT/debs"
cp "$DEBS"/nextup-server_*.deb "$DEBS"/nextup-console_*.deb "$DEBS"/nextup-kiosk_*.deb "$CHROOT/debs/"

# README's commands, taken from README.md itself (the ```sh block under "## Install on a server"),
# so that this check fails when README stops being true.
awk '/^## Install on a server/ { on = 1; next } on && /^## / { exit }
     on && /^```sh/ { block = 1; next } on && /^```/ { block = 0; next } block' "$ROOT/README.md" \
    >"$CHROOT/readme-install.sh"
[[ -s $CHROOT/readme-install.sh ]] || { echo "check-deb: README has no install commands" >&2; exit 1; }

# With the network: the tools of the check, and everything README's apt-get lines will install
# downloaded into apt's cache, so that the README part runs without a network.
cat >"$CHROOT/fetch.sh" <<'INNER'
#!/bin/bash
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive LC_ALL=C.UTF-8
apt-get update -qq
apt-get install -y -qq --no-install-recommends sudo curl ca-certificates iproute2 >/dev/null
cd /debs
apt-get install -y -qq --download-only ./nextup-server_*.deb ./nextup-console_*.deb \
    ./nextup-kiosk_*.deb postgresql redis-server >/dev/null
INNER
chmod 0755 "$CHROOT/fetch.sh"
echo "==> In the clean root: apt-get update and downloads"
chroot "$CHROOT" /fetch.sh

cat >"$CHROOT/check.sh" <<'INNER'
#!/bin/bash
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive LC_ALL=C.UTF-8
ip link set lo up

echo "==> What apt pulls in for each package alone (with its Recommends)"
for deb in /debs/nextup-server_*.deb /debs/nextup-console_*.deb /debs/nextup-kiosk_*.deb; do
    echo "    $(basename "$deb"): $(apt-get install --assume-no "$deb" 2>/dev/null |
        grep -E 'newly installed|After this operation' | tr '\n' ' ')"
done

# The services README's admin starts with systemctl; no init here, so by hand.
start_services() {
    pg_ctlcluster 15 main start
    redis-server --daemonize yes --save '' --appendonly no >/dev/null
}

# README's steps, with `systemctl enable --now nextup-server@8080` replaced by the unit's own
# ExecStartPre and ExecStart run as its user with its EnvironmentFile.
sed -e 's/^sudo systemctl enable --now nextup-server@8080$/run_unit 8080/' \
    -e 's/^sudo systemctl start postgresql redis-server$/start_services/' /readme-install.sh >/readme-run.sh
run_unit() {
    local port=$1 unit=/lib/systemd/system/nextup-server@.service pre start
    pre=$(sed -n 's/^ExecStartPre=//p' "$unit" | sed "s/%i/$port/g")
    start=$(sed -n 's/^ExecStart=//p' "$unit" | sed "s/%i/$port/g")
    sudo -u nextup bash -c "set -a; . /etc/nextup/nextup.env; set +a; $pre"
    sudo -u nextup bash -c "set -a; . /etc/nextup/nextup.env; set +a; exec $start" >/tmp/server.log 2>&1 &
    for _ in $(seq 50); do curl -fs "http://127.0.0.1:$port/readyz" >/dev/null && return 0; sleep 0.2; done
    cat /tmp/server.log; return 1
}
echo "==> README: Install on a server"
cd /debs
set -x
source /readme-run.sh
set +x

echo "==> The env file and the secret"
stat -c '%n %a %U:%G' /etc/nextup/nextup.env /etc/nextup/jwt_secret
test "$(stat -c '%a %U:%G' /etc/nextup/nextup.env)" = "640 root:nextup"
test "$(stat -c '%a %U:%G' /etc/nextup/jwt_secret)" = "640 root:nextup"
test "$(wc -c </etc/nextup/jwt_secret)" -ge 32

echo "==> A token, as a customer takes one"
curl -fs http://127.0.0.1:8080/ | grep -qi '<html' && echo "    booking page served at /"
token=$(curl -fs -H 'Content-Type: application/json' -d "{\"username\":\"admin\",\"password\":\"$ADMIN_PASSWORD\"}" \
    http://127.0.0.1:8080/api/auth/login | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')
test -n "$token"
branch=$(curl -fs -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d '{"name":"Head office","timezone":"Europe/Madrid"}' http://127.0.0.1:8080/api/branches |
    sed -n 's/.*"id":\([0-9]*\).*/\1/p')
service=$(curl -fs -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d "{\"branch_id\":$branch,\"code\":\"D\",\"name\":\"Deposits\"}" http://127.0.0.1:8080/api/services |
    sed -n 's/.*"id":\([0-9]*\).*/\1/p')
answer=$(curl -fs -H 'Content-Type: application/json' -d "{\"service_id\":$service}" http://127.0.0.1:8080/api/tokens)
echo "    POST /api/tokens -> $answer"
echo "$answer" | grep -q '"token_number":"D001"'

echo "==> The desktop packages"
apt-get install -y -qq --no-install-recommends /debs/nextup-console_*.deb /debs/nextup-kiosk_*.deb >/dev/null
QT_QPA_PLATFORM=offscreen nextup-console --version
QT_QPA_PLATFORM=offscreen nextup-kiosk --help | head -n 3
ls /usr/share/applications/org.nextup.*.desktop /usr/share/metainfo/org.nextup.*.xml
echo "check-deb: OK"
INNER
chmod 0755 "$CHROOT/check.sh"
echo "==> In the clean root, in a network namespace of its own (loopback only)"
unshare --net chroot "$CHROOT" /check.sh
