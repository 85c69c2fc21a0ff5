#!/usr/bin/env bash
# Builds Nextup and runs every test suite (CTest). The tests start their own private PostgreSQL
# and Redis (tests/support), so nothing has to be running beforehand. .ci/run calls this script.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
start=$(date +%s)

echo "==> Installing missing packages"
bash "$ROOT/scripts/deps.sh"

echo "==> Configuring and building (preset ci)"
cmake --preset ci
cmake --build --preset ci

echo "==> Running the tests"
status=0
ctest --preset ci -j2 --output-on-failure --timeout 600 || status=$?

if [[ -n ${CI:-} ]]; then
    echo "==> ccache"
    ccache -s 2>/dev/null | grep -E -i 'hits|misses|cache size' || true
fi

echo "==> Wall time: $(($(date +%s) - start)) s; ctest exit status: $status"
exit "$status"
