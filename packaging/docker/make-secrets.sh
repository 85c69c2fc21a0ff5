#!/usr/bin/env bash
# Makes the secret files compose.yaml hands to its containers, under packaging/docker/secrets/
# (git-ignored, kept out of image builds by .dockerignore):
#   jwt_secret      48 random bytes, base64: signs access tokens (both server instances share it)
#   pg_password     the nextup Postgres role's password (postgres container and servers)
#   admin_password  the first admin's password (init's create-admin); read it with
#                   `cat packaging/docker/secrets/admin_password`
# An existing file is kept: Postgres keeps the password it was first initialised with, and a new
# JWT secret signs everyone out. --force makes new ones (then `docker compose down -v` too, which
# deletes the database, or change the role's password in Postgres yourself).
#
# Modes: the folder is 0700 (only you, and root, can reach the files on this host); the files are
# 0444. Compose gives a file secret to a container as a bind mount of that very file, with the
# host's owner and mode (it ignores a secret's uid/gid/mode for files): a 0600 root-owned file
# cannot be read by the servers, which run as uid 10001.
set -euo pipefail

DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/secrets
FORCE=0
[[ ${1:-} == --force ]] && FORCE=1

mkdir -p "$DIR"
chmod 0700 "$DIR"

# Printable, no newline, no character a shell or a URL would care about.
random_base64() { head -c "$1" /dev/urandom | base64 -w0 | tr '+/' '-_' | tr -d '='; }
random_hex() { od -An -tx1 -N"$1" /dev/urandom | tr -d ' \n'; }

make_secret() {
    local value=$2 file="$DIR/$1"
    if [[ -s $file && $FORCE == 0 ]]; then
        echo "kept     $file"
        return 0
    fi
    (umask 077 && printf '%s' "$value" >"$file.new")
    chmod 0444 "$file.new"
    mv -f "$file.new" "$file"
    echo "created  $file"
}

make_secret jwt_secret "$(random_base64 48)"
make_secret pg_password "$(random_hex 24)"
make_secret admin_password "$(random_base64 18)"
