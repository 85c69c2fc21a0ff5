#!/usr/bin/env bash
# Builds the `asan` preset (AddressSanitizer + UndefinedBehaviorSanitizer, Debug) and runs test
# suites under it; the integration suites drive the sanitized nextup-server binary itself.
#   scripts/sanitize.sh            # the subset CI runs (scripts/test.sh): every unit suite, the
#                                  # token flow, appointments, auth, the hardening suite (hostile
#                                  # HTTP and WebSocket input) and the server's commands
#   scripts/sanitize.sh --all      # every suite (before a release; ~3x the normal test time)
# A finding fails the suite: UBSan halts on the first error, ASan on any bad access.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
export CCACHE_BASEDIR="$ROOT" CCACHE_NOHASHDIR=1

# The subset: every unit suite (tests/unit) and the integration suites that drive the server's
# busiest paths: the token flow, appointments, auth, hostile input (tst_hardening), and its
# commands (migrate, seed, create-admin).
INTEGRATION='^(tst_tokenflow|tst_appointments|tst_auth|tst_hardening|tst_servercli)$'

cmake --preset asan >/dev/null
if [[ ${1:-} == --all ]]; then
    cmake --build --preset asan
    runs=("")
else
    # tst_console_commandline carries the unit label too (it runs nextup-console --help), and so
    # do the ticket printing suites (a fake printer on loopback, device files).
    cmake --build --preset asan --target nextup-server tests/unit/all tst_tokenflow tst_appointments \
        tst_auth tst_hardening tst_servercli \
        nextup-console tst_console_commandline tst_ticket_escpos tst_ticket_trouble
    runs=("-L unit" "-R $INTEGRATION")
fi

# Leak checking stays on for our code; Qt's own process-lifetime allocations (plugins, fonts,
# thread-local caches freed by the OS at exit) are not findings.
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1
export LSAN_OPTIONS="suppressions=$ROOT/scripts/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
status=0
for run in "${runs[@]}"; do
    # shellcheck disable=SC2086 # each run is its own ctest filter words
    ctest --preset asan -j2 --output-on-failure --timeout 900 --no-tests=error $run || status=1
done
exit "$status"
