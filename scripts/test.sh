#!/usr/bin/env bash
# Builds Nextup and runs every test suite (CTest). The tests start their own private PostgreSQL
# and Redis (tests/support), so nothing has to be running beforehand. .ci/run calls this script.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
# Paths below the checkout are hashed relative to it, so a fresh clone in another folder (CI)
# reuses the objects compiled in this one.
export CCACHE_BASEDIR="$ROOT" CCACHE_NOHASHDIR=1
start=$(date +%s)

echo "==> Installing missing packages"
bash "$ROOT/scripts/deps.sh"

# The browser test's driver (playwright-core, pinned by tests/e2e/package-lock.json). It drives
# Debian's Chromium, so no browser is ever downloaded. Installed only when missing or when the
# lockfile is newer than the last install; without it tst_e2e_browser reports SKIP.
E2E_DIR="$ROOT/tests/e2e"
if [[ ! -f $E2E_DIR/node_modules/.package-lock.json ||
      $E2E_DIR/package-lock.json -nt $E2E_DIR/node_modules/.package-lock.json ]]; then
    echo "==> Installing the browser test's npm packages (tests/e2e)"
    if ! (cd "$E2E_DIR" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund); then
        [[ -n ${CI:-} ]] && { echo "npm ci failed in tests/e2e" >&2; exit 1; }
        echo "WARNING: npm ci failed in tests/e2e; tst_e2e_browser will be skipped" >&2
    fi
fi

if [[ -n ${CI:-} ]]; then
    ccache -z >/dev/null 2>&1 || true # so the statistics printed below are this run's
fi

echo "==> Configuring and building (preset ci)"
cmake --preset ci
cmake --build --preset ci

echo "==> Running the tests"
status=0
ctest --preset ci -j2 --output-on-failure --timeout 600 --no-tests=error || status=$?

echo "==> Sanitizers: ASan + UBSan over the unit suites and five integration suites (scripts/sanitize.sh)"
bash "$ROOT/scripts/sanitize.sh" || { echo "sanitize.sh found something" >&2; status=1; }

echo "==> Fuzzers: every harness for 60 s, two at a time (scripts/fuzz.sh)"
bash "$ROOT/scripts/fuzz.sh" || { echo "fuzz.sh found something" >&2; status=1; }

echo "==> House rules: clang-format with include order, clang-tidy (scripts/lint.py)"
python3 "$ROOT/scripts/lint.py" --tidy || status=1

echo "==> Packaging files: compose and nginx (packaging/check-*.sh)"
bash "$ROOT/packaging/check-compose.sh" >/dev/null || { echo "check-compose failed" >&2; status=1; }
bash "$ROOT/packaging/check-nginx.sh" >/dev/null || { echo "check-nginx failed" >&2; status=1; }

if [[ -n ${CI:-} ]]; then
    echo "==> ccache"
    ccache -s 2>/dev/null | grep -E -i 'hits|misses|cache size' || true
fi

echo "==> Wall time: $(($(date +%s) - start)) s; ctest exit status: $status"
exit "$status"
