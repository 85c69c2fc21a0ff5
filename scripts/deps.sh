#!/usr/bin/env bash
# Installs, with apt-get, the Debian 12 packages that building, running and testing Nextup need.
# Does nothing (and never touches apt) when every package is already installed, so the other
# scripts can call it on every run.
set -euo pipefail

PACKAGES=(
    # toolchain
    build-essential cmake ninja-build ccache pkg-config
    # Qt 6.4.2 and the Qt parts the server, console and kiosk use
    qt6-base-dev qt6-httpserver-dev qt6-websockets-dev qt6-declarative-dev
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qtkeychain-qt6-dev libqt6sql6-psql
    qt6-charts-dev qt6-speech-dev qt6-speech-flite-plugin qt6-multimedia-dev
    # QML modules the kiosk loads at run time (and its Qt Quick tests)
    qml6-module-qtqml qml6-module-qtquick qml6-module-qtquick-controls qml6-module-qtquick-layouts
    qml6-module-qtquick-window qml6-module-qtquick-templates qml6-module-qtqml-workerscript
    qml6-module-qttest qml6-module-qttexttospeech qml6-module-qtmultimedia
    # C libraries
    libhiredis-dev libsodium-dev libqrencode-dev
    # backing stores (started privately by up.sh and by the tests, never as system services)
    postgresql-15 postgresql-client-15 redis-server redis-tools
    # keychain tests (Secret Service under dbus-run-session)
    gnome-keyring dbus-x11 libsecret-tools
    # scripts, browser end-to-end tests
    curl jq chromium chromium-driver nodejs npm
    # house rules (scripts/lint.py) and the packaging files' checks (packaging/check-*.sh)
    clang-format clang-tidy python3 python3-yaml nginx-light openssl docker-compose
    libfuzzer-14-dev # the fuzzers (scripts/fuzz.sh): clang 14 with its libFuzzer
    gdb              # tests/chaos/crashpoint.sh stops the server at exact points and kills it
    # the lobby: printing (a private CUPS with the CUPS-PDF queue, pdftotext), QR decoding of
    # printed tickets, offline voices for every language the board speaks
    cups printer-driver-cups-pdf poppler-utils libzxing-dev
    qt6-speech-speechd-plugin speech-dispatcher-espeak-ng
)

missing_packages() {
    # One dpkg-query for all packages keeps the "nothing to do" path well under a second.
    # Unknown packages print nothing on stdout, so compare against the list instead of parsing errors.
    local installed
    installed=$(dpkg-query -W -f='${db:Status-Abbrev} ${binary:Package}\n' "${PACKAGES[@]}" \
        2>/dev/null | awk '$1 == "ii" { sub(/:.*/, "", $2); print $2 }' || true)
    local p
    for p in "${PACKAGES[@]}"; do
        grep -qxF -- "$p" <<<"$installed" && continue
        # NodeSource's nodejs bundles npm and conflicts with Debian's npm package.
        [[ $p == npm ]] && command -v npm >/dev/null 2>&1 && continue
        echo "$p"
    done
}

mapfile -t MISSING < <(missing_packages)
if [[ ${#MISSING[@]} -eq 0 ]]; then
    exit 0
fi

echo "deps: installing ${#MISSING[@]} missing package(s): ${MISSING[*]}"

SUDO=()
if [[ $(id -u) -ne 0 ]]; then
    if ! command -v sudo >/dev/null 2>&1; then
        echo "deps: not root and sudo is not installed; as root run: apt-get install ${MISSING[*]}" >&2
        exit 1
    fi
    SUDO=(sudo)
fi

export DEBIAN_FRONTEND=noninteractive
# Another apt (unattended-upgrades, a colleague's script) may hold the lock: wait for it.
APT_OPTS=(-o DPkg::Lock::Timeout=600 -o Acquire::Retries=3)

"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get "${APT_OPTS[@]}" update -qq
"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get "${APT_OPTS[@]}" install -y -qq \
    --no-install-recommends "${MISSING[@]}"

mapfile -t STILL < <(missing_packages)
if [[ ${#STILL[@]} -ne 0 ]]; then
    echo "deps: still missing after apt-get: ${STILL[*]}" >&2
    exit 1
fi
echo "deps: all packages installed"
