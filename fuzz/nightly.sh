#!/usr/bin/env bash
# The nightly fuzzing run: builds every cargo-fuzz target, fuzzes each for
# SECONDS on all cores (libFuzzer's fork mode), merges and minimizes its
# working corpus with `cargo fuzz cmin`, copies new crashes, hangs and leaks
# to corpus/regressions/<target>/, and prints a summary per target:
# executions per second, coverage (cov/ft of libFuzzer's last stats line)
# and findings. Exits 1 when anything was found.
#
# usage: fuzz/nightly.sh [--update-corpus] [SECONDS] [TARGET...]
#   --update-corpus  also merge the minimized working corpus into the
#                    committed seeds, corpus/fuzz/<target>/: only the inputs
#                    that reach coverage the seeds do not are added, under
#                    libFuzzer's names (their SHA-1); review and commit them
#   SECONDS  how long each target runs (default 600)
#   TARGET   the targets to run (default: every one, from `cargo fuzz list`)
# env: FUZZ_JOBS (default: every core), FUZZ_TOOLCHAIN (default: nightly)
set -euo pipefail

cd "$(dirname "$0")"
update_corpus=0
if [ "${1:-}" = "--update-corpus" ]; then
    update_corpus=1
    shift
fi
seconds="${1:-600}"
shift || true
jobs="${FUZZ_JOBS:-$(nproc)}"
cargo=(cargo "+${FUZZ_TOOLCHAIN:-nightly}" fuzz)

"${cargo[@]}" build
if [ "$#" -gt 0 ]; then
    targets=("$@")
else
    mapfile -t targets < <("${cargo[@]}" list)
fi

mkdir -p logs
summary=()
found_any=0
for target in "${targets[@]}"; do
    corpus="corpus/$target"
    artifacts="artifacts/$target"
    regressions="../corpus/regressions/$target"
    log="logs/$target.log"
    mkdir -p "$corpus" "$artifacts"

    # The working corpus grows run after run; the committed seeds and past
    # regressions are read as extra corpus directories.
    seeds=("../corpus/fuzz/$target")
    [ -d "$regressions" ] && seeds+=("$regressions")
    "${cargo[@]}" run "$target" "$corpus" "${seeds[@]}" -- \
        -dict=dvcr.dict -max_total_time="$seconds" -fork="$jobs" -ignore_crashes=1 \
        -ignore_timeouts=1 -ignore_ooms=1 -timeout=10 -artifact_prefix="$artifacts/" \
        >"$log" 2>&1 || true

    "${cargo[@]}" cmin "$target" "$corpus" -- -dict=dvcr.dict >"logs/$target.cmin.log" 2>&1 || true

    # libFuzzer's merge copies into the first folder only what adds coverage
    # to it, so the named seeds stay and the new inputs are few.
    added="-"
    if [ "$update_corpus" -eq 1 ]; then
        committed="../corpus/fuzz/$target"
        mkdir -p "$committed"
        before=$(find "$committed" -type f | wc -l)
        "${cargo[@]}" run "$target" "$committed" "$corpus" -- -merge=1 -timeout=10 \
            >"logs/$target.update.log" 2>&1 || true
        added=$(($(find "$committed" -type f | wc -l) - before))
    fi

    findings=0
    while IFS= read -r artifact; do
        mkdir -p "$regressions"
        if [ ! -e "$regressions/$(basename "$artifact")" ]; then
            cp "$artifact" "$regressions/"
            findings=$((findings + 1))
        fi
    done < <(find "$artifacts" -type f \( -name 'crash-*' -o -name 'timeout-*' \
        -o -name 'leak-*' -o -name 'oom-*' \) | sort)
    [ "$findings" -gt 0 ] && found_any=1

    stats=$(grep -E 'cov: [0-9]+ ft: [0-9]+' "$log" | grep 'exec/s' | tail -n 1 || true)
    cov=$(grep -oE 'cov: [0-9]+' <<<"$stats" | grep -oE '[0-9]+' || echo '?')
    ft=$(grep -oE 'ft: [0-9]+' <<<"$stats" | grep -oE '[0-9]+' || echo '?')
    # Fork mode's exec/s is the last job's; the whole run's is #runs / time.
    runs=$(grep -oE '^#[0-9]+' <<<"$stats" | tr -d '#' || true)
    took=$(grep -oE 'time: [0-9]+s' <<<"$stats" | grep -oE '[0-9]+' || true)
    if [ -n "$runs" ] && [ -n "$took" ] && [ "$took" -gt 0 ]; then
        speed=$((runs / took))
    else
        speed=$(grep -oE 'exec/s: [0-9]+' <<<"$stats" | grep -oE '[0-9]+' || echo '?')
    fi
    size=$(find "$corpus" -type f | wc -l)
    summary+=("$(printf '%-20s %10s %8s %8s %8s %11s %9s' "$target" "$speed" "$cov" "$ft" \
        "$size" "$added" "$findings")")
done

printf '%-20s %10s %8s %8s %8s %11s %9s\n' target exec/s cov ft corpus seeds-added findings
printf '%s\n' "${summary[@]}"
[ "$update_corpus" -eq 0 ] || echo "new seeds merged into corpus/fuzz/; review and commit them"
[ "$found_any" -eq 0 ] || echo "new findings copied to corpus/regressions/; see fuzz/logs/"
exit "$found_any"
