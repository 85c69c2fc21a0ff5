#!/usr/bin/env bash
# Builds the libFuzzer harnesses of tests/fuzz (preset `fuzz`: clang 14, ASan + UBSan, in
# build/fuzz; only the harnesses and the server libraries they test) and runs each one for
# FUZZ_SECONDS on a copy of its seed corpus, so the tracked corpus never grows by itself.
#
#   scripts/fuzz.sh                      # CI: every harness for 60 s, two at a time (2 cores)
#   scripts/fuzz.sh requestreader        # one or more harnesses by name
#   FUZZ_SECONDS=600 FUZZ_JOBS=1 nice -n 10 scripts/fuzz.sh   # the long run (bench/README.md)
#
# Prints per harness the executions, exec/s, coverage (libFuzzer's cov: edges, ft: features),
# the corpus (seeds → after the run) and the findings. Any crash, leak, timeout, out-of-memory or
# undefined behaviour (UBSan aborts: -fno-sanitize-recover=all) fails the script; its input is
# copied to tests/fuzz/regressions/<name>/ (commit it with the fix: CTest's fuzz_replay_<name>
# replays it on every build from then on) and printed in base64 for a CI log.
#
# Environment: FUZZ_SECONDS (60) per harness, FUZZ_JOBS (2) harnesses at once, FUZZ_KEEP=1 keeps
# the work folder (the grown corpora, the logs) and prints where it is.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
export CCACHE_BASEDIR="$ROOT" CCACHE_NOHASHDIR=1
start=$(date +%s)

FUZZ_SECONDS=${FUZZ_SECONDS:-60}
FUZZ_JOBS=${FUZZ_JOBS:-2}
ALL=(requestreader requestbody websocketframes accesstokens)
NAMES=("$@")
[[ ${#NAMES[@]} -eq 0 ]] && NAMES=("${ALL[@]}")
for name in "${NAMES[@]}"; do
    [[ " ${ALL[*]} " == *" $name "* ]] || { echo "fuzz: no harness '$name' (${ALL[*]})" >&2; exit 2; }
done

# Longest input per harness: the JWT reader refuses tokens above 8192 bytes unread, so its inputs
# may cross that; the others reach every limit with small inputs (the request reader also runs
# with small limits).
max_len() { [[ $1 == accesstokens ]] && echo 9000 || echo 4096; }

bash "$ROOT/scripts/deps.sh"
echo "==> Configuring and building the harnesses (preset fuzz, build/fuzz)"
cmake --preset fuzz >/dev/null
targets=()
for name in "${NAMES[@]}"; do targets+=("${name}_fuzzer"); done
cmake --build build/fuzz -j 2 --target "${targets[@]}"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/nextup-fuzz.XXXXXX")
if [[ -n ${FUZZ_KEEP:-} ]]; then
    echo "==> Work folder kept: $WORK"
else
    trap 'rm -rf "$WORK"' EXIT
fi

# The sanitizers stop at the first finding and libFuzzer saves the input that caused it.
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1
export LSAN_OPTIONS="suppressions=$ROOT/scripts/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS=halt_on_error=1:abort_on_error=1:print_stacktrace=1

run_one() {
    local name=$1 dir="$WORK/$1"
    mkdir -p "$dir/corpus" "$dir/artifacts"
    cp -R "$ROOT/tests/fuzz/corpus/$name/." "$dir/corpus/"
    local inputs=("$dir/corpus")
    [[ -d $ROOT/tests/fuzz/regressions/$name ]] && inputs+=("$ROOT/tests/fuzz/regressions/$name")
    # New inputs go to the first folder only (the copy); the others are read. The outer timeout
    # ends a fuzzer that hangs outside an input (libFuzzer's -timeout covers one input).
    local status=0
    (cd "$dir" && timeout --signal=KILL $((FUZZ_SECONDS + 300)) \
        "$ROOT/build/fuzz/tests/fuzz/${name}_fuzzer" -max_total_time="$FUZZ_SECONDS" \
        -print_final_stats=1 -timeout=25 -rss_limit_mb=2560 -max_len="$(max_len "$name")" \
        -artifact_prefix="$dir/artifacts/" "${inputs[@]}") >"$dir/log" 2>&1 || status=$?
    echo "$status" >"$dir/status"
}

echo "==> Fuzzing ${NAMES[*]}: ${FUZZ_SECONDS} s each, ${FUZZ_JOBS} at a time"
for name in "${NAMES[@]}"; do
    while [[ $(jobs -rp | wc -l) -ge $FUZZ_JOBS ]]; do wait -n || true; done
    run_one "$name" &
done
wait

# One figure from libFuzzer's last status line ("#N DONE cov: X ft: Y corp: C/Sb ...") or its
# final stats ("stat::name: value").
done_field() { grep -E '^#[0-9]+[[:space:]]+DONE' "$1" | tail -1 | sed -nE "s/.* $2: ([0-9]+).*/\\1/p"; }
stat_field() { sed -nE "s/^stat::$2:[[:space:]]+([0-9]+).*/\\1/p" "$1" | tail -1; }

failed=0
printf '\n%-16s %12s %8s %7s %7s %15s  %s\n' harness executions exec/s cov ft corpus findings
for name in "${NAMES[@]}"; do
    dir="$WORK/$name" log="$WORK/$name/log"
    seeds=$(find "$ROOT/tests/fuzz/corpus/$name" -type f | wc -l)
    corpus=$(find "$dir/corpus" -type f | wc -l)
    mapfile -t found < <(find "$dir/artifacts" -type f | sort)
    status=$(cat "$dir/status")
    findings=none
    if [[ $status -ne 0 || ${#found[@]} -gt 0 ]]; then
        failed=1
        findings="FAILED (exit $status, ${#found[@]} input(s))"
    fi
    printf '%-16s %12s %8s %7s %7s %15s  %s\n' "$name" "$(stat_field "$log" number_of_executed_units)" \
        "$(stat_field "$log" average_exec_per_sec)" "$(done_field "$log" cov)" \
        "$(done_field "$log" ft)" "$seeds → $corpus" "$findings"
done

for name in "${NAMES[@]}"; do
    dir="$WORK/$name"
    mapfile -t found < <(find "$dir/artifacts" -type f | sort)
    [[ $(cat "$dir/status") -eq 0 && ${#found[@]} -eq 0 ]] && continue
    echo
    echo "==> $name: what libFuzzer and the sanitizers said"
    grep -v -E '^#[0-9]+[[:space:]]+(NEW|REDUCE|pulse|RELOAD)' "$dir/log" | tail -60
    for artifact in "${found[@]}"; do
        regressions="$ROOT/tests/fuzz/regressions/$name"
        mkdir -p "$regressions"
        known=$(find "$regressions" -type f -exec cmp -s "$artifact" {} \; -print -quit)
        if [[ -n $known ]]; then
            echo "==> $name: a known regression input still fails: ${known#"$ROOT"/}"
            continue
        fi
        kept="$regressions/$(basename "$artifact")"
        cp "$artifact" "$kept"
        echo "==> $name: input kept as ${kept#"$ROOT"/} (base64 below; commit it with the fix)"
        base64 -w 100 "$artifact" | head -c 20000
        echo
    done
done

echo
echo "==> Wall time: $(($(date +%s) - start)) s; fuzzers $([[ $failed -eq 0 ]] && echo passed || echo FAILED)"
exit "$failed"
