#!/usr/bin/env bash
# The nightly fuzzing run: builds every cargo-fuzz target, fuzzes each for
# SECONDS on all cores (libFuzzer's fork mode), merges and minimizes its
# working corpus with `cargo fuzz cmin`, copies new crashes, hangs and leaks
# to corpus/regressions/<target>/, and prints a summary per target:
# executions per second, coverage (cov/ft of libFuzzer's last stats line)
# and findings. Exits 1 when anything was found.
#
# usage: fuzz/nightly.sh [SECONDS] [TARGET...]
#   SECONDS  how long each target runs (default 600)
#   TARGET   the targets to run (default: every one, from `cargo fuzz list`)
# env: FUZZ_JOBS (default: every core), FUZZ_TOOLCHAIN (default: nightly)
set -euo pipefail

cd "$(dirname "$0")"
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
    summary+=("$(printf '%-20s %10s %8s %8s %8s %9s' "$target" "$speed" "$cov" "$ft" \
        "$size" "$findings")")
done

printf '%-20s %10s %8s %8s %8s %9s\n' target exec/s cov ft corpus findings
printf '%s\n' "${summary[@]}"
[ "$found_any" -eq 0 ] || echo "new findings copied to corpus/regressions/; see fuzz/logs/"
exit "$found_any"
