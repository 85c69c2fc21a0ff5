#!/bin/sh
# Runs a command inside a private D-Bus session with a fresh, unlocked gnome-keyring (a real
# Secret Service), in a throwaway HOME, so a keychain test never touches anyone's real keyring.
#   with-keyring.sh <test binary> [arguments...]
# gnome-keyring 42 creates the "login" collection only for a non-empty password, hence the
# throwaway one below.
set -eu
tmp=$(mktemp -d "${TMPDIR:-/tmp}/nextup-keyring.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
export HOME="$tmp" XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config" \
       XDG_CACHE_HOME="$tmp/cache" XDG_RUNTIME_DIR="$tmp/run"
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
unset DBUS_SESSION_BUS_ADDRESS
# dbus-run-session ends the bus and every service it started (the keyring daemon) on exit.
dbus-run-session -- sh -c '
    printf "nextup-test" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
    exec "$@"' sh "$@"
