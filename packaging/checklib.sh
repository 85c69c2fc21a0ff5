# shellcheck shell=bash
# Shared by packaging/check-*.sh (sourced): step/pass/fail reporting and installing what a check
# needs. The caller counts failures in `failures` and exits with it.
failures=0
step() { echo "==> $*"; }
pass() { echo "    ok: $*"; }
fail() {
    echo "    FAIL: $*" >&2
    failures=$((failures + 1))
}

# apt-get install of the packages that are missing (sudo when not root).
apt_install() {
    local missing=() pkg
    for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
    ((${#missing[@]})) || return 0
    echo "    installing ${missing[*]}"
    local sudo=()
    [[ $(id -u) -eq 0 ]] || sudo=(sudo)
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends \
        -o DPkg::Lock::Timeout=600 "${missing[@]}" >/dev/null
}

# A TCP port on 127.0.0.1 that nothing listens on now.
free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
